#include "raw_commits.h"

#include <chrono>
#include <stdexcept>

#include "core/db/database.h"
#include "load_stats.h"

namespace wp::bench {

CommitRate RawCommits(const std::string& url, int commits) {
  using Clock = std::chrono::steady_clock;
  auto db = wp::db::Open(url);
  if (!db.has_value()) throw std::runtime_error(db.error().detail);
  auto made = (*db)->Write([](wp::db::Connection& c) -> wp::Result<bool> {
    const bool sqlite = c.dialect() == wp::db::Dialect::kSqlite;
    WP_TRY_VOID(c.ExecuteScript(std::string("CREATE TABLE raw_commits (k TEXT PRIMARY KEY, v TEXT NOT NULL)") +
                                (sqlite ? " WITHOUT ROWID" : "")));
    return true;
  });
  if (!made.has_value()) throw std::runtime_error(made.error().detail);
  LatencyHistogram h;
  auto start = Clock::now();
  for (int i = 0; i < commits; ++i) {
    auto t0 = Clock::now();
    auto r = (*db)->Write([i](wp::db::Connection& c) -> wp::Result<bool> {
      WP_TRY_VOID(c.Execute("INSERT INTO raw_commits (k, v) VALUES (?, ?)",
                            {wp::db::Text("key-" + std::to_string(i * 7919 % 1000003)), wp::db::Text("12,15")}));
      return true;
    });
    if (!r.has_value()) throw std::runtime_error(r.error().detail);
    h.Record(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count());
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return {commits / seconds, h.Percentile(0.5), h.Percentile(0.99)};
}

}  // namespace wp::bench
