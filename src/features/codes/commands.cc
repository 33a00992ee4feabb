#include "features/codes/commands.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "core/time/format.h"
#include "features/budgets/edition_directory.h"
#include "features/codes/code_format.h"
#include "features/codes/letters.h"
#include "features/codes/print_file.h"

namespace wp::codes {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRunColumns =
    "id, edition_id, kind, state, total, done, with_letters, csv_file, pdf_file, error, created_at, finished_at";

RunInfo RunFromRow(const db::Row& r) {
  RunInfo run;
  run.id = r.Int(0);
  run.edition_id = r.Int(1);
  run.kind = r.Text(2);
  run.state = r.Text(3);
  run.total = r.Int(4);
  run.done = r.Int(5);
  run.with_letters = r.Bool(6);
  if (!r.Text(7).empty()) run.files.push_back(r.Text(7));
  std::string pdfs = r.Text(8);
  for (auto part : Split(pdfs, ',')) {
    if (!part.empty()) run.files.emplace_back(part);
  }
  run.error = r.Text(9);
  run.created_at = r.Int(10);
  run.finished_at = r.OptInt(11);
  return run;
}

// File names the app writes: lower-case letters, digits and dashes, then
// .csv or .pdf. Anything else (paths, dots) is refused.
bool IsPrintFileName(std::string_view name) {
  if (name.size() < 5 || name.size() > 80) return false;
  std::string_view ext = name.substr(name.size() - 4);
  if (ext != ".csv" && ext != ".pdf") return false;
  for (char c : name.substr(0, name.size() - 4)) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

std::string PartName(int64_t run_id, int64_t part) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "stemcodes-%lld-brieven-%03lld.pdf", static_cast<long long>(run_id),
                static_cast<long long>(part));
  return buf;
}

struct Waiting {
  int64_t address_id;
  std::string address;
};

// Files of one run, written next to their final names as "<name>.part" and
// renamed when complete, so a download never sees half a file.
class RunFiles {
 public:
  RunFiles(std::string folder, const i18n::Catalog& catalog) : folder_(std::move(folder)), catalog_(catalog) {}
  ~RunFiles() { Abandon(); }

  Result<void> OpenCsv(const std::string& name) {
    csv_name_ = name;
    csv_.open(Path(name) + ".part", std::ios::binary | std::ios::trunc);
    if (!csv_) return Unavailable("cannot write " + Path(name));
    csv_ << PrintFileHeader();
    return Ok();
  }
  void Row(const std::string& row) { csv_ << row; }
  // Adds a letter to the current PDF, opening part `part_name` when needed.
  Result<void> Letter(const std::string& part_name, const LetterContent& letter) {
    if (!pdf_ || pdf_name_ != part_name) {
      WP_TRY_VOID(ClosePdf());
      WP_ASSIGN_OR_RETURN(pdf_, LetterPdf::Create(Path(part_name) + ".part", catalog_, "nl"));
      pdf_name_ = part_name;
    }
    return pdf_->Add(letter);
  }
  // Closes and renames everything; returns the file names (CSV first).
  Result<std::vector<std::string>> Finish() {
    WP_TRY_VOID(ClosePdf());
    csv_.close();
    if (!csv_) return Unavailable("writing " + Path(csv_name_) + " failed");
    std::error_code ec;
    fs::rename(Path(csv_name_) + ".part", Path(csv_name_), ec);
    if (ec) return Unavailable("cannot rename " + Path(csv_name_) + ": " + ec.message());
    done_.insert(done_.begin(), csv_name_);
    return done_;
  }
  void Abandon() {
    std::error_code ec;
    pdf_.reset();
    if (!pdf_name_.empty()) fs::remove(Path(pdf_name_) + ".part", ec);
    if (csv_.is_open()) csv_.close();
    if (!csv_name_.empty()) fs::remove(Path(csv_name_) + ".part", ec);
  }

 private:
  std::string Path(const std::string& name) const { return folder_ + "/" + name; }
  Result<void> ClosePdf() {
    if (!pdf_) return Ok();
    WP_TRY_VOID(pdf_->Finish());
    pdf_.reset();
    std::error_code ec;
    fs::rename(Path(pdf_name_) + ".part", Path(pdf_name_), ec);
    if (ec) return Unavailable("cannot rename " + Path(pdf_name_) + ": " + ec.message());
    done_.push_back(pdf_name_);
    pdf_name_.clear();
    return Ok();
  }

  std::string folder_;
  const i18n::Catalog& catalog_;
  std::ofstream csv_;
  std::string csv_name_;
  std::unique_ptr<LetterPdf> pdf_;
  std::string pdf_name_;
  std::vector<std::string> done_;
};

Result<int64_t> NextLetterNumber(db::Connection& c, int64_t edition_id) {
  WP_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOne("SELECT COALESCE(MAX(letter_number), 0) FROM codes_codes WHERE edition_id = ?", {edition_id}));
  return row.Int(0) + 1;
}

// Inserts a new code; draws again on the (astronomically rare) clash with a
// code of the same edition, which the unique index on the hash reports.
Result<std::string> InsertCode(db::Connection& c, const CodeBook& book, Random& random, int64_t edition_id,
                               std::optional<int64_t> address_id, int64_t letter_number, int64_t run_id) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::string code = GenerateCode(random);
    WP_ASSIGN_OR_RETURN(
        auto rows,
        c.Query("INSERT INTO codes_codes (edition_id, code_hash, state, address_id, letter_number, run_id) "
                "VALUES (?, ?, 'unused', ?, ?, ?) ON CONFLICT (edition_id, code_hash) DO NOTHING "
                "RETURNING id",
                {edition_id, book.CodeHash(edition_id, code), db::OptInt(address_id), letter_number, run_id}));
    if (!rows.empty()) return code;
  }
  return Internal("could not draw a unique voting code");
}

}  // namespace

CodeCommands::CodeCommands(db::Database& db, const Clock& clock, Random& random, const CodeBook& book,
                           const budgets::EditionDirectory& editions, const i18n::Catalog& catalog,
                           const time::TimeZone& zone, jobs::JobRunner& jobs, CodesOptions options)
    : db_(db),
      clock_(clock),
      random_(random),
      book_(book),
      editions_(editions),
      catalog_(catalog),
      zone_(zone),
      jobs_(jobs),
      options_(std::move(options)) {
  jobs_.AddHandler(std::string(kGenerateJob), [this](jobs::JobContext& ctx) { return RunGenerationJob(ctx); });
}

Result<budgets::Edition> CodeCommands::FindEdition(std::string_view slug) const {
  WP_ASSIGN_OR_RETURN(auto e, editions_.FindBySlug(slug));
  if (!e) return NotFound("no edition " + std::string(slug), "codes.edition_not_found");
  return *e;
}

Result<void> CodeCommands::Allow(const auth::User* user, Action action, const budgets::Edition& e) const {
  if (!Can(user, action, e)) return Forbidden("may not " + std::string(ActionName(action)), "web.forbidden");
  if (!PhaseAllows(action, budgets::PhaseAt(e, clock_.NowUnixSeconds()))) {
    return Conflict("voting has closed", "codes.phase_closed");
  }
  return Ok();
}

std::string CodeCommands::EditionFolder(const budgets::Edition& e) const { return options_.print_dir + "/" + e.slug; }

Result<ImportSummary> CodeCommands::ImportAddresses(const auth::User& user, const budgets::Edition& e,
                                                    std::string_view csv) {
  WP_TRY_VOID(Allow(&user, Action::kImport, e));
  WP_ASSIGN_OR_RETURN(AddressList list, ParseAddressCsv(csv));
  ImportSummary s;
  s.in_file = static_cast<int64_t>(list.addresses.size());
  s.empty_lines = list.empty_lines;
  s.duplicates = list.duplicates;
  s.ignored_columns = list.ignored_columns;
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto erased,
                        c.QueryOptional("SELECT addresses_erased_at FROM codes_editions WHERE edition_id = ? "
                                        "AND addresses_erased_at IS NOT NULL",
                                        {e.id}));
    if (erased) return Conflict("the address list was erased", "codes.import.erased");
    s.added = 0;
    for (const auto& a : list.addresses) {
      WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("INSERT INTO codes_addresses (edition_id, address, address_key) "
                                               "VALUES (?, ?, ?) ON CONFLICT (edition_id, address_key) DO NOTHING",
                                               {e.id, a, AddressKey(a)}));
      s.added += n;
    }
    s.already_known = s.in_file - s.added;
    WP_ASSIGN_OR_RETURN(auto total, c.QueryOne("SELECT COUNT(*) FROM codes_addresses WHERE edition_id = ?", {e.id}));
    s.total = total.Int(0);
    nlohmann::json report = {{"in_file", s.in_file},
                             {"added", s.added},
                             {"already_known", s.already_known},
                             {"total", s.total},
                             {"empty_lines", s.empty_lines},
                             {"ignored_columns", s.ignored_columns},
                             {"duplicates", nlohmann::json::array()}};
    for (const auto& d : s.duplicates) report["duplicates"].push_back({d.line, d.first_line});
    WP_ASSIGN_OR_RETURN(s.report_id, c.Insert("INSERT INTO codes_imports (edition_id, report, created_at) "
                                              "VALUES (?, ?, ?) RETURNING id",
                                              {e.id, report.dump(), clock_.NowUnixSeconds()}));
    return Ok();
  }));
  return s;
}

Result<ImportSummary> CodeCommands::ImportReport(const budgets::Edition& e, int64_t report_id) const {
  WP_ASSIGN_OR_RETURN(auto row, db_.Read([&](db::Connection& c) {
    return c.QueryOptional("SELECT report FROM codes_imports WHERE id = ? AND edition_id = ?", {report_id, e.id});
  }));
  if (!row) return NotFound("no import report", "codes.import.report_not_found");
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
  return s;
}

Result<std::pair<RunInfo, jobs::Job>> CodeCommands::Queue(const auth::User& user, const budgets::Edition& e,
                                                          bool with_letters, bool held) {
  WP_TRY_VOID(Allow(&user, Action::kGenerate, e));
  return db_.Write([&](db::Connection& c) -> Result<std::pair<RunInfo, jobs::Job>> {
    WP_ASSIGN_OR_RETURN(auto busy,
                        c.QueryOptional("SELECT id FROM codes_runs WHERE edition_id = ? AND kind = 'generate' "
                                        "AND state IN ('queued', 'running')",
                                        {e.id}));
    if (busy) return Conflict("a run is under way", "codes.generate.busy");
    WP_ASSIGN_OR_RETURN(auto waiting,
                        c.QueryOne("SELECT COUNT(*) FROM codes_addresses a WHERE a.edition_id = ? AND NOT EXISTS "
                                   "(SELECT 1 FROM codes_codes k WHERE k.address_id = a.id AND k.state <> 'revoked')",
                                   {e.id}));
    if (waiting.Int(0) == 0) return InvalidInput("no addresses without a code", "codes.generate.nothing");
    WP_ASSIGN_OR_RETURN(int64_t id, c.Insert("INSERT INTO codes_runs (edition_id, kind, state, total, with_letters, "
                                             "created_by, created_at) VALUES (?, 'generate', 'queued', ?, ?, ?, ?) "
                                             "RETURNING id",
                                             {e.id, waiting.Int(0), db::Int(with_letters ? 1 : 0),
                                              user.id == 0 ? db::Null() : db::Int(user.id), clock_.NowUnixSeconds()}));
    WP_ASSIGN_OR_RETURN(auto row,
                        c.QueryOne(std::string("SELECT ") + kRunColumns + " FROM codes_runs WHERE id = ?", {id}));
    // Queued in the same transaction: the run exists exactly when its job does.
    jobs::Job job;
    if (held) {
      WP_ASSIGN_OR_RETURN(job, jobs_.EnqueueHeld(c, kGenerateJob, id, 3));
    } else {
      WP_ASSIGN_OR_RETURN(job.id, jobs::Enqueue(c, kGenerateJob, id, clock_.NowUnixSeconds(), 3));
    }
    return std::make_pair(RunFromRow(row), job);
  });
}

Result<RunInfo> CodeCommands::StartGeneration(const auth::User& user, const budgets::Edition& e, bool with_letters) {
  WP_ASSIGN_OR_RETURN(auto queued, Queue(user, e, with_letters, false));
  jobs_.Kick();
  return queued.first;
}

Result<RunInfo> CodeCommands::GenerateNow(const auth::User& user, const budgets::Edition& e, bool with_letters,
                                          const ProgressFn& progress) {
  WP_ASSIGN_OR_RETURN(auto queued, Queue(user, e, with_letters, true));
  auto r = jobs_.RunHeld(queued.second, progress);
  WP_ASSIGN_OR_RETURN(RunInfo after, Run(e, queued.first.id));
  if (!r.has_value()) return r.error();
  return after;
}

Result<void> CodeCommands::RunGenerationJob(jobs::JobContext& ctx) {
  int64_t run_id = ctx.job().subject_id;
  WP_ASSIGN_OR_RETURN(auto row, db_.Read([&](db::Connection& c) {
    return c.QueryOptional("SELECT edition_id, state FROM codes_runs WHERE id = ?", {run_id});
  }));
  if (!row || row->Text(1) == "finished" || row->Text(1) == "failed") return Ok();  // nothing left to do
  auto fail = [&](const std::string& why) {
    return db_.Write([&](db::Connection& c) -> Result<void> {
      WP_TRY_VOID(c.Execute("UPDATE codes_runs SET state = 'failed', error = ?, finished_at = ? WHERE id = ?",
                            {why, clock_.NowUnixSeconds(), run_id}));
      return Ok();
    });
  };
  WP_ASSIGN_OR_RETURN(auto edition, editions_.FindById(row->Int(0)));
  if (!edition) return fail("edition not found");
  if (ctx.taken_over()) WP_TRY_VOID(UndoAttempt(*edition, run_id));
  if (ctx.given_up()) return fail("interrupted");
  return Execute(*edition, run_id, ctx);
}

Result<void> CodeCommands::UndoAttempt(const budgets::Edition& e, int64_t run_id) {
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(c.Execute("UPDATE codes_codes SET state = 'revoked' WHERE run_id = ? AND state = 'unused'", {run_id}));
    WP_TRY_VOID(c.Execute("UPDATE codes_runs SET state = 'queued', done = 0 WHERE id = ?", {run_id}));
    return Ok();
  }));
  std::error_code ec;
  std::string prefix = "stemcodes-" + std::to_string(run_id) + "-";
  std::string csv = "stemcodes-" + std::to_string(run_id) + ".csv";
  for (const auto& entry : fs::directory_iterator(EditionFolder(e), ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 || name.rfind(csv, 0) == 0) fs::remove(entry.path(), ec);
  }
  return Ok();
}

Result<RunInfo> CodeCommands::Run(const budgets::Edition& e, int64_t run_id) const {
  return db_.Read([&](db::Connection& c) -> Result<RunInfo> {
    WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kRunColumns +
                                                      " FROM codes_runs WHERE id = ? AND edition_id = ?",
                                                  {run_id, e.id}));
    if (!row) return NotFound("no run " + std::to_string(run_id), "codes.run.not_found");
    return RunFromRow(*row);
  });
}

// One run: codes for every waiting address, kBatchSize per transaction; the
// print file and letters are written after each commit, and the job's claim
// is renewed after each batch. When the run fails, its unused codes are
// revoked, so the addresses wait again and no code exists without a letter.
// When the server stops, the run goes back to the queue and its job is
// tried again later.
Result<void> CodeCommands::Execute(const budgets::Edition& e, int64_t run_id, jobs::JobContext& ctx) {
  std::vector<Waiting> waiting;
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    waiting.clear();
    WP_TRY_VOID(c.Execute("UPDATE codes_runs SET state = 'running' WHERE id = ?", {run_id}));
    WP_ASSIGN_OR_RETURN(auto rows,
                        c.Query("SELECT a.id, a.address FROM codes_addresses a WHERE a.edition_id = ? AND NOT EXISTS "
                                "(SELECT 1 FROM codes_codes k WHERE k.address_id = a.id AND k.state <> 'revoked') "
                                "ORDER BY a.id",
                                {e.id}));
    for (const auto& r : rows) waiting.push_back({r.Int(0), r.Text(1)});
    WP_TRY_VOID(
        c.Execute("UPDATE codes_runs SET total = ? WHERE id = ?", {static_cast<int64_t>(waiting.size()), run_id}));
    return Ok();
  }));
  WP_ASSIGN_OR_RETURN(RunInfo run, Run(e, run_id));
  const int64_t total = static_cast<int64_t>(waiting.size());
  std::string folder = EditionFolder(e);
  std::error_code ec;
  fs::create_directories(folder, ec);
  RunFiles files(folder, catalog_);
  std::string closes = time::FormatPeriodEnd(zone_, e.dates.voting_close, "nl");

  auto work = [&]() -> Result<std::vector<std::string>> {
    WP_TRY_VOID(files.OpenCsv("stemcodes-" + std::to_string(run_id) + ".csv"));
    struct Issued {
      std::string code;
      int64_t letter;
    };
    std::vector<Issued> issued;
    for (int64_t start = 0; start < total; start += kBatchSize) {
      if (ctx.ShouldStop()) return Unavailable("the server stopped during the run");
      WP_TRY_VOID(ctx.Heartbeat());
      int64_t end = std::min(total, start + kBatchSize);
      WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
        issued.clear();
        WP_ASSIGN_OR_RETURN(int64_t letter, NextLetterNumber(c, e.id));
        for (int64_t i = start; i < end; ++i) {
          WP_ASSIGN_OR_RETURN(std::string code, InsertCode(c, book_, random_, e.id,
                                                           waiting[static_cast<size_t>(i)].address_id, letter, run_id));
          issued.push_back({std::move(code), letter++});
        }
        WP_TRY_VOID(c.Execute("UPDATE codes_runs SET done = ? WHERE id = ?", {end, run_id}));
        return Ok();
      }));
      for (int64_t i = start; i < end; ++i) {
        const Issued& is = issued[static_cast<size_t>(i - start)];
        const std::string& address = waiting[static_cast<size_t>(i)].address;
        std::string url = VotingUrl(options_.base_url, e.slug, is.code);
        files.Row(PrintFileRow(is.letter, address, is.code, url));
        if (run.with_letters) {
          LetterContent letter{
              options_.municipality_name, e.title, address, is.code, url, closes, is.letter, e.min_age};
          WP_TRY_VOID(files.Letter(PartName(run_id, i / kLettersPerPdf + 1), letter));
        }
      }
      ctx.Progress(end, total);
    }
    return files.Finish();
  };
  auto written = work();
  if (!written.has_value()) {
    files.Abandon();
    Error err = written.error();
    // The claim went to another worker, which starts the run afresh: leave
    // everything to it.
    if (ctx.lost()) return err;
    if (ctx.ShouldStop() && !ctx.last_attempt()) {
      WP_TRY_VOID(UndoAttempt(e, run_id));
      return err;
    }
    (void)db_.Write([&](db::Connection& c) -> Result<void> {
      WP_TRY_VOID(
          c.Execute("UPDATE codes_codes SET state = 'revoked' WHERE run_id = ? AND state = 'unused'", {run_id}));
      WP_TRY_VOID(c.Execute("UPDATE codes_runs SET state = 'failed', error = ?, finished_at = ? WHERE id = ?",
                            {err.detail, clock_.NowUnixSeconds(), run_id}));
      return Ok();
    });
    return err;
  }
  std::string csv = written->empty() ? "" : written->front();
  std::vector<std::string> pdfs(written->begin() + (written->empty() ? 0 : 1), written->end());
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(
        c.Execute("UPDATE codes_runs SET state = 'finished', done = total, csv_file = ?, pdf_file = ?, "
                  "finished_at = ? WHERE id = ?",
                  {csv, JoinStrings(pdfs, ","), clock_.NowUnixSeconds(), run_id}));
    return Ok();
  });
}

Result<CodesStatus> CodeCommands::Status(const budgets::Edition& e) const {
  CodesStatus s;
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto a, c.QueryOne("SELECT COUNT(*) FROM codes_addresses WHERE edition_id = ?", {e.id}));
    s.addresses = a.Int(0);
    WP_ASSIGN_OR_RETURN(auto w,
                        c.QueryOne("SELECT COUNT(*) FROM codes_addresses a WHERE a.edition_id = ? AND NOT EXISTS "
                                   "(SELECT 1 FROM codes_codes k WHERE k.address_id = a.id AND k.state <> 'revoked')",
                                   {e.id}));
    s.waiting = w.Int(0);
    WP_ASSIGN_OR_RETURN(auto states,
                        c.Query("SELECT state, COUNT(*) FROM codes_codes WHERE edition_id = ? GROUP BY state", {e.id}));
    for (const auto& r : states) {
      std::string st = r.Text(0);
      int64_t n = r.Int(1);
      if (st == "unused")
        s.unused = n;
      else if (st == "used_online")
        s.used_online = n;
      else if (st == "used_paper")
        s.used_paper = n;
      else if (st == "revoked")
        s.revoked = n;
    }
    WP_ASSIGN_OR_RETURN(auto erased,
                        c.QueryOptional("SELECT addresses_erased_at FROM codes_editions WHERE edition_id = ?", {e.id}));
    if (erased) s.erased_at = erased->OptInt(0);
    WP_ASSIGN_OR_RETURN(auto runs, c.Query(std::string("SELECT ") + kRunColumns +
                                               " FROM codes_runs WHERE edition_id = ? ORDER BY id DESC LIMIT 20",
                                           {e.id}));
    for (const auto& r : runs) s.runs.push_back(RunFromRow(r));
    return Ok();
  }));
  std::error_code ec;
  std::string folder = EditionFolder(e);
  if (fs::is_directory(folder, ec)) {
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      std::string name = entry.path().filename().string();
      if (!entry.is_regular_file(ec) || !IsPrintFileName(name)) continue;
      s.files.push_back({name, static_cast<int64_t>(entry.file_size(ec))});
    }
  }
  std::sort(s.files.begin(), s.files.end(), [](const PrintFile& a, const PrintFile& b) { return a.name < b.name; });
  return s;
}

Result<std::vector<LetterMatch>> CodeCommands::FindLetters(const budgets::Edition& e, std::string_view query) const {
  std::string q(Trim(query));
  if (q.empty()) return std::vector<LetterMatch>{};
  int64_t number = 0;
  auto [p, ec] = std::from_chars(q.data(), q.data() + q.size(), number);
  bool is_number = ec == std::errc() && p == q.data() + q.size();
  return db_.Read([&](db::Connection& c) -> Result<std::vector<LetterMatch>> {
    std::vector<LetterMatch> out;
    db::Rows rows;
    if (is_number) {
      WP_ASSIGN_OR_RETURN(rows, c.Query("SELECT k.letter_number, COALESCE(a.address, ''), k.state FROM codes_codes k "
                                        "LEFT JOIN codes_addresses a ON a.id = k.address_id "
                                        "WHERE k.edition_id = ? AND k.letter_number = ?",
                                        {e.id, number}));
    } else {
      std::string like = "%";
      for (char ch : ToLower(q)) {
        if (ch == '%' || ch == '_' || ch == '\\') like.push_back('\\');
        like.push_back(ch);
      }
      like.push_back('%');
      WP_ASSIGN_OR_RETURN(rows, c.Query("SELECT k.letter_number, a.address, k.state FROM codes_codes k "
                                        "JOIN codes_addresses a ON a.id = k.address_id "
                                        "WHERE k.edition_id = ? AND a.address_key LIKE ? ESCAPE '\\' "
                                        "ORDER BY a.address_key, k.letter_number LIMIT 20",
                                        {e.id, like}));
    }
    for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2)});
    return out;
  });
}

Result<ReissueResult> CodeCommands::Reissue(const auth::User& user, const budgets::Edition& e, int64_t letter_number) {
  WP_TRY_VOID(Allow(&user, Action::kReissue, e));
  ReissueResult result;
  std::string code, address;
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto row,
                        c.QueryOptional("SELECT k.id, k.state, k.address_id, COALESCE(a.address, '') "
                                        "FROM codes_codes k LEFT JOIN codes_addresses a ON a.id = k.address_id "
                                        "WHERE k.edition_id = ? AND k.letter_number = ?",
                                        {e.id, letter_number}));
    if (!row) return NotFound("no letter " + std::to_string(letter_number), "codes.reissue.not_found");
    std::string state = row->Text(1);
    if (state == "revoked") return Conflict("letter already revoked", "codes.reissue.revoked");
    if (state != "unused") return Conflict("the code was used", "codes.reissue.used");
    WP_TRY_VOID(c.Execute("UPDATE codes_codes SET state = 'revoked' WHERE id = ?", {row->Int(0)}));
    address = row->Text(3);
    WP_ASSIGN_OR_RETURN(
        result.run_id, c.Insert("INSERT INTO codes_runs (edition_id, kind, state, total, done, created_by, created_at) "
                                "VALUES (?, 'reissue', 'running', 1, 0, ?, ?) RETURNING id",
                                {e.id, user.id == 0 ? db::Null() : db::Int(user.id), clock_.NowUnixSeconds()}));
    WP_ASSIGN_OR_RETURN(result.new_letter, NextLetterNumber(c, e.id));
    WP_ASSIGN_OR_RETURN(code, InsertCode(c, book_, random_, e.id, row->OptInt(2), result.new_letter, result.run_id));
    result.old_letter = letter_number;
    return Ok();
  }));
  std::string folder = EditionFolder(e);
  std::error_code ec;
  fs::create_directories(folder, ec);
  RunFiles files(folder, catalog_);
  std::string url = VotingUrl(options_.base_url, e.slug, code);
  auto written = [&]() -> Result<std::vector<std::string>> {
    WP_TRY_VOID(files.OpenCsv("herdruk-" + std::to_string(result.run_id) + ".csv"));
    files.Row(PrintFileRow(result.new_letter, address, code, url));
    LetterContent letter{options_.municipality_name,
                         e.title,
                         address,
                         code,
                         url,
                         time::FormatPeriodEnd(zone_, e.dates.voting_close, "nl"),
                         result.new_letter,
                         e.min_age};
    WP_TRY_VOID(files.Letter("herdruk-" + std::to_string(result.run_id) + ".pdf", letter));
    return files.Finish();
  }();
  auto finish = db_.Write([&](db::Connection& c) -> Result<void> {
    if (!written.has_value()) {
      // No letter: the new code must not stay valid.
      WP_TRY_VOID(c.Execute("UPDATE codes_codes SET state = 'revoked' WHERE run_id = ?", {result.run_id}));
      WP_TRY_VOID(c.Execute("UPDATE codes_runs SET state = 'failed', error = ?, finished_at = ? WHERE id = ?",
                            {written.error().detail, clock_.NowUnixSeconds(), result.run_id}));
      return Ok();
    }
    std::vector<std::string> pdfs(written->begin() + 1, written->end());
    WP_TRY_VOID(
        c.Execute("UPDATE codes_runs SET state = 'finished', done = 1, csv_file = ?, pdf_file = ?, "
                  "finished_at = ? WHERE id = ?",
                  {written->front(), JoinStrings(pdfs, ","), clock_.NowUnixSeconds(), result.run_id}));
    return Ok();
  });
  if (!written.has_value()) return written.error();
  WP_TRY_VOID(finish);
  result.files = *written;
  return result;
}

Result<int64_t> CodeCommands::EraseAddresses(const auth::User& user, const budgets::Edition& e) {
  WP_TRY_VOID(Allow(&user, Action::kErase, e));
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto erased, c.QueryOptional("SELECT 1 FROM codes_editions WHERE edition_id = ? "
                                                     "AND addresses_erased_at IS NOT NULL",
                                                     {e.id}));
    if (erased) return Conflict("already erased", "codes.erase.done");
    WP_ASSIGN_OR_RETURN(auto busy, c.QueryOptional("SELECT id FROM codes_runs WHERE edition_id = ? "
                                                   "AND state IN ('queued', 'running')",
                                                   {e.id}));
    if (busy) return Conflict("a run is under way", "codes.generate.busy");
    WP_TRY_VOID(c.Execute("UPDATE codes_codes SET address_id = NULL WHERE edition_id = ?", {e.id}));
    WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM codes_addresses WHERE edition_id = ?", {e.id}));
    WP_TRY_VOID(
        c.Execute("INSERT INTO codes_editions (edition_id, addresses_erased_at) VALUES (?, ?) "
                  "ON CONFLICT (edition_id) DO UPDATE SET addresses_erased_at = excluded.addresses_erased_at",
                  {e.id, clock_.NowUnixSeconds()}));
    return n;
  });
}

Result<std::string> CodeCommands::PrintFilePath(const budgets::Edition& e, std::string_view name) const {
  if (!IsPrintFileName(name)) return NotFound("no such file", "codes.files.not_found");
  std::string path = EditionFolder(e) + "/" + std::string(name);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return NotFound("no such file", "codes.files.not_found");
  return path;
}

Result<int64_t> CodeCommands::DeletePrintFiles(const auth::User& user, const budgets::Edition& e) {
  WP_TRY_VOID(Allow(&user, Action::kDeleteFiles, e));
  WP_ASSIGN_OR_RETURN(CodesStatus s, Status(e));
  if (s.busy()) return Conflict("a run is under way", "codes.generate.busy");
  int64_t n = 0;
  for (const auto& f : s.files) {
    std::error_code ec;
    if (fs::remove(EditionFolder(e) + "/" + f.name, ec)) ++n;
  }
  return n;
}

}  // namespace wp::codes
