#include "features/opinion/feature.h"

#include "features/opinion/demo.h"
#include "features/opinion/pages.h"
#include "wp_opinion_files.h"

namespace wp::opinion {
namespace {

// The wijk or buurt `code` with its stadsdeel and the platforms of its wijk.
std::optional<Area> FindArea(const geography::GeographyService& geography,
                             const platforms::PlatformDirectory& directory, std::string_view code) {
  auto m = geography.current();
  const geography::District* district = nullptr;
  Area area{std::string(code), "", "", {}};
  if (auto d = geography::DistrictCode::Parse(code)) {
    district = geography::FindDistrict(*m, *d);
    if (district) area.name = district->name;
  } else if (auto n = geography::NeighbourhoodCode::Parse(code)) {
    if (const auto* nb = geography::FindNeighbourhood(*m, *n)) {
      district = geography::FindDistrict(*m, nb->district_code);
      if (district) area.name = nb->name + " (" + district->name + ")";
    }
  }
  if (!district) return std::nullopt;
  if (const auto* b = geography::FindBorough(*m, district->borough)) area.borough_slug = b->slug;
  if (auto list = directory.ActiveForDistrict(district->code.str()); list.has_value()) {
    for (const auto& p : *list) area.platform_scopes.push_back(platforms::PlatformScope(p.id));
  }
  return area;
}

// Every wijk, each followed by its buurten.
std::vector<std::pair<std::string, std::string>> AreaChoices(const geography::GeographyService& geography) {
  auto m = geography.current();
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& d : m->districts) {
    out.emplace_back(d.code.str(), d.name);
    for (const auto* n : geography::NeighbourhoodsOfDistrict(*m, d.code)) {
      out.emplace_back(n->code.str(), d.name + ": " + n->name);
    }
  }
  return out;
}

}  // namespace

OpinionCommands& RegisterOpinion(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                 const geography::GeographyService& geography,
                                 const platforms::PlatformDirectory& directory) {
  registry.AddFiles("opinion", OpinionFiles());
  registry.AddMigrations(db::MigrationsFromFiles("opinion", OpinionFiles()));
  AreaLookup areas = [&geography, &directory](std::string_view code) { return FindArea(geography, directory, code); };
  auto& commands =
      registry.Keep(std::make_unique<OpinionCommands>(deps.db, deps.clock, deps.random, areas, OpinionSettings{}));
  deps.web.AddNav({"/meningen", "opinion.nav.list", std::nullopt, false});
  registry.AddStat({"wp_opinion_votes_total", "Votes in opinion-map conversations", [](db::Connection& c) {
                      auto row = c.QueryOne("SELECT COUNT(*) FROM opinion_votes");
                      return row.has_value() ? row->Int(0) : int64_t{0};
                    }});
  registry.AddDemo("opinion", [&commands, &db = deps.db](const web::DemoSeed& seed) {
    return LoadOpinionDemo(seed, commands, db);
  });
  const web::Web& web = deps.web;
  auto& open = registry.Keep(std::make_unique<PublicPages>(web, commands, deps.random));
  auto& organiser = registry.Keep(std::make_unique<OrganiserPages>(
      web, commands, [&geography] { return AreaChoices(geography); }));
  registry.AddRoutes([&web, &open, &organiser](http::Router& router) { AddOpinionRoutes(router, web, open, organiser); });
  return commands;
}

}  // namespace wp::opinion
