// Checks shared by the files of PlatformCommands (commands.cc,
// member_commands.cc). Internal to the feature. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace wp::platforms {

// Ok when `allowed`; else kForbidden (platforms.error.forbidden).
Result<void> Require(bool allowed);
// `s` without the spaces around it.
std::string Trimmed(std::string_view s);

}  // namespace wp::platforms
