#include "features/signals/status_flow.h"

namespace wp::signals {

std::string_view StatusName(SignalStatus s) {
  switch (s) {
    case SignalStatus::kReported:
      return "reported";
    case SignalStatus::kInProgress:
      return "in_progress";
    case SignalStatus::kScheduled:
      return "scheduled";
    case SignalStatus::kDone:
      return "done";
    case SignalStatus::kForwarded:
      return "forwarded";
    case SignalStatus::kCancelled:
      return "cancelled";
    case SignalStatus::kReopened:
      return "reopened";
    case SignalStatus::kMerged:
      return "merged";
  }
  return "reported";
}

std::optional<SignalStatus> ParseStatus(std::string_view name) {
  for (SignalStatus s : kAllStatuses) {
    if (StatusName(s) == name) return s;
  }
  return std::nullopt;
}

bool IsOpen(SignalStatus s) {
  return s == SignalStatus::kReported || s == SignalStatus::kInProgress || s == SignalStatus::kScheduled ||
         s == SignalStatus::kReopened;
}

std::string_view Open311Status(SignalStatus s) {
  switch (s) {
    case SignalStatus::kReported:
      return "open";
    case SignalStatus::kInProgress:
      return "in_progress";
    case SignalStatus::kScheduled:
      return "action_scheduled";
    case SignalStatus::kDone:
      return "fixed";
    case SignalStatus::kForwarded:
      return "internal_referral";
    case SignalStatus::kCancelled:
      return "no_further_action";
    case SignalStatus::kReopened:
      return "reopen";
    case SignalStatus::kMerged:
      return "duplicate";
  }
  return "open";
}

std::string_view FlowProblemKey(FlowProblem p) {
  switch (p) {
    case FlowProblem::kSameStatus:
      return "signals.flow.same_status";
    case FlowProblem::kNotAllowed:
      return "signals.flow.not_allowed";
    case FlowProblem::kStaffOnly:
      return "signals.flow.staff_only";
    case FlowProblem::kUseMerge:
      return "signals.flow.use_merge";
  }
  return "signals.flow.not_allowed";
}

namespace {

bool IsClosedButNotMerged(SignalStatus s) {
  return s == SignalStatus::kDone || s == SignalStatus::kForwarded || s == SignalStatus::kCancelled;
}

// The staff table: from an open state to any other working or closing state;
// from a closed state only back to reopened.
bool StaffMay(SignalStatus from, SignalStatus to) {
  if (IsOpen(from)) {
    switch (to) {
      case SignalStatus::kInProgress:
      case SignalStatus::kScheduled:
      case SignalStatus::kDone:
      case SignalStatus::kForwarded:
      case SignalStatus::kCancelled:
        return true;
      case SignalStatus::kReported:
      case SignalStatus::kReopened:
      case SignalStatus::kMerged:
        return false;
    }
  }
  return IsClosedButNotMerged(from) && to == SignalStatus::kReopened;
}

}  // namespace

std::optional<FlowProblem> CheckTransition(SignalStatus from, SignalStatus to, Actor actor) {
  if (from == to) return FlowProblem::kSameStatus;
  if (to == SignalStatus::kMerged) return actor == Actor::kStaff ? FlowProblem::kUseMerge : FlowProblem::kStaffOnly;
  if (actor == Actor::kReporter) {
    if (to != SignalStatus::kReopened) return FlowProblem::kStaffOnly;
    return IsClosedButNotMerged(from) ? std::nullopt : std::optional<FlowProblem>(FlowProblem::kNotAllowed);
  }
  return StaffMay(from, to) ? std::nullopt : std::optional<FlowProblem>(FlowProblem::kNotAllowed);
}

std::vector<SignalStatus> NextStatuses(SignalStatus from, Actor actor) {
  std::vector<SignalStatus> out;
  for (SignalStatus to : kAllStatuses) {
    if (!CheckTransition(from, to, actor)) out.push_back(to);
  }
  return out;
}

bool NeedsReporterText(SignalStatus to) {
  return to == SignalStatus::kDone || to == SignalStatus::kForwarded || to == SignalStatus::kCancelled ||
         to == SignalStatus::kReopened;
}

bool NeedsPlannedDate(SignalStatus to) { return to == SignalStatus::kScheduled; }

bool MailsReporter(SignalStatus to) { return to != SignalStatus::kReported && to != SignalStatus::kMerged; }

}  // namespace wp::signals
