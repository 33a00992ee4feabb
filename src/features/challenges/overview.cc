#include "features/challenges/overview.h"

#include <algorithm>
#include <tuple>

namespace wp::challenges {

std::string_view NextStepName(NextStep s) {
  switch (s) {
    case NextStep::kCheckGate: return "check_gate";
    case NextStep::kDecideGate: return "decide_gate";
    case NextStep::kAwaitBusinessCase: return "await_business_case";
    case NextStep::kDecideBusinessCase: return "decide_business_case";
    case NextStep::kDecideStart: return "decide_start";
    case NextStep::kReportOnTime: return "report_on_time";
    case NextStep::kReportDueSoon: return "report_due_soon";
    case NextStep::kReportOverdue: return "report_overdue";
    case NextStep::kNone: return "none";
  }
  return "none";
}

bool NeedsOfficial(NextStep s) {
  return s == NextStep::kCheckGate || s == NextStep::kDecideGate || s == NextStep::kDecideBusinessCase ||
         s == NextStep::kDecideStart || s == NextStep::kReportOverdue;
}

NextStep NextStepOf(Stage stage, const GateState& gate, bool has_business_case, const ReportSchedule& reports) {
  switch (stage) {
    case Stage::kGate: return gate.open.empty() ? NextStep::kDecideGate : NextStep::kCheckGate;
    case Stage::kBusinessCase:
      return has_business_case ? NextStep::kDecideBusinessCase : NextStep::kAwaitBusinessCase;
    case Stage::kAgreement: return NextStep::kDecideStart;
    case Stage::kRunning:
      switch (reports.state) {
        case ReportState::kOnTime: return NextStep::kReportOnTime;
        case ReportState::kDueSoon: return NextStep::kReportDueSoon;
        case ReportState::kOverdue: return NextStep::kReportOverdue;
        case ReportState::kNone: return NextStep::kNone;
      }
      return NextStep::kNone;
    case Stage::kStopped: return NextStep::kNone;
  }
  return NextStep::kNone;
}

void SortOverview(std::vector<OverviewItem>& items) {
  auto rank = [](const OverviewItem& i) {
    if (NeedsOfficial(i.next)) return 0;
    return i.challenge.stage == Stage::kStopped ? 2 : 1;
  };
  std::stable_sort(items.begin(), items.end(), [&](const OverviewItem& a, const OverviewItem& b) {
    return std::make_tuple(rank(a), a.since, a.challenge.id) < std::make_tuple(rank(b), b.since, b.challenge.id);
  });
}

}  // namespace wp::challenges
