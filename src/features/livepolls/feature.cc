#include "features/livepolls/feature.h"

#include "core/strings.h"
#include "features/livepolls/demo.h"
#include "features/livepolls/routes.h"
#include "wp_livepolls_files.h"

namespace wp::livepolls {

namespace {

// The platform page's section: closed polls with links to their results.
std::string PlatformSection(const LivePollCommands& commands, const i18n::Catalog& catalog,
                            const platforms::Platform& p, std::string_view locale) {
  auto polls = commands.ClosedPollsOf(p.id);
  if (!polls.has_value() || polls->empty()) return "";
  std::string html = "<section class=\"wp-section\"><h2 class=\"utrecht-heading-2\">";
  AppendHtmlEscaped(html, catalog.Format(locale, "livepolls.section.title"));
  html += "</h2><ul class=\"utrecht-unordered-list\">";
  size_t shown = 0;
  for (const auto& poll : *polls) {
    if (++shown > 5) break;
    html += "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"/peiling/" +
            std::to_string(poll.id) + "/uitslag\">";
    AppendHtmlEscaped(html, poll.title);
    html += "</a> (";
    AppendHtmlEscaped(html, poll.meeting);
    html += ")</li>";
  }
  html += "</ul><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/wijkplatform/" + p.slug +
          "/peilingen\">";
  AppendHtmlEscaped(html, catalog.Format(locale, "livepolls.section.all"));
  return html + "</a></p></section>";
}

// An activity's page: the closed polls held there, with links to their results.
std::string EventSection(const LivePollCommands& commands, const i18n::Catalog& catalog,
                         const events::MeetingRef& meeting, std::string_view locale) {
  auto polls = commands.ClosedPollsOfEvent(meeting.id);
  if (!polls.has_value() || polls->empty()) return "";
  std::string html = "<section class=\"wp-section\"><h2 class=\"utrecht-heading-2\">";
  AppendHtmlEscaped(html, catalog.Format(locale, "livepolls.event_section.title"));
  html += "</h2><ul class=\"utrecht-unordered-list\">";
  for (const auto& poll : *polls) {
    html += "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"/peiling/" +
            std::to_string(poll.id) + "/uitslag\">";
    AppendHtmlEscaped(html, catalog.Format(locale, "livepolls.event_section.results", {{"title", poll.title}}));
    html += "</a></li>";
  }
  return html + "</ul></section>";
}

}  // namespace

LivePollCommands& RegisterLivePolls(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                    platforms::PlatformDirectory& directory, events::EventMeetings& meetings) {
  registry.AddFiles("livepolls", LivepollsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("livepolls", LivepollsFiles()));
  auto& commands = registry.Keep(std::make_unique<LivePollCommands>(deps.db, deps.clock, deps.random, directory,
                                                                    LivePollSettings{}, &meetings));
  deps.web.AddNav({"/doe-mee", "livepolls.nav.join", std::nullopt, false});
  registry.AddStat({"wp_livepolls_total", "Live polls of meetings",
                    [](db::Connection& c) { return PollStore::CountPolls(c).value_or(0); }});
  const i18n::Catalog& catalog = deps.web.catalog();
  directory.AddPageSection([&commands, &catalog](const platforms::Platform& p, const auth::User*,
                                                 std::string_view locale) {
    return PlatformSection(commands, catalog, p, locale);
  });
  meetings.AddPageSection([&commands, &catalog](const events::MeetingRef& m, std::string_view locale) {
    return EventSection(commands, catalog, m, locale);
  });
  registry.AddDemo("livepolls", [&commands, &db = deps.db, &directory](const web::DemoSeed& seed) {
    return LoadLivePollsDemo(seed, commands, directory, db);
  });
  const web::Web& web = deps.web;
  PollPages& polls = registry.Keep(std::make_unique<PollPages>(web, commands, deps.zone));
  JoinPages& join = registry.Keep(std::make_unique<JoinPages>(web, commands));
  registry.AddRoutes([&web, &polls, &join](http::Router& router) { AddLivePollRoutes(router, web, polls, join); });
  return commands;
}

}  // namespace wp::livepolls
