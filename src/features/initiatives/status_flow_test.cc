#include "features/initiatives/status_flow.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace wp::initiatives {
namespace {

using S = InitiativeStatus;
using A = Actor;

constexpr Actor kActors[] = {A::kInitiator, A::kContact, A::kDesk};
constexpr Answer kAnswers[] = {Answer::kNone, Answer::kYes, Answer::kYesProvided, Answer::kNoBecause};

// Every allowed (from, answer, to, actor); everything else is refused.
std::set<std::tuple<S, Answer, S, A>> Allowed() {
  std::set<std::tuple<S, Answer, S, A>> out;
  for (Answer ans : kAnswers) {
    out.insert({S::kDraft, ans, S::kSubmitted, A::kInitiator});
    out.insert({S::kSubmitted, ans, S::kContactAssigned, A::kDesk});
    for (A a : {A::kContact, A::kDesk}) {
      out.insert({S::kContactAssigned, ans, S::kInCheck, a});
      out.insert({S::kContactAssigned, ans, S::kAnswered, a});
      out.insert({S::kInCheck, ans, S::kAnswered, a});
    }
    for (A a : kActors) {
      if (ans != Answer::kNoBecause) out.insert({S::kAnswered, ans, S::kInProgress, a});
      out.insert({S::kInProgress, ans, S::kDone, a});
    }
    for (S from : {S::kDraft, S::kSubmitted, S::kContactAssigned, S::kInCheck, S::kAnswered, S::kInProgress}) {
      if (from == S::kAnswered && ans == Answer::kNoBecause) continue;
      out.insert({from, ans, S::kWithdrawn, A::kInitiator});
    }
  }
  return out;
}

TEST(StatusFlowTest, EveryTransitionOfTheTable) {
  auto allowed = Allowed();
  int checked = 0;
  for (S from : kAllStatuses) {
    for (Answer ans : kAnswers) {
      for (S to : kAllStatuses) {
        for (A a : kActors) {
          bool want = allowed.count({from, ans, to, a}) > 0;
          auto problem = CheckTransition(from, ans, to, a);
          EXPECT_EQ(!problem.has_value(), want) << StatusName(from) << " (" << AnswerName(ans) << ") -> "
                                                << StatusName(to) << " by " << static_cast<int>(a);
          ++checked;
        }
      }
    }
  }
  EXPECT_EQ(checked, 8 * 4 * 8 * 3);
}

TEST(StatusFlowTest, RefusalsSayWhy) {
  struct Case {
    S from;
    Answer answer;
    S to;
    A actor;
    FlowProblem want;
  } cases[] = {
      {S::kInCheck, Answer::kNone, S::kInCheck, A::kContact, FlowProblem::kSameStatus},
      {S::kDraft, Answer::kNone, S::kDone, A::kInitiator, FlowProblem::kNotAllowed},
      {S::kSubmitted, Answer::kNone, S::kContactAssigned, A::kInitiator, FlowProblem::kNotYourStep},
      {S::kSubmitted, Answer::kNone, S::kContactAssigned, A::kContact, FlowProblem::kNotYourStep},
      {S::kInCheck, Answer::kNone, S::kAnswered, A::kInitiator, FlowProblem::kNotYourStep},
      {S::kInCheck, Answer::kNone, S::kWithdrawn, A::kDesk, FlowProblem::kNotYourStep},
      {S::kAnswered, Answer::kNoBecause, S::kInProgress, A::kInitiator, FlowProblem::kAnswerWasNo},
      {S::kAnswered, Answer::kNoBecause, S::kWithdrawn, A::kInitiator, FlowProblem::kNotAllowed},
      {S::kDone, Answer::kYes, S::kWithdrawn, A::kInitiator, FlowProblem::kNotAllowed},
      {S::kWithdrawn, Answer::kNone, S::kSubmitted, A::kInitiator, FlowProblem::kNotAllowed},
      {S::kInProgress, Answer::kYes, S::kInCheck, A::kDesk, FlowProblem::kNotAllowed},
  };
  for (const auto& c : cases) {
    auto problem = CheckTransition(c.from, c.answer, c.to, c.actor);
    ASSERT_TRUE(problem.has_value()) << StatusName(c.from) << " -> " << StatusName(c.to);
    EXPECT_EQ(*problem, c.want) << StatusName(c.from) << " -> " << StatusName(c.to);
    EXPECT_EQ(FlowProblemKey(*problem).substr(0, 17), "initiatives.flow.");
  }
}

TEST(StatusFlowTest, NextStatusesFollowTheTable) {
  EXPECT_EQ(NextStatuses(S::kDraft, Answer::kNone, A::kInitiator), (std::vector<S>{S::kSubmitted, S::kWithdrawn}));
  EXPECT_EQ(NextStatuses(S::kContactAssigned, Answer::kNone, A::kContact), (std::vector<S>{S::kInCheck, S::kAnswered}));
  EXPECT_EQ(NextStatuses(S::kAnswered, Answer::kYesProvided, A::kInitiator),
            (std::vector<S>{S::kInProgress, S::kWithdrawn}));
  EXPECT_TRUE(NextStatuses(S::kAnswered, Answer::kNoBecause, A::kInitiator).empty());
  EXPECT_TRUE(NextStatuses(S::kDone, Answer::kYes, A::kDesk).empty());
}

TEST(StatusFlowTest, ClosedRunningAndContactChanges) {
  struct Case {
    S status;
    Answer answer;
    bool closed, running, contact_change;
  } cases[] = {
      {S::kDraft, Answer::kNone, false, false, false},
      {S::kSubmitted, Answer::kNone, false, true, true},
      {S::kContactAssigned, Answer::kNone, false, true, true},
      {S::kInCheck, Answer::kNone, false, true, true},
      {S::kAnswered, Answer::kYes, false, false, true},
      {S::kAnswered, Answer::kYesProvided, false, false, true},
      {S::kAnswered, Answer::kNoBecause, true, false, false},
      {S::kInProgress, Answer::kYes, false, false, true},
      {S::kDone, Answer::kYes, true, false, false},
      {S::kWithdrawn, Answer::kNone, true, false, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsClosed(c.status, c.answer), c.closed) << StatusName(c.status);
    EXPECT_EQ(IsCheckRunning(c.status), c.running) << StatusName(c.status);
    EXPECT_EQ(CanHaveContactChanged(c.status, c.answer), c.contact_change) << StatusName(c.status);
  }
}

TEST(StatusFlowTest, NamesRoundTrip) {
  for (S s : kAllStatuses) EXPECT_EQ(ParseStatus(StatusName(s)), s);
  for (Answer a : kAnswers) EXPECT_EQ(ParseAnswer(AnswerName(a)), a);
  EXPECT_FALSE(ParseStatus("gemeld").has_value());
  EXPECT_FALSE(ParseAnswer("maybe").has_value());
}

}  // namespace
}  // namespace wp::initiatives
