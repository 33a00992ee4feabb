// Pure rules of the voting feature: what makes a ballot valid (split-budget
// and pick-up-to-k ballots), when online voting, paper entry and the count
// are allowed, and who may do what. No I/O; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/error.h"

namespace wp::voting {

// The ballot settings of one edition (taken from budgets::Edition).
struct BallotRules {
  bool split_budget = true;  // true: plans whose costs fit in the budget; false: pick up to max_plans
  int64_t budget_cents = 0;
  int max_plans = 0;  // pick-up-to only
  std::optional<int64_t> min_spend_cents, max_spend_cents;
};

struct PlanCost {
  int64_t plan_id = 0;
  int64_t cost_cents = 0;
};

enum class BallotProblem {
  kEmpty,          // no plan chosen
  kUnknownPlan,    // an id that is not on the ballot (tampered form)
  kDuplicate,      // the same plan twice (tampered form)
  kOverBudget,     // split budget: total > budget
  kOverMaxSpend,   // total > max spend
  kUnderMinSpend,  // total < min spend
  kTooManyPlans,   // pick-up-to: more than max_plans
};

// i18n key of a problem, e.g. "voting.ballot.over_budget". Messages use the
// placeholders {total}, {budget}, {min}, {max}, {k}, {count}.
std::string_view ProblemKey(BallotProblem p);

struct BallotCheck {
  std::vector<BallotProblem> problems;  // empty: valid
  int64_t total_cents = 0;              // of the known, distinct chosen plans
  int count = 0;                        // known, distinct chosen plans
  std::vector<int64_t> plan_ids;        // known, distinct, sorted ascending
  bool ok() const { return problems.empty(); }
};

// Checks `chosen` (plan ids as sent) against the plans on the ballot.
BallotCheck CheckBallot(const BallotRules& rules, const std::vector<PlanCost>& on_ballot,
                        const std::vector<int64_t>& chosen);

// The problems of `check` as errors of the form field "plans", with the
// message arguments {total}, {budget}, {min}, {max} (amounts) and {k},
// {count} (counts). Empty for a valid ballot.
std::vector<FieldError> BallotErrors(const BallotRules& rules, const BallotCheck& check);

// Parses the plan ids of a form ("12", "13"); nullopt when one is not a
// positive integer.
std::optional<std::vector<int64_t>> ParsePlanIds(const std::vector<std::string>& values);

// Plan ids stored in a ballot row: sorted, comma-separated ("3,7,12").
std::string EncodePlanIds(const std::vector<int64_t>& ids);
std::optional<std::vector<int64_t>> DecodePlanIds(std::string_view text);

// The voting calendar of an edition (unix seconds, UTC).
struct VotingWindow {
  int64_t voting_open = 0;
  int64_t voting_close = 0;  // exclusive
  bool published = false;    // the edition itself is published
};

enum class Action {
  kVoteOnline,     // a resident with a code
  kEnterPaper,     // an official types a paper ballot
  kCount,          // an official counts and publishes
  kViewResults,    // anyone, once published
  kViewCountPage,  // an official: turnout so far and the count button
};

enum class Decision {
  kAllowed,
  kNotSignedIn,     // officials' actions need an account
  kNotAllowed,      // signed in, but may not manage this edition
  kNotYetOpen,      // before voting opens (or edition unpublished)
  kClosed,          // voting has closed (online), or the count is done (paper)
  kNotYetClosed,    // counting before voting_close
  kAlreadyCounted,  // counting twice
  kNotCounted,      // results asked for before the count
};

struct Situation {
  VotingWindow window;
  int64_t now = 0;
  bool counted = false;
  bool signed_in = false;
  bool manages = false;  // budgets::EditionDirectory::CanManage(user, edition)
};

Decision Decide(Action action, const Situation& s);
std::string_view DecisionKey(Decision d);  // i18n key, "voting.decision.closed", ...

}  // namespace wp::voting
