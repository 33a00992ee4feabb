#include "features/budgets/plan_flow.h"

#include <utility>

namespace wp::budgets {

namespace {

using S = PlanStatus;

constexpr std::pair<S, S> kTransitions[] = {
    {S::kSubmitted, S::kSentBack},       {S::kSubmitted, S::kMerged},
    {S::kSubmitted, S::kWithdrawn},      {S::kSubmitted, S::kOnToReview},
    {S::kSubmitted, S::kBelowThreshold}, {S::kSentBack, S::kResubmitted},
    {S::kSentBack, S::kMerged},          {S::kSentBack, S::kWithdrawn},
    {S::kSentBack, S::kBelowThreshold},  {S::kResubmitted, S::kSentBack},
    {S::kResubmitted, S::kMerged},       {S::kResubmitted, S::kWithdrawn},
    {S::kResubmitted, S::kOnToReview},   {S::kResubmitted, S::kBelowThreshold},
    {S::kOnToReview, S::kFeasible},      {S::kOnToReview, S::kFeasibleWithConditions},
    {S::kOnToReview, S::kNotFeasible},   {S::kOnToReview, S::kMunicipalDuty},
    {S::kFeasible, S::kOnBallot},        {S::kFeasibleWithConditions, S::kOnBallot},
    {S::kOnBallot, S::kSelected},        {S::kOnBallot, S::kNotSelected},
    {S::kSelected, S::kInProgress},      {S::kSelected, S::kDone},
    {S::kInProgress, S::kDone},
};

constexpr std::pair<S, std::string_view> kNames[] = {
    {S::kSubmitted, "submitted"},
    {S::kSentBack, "sent_back"},
    {S::kResubmitted, "resubmitted"},
    {S::kMerged, "merged"},
    {S::kWithdrawn, "withdrawn"},
    {S::kOnToReview, "on_to_review"},
    {S::kBelowThreshold, "below_threshold"},
    {S::kFeasible, "feasible"},
    {S::kFeasibleWithConditions, "feasible_with_conditions"},
    {S::kNotFeasible, "not_feasible"},
    {S::kMunicipalDuty, "municipal_duty"},
    {S::kOnBallot, "on_ballot"},
    {S::kSelected, "selected"},
    {S::kNotSelected, "not_selected"},
    {S::kInProgress, "in_progress"},
    {S::kDone, "done"},
};

}  // namespace

std::string_view PlanStatusName(PlanStatus s) {
  for (const auto& [k, n] : kNames) {
    if (k == s) return n;
  }
  return "submitted";
}

std::optional<PlanStatus> ParsePlanStatus(std::string_view name) {
  for (const auto& [k, n] : kNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

bool CanTransition(PlanStatus from, PlanStatus to) {
  for (const auto& [a, b] : kTransitions) {
    if (a == from && b == to) return true;
  }
  return false;
}

bool NeedsReason(PlanStatus to) {
  return to == S::kSentBack || to == S::kFeasibleWithConditions || to == S::kNotFeasible || to == S::kMunicipalDuty;
}

bool IsEditable(PlanStatus s) { return s == S::kSubmitted || s == S::kSentBack || s == S::kResubmitted; }

bool MayGoToInitiativeDesk(PlanStatus s) {
  return s == S::kBelowThreshold || s == S::kNotFeasible || s == S::kNotSelected;
}

bool IsLikeable(PlanStatus s) { return s == S::kSubmitted || s == S::kResubmitted || s == S::kSentBack; }

bool IsFeasible(PlanStatus s) { return s == S::kFeasible || s == S::kFeasibleWithConditions; }

bool NeedsOtherSupport(PlanStatus s) { return s == S::kBelowThreshold || s == S::kNotFeasible || s == S::kNotSelected; }

bool IsFunded(PlanStatus s) { return s == S::kSelected || s == S::kInProgress || s == S::kDone; }

PlanStatus ReviewedStatus(ReviewOutcome o) {
  switch (o) {
    case ReviewOutcome::kFeasible:
      return S::kFeasible;
    case ReviewOutcome::kFeasibleWithConditions:
      return S::kFeasibleWithConditions;
    case ReviewOutcome::kNotFeasible:
      return S::kNotFeasible;
    case ReviewOutcome::kMunicipalDuty:
      return S::kMunicipalDuty;
  }
  return S::kFeasible;
}

std::optional<ReviewOutcome> ParseReviewOutcome(std::string_view name) {
  for (ReviewOutcome o : kAllReviewOutcomes) {
    if (PlanStatusName(ReviewedStatus(o)) == name) return o;
  }
  return std::nullopt;
}

}  // namespace wp::budgets
