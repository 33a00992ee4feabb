// Table tests of the officials' overview: the next step of a challenge in
// every stage, whose turn it is, and the order of the list.
#include "features/challenges/overview.h"

#include <gtest/gtest.h>

namespace wp::challenges {
namespace {

TEST(OverviewTest, NextStepTable) {
  GateState open{{Criterion::kRooted}, {}};
  GateState failed{{}, {Criterion::kCost}};
  GateState ready{};
  ReportSchedule none{};
  ReportSchedule fine{ReportState::kOnTime, 100, 0};
  ReportSchedule soon{ReportState::kDueSoon, 100, 0};
  ReportSchedule late{ReportState::kOverdue, 100, 1};
  struct Row {
    Stage stage;
    GateState gate;
    bool has_case;
    ReportSchedule reports;
    NextStep want;
    bool official;
  };
  const Row rows[] = {
      {Stage::kGate, open, false, none, NextStep::kCheckGate, true},
      {Stage::kGate, failed, false, none, NextStep::kDecideGate, true},
      {Stage::kGate, ready, false, none, NextStep::kDecideGate, true},
      {Stage::kBusinessCase, ready, false, none, NextStep::kAwaitBusinessCase, false},
      {Stage::kBusinessCase, ready, true, none, NextStep::kDecideBusinessCase, true},
      {Stage::kAgreement, ready, true, none, NextStep::kDecideStart, true},
      {Stage::kRunning, ready, true, fine, NextStep::kReportOnTime, false},
      {Stage::kRunning, ready, true, soon, NextStep::kReportDueSoon, false},
      {Stage::kRunning, ready, true, late, NextStep::kReportOverdue, true},
      {Stage::kRunning, ready, true, none, NextStep::kNone, false},
      {Stage::kStopped, open, false, none, NextStep::kNone, false},
  };
  for (const auto& r : rows) {
    NextStep got = NextStepOf(r.stage, r.gate, r.has_case, r.reports);
    EXPECT_EQ(got, r.want) << StageName(r.stage) << " -> " << NextStepName(got);
    EXPECT_EQ(NeedsOfficial(got), r.official) << NextStepName(got);
  }
}

TEST(OverviewTest, TheMunicipalitysTurnsComeFirstThenTheLongestWaiting) {
  auto item = [](int64_t id, Stage stage, NextStep next, int64_t since) {
    OverviewItem i;
    i.challenge.id = id;
    i.challenge.stage = stage;
    i.next = next;
    i.since = since;
    return i;
  };
  std::vector<OverviewItem> items = {item(1, Stage::kStopped, NextStep::kNone, 10),
                                     item(2, Stage::kRunning, NextStep::kReportOnTime, 20),
                                     item(3, Stage::kGate, NextStep::kCheckGate, 50),
                                     item(4, Stage::kRunning, NextStep::kReportOverdue, 40),
                                     item(5, Stage::kBusinessCase, NextStep::kAwaitBusinessCase, 5),
                                     item(6, Stage::kAgreement, NextStep::kDecideStart, 40)};
  SortOverview(items);
  std::vector<int64_t> order;
  for (const auto& i : items) order.push_back(i.challenge.id);
  EXPECT_EQ(order, (std::vector<int64_t>{4, 6, 3, 5, 2, 1}));
}

}  // namespace
}  // namespace wp::challenges
