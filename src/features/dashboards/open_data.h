// Open data of the dashboards: the protected counts of a year as tables
// without personal data (reach, topics, outcomes), written as CSV and XLSX
// (libxlsxwriter), and a DCAT-AP-NL catalogue (JSON-LD) listing each dataset
// with its distributions, licence and publisher. Same figures give the same
// bytes. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "features/dashboards/figures.h"
#include "features/geography/geography.h"

namespace wp::dashboards {

struct DataCell {
  std::string text;               // the CSV text; empty for a hidden count
  std::optional<int64_t> number;  // written as a number in XLSX
};
struct Dataset {
  std::string slug;  // one of kDatasets
  std::vector<std::string> columns;
  std::vector<std::vector<DataCell>> rows;
};

// Reach and topics per area; outcomes in time or late; other counts per
// quarter (promises open past their date, forums drawn, advice asked); budget
// rounds with their voters, ballots, turnout and money.
inline constexpr std::string_view kDatasets[] = {"bereik",           "onderwerpen", "uitkomsten", "activiteit",
                                                 "begrotingsrondes", "opkomst"};

// The dataset `slug` of `f` (`m` names the areas), or nullopt for an unknown slug. Every count is
// as the pages show it: a band (low and high column) or hidden (both empty).
std::optional<Dataset> BuildDataset(std::string_view slug, const YearFigures& f, const geography::Municipality& m);

// RFC 4180 CSV with a header line, CRLF line ends.
std::string ToCsv(const Dataset& d);
// An XLSX workbook with one sheet. `created_at` (unix seconds) is the
// document's creation date, so the same data gives the same file.
// Errors: kUnavailable when libxlsxwriter fails.
Result<std::string> ToXlsx(const Dataset& d, int64_t created_at);

struct CatalogueInfo {
  std::string base_url;           // "https://wijkplatform.haarlem.nl"
  std::string publisher_name;     // "Gemeente Haarlem"
  std::string municipality_code;  // "GM0392": the publisher's TOOI identifier
  std::string licence_url;        // CC0 1.0 or CC BY 4.0
  std::vector<int> years;         // the years with figures, newest first
};
// The DCAT-AP-NL catalogue as JSON-LD: a dcat:Catalog with a dcat:Dataset per
// dataset and year, each with a CSV and an XLSX dcat:Distribution.
std::string DcatCatalogue(const CatalogueInfo& info);

}  // namespace wp::dashboards
