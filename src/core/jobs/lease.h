// Leases: how background work is claimed. A worker writes its id and an end
// time into a row's lease columns (lease_owner, lease_until) in one atomic
// statement; no other worker can claim the row until the lease ends, and a
// worker that died loses its claim when it does. Used by the job queue
// (jobs.h) and by the e-mail outbox, so every kind of background work is
// claimed the same way. Safe on SQLite (claims run inside its write lock) and
// PostgreSQL (FOR UPDATE SKIP LOCKED, so concurrent claimers skip each
// other's rows instead of waiting).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/db/database.h"
#include "core/random.h"
#include "core/result.h"

namespace wp::jobs {

// The identity a worker writes into lease_owner: "<host>/<pid>/<random>",
// unique per worker object, so a process's own workers never share a claim.
std::string NewWorkerId(Random& random);

// A claim: who holds it, and until when (unix seconds).
struct Lease {
  std::string owner;
  int64_t now = 0;
  int64_t until = 0;
};

// Which rows of a table can be claimed. The table needs the columns id,
// lease_owner and lease_until. Every string is trusted SQL written in code,
// never user input.
struct ClaimSpec {
  std::string_view table;
  // Condition on rows that are due, without the lease part, e.g.
  // "sent_at IS NULL AND next_attempt_at <= ?"; its ? are `due_params`.
  std::string_view due;
  std::string_view order_by = "id";  // which due rows are claimed first
  // Extra assignments made by the claim, e.g. "attempts = attempts + 1";
  // empty for none. No ? placeholders.
  std::string_view also_set;
  // Columns returned for each claimed row; the first must be id, e.g.
  // "id, recipient".
  std::string_view returning = "id";
};

// Claims up to `limit` due rows whose lease is free (never set, or ended at
// or before lease.now) for lease.owner until lease.until, and returns them
// in `order_by` order. Run it inside Database::Write.
Result<db::Rows> ClaimRows(db::Connection& c, const ClaimSpec& spec, const Lease& lease, const db::Params& due_params,
                           int limit);

// Extends the lease on row `id` of `table` to `until` if `owner` still holds
// it. Returns false when the claim was lost (taken over after it ended).
Result<bool> RenewLease(db::Connection& c, std::string_view table, int64_t id, std::string_view owner, int64_t until);

}  // namespace wp::jobs
