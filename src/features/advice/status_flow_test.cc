#include "features/advice/status_flow.h"

#include <gtest/gtest.h>

#include <iterator>
#include <string>

namespace wp::advice {
namespace {

using R = RequestStatus;
using A = AdviceStatus;

char Code(std::optional<FlowProblem> p) {
  if (!p) return '+';
  return *p == FlowProblem::kSameStatus ? '=' : '.';
}

// Every request transition: row = from, column = to in kAllRequestStatuses
// order (draft, open, advice_submitted, answered, closed, withdrawn).
// '+' allowed, '=' same status, '.' not allowed.
TEST(StatusFlowTest, EveryRequestTransition) {
  struct Row {
    R from;
    const char* to;
  };
  constexpr Row kTable[] = {
      //                      d o s a c w
      {R::kDraft, "=+...+"},    {R::kOpen, ".=+..+"},   {R::kAdviceSubmitted, "..=+.+"},
      {R::kAnswered, "..+=+."}, {R::kClosed, "....=."}, {R::kWithdrawn, ".....="},
  };
  ASSERT_EQ(std::size(kTable), std::size(kAllRequestStatuses));
  for (const auto& row : kTable) {
    std::string got;
    for (R to : kAllRequestStatuses) got += Code(CheckRequestTransition(row.from, to));
    EXPECT_EQ(got, row.to) << RequestStatusName(row.from);
  }
}

TEST(StatusFlowTest, EveryAdviceTransition) {
  struct Row {
    A from;
    const char* to;
  };
  constexpr Row kTable[] = {
      //                 d s a
      {A::kDraft, "=+."},
      {A::kSubmitted, ".=+"},
      {A::kAnswered, "..="},
  };
  ASSERT_EQ(std::size(kTable), std::size(kAllAdviceStatuses));
  for (const auto& row : kTable) {
    std::string got;
    for (A to : kAllAdviceStatuses) got += Code(CheckAdviceTransition(row.from, to));
    EXPECT_EQ(got, row.to) << AdviceStatusName(row.from);
  }
}

TEST(StatusFlowTest, NamesRoundTripAndProblemsHaveKeys) {
  for (R s : kAllRequestStatuses) EXPECT_EQ(ParseRequestStatus(RequestStatusName(s)), s);
  for (A s : kAllAdviceStatuses) EXPECT_EQ(ParseAdviceStatus(AdviceStatusName(s)), s);
  for (Verdict v : kAllVerdicts) EXPECT_EQ(ParseVerdict(VerdictName(v)), v);
  for (ParticipationLevel l : kAllLevels) EXPECT_EQ(ParseLevel(LevelName(l)), l);
  EXPECT_EQ(ParseRequestStatus("gesloten"), std::nullopt);
  EXPECT_EQ(ParseVerdict(""), std::nullopt);
  EXPECT_EQ(FlowProblemKey(FlowProblem::kNotAllowed), "advice.flow.not_allowed");
  EXPECT_EQ(FlowProblemKey(FlowProblem::kSameStatus), "advice.flow.same_status");
}

TEST(StatusFlowTest, WhichRequestsTakeAdviceAndArePublic) {
  struct Row {
    R s;
    bool accepts, published;
  };
  constexpr Row kTable[] = {{R::kDraft, false, false},  {R::kOpen, true, true},    {R::kAdviceSubmitted, true, true},
                            {R::kAnswered, true, true}, {R::kClosed, false, true}, {R::kWithdrawn, false, true}};
  for (const auto& row : kTable) {
    EXPECT_EQ(AcceptsAdvice(row.s), row.accepts) << RequestStatusName(row.s);
    EXPECT_EQ(IsPublished(row.s), row.published) << RequestStatusName(row.s);
  }
}

TEST(StatusFlowTest, OnlyADraftAdviceIsEditable) {
  struct Row {
    AdviceStatus s;
    bool editable;
  };
  constexpr Row kTable[] = {
      {AdviceStatus::kDraft, true}, {AdviceStatus::kSubmitted, false}, {AdviceStatus::kAnswered, false}};
  static_assert(std::size(kTable) == std::size(kAllAdviceStatuses), "every status has a row");
  for (const auto& row : kTable) EXPECT_EQ(IsEditable(row.s), row.editable) << AdviceStatusName(row.s);
}

TEST(StatusFlowTest, OnlyADraftRequestIsEditable) {
  struct Row {
    R s;
    bool editable;
  };
  constexpr Row kTable[] = {{R::kDraft, true},     {R::kOpen, false},   {R::kAdviceSubmitted, false},
                            {R::kAnswered, false}, {R::kClosed, false}, {R::kWithdrawn, false}};
  static_assert(std::size(kTable) == std::size(kAllRequestStatuses), "every status has a row");
  for (const auto& row : kTable) EXPECT_EQ(IsRequestEditable(row.s), row.editable) << RequestStatusName(row.s);
}

TEST(StatusFlowTest, StatusAfterAdviceFollowsTheAdvicesIn) {
  struct Row {
    R current;
    int submitted, answered;
    R expected;
  };
  constexpr Row kTable[] = {
      {R::kOpen, 0, 0, R::kOpen},
      {R::kOpen, 1, 0, R::kAdviceSubmitted},
      {R::kAdviceSubmitted, 2, 1, R::kAdviceSubmitted},
      {R::kAdviceSubmitted, 2, 2, R::kAnswered},
      {R::kAnswered, 3, 2, R::kAdviceSubmitted},  // a late advice from another platform
      {R::kClosed, 1, 0, R::kClosed},
      {R::kWithdrawn, 1, 1, R::kWithdrawn},
      {R::kDraft, 0, 0, R::kDraft},
  };
  for (const auto& row : kTable) {
    R got = StatusAfterAdvice(row.current, row.submitted, row.answered);
    EXPECT_EQ(got, row.expected) << RequestStatusName(row.current) << " " << row.submitted << "/" << row.answered;
    if (got != row.current) {
      EXPECT_EQ(CheckRequestTransition(row.current, got), std::nullopt) << "in the table";
    }
  }
}

}  // namespace
}  // namespace wp::advice
