// Verified e-mail addresses: the one place that decides whether the site may
// write to an address. mail::Enqueue asks it for every message; a message to
// an address that is not verified is queued but held (held_reason
// 'unverified') unless it proves control of the address itself (a check
// link, a sign-in link, a password reset: OutgoingMail::proves_control).
//
// When the address is verified, held messages younger than kHeldMailDays are
// released and sent (the reporter of a signal who confirms a day later still
// gets the update the staff wrote meanwhile); older ones are given up
// (failed_at, last_error 'held: address not verified in time'): news that old
// would confuse more than help.
//
// Check links are single-use and expire; only the SHA-256 of a link is
// stored (the caller makes the token with auth::NewToken and passes its
// auth::TokenHash). Thread-safe (all state is in the database).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::mail {

inline constexpr int64_t kHeldMailDays = 14;

// The form addresses are compared in: trimmed, lower case.
std::string AddressKey(std::string_view address);

Result<bool> IsVerified(db::Connection& conn, std::string_view address);

// Records that `address` is verified (check link used, or vouched for by an
// administrator's tool, the demo or a test) and releases its held mail as
// described above. Idempotent: an earlier verification time stays.
Result<void> MarkVerified(db::Connection& conn, std::string_view address, int64_t now);

// Stores a new check link for `address` (replacing an earlier unused one),
// valid until `expires_at`. Returns false, storing nothing, when the address
// is verified already or a link was stored less than `min_interval_seconds`
// ago (so a form cannot be used to flood an address with check mails).
Result<bool> StoreCheckLink(db::Connection& conn, std::string_view address, const std::string& token_hash, int64_t now,
                            int64_t expires_at, int64_t min_interval_seconds);

// The address a valid (unused, unexpired) check link belongs to.
Result<std::optional<std::string>> AddressOfCheckLink(db::Connection& conn, const std::string& token_hash, int64_t now);

// Uses the check link up and verifies its address (MarkVerified). Returns
// the address, or nothing for an unknown, used or expired link.
Result<std::optional<std::string>> UseCheckLink(db::Connection& conn, const std::string& token_hash, int64_t now);

// Forgets what waited in vain: held messages older than kHeldMailDays (their
// address was never verified, so they would never be sent) and the rows of
// unverified addresses whose check link expired that long ago. Returns how
// many messages were deleted. Run hourly (accounts' purge job).
Result<int64_t> ForgetUnverified(db::Connection& conn, int64_t now);

// Messages to `address` held back, oldest first (for tests and the
// administrator's outbox view).
Result<int64_t> CountHeld(db::Connection& conn, std::string_view address);

}  // namespace wp::mail
