#include "features/sortition/selection/instance.h"

#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "core/strings.h"
#include "features/sortition/selection/csv.h"

namespace wp::sortition {
namespace {

bool IsBlank(const CsvRecord& r) {
  for (const std::string& f : r.fields) {
    if (!Trim(f).empty()) return false;
  }
  return true;
}

std::string Where(const CsvRecord& r) { return "line " + std::to_string(r.line) + ": "; }

Result<int> ParseCount(const CsvRecord& r, const std::string& column, std::string_view text) {
  std::string_view t = Trim(text);
  int value = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || ec != std::errc() || ptr != t.data() + t.size() || value < 0) {
    return InvalidInput(Where(r) + column + " must be a whole number >= 0, got '" + std::string(t) + "'");
  }
  return value;
}

}  // namespace

int Quotas::Find(std::string_view category, std::string_view value) const {
  for (size_t i = 0; i < features.size(); ++i) {
    if (features[i].category == category && features[i].value == value) return static_cast<int>(i);
  }
  return -1;
}

int Instance::FindAgent(std::string_view id) const {
  for (size_t i = 0; i < agents.size(); ++i) {
    if (agents[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

Result<Quotas> ParseCategoriesCsv(std::string_view text) {
  WP_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, ParseCsv(text));
  if (records.empty()) return InvalidInput("the categories file is empty");
  std::map<std::string, int> column;
  for (size_t i = 0; i < records[0].fields.size(); ++i) {
    std::string name = ToLower(Trim(records[0].fields[i]));
    if (name == "category") name = "feature";
    column.emplace(name, static_cast<int>(i));
  }
  for (const char* required : {"feature", "value", "min", "max"}) {
    if (!column.count(required)) {
      return InvalidInput(std::string("the categories file has no '") + required +
                          "' column (expected header: feature,value,min,max[,min_flex,max_flex])");
    }
  }
  Quotas quotas;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (IsBlank(rec)) continue;
    auto field = [&](const std::string& name) -> std::string_view {
      auto it = column.find(name);
      if (it == column.end() || it->second >= static_cast<int>(rec.fields.size())) return {};
      return Trim(rec.fields[it->second]);
    };
    Feature f;
    f.category = std::string(field("feature"));
    f.value = std::string(field("value"));
    if (f.category.empty() || f.value.empty()) return InvalidInput(Where(rec) + "feature and value must not be empty");
    WP_ASSIGN_OR_RETURN(f.min, ParseCount(rec, "min", field("min")));
    WP_ASSIGN_OR_RETURN(f.max, ParseCount(rec, "max", field("max")));
    if (f.min > f.max) {
      return InvalidInput(Where(rec) + f.Name() + " has min " + std::to_string(f.min) + " above max " +
                          std::to_string(f.max));
    }
    if (!field("min_flex").empty()) {
      WP_ASSIGN_OR_RETURN(f.min_flex, ParseCount(rec, "min_flex", field("min_flex")));
      if (f.min_flex > f.min) return InvalidInput(Where(rec) + f.Name() + " has min_flex above min");
    }
    if (!field("max_flex").empty()) {
      WP_ASSIGN_OR_RETURN(f.max_flex, ParseCount(rec, "max_flex", field("max_flex")));
      if (f.max_flex < f.max) return InvalidInput(Where(rec) + f.Name() + " has max_flex below max");
    }
    if (quotas.Find(f.category, f.value) >= 0) return InvalidInput(Where(rec) + f.Name() + " appears twice");
    int category = -1;
    for (size_t c = 0; c < quotas.categories.size(); ++c) {
      if (quotas.categories[c].name == f.category) category = static_cast<int>(c);
    }
    if (category < 0) {
      quotas.categories.push_back(Category{f.category, {}});
      category = static_cast<int>(quotas.categories.size()) - 1;
    }
    quotas.categories[category].features.push_back(static_cast<int>(quotas.features.size()));
    quotas.features.push_back(std::move(f));
  }
  if (quotas.features.empty()) return InvalidInput("the categories file has no quota rows");
  return quotas;
}

Result<std::vector<Agent>> ParseRespondentsCsv(std::string_view text, const Quotas& quotas,
                                               const std::vector<std::string>& address_columns) {
  WP_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, ParseCsv(text));
  if (records.empty()) return InvalidInput("the respondents file is empty");
  const std::vector<std::string>& header = records[0].fields;
  auto find_column = [&](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (Trim(header[i]) == name) return static_cast<int>(i);
    }
    for (size_t i = 0; i < header.size(); ++i) {
      if (EqualsIgnoreCase(Trim(header[i]), name)) return static_cast<int>(i);
    }
    return -1;
  };
  std::vector<int> category_column;
  for (const Category& c : quotas.categories) {
    int col = find_column(c.name);
    if (col < 0)
      return InvalidInput("the respondents file has no column '" + c.name + "' (used in the categories file)");
    if (col == 0) return InvalidInput("column '" + c.name + "' is the first column, which must be the id");
    category_column.push_back(col);
  }
  std::vector<int> address_column;
  for (const std::string& a : address_columns) {
    int col = find_column(a);
    if (col < 0) return InvalidInput("the respondents file has no address column '" + a + "'");
    address_column.push_back(col);
  }
  std::vector<Agent> agents;
  std::set<std::string> ids;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (IsBlank(rec)) continue;
    if (rec.fields.size() != header.size()) {
      return InvalidInput(Where(rec) + "has " + std::to_string(rec.fields.size()) + " fields, the header has " +
                          std::to_string(header.size()));
    }
    Agent a;
    a.id = std::string(Trim(rec.fields[0]));
    if (a.id.empty()) return InvalidInput(Where(rec) + "the id (first column) is empty");
    if (!ids.insert(a.id).second) return InvalidInput(Where(rec) + "id '" + a.id + "' appears twice");
    for (size_t c = 0; c < quotas.categories.size(); ++c) {
      const Category& cat = quotas.categories[c];
      std::string_view v = Trim(rec.fields[category_column[c]]);
      int f = quotas.Find(cat.name, v);
      if (f < 0) {
        for (int g : cat.features) {
          if (EqualsIgnoreCase(quotas.features[g].value, v)) f = g;
        }
      }
      if (f < 0) {
        std::vector<std::string> allowed;
        for (int g : cat.features) allowed.push_back(quotas.features[g].value);
        return InvalidInput(Where(rec) + "respondent " + a.id + " has " + cat.name + "='" + std::string(v) +
                            "', which is not in the categories file (allowed: " + JoinStrings(allowed, ", ") + ")");
      }
      a.features.push_back(f);
    }
    std::string key;
    bool any = false;
    for (int col : address_column) {
      std::string part = ToLower(Trim(rec.fields[col]));
      any = any || !part.empty();
      key += part;
      key += '\x1f';
    }
    if (any) a.household = key;
    agents.push_back(std::move(a));
  }
  if (agents.empty()) return InvalidInput("the respondents file has no respondents");
  return agents;
}

std::vector<std::string> CheckPanel(const Instance& instance, const std::vector<int>& members) {
  std::vector<std::string> problems;
  if (static_cast<int>(members.size()) != instance.panel_size) {
    problems.push_back("panel has " + std::to_string(members.size()) + " members, needs " +
                       std::to_string(instance.panel_size));
  }
  std::vector<int> count(instance.quotas.features.size(), 0);
  std::set<int> seen;
  std::unordered_map<std::string, std::string> household_member;
  for (int m : members) {
    if (m < 0 || m >= static_cast<int>(instance.agents.size())) {
      problems.push_back("panel member index " + std::to_string(m) + " is not in the pool");
      continue;
    }
    const Agent& a = instance.agents[m];
    if (!seen.insert(m).second) problems.push_back(a.id + " is on the panel twice");
    for (int f : a.features) ++count[f];
    if (instance.household_rule && !a.household.empty()) {
      auto [it, inserted] = household_member.emplace(a.household, a.id);
      if (!inserted) problems.push_back(a.id + " shares a household with " + it->second);
    }
  }
  for (size_t f = 0; f < count.size(); ++f) {
    const Feature& feature = instance.quotas.features[f];
    if (count[f] < feature.min) {
      problems.push_back(feature.Name() + ": " + std::to_string(count[f]) + " selected, needs at least " +
                         std::to_string(feature.min));
    } else if (count[f] > feature.max) {
      problems.push_back(feature.Name() + ": " + std::to_string(count[f]) + " selected, allows at most " +
                         std::to_string(feature.max));
    }
  }
  return problems;
}

}  // namespace wp::sortition
