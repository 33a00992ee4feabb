#include "core/db/database.h"

#include <charconv>
#include <cstdio>

#include "core/db/postgres_database.h"
#include "core/db/sqlite_database.h"

namespace wp::db {

int64_t Row::Int(size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) {
    int64_t out = 0;
    std::from_chars(p->data(), p->data() + p->size(), out);
    return out;
  }
  return 0;
}

std::optional<int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

double Row::Real(size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::strtod(p->c_str(), nullptr);
  return 0;
}

std::string Row::Text(size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", *p);
    return buf;
  }
  if (auto p = std::get_if<Blob>(&v)) return p->bytes;
  return "";
}

std::optional<std::string> Row::OptText(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::string Row::Bytes(size_t i) const { return Text(i); }

Result<Row> Connection::QueryOne(std::string_view sql, const Params& params) {
  WP_ASSIGN_OR_RETURN(Rows rows, Query(sql, params));
  if (rows.empty()) return NotFound("no row");
  return std::move(rows.front());
}

Result<std::optional<Row>> Connection::QueryOptional(std::string_view sql, const Params& params) {
  WP_ASSIGN_OR_RETURN(Rows rows, Query(sql, params));
  if (rows.empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows.front()));
}

Result<int64_t> Connection::Insert(std::string_view sql, const Params& params) {
  WP_ASSIGN_OR_RETURN(Row row, QueryOne(sql, params));
  return row.Int(0);
}

Result<std::unique_ptr<Database>> Open(const std::string& url) {
  if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) {
    WP_ASSIGN_OR_RETURN(auto pg, PostgresDatabase::Open(url));
    return std::unique_ptr<Database>(std::move(pg));
  }
  std::string path = url;
  if (path.rfind("sqlite:", 0) == 0) path = path.substr(7);
  if (path.rfind("//", 0) == 0) path = path.substr(2);
  if (path.empty()) return InvalidInput("empty database path in '" + url + "'");
  WP_ASSIGN_OR_RETURN(auto sqlite, SqliteDatabase::Open(path));
  return std::unique_ptr<Database>(std::move(sqlite));
}

std::optional<PoolStats> PoolStatsOf(Database& db) {
  if (auto* pg = dynamic_cast<PostgresDatabase*>(&db)) return pg->pool_stats();
  if (auto* sqlite = dynamic_cast<SqliteDatabase*>(&db)) return sqlite->pool_stats();
  return std::nullopt;
}

}  // namespace wp::db
