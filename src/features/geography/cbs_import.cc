#include "features/geography/cbs_import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "core/strings.h"

namespace wp::geography {
namespace {

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// ---------------------------------------------------------------- CBS cells

bool IsMissingNumber(std::string_view v) { return v.empty() || v == "."; }

Result<std::optional<int64_t>> ParseCount(const SourceFile& f, const CsvTable::Row& row, std::string_view column,
                                          std::string_view v) {
  if (IsMissingNumber(v)) return std::optional<int64_t>();
  int64_t out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || out < 0 || v[0] == '-') {
    return CsvError(f, row.line, Quoted(column) + " is not a whole number >= 0: " + Quoted(v));
  }
  return std::optional<int64_t>(out);
}

Result<std::optional<double>> ParseDecimal(const SourceFile& f, const CsvTable::Row& row, std::string_view column,
                                           std::string_view v) {
  if (IsMissingNumber(v)) return std::optional<double>();
  std::string s(v);
  if (std::count(s.begin(), s.end(), ',') == 1 && s.find('.') == std::string::npos) s[s.find(',')] = '.';
  double out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(out) || out < 0 || s[0] == '-') {
    return CsvError(f, row.line, Quoted(column) + " is not a number >= 0: " + Quoted(v));
  }
  return std::optional<double>(out);
}

// Optional figure columns shared by all CSV files.
struct FigureColumns {
  std::optional<size_t> population, men, women, dwellings, area_total, area_land, area_water, density;
};

Result<FigureColumns> FindFigureColumns(const CsvColumns& cols) {
  FigureColumns fc;
  WP_ASSIGN_OR_RETURN(fc.population, cols.Find("population"));
  WP_ASSIGN_OR_RETURN(fc.men, cols.Find("men"));
  WP_ASSIGN_OR_RETURN(fc.women, cols.Find("women"));
  WP_ASSIGN_OR_RETURN(fc.dwellings, cols.Find("dwellings"));
  WP_ASSIGN_OR_RETURN(fc.area_total, cols.Find("area_total_ha"));
  WP_ASSIGN_OR_RETURN(fc.area_land, cols.Find("area_land_ha"));
  WP_ASSIGN_OR_RETURN(fc.area_water, cols.Find("area_water_ha"));
  WP_ASSIGN_OR_RETURN(fc.density, cols.Find("density_per_km2_land"));
  return fc;
}

Result<Figures> ReadFigures(const SourceFile& f, const CsvTable::Row& row, const FigureColumns& fc) {
  Figures out;
  WP_ASSIGN_OR_RETURN(out.population, ParseCount(f, row, "population", CsvCell(row, fc.population)));
  WP_ASSIGN_OR_RETURN(out.men, ParseCount(f, row, "men", CsvCell(row, fc.men)));
  WP_ASSIGN_OR_RETURN(out.women, ParseCount(f, row, "women", CsvCell(row, fc.women)));
  WP_ASSIGN_OR_RETURN(out.dwellings, ParseCount(f, row, "dwellings", CsvCell(row, fc.dwellings)));
  WP_ASSIGN_OR_RETURN(out.area_total_ha, ParseDecimal(f, row, "area_total_ha", CsvCell(row, fc.area_total)));
  WP_ASSIGN_OR_RETURN(out.area_land_ha, ParseDecimal(f, row, "area_land_ha", CsvCell(row, fc.area_land)));
  WP_ASSIGN_OR_RETURN(out.area_water_ha, ParseDecimal(f, row, "area_water_ha", CsvCell(row, fc.area_water)));
  WP_ASSIGN_OR_RETURN(out.density_per_km2_land, ParseDecimal(f, row, "density_per_km2_land", CsvCell(row, fc.density)));
  return out;
}

Result<std::optional<int>> ReadYear(const SourceFile& f, const CsvTable::Row& row, std::optional<size_t> col) {
  WP_ASSIGN_OR_RETURN(std::optional<int64_t> y, ParseCount(f, row, "year", CsvCell(row, col)));
  if (!y) return std::optional<int>();
  if (*y < 1800 || *y > 2200) return CsvError(f, row.line, "year out of range: " + std::to_string(*y));
  return std::optional<int>(static_cast<int>(*y));
}

Result<std::string> RequireText(const SourceFile& f, const CsvTable::Row& row, std::string_view column,
                                std::optional<size_t> col) {
  std::string_view v = CsvCell(row, col);
  if (v.empty()) return CsvError(f, row.line, "empty " + Quoted(column));
  return std::string(v);
}

}  // namespace

// ---------------------------------------------------------------- import

namespace {

template <typename T>
std::optional<T> SumOf(const std::vector<const District*>& districts, std::optional<T> Figures::*field) {
  T total{};
  for (const District* d : districts) {
    const std::optional<T>& v = d->figures.*field;
    if (!v) return std::nullopt;
    total += *v;
  }
  return total;
}

std::string FormatNumber(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// Builds one Municipality from CbsFiles, one input file at a time.
class Importer {
 public:
  explicit Importer(const CbsFiles& files) : files_(files) {}

  Result<Municipality> Run() {
    WP_TRY_VOID(ImportDistricts());
    WP_TRY_VOID(ImportNeighbourhoods());
    WP_TRY_VOID(ImportBoroughs());
    WP_TRY_VOID(ImportShapes());
    WP_TRY_VOID(ImportCouncils());
    return std::move(m_);
  }

 private:
  Result<void> ImportDistricts() {
    const SourceFile& f = files_.districts_csv;
    WP_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(f));
    CsvColumns cols(f, t);
    WP_ASSIGN_OR_RETURN(size_t c_code, cols.Require("code"));
    WP_ASSIGN_OR_RETURN(size_t c_name, cols.Require("name"));
    WP_ASSIGN_OR_RETURN(size_t c_borough, cols.Require("stadsdeel"));
    WP_ASSIGN_OR_RETURN(std::optional<size_t> c_gm, cols.Find("gemeentecode"));
    WP_ASSIGN_OR_RETURN(std::optional<size_t> c_gm_name, cols.Find("gemeentenaam"));
    WP_ASSIGN_OR_RETURN(std::optional<size_t> c_year, cols.Find("year"));
    WP_ASSIGN_OR_RETURN(FigureColumns fc, FindFigureColumns(cols));
    if (t.rows.empty()) return CsvError(f, 1, "no districts");
    for (const CsvTable::Row& row : t.rows) {
      std::string_view text = CsvCell(row, c_code);
      std::optional<DistrictCode> code = DistrictCode::Parse(text);
      if (!code) return CsvError(f, row.line, "invalid district code " + Quoted(text) + ", expected WK + 6 digits");
      auto [it, inserted] = district_lines_.emplace(code->str(), row.line);
      if (!inserted) {
        return CsvError(f, row.line,
                        "duplicate district code " + code->str() + ", also on line " + std::to_string(it->second));
      }
      MunicipalityCode mc = code->municipality();
      if (m_.code.str().empty()) {
        m_.code = mc;
      } else if (mc != m_.code) {
        return CsvError(
            f, row.line,
            "district " + code->str() + " is not in municipality " + m_.code.str() + " of the earlier rows");
      }
      std::string_view gm = CsvCell(row, c_gm);
      if (!gm.empty() && gm != mc.str()) {
        return CsvError(f, row.line, "gemeentecode " + Quoted(gm) + " does not match district code " + code->str());
      }
      std::string_view gm_name = CsvCell(row, c_gm_name);
      if (!gm_name.empty()) {
        if (m_.name.empty()) {
          m_.name = std::string(gm_name);
        } else if (gm_name != m_.name) {
          return CsvError(f, row.line, "gemeentenaam " + Quoted(gm_name) + " differs from " + Quoted(m_.name));
        }
      }
      District d;
      d.code = *code;
      WP_ASSIGN_OR_RETURN(d.name, RequireText(f, row, "name", c_name));
      WP_ASSIGN_OR_RETURN(d.borough, RequireText(f, row, "stadsdeel", c_borough));
      WP_ASSIGN_OR_RETURN(d.year, ReadYear(f, row, c_year));
      WP_ASSIGN_OR_RETURN(d.figures, ReadFigures(f, row, fc));
      m_.districts.push_back(std::move(d));
    }
    if (m_.name.empty()) m_.name = m_.code.str();
    std::sort(m_.districts.begin(), m_.districts.end(),
              [](const District& a, const District& b) { return a.code < b.code; });
    std::map<std::string, int> slug_count;
    for (District& d : m_.districts) {
      d.slug = Slugify(d.name);
      ++slug_count[d.slug];
    }
    for (District& d : m_.districts) {
      if (d.slug.empty()) {
        d.slug = ToLower(d.code.str());
      } else if (slug_count[d.slug] > 1) {
        d.slug += "-" + ToLower(d.code.str());
      }
    }
    return Ok();
  }

  Result<void> ImportNeighbourhoods() {
    const SourceFile& f = files_.neighbourhoods_csv;
    WP_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(f));
    CsvColumns cols(f, t);
    WP_ASSIGN_OR_RETURN(size_t c_code, cols.Require("code"));
    WP_ASSIGN_OR_RETURN(size_t c_name, cols.Require("name"));
    WP_ASSIGN_OR_RETURN(size_t c_district, cols.Require("wijkcode"));
    WP_ASSIGN_OR_RETURN(std::optional<size_t> c_district_name, cols.Find("wijknaam"));
    WP_ASSIGN_OR_RETURN(std::optional<size_t> c_gm, cols.Find("gemeentecode"));
    WP_ASSIGN_OR_RETURN(std::optional<size_t> c_borough, cols.Find("stadsdeel"));
    WP_ASSIGN_OR_RETURN(std::optional<size_t> c_year, cols.Find("year"));
    WP_ASSIGN_OR_RETURN(FigureColumns fc, FindFigureColumns(cols));
    for (const CsvTable::Row& row : t.rows) {
      std::string_view text = CsvCell(row, c_code);
      std::optional<NeighbourhoodCode> code = NeighbourhoodCode::Parse(text);
      if (!code)
        return CsvError(f, row.line, "invalid neighbourhood code " + Quoted(text) + ", expected BU + 8 digits");
      auto [it, inserted] = neighbourhood_lines_.emplace(code->str(), row.line);
      if (!inserted) {
        return CsvError(f, row.line,
                        "duplicate neighbourhood code " + code->str() + ", also on line " + std::to_string(it->second));
      }
      std::string_view district_text = CsvCell(row, c_district);
      std::optional<DistrictCode> district_code = DistrictCode::Parse(district_text);
      if (!district_code) {
        return CsvError(f, row.line, "invalid wijkcode " + Quoted(district_text) + ", expected WK + 6 digits");
      }
      const District* district = FindDistrict(m_, *district_code);
      if (district == nullptr) {
        return CsvError(f, row.line, "wijkcode " + district_code->str() + " is not in " + files_.districts_csv.name);
      }
      if (code->district() != *district_code) {
        return CsvError(f, row.line,
                        "code " + code->str() + " is not numbered under its wijkcode " + district_code->str());
      }
      std::string_view gm = CsvCell(row, c_gm);
      if (!gm.empty() && gm != m_.code.str()) {
        return CsvError(f, row.line, "gemeentecode " + Quoted(gm) + " differs from " + m_.code.str());
      }
      std::string_view district_name = CsvCell(row, c_district_name);
      if (!district_name.empty() && district_name != district->name) {
        return CsvError(f, row.line,
                        "wijknaam " + Quoted(district_name) + " differs from " + Quoted(district->name) + " in " +
                            files_.districts_csv.name);
      }
      std::string_view borough = CsvCell(row, c_borough);
      if (!borough.empty() && borough != district->borough) {
        return CsvError(f, row.line,
                        "stadsdeel " + Quoted(borough) + " differs from " + Quoted(district->borough) +
                            " of district " + district->code.str());
      }
      Neighbourhood n;
      n.code = *code;
      WP_ASSIGN_OR_RETURN(n.name, RequireText(f, row, "name", c_name));
      n.slug = Slugify(n.name);
      if (n.slug.empty()) n.slug = ToLower(n.code.str());
      n.district_code = *district_code;
      n.borough = district->borough;
      WP_ASSIGN_OR_RETURN(n.year, ReadYear(f, row, c_year));
      WP_ASSIGN_OR_RETURN(n.figures, ReadFigures(f, row, fc));
      m_.neighbourhoods.push_back(std::move(n));
    }
    std::sort(m_.neighbourhoods.begin(), m_.neighbourhoods.end(),
              [](const Neighbourhood& a, const Neighbourhood& b) { return a.code < b.code; });
    for (const District& d : m_.districts) {
      if (NeighbourhoodsOfDistrict(m_, d.code).empty()) {
        return CsvError(files_.districts_csv, district_lines_[d.code.str()],
                        "district " + d.code.str() + " has no neighbourhoods in " + f.name);
      }
    }
    return Ok();
  }

  Result<void> ImportBoroughs() {
    std::map<std::string, Borough> by_name;
    for (const District& d : m_.districts) by_name[d.borough].name = d.borough;
    for (auto& [name, b] : by_name) {
      std::vector<const District*> districts = DistrictsOfBorough(m_, name);
      b.district_count = static_cast<int>(districts.size());
      for (const District* d : districts)
        b.neighbourhood_count += static_cast<int>(NeighbourhoodsOfDistrict(m_, d->code).size());
      b.figures.population = SumOf(districts, &Figures::population);
      b.figures.men = SumOf(districts, &Figures::men);
      b.figures.women = SumOf(districts, &Figures::women);
      b.figures.dwellings = SumOf(districts, &Figures::dwellings);
      b.figures.area_total_ha = SumOf(districts, &Figures::area_total_ha);
      b.figures.area_land_ha = SumOf(districts, &Figures::area_land_ha);
      b.figures.area_water_ha = SumOf(districts, &Figures::area_water_ha);
    }
    std::map<std::string, int> borough_lines;  // line in the stadsdelen file
    if (files_.boroughs_csv) {
      const SourceFile& f = *files_.boroughs_csv;
      WP_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(f));
      CsvColumns cols(f, t);
      WP_ASSIGN_OR_RETURN(size_t c_name, cols.Require("stadsdeel"));
      WP_ASSIGN_OR_RETURN(std::optional<size_t> c_districts, cols.Find("wijken"));
      WP_ASSIGN_OR_RETURN(std::optional<size_t> c_neighbourhoods, cols.Find("buurten"));
      WP_ASSIGN_OR_RETURN(FigureColumns fc, FindFigureColumns(cols));
      for (const CsvTable::Row& row : t.rows) {
        WP_ASSIGN_OR_RETURN(std::string name, RequireText(f, row, "stadsdeel", c_name));
        auto [it, inserted] = borough_lines.emplace(name, row.line);
        if (!inserted) {
          return CsvError(f, row.line,
                          "duplicate stadsdeel " + Quoted(name) + ", also on line " + std::to_string(it->second));
        }
        auto b = by_name.find(name);
        if (b == by_name.end()) {
          return CsvError(f, row.line,
                          "stadsdeel " + Quoted(name) + " has no districts in " + files_.districts_csv.name);
        }
        Borough& borough = b->second;
        WP_ASSIGN_OR_RETURN(std::optional<int64_t> n_districts,
                            ParseCount(f, row, "wijken", CsvCell(row, c_districts)));
        WP_ASSIGN_OR_RETURN(std::optional<int64_t> n_neighbourhoods,
                            ParseCount(f, row, "buurten", CsvCell(row, c_neighbourhoods)));
        WP_TRY_VOID(CheckCount(f, row, name, "wijken", n_districts, borough.district_count));
        WP_TRY_VOID(CheckCount(f, row, name, "buurten", n_neighbourhoods, borough.neighbourhood_count));
        WP_ASSIGN_OR_RETURN(Figures given, ReadFigures(f, row, fc));
        Figures& have = borough.figures;
        double tolerance = 0.5 * borough.district_count + 1e-9;
        WP_TRY_VOID(Merge(f, row, name, "population", given.population, have.population, 0));
        WP_TRY_VOID(Merge(f, row, name, "men", given.men, have.men, 0));
        WP_TRY_VOID(Merge(f, row, name, "women", given.women, have.women, 0));
        WP_TRY_VOID(Merge(f, row, name, "dwellings", given.dwellings, have.dwellings, 0));
        WP_TRY_VOID(Merge(f, row, name, "area_total_ha", given.area_total_ha, have.area_total_ha, tolerance));
        WP_TRY_VOID(Merge(f, row, name, "area_land_ha", given.area_land_ha, have.area_land_ha, tolerance));
        WP_TRY_VOID(Merge(f, row, name, "area_water_ha", given.area_water_ha, have.area_water_ha, tolerance));
        if (given.density_per_km2_land) have.density_per_km2_land = given.density_per_km2_land;
      }
      for (const District& d : m_.districts) {
        if (!borough_lines.count(d.borough)) {
          return CsvError(files_.districts_csv, district_lines_[d.code.str()],
                          "stadsdeel " + Quoted(d.borough) + " of district " + d.code.str() + " is not in " + f.name);
        }
      }
    }
    std::map<std::string, std::string> slugs;  // slug -> borough name
    for (auto& [name, b] : by_name) {
      b.index = static_cast<int>(m_.boroughs.size()) + 1;
      b.slug = Slugify(name);
      if (b.slug.empty()) b.slug = "borough-" + std::to_string(b.index);
      auto [it, inserted] = slugs.emplace(b.slug, name);
      if (!inserted) {
        return InvalidInput(files_.districts_csv.name + ": stadsdelen " + Quoted(it->second) + " and " + Quoted(name) +
                            " have the same slug " + Quoted(b.slug));
      }
      Figures& fig = b.figures;
      if (!fig.density_per_km2_land && fig.population && fig.area_land_ha && *fig.area_land_ha > 0) {
        fig.density_per_km2_land = std::round(static_cast<double>(*fig.population) / (*fig.area_land_ha / 100));
      }
      m_.boroughs.push_back(std::move(b));
    }
    return Ok();
  }

  static Result<void> CheckCount(const SourceFile& f, const CsvTable::Row& row, const std::string& borough,
                                 std::string_view column, std::optional<int64_t> given, int actual) {
    if (given && *given != actual) {
      return CsvError(f, row.line,
                      Quoted(column) + " is " + std::to_string(*given) + " for stadsdeel " + Quoted(borough) +
                          ", but the data has " + std::to_string(actual));
    }
    return Ok();
  }

  // Takes a figure from the stadsdelen file after checking it against the
  // sum over the districts (when that sum is known).
  template <typename T>
  static Result<void> Merge(const SourceFile& f, const CsvTable::Row& row, const std::string& borough,
                            std::string_view column, std::optional<T> given, std::optional<T>& derived,
                            double tolerance) {
    if (!given) return Ok();
    if (derived && std::abs(static_cast<double>(*given) - static_cast<double>(*derived)) > tolerance) {
      return CsvError(f, row.line,
                      Quoted(column) + " " + FormatNumber(static_cast<double>(*given)) + " for stadsdeel " +
                          Quoted(borough) + " differs from the sum over its districts, " +
                          FormatNumber(static_cast<double>(*derived)));
    }
    derived = given;
    return Ok();
  }

  Result<void> ImportShapes() {
    std::map<std::string, std::string> names;
    for (const District& d : m_.districts) names[d.code.str()] = d.name;
    std::map<std::string, MultiPolygon> shapes;
    WP_TRY_VOID(AttachShapes(files_.districts_csv, files_.districts_geojson, names, district_lines_, shapes));
    for (District& d : m_.districts) d.shape = std::move(shapes[d.code.str()]);
    names.clear();
    shapes.clear();
    for (const Neighbourhood& n : m_.neighbourhoods) names[n.code.str()] = n.name;
    WP_TRY_VOID(
        AttachShapes(files_.neighbourhoods_csv, files_.neighbourhoods_geojson, names, neighbourhood_lines_, shapes));
    for (Neighbourhood& n : m_.neighbourhoods) n.shape = std::move(shapes[n.code.str()]);
    return Ok();
  }

  Result<void> AttachShapes(const SourceFile& csv, const SourceFile& geojson,
                            const std::map<std::string, std::string>& names, const std::map<std::string, int>& lines,
                            std::map<std::string, MultiPolygon>& shapes) {
    std::string attribution;
    WP_ASSIGN_OR_RETURN(std::vector<GeoJsonFeature> features, ParseGeoJsonFeatures(geojson, &attribution));
    if (m_.attribution.empty()) m_.attribution = attribution;
    for (GeoJsonFeature& feat : features) {
      auto row = names.find(feat.code);
      if (row == names.end())
        return FeatureError(geojson, feat.index, feat.code, "no row with this code in " + csv.name);
      if (!feat.name.empty() && feat.name != row->second) {
        return FeatureError(geojson, feat.index, feat.code,
                            "name " + Quoted(feat.name) + " differs from " + Quoted(row->second) + " in " + csv.name);
      }
      shapes[feat.code] = std::move(feat.shape);
    }
    for (const auto& [code, line] : lines) {
      if (!shapes.count(code)) return CsvError(csv, line, code + " has no feature in " + geojson.name);
    }
    return Ok();
  }

  Result<void> ImportCouncils() {
    if (!files_.council_mapping_csv) return Ok();
    const SourceFile& f = *files_.council_mapping_csv;
    WP_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(f));
    CsvColumns cols(f, t);
    WP_ASSIGN_OR_RETURN(size_t c_name, cols.Require("wijkraad"));
    WP_ASSIGN_OR_RETURN(size_t c_codes, cols.Require("cbs_buurtcodes"));
    WP_ASSIGN_OR_RETURN(std::optional<size_t> c_district, cols.Find("cbs_wijkcode"));
    WP_ASSIGN_OR_RETURN(std::optional<size_t> c_confidence, cols.Find("confidence"));
    WP_ASSIGN_OR_RETURN(std::optional<size_t> c_note, cols.Find("note"));
    std::map<std::string, int> seen;
    for (const CsvTable::Row& row : t.rows) {
      CouncilMapping c;
      WP_ASSIGN_OR_RETURN(c.council_name, RequireText(f, row, "wijkraad", c_name));
      auto [it, inserted] = seen.emplace(c.council_name, row.line);
      if (!inserted) {
        return CsvError(
            f, row.line,
            "duplicate wijkraad " + Quoted(c.council_name) + ", also on line " + std::to_string(it->second));
      }
      std::string_view district_text = CsvCell(row, c_district);
      if (!district_text.empty() && district_text.back() == '?') {
        c.district_uncertain = true;
        district_text = Trim(district_text.substr(0, district_text.size() - 1));
      }
      if (!district_text.empty()) {
        c.district_code = DistrictCode::Parse(district_text);
        if (!c.district_code || FindDistrict(m_, *c.district_code) == nullptr) {
          return CsvError(
              f, row.line,
              "cbs_wijkcode " + Quoted(district_text) + " is not a district in " + files_.districts_csv.name);
        }
      }
      for (std::string_view piece : Split(CsvCell(row, c_codes), ';')) {
        piece = Trim(piece);
        if (piece.empty()) continue;
        std::optional<NeighbourhoodCode> code = NeighbourhoodCode::Parse(piece);
        if (!code || FindNeighbourhood(m_, *code) == nullptr) {
          return CsvError(
              f, row.line,
              "buurtcode " + Quoted(piece) + " is not a neighbourhood in " + files_.neighbourhoods_csv.name);
        }
        if (c.district_code && !c.district_uncertain && code->district() != *c.district_code) {
          return CsvError(f, row.line,
                          "buurtcode " + code->str() + " is not in cbs_wijkcode " + c.district_code->str());
        }
        c.neighbourhoods.push_back(*code);
      }
      std::string confidence = ToLower(CsvCell(row, c_confidence));
      if (confidence == "high") {
        c.confidence = MappingConfidence::kHigh;
      } else if (confidence == "medium") {
        c.confidence = MappingConfidence::kMedium;
      } else if (confidence == "low") {
        c.confidence = MappingConfidence::kLow;
      } else if (!confidence.empty()) {
        return CsvError(f, row.line, "confidence " + Quoted(confidence) + " is not high, medium or low");
      }
      c.note = std::string(CsvCell(row, c_note));
      m_.council_mappings.push_back(std::move(c));
    }
    return Ok();
  }

  const CbsFiles& files_;
  Municipality m_;
  std::map<std::string, int> district_lines_;       // code -> line in the wijken file
  std::map<std::string, int> neighbourhood_lines_;  // code -> line in the buurten file
};

Result<SourceFile> ReadSource(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return NotFound(path.string() + ": file not found");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (!in && !in.eof()) return Unavailable(path.string() + ": could not read");
  return SourceFile{path.string(), contents.str()};
}

}  // namespace

Result<Municipality> ImportMunicipality(const CbsFiles& files) { return Importer(files).Run(); }

Result<CbsFiles> ReadCbsFolder(const std::filesystem::path& folder, std::string_view prefix) {
  std::string p(prefix);
  CbsFiles files;
  WP_ASSIGN_OR_RETURN(files.districts_csv, ReadSource(folder / (p + "-wijken.csv")));
  WP_ASSIGN_OR_RETURN(files.districts_geojson, ReadSource(folder / (p + "-wijken.geojson")));
  WP_ASSIGN_OR_RETURN(files.neighbourhoods_csv, ReadSource(folder / (p + "-buurten.csv")));
  WP_ASSIGN_OR_RETURN(files.neighbourhoods_geojson, ReadSource(folder / (p + "-buurten.geojson")));
  std::error_code ec;
  std::filesystem::path boroughs = folder / (p + "-stadsdelen.csv");
  if (std::filesystem::exists(boroughs, ec)) {
    WP_ASSIGN_OR_RETURN(files.boroughs_csv, ReadSource(boroughs));
  }
  std::vector<std::filesystem::path> mappings;
  std::filesystem::path plain = folder / (p + "-wijkraden-mapping.csv");
  if (std::filesystem::exists(plain, ec)) {
    mappings.push_back(plain);
  } else {
    std::string head = p + "-wijkraden-", tail = "-mapping.csv";
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      std::string name = entry.path().filename().string();
      if (name.size() > head.size() + tail.size() && name.starts_with(head) && name.ends_with(tail)) {
        mappings.push_back(entry.path());
      }
    }
    std::sort(mappings.begin(), mappings.end());
  }
  if (mappings.size() > 1) {
    return InvalidInput(folder.string() + ": more than one wijkraden mapping file: " + mappings[0].filename().string() +
                        ", " + mappings[1].filename().string());
  }
  if (!mappings.empty()) {
    WP_ASSIGN_OR_RETURN(files.council_mapping_csv, ReadSource(mappings[0]));
  }
  return files;
}

Result<Municipality> LoadMunicipalityFromFolder(const std::filesystem::path& folder, std::string_view prefix) {
  WP_ASSIGN_OR_RETURN(CbsFiles files, ReadCbsFolder(folder, prefix));
  return ImportMunicipality(files);
}

}  // namespace wp::geography
