#include "features/budgets/plan.h"

namespace wp::budgets {

std::string_view MergeStateName(MergeState s) {
  switch (s) {
    case MergeState::kPending:
      return "pending";
    case MergeState::kDone:
      return "done";
    case MergeState::kDeclined:
      return "declined";
  }
  return "pending";
}

std::optional<MergeState> ParseMergeState(std::string_view name) {
  for (MergeState s : {MergeState::kPending, MergeState::kDone, MergeState::kDeclined}) {
    if (MergeStateName(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace wp::budgets
