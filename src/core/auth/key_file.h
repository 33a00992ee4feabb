// Secret keys kept in a file outside the database (the CSRF key): 64 hex
// characters, created with mode 0600 on first use. A database dump or a
// database reader then never holds the key.
#pragma once

#include <string>

#include "core/random.h"
#include "core/result.h"

namespace wp::auth {

// Reads the key in `path` (64 hex characters, surrounding white space
// ignored) and returns it as text. A missing file is created first (under a
// temporary name linked into place, so concurrent starters agree on one key).
// Errors: kUnavailable when it cannot be created or read; kInvalidInput when
// it does not hold 64 hex characters or group or others may read it.
Result<std::string> LoadOrCreateKeyFile(const std::string& path, Random& random);

}  // namespace wp::auth
