#include "features/surveys/feature.h"

#include "core/clock.h"
#include "features/surveys/demo.h"
#include "features/surveys/routes.h"
#include "wp_surveys_files.h"

namespace wp::surveys {

namespace {

// How long ago the demo's finished survey ran: in a quarter that has ended.
constexpr int64_t kPastDemoDays = 120;

}  // namespace

SurveyCommands& RegisterSurveys(web::FeatureRegistry& registry, const web::FeatureDeps& deps) {
  registry.AddFiles("surveys", SurveysFiles());
  registry.AddMigrations(db::MigrationsFromFiles("surveys", SurveysFiles()));
  const web::SiteOptions& site = deps.web.options();
  SurveySettings settings{site.base_url, site.site_name + " " + site.municipality_name};
  auto& commands = registry.Keep(
      std::make_unique<SurveyCommands>(deps.db, deps.clock, deps.random, deps.web.catalog(), settings));
  deps.web.AddNav({"/peilingen", "surveys.nav.surveys", std::nullopt, false});
  deps.web.AddNav({"/beheer/peilingen", "surveys.nav.official", auth::Role::kAdministrator, true});
  registry.AddDemo("surveys", [&commands, &db = deps.db, &random = deps.random, &catalog = deps.web.catalog(),
                               settings](const web::DemoSeed& seed) {
    FakeClock past_clock(seed.clock->NowUnixSeconds() - kPastDemoDays * 86400);
    SurveyCommands past(db, past_clock, random, catalog, settings);
    return LoadSurveysDemo(seed, commands, past);
  });
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands));
  auto& official = registry.Keep(std::make_unique<OfficialPages>(web, commands));
  registry.AddRoutes([&web, &open, &official](http::Router& router) { AddSurveyRoutes(router, web, open, official); });
  return commands;
}

}  // namespace wp::surveys
