#include "features/dashboards/open_data.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace wp::dashboards {

namespace {

using nlohmann::json;

struct AreaLine {
  std::string level, key, code, name;
};

// Every area of the municipality, city first, in the order of the pages.
std::vector<AreaLine> Areas(const geography::Municipality& m) {
  std::vector<AreaLine> out{{"gemeente", std::string(kCityKey), m.code.str(), m.name}};
  for (const auto& b : m.boroughs) {
    out.push_back({"stadsdeel", BoroughKey(b.slug), b.slug, b.name});
    for (const auto* d : geography::DistrictsOfBorough(m, b.name)) {
      out.push_back({"wijk", d->code.str(), d->code.str(), d->name});
      for (const auto* n : geography::NeighbourhoodsOfDistrict(m, d->code)) {
        out.push_back({"buurt", n->code.str(), n->code.str(), n->name});
      }
    }
  }
  return out;
}

std::string Period(int year, int quarter, bool year_ended) {
  if (quarter > 0) return std::to_string(year) + "-K" + std::to_string(quarter);
  return year_ended ? std::to_string(year) : std::to_string(year) + "-tot-nu";
}

std::vector<DataCell> BandCells(const std::optional<Band>& b) {
  if (!b) return {{"", std::nullopt}, {"", std::nullopt}, {"ja", std::nullopt}};
  return {{std::to_string(b->low), b->low}, {std::to_string(b->high), b->high}, {"nee", std::nullopt}};
}

void AddRows(Dataset& d, const YearFigures& f, const std::vector<AreaLine>& areas, const std::string& what,
             const std::map<std::string, BandedRow>& rows) {
  for (const auto& a : areas) {
    auto r = rows.find(a.key);
    if (r == rows.end()) continue;
    for (int q = 0; q <= f.quarters; ++q) {
      const std::optional<Band>& band = q < f.quarters ? r->second.values[static_cast<size_t>(q)] : r->second.total;
      std::vector<DataCell> row{{Period(f.year, q < f.quarters ? q + 1 : 0, f.year_ended), std::nullopt},
                                {a.level, std::nullopt},
                                {a.code, std::nullopt},
                                {a.name, std::nullopt},
                                {what, std::nullopt}};
      for (auto& c : BandCells(band)) row.push_back(std::move(c));
      d.rows.push_back(std::move(row));
    }
  }
}

void AddOutcome(Dataset& d, const YearFigures& f, const std::string& what, const ProtectedTable& t) {
  auto cell = [](const std::optional<int64_t>& v) {
    return v ? DataCell{std::to_string(*v), *v} : DataCell{"", std::nullopt};
  };
  for (size_t q = 0; q < t.cells.size(); ++q) {
    d.rows.push_back({{Period(f.year, static_cast<int>(q) + 1, f.year_ended), std::nullopt},
                      {what, std::nullopt},
                      cell(t.cells[q][0]),
                      cell(t.cells[q][1]),
                      cell(t.row_totals[q])});
  }
  if (f.year_ended && !t.cells.empty()) {
    d.rows.push_back({{Period(f.year, 0, true), std::nullopt},
                      {what, std::nullopt},
                      cell(t.column_totals[0]),
                      cell(t.column_totals[1]),
                      cell(t.grand_total)});
  }
}

DataCell Number(int64_t n) { return {std::to_string(n), n}; }

// Per quarter: promises open past their date (band), forums drawn (exact:
// public one by one), advice requests asked (band).
void AddActivity(Dataset& d, const YearFigures& f) {
  auto add = [&](size_t q, const std::string& what, std::vector<DataCell> cells) {
    std::vector<DataCell> row{{Period(f.year, static_cast<int>(q) + 1, f.year_ended), std::nullopt},
                              {what, std::nullopt}};
    for (auto& c : cells) row.push_back(std::move(c));
    d.rows.push_back(std::move(row));
  };
  for (size_t q = 0; q < f.promises_overdue.size(); ++q)
    add(q, "beloften_te_laat_open", BandCells(f.promises_overdue[q]));
  for (size_t q = 0; q < f.forums_held.size(); ++q) {
    add(q, "forums_geloot", {Number(f.forums_held[q]), Number(f.forums_held[q]), {"nee", std::nullopt}});
  }
  for (size_t q = 0; q < f.advice_asked.size(); ++q) add(q, "adviesvragen", BandCells(f.advice_asked[q]));
}

void AddRounds(Dataset& d, const YearFigures& f, const geography::Municipality& m) {
  for (const auto& r : f.rounds) {
    std::string area = m.code.str();
    for (const auto& b : m.boroughs) {
      if (!r.borough_slug.empty() && b.slug == r.borough_slug) area = b.slug;
    }
    std::vector<DataCell> row{
        {Period(f.year, r.quarter, f.year_ended), std::nullopt}, {r.title, std::nullopt}, {area, std::nullopt}};
    for (auto& c : BandCells(r.eligible)) row.push_back(std::move(c));
    for (auto& c : BandCells(r.counted ? r.ballots : std::nullopt)) row.push_back(std::move(c));
    row.push_back(r.turnout ? Number(r.turnout->low) : DataCell{"", std::nullopt});
    row.push_back(r.turnout ? Number(r.turnout->high) : DataCell{"", std::nullopt});
    row.push_back({r.counted ? "ja" : "nee", std::nullopt});
    row.push_back(Number(r.budget_cents / 100));
    row.push_back(Number(r.funded_cents / 100));
    row.push_back(Number(r.funded_plans));
    d.rows.push_back(std::move(row));
  }
}

// Per counted round whose codes know their buurt: codes, voters and turnout
// in every area of the municipality the round reached.
void AddTurnout(Dataset& d, const YearFigures& f, const std::vector<AreaLine>& areas) {
  for (const auto& r : f.rounds) {
    for (const auto& a : areas) {
      auto it = r.areas.find(a.key);
      if (it == r.areas.end() || (it->second.eligible && it->second.eligible->high == 0)) continue;
      std::vector<DataCell> row{{Period(f.year, r.quarter, f.year_ended), std::nullopt},
                                {r.title, std::nullopt},
                                {a.level, std::nullopt},
                                {a.code, std::nullopt},
                                {a.name, std::nullopt}};
      for (auto& c : BandCells(it->second.eligible)) row.push_back(std::move(c));
      for (auto& c : BandCells(it->second.voters)) row.push_back(std::move(c));
      const auto& t = it->second.turnout;
      row.push_back(t ? Number(t->low) : DataCell{"", std::nullopt});
      row.push_back(t ? Number(t->high) : DataCell{"", std::nullopt});
      d.rows.push_back(std::move(row));
    }
  }
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::optional<Dataset> BuildDataset(std::string_view slug, const YearFigures& f, const geography::Municipality& m) {
  Dataset d;
  d.slug = std::string(slug);
  std::vector<std::string> area_columns{"periode", "gebiedsniveau", "gebiedscode", "gebiedsnaam"};
  if (slug == "bereik" || slug == "onderwerpen") {
    d.columns = area_columns;
    d.columns.push_back(slug == "bereik" ? "maat" : "onderwerp");
    for (const char* c : {"aantal_van", "aantal_tot", "minder_dan_10"}) d.columns.push_back(c);
    auto areas = Areas(m);
    if (slug == "bereik") {
      for (std::string_view measure : kMeasures) {
        AddRows(d, f, areas, std::string(measure), f.reach.at(std::string(measure)));
      }
    } else {
      for (const auto& theme : f.themes) {
        auto t = f.topics.find(theme.slug);
        if (t != f.topics.end()) AddRows(d, f, areas, theme.slug, t->second);
      }
    }
    return d;
  }
  if (slug == "uitkomsten") {
    d.columns = {"periode", "onderwerp", "op_tijd", "te_laat", "samen"};
    AddOutcome(d, f, "adviezen", f.advice_answered);
    AddOutcome(d, f, "meldingen", f.signals_handled);
    AddOutcome(d, f, "initiatieven", f.initiative_checks);
    AddOutcome(d, f, "beloften_nagekomen", f.promises_kept);
    return d;
  }
  if (slug == "activiteit") {
    d.columns = {"periode", "maat", "aantal_van", "aantal_tot", "minder_dan_10"};
    AddActivity(d, f);
    return d;
  }
  if (slug == "begrotingsrondes") {
    d.columns = {"periode",
                 "ronde",
                 "gebiedscode",
                 "stemgerechtigden_van",
                 "stemgerechtigden_tot",
                 "stemgerechtigden_minder_dan_10",
                 "stemmen_van",
                 "stemmen_tot",
                 "stemmen_minder_dan_10",
                 "opkomst_procent_van",
                 "opkomst_procent_tot",
                 "geteld",
                 "budget_euro",
                 "toegekend_euro",
                 "gekozen_plannen"};
    AddRounds(d, f, m);
    return d;
  }
  if (slug == "opkomst") {
    d.columns = {"periode",         "ronde",          "gebiedsniveau",         "gebiedscode",
                 "gebiedsnaam",     "stemcodes_van",  "stemcodes_tot",         "stemcodes_minder_dan_10",
                 "gestemd_van",     "gestemd_tot",    "gestemd_minder_dan_10", "opkomst_procent_van",
                 "opkomst_procent_tot"};
    AddTurnout(d, f, Areas(m));
    return d;
  }
  return std::nullopt;
}

std::string ToCsv(const Dataset& d) {
  std::string out;
  for (size_t i = 0; i < d.columns.size(); ++i) out += (i ? "," : "") + CsvField(d.columns[i]);
  out += "\r\n";
  for (const auto& row : d.rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + CsvField(row[i].text);
    out += "\r\n";
  }
  return out;
}

Result<std::string> ToXlsx(const Dataset& d, int64_t created_at) {
  // libxlsxwriter 1.1.4 writes to a file only: a private temporary one.
  std::string path =
      (std::filesystem::temp_directory_path() /
       ("wp-open-data-" + std::to_string(getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(&d)) + ".xlsx"))
          .string();
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Unavailable("xlsx: cannot create " + path);
  lxw_doc_properties props{};
  props.created = static_cast<time_t>(created_at);
  workbook_set_properties(wb, &props);
  lxw_worksheet* ws = workbook_add_worksheet(wb, d.slug.c_str());
  for (size_t c = 0; c < d.columns.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), d.columns[c].c_str(), nullptr);
  }
  for (size_t r = 0; r < d.rows.size(); ++r) {
    for (size_t c = 0; c < d.rows[r].size(); ++c) {
      const DataCell& cell = d.rows[r][c];
      auto row = static_cast<lxw_row_t>(r + 1);
      auto col = static_cast<lxw_col_t>(c);
      if (cell.number) {
        worksheet_write_number(ws, row, col, static_cast<double>(*cell.number), nullptr);
      } else if (!cell.text.empty()) {
        worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
      }
    }
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(path.c_str());
    return Unavailable(std::string("xlsx: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::remove(path.c_str());
  return bytes.str();
}

std::string DcatCatalogue(const CatalogueInfo& info) {
  const std::string eu = "http://publications.europa.eu/resource/authority/";
  std::string code = info.municipality_code;
  for (auto& ch : code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  json publisher = {{"@id", "https://identifier.overheid.nl/tooi/id/gemeente/" + code},
                    {"@type", "foaf:Agent"},
                    {"foaf:name", info.publisher_name}};
  json datasets = json::array();
  for (int year : info.years) {
    for (std::string_view slug : kDatasets) {
      std::string base = info.base_url + "/cijfers/open-data/" + std::string(slug) + "/";
      json dists = json::array();
      for (const auto& [format, media] :
           {std::pair<std::string, std::string>{"csv", "text/csv"},
            {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}}) {
        std::string url = base + format + "?jaar=" + std::to_string(year);
        dists.push_back({{"@id", url},
                         {"@type", "dcat:Distribution"},
                         {"dct:title", std::string(slug) + " " + std::to_string(year) + " (" + format + ")"},
                         {"dcat:accessURL", {{"@id", url}}},
                         {"dcat:downloadURL", {{"@id", url}}},
                         {"dct:format", {{"@id", eu + "file-type/" + (format == "csv" ? "CSV" : "XLSX")}}},
                         {"dcat:mediaType", {{"@id", "https://www.iana.org/assignments/media-types/" + media}}},
                         {"dct:license", {{"@id", info.licence_url}}}});
      }
      datasets.push_back(
          {{"@id", base + "?jaar=" + std::to_string(year)},
           {"@type", "dcat:Dataset"},
           {"dct:identifier", std::string(slug) + "-" + std::to_string(year)},
           {"dct:title", {{"@language", "nl"}, {"@value", std::string(slug) + " " + std::to_string(year)}}},
           {"dct:description",
            {{"@language", "nl"},
             {"@value", std::string(slug) + ", wijkplatforms, " + std::to_string(year) +
                            "; groepen kleiner dan 10 verborgen, aantallen in tientallen"}}},
           {"dct:publisher", publisher},
           {"dct:language", {{"@id", eu + "language/NLD"}}},
           {"dcat:theme", {{"@id", eu + "data-theme/GOVE"}}},
           {"dct:accessRights", {{"@id", eu + "access-right/PUBLIC"}}},
           {"dct:temporal",
            {{"@type", "dct:PeriodOfTime"},
             {"dcat:startDate", std::to_string(year) + "-01-01"},
             {"dcat:endDate", std::to_string(year) + "-12-31"}}},
           {"dcat:distribution", dists}});
    }
  }
  json catalogue = {{"@context",
                     {{"dcat", "http://www.w3.org/ns/dcat#"},
                      {"dct", "http://purl.org/dc/terms/"},
                      {"foaf", "http://xmlns.com/foaf/0.1/"}}},
                    {"@id", info.base_url + "/cijfers/open-data/catalogus.jsonld"},
                    {"@type", "dcat:Catalog"},
                    {"dct:title", {{"@language", "nl"}, {"@value", "Cijfers van de wijkplatforms"}}},
                    {"dct:description",
                     {{"@language", "nl"},
                      {"@value", "Bereik, onderwerpen en resultaten van de wijkplatforms, zonder persoonsgegevens"}}},
                    {"dct:publisher", publisher},
                    {"dct:license", {{"@id", info.licence_url}}},
                    {"dct:language", {{"@id", eu + "language/NLD"}}},
                    {"dcat:dataset", datasets}};
  return catalogue.dump(2);
}

}  // namespace wp::dashboards
