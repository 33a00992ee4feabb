#include "app/backup.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <vector>

#include "core/db/database.h"

extern char** environ;

namespace wp::app {
namespace {

namespace fs = std::filesystem;

bool IsPostgres(const std::string& url) {
  return url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0;
}

std::string SqlitePath(std::string url) {
  if (url.rfind("sqlite:", 0) == 0) url = url.substr(7);
  if (url.rfind("//", 0) == 0) url = url.substr(2);
  return url;
}

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

Result<SqliteHandle> OpenSqlite(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteHandle db(raw);
  if (rc != SQLITE_OK) return Unavailable("cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : "out of memory"));
  sqlite3_busy_timeout(raw, 10000);
  return db;
}

Result<std::string> QueryText(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) return Internal(sqlite3_errmsg(db));
  std::string out;
  int rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  std::string err = rc == SQLITE_ROW || rc == SQLITE_DONE ? "" : sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  if (!err.empty()) return Internal(err);
  return out;
}

// Copies `from` into the database at `to_path` (written as `to_path.partial`,
// checked, made durable, then renamed), in journal mode `journal_mode`.
Result<int64_t> CopySqlite(sqlite3* from, const std::string& to_path, const char* journal_mode) {
  std::string partial = to_path + ".partial";
  std::error_code ec;
  fs::remove(partial, ec);
  {
    WP_ASSIGN_OR_RETURN(SqliteHandle to, OpenSqlite(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from, "main");
    if (!backup) return Internal(std::string("backup: ") + sqlite3_errmsg(to.get()));
    // One step copies every page inside one read transaction: a consistent
    // snapshot, while writers carry on in the WAL.
    int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) return Unavailable(std::string("backup: ") + sqlite3_errstr(rc));
    WP_ASSIGN_OR_RETURN(std::string check, QueryText(to.get(), "PRAGMA integrity_check"));
    if (check != "ok") return Internal("the copy fails its integrity check: " + check);
    WP_TRY_VOID(QueryText(to.get(), (std::string("PRAGMA journal_mode=") + journal_mode).c_str()));
  }
  int fd = ::open(partial.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  fs::rename(partial, to_path, ec);
  if (ec) return Unavailable("cannot rename " + partial + ": " + ec.message());
  return static_cast<int64_t>(fs::file_size(to_path));
}

// Runs `argv` (no shell) with `env` added to this process's environment;
// returns its exit status.
Result<int> Spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string s = *e;
    if (env.count(s.substr(0, s.find('=')))) continue;
    env_strings.push_back(std::move(s));
  }
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> args, envp;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0].c_str(), nullptr, nullptr, args.data(), envp.data());
  if (rc != 0) return Unavailable("cannot run " + argv[0] + " (install postgresql-client): " + std::strerror(rc));
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return Internal("waitpid failed");
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The URL's parts as libpq environment variables (PGHOST, PGPASSWORD, ...),
// so the password never shows in a process list.
Result<std::map<std::string, std::string>> PgEnvironment(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (!opts) {
    std::string msg = err ? err : "invalid URL";
    PQfreemem(err);
    return InvalidInput("database_url: " + msg);
  }
  std::map<std::string, std::string> env;
  for (PQconninfoOption* o = opts; o->keyword; ++o) {
    if (!o->val || !o->envvar || !*o->val) continue;
    env[o->envvar] = o->val;
  }
  PQconninfoFree(opts);
  return env;
}

std::string ReadSmallFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes `data` to a new file `path`, readable by its owner only.
Result<void> WriteOwnerOnly(const std::string& path, const std::string& data) {
  std::error_code ec;
  if (fs::path(path).has_parent_path()) fs::create_directories(fs::path(path).parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Unavailable("cannot create " + path + ": " + std::strerror(errno));
  bool ok = ::write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Unavailable("cannot write " + path);
  return Ok();
}

fs::path Absolute(const std::string& path) { return fs::absolute(fs::path(path)).lexically_normal(); }

}  // namespace

Result<void> BackupVotingKey(const Config& config, const std::string& key_file, const std::string& database_backup) {
  if (key_file.empty()) return InvalidInput("give the key backup file with --key-to FILE");
  if (Absolute(key_file) == Absolute(database_backup)) {
    return InvalidInput("the voting key never goes into the database backup; give --key-to another file");
  }
  if (Absolute(key_file).parent_path() == Absolute(database_backup).parent_path()) {
    return InvalidInput(
        "the voting key is kept apart from the database backup; give --key-to a file in another folder "
        "(another disk or the municipality's secret store)");
  }
  if (fs::exists(key_file)) return InvalidInput(key_file + " exists; a backup never overwrites a file");
  std::string key = ReadSmallFile(config.voting_key_file);
  if (key.empty()) return NotFound("no voting key at " + config.voting_key_file);
  return WriteOwnerOnly(key_file, key);
}

Result<void> RestoreVotingKey(const Config& config, const std::string& key_file) {
  if (!fs::exists(key_file)) return NotFound("no key backup at " + key_file);
  std::string key = ReadSmallFile(key_file);
  if (key.empty()) return InvalidInput(key_file + " is empty");
  if (fs::exists(config.voting_key_file)) {
    if (ReadSmallFile(config.voting_key_file) == key) return Ok();
    return InvalidInput(config.voting_key_file + " holds another voting key; move it away first");
  }
  return WriteOwnerOnly(config.voting_key_file, key);
}

Result<BackupReport> BackupDatabase(const Config& config, const std::string& file) {
  if (file.empty()) return InvalidInput("give the backup file with --to FILE");
  if (fs::exists(file)) return InvalidInput(file + " exists; a backup never overwrites a file");
  std::error_code ec;
  if (fs::path(file).has_parent_path()) fs::create_directories(fs::path(file).parent_path(), ec);
  if (ec) return Unavailable("cannot create the folder of " + file + ": " + ec.message());
  BackupReport report{.backend = "sqlite", .file = file};
  if (IsPostgres(config.database_url)) {
    report.backend = "postgresql";
    WP_ASSIGN_OR_RETURN(auto env, PgEnvironment(config.database_url));
    WP_ASSIGN_OR_RETURN(int rc, Spawn({"pg_dump", "--format=custom", "--no-owner", "--file=" + file}, env));
    if (rc != 0) return Unavailable("pg_dump failed with exit code " + std::to_string(rc));
    report.bytes = static_cast<int64_t>(fs::file_size(file));
    return report;
  }
  std::string path = SqlitePath(config.database_url);
  if (!fs::exists(path)) return NotFound("no database at " + path);
  WP_ASSIGN_OR_RETURN(SqliteHandle from, OpenSqlite(path, SQLITE_OPEN_READONLY));
  WP_ASSIGN_OR_RETURN(report.bytes, CopySqlite(from.get(), file, "DELETE"));
  return report;
}

Result<BackupReport> RestoreDatabase(const Config& config, const std::string& file) {
  if (file.empty()) return InvalidInput("give the backup file with --from FILE");
  if (!fs::exists(file)) return NotFound("no backup at " + file);
  BackupReport report{.backend = "sqlite", .file = file, .bytes = static_cast<int64_t>(fs::file_size(file))};
  if (IsPostgres(config.database_url)) {
    report.backend = "postgresql";
    {
      WP_ASSIGN_OR_RETURN(auto db, db::Open(config.database_url));
      WP_ASSIGN_OR_RETURN(int64_t tables, db->Read([](db::Connection& c) -> Result<int64_t> {
        WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM information_schema.tables "
                                                 "WHERE table_schema = current_schema()"));
        return row.Int(0);
      }));
      if (tables > 0) return InvalidInput("the database is not empty; restore into a new, empty database");
    }
    WP_ASSIGN_OR_RETURN(auto env, PgEnvironment(config.database_url));
    WP_ASSIGN_OR_RETURN(int rc, Spawn({"pg_restore", "--no-owner", "--exit-on-error", "--single-transaction",
                                       "--dbname=" + env["PGDATABASE"], file},
                                      env));
    if (rc != 0) return Unavailable("pg_restore failed with exit code " + std::to_string(rc));
    return report;
  }
  std::string path = SqlitePath(config.database_url);
  if (fs::exists(path)) return InvalidInput(path + " exists; restore into a new folder or move it away first");
  WP_ASSIGN_OR_RETURN(SqliteHandle from, OpenSqlite(file, SQLITE_OPEN_READONLY));
  WP_ASSIGN_OR_RETURN(std::string check, QueryText(from.get(), "PRAGMA quick_check"));
  if (check != "ok") return InvalidInput(file + " is damaged: " + check);
  WP_ASSIGN_OR_RETURN(std::string is_ours,
                      QueryText(from.get(), "SELECT name FROM sqlite_master WHERE name = 'app_settings'"));
  if (is_ours.empty()) return InvalidInput(file + " is no wijkplatform database");
  std::error_code ec;
  if (fs::path(path).has_parent_path()) fs::create_directories(fs::path(path).parent_path(), ec);
  WP_TRY_VOID(CopySqlite(from.get(), path, "WAL"));
  return report;
}

}  // namespace wp::app
