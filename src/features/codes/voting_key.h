// The secret behind code hashes and ballot keys, kept in a file outside the
// database (config `voting_key_file`).
#pragma once

#include <string>

#include "core/random.h"
#include "core/result.h"

namespace wp::codes {

// Reads the secret (64 hex characters = 32 bytes) from `path`; when the file
// is missing, creates it (and its folder) with mode 0600 from `random`.
// Returns the raw bytes. Errors: kUnavailable when it cannot be read or
// created; kInvalidInput when the content is not 64 hex characters, or when
// the file's group or other users may read or write it (issue #11 item 6:
// the server refuses to start; VotingKeyPermissionProblem says the fix).
Result<std::string> LoadOrCreateVotingKey(const std::string& path, Random& random);

// Empty when the key file at `path` is readable by its owner only (or does
// not exist); otherwise what is wrong and the fix, in one sentence.
std::string VotingKeyPermissionProblem(const std::string& path);

}  // namespace wp::codes
