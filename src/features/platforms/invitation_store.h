// The platform_invitations table (migrations/0002_invitations.sql).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/platforms/platform.h"

namespace wp::platforms {

struct Invitation {
  int64_t id = 0;
  PlatformId platform_id = 0;
  std::string email;
  std::string role = "kernteam";
  std::optional<int64_t> invited_by;
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> answered_at;
  std::string answer;  // "accepted", "declined" or empty
};

class InvitationStore {
 public:
  static Result<int64_t> Insert(db::Connection& c, const Invitation& i, const std::string& token_hash);
  static Result<std::optional<Invitation>> ByTokenHash(db::Connection& c, const std::string& token_hash);
  // Open (unanswered, unexpired) invitations of a platform, newest first.
  static Result<std::vector<Invitation>> Open(db::Connection& c, PlatformId id, int64_t now);
  // Records the answer; false when it was answered meanwhile.
  static Result<bool> Answer(db::Connection& c, int64_t id, const std::string& answer, int64_t now);
};

}  // namespace wp::platforms
