#include "features/codes/commands.h"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "features/budgets/edition_directory.h"
#include "features/codes/code_store.h"
#include "features/codes/print_file.h"

namespace wp::codes {

namespace {

// The acting user as stored with a run: nobody for the command line and demo content.
std::optional<int64_t> Creator(const auth::User& user) {
  return user.id == 0 ? std::nullopt : std::optional<int64_t>(user.id);
}

LetterMatch MatchOf(const StoredCode& code) { return LetterMatch{code.letter_number, code.address, code.state}; }

}  // namespace

bool CodesStatus::busy() const {
  for (const auto& r : runs) {
    if (r.active()) return true;
  }
  return false;
}

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
      options_(std::move(options)),
      worker_(db, clock, random, book, editions, catalog, zone, jobs, options_),
      four_eyes_(db, clock) {
  RegisterExecutors();
}

void CodeCommands::RegisterExecutors() {
  four_eyes_.SetExecutor(RiskyAct::kImportAddresses,
                         [this](const budgets::Edition& e, const PendingAct& act, const auth::User& user,
                                const FourEyesConfirmed& ok) -> Result<void> {
                           WP_TRY_VOID(ImportAddresses(user, e, act.payload, &ok));
                           return Ok();
                         });
  four_eyes_.SetExecutor(RiskyAct::kGenerateCodes,
                         [this](const budgets::Edition& e, const PendingAct& act, const auth::User& user,
                                const FourEyesConfirmed& ok) -> Result<void> {
                           WP_TRY_VOID(StartGeneration(user, e, act.payload == "letters", &ok));
                           return Ok();
                         });
  four_eyes_.SetExecutor(RiskyAct::kReissueLetter,
                         [this](const budgets::Edition& e, const PendingAct& act, const auth::User& user,
                                const FourEyesConfirmed& ok) -> Result<void> {
                           WP_TRY_VOID(Reissue(user, e, std::stoll(act.payload), &ok));
                           return Ok();
                         });
}

bool CodeCommands::VotingOpen(const budgets::Edition& e) const {
  return budgets::PhaseAt(e, clock_.NowUnixSeconds()) == budgets::Phase::kVoting;
}

Result<void> CodeCommands::RequireFourEyes(const auth::User& user, const budgets::Edition& e,
                                           const FourEyesConfirmed* confirmed) const {
  // The command line (user 0) is the operator, who has the server anyway.
  if (user.id == 0 || confirmed != nullptr || !VotingOpen(e)) return Ok();
  return Conflict("a second official must confirm this while voting is open", "codes.four_eyes.required");
}

Result<budgets::Edition> CodeCommands::FindEdition(std::string_view slug) const {
  WP_ASSIGN_OR_RETURN(auto e, editions_.FindBySlug(slug));
  if (!e) return NotFound("no edition " + std::string(slug), "codes.edition_not_found");
  return *e;
}

Result<budgets::Edition> CodeCommands::ManagedEdition(std::string_view slug, const auth::User& user) const {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, FindEdition(slug));
  if (!Can(&user, Action::kView, e)) return Forbidden("not a manager of " + e.slug, "web.forbidden");
  return e;
}

Result<void> CodeCommands::Allow(const auth::User& user, Action action, const budgets::Edition& e) const {
  if (!Can(&user, action, e)) return Forbidden("may not " + std::string(ActionName(action)), "web.forbidden");
  if (!PhaseAllows(action, budgets::PhaseAt(e, clock_.NowUnixSeconds()))) {
    return Conflict("voting has closed", "codes.phase_closed");
  }
  return Ok();
}

Result<int64_t> CodeCommands::AskImport(const auth::User& user, const budgets::Edition& e, std::string_view csv) {
  WP_TRY_VOID(Allow(user, Action::kImport, e));
  auto list = ParseAddressCsv(csv);
  if (!list.has_value()) return FormInvalid({{"adressen", list.error().user_message_key}}, list.error().detail);
  return four_eyes_.Ask(user, e, RiskyAct::kImportAddresses, std::string(csv),
                        std::to_string(list->addresses.size()) + " addresses");
}

Result<int64_t> CodeCommands::AskGeneration(const auth::User& user, const budgets::Edition& e, bool with_letters) {
  WP_TRY_VOID(Allow(user, Action::kGenerate, e));
  WP_ASSIGN_OR_RETURN(int64_t waiting, db_.Read([&](db::Connection& c) { return CodeStore::CountWaiting(c, e.id); }));
  if (waiting == 0) return InvalidInput("no addresses without a code", "codes.generate.nothing");
  return four_eyes_.Ask(user, e, RiskyAct::kGenerateCodes, with_letters ? "letters" : "codes",
                        "codes for " + std::to_string(waiting) + " addresses");
}

Result<int64_t> CodeCommands::AskReissue(const auth::User& user, const budgets::Edition& e, int64_t letter_number) {
  WP_TRY_VOID(Allow(user, Action::kReissue, e));
  WP_TRY_VOID(Letter(e, letter_number));
  return four_eyes_.Ask(user, e, RiskyAct::kReissueLetter, std::to_string(letter_number),
                        "letter " + std::to_string(letter_number));
}

Result<ImportSummary> CodeCommands::ImportAddresses(const auth::User& user, const budgets::Edition& e,
                                                    std::string_view csv, const FourEyesConfirmed* confirmed) {
  WP_TRY_VOID(Allow(user, Action::kImport, e));
  WP_TRY_VOID(RequireFourEyes(user, e, confirmed));
  auto list = ParseAddressCsv(csv);
  if (!list.has_value()) return FormInvalid({{"adressen", list.error().user_message_key}}, list.error().detail);
  ImportSummary s;
  s.in_file = static_cast<int64_t>(list->addresses.size());
  s.empty_lines = list->empty_lines;
  s.duplicates = list->duplicates;
  s.ignored_columns = list->ignored_columns;
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto erased, CodeStore::ErasedAt(c, e.id));
    if (erased) return Conflict("the address list was erased", "codes.import.erased");
    s.added = 0;
    for (size_t i = 0; i < list->addresses.size(); ++i) {
      WP_ASSIGN_OR_RETURN(int64_t added, CodeStore::AddAddress(c, e.id, list->addresses[i], list->buurt_codes[i]));
      s.added += added;
    }
    s.already_known = s.in_file - s.added;
    WP_ASSIGN_OR_RETURN(s.total, CodeStore::CountAddresses(c, e.id));
    WP_ASSIGN_OR_RETURN(s.report_id, CodeStore::SaveImportReport(c, e.id, s, clock_.NowUnixSeconds()));
    return Ok();
  }));
  return s;
}

Result<ImportSummary> CodeCommands::ImportReport(const budgets::Edition& e, int64_t report_id) const {
  WP_ASSIGN_OR_RETURN(auto report,
                      db_.Read([&](db::Connection& c) { return CodeStore::FindImportReport(c, e.id, report_id); }));
  if (!report) return NotFound("no import report", "codes.import.report_not_found");
  return *report;
}

Result<std::pair<RunInfo, jobs::Job>> CodeCommands::Queue(const auth::User& user, const budgets::Edition& e,
                                                          bool with_letters, bool held) {
  WP_TRY_VOID(Allow(user, Action::kGenerate, e));
  return db_.Write([&](db::Connection& c) -> Result<std::pair<RunInfo, jobs::Job>> {
    WP_ASSIGN_OR_RETURN(bool busy, CodeStore::HasActiveRun(c, e.id, RunKind::kGenerate));
    if (busy) return Conflict("a run is under way", "codes.generate.busy");
    WP_ASSIGN_OR_RETURN(int64_t waiting, CodeStore::CountWaiting(c, e.id));
    if (waiting == 0) return InvalidInput("no addresses without a code", "codes.generate.nothing");
    WP_ASSIGN_OR_RETURN(
        int64_t id, CodeStore::InsertRun(c, NewRun{e.id, RunKind::kGenerate, RunState::kQueued, waiting, with_letters,
                                                   Creator(user), clock_.NowUnixSeconds()}));
    WP_ASSIGN_OR_RETURN(auto run, CodeStore::FindRun(c, id));
    if (!run) return Internal("the new run is gone");
    // Queued in the same transaction: the run exists exactly when its job does.
    jobs::Job job;
    if (held) {
      WP_ASSIGN_OR_RETURN(job, jobs_.EnqueueHeld(c, kGenerateJob, id, 3));
    } else {
      WP_ASSIGN_OR_RETURN(job.id, jobs::Enqueue(c, kGenerateJob, id, clock_.NowUnixSeconds(), 3));
    }
    return std::make_pair(*run, job);
  });
}

Result<RunInfo> CodeCommands::StartGeneration(const auth::User& user, const budgets::Edition& e, bool with_letters,
                                              const FourEyesConfirmed* confirmed) {
  WP_TRY_VOID(RequireFourEyes(user, e, confirmed));
  WP_ASSIGN_OR_RETURN(auto queued, Queue(user, e, with_letters, false));
  jobs_.Kick();
  return queued.first;
}

Result<RunInfo> CodeCommands::GenerateNow(const auth::User& user, const budgets::Edition& e, bool with_letters,
                                          const ProgressFn& progress) {
  WP_ASSIGN_OR_RETURN(auto queued, Queue(user, e, with_letters, true));
  auto ran = jobs_.RunHeld(queued.second, progress);
  WP_ASSIGN_OR_RETURN(RunInfo after, Run(e, queued.first.id));
  if (!ran.has_value()) return ran.error();
  return after;
}

Result<RunInfo> CodeCommands::Run(const budgets::Edition& e, int64_t run_id) const {
  WP_ASSIGN_OR_RETURN(auto run, db_.Read([&](db::Connection& c) { return CodeStore::FindRun(c, run_id); }));
  if (!run || run->edition_id != e.id) return NotFound("no run " + std::to_string(run_id), "codes.run.not_found");
  return *run;
}

Result<CodesStatus> CodeCommands::Status(const budgets::Edition& e) const {
  CodesStatus s;
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(s.addresses, CodeStore::CountAddresses(c, e.id));
    WP_ASSIGN_OR_RETURN(s.waiting, CodeStore::CountWaiting(c, e.id));
    WP_ASSIGN_OR_RETURN(auto states, CodeStore::CountByState(c, e.id));
    s.unused = states[CodeState::kUnused];
    s.used_online = states[CodeState::kUsedOnline];
    s.used_paper = states[CodeState::kUsedOnPaper];
    s.revoked = states[CodeState::kRevoked];
    WP_ASSIGN_OR_RETURN(s.erased_at, CodeStore::ErasedAt(c, e.id));
    WP_ASSIGN_OR_RETURN(s.runs, CodeStore::RecentRuns(c, e.id, 20));
    return Ok();
  }));
  WP_ASSIGN_OR_RETURN(s.downloads, db_.Read([&](db::Connection& c) { return CodeStore::Downloads(c, e.id); }));
  SweepEdition(e);
  s.files = Folder(e).List();
  return s;
}

Result<std::vector<LetterMatch>> CodeCommands::FindLetters(const budgets::Edition& e, std::string_view query) const {
  std::string q(Trim(query));
  if (q.empty()) return std::vector<LetterMatch>{};
  int64_t number = 0;
  auto [end, ec] = std::from_chars(q.data(), q.data() + q.size(), number);
  const bool is_number = ec == std::errc() && end == q.data() + q.size();
  WP_ASSIGN_OR_RETURN(auto found, db_.Read([&](db::Connection& c) -> Result<std::vector<StoredCode>> {
    if (!is_number) return CodeStore::FindByAddress(c, e.id, ToLower(q), 20);
    WP_ASSIGN_OR_RETURN(auto one, CodeStore::FindByLetter(c, e.id, number));
    return one ? std::vector<StoredCode>{*one} : std::vector<StoredCode>{};
  }));
  std::vector<LetterMatch> out;
  for (const auto& code : found) out.push_back(MatchOf(code));
  return out;
}

Result<LetterMatch> CodeCommands::Letter(const budgets::Edition& e, int64_t letter_number) const {
  WP_ASSIGN_OR_RETURN(auto code,
                      db_.Read([&](db::Connection& c) { return CodeStore::FindByLetter(c, e.id, letter_number); }));
  if (!code) return NotFound("no letter " + std::to_string(letter_number), "codes.reissue.not_found");
  return MatchOf(*code);
}

Result<ReissueResult> CodeCommands::Reissue(const auth::User& user, const budgets::Edition& e, int64_t letter_number,
                                            const FourEyesConfirmed* confirmed) {
  WP_TRY_VOID(Allow(user, Action::kReissue, e));
  WP_TRY_VOID(RequireFourEyes(user, e, confirmed));
  ReissueResult result;
  std::string code, address;
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto old, CodeStore::FindByLetter(c, e.id, letter_number));
    if (!old) return NotFound("no letter " + std::to_string(letter_number), "codes.reissue.not_found");
    if (old->state == CodeState::kRevoked) return Conflict("letter already revoked", "codes.reissue.revoked");
    if (old->state != CodeState::kUnused) return Conflict("the code was used", "codes.reissue.used");
    WP_TRY_VOID(CodeStore::Revoke(c, old->id));
    address = old->address;
    WP_ASSIGN_OR_RETURN(result.run_id, CodeStore::InsertRun(c, NewRun{e.id, RunKind::kReissue, RunState::kRunning, 1,
                                                                      true, Creator(user), clock_.NowUnixSeconds()}));
    WP_ASSIGN_OR_RETURN(result.new_letter, CodeStore::NextLetterNumber(c, e.id));
    WP_ASSIGN_OR_RETURN(code, IssueCode(c, book_, random_, e.id, old->address_id, result.new_letter, result.run_id));
    result.old_letter = letter_number;
    return Ok();
  }));
  WP_ASSIGN_OR_RETURN(result.files, WriteReissue(e, result.run_id, result.new_letter, address, code));
  return result;
}

Result<std::vector<std::string>> CodeCommands::WriteReissue(const budgets::Edition& e, int64_t run_id, int64_t letter,
                                                            const std::string& address, const std::string& code) {
  PrintFolder folder = Folder(e);
  auto written = [&]() -> Result<std::vector<std::string>> {
    WP_TRY_VOID(folder.Create());
    RunFiles files(folder, FactsFor(options_, e, zone_), catalog_);
    WP_TRY_VOID(files.OpenCsv(ReissueCsvName(run_id)));
    WP_TRY_VOID(files.Add(letter, address, code, ReissuePdfName(run_id)));
    return files.Finish();
  }();
  auto recorded = db_.Write([&](db::Connection& c) -> Result<void> {
    if (written.has_value()) return CodeStore::FinishRun(c, run_id, *written, clock_.NowUnixSeconds());
    // No letter: the new code must not stay valid.
    WP_TRY_VOID(CodeStore::RevokeRun(c, run_id, false));
    return CodeStore::FailRun(c, run_id, written.error().detail, clock_.NowUnixSeconds());
  });
  if (!written.has_value()) return written.error();
  WP_TRY_VOID(recorded);
  return written;
}

Result<int64_t> CodeCommands::EraseAddresses(const auth::User& user, const budgets::Edition& e, bool confirmed) {
  WP_TRY_VOID(Allow(user, Action::kErase, e));
  if (!confirmed) return FormInvalid({{"bevestig", "codes.erase.confirm_required"}});
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto erased, CodeStore::ErasedAt(c, e.id));
    if (erased) return Conflict("already erased", "codes.erase.done");
    WP_ASSIGN_OR_RETURN(bool busy, CodeStore::HasActiveRun(c, e.id, std::nullopt));
    if (busy) return Conflict("a run is under way", "codes.generate.busy");
    return CodeStore::EraseAddresses(c, e.id, clock_.NowUnixSeconds());
  });
}

Result<budgets::Edition> CodeCommands::PrintEdition(std::string_view slug, const auth::User& user) const {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, FindEdition(slug));
  if (!Can(&user, Action::kDownload, e)) return Forbidden("not the print officer of " + e.slug, "web.forbidden");
  return e;
}

Result<std::string> CodeCommands::ReadPrintFile(const auth::User& user, const budgets::Edition& e,
                                                std::string_view name) const {
  if (!Can(&user, Action::kDownload, e)) return Forbidden("may not download print files", "web.forbidden");
  SweepEdition(e);
  if (!DownloadsOpen(e)) {
    return Conflict("voting has opened", "codes.files.voting_open");
  }
  WP_ASSIGN_OR_RETURN(std::string content, Folder(e).Read(name));
  // Recorded before anything is handed out: no download without its record.
  WP_TRY_VOID(db_.Write([&](db::Connection& c) {
    return CodeStore::RecordDownload(c, e.id, name, Creator(user), OfficialName(user), clock_.NowUnixSeconds());
  }));
  return content;
}

Result<void> CodeCommands::RecordDownloadForDemo(const auth::User& user, const budgets::Edition& e,
                                                 std::string_view name, int64_t at) {
  return db_.Write([&](db::Connection& c) {
    return CodeStore::RecordDownload(c, e.id, name, Creator(user), OfficialName(user), at);
  });
}

bool CodeCommands::DownloadsOpen(const budgets::Edition& e) const {
  return PhaseAllows(Action::kDownload, budgets::PhaseAt(e, clock_.NowUnixSeconds()));
}

namespace {

// Held by sweeps and WithPrintFilesKept. One for the whole process: the print
// folders are the process's, and a second CodeCommands (the counted edition's
// demo replays generation on its own clock) must not have its fresh files
// swept away by the app's.
std::mutex& PrintFilesMutex() {
  static std::mutex m;
  return m;
}

}  // namespace

Result<void> CodeCommands::WithPrintFilesKept(const std::function<Result<void>()>& fn) {
  std::lock_guard lock(PrintFilesMutex());
  return fn();
}

int64_t CodeCommands::SweepEdition(const budgets::Edition& e) const {
  if (budgets::PhaseAt(e, clock_.NowUnixSeconds()) < budgets::Phase::kVoting) return 0;
  std::lock_guard lock(PrintFilesMutex());
  const int64_t removed = Folder(e).RemoveAll();
  if (removed > 0) {
    std::cerr << nlohmann::json{{"event", "print_files_deleted"}, {"edition", e.slug}, {"files", removed}}.dump()
              << "\n";
  }
  return removed;
}

Result<int64_t> CodeCommands::SweepPrintFiles() const {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(options_.print_dir, ec)) return int64_t{0};
  int64_t removed = 0;
  for (const auto& entry : fs::directory_iterator(options_.print_dir, ec)) {
    if (!entry.is_directory(ec)) continue;
    WP_ASSIGN_OR_RETURN(auto e, editions_.FindBySlug(entry.path().filename().string()));
    if (e) removed += SweepEdition(*e);
  }
  return removed;
}

Result<std::string> CodeCommands::PrintFilePath(const budgets::Edition& e, std::string_view name) const {
  return Folder(e).PathOf(name);
}

Result<int64_t> CodeCommands::DeletePrintFiles(const auth::User& user, const budgets::Edition& e) {
  WP_TRY_VOID(Allow(user, Action::kDeleteFiles, e));
  WP_ASSIGN_OR_RETURN(bool busy,
                      db_.Read([&](db::Connection& c) { return CodeStore::HasActiveRun(c, e.id, std::nullopt); }));
  if (busy) return Conflict("a run is under way", "codes.generate.busy");
  return Folder(e).RemoveAll();
}

}  // namespace wp::codes
