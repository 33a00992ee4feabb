#include "features/codes/code_state.h"

namespace wp::codes {

std::string_view StoredStateName(CodeState s) {
  switch (s) {
    case CodeState::kUnused:
      return "unused";
    case CodeState::kUsedOnline:
      return "used_online";
    case CodeState::kUsedOnPaper:
      return "used_paper";
    case CodeState::kRevoked:
      return "revoked";
    case CodeState::kMalformed:
    case CodeState::kUnknown:
      break;
  }
  return "";
}

std::optional<CodeState> ParseStoredState(std::string_view name) {
  for (CodeState s : {CodeState::kUnused, CodeState::kUsedOnline, CodeState::kUsedOnPaper, CodeState::kRevoked}) {
    if (StoredStateName(s) == name) return s;
  }
  return std::nullopt;
}

CodeState UsedState(Channel channel) {
  return channel == Channel::kOnline ? CodeState::kUsedOnline : CodeState::kUsedOnPaper;
}

}  // namespace wp::codes
