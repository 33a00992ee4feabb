#include "features/advice/status_flow.h"

namespace wp::advice {

std::string_view FlowProblemKey(FlowProblem p) {
  switch (p) {
    case FlowProblem::kSameStatus:
      return "advice.flow.same_status";
    case FlowProblem::kNotAllowed:
      return "advice.flow.not_allowed";
  }
  return "advice.flow.not_allowed";
}

std::optional<FlowProblem> CheckRequestTransition(RequestStatus from, RequestStatus to) {
  using S = RequestStatus;
  if (from == to) return FlowProblem::kSameStatus;
  bool ok = false;
  switch (from) {
    case S::kDraft:
      ok = to == S::kOpen || to == S::kWithdrawn;
      break;
    case S::kOpen:
      ok = to == S::kAdviceSubmitted || to == S::kWithdrawn;
      break;
    case S::kAdviceSubmitted:
      ok = to == S::kAnswered || to == S::kWithdrawn;
      break;
    case S::kAnswered:
      ok = to == S::kClosed || to == S::kAdviceSubmitted;
      break;
    case S::kClosed:
    case S::kWithdrawn:
      ok = false;
      break;
  }
  if (!ok) return FlowProblem::kNotAllowed;
  return std::nullopt;
}

std::optional<FlowProblem> CheckAdviceTransition(AdviceStatus from, AdviceStatus to) {
  if (from == to) return FlowProblem::kSameStatus;
  bool ok = (from == AdviceStatus::kDraft && to == AdviceStatus::kSubmitted) ||
            (from == AdviceStatus::kSubmitted && to == AdviceStatus::kAnswered);
  if (!ok) return FlowProblem::kNotAllowed;
  return std::nullopt;
}

bool IsEditable(AdviceStatus s) { return s == AdviceStatus::kDraft; }

bool IsRequestEditable(RequestStatus s) { return s == RequestStatus::kDraft; }

bool AcceptsAdvice(RequestStatus s) {
  return s == RequestStatus::kOpen || s == RequestStatus::kAdviceSubmitted || s == RequestStatus::kAnswered;
}

bool IsPublished(RequestStatus s) { return s != RequestStatus::kDraft; }

RequestStatus StatusAfterAdvice(RequestStatus current, int submitted, int answered) {
  if (current == RequestStatus::kDraft || current == RequestStatus::kClosed || current == RequestStatus::kWithdrawn) {
    return current;
  }
  if (submitted == 0) return current;
  return answered >= submitted ? RequestStatus::kAnswered : RequestStatus::kAdviceSubmitted;
}

}  // namespace wp::advice
