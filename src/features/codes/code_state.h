// The states of a voting code and the channels it can be used through. The
// stored states are what the codes table holds; kMalformed and kUnknown are
// only ever the answer of a check. Pure; safe from any thread.
#pragma once

#include <optional>
#include <string_view>

namespace wp::codes {

enum class Channel { kOnline, kPaper };

enum class CodeState {
  kMalformed,  // length, characters or check character wrong; no DB lookup
  kUnknown,    // well formed, but not a code of this edition
  kRevoked,    // replaced after a lost letter
  kUnused,
  kUsedOnline,
  kUsedOnPaper,
};

// The stored name of a state ("unused", "used_online", "used_paper",
// "revoked"); kMalformed and kUnknown, which are never stored, give "".
std::string_view StoredStateName(CodeState s);
// The state of a stored name; nullopt for anything else.
std::optional<CodeState> ParseStoredState(std::string_view name);
// The state of a code used through `channel`.
CodeState UsedState(Channel channel);

}  // namespace wp::codes
