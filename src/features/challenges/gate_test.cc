#include "features/challenges/gate.h"

#include <gtest/gtest.h>

namespace wp::challenges {
namespace {

constexpr int64_t kThreshold = kDefaultLegalEntityThresholdCents;

GateCheck G(Criterion c, bool met) { return GateCheck{c, met, "reden", 1, "", 0}; }

TEST(GateTest, EveryRequiredCriterionNeedsALatestCheckThatIsMet) {
  struct Row {
    const char* why;
    std::vector<GateCheck> checks;
    int64_t amount;
    size_t open, failed;
  };
  const std::vector<GateCheck> three = {G(Criterion::kRooted, true), G(Criterion::kCost, true),
                                        G(Criterion::kTransferable, true)};
  std::vector<GateCheck> four = three;
  four.push_back(G(Criterion::kLegalEntity, true));
  std::vector<GateCheck> changed = three;
  changed.push_back(G(Criterion::kCost, false));
  std::vector<GateCheck> mended = changed;
  mended.push_back(G(Criterion::kCost, true));
  const Row kTable[] = {
      {"nothing checked, small amount", {}, kThreshold, 3, 0},
      {"nothing checked, above the threshold", {}, kThreshold + 1, 4, 0},
      {"three met, at the threshold: no legal entity needed", three, kThreshold, 0, 0},
      {"three met, above the threshold: the legal entity is open", three, kThreshold + 1, 1, 0},
      {"four met above the threshold", four, 900000, 0, 0},
      {"the latest check counts: cost now not met", changed, 1000, 0, 1},
      {"and met again", mended, 1000, 0, 0},
  };
  for (const auto& row : kTable) {
    GateState s = EvaluateGate(row.checks, row.amount, kThreshold);
    EXPECT_EQ(s.open.size(), row.open) << row.why;
    EXPECT_EQ(s.failed.size(), row.failed) << row.why;
    EXPECT_EQ(s.ready(), row.open == 0 && row.failed == 0) << row.why;
  }
}

TEST(GateTest, DecisionsFollowTheStage) {
  Challenge c;
  c.estimate_cents = 250000;
  const std::vector<GateCheck> ok = {G(Criterion::kRooted, true), G(Criterion::kCost, true),
                                     G(Criterion::kTransferable, true)};
  using P = DecisionProblem;
  EXPECT_EQ(CheckDecision(c, Moment::kGate, true, {}, std::nullopt, kThreshold), P::kGateNotReady);
  EXPECT_EQ(CheckDecision(c, Moment::kGate, false, {}, std::nullopt, kThreshold), std::nullopt) << "no-go any time";
  EXPECT_EQ(CheckDecision(c, Moment::kGate, true, ok, std::nullopt, kThreshold), std::nullopt);
  EXPECT_EQ(CheckDecision(c, Moment::kStart, true, ok, std::nullopt, kThreshold), P::kWrongMoment);
  EXPECT_EQ(StageAfter(Moment::kGate, true), Stage::kBusinessCase);

  c.stage = Stage::kBusinessCase;
  EXPECT_EQ(CheckDecision(c, Moment::kBusinessCase, true, ok, std::nullopt, kThreshold), P::kNoBusinessCase);
  BusinessCase b{{{"Maaien", 200000}, {"Materiaal", 60000}}, 250000, "r", "q"};
  EXPECT_EQ(b.total_cents(), 260000);
  EXPECT_EQ(CheckDecision(c, Moment::kBusinessCase, true, ok, b, kThreshold), P::kCostTooHigh);
  b.current_cost_cents = 400000;
  EXPECT_EQ(CheckDecision(c, Moment::kBusinessCase, true, ok, b, kThreshold), std::nullopt);
  b.lines.push_back({"Afvoer", 100000});
  EXPECT_EQ(CheckDecision(c, Moment::kBusinessCase, true, ok, b, kThreshold), P::kNeedsEntity);
  c.legal_entity = true;
  EXPECT_EQ(CheckDecision(c, Moment::kBusinessCase, true, ok, b, kThreshold), std::nullopt);
  EXPECT_EQ(StageAfter(Moment::kBusinessCase, true), Stage::kAgreement);
  EXPECT_EQ(StageAfter(Moment::kStart, true), Stage::kRunning);
  EXPECT_EQ(StageAfter(Moment::kBusinessCase, false), Stage::kStopped);

  c.stage = Stage::kRunning;
  EXPECT_EQ(MomentOf(c.stage), std::nullopt);
  EXPECT_EQ(CheckDecision(c, Moment::kStart, false, ok, b, kThreshold), P::kWrongMoment);
  EXPECT_TRUE(AcceptsReports(Stage::kRunning));
  EXPECT_FALSE(AcceptsReports(Stage::kAgreement));
  EXPECT_TRUE(AcceptsBusinessCase(Stage::kBusinessCase));
  EXPECT_FALSE(AcceptsBusinessCase(Stage::kAgreement));
}

}  // namespace
}  // namespace wp::challenges
