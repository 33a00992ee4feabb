// SqliteDatabase: the embedded default backend. WAL journal, synchronous=FULL
// (a commit that returned is durable), foreign keys on. One writer
// connection serialised by a mutex (SQLite allows one writer anyway) and a
// pool of reader connections. Thread-safe.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/db/pool_stats.h"

namespace wp::db {

class SqliteConnection;

class SqliteDatabase final : public Database {
 public:
  // Opens (creating if needed) the database file at `path`; ":memory:" gives a
  // private in-memory database served by a single connection.
  static Result<std::unique_ptr<SqliteDatabase>> Open(const std::string& path, int max_readers = 8);
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<void> RunWrite(const std::function<Result<void>(Connection&)>& fn) override;
  Result<void> RunRead(const std::function<Result<void>(Connection&)>& fn) override;
  // The reader pool (nullopt in memory: one connection serves all).
  std::optional<PoolStats> pool_stats();

 private:
  SqliteDatabase() = default;
  Result<std::unique_ptr<SqliteConnection>> NewConnection();

  std::string path_;
  bool memory_ = false;
  int max_readers_ = 8;
  std::mutex write_mu_;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
  int open_readers_ = 0;
  int waiting_readers_ = 0;
};

}  // namespace wp::db
