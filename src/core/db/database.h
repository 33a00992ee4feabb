// Database: the one storage interface features use. Portable SQL with `?`
// placeholders; SQLite (WAL) is the default backend, PostgreSQL the
// production one. A Database is thread-safe; a Connection is used by one
// thread at a time, inside Read() or Write().
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace wp::db {

struct Blob {
  std::string bytes;
};

using Value = std::variant<std::nullptr_t, int64_t, double, std::string, Blob>;

// Helpers to build parameter lists: Value(int) is ambiguous otherwise.
inline Value Int(int64_t v) { return Value(v); }
inline Value Text(std::string v) { return Value(std::move(v)); }
inline Value Null() { return Value(nullptr); }
inline Value OptText(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }
inline Value OptInt(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  // Integer value; NULL -> 0; a numeric text is converted.
  int64_t Int(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const;
  double Real(size_t i) const;
  // Text value; NULL -> ""; numbers are formatted.
  std::string Text(size_t i) const;
  std::optional<std::string> OptText(size_t i) const;
  std::string Bytes(size_t i) const;
  bool Bool(size_t i) const { return Int(i) != 0; }
  const Value& at(size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;
using Params = std::vector<Value>;

enum class Dialect { kSqlite, kPostgres };

class Connection {
 public:
  virtual ~Connection() = default;
  // Runs a statement that returns rows (SELECT, or INSERT ... RETURNING).
  virtual Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a statement; returns the number of rows changed.
  // Errors: kConflict on a unique/foreign-key/check violation, kUnavailable when busy.
  virtual Result<int64_t> Execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs several ;-separated statements without parameters (migrations).
  virtual Result<void> ExecuteScript(std::string_view sql) = 0;
  virtual Dialect dialect() const = 0;

  // First row or kNotFound.
  Result<Row> QueryOne(std::string_view sql, const Params& params = {});
  // First row or nullopt.
  Result<std::optional<Row>> QueryOptional(std::string_view sql, const Params& params = {});
  // INSERT ... RETURNING id; returns the new id.
  Result<int64_t> Insert(std::string_view sql_with_returning_id, const Params& params = {});
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  // Runs `fn` in a read-write transaction and commits when it returns success;
  // rolls back when it returns an error. On commit the change is durable.
  // Retries the whole function a few times when the database reports a
  // transient conflict (busy, serialization failure), so `fn` must have no
  // effects outside the database.
  template <typename F>
  auto Write(F&& fn) -> decltype(fn(std::declval<Connection&>()));

  // Runs `fn` with a connection for reads (a consistent snapshot).
  template <typename F>
  auto Read(F&& fn) -> decltype(fn(std::declval<Connection&>()));

  // Counts the write transactions this process has finished (committed or
  // not), raised after the transaction ends. Something computed from reads
  // that began when the count was N is still current while it is N, as far
  // as this process's writes go (web/page_cache.h); writes of other
  // processes sharing the database are not counted.
  uint64_t WriteGeneration() const { return write_generation_.load(std::memory_order_acquire); }

  // Raw transaction primitive used by the templates above.
  virtual Result<void> RunWrite(const std::function<Result<void>(Connection&)>& fn) = 0;
  virtual Result<void> RunRead(const std::function<Result<void>(Connection&)>& fn) = 0;

 private:
  std::atomic<uint64_t> write_generation_{0};
};

template <typename F>
auto Database::Write(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
  using R = decltype(fn(std::declval<Connection&>()));
  std::optional<R> out;
  Result<void> status = RunWrite([&](Connection& c) -> Result<void> {
    R r = fn(c);
    if (!r.has_value()) {
      Error e = r.error();
      out.emplace(std::move(r));
      return e;
    }
    out.emplace(std::move(r));
    return Ok();
  });
  write_generation_.fetch_add(1, std::memory_order_acq_rel);
  if (!status.has_value()) {
    if (out && !out->has_value()) return std::move(*out);
    return R(status.error());
  }
  return std::move(*out);
}

template <typename F>
auto Database::Read(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
  using R = decltype(fn(std::declval<Connection&>()));
  std::optional<R> out;
  Result<void> status = RunRead([&](Connection& c) -> Result<void> {
    out.emplace(fn(c));
    return Ok();
  });
  if (!status.has_value()) return R(status.error());
  return std::move(*out);
}

// Opens a database from a URL: "sqlite:PATH" / "sqlite::memory:" / a plain
// path, or a PostgreSQL URI "postgresql://user:password@host:port/dbname".
// Errors: kInvalidInput for an unknown scheme, kUnavailable when it cannot open.
Result<std::unique_ptr<Database>> Open(const std::string& url);

}  // namespace wp::db
