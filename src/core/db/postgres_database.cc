#include "core/db/postgres_database.h"

#include <libpq-fe.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>

namespace wp::db {

namespace {

// Type OIDs (pg_type.h) we convert to typed values.
constexpr Oid kBoolOid = 16, kByteaOid = 17, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kOidOid = 26,
              kFloat4Oid = 700, kFloat8Oid = 701, kNumericOid = 1700;

bool IsRetryableState(std::string_view state) {
  return state == "40001" /* serialization_failure */ || state == "40P01" /* deadlock_detected */;
}

Error ErrorFromResult(PGconn* conn, PGresult* res, std::string_view what) {
  const char* state_c = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string state = state_c ? state_c : "";
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  std::string detail = std::string(what) + ": " + msg + (state.empty() ? "" : " [" + state + "]");
  if (state.rfind("23", 0) == 0) return Conflict(detail);  // integrity constraint violation
  if (IsRetryableState(state)) return Unavailable(detail);
  if (state.rfind("08", 0) == 0 || state == "57P01" || PQstatus(conn) != CONNECTION_OK) {
    return Unavailable(detail);  // connection exception, admin shutdown
  }
  return Internal(detail);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytea in text output is "\x" followed by hex digits (bytea_output = hex,
// which we set on every connection).
std::string DecodeByteaHex(std::string_view text) {
  std::string out;
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text);
  out.reserve((text.size() - 2) / 2);
  for (size_t i = 2; i + 1 < text.size(); i += 2) {
    int hi = HexDigit(text[i]), lo = HexDigit(text[i + 1]);
    if (hi < 0 || lo < 0) break;
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

Value ConvertField(PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return Value(nullptr);
  const char* p = PQgetvalue(res, row, col);
  int n = PQgetlength(res, row, col);
  std::string_view text(p, static_cast<size_t>(n));
  switch (PQftype(res, col)) {
    case kBoolOid: return Value(static_cast<int64_t>(text == "t" ? 1 : 0));
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      int64_t v = 0;
      std::from_chars(text.data(), text.data() + text.size(), v);
      return Value(v);
    }
    case kNumericOid: {
      // SUM(bigint) and friends return numeric: keep integers integral.
      if (text.find_first_of(".eEN") == std::string_view::npos) {
        int64_t v = 0;
        auto r = std::from_chars(text.data(), text.data() + text.size(), v);
        if (r.ec == std::errc()) return Value(v);
      }
      return Value(std::strtod(std::string(text).c_str(), nullptr));
    }
    case kFloat4Oid:
    case kFloat8Oid: return Value(std::strtod(std::string(text).c_str(), nullptr));
    case kByteaOid: return Value(Blob{DecodeByteaHex(text)});
    default: return Value(std::string(text));
  }
}

void IgnoreNotice(void*, const char*) {}

}  // namespace

std::string NumberPlaceholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'' || c == '"') {  // literal or quoted identifier; doubled quote escapes
      size_t j = i + 1;
      while (j < sql.size()) {
        if (sql[j] == c) {
          if (j + 1 < sql.size() && sql[j + 1] == c) {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      size_t end = j < sql.size() ? j + 1 : j;
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size();
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      size_t end = sql.find("*/", i + 2);
      end = end == std::string_view::npos ? sql.size() : end + 2;
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  if (count) *count = n;
  return out;
}

std::string RedactDatabaseUrl(std::string_view url) {
  // scheme://user:password@host... -> scheme://user:***@host...
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  size_t at = url.find('@', scheme + 3);
  size_t colon = url.find(':', scheme + 3);
  if (at == std::string_view::npos || colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

Result<void> PostgresAdminStatement(const std::string& url, const std::string& sql) {
  PGconn* raw = PQconnectdb(url.c_str());
  if (PQstatus(raw) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(raw);
    PQfinish(raw);
    return Unavailable("cannot connect to PostgreSQL at " + RedactDatabaseUrl(url) + ": " + msg);
  }
  PQsetNoticeProcessor(raw, IgnoreNotice, nullptr);
  PGresult* res = PQexec(raw, sql.c_str());
  Result<void> out = Ok();
  if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK) {
    out = ErrorFromResult(raw, res, "admin statement");
  }
  PQclear(res);
  PQfinish(raw);
  return out;
}

std::string WithDatabaseName(std::string_view url, std::string_view dbname) {
  size_t scheme = url.find("://");
  size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  size_t query = url.find('?', start);
  std::string_view base = url.substr(0, query);
  std::string_view rest = query == std::string_view::npos ? std::string_view() : url.substr(query);
  size_t slash = base.find('/', start);
  std::string head(slash == std::string_view::npos ? base : base.substr(0, slash));
  return head + "/" + std::string(dbname) + std::string(rest);
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }
  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<Rows> Query(std::string_view sql, const Params& params = {}) override {
    WP_ASSIGN_OR_RETURN(PGresult * res, Run(sql, params));
    Rows rows;
    int nrows = PQntuples(res), ncols = PQnfields(res);
    rows.reserve(static_cast<size_t>(nrows));
    for (int r = 0; r < nrows; ++r) {
      std::vector<Value> values;
      values.reserve(static_cast<size_t>(ncols));
      for (int c = 0; c < ncols; ++c) values.push_back(ConvertField(res, r, c));
      rows.emplace_back(std::move(values));
    }
    PQclear(res);
    return rows;
  }

  Result<int64_t> Execute(std::string_view sql, const Params& params = {}) override {
    WP_ASSIGN_OR_RETURN(PGresult * res, Run(sql, params));
    const char* tuples = PQcmdTuples(res);
    int64_t changed = 0;
    if (tuples && *tuples) std::from_chars(tuples, tuples + std::strlen(tuples), changed);
    PQclear(res);
    return changed;
  }

  Result<void> ExecuteScript(std::string_view sql) override {
    if (!pending_begin_.empty()) {
      std::string begin = std::move(pending_begin_);
      pending_begin_.clear();
      PGresult* res = PQexec(conn_, begin.c_str());
      if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        Error e = ErrorFromResult(conn_, res, "begin");
        PQclear(res);
        return e;
      }
      PQclear(res);
    }
    std::string s(sql);
    PGresult* res = PQexec(conn_, s.c_str());
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
      Error e = ErrorFromResult(conn_, res, "script");
      PQclear(res);
      return e;
    }
    PQclear(res);
    return Ok();
  }

  bool healthy() const { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }
  // True when the connection is idle, outside any transaction, or only
  // waiting for the answer to a read transaction's COMMIT (CommitNoWait).
  bool idle() const {
    return PQtransactionStatus(conn_) == PQTRANS_IDLE || (commit_in_flight_ && PQtransactionStatus(conn_) == PQTRANS_ACTIVE);
  }

  // The transaction starts with `begin_sql`, sent together with the first
  // statement in one round trip (libpq pipeline mode) instead of a round
  // trip of its own. A transaction without statements sends nothing.
  void DeferBegin(std::string begin_sql) { pending_begin_ = std::move(begin_sql); }
  // True once BEGIN went to the server.
  bool begun() const { return pending_begin_.empty(); }
  // Forgets a BEGIN that was never sent (a transaction without statements).
  void DropPendingBegin() { pending_begin_.clear(); }

  // Sends COMMIT without waiting for its answer: for read-only transactions,
  // whose results the caller already has; the server ends the transaction
  // (and frees its snapshot) as soon as the message arrives. Settle() reads
  // the answer before the connection is used again.
  bool CommitNoWait() {
    if (PQsendQuery(conn_, "COMMIT") != 1) return false;
    commit_in_flight_ = true;
    return true;
  }

  // Reads the answer of a COMMIT sent by CommitNoWait. Errors: kUnavailable
  // when it failed (the connection is then not reused).
  Result<void> Settle() {
    if (!commit_in_flight_) return Ok();
    commit_in_flight_ = false;
    Result<void> out = Ok();
    while (PGresult* res = PQgetResult(conn_)) {
      if (PQresultStatus(res) != PGRES_COMMAND_OK && out.has_value()) {
        out = Unavailable(ErrorFromResult(conn_, res, "read-only commit").detail);
      }
      PQclear(res);
    }
    if (out.has_value() && PQtransactionStatus(conn_) != PQTRANS_IDLE) {
      out = Unavailable("read-only commit left the connection busy");
    }
    return out;
  }

 private:
  // The first statement of a transaction: BEGIN, PREPARE (first use on this
  // connection) and the statement go out in one pipeline and one round trip.
  // The transaction then goes on as if BEGIN had been sent on its own: an
  // error of BEGIN or PREPARE is the statement's error.
  Result<PGresult*> RunWithBegin(const std::string& sql, const std::vector<Oid>& types,
                                 const std::vector<const char*>& values, const std::vector<int>& lengths,
                                 const std::vector<int>& formats) {
    const std::string begin = std::move(pending_begin_);
    pending_begin_.clear();
    const int n = static_cast<int>(values.size());
    std::string key = PreparedKey(sql, types);
    auto it = prepared_.find(key);
    std::string prepare_name;
    const std::string* name = it == prepared_.end() ? nullptr : &it->second;
    if (!name && prepared_.size() < kMaxPrepared) prepare_name = "wp_" + std::to_string(prepared_.size() + 1);
    if (PQenterPipelineMode(conn_) != 1) return Unavailable("cannot enter pipeline mode: " + ConnMessage());
    bool sent = PQsendQueryParams(conn_, begin.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
    if (sent && !prepare_name.empty()) {
      sent = PQsendPrepare(conn_, prepare_name.c_str(), sql.c_str(), n, types.data()) == 1;
    }
    if (sent) {
      const char* stmt_name = name ? name->c_str() : prepare_name.empty() ? nullptr : prepare_name.c_str();
      sent = stmt_name ? PQsendQueryPrepared(conn_, stmt_name, n, values.data(), lengths.data(), formats.data(), 0) == 1
                       : PQsendQueryParams(conn_, sql.c_str(), n, types.data(), values.data(), lengths.data(),
                                           formats.data(), 0) == 1;
    }
    if (sent) sent = PQpipelineSync(conn_) == 1;
    if (!sent) {
      // Nothing usable was sent, or the connection broke: it is not reused.
      broken_ = true;
      return Unavailable("cannot send statement: " + ConnMessage());
    }
    // Answers, in order: BEGIN, PREPARE (when sent), the statement, the sync.
    const int commands = prepare_name.empty() ? 2 : 3;
    std::optional<Error> error;
    PGresult* out = nullptr;
    bool prepared = false;
    for (int i = 0; i < commands; ++i) {
      PGresult* res = PQgetResult(conn_);
      bool last = i == commands - 1;
      for (; res; res = PQgetResult(conn_)) {
        ExecStatusType st = PQresultStatus(res);
        if (i == 1 && !last && st == PGRES_COMMAND_OK) prepared = true;
        if (st == PGRES_PIPELINE_ABORTED) {
          if (!error) error = Unavailable("statement not run: the pipeline was aborted");
          PQclear(res);
        } else if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
          if (!error || error->detail.find("pipeline was aborted") != std::string::npos) {
            error = ErrorFromResult(conn_, res, "statement");
          }
          PQclear(res);
        } else if (last && !out) {
          out = res;
        } else {
          PQclear(res);
        }
      }
    }
    // The sync point.
    PGresult* sync = PQgetResult(conn_);
    bool synced = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
    if (sync) PQclear(sync);
    if (!synced || PQexitPipelineMode(conn_) != 1) {
      if (out) PQclear(out);
      broken_ = true;
      return Unavailable("pipeline did not end cleanly: " + ConnMessage());
    }
    if (prepared) prepared_.emplace(std::move(key), std::move(prepare_name));
    if (error) {
      if (out) PQclear(out);
      return *error;
    }
    if (!out) return Internal("no result for statement");
    return out;
  }

  std::string ConnMessage() const {
    std::string msg = PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return msg;
  }

  static std::string PreparedKey(const std::string& sql, const std::vector<Oid>& types) {
    std::string key = sql;
    key += '\0';
    for (Oid t : types) key += std::to_string(t) + ",";
    return key;
  }

  Result<PGresult*> Run(std::string_view sql, const Params& params) {
    int count = 0;
    std::string numbered = NumberPlaceholders(sql, &count);
    if (static_cast<size_t>(count) != params.size()) {
      return Internal("parameter count mismatch for '" + std::string(sql) + "'");
    }
    std::vector<Oid> types(params.size(), 0);
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;  // NULL, type inferred
      if (auto p = std::get_if<int64_t>(&v)) {
        types[i] = kInt8Oid;
        texts[i] = std::to_string(*p);
      } else if (auto p = std::get_if<double>(&v)) {
        types[i] = kFloat8Oid;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", *p);
        texts[i] = buf;
      } else if (auto p = std::get_if<std::string>(&v)) {
        texts[i] = *p;  // type 0: inferred from context, like an untyped literal
      } else if (auto p = std::get_if<Blob>(&v)) {
        types[i] = kByteaOid;
        texts[i] = p->bytes;
        formats[i] = 1;  // binary: the bytes as they are
      }
      values[i] = texts[i].data();
      lengths[i] = static_cast<int>(texts[i].size());
    }
    if (!pending_begin_.empty()) {
      return RunWithBegin(numbered, types, values, lengths, formats);
    }
    const std::string* name = nullptr;
    // A failed PREPARE is the statement's own error (syntax, unknown column).
    PGresult* res = Prepare(numbered, types, &name);
    if (!res && name) {
      res = PQexecPrepared(conn_, name->c_str(), static_cast<int>(params.size()), values.data(), lengths.data(),
                           formats.data(), 0);
    } else if (!res) {
      res = PQexecParams(conn_, numbered.c_str(), static_cast<int>(params.size()), types.data(), values.data(),
                         lengths.data(), formats.data(), 0);
    }
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      Error e = ErrorFromResult(conn_, res, "statement");
      PQclear(res);
      return e;
    }
    return res;
  }

  // Sets `name` to a server-side prepared statement for this text and these
  // parameter types, prepared on first use: the server parses and plans a
  // statement once per connection instead of on every call (bench/signals:
  // planning cost as much as running the short queries of a page). Leaves it
  // null when the cache is full (statements with a varying number of
  // parameters, such as IN lists) or the transaction has already failed; the
  // caller then sends the text. Returns the error result of a failed PREPARE
  // (the statement's own error), else null.
  PGresult* Prepare(const std::string& sql, const std::vector<Oid>& types, const std::string** name) {
    std::string key = PreparedKey(sql, types);
    auto it = prepared_.find(key);
    if (it != prepared_.end()) {
      *name = &it->second;
      return nullptr;
    }
    if (prepared_.size() >= kMaxPrepared || PQtransactionStatus(conn_) == PQTRANS_INERROR) return nullptr;
    std::string made = "wp_" + std::to_string(prepared_.size() + 1);
    PGresult* res = PQprepare(conn_, made.c_str(), sql.c_str(), static_cast<int>(types.size()), types.data());
    if (PQresultStatus(res) != PGRES_COMMAND_OK) return res;
    PQclear(res);
    *name = &prepared_.emplace(std::move(key), std::move(made)).first->second;
    return nullptr;
  }

  static constexpr size_t kMaxPrepared = 2000;
  PGconn* conn_;
  std::string pending_begin_;
  bool commit_in_flight_ = false;
  bool broken_ = false;  // a pipeline went wrong: never reuse
  std::unordered_map<std::string, std::string> prepared_;
};

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::Open(const std::string& url, int max_connections) {
  std::unique_ptr<PostgresDatabase> db(new PostgresDatabase());
  db->url_ = url;
  db->max_connections_ = max_connections < 1 ? 1 : max_connections;
  WP_ASSIGN_OR_RETURN(auto first, db->Acquire());
  db->Release(std::move(first));
  return db;
}

PostgresDatabase::~PostgresDatabase() = default;

PoolStats PostgresDatabase::pool_stats() {
  std::lock_guard<std::mutex> lock(mu_);
  return {.max = max_connections_, .open = open_, .idle = static_cast<int>(idle_.size()), .waiting = waiting_};
}

Result<std::unique_ptr<PostgresConnection>> PostgresDatabase::Acquire() {
  {
    std::unique_lock<std::mutex> lock(mu_);
    ++waiting_;
    cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_connections_; });
    --waiting_;
    while (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      lock.unlock();
      // The answer to a read-only COMMIT sent without waiting is here by now.
      if (conn->Settle().has_value() && conn->healthy()) return conn;
      conn.reset();
      lock.lock();
      --open_;
    }
    ++open_;
  }
  auto fail = [&](Error e) -> Result<std::unique_ptr<PostgresConnection>> {
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
    cv_.notify_one();
    return e;
  };
  PGconn* raw = PQconnectdb(url_.c_str());
  if (PQstatus(raw) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(raw);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    PQfinish(raw);
    return fail(Unavailable("cannot connect to PostgreSQL at " + RedactDatabaseUrl(url_) + ": " + msg));
  }
  if (PQserverVersion(raw) < 120000) {
    PQfinish(raw);
    return fail(InvalidInput("PostgreSQL 12 or newer is needed at " + RedactDatabaseUrl(url_)));
  }
  PQsetNoticeProcessor(raw, IgnoreNotice, nullptr);
  auto conn = std::make_unique<PostgresConnection>(raw);
  auto setup = conn->ExecuteScript(
      "SET TIME ZONE 'UTC'; SET bytea_output = 'hex'; SET application_name = 'wijkplatform'");
  if (!setup.has_value()) return fail(setup.error());
  return conn;
}

void PostgresDatabase::Release(std::unique_ptr<PostgresConnection> conn) {
  std::lock_guard<std::mutex> lock(mu_);
  if (conn && conn->healthy() && conn->idle()) {
    idle_.push_back(std::move(conn));
  } else {
    conn.reset();
    --open_;
  }
  cv_.notify_one();
}

Result<void> PostgresDatabase::RunTransaction(std::string_view begin_sql, bool retry, bool read_only,
                                              const std::function<Result<void>(Connection&)>& fn) {
  constexpr int kAttempts = 12;
  thread_local std::minstd_rand jitter(std::random_device{}());
  Result<void> last = Ok();
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    if (attempt > 0) {
      // Exponential backoff with jitter: 2, 4, 8 ... ms, at most ~250 ms.
      int base = 1 << std::min(attempt, 7);
      std::this_thread::sleep_for(std::chrono::milliseconds(base + static_cast<int>(jitter() % base)));
    }
    WP_ASSIGN_OR_RETURN(auto conn, Acquire());
    // BEGIN travels with the first statement (one round trip less).
    conn->DeferBegin(std::string(begin_sql));
    Result<void> r = fn(*conn);
    if (!r.has_value()) {
      if (conn->begun()) (void)conn->Execute("ROLLBACK");
      conn->DropPendingBegin();
      Release(std::move(conn));
      // A transient failure inside fn (serialization, deadlock, lost
      // connection before COMMIT) is safe to retry: nothing was committed.
      if (retry && r.error().code == ErrorCode::kUnavailable && r.error().user_message_key.empty()) {
        last = r;
        continue;
      }
      return r;
    }
    if (!conn->begun()) {  // no statement ran: nothing to commit
      conn->DropPendingBegin();
      Release(std::move(conn));
      return Ok();
    }
    if (!retry && read_only) {
      // A read-only transaction has nothing to make durable and its results
      // are in hand: COMMIT goes out without waiting for the answer, which
      // the next user of the connection reads (Acquire).
      if (!conn->CommitNoWait()) {
        Result<int64_t> commit = conn->Execute("COMMIT");
        if (!commit.has_value()) (void)conn->Execute("ROLLBACK");
      }
      Release(std::move(conn));
      return Ok();
    }
    Result<int64_t> commit = conn->Execute("COMMIT");
    bool healthy = conn->healthy();
    if (!commit.has_value()) (void)conn->Execute("ROLLBACK");
    Release(std::move(conn));
    if (commit.has_value()) return Ok();
    last = commit.error();
    // A serialization failure at COMMIT means nothing was committed; a lost
    // connection during COMMIT leaves the outcome unknown: never retry that.
    if (!(retry && healthy && commit.error().code == ErrorCode::kUnavailable)) return last;
  }
  return last;
}

Result<void> PostgresDatabase::RunWrite(const std::function<Result<void>(Connection&)>& fn) {
  return RunTransaction("BEGIN ISOLATION LEVEL SERIALIZABLE", true, false, fn);
}

Result<void> PostgresDatabase::RunRead(const std::function<Result<void>(Connection&)>& fn) {
  return RunTransaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", false, true, fn);
}

}  // namespace wp::db
