// A run: one batch of work that issues codes and writes their print file and
// letters, either for every waiting address (kGenerate, a background job) or
// for one lost letter (kReissue). Plain types and their names. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wp::codes {

enum class RunKind { kGenerate, kReissue };
// kQueued -> kRunning -> kFinished | kFailed; a run whose process died goes
// back to kQueued when another process takes it over.
enum class RunState { kQueued, kRunning, kFinished, kFailed };

// Stored names ("generate", "queued", ...), also the last part of i18n keys.
std::string_view RunKindName(RunKind k);
std::optional<RunKind> ParseRunKind(std::string_view name);
std::string_view RunStateName(RunState s);
std::optional<RunState> ParseRunState(std::string_view name);

struct RunInfo {
  int64_t id = 0;
  int64_t edition_id = 0;
  RunKind kind = RunKind::kGenerate;
  RunState state = RunState::kQueued;
  int64_t total = 0, done = 0;
  bool with_letters = true;
  std::vector<std::string> files;  // names in the edition's print folder, the print file first
  std::string error;               // why it failed (for officials and logs)
  int64_t created_at = 0;
  std::optional<int64_t> finished_at;

  // Queued or running: the run still has work to do.
  bool active() const { return state == RunState::kQueued || state == RunState::kRunning; }
};

}  // namespace wp::codes
