// Outcome: what a count decided, as the results page shows it and as it is
// stored with the result (JSON). Pure; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "features/budgets/counting/explanation.h"

namespace wp::voting {

struct ResultPlan {
  int64_t plan_id = 0;
  std::string title, theme, summary;
  int64_t cost_cents = 0;
  int64_t votes = 0;
  bool selected = false;
  int64_t euros_cents = 0;  // split budget: votes x cost (money the voters gave it)
  std::string verdict;      // budgets::counting::VerdictName, e.g. "funded"
};

struct Outcome {
  std::vector<int64_t> selected;  // plan ids in selection order
  int64_t total_cost_cents = 0, leftover_cents = 0;
  std::vector<ResultPlan> plans;  // in ballot order
  // How the count went, for the plain-language report (results counted
  // before it existed have none).
  std::optional<budgets::counting::Explanation> explanation;
};

std::string OutcomeJson(const Outcome& outcome);
// Errors: kInternal when `json` is not a stored outcome.
Result<Outcome> ParseOutcomeJson(std::string_view json);

}  // namespace wp::voting
