#include "features/geography/geo_cli.h"

#include <nlohmann/json.hpp>

namespace wp::geography {
namespace {

using nlohmann::json;

constexpr const char* kUsage =
    "Usage: wijkplatform geo import --dir DIR [--prefix PREFIX] [--replace] [--json]\n"
    "       wijkplatform geo show [--json]\n"
    "import reads DIR/PREFIX-wijken.csv, -wijken.geojson, -buurten.csv, -buurten.geojson and, when present,\n"
    "-stadsdelen.csv and a wijkraden mapping (CBS layout; see docs/geography.md); show prints the loaded\n"
    "stadsdelen, wijken and buurten.";

std::vector<FlagSpec> SpecsFor(const std::string& sub, const std::vector<FlagSpec>& common) {
  std::vector<FlagSpec> specs;
  if (sub == "import") {
    specs = {{"dir", true, false, "folder with the CBS files", "DIR"},
             {"prefix", true, false, "file name prefix (default: haarlem)", "PREFIX"},
             {"replace", false, false, "replace an earlier import"}};
  }
  specs.insert(specs.end(), common.begin(), common.end());
  return specs;
}

int Import(const Flags& flags, std::ostream& out, std::ostream& err, GeographyService& geo) {
  auto s = geo.ImportFolder(*flags.Get("dir"), flags.Get("prefix").value_or("haarlem"), flags.Has("replace"));
  if (!s.has_value()) return FailCommand(flags, out, err, s.error().detail, 1);
  if (flags.Has("json")) {
    out << json{{"ok", true},
                {"municipality_code", s->municipality_code},
                {"municipality", s->municipality_name},
                {"stadsdelen", s->boroughs},
                {"wijken", s->districts},
                {"buurten", s->neighbourhoods},
                {"population", s->population},
                {"replaced", s->replaced}}
               .dump(2)
        << "\n";
  } else {
    out << "imported " << s->municipality_name << " (" << s->municipality_code << "): " << s->boroughs
        << " stadsdelen, " << s->districts << " wijken, " << s->neighbourhoods << " buurten, population "
        << s->population << (s->replaced ? " (replaced the earlier import)" : "") << "\n";
  }
  return 0;
}

json Describe(const Municipality& m) {
  json j;
  j["ok"] = true;
  j["municipality"] = {{"code", m.code.str()}, {"name", m.name}};
  j["stadsdelen"] = json::array();
  for (const auto& b : m.boroughs) {
    json wijken = json::array();
    for (const auto* d : DistrictsOfBorough(m, b.name)) {
      json buurten = json::array();
      for (const auto* n : NeighbourhoodsOfDistrict(m, d->code)) {
        buurten.push_back({{"code", n->code.str()}, {"name", n->name}});
      }
      wijken.push_back({{"code", d->code.str()},
                        {"name", d->name},
                        {"population", d->figures.population.value_or(0)},
                        {"buurten", buurten}});
    }
    j["stadsdelen"].push_back({{"name", b.name}, {"slug", b.slug}, {"wijken", wijken}});
  }
  return j;
}

int Show(const Flags& flags, std::ostream& out, const GeographyService& geo) {
  auto m = geo.current();
  json j = Describe(*m);
  if (flags.Has("json")) {
    out << j.dump(2) << "\n";
    return 0;
  }
  if (m->districts.empty()) {
    out << "no geography loaded; load one with: wijkplatform geo import --dir DIR\n";
    return 0;
  }
  out << m->name << " (" << m->code.str() << ")\n";
  for (const auto& b : j["stadsdelen"]) {
    out << "  " << b["name"].get<std::string>() << "\n";
    for (const auto& w : b["wijken"]) {
      out << "    " << w["code"].get<std::string>() << "  " << w["name"].get<std::string>() << " ("
          << w["buurten"].size() << " buurten, " << w["population"].get<int64_t>() << " inwoners)\n";
    }
  }
  return 0;
}

}  // namespace

int RunGeoCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const GeoCliHost& host) {
  if (args.empty() || args[0] == "--help") {
    out << kUsage << "\n";
    return args.empty() ? 2 : 0;
  }
  const std::string& sub = args[0];
  if (sub != "import" && sub != "show") {
    err << "wijkplatform: unknown geo command '" << sub << "'\n" << kUsage << "\n";
    return 2;
  }
  const std::vector<FlagSpec> specs = SpecsFor(sub, host.common_flags);
  Flags flags;
  if (auto done = ParseCommandFlags({args.begin() + 1, args.end()}, specs, kUsage, out, err, flags)) return *done;
  if (sub == "import" && !flags.Get("dir")) return FailCommand(flags, out, err, "--dir is required", 2);
  auto geo = host.open(flags, sub != "import");
  if (!geo.has_value()) return FailCommand(flags, out, err, geo.error().detail, 1);
  if (sub == "import") return Import(flags, out, err, **geo);
  return Show(flags, out, **geo);
}

}  // namespace wp::geography
