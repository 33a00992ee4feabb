#include "features/signals/status_flow.h"

#include <gtest/gtest.h>

#include <string>

namespace wp::signals {
namespace {

using S = SignalStatus;

// Every transition, written out: row = from, column = to, in kAllStatuses
// order (reported, in_progress, scheduled, done, forwarded, cancelled,
// reopened, merged). '+' allowed; '=' same status; 'M' use the merge action;
// 'S' staff only; '.' not allowed.
struct Row {
  S from;
  const char* staff;
  const char* reporter;
};
constexpr Row kTable[] = {
    //                  r i s d f c o m      r i s d f c o m
    {S::kReported, "=+++++.M", "=SSSSS.S"},  {S::kInProgress, ".=++++.M", "S=SSSS.S"},
    {S::kScheduled, ".+=+++.M", "SS=SSS.S"}, {S::kDone, "...=..+M", "SSS=SS+S"},
    {S::kForwarded, "....=.+M", "SSSS=S+S"}, {S::kCancelled, ".....=+M", "SSSSS=+S"},
    {S::kReopened, ".+++++=M", "SSSSSS=S"},  {S::kMerged, ".......=", "SSSSSS.="},
};

char Code(std::optional<FlowProblem> p) {
  if (!p) return '+';
  switch (*p) {
    case FlowProblem::kSameStatus:
      return '=';
    case FlowProblem::kNotAllowed:
      return '.';
    case FlowProblem::kStaffOnly:
      return 'S';
    case FlowProblem::kUseMerge:
      return 'M';
  }
  return '?';
}

TEST(StatusFlowTest, EveryTransitionForEveryActor) {
  ASSERT_EQ(std::size(kTable), std::size(kAllStatuses));
  for (const Row& row : kTable) {
    std::string staff, reporter;
    for (S to : kAllStatuses) {
      staff += Code(CheckTransition(row.from, to, Actor::kStaff));
      reporter += Code(CheckTransition(row.from, to, Actor::kReporter));
    }
    EXPECT_EQ(staff, row.staff) << "staff from " << StatusName(row.from);
    EXPECT_EQ(reporter, row.reporter) << "reporter from " << StatusName(row.from);
  }
}

TEST(StatusFlowTest, NextStatusesFollowTheTable) {
  EXPECT_EQ(NextStatuses(S::kReported, Actor::kStaff),
            (std::vector<S>{S::kInProgress, S::kScheduled, S::kDone, S::kForwarded, S::kCancelled}));
  EXPECT_EQ(NextStatuses(S::kDone, Actor::kStaff), (std::vector<S>{S::kReopened}));
  EXPECT_EQ(NextStatuses(S::kDone, Actor::kReporter), (std::vector<S>{S::kReopened}));
  EXPECT_TRUE(NextStatuses(S::kMerged, Actor::kStaff).empty());
  EXPECT_TRUE(NextStatuses(S::kInProgress, Actor::kReporter).empty());
}

TEST(StatusFlowTest, NamesRoundTripAndOpenClosed) {
  for (S s : kAllStatuses) EXPECT_EQ(ParseStatus(StatusName(s)), s);
  EXPECT_FALSE(ParseStatus("gemeld").has_value());
  struct Case {
    S s;
    bool open;
    const char* open311;
  } cases[] = {{S::kReported, true, "open"},
               {S::kInProgress, true, "in_progress"},
               {S::kScheduled, true, "action_scheduled"},
               {S::kDone, false, "fixed"},
               {S::kForwarded, false, "internal_referral"},
               {S::kCancelled, false, "no_further_action"},
               {S::kReopened, true, "reopen"},
               {S::kMerged, false, "duplicate"}};
  for (const auto& c : cases) {
    EXPECT_EQ(IsOpen(c.s), c.open) << StatusName(c.s);
    EXPECT_EQ(Open311Status(c.s), c.open311);
  }
}

TEST(StatusFlowTest, WhatEachChangeNeedsAndWhoHearsOfIt) {
  struct Case {
    S to;
    bool text, date, mail;
  } cases[] = {{S::kReported, false, false, false}, {S::kInProgress, false, false, true},
               {S::kScheduled, false, true, true},  {S::kDone, true, false, true},
               {S::kForwarded, true, false, true},  {S::kCancelled, true, false, true},
               {S::kReopened, true, false, true},   {S::kMerged, false, false, false}};
  for (const auto& c : cases) {
    EXPECT_EQ(NeedsReporterText(c.to), c.text) << StatusName(c.to);
    EXPECT_EQ(NeedsPlannedDate(c.to), c.date) << StatusName(c.to);
    EXPECT_EQ(MailsReporter(c.to), c.mail) << StatusName(c.to);
  }
}

}  // namespace
}  // namespace wp::signals
