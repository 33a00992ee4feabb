#include "core/mail/addresses.h"

#include "core/strings.h"

namespace wp::mail {

std::string AddressKey(std::string_view address) { return ToLower(Trim(address)); }

Result<bool> IsVerified(db::Connection& conn, std::string_view address) {
  WP_ASSIGN_OR_RETURN(
      auto row, conn.QueryOptional("SELECT verified_at FROM mail_addresses WHERE address = ?", {AddressKey(address)}));
  return row.has_value() && !row->IsNull(0);
}

Result<void> MarkVerified(db::Connection& conn, std::string_view address_in, int64_t now) {
  std::string address = AddressKey(address_in);
  WP_TRY_VOID(conn.Execute(
      "INSERT INTO mail_addresses (address, verified_at) VALUES (?, ?) ON CONFLICT (address) DO UPDATE SET "
      "verified_at = COALESCE(mail_addresses.verified_at, excluded.verified_at), check_token_hash = NULL, "
      "check_expires_at = NULL",
      {address, now}));
  int64_t cutoff = now - kHeldMailDays * 24 * 3600;
  WP_TRY_VOID(
      conn.Execute("UPDATE mail_outbox SET held_reason = NULL, next_attempt_at = ? WHERE held_reason IS NOT NULL AND "
                   "lower(recipient) = ? AND created_at >= ? AND sent_at IS NULL AND failed_at IS NULL",
                   {now, address, cutoff}));
  WP_TRY_VOID(conn.Execute(
      "UPDATE mail_outbox SET held_reason = NULL, failed_at = ?, last_error = 'held: address not verified in time' "
      "WHERE held_reason IS NOT NULL AND lower(recipient) = ? AND created_at < ? AND sent_at IS NULL AND "
      "failed_at IS NULL",
      {now, address, cutoff}));
  return Ok();
}

Result<bool> StoreCheckLink(db::Connection& conn, std::string_view address_in, const std::string& token_hash,
                            int64_t now, int64_t expires_at, int64_t min_interval_seconds) {
  std::string address = AddressKey(address_in);
  WP_ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT verified_at, check_sent_at FROM mail_addresses WHERE address = ?", {address}));
  if (row && !row->IsNull(0)) return false;
  if (row && !row->IsNull(1) && now - row->Int(1) < min_interval_seconds) return false;
  WP_TRY_VOID(conn.Execute(
      "INSERT INTO mail_addresses (address, check_token_hash, check_expires_at, check_sent_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (address) DO UPDATE SET check_token_hash = excluded.check_token_hash, "
      "check_expires_at = excluded.check_expires_at, check_sent_at = excluded.check_sent_at",
      {address, token_hash, expires_at, now}));
  return true;
}

Result<std::optional<std::string>> AddressOfCheckLink(db::Connection& conn, const std::string& token_hash,
                                                      int64_t now) {
  WP_ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT address FROM mail_addresses WHERE check_token_hash = ? "
                                                   "AND check_expires_at > ?",
                                                   {token_hash, now}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

Result<std::optional<std::string>> UseCheckLink(db::Connection& conn, const std::string& token_hash, int64_t now) {
  WP_ASSIGN_OR_RETURN(auto address, AddressOfCheckLink(conn, token_hash, now));
  if (!address) return address;
  WP_TRY_VOID(MarkVerified(conn, *address, now));
  return address;
}

Result<int64_t> ForgetUnverified(db::Connection& conn, int64_t now) {
  int64_t cutoff = now - kHeldMailDays * 24 * 3600;
  WP_ASSIGN_OR_RETURN(int64_t deleted,
                      conn.Execute("DELETE FROM mail_outbox WHERE held_reason IS NOT NULL AND sent_at IS NULL AND "
                                   "failed_at IS NULL AND created_at < ?",
                                   {cutoff}));
  WP_TRY_VOID(conn.Execute(
      "DELETE FROM mail_addresses WHERE verified_at IS NULL AND COALESCE(check_expires_at, 0) < ?", {cutoff}));
  return deleted;
}

Result<int64_t> CountHeld(db::Connection& conn, std::string_view address) {
  WP_ASSIGN_OR_RETURN(auto row, conn.QueryOne("SELECT COUNT(*) FROM mail_outbox WHERE held_reason IS NOT NULL AND "
                                              "lower(recipient) = ?",
                                              {AddressKey(address)}));
  return row.Int(0);
}

}  // namespace wp::mail
