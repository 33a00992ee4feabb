#include "features/forums/feature.h"

#include "core/clock.h"
#include "features/forums/demo.h"
#include "features/forums/draw_job.h"
#include "features/forums/platform_section.h"
#include "features/forums/workspace_pages.h"
#include "features/forums/routes.h"
#include "wp_forums_files.h"
#include "wp_sortition_files.h"

namespace wp::forums {

namespace {

// How long ago the demo's past forum was drawn: in a quarter that has ended.
constexpr int64_t kPastDemoDays = 200;

}  // namespace

ForumCommands& RegisterForums(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                              geography::GeographyService& geo, platforms::PlatformDirectory& directory,
                              const ForumsOptions& options) {
  registry.AddFiles("forums", ForumsFiles());
  registry.AddMigrations(db::MigrationsFromFiles("forums", ForumsFiles()));
  // The engine's catalogs (the plain-language story of a draw); the engine
  // is a library without a feature of its own.
  registry.AddFiles("sortition", SortitionFiles());
  auto& commands = registry.Keep(
      std::make_unique<ForumCommands>(deps.db, deps.clock, deps.random, geo, deps.zone, options.settings));
  auto& draw_job = registry.Keep(std::make_unique<DrawJob>(deps.db, deps.clock, deps.web.catalog()));
  deps.jobs.AddHandler(std::string(kDrawJob), [&draw_job](jobs::JobContext& job) { return draw_job.Run(job); });
  deps.jobs.AddPeriodic("forums.erase_personal_data", 3600, [&commands]() -> Result<void> {
    WP_TRY_VOID(commands.ErasePersonalData());
    return Ok();
  });
  deps.jobs.AddPeriodic("forums.end_terms", 3600, [&commands]() -> Result<void> {
    WP_TRY_VOID(commands.EndTerms());
    return Ok();
  });
  deps.web.AddNav({"/loting", "forums.nav.forums", std::nullopt, false});
  registry.AddUploadRoute({http::Method::kPost, "/beheer/loting/{slug}/uitnodigen", true});
  registry.AddUploadRoute({http::Method::kPost, "/beheer/loting/{slug}/nieuwe-ronde", true});
  registry.AddUploadRoute({http::Method::kPost, "/loting/{slug}/werkplaats/document", true});
  registry.AddStoredFileColumn({"forum_documents", "sha256"});  // its PDFs, kept by the file sweep
  auto& workspace = registry.Keep(std::make_unique<WorkspaceCommands>(deps.db, commands, deps.files));
  auto& section = registry.Keep(std::make_unique<PlatformSection>(workspace, deps.web.catalog()));
  directory.AddPageSection([&section](const platforms::Platform& p, const auth::User*, std::string_view locale) {
    return section.Render(p, locale);
  });
  registry.AddDemo("forums", [&commands, &draw_job, &workspace, &db = deps.db, &random = deps.random, &geo, &zone = deps.zone,
                              settings = options.settings, &catalog = deps.web.catalog()](const web::DemoSeed& seed) {
    FakeClock past_clock(seed.clock->NowUnixSeconds() - kPastDemoDays * 86400);
    ForumCommands past_commands(db, past_clock, random, geo, zone, settings);
    DrawJob past_job(db, past_clock, catalog);
    return LoadForumsDemo(seed, commands, draw_job, workspace, {past_commands, past_job});
  });
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  auto& official = registry.Keep(std::make_unique<OfficialPages>(web, commands));
  auto& work = registry.Keep(std::make_unique<WorkspacePages>(web, workspace));
  registry.AddRoutes([&web, &open, &official, &work](http::Router& router) {
    AddForumsRoutes(router, web, open, official, work);
  });
  return commands;
}

}  // namespace wp::forums
