#include "features/talks/feature.h"

#include "features/talks/demo.h"
#include "features/talks/platform_section.h"
#include "features/talks/routes.h"
#include "features/talks/search_entries.h"
#include "features/talks/talk_store.h"
#include "features/talks/talk_view.h"
#include "wp_talks_files.h"

namespace wp::talks {

TalkCommands& RegisterTalks(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                            platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                            const promises::PromiseCommands& promises, const TalksOptions& options,
                            search::Index* index) {
  registry.AddFiles("talks", TalksFiles());
  registry.AddMigrations(db::MigrationsFromFiles("talks", TalksFiles()));
  auto& commands = registry.Keep(std::make_unique<TalkCommands>(deps.db, deps.clock, deps.web.catalog(), directory,
                                                                roles, deps.zone, promises, options.settings, index));
  if (index) {
    index->AddSource({kMinutesSource, [](int64_t id) { return MeetingPath(id); },
                      [&commands](db::Connection& c) -> Result<std::vector<search::Entry>> {
                        WP_ASSIGN_OR_RETURN(auto meetings, TalkStore::Meetings(c, 0));
                        std::vector<search::Entry> out;
                        for (const auto& m : meetings) {
                          WP_ASSIGN_OR_RETURN(auto entries, commands.SearchEntriesOf(c, m));
                          for (auto& e : entries) out.push_back(std::move(e));
                        }
                        return out;
                      }});
  }
  deps.web.AddNav({"/gesprekken", "talks.nav.public", std::nullopt, false});
  registry.AddStat({"wp_talks_upcoming", "Planned meetings of rounds of talks",
                    [](db::Connection& c) { return TalkStore::CountUpcoming(c).value_or(0); }});
  registry.AddDemo("talks", [&commands, &db = deps.db](const web::DemoSeed& seed) { return LoadTalksDemo(seed, commands, db); });
  auto& section = registry.Keep(std::make_unique<PlatformSection>(commands, deps.web.catalog()));
  directory.AddPageSection([&section](const platforms::Platform& p, const auth::User*, std::string_view locale) {
    return section.Render(p, locale);
  });
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  auto& official = registry.Keep(std::make_unique<OfficialPages>(web, commands));
  registry.AddRoutes([&web, &open, &official](http::Router& router) { AddTalkRoutes(router, web, open, official); });
  return commands;
}

}  // namespace wp::talks
