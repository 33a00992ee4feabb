// PostgresDatabase: the production backend (libpq). Several server processes
// may share one database: every write transaction runs SERIALIZABLE and is
// retried when PostgreSQL reports a serialization failure or deadlock, so
// invariants checked inside Database::Write hold across processes just as they
// do with SQLite's single writer. Reads run REPEATABLE READ, READ ONLY (one
// consistent snapshot). BEGIN goes out with a transaction's first statement
// in one pipeline; a read's COMMIT is sent without waiting for the answer (a
// write's is always waited for). A pool of connections, opened on demand.
// Thread-safe.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/db/database.h"
#include "core/db/pool_stats.h"

namespace wp::db {

class PostgresConnection;

class PostgresDatabase final : public Database {
 public:
  // `url`: a libpq connection URI, "postgresql://user:pass@host:port/dbname?...".
  // Opens one connection at once to report a bad URL or an unreachable server.
  // Errors: kUnavailable (cannot connect), kInvalidInput (server older than 12).
  static Result<std::unique_ptr<PostgresDatabase>> Open(const std::string& url, int max_connections = 16);
  ~PostgresDatabase() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<void> RunWrite(const std::function<Result<void>(Connection&)>& fn) override;
  Result<void> RunRead(const std::function<Result<void>(Connection&)>& fn) override;
  PoolStats pool_stats();

 private:
  PostgresDatabase() = default;
  Result<std::unique_ptr<PostgresConnection>> Acquire();
  void Release(std::unique_ptr<PostgresConnection> conn);
  Result<void> RunTransaction(std::string_view begin_sql, bool retry, bool read_only,
                              const std::function<Result<void>(Connection&)>& fn);

  std::string url_;
  int max_connections_ = 16;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PostgresConnection>> idle_;
  int open_ = 0;
  int waiting_ = 0;
};

// Rewrites the portable `?` placeholders to PostgreSQL's `$1, $2, ...`,
// leaving `?` inside string literals, quoted identifiers and comments alone.
// Returns the number of placeholders in `count`.
std::string NumberPlaceholders(std::string_view sql, int* count);

// Runs one statement outside any transaction on a fresh connection to `url`
// (for CREATE DATABASE / DROP DATABASE in tests and tools).
Result<void> PostgresAdminStatement(const std::string& url, const std::string& sql);

// `url` with its database name replaced by `dbname`.
std::string WithDatabaseName(std::string_view url, std::string_view dbname);

// A name for the database URL fit for logs: the password replaced by "***".
std::string RedactDatabaseUrl(std::string_view url);

}  // namespace wp::db
