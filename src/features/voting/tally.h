// Tally: turns the anonymous ballots of an edition into a Pabulib instance
// (the public download) and counts it with the edition's rule through the
// budgets counting library, exactly as `wijkplatform count` would recount
// the downloaded file. Pure; safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "features/budgets/counting/count_result.h"
#include "features/budgets/counting/election.h"
#include "features/budgets/counting/explanation.h"
#include "features/budgets/counting/pabulib.h"
#include "features/voting/ballot_rules.h"

namespace wp::voting {

struct TallyPlan {
  int64_t plan_id = 0;
  std::string title;
  int64_t cost_cents = 0;
};

struct TallyInput {
  std::string edition_slug, edition_title;
  BallotRules rules;
  bool equal_shares = false;     // the edition's counting rule: false = greedy
  std::vector<TallyPlan> plans;  // in ballot order
  // Plan ids per ballot, in ballot-key order (the only order the store has).
  std::vector<std::vector<int64_t>> ballots;
};

// The rule as `wijkplatform count` arguments, e.g. {"--rule", "greedy-cost"}.
std::vector<std::string> CountArguments(bool equal_shares);

// The Pabulib file: META (description, country, unit, instance, num_projects,
// num_votes, budget, vote_type approval, rule, and max_sum_cost for
// split-budget ballots), PROJECTS (project_id = plan id, cost, name) and
// VOTES with voter ids 1..n in the given order and nothing else.
budgets::counting::PbInstance BuildPabulib(const TallyInput& in);

struct PlanOutcome {
  int64_t plan_id = 0;
  std::string title;
  int64_t cost_cents = 0;
  int64_t votes = 0;
  bool selected = false;
  int64_t euros_cents = 0;  // split budget: votes x cost (money the voters gave it)
  std::string verdict;      // counting::VerdictName
};

struct Tally {
  std::string pabulib;             // the download
  std::vector<int64_t> selected;   // plan ids in selection order
  std::vector<PlanOutcome> plans;  // in ballot order
  std::string report_text, report_json;
  budgets::counting::Explanation explanation;  // the facts for the plain-language report
  int64_t total_cost_cents = 0, leftover_cents = 0;
  int64_t ballots = 0;
};

// Builds the Pabulib file, parses it back and counts that, so the app and a
// recount of the download cannot differ.
Result<Tally> CountBallots(const TallyInput& in);

}  // namespace wp::voting
