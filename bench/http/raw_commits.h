// The raw commit rate of a database, the baseline the write benchmarks
// (bench/voting, bench/signals) compare with in the same run: single-row
// INSERT + COMMIT transactions on a new database through the same storage
// layer (and pragmas) as the app.
#pragma once

#include <cstdint>
#include <string>

namespace wp::bench {

struct CommitRate {
  double per_second = 0;
  int64_t p50_us = 0, p99_us = 0;
};

// `commits` transactions on the database at `url` (a fresh one: it creates
// the table raw_commits). Throws std::runtime_error when the database fails.
CommitRate RawCommits(const std::string& url, int commits);

}  // namespace wp::bench
