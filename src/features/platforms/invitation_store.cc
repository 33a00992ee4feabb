#include "features/platforms/invitation_store.h"

namespace wp::platforms {

namespace {

constexpr const char* kColumns =
    "id, platform_id, email, role, invited_by, created_at, expires_at, answered_at, answer";

Invitation FromRow(const db::Row& r) {
  Invitation i;
  i.id = r.Int(0);
  i.platform_id = r.Int(1);
  i.email = r.Text(2);
  i.role = r.Text(3);
  i.invited_by = r.OptInt(4);
  i.created_at = r.Int(5);
  i.expires_at = r.Int(6);
  i.answered_at = r.OptInt(7);
  i.answer = r.Text(8);
  return i;
}

}  // namespace

Result<int64_t> InvitationStore::Insert(db::Connection& c, const Invitation& i, const std::string& token_hash) {
  return c.Insert(
      "INSERT INTO platform_invitations (platform_id, email, role, token_hash, invited_by, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {i.platform_id, i.email, i.role, token_hash, db::OptInt(i.invited_by), i.created_at, i.expires_at});
}

Result<std::optional<Invitation>> InvitationStore::ByTokenHash(db::Connection& c, const std::string& token_hash) {
  WP_ASSIGN_OR_RETURN(
      auto row, c.QueryOptional(std::string("SELECT ") + kColumns + " FROM platform_invitations WHERE token_hash = ?",
                                {token_hash}));
  if (!row) return std::optional<Invitation>();
  return std::optional<Invitation>(FromRow(*row));
}

Result<std::vector<Invitation>> InvitationStore::Open(db::Connection& c, PlatformId id, int64_t now) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kColumns +
                                             " FROM platform_invitations WHERE platform_id = ? AND answered_at IS "
                                             "NULL AND expires_at > ? ORDER BY created_at DESC, id DESC",
                                         {id, now}));
  std::vector<Invitation> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<bool> InvitationStore::Answer(db::Connection& c, int64_t id, const std::string& answer, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE platform_invitations SET answered_at = ?, answer = ? WHERE id = ? "
                                           "AND answered_at IS NULL",
                                           {now, answer, id}));
  return n == 1;
}

}  // namespace wp::platforms
