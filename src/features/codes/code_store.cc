#include "features/codes/code_store.h"

#include <nlohmann/json.hpp>

#include "core/strings.h"

namespace wp::codes {

namespace {

constexpr const char* kRunColumns =
    "id, edition_id, kind, state, total, done, with_letters, csv_file, pdf_file, error, created_at, finished_at";

Result<RunInfo> RunFromRow(const db::Row& r) {
  auto kind = ParseRunKind(r.Text(2));
  auto state = ParseRunState(r.Text(3));
  if (!kind || !state) return Internal("codes_runs " + std::to_string(r.Int(0)) + " has an unknown kind or state");
  RunInfo run;
  run.id = r.Int(0);
  run.edition_id = r.Int(1);
  run.kind = *kind;
  run.state = *state;
  run.total = r.Int(4);
  run.done = r.Int(5);
  run.with_letters = r.Bool(6);
  if (!r.Text(7).empty()) run.files.push_back(r.Text(7));
  const std::string letters = r.Text(8);  // Split returns views into it
  for (auto part : Split(letters, ',')) {
    if (!part.empty()) run.files.emplace_back(part);
  }
  run.error = r.Text(9);
  run.created_at = r.Int(10);
  run.finished_at = r.OptInt(11);
  return run;
}

// The columns id, state, address_id, address, letter_number.
Result<StoredCode> CodeFromRow(const db::Row& r) {
  auto state = ParseStoredState(r.Text(1));
  if (!state) return Internal("codes_codes " + std::to_string(r.Int(0)) + " has an unknown state");
  return StoredCode{r.Int(0), *state, r.OptInt(2), r.Text(3), r.Int(4)};
}

Result<std::vector<StoredCode>> CodesFromRows(const db::Rows& rows) {
  std::vector<StoredCode> out;
  for (const auto& r : rows) {
    WP_ASSIGN_OR_RETURN(StoredCode code, CodeFromRow(r));
    out.push_back(std::move(code));
  }
  return out;
}

constexpr const char* kCodeColumns =
    "SELECT k.id, k.state, k.address_id, COALESCE(a.address, ''), k.letter_number FROM codes_codes k "
    "LEFT JOIN codes_addresses a ON a.id = k.address_id ";

constexpr const char* kWaitingWhere =
    "FROM codes_addresses a WHERE a.edition_id = ? AND NOT EXISTS "
    "(SELECT 1 FROM codes_codes k WHERE k.address_id = a.id AND k.state <> 'revoked')";

std::string StateText(CodeState s) { return std::string(StoredStateName(s)); }

}  // namespace

Result<int64_t> CodeStore::AddAddress(db::Connection& c, int64_t edition_id, std::string_view address,
                                      std::string_view buurt_code) {
  return c.Execute(
      "INSERT INTO codes_addresses (edition_id, address, address_key, buurt_code) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (edition_id, address_key) DO NOTHING",
      {edition_id, std::string(address), AddressKey(address),
       buurt_code.empty() ? db::Null() : db::Value(std::string(buurt_code))});
}

Result<int64_t> CodeStore::CountAddresses(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM codes_addresses WHERE edition_id = ?", {edition_id}));
  return row.Int(0);
}

Result<std::vector<WaitingAddress>> CodeStore::Waiting(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query(std::string("SELECT a.id, a.address ") + kWaitingWhere + " ORDER BY a.id", {edition_id}));
  std::vector<WaitingAddress> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1)});
  return out;
}

Result<int64_t> CodeStore::CountWaiting(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string("SELECT COUNT(*) ") + kWaitingWhere, {edition_id}));
  return row.Int(0);
}

Result<std::optional<int64_t>> CodeStore::ErasedAt(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(
      auto row, c.QueryOptional("SELECT addresses_erased_at FROM codes_editions WHERE edition_id = ?", {edition_id}));
  if (!row) return std::optional<int64_t>();
  return row->OptInt(0);
}

Result<int64_t> CodeStore::EraseAddresses(db::Connection& c, int64_t edition_id, int64_t now) {
  WP_TRY_VOID(c.Execute("UPDATE codes_codes SET address_id = NULL WHERE edition_id = ?", {edition_id}));
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM codes_addresses WHERE edition_id = ?", {edition_id}));
  WP_TRY_VOID(
      c.Execute("INSERT INTO codes_editions (edition_id, addresses_erased_at) VALUES (?, ?) "
                "ON CONFLICT (edition_id) DO UPDATE SET addresses_erased_at = excluded.addresses_erased_at",
                {edition_id, now}));
  return n;
}

Result<int64_t> CodeStore::SaveImportReport(db::Connection& c, int64_t edition_id, const ImportSummary& s,
                                            int64_t now) {
  nlohmann::json report = {{"in_file", s.in_file},
                           {"added", s.added},
                           {"already_known", s.already_known},
                           {"total", s.total},
                           {"empty_lines", s.empty_lines},
                           {"ignored_columns", s.ignored_columns},
                           {"duplicates", nlohmann::json::array()}};
  for (const auto& d : s.duplicates) report["duplicates"].push_back({d.line, d.first_line});
  return c.Insert("INSERT INTO codes_imports (edition_id, report, created_at) VALUES (?, ?, ?) RETURNING id",
                  {edition_id, report.dump(), now});
}

Result<std::optional<ImportSummary>> CodeStore::FindImportReport(db::Connection& c, int64_t edition_id,
                                                                 int64_t report_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT report FROM codes_imports WHERE id = ? AND edition_id = ?",
                                                {report_id, edition_id}));
  if (!row) return std::optional<ImportSummary>();
  auto j = nlohmann::json::parse(row->Text(0), nullptr, false);
  if (j.is_discarded()) return Internal("stored import report is not JSON");
  ImportSummary s;
  s.report_id = report_id;
  s.in_file = j.value("in_file", int64_t{0});
  s.added = j.value("added", int64_t{0});
  s.already_known = j.value("already_known", int64_t{0});
  s.total = j.value("total", int64_t{0});
  s.empty_lines = j.value("empty_lines", std::vector<int>{});
  s.ignored_columns = j.value("ignored_columns", std::vector<std::string>{});
  for (const auto& d : j.value("duplicates", nlohmann::json::array())) {
    s.duplicates.push_back({d.at(0).get<int>(), d.at(1).get<int>()});
  }
  return std::optional<ImportSummary>(std::move(s));
}

Result<int64_t> CodeStore::InsertRun(db::Connection& c, const NewRun& run) {
  return c.Insert(
      "INSERT INTO codes_runs (edition_id, kind, state, total, with_letters, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {run.edition_id, std::string(RunKindName(run.kind)), std::string(RunStateName(run.state)), run.total,
       db::Int(run.with_letters ? 1 : 0), db::OptInt(run.created_by), run.created_at});
}

Result<std::optional<RunInfo>> CodeStore::FindRun(db::Connection& c, int64_t run_id) {
  WP_ASSIGN_OR_RETURN(
      auto row, c.QueryOptional(std::string("SELECT ") + kRunColumns + " FROM codes_runs WHERE id = ?", {run_id}));
  if (!row) return std::optional<RunInfo>();
  WP_ASSIGN_OR_RETURN(RunInfo run, RunFromRow(*row));
  return std::optional<RunInfo>(std::move(run));
}

Result<std::vector<RunInfo>> CodeStore::RecentRuns(db::Connection& c, int64_t edition_id, int limit) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kRunColumns +
                                             " FROM codes_runs WHERE edition_id = ? ORDER BY id DESC LIMIT ?",
                                         {edition_id, db::Int(limit)}));
  std::vector<RunInfo> out;
  for (const auto& r : rows) {
    WP_ASSIGN_OR_RETURN(RunInfo run, RunFromRow(r));
    out.push_back(std::move(run));
  }
  return out;
}

Result<bool> CodeStore::HasActiveRun(db::Connection& c, int64_t edition_id, std::optional<RunKind> kind) {
  std::string sql = "SELECT id FROM codes_runs WHERE edition_id = ? AND state IN ('queued', 'running')";
  db::Params args = {edition_id};
  if (kind) {
    sql += " AND kind = ?";
    args.push_back(std::string(RunKindName(*kind)));
  }
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(sql + " LIMIT 1", args));
  return row.has_value();
}

Result<void> CodeStore::StartRun(db::Connection& c, int64_t run_id, int64_t total) {
  WP_TRY_VOID(c.Execute("UPDATE codes_runs SET state = 'running', total = ? WHERE id = ?", {total, run_id}));
  return Ok();
}

Result<void> CodeStore::SetProgress(db::Connection& c, int64_t run_id, int64_t done) {
  WP_TRY_VOID(c.Execute("UPDATE codes_runs SET done = ? WHERE id = ?", {done, run_id}));
  return Ok();
}

Result<void> CodeStore::RequeueRun(db::Connection& c, int64_t run_id) {
  WP_TRY_VOID(c.Execute("UPDATE codes_runs SET state = 'queued', done = 0 WHERE id = ?", {run_id}));
  return Ok();
}

Result<void> CodeStore::FinishRun(db::Connection& c, int64_t run_id, const std::vector<std::string>& files,
                                  int64_t now) {
  std::string csv = files.empty() ? "" : files.front();
  std::vector<std::string> pdfs(files.begin() + (files.empty() ? 0 : 1), files.end());
  WP_TRY_VOID(
      c.Execute("UPDATE codes_runs SET state = 'finished', done = total, csv_file = ?, pdf_file = ?, "
                "finished_at = ? WHERE id = ?",
                {csv, JoinStrings(pdfs, ","), now, run_id}));
  return Ok();
}

Result<void> CodeStore::FailRun(db::Connection& c, int64_t run_id, std::string_view error, int64_t now) {
  WP_TRY_VOID(c.Execute("UPDATE codes_runs SET state = 'failed', error = ?, finished_at = ? WHERE id = ?",
                        {std::string(error), now, run_id}));
  return Ok();
}

Result<int64_t> CodeStore::NextLetterNumber(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOne("SELECT COALESCE(MAX(letter_number), 0) FROM codes_codes WHERE edition_id = ?", {edition_id}));
  return row.Int(0) + 1;
}

Result<bool> CodeStore::InsertCode(db::Connection& c, int64_t edition_id, std::string_view code_hash,
                                   std::optional<int64_t> address_id, int64_t letter_number, int64_t run_id) {
  WP_ASSIGN_OR_RETURN(
      auto rows, c.Query("INSERT INTO codes_codes (edition_id, code_hash, state, address_id, letter_number, run_id, "
                         "buurt_code) VALUES (?, ?, 'unused', ?, ?, ?, "
                         "(SELECT buurt_code FROM codes_addresses WHERE id = ?)) "
                         "ON CONFLICT (edition_id, code_hash) DO NOTHING RETURNING id",
                         {edition_id, std::string(code_hash), db::OptInt(address_id), letter_number, run_id,
                          db::OptInt(address_id)}));
  return !rows.empty();
}

Result<std::optional<StoredCode>> CodeStore::FindByHash(db::Connection& c, int64_t edition_id,
                                                        std::string_view code_hash) {
  // Only the id and state: the voting path never reads an address.
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional("SELECT id, state FROM codes_codes WHERE edition_id = ? AND code_hash = ?",
                                      {edition_id, std::string(code_hash)}));
  if (!row) return std::optional<StoredCode>();
  auto state = ParseStoredState(row->Text(1));
  if (!state) return Internal("codes_codes " + std::to_string(row->Int(0)) + " has an unknown state");
  StoredCode code;
  code.id = row->Int(0);
  code.state = *state;
  return std::optional<StoredCode>(std::move(code));
}

Result<std::optional<StoredCode>> CodeStore::FindByLetter(db::Connection& c, int64_t edition_id,
                                                          int64_t letter_number) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string(kCodeColumns) + "WHERE k.edition_id = ? AND k.letter_number = ?",
                                      {edition_id, letter_number}));
  if (!row) return std::optional<StoredCode>();
  WP_ASSIGN_OR_RETURN(StoredCode code, CodeFromRow(*row));
  return std::optional<StoredCode>(std::move(code));
}

Result<std::vector<StoredCode>> CodeStore::FindByAddress(db::Connection& c, int64_t edition_id,
                                                         std::string_view key_part, int limit) {
  std::string like = "%";
  for (char ch : key_part) {
    if (ch == '%' || ch == '_' || ch == '\\') like.push_back('\\');
    like.push_back(ch);
  }
  like.push_back('%');
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT k.id, k.state, k.address_id, a.address, k.letter_number "
                                         "FROM codes_codes k JOIN codes_addresses a ON a.id = k.address_id "
                                         "WHERE k.edition_id = ? AND a.address_key LIKE ? ESCAPE '\\' "
                                         "ORDER BY a.address_key, k.letter_number LIMIT ?",
                                         {edition_id, like, db::Int(limit)}));
  return CodesFromRows(rows);
}

Result<std::optional<CodeState>> CodeStore::StateOf(db::Connection& c, int64_t code_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT state FROM codes_codes WHERE id = ?", {code_id}));
  if (!row) return std::optional<CodeState>();
  auto state = ParseStoredState(row->Text(0));
  if (!state) return Internal("codes_codes " + std::to_string(code_id) + " has an unknown state");
  return state;
}

Result<bool> CodeStore::UseUnused(db::Connection& c, int64_t code_id, CodeState to) {
  WP_ASSIGN_OR_RETURN(int64_t changed, c.Execute("UPDATE codes_codes SET state = ? WHERE id = ? AND state = 'unused'",
                                                 {StateText(to), code_id}));
  return changed == 1;
}

Result<void> CodeStore::Revoke(db::Connection& c, int64_t code_id) {
  WP_TRY_VOID(c.Execute("UPDATE codes_codes SET state = 'revoked' WHERE id = ?", {code_id}));
  return Ok();
}

Result<int64_t> CodeStore::RevokeRun(db::Connection& c, int64_t run_id, bool only_unused) {
  return c.Execute(std::string("UPDATE codes_codes SET state = 'revoked' WHERE run_id = ?") +
                       (only_unused ? " AND state = 'unused'" : ""),
                   {run_id});
}

Result<int64_t> CodeStore::CountInState(db::Connection& c, int64_t edition_id, CodeState state) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM codes_codes WHERE edition_id = ? AND state = ?",
                                           {edition_id, StateText(state)}));
  return row.Int(0);
}

Result<std::map<CodeState, int64_t>> CodeStore::CountByState(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT state, COUNT(*) FROM codes_codes WHERE edition_id = ? GROUP BY state", {edition_id}));
  std::map<CodeState, int64_t> out;
  for (const auto& r : rows) {
    auto state = ParseStoredState(r.Text(0));
    if (!state) return Internal("codes_codes has an unknown state " + r.Text(0));
    out[*state] = r.Int(1);
  }
  return out;
}

Result<int64_t> CodeStore::CountAll(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM codes_codes"));
  return row.Int(0);
}

Result<void> CodeStore::RecordDownload(db::Connection& c, int64_t edition_id, std::string_view file_name,
                                       std::optional<int64_t> user_id, std::string_view user_name, int64_t now) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO codes_downloads (edition_id, file_name, user_id, user_name, at) VALUES (?, ?, ?, ?, ?)",
                {edition_id, std::string(file_name), db::OptInt(user_id), std::string(user_name), now}));
  return Ok();
}

Result<std::vector<DownloadRecord>> CodeStore::Downloads(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT file_name, user_name, at FROM codes_downloads WHERE edition_id = ? "
                                         "ORDER BY at DESC, id DESC",
                                         {edition_id}));
  std::vector<DownloadRecord> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Int(2)});
  return out;
}

}  // namespace wp::codes
