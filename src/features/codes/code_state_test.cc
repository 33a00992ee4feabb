#include "features/codes/code_state.h"

#include <gtest/gtest.h>

#include "features/codes/run.h"

namespace wp::codes {
namespace {

TEST(CodeStateTest, StoredStatesRoundTripAndCheckResultsAreNeverStored) {
  for (CodeState s : {CodeState::kUnused, CodeState::kUsedOnline, CodeState::kUsedOnPaper, CodeState::kRevoked}) {
    EXPECT_EQ(ParseStoredState(StoredStateName(s)), s);
  }
  EXPECT_EQ(StoredStateName(CodeState::kUsedOnPaper), "used_paper") << "the name the table holds";
  EXPECT_EQ(StoredStateName(CodeState::kMalformed), "");
  EXPECT_EQ(StoredStateName(CodeState::kUnknown), "");
  EXPECT_EQ(ParseStoredState(""), std::nullopt);
  EXPECT_EQ(ParseStoredState("used"), std::nullopt);
  EXPECT_EQ(UsedState(Channel::kOnline), CodeState::kUsedOnline);
  EXPECT_EQ(UsedState(Channel::kPaper), CodeState::kUsedOnPaper);
}

TEST(CodeStateTest, RunKindsAndStatesRoundTrip) {
  for (RunKind k : {RunKind::kGenerate, RunKind::kReissue}) EXPECT_EQ(ParseRunKind(RunKindName(k)), k);
  for (RunState s : {RunState::kQueued, RunState::kRunning, RunState::kFinished, RunState::kFailed}) {
    EXPECT_EQ(ParseRunState(RunStateName(s)), s);
  }
  EXPECT_EQ(ParseRunState("done"), std::nullopt);
  RunInfo run;
  for (auto [state, active] : {std::pair{RunState::kQueued, true}, std::pair{RunState::kRunning, true},
                               std::pair{RunState::kFinished, false}, std::pair{RunState::kFailed, false}}) {
    run.state = state;
    EXPECT_EQ(run.active(), active) << RunStateName(state);
  }
}

}  // namespace
}  // namespace wp::codes
