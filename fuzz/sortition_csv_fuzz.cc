// Fuzzes the CSV files of a sortition draw (sortition/selection/instance.h):
// the categories file with its quotas and the respondents file, both
// exported from spreadsheets and registration forms by hand.
// Properties: the CSV records, written back with every field quoted, parse
// to the same fields; parsed quotas have min <= max and the flex bounds
// around them; every respondent has one valid feature per category.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/assert.h"
#include "features/sortition/selection/csv.h"
#include "features/sortition/selection/instance.h"

namespace sortition = wp::sortition;

namespace {

// RFC 4180 text of `records` with every field quoted.
std::string WriteCsv(const std::vector<sortition::CsvRecord>& records) {
  std::string out;
  for (const sortition::CsvRecord& r : records) {
    for (size_t i = 0; i < r.fields.size(); ++i) {
      out += i ? ",\"" : "\"";
      for (char c : r.fields[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += '\n';
  }
  return out;
}

void CheckCsv(std::string_view text) {
  auto records = sortition::ParseCsv(text);
  if (!records.has_value()) return;
  auto again = sortition::ParseCsv(WriteCsv(*records));
  WP_ASSERT(again.has_value() && again->size() == records->size(), "written CSV parses to as many records");
  for (size_t i = 0; i < records->size(); ++i) {
    WP_ASSERT((*again)[i].fields == (*records)[i].fields, "write -> parse keeps the fields");
  }
}

void CheckQuotas(const sortition::Quotas& quotas) {
  for (const sortition::Feature& f : quotas.features) {
    WP_ASSERT(f.min >= 0 && f.min <= f.max, "0 <= min <= max");
    WP_ASSERT(f.min_flex <= f.min && (f.max_flex == -1 || f.max_flex >= f.max), "flex bounds around the quota");
  }
}

// The categories of the seed corpus; respondents are checked against them.
constexpr std::string_view kCategories =
    "feature,value,min,max\ngender,female,2,3\ngender,male,2,3\nage,16-40,1,3\nage,41+,1,3\n";

void CheckRespondents(std::string_view text) {
  static const sortition::Quotas quotas = *sortition::ParseCategoriesCsv(kCategories);
  auto agents = sortition::ParseRespondentsCsv(text, quotas, {"address", "postcode"});
  if (!agents.has_value()) return;
  for (const sortition::Agent& a : *agents) {
    WP_ASSERT(!a.id.empty() && a.features.size() == quotas.categories.size(), "one feature per category");
    for (size_t c = 0; c < a.features.size(); ++c) {
      const std::vector<int>& allowed = quotas.categories[c].features;
      WP_ASSERT(std::find(allowed.begin(), allowed.end(), a.features[c]) != allowed.end(), "a feature of its category");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckCsv(text);
  if (auto quotas = sortition::ParseCategoriesCsv(text)) CheckQuotas(*quotas);
  CheckRespondents(text);
  return 0;
}
