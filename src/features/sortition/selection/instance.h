// Instance: a selection problem — quotas per feature value (the categories
// file), the pool of volunteers (the respondents file), the panel size and
// whether the household rule (at most one per address) applies.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace wp::sortition {

// A feature value f = (category, value) with quota min <= |P ∩ N_f| <= max.
// min_flex / max_flex bound how far an automatic relaxation may move the
// quota (-1: not given, meaning down to 0 / up to the panel size).
struct Feature {
  std::string category;
  std::string value;
  int min = 0;
  int max = 0;
  int min_flex = -1;
  int max_flex = -1;

  std::string Name() const { return category + "=" + value; }
};

struct Category {
  std::string name;
  std::vector<int> features;  // indices into Quotas::features
};

struct Quotas {
  std::vector<Category> categories;  // in file order
  std::vector<Feature> features;     // in file order

  // Index of the feature, or -1.
  int Find(std::string_view category, std::string_view value) const;
};

struct Agent {
  std::string id;
  std::vector<int> features;  // one feature index per category, category order
  std::string household;      // address key; empty when the rule does not apply
};

struct Instance {
  Quotas quotas;
  std::vector<Agent> agents;
  int panel_size = 0;
  bool household_rule = false;

  // Index of the agent with this id, or -1.
  int FindAgent(std::string_view id) const;
};

// Parses a categories file: header with feature,value,min,max (any order,
// case-insensitive; "category" is accepted for "feature") and optional
// min_flex,max_flex. Fails with kInvalidInput naming the line and the problem
// (missing column, non-integer, min > max, duplicate value).
Result<Quotas> ParseCategoriesCsv(std::string_view text);

// Parses a respondents file: the first column is the id; one column per
// category of `quotas` (matched by header name); other columns are ignored
// except `address_columns`, which form the household key when non-empty.
// Fails with kInvalidInput on a missing column, a duplicate id, or a value that
// is not in the categories file (naming the respondent and the allowed values).
Result<std::vector<Agent>> ParseRespondentsCsv(std::string_view text, const Quotas& quotas,
                                               const std::vector<std::string>& address_columns);

// Returns the problems with the panel (members are agent indices): wrong size,
// a quota not met ("gender=female: 3 selected, needs at least 4"), two members
// from one household, a duplicate. Empty means the panel is feasible.
std::vector<std::string> CheckPanel(const Instance& instance, const std::vector<int>& members);

}  // namespace wp::sortition
