#include "features/codes/run.h"

namespace wp::codes {

std::string_view RunKindName(RunKind k) { return k == RunKind::kGenerate ? "generate" : "reissue"; }

std::optional<RunKind> ParseRunKind(std::string_view name) {
  for (RunKind k : {RunKind::kGenerate, RunKind::kReissue}) {
    if (RunKindName(k) == name) return k;
  }
  return std::nullopt;
}

std::string_view RunStateName(RunState s) {
  switch (s) {
    case RunState::kQueued:
      return "queued";
    case RunState::kRunning:
      return "running";
    case RunState::kFinished:
      return "finished";
    case RunState::kFailed:
      return "failed";
  }
  return "failed";
}

std::optional<RunState> ParseRunState(std::string_view name) {
  for (RunState s : {RunState::kQueued, RunState::kRunning, RunState::kFinished, RunState::kFailed}) {
    if (RunStateName(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace wp::codes
