// Edition: one round of Wijk aan Zet (a neighbourhood budget, e.g. "Schalkwijk
// aan Zet 2026"): its settings, its five phases and the checks on them.
// Pure domain code: plain values and functions, safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wp::budgets {

// How residents fill in the ballot.
enum class BallotKind {
  kSplitBudget,  // knapsack: plans whose costs together fit in the budget
  kPickUpTo,     // at most max_plans plans
};
// Which rule turns the ballots into winning plans (see counting/).
enum class CountingRule { kGreedy, kEqualShares };

// Where an edition is on a given moment. kDraft: not published yet.
enum class Phase { kDraft, kBeforePlans, kPlans, kLikes, kReview, kVoting, kImplementation };

// Start of each phase, unix seconds UTC, strictly increasing. Voting ends at
// voting_close, after which the edition is in implementation.
struct PhaseDates {
  int64_t plans_open = 0, likes_open = 0, review_open = 0, voting_open = 0, voting_close = 0;
};

struct Edition {
  int64_t id = 0;
  std::string slug, title, description;
  std::string borough_slug;    // stadsdeel; empty = the whole municipality
  std::set<std::string> area;  // CBS buurtcodes of the area
  int64_t budget_cents = 0;
  std::vector<std::string> themes;
  int min_age = 16;
  int like_threshold = 50;
  BallotKind ballot_kind = BallotKind::kSplitBudget;
  int max_plans = 0;                                        // kPickUpTo only
  std::optional<int64_t> min_spend_cents, max_spend_cents;  // per ballot, optional
  CountingRule counting_rule = CountingRule::kGreedy;
  PhaseDates dates;
  bool published = false;
};

// The phase of `e` at `now` (unix seconds UTC): kDraft while unpublished;
// otherwise the last phase whose start is <= now (kBeforePlans before
// plans_open, kImplementation from voting_close on).
Phase PhaseAt(const Edition& e, int64_t now);

// Stable names ("plans", "likes", ...) for URLs, the database and i18n keys.
std::string_view PhaseName(Phase p);
std::string_view BallotKindName(BallotKind k);
std::optional<BallotKind> ParseBallotKind(std::string_view s);
std::string_view CountingRuleName(CountingRule r);
std::optional<CountingRule> ParseCountingRule(std::string_view s);

// A plan as another feature may read it: the initiative desk takes over a
// plan that was not chosen, with its text and its submitter.
struct PlanSummary {
  int64_t plan_id = 0;
  int64_t submitter_id = 0;
  std::string title, description, neighbourhood_code;
  std::string submitter_name, submitter_locale;
  std::string edition_name;
  std::string path;         // the plan's public page, /wijkbudget/{slug}/plannen/{id}
  bool not_chosen = false;  // MayGoToInitiativeDesk(status)
};

// A plan as it appears on the ballot.
struct BallotPlan {
  int64_t plan_id = 0;
  std::string title, theme, summary;
  int64_t cost_cents = 0;
};

}  // namespace wp::budgets
