// What each challenge waits for, as the officials' overview shows it: the
// next step and whether it is the municipality's turn, and the order of the
// list (the municipality's turns and overdue reports first, then the
// oldest). Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "features/challenges/challenge.h"
#include "features/challenges/gate.h"
#include "features/challenges/monitoring.h"

namespace wp::challenges {

enum class NextStep {
  kCheckGate,           // officials: criteria still open
  kDecideGate,          // officials: every criterion checked (met or not): go or no-go
  kAwaitBusinessCase,   // the group: write the business case
  kDecideBusinessCase,  // officials: go or no-go on the business case
  kDecideStart,         // officials: the agreement is ready, go or no-go to start
  kReportOnTime,        // the group: next report later
  kReportDueSoon,       // the group: next report soon
  kReportOverdue,       // the group is late with a report; officials follow up
  kNone,                // stopped, or running without a start decision
};
// "check_gate", "decide_gate", "await_business_case", "decide_business_case",
// "decide_start", "report_on_time", "report_due_soon", "report_overdue", "none".
std::string_view NextStepName(NextStep s);
// True when the step waits for the municipality (and overdue reports, which
// officials follow up).
bool NeedsOfficial(NextStep s);

NextStep NextStepOf(Stage stage, const GateState& gate, bool has_business_case, const ReportSchedule& reports);

struct OverviewItem {
  Challenge challenge;
  NextStep next = NextStep::kNone;
  int64_t since = 0;  // when the challenge reached its stage (the last decision, or its submission)
  ReportSchedule reports;
};

// Sorts `items`: steps that need an official first, then the others, then
// the stopped ones; within each, the longest waiting (oldest `since`) first,
// then by id.
void SortOverview(std::vector<OverviewItem>& items);

}  // namespace wp::challenges
