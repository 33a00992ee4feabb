#include "features/budgets/edition.h"

namespace wp::budgets {

Phase PhaseAt(const Edition& e, int64_t now) {
  if (!e.published) return Phase::kDraft;
  if (now >= e.dates.voting_close) return Phase::kImplementation;
  if (now >= e.dates.voting_open) return Phase::kVoting;
  if (now >= e.dates.review_open) return Phase::kReview;
  if (now >= e.dates.likes_open) return Phase::kLikes;
  if (now >= e.dates.plans_open) return Phase::kPlans;
  return Phase::kBeforePlans;
}

std::string_view PhaseName(Phase p) {
  switch (p) {
    case Phase::kDraft: return "draft";
    case Phase::kBeforePlans: return "before_plans";
    case Phase::kPlans: return "plans";
    case Phase::kLikes: return "likes";
    case Phase::kReview: return "review";
    case Phase::kVoting: return "voting";
    case Phase::kImplementation: return "implementation";
  }
  return "draft";
}

std::string_view BallotKindName(BallotKind k) {
  return k == BallotKind::kPickUpTo ? "pick_up_to" : "split_budget";
}

std::optional<BallotKind> ParseBallotKind(std::string_view s) {
  if (s == "split_budget") return BallotKind::kSplitBudget;
  if (s == "pick_up_to") return BallotKind::kPickUpTo;
  return std::nullopt;
}

std::string_view CountingRuleName(CountingRule r) { return r == CountingRule::kEqualShares ? "equal_shares" : "greedy"; }

std::optional<CountingRule> ParseCountingRule(std::string_view s) {
  if (s == "greedy") return CountingRule::kGreedy;
  if (s == "equal_shares") return CountingRule::kEqualShares;
  return std::nullopt;
}

}  // namespace wp::budgets
