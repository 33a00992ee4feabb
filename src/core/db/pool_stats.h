// The connection pool of a database, for the /metrics gauges (app/ops_metrics).
#pragma once

#include <optional>

#include "core/db/database.h"

namespace wp::db {

struct PoolStats {
  int max = 0;      // connections the pool may open (SQLite: readers; the one writer is apart)
  int open = 0;     // connections open now, idle or in use
  int idle = 0;     // open and free
  int waiting = 0;  // threads waiting for a connection because all `max` are in use
};

// The pool of `db` now; nullopt for a database without one (SQLite in memory).
std::optional<PoolStats> PoolStatsOf(Database& db);

}  // namespace wp::db
