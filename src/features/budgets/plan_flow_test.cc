#include "features/budgets/plan_flow.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

namespace wp::budgets {
namespace {

using S = PlanStatus;

// Every allowed transition; every other pair is forbidden.
const std::set<std::pair<S, S>> kAllowed = {
    {S::kSubmitted, S::kSentBack},        {S::kSubmitted, S::kMerged},          {S::kSubmitted, S::kWithdrawn},
    {S::kSubmitted, S::kOnToReview},      {S::kSubmitted, S::kBelowThreshold},  {S::kSentBack, S::kResubmitted},
    {S::kSentBack, S::kMerged},           {S::kSentBack, S::kWithdrawn},        {S::kSentBack, S::kBelowThreshold},
    {S::kResubmitted, S::kSentBack},      {S::kResubmitted, S::kMerged},        {S::kResubmitted, S::kWithdrawn},
    {S::kResubmitted, S::kOnToReview},    {S::kResubmitted, S::kBelowThreshold}, {S::kOnToReview, S::kFeasible},
    {S::kOnToReview, S::kFeasibleWithConditions}, {S::kOnToReview, S::kNotFeasible},
    {S::kOnToReview, S::kMunicipalDuty},  {S::kFeasible, S::kOnBallot},       {S::kFeasibleWithConditions, S::kOnBallot},
    {S::kOnBallot, S::kSelected},         {S::kOnBallot, S::kNotSelected},    {S::kSelected, S::kInProgress},
    {S::kSelected, S::kDone},             {S::kInProgress, S::kDone},
};

TEST(PlanFlowTest, EveryPairIsAllowedOrForbiddenAsInTheTable) {
  int allowed = 0;
  for (S from : kAllPlanStatuses) {
    for (S to : kAllPlanStatuses) {
      bool expected = kAllowed.count({from, to}) > 0;
      EXPECT_EQ(CanTransition(from, to), expected) << PlanStatusName(from) << " -> " << PlanStatusName(to);
      allowed += expected ? 1 : 0;
    }
  }
  EXPECT_EQ(allowed, 25);
}

TEST(PlanFlowTest, FinalStatusesLeadNowhere) {
  for (S s : {S::kMerged, S::kWithdrawn, S::kBelowThreshold, S::kNotFeasible, S::kMunicipalDuty, S::kNotSelected,
              S::kDone}) {
    for (S to : kAllPlanStatuses) EXPECT_FALSE(CanTransition(s, to)) << PlanStatusName(s);
  }
}

TEST(PlanFlowTest, ReasonsRequired) {
  std::set<S> need = {S::kSentBack, S::kFeasibleWithConditions, S::kNotFeasible, S::kMunicipalDuty};
  for (S s : kAllPlanStatuses) EXPECT_EQ(NeedsReason(s), need.count(s) > 0) << PlanStatusName(s);
}

TEST(PlanFlowTest, NamesRoundTrip) {
  std::set<std::string_view> names;
  for (S s : kAllPlanStatuses) {
    EXPECT_EQ(ParsePlanStatus(PlanStatusName(s)), s);
    names.insert(PlanStatusName(s));
  }
  EXPECT_EQ(names.size(), std::size(kAllPlanStatuses));
  EXPECT_FALSE(ParsePlanStatus("approved"));
}

TEST(PlanFlowTest, GroupPredicates) {
  EXPECT_TRUE(IsEditable(S::kSentBack));
  EXPECT_FALSE(IsEditable(S::kOnToReview));
  EXPECT_TRUE(IsLikeable(S::kResubmitted));
  EXPECT_FALSE(IsLikeable(S::kWithdrawn));
  EXPECT_TRUE(IsFeasible(S::kFeasibleWithConditions));
  EXPECT_FALSE(IsFeasible(S::kMunicipalDuty));
  EXPECT_TRUE(NeedsOtherSupport(S::kNotSelected));
  EXPECT_FALSE(NeedsOtherSupport(S::kMerged));
}

}  // namespace
}  // namespace wp::budgets
