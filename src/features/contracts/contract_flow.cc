#include "features/contracts/contract_flow.h"

namespace wp::contracts {

std::string_view FlowProblemKey(FlowProblem p) {
  switch (p) {
    case FlowProblem::kSameStatus:
      return "contracts.flow.same_status";
    case FlowProblem::kNotAllowed:
      return "contracts.flow.not_allowed";
    case FlowProblem::kNotDraft:
      return "contracts.flow.not_draft";
    case FlowProblem::kNotSigned:
      return "contracts.flow.not_signed";
    case FlowProblem::kAlreadyApproved:
      return "contracts.flow.already_approved";
    case FlowProblem::kSamePerson:
      return "contracts.flow.same_person";
    case FlowProblem::kEmpty:
      return "contracts.flow.empty";
    case FlowProblem::kNotReviewed:
      return "contracts.flow.not_reviewed";
  }
  return "contracts.flow.not_allowed";
}

std::optional<FlowProblem> CheckCommitmentTransition(CommitmentStatus from, CommitmentStatus to) {
  using S = CommitmentStatus;
  if (from == to) return FlowProblem::kSameStatus;
  bool ok = false;
  switch (from) {
    case S::kAgreed:
      ok = true;
      break;
    case S::kInProgress:
      ok = to == S::kDone || to == S::kDropped || to == S::kAgreed;
      break;
    case S::kDone:
      ok = to == S::kInProgress;
      break;
    case S::kDropped:
      ok = false;
      break;
  }
  if (!ok) return FlowProblem::kNotAllowed;
  return std::nullopt;
}

std::optional<FlowProblem> CheckApproval(const Contract& c, Side side, int64_t user_id, size_t commitments) {
  if (c.status != ContractStatus::kDraft) return FlowProblem::kNotDraft;
  const auto& mine = side == Side::kPlatform ? c.platform_approval : c.municipality_approval;
  const auto& other = side == Side::kPlatform ? c.municipality_approval : c.platform_approval;
  if (mine) return FlowProblem::kAlreadyApproved;
  if (other && other->user_id == user_id) return FlowProblem::kSamePerson;
  if (commitments == 0) return FlowProblem::kEmpty;
  return std::nullopt;
}

bool BothApproved(const Contract& c) { return c.platform_approval.has_value() && c.municipality_approval.has_value(); }

Progress ProgressOf(const Commitment& c, int64_t now) {
  switch (c.status) {
    case CommitmentStatus::kDone:
      return Progress::kDone;
    case CommitmentStatus::kDropped:
      return Progress::kDropped;
    case CommitmentStatus::kAgreed:
    case CommitmentStatus::kInProgress:
      break;
  }
  return now >= c.due_at ? Progress::kOverdue : Progress::kOnTrack;
}

std::string_view ProgressName(Progress p) {
  switch (p) {
    case Progress::kDone:
      return "done";
    case Progress::kOnTrack:
      return "on_track";
    case Progress::kOverdue:
      return "overdue";
    case Progress::kDropped:
      return "dropped";
  }
  return "on_track";
}

std::vector<ThemeProgress> CountProgress(const std::vector<Theme>& themes, const std::vector<Commitment>& commitments,
                                         int64_t now) {
  std::vector<ThemeProgress> out;
  for (const auto& t : themes) {
    ThemeProgress p;
    p.theme_id = t.id;
    for (const auto& c : commitments) {
      if (c.theme_id != t.id) continue;
      switch (ProgressOf(c, now)) {
        case Progress::kDone:
          ++p.done;
          break;
        case Progress::kOnTrack:
          ++p.on_track;
          break;
        case Progress::kOverdue:
          ++p.overdue;
          break;
        case Progress::kDropped:
          ++p.dropped;
          break;
      }
    }
    out.push_back(p);
  }
  return out;
}

bool ReminderDue(const Commitment& c, int64_t now, int days) {
  if (ProgressOf(c, now) != Progress::kOnTrack) return false;
  if (c.due_at - now > static_cast<int64_t>(days) * 86400) return false;
  return !(c.reminded_due_at && *c.reminded_due_at == c.due_at);
}

std::vector<Commitment> Unfinished(const std::vector<Commitment>& commitments) {
  std::vector<Commitment> out;
  for (const auto& c : commitments) {
    if (c.status != CommitmentStatus::kDone && c.status != CommitmentStatus::kDropped) out.push_back(c);
  }
  return out;
}

}  // namespace wp::contracts
