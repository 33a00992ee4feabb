#include "core/db/sqlite_database.h"

#include <sqlite3.h>

#include <chrono>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace wp::db {

namespace {

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  int primary = rc & 0xff;
  if (primary == SQLITE_CONSTRAINT) return Conflict(msg);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Unavailable(msg);
  return Internal(msg);
}

}  // namespace

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<Rows> Query(std::string_view sql, const Params& params = {}) override {
    WP_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    Rows rows;
    int cols = sqlite3_column_count(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        Error e = SqliteError(db_, rc, "query");
        sqlite3_reset(stmt);
        return e;
      }
      std::vector<Value> values;
      values.reserve(cols);
      for (int c = 0; c < cols; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER: values.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c))); break;
          case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(stmt, c)); break;
          case SQLITE_TEXT:
            values.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                                            sqlite3_column_bytes(stmt, c)));
            break;
          case SQLITE_BLOB: {
            const void* p = sqlite3_column_blob(stmt, c);
            int n = sqlite3_column_bytes(stmt, c);
            values.emplace_back(Blob{std::string(static_cast<const char*>(p), n)});
            break;
          }
          default: values.emplace_back(nullptr);
        }
      }
      rows.emplace_back(std::move(values));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  Result<int64_t> Execute(std::string_view sql, const Params& params = {}) override {
    WP_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      Error e = SqliteError(db_, rc, "execute");
      sqlite3_reset(stmt);
      return e;
    }
    sqlite3_reset(stmt);
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  Result<void> ExecuteScript(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      Error e = SqliteError(nullptr, rc, "script");
      e.detail = "script: " + msg;
      return e;
    }
    return Ok();
  }

  sqlite3* raw() { return db_; }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql, const Params& params) {
    sqlite3_stmt* stmt = nullptr;
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      stmt = it->second;
      sqlite3_clear_bindings(stmt);
    } else {
      int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                  nullptr);
      if (rc != SQLITE_OK) return SqliteError(db_, rc, "prepare '" + key + "'");
      cache_.emplace(std::move(key), stmt);
    }
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      return Internal("parameter count mismatch for '" + std::string(sql) + "'");
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      int rc = SQLITE_OK;
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) rc = sqlite3_bind_null(stmt, idx);
      else if (auto p = std::get_if<int64_t>(&v)) rc = sqlite3_bind_int64(stmt, idx, *p);
      else if (auto p = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt, idx, *p);
      else if (auto p = std::get_if<std::string>(&v))
        rc = sqlite3_bind_text64(stmt, idx, p->data(), p->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      else if (auto p = std::get_if<Blob>(&v))
        rc = sqlite3_bind_blob64(stmt, idx, p->bytes.data(), p->bytes.size(), SQLITE_TRANSIENT);
      if (rc != SQLITE_OK) return SqliteError(db_, rc, "bind");
    }
    return stmt;
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const std::string& path, int max_readers) {
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase());
  db->path_ = path;
  db->memory_ = path == ":memory:";
  db->max_readers_ = max_readers;
  WP_ASSIGN_OR_RETURN(db->writer_, db->NewConnection());
  if (!db->memory_) {
    WP_ASSIGN_OR_RETURN(Rows mode, db->writer_->Query("PRAGMA journal_mode=WAL"));
    if (mode.empty() || mode[0].Text(0) != "wal") return Unavailable("could not switch " + path + " to WAL mode");
  }
  return db;
}

SqliteDatabase::~SqliteDatabase() = default;

Result<std::unique_ptr<SqliteConnection>> SqliteDatabase::NewConnection() {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path_.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close_v2(raw);
    return Unavailable("cannot open SQLite database '" + path_ + "': " + msg);
  }
  auto conn = std::make_unique<SqliteConnection>(raw);
  sqlite3_busy_timeout(raw, 10000);
  // Pages are read through a memory map of up to 256 MiB shared by all
  // connections (no read() system call per page missing from a connection's
  // own cache), and each connection keeps up to 8 MiB of pages instead of
  // 2 MiB (at most 9 connections: 72 MiB): bench/signals read a busy wijk's
  // rows page by page from the kernel otherwise.
  WP_TRY_VOID(conn->ExecuteScript(
      "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA mmap_size=268435456; PRAGMA cache_size=-8192;"));
  return conn;
}

Result<void> SqliteDatabase::RunWrite(const std::function<Result<void>(Connection&)>& fn) {
  std::lock_guard<std::mutex> lock(write_mu_);
  Result<void> last = Ok();
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    Result<int64_t> begin = writer_->Execute("BEGIN IMMEDIATE");
    if (!begin.has_value()) {
      last = begin.error();
      if (begin.error().code == ErrorCode::kUnavailable) continue;
      return last;
    }
    Result<void> r = fn(*writer_);
    if (!r.has_value()) {
      (void)writer_->Execute("ROLLBACK");
      if (r.error().code == ErrorCode::kUnavailable && r.error().user_message_key.empty()) {
        last = r;
        continue;
      }
      return r;
    }
    Result<int64_t> commit = writer_->Execute("COMMIT");
    if (commit.has_value()) return Ok();
    (void)writer_->Execute("ROLLBACK");
    last = commit.error();
    if (commit.error().code != ErrorCode::kUnavailable) return last;
  }
  return last;
}

std::optional<PoolStats> SqliteDatabase::pool_stats() {
  if (memory_) return std::nullopt;
  std::lock_guard<std::mutex> lock(pool_mu_);
  return PoolStats{.max = max_readers_,
                   .open = open_readers_,
                   .idle = static_cast<int>(idle_readers_.size()),
                   .waiting = waiting_readers_};
}

Result<void> SqliteDatabase::RunRead(const std::function<Result<void>(Connection&)>& fn) {
  if (memory_) {
    std::lock_guard<std::mutex> lock(write_mu_);
    return fn(*writer_);
  }
  std::unique_ptr<SqliteConnection> conn;
  {
    std::unique_lock<std::mutex> lock(pool_mu_);
    ++waiting_readers_;
    pool_cv_.wait(lock, [&] { return !idle_readers_.empty() || open_readers_ < max_readers_; });
    --waiting_readers_;
    if (!idle_readers_.empty()) {
      conn = std::move(idle_readers_.back());
      idle_readers_.pop_back();
    } else {
      ++open_readers_;
    }
  }
  if (!conn) {
    auto made = NewConnection();
    if (!made.has_value()) {
      std::lock_guard<std::mutex> lock(pool_mu_);
      --open_readers_;
      pool_cv_.notify_one();
      return made.error();
    }
    conn = std::move(*made);
  }
  Result<void> r = Ok();
  Result<int64_t> begin = conn->Execute("BEGIN");
  if (!begin.has_value()) {
    r = begin.error();
  } else {
    r = fn(*conn);
    (void)conn->Execute("COMMIT");
  }
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    idle_readers_.push_back(std::move(conn));
  }
  pool_cv_.notify_one();
  return r;
}

}  // namespace wp::db
