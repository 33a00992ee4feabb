#include "features/news/feature.h"

#include "features/news/news_store.h"
#include "features/news/pages.h"
#include "wp_news_files.h"

namespace wp::news {

namespace {

// Demo content: a few published news posts on the demo platforms.
// Idempotent: a post with the same title is not written again.
Result<void> LoadNewsDemo(const web::DemoSeed& seed, NewsCommands& commands) {
  struct Demo {
    const char* slug;
    const char* kernteam_email;
    const char* kernteam_name;
    const char* title;
    const char* body;
  };
  const Demo demos[] = {
      {"wijkplatform-boerhaavewijk", "kernteam.boerhaavewijk@demo.wijkplatform.invalid", "Fatma (demo)",
       "Het wijkplatform is erkend",
       "Goed nieuws: de gemeente heeft ons wijkplatform **erkend**. Dank aan iedereen die meedacht!\n\n"
       "Wat gaan we doen?\n\n- elke dinsdag een spreekuur\n- een werkgroep Groen\n- een buurtavond per kwartaal\n\n"
       "Meer weten? Kijk op [haarlem.nl](https://www.haarlem.nl)."},
      {"wijkplatform-boerhaavewijk", "kernteam.boerhaavewijk@demo.wijkplatform.invalid", "Fatma (demo)",
       "Geveltuinen: doe mee",
       "Wilt u een geveltuin voor uw huis? De werkgroep Groen helpt bij de aanvraag en met planten.\n\n"
       "> Een geveltuin is klein, maar maakt de straat groener en koeler.\n\nMeld u aan bij het spreekuur."},
      {"wijkplatform-europawijk", "kernteam.europawijk@demo.wijkplatform.invalid", "Ruud (demo)",
       "Eerste buurtavond Europawijk",
       "Op onze eerste buurtavond kwamen *meer dan veertig* buren. De drie belangrijkste punten:\n\n"
       "1. verkeersveiligheid bij de school\n2. meer speelplekken\n3. zwerfafval"},
  };
  for (const auto& d : demos) {
    WP_ASSIGN_OR_RETURN(auto platform, commands.directory().FindBySlug(d.slug));
    if (!platform) continue;  // the platforms demo did not create it
    WP_ASSIGN_OR_RETURN(auto existing, commands.Posts(platform->id, true));
    bool present = false;
    for (const auto& p : existing) present = present || p.title == d.title;
    if (present) continue;
    WP_ASSIGN_OR_RETURN(int64_t user_id, seed.ensure_user(d.kernteam_email, d.kernteam_name, {}));
    auth::User kernteam{user_id, d.kernteam_email, d.kernteam_name, "nl",
                        {{auth::Role::kKernteamMember, platforms::PlatformScope(platform->id)}}};
    WP_ASSIGN_OR_RETURN(int64_t id, commands.CreatePost(kernteam, *platform, d.title, d.body, nullptr));
    WP_TRY_VOID(commands.SetPublished(kernteam, *platform, id, true));
  }
  return Ok();
}

}  // namespace

NewsCommands& RegisterNews(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                           platforms::PlatformDirectory& directory, const NewsOptions& options) {
  registry.AddFiles("news", NewsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("news", NewsFiles()));
  auto& commands = registry.Keep(
      std::make_unique<NewsCommands>(deps.db, deps.clock, deps.web.catalog(), directory, options.settings));
  registry.AddStat({"wp_news_posts_published", "Published news posts",
                    [](db::Connection& c) { return NewsStore::CountPublished(c).value_or(0); }});
  registry.AddDemo("news", [&commands](const web::DemoSeed& seed) { return LoadNewsDemo(seed, commands); });
  const web::Web& web = deps.web;
  registry.AddRoutes(
      [&web, &commands, &zone = deps.zone](http::Router& router) { AddNewsRoutes(router, web, commands, zone); });
  return commands;
}

}  // namespace wp::news
