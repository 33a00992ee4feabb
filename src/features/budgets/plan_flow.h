// The status flow of a Wijk aan Zet plan, from submission to done, as a table
// of allowed transitions; which transitions need a reason (tips, conditions,
// why not, which department). Pure.
//
//   submitted/resubmitted -> sent_back (tips) -> resubmitted
//   submitted/resubmitted/sent_back -> merged | withdrawn
//   after the like phase: on_to_review | below_threshold
//   review: feasible | feasible_with_conditions (conditions) | not_feasible (reason)
//           | municipal_duty (department)
//   feasible* -> on_ballot -> selected | not_selected
//   selected -> in_progress -> done
#pragma once

#include <optional>
#include <string_view>

namespace wp::budgets {

enum class PlanStatus {
  kSubmitted,
  kSentBack,
  kResubmitted,
  kMerged,
  kWithdrawn,
  kOnToReview,
  kBelowThreshold,
  kFeasible,
  kFeasibleWithConditions,
  kNotFeasible,
  kMunicipalDuty,
  kOnBallot,
  kSelected,
  kNotSelected,
  kInProgress,
  kDone,
};

inline constexpr PlanStatus kAllPlanStatuses[] = {PlanStatus::kSubmitted,
                                                  PlanStatus::kSentBack,
                                                  PlanStatus::kResubmitted,
                                                  PlanStatus::kMerged,
                                                  PlanStatus::kWithdrawn,
                                                  PlanStatus::kOnToReview,
                                                  PlanStatus::kBelowThreshold,
                                                  PlanStatus::kFeasible,
                                                  PlanStatus::kFeasibleWithConditions,
                                                  PlanStatus::kNotFeasible,
                                                  PlanStatus::kMunicipalDuty,
                                                  PlanStatus::kOnBallot,
                                                  PlanStatus::kSelected,
                                                  PlanStatus::kNotSelected,
                                                  PlanStatus::kInProgress,
                                                  PlanStatus::kDone};

// Stable names ("submitted", "sent_back", ...) for the database and i18n keys.
std::string_view PlanStatusName(PlanStatus s);
std::optional<PlanStatus> ParsePlanStatus(std::string_view name);

// True when a plan may go from `from` to `to`.
bool CanTransition(PlanStatus from, PlanStatus to);
// True when going to `to` needs a non-empty reason (tips when sent back,
// conditions, why not feasible, the department for a municipal duty).
bool NeedsReason(PlanStatus to);
// True while the submitter may still edit the plan (in the plan phase).
bool IsEditable(PlanStatus s);
// A plan that was not chosen (too few likes, not feasible, or not selected
// in the vote) may go on as an initiative at the initiative desk: plans not
// chosen are not losers.
bool MayGoToInitiativeDesk(PlanStatus s);
// True while the plan collects likes (in the like phase).
bool IsLikeable(PlanStatus s);
// True for the review outcomes that put the plan on the ballot.
bool IsFeasible(PlanStatus s);
// True when the plan stopped before or at the vote and is not merged or
// withdrawn: the page shows where to get other support.
bool NeedsOtherSupport(PlanStatus s);
// True for the plans that got money: selected, in progress, done.
bool IsFunded(PlanStatus s);

// What an expert's feasibility review decides; each outcome is a status.
enum class ReviewOutcome { kFeasible, kFeasibleWithConditions, kNotFeasible, kMunicipalDuty };
inline constexpr ReviewOutcome kAllReviewOutcomes[] = {ReviewOutcome::kFeasible, ReviewOutcome::kFeasibleWithConditions,
                                                       ReviewOutcome::kNotFeasible, ReviewOutcome::kMunicipalDuty};
// The status a plan gets from the review.
PlanStatus ReviewedStatus(ReviewOutcome o);
// The outcome named like its status ("feasible", ...), or nullopt.
std::optional<ReviewOutcome> ParseReviewOutcome(std::string_view name);

}  // namespace wp::budgets
