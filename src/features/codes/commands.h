// CodeCommands: the use cases of voting codes for officials: import the
// address list, generate codes with their print file and letters (a
// background run with progress, see generation_worker.h), reissue a lost
// letter, erase the address list, and the print files. Codes appear in clear
// text only in the files a run writes under <print_dir>/<edition-slug>/.
// Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/jobs/jobs.h"
#include "core/random.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/budgets/edition.h"
#include "features/codes/address_list.h"
#include "features/codes/code_book.h"
#include "features/codes/download_record.h"
#include "features/codes/four_eyes.h"
#include "features/codes/generation_worker.h"
#include "features/codes/permissions.h"
#include "features/codes/print_folder.h"
#include "features/codes/run.h"

namespace wp::budgets {
class EditionDirectory;
}

namespace wp::codes {

struct CodesStatus {
  int64_t addresses = 0;  // current address list (0 after erasure)
  int64_t waiting = 0;    // addresses without a valid code
  int64_t unused = 0, used_online = 0, used_paper = 0, revoked = 0;
  std::optional<int64_t> erased_at;
  std::vector<RunInfo> runs;  // newest first
  std::vector<PrintFile> files;
  std::vector<DownloadRecord> downloads;  // who downloaded which print file when, newest first
  // True while a run is queued or running.
  bool busy() const;
};

// A letter found by its number or address.
struct LetterMatch {
  int64_t letter_number = 0;
  std::string address;  // empty after erasure
  CodeState state = CodeState::kUnused;
};

struct ReissueResult {
  int64_t run_id = 0;
  int64_t old_letter = 0, new_letter = 0;
  std::vector<std::string> files;
};

// Called after each batch with (done, total).
using ProgressFn = std::function<void(int64_t, int64_t)>;

class CodeCommands {
 public:
  // Registers the generation job with `jobs` (GenerationWorker).
  CodeCommands(db::Database& db, const Clock& clock, Random& random, const CodeBook& book,
               const budgets::EditionDirectory& editions, const i18n::Catalog& catalog, const time::TimeZone& zone,
               jobs::JobRunner& jobs, CodesOptions options);

  const CodesOptions& options() const { return options_; }
  // The edition. Errors: kNotFound (codes.edition_not_found).
  Result<budgets::Edition> FindEdition(std::string_view slug) const;
  // The edition, for a user who manages it (the codes pages). Errors:
  // kNotFound (codes.edition_not_found), kForbidden (web.forbidden).
  Result<budgets::Edition> ManagedEdition(std::string_view slug, const auth::User& user) const;

  // Adds the addresses of a CSV file (see ParseAddressCsv); addresses known
  // already are skipped. Errors: FormInvalid on field "adressen" with the
  // parse error's key (codes.import.*), kConflict (codes.import.erased) after
  // erasure, kForbidden, kConflict (codes.phase_closed). Once voting is
  // open an official (not the command line) needs `confirmed` (issue #11
  // item 4: AskImport, then a second official confirms); without it:
  // kConflict (codes.four_eyes.required).
  Result<ImportSummary> ImportAddresses(const auth::User& user, const budgets::Edition& e, std::string_view csv,
                                        const FourEyesConfirmed* confirmed = nullptr);
  // Asks a second official to confirm importing `csv` (checked first, errors
  // as ImportAddresses). Returns the pending act's id.
  Result<int64_t> AskImport(const auth::User& user, const budgets::Edition& e, std::string_view csv);
  // The report of an earlier import. Errors: kNotFound (codes.import.report_not_found).
  Result<ImportSummary> ImportReport(const budgets::Edition& e, int64_t report_id) const;
  // Queues a run for every waiting address as a job for the background
  // worker of any server process. Errors: kConflict (codes.generate.busy)
  // while a run is queued or running, kInvalidInput (codes.generate.nothing)
  // without waiting addresses, kForbidden, kConflict (codes.phase_closed);
  // once voting is open as ImportAddresses (AskGeneration).
  Result<RunInfo> StartGeneration(const auth::User& user, const budgets::Edition& e, bool with_letters,
                                  const FourEyesConfirmed* confirmed = nullptr);
  Result<int64_t> AskGeneration(const auth::User& user, const budgets::Edition& e, bool with_letters);
  // Like StartGeneration, but runs the job in the calling thread (command
  // line), reporting progress to `progress`.
  Result<RunInfo> GenerateNow(const auth::User& user, const budgets::Edition& e, bool with_letters,
                              const ProgressFn& progress);
  // A run of the edition. Errors: kNotFound (codes.run.not_found).
  Result<RunInfo> Run(const budgets::Edition& e, int64_t run_id) const;
  Result<CodesStatus> Status(const budgets::Edition& e) const;
  // Letters whose address contains `query` (case-insensitive, at most 20),
  // or the letter with that number when `query` is a number.
  Result<std::vector<LetterMatch>> FindLetters(const budgets::Edition& e, std::string_view query) const;
  // The letter with that number. Errors: kNotFound (codes.reissue.not_found).
  Result<LetterMatch> Letter(const budgets::Edition& e, int64_t letter_number) const;
  // Revokes the code of letter `letter_number` and issues a new code with a
  // single-letter PDF and print file. Errors: kNotFound, kConflict
  // (codes.reissue.revoked when revoked already, codes.reissue.used when the
  // code was used), kForbidden, kConflict (codes.phase_closed); once voting
  // is open as ImportAddresses (AskReissue).
  Result<ReissueResult> Reissue(const auth::User& user, const budgets::Edition& e, int64_t letter_number,
                                const FourEyesConfirmed* confirmed = nullptr);
  Result<int64_t> AskReissue(const auth::User& user, const budgets::Edition& e, int64_t letter_number);
  // True while voting is open: importing and making codes need four eyes,
  // and the letters do not show whether their code was used.
  bool VotingOpen(const budgets::Edition& e) const;
  FourEyes& four_eyes() { return four_eyes_; }
  // Deletes the address texts; codes keep working. `confirmed` is the
  // official's explicit yes. Returns how many addresses were erased. Errors:
  // FormInvalid on field "bevestig" (codes.erase.confirm_required) without
  // it, kConflict (codes.erase.done, codes.generate.busy), kForbidden.
  Result<int64_t> EraseAddresses(const auth::User& user, const budgets::Edition& e, bool confirmed);
  // The edition, for its print officer (the print files page). Errors:
  // kNotFound (codes.edition_not_found), kForbidden (web.forbidden).
  Result<budgets::Edition> PrintEdition(std::string_view slug, const auth::User& user) const;
  // The content of a print file of the edition, for its print officer before
  // voting opens; the download is recorded (who, which file, when) before
  // the content is returned. Errors: kForbidden, kConflict
  // (codes.files.voting_open) once voting has opened, kNotFound
  // (codes.files.not_found).
  Result<std::string> ReadPrintFile(const auth::User& user, const budgets::Edition& e, std::string_view name) const;
  // Runs `fn` while no sweep deletes print files: for the in-process helpers
  // that read the files of a run they just made (demo content, tests; see
  // demo.h). `fn` must not call the methods that sweep (Status,
  // ReadPrintFile, SweepPrintFiles).
  Result<void> WithPrintFilesKept(const std::function<Result<void>()>& fn);
  // Demo content only: records that `user` downloaded print file `name` at
  // `at` (before voting opened), as ReadPrintFile did then.
  Result<void> RecordDownloadForDemo(const auth::User& user, const budgets::Edition& e, std::string_view name,
                                     int64_t at);
  // True until the edition's voting opens: print files may be downloaded.
  bool DownloadsOpen(const budgets::Edition& e) const;
  // Deletes the print files of every edition whose voting has opened (issue
  // #11 item 3): run by the job runner of every process at each tick (so also
  // at start, after the server was down when voting opened) and by the
  // codes pages. Returns how many files it deleted.
  Result<int64_t> SweepPrintFiles() const;
  // Path of a print file of the edition. Errors: kNotFound (codes.files.not_found).
  Result<std::string> PrintFilePath(const budgets::Edition& e, std::string_view name) const;
  // Deletes the edition's print files; returns how many. Errors: kForbidden,
  // kConflict (codes.generate.busy) while a run is under way.
  Result<int64_t> DeletePrintFiles(const auth::User& user, const budgets::Edition& e);

 private:
  // Errors: kForbidden unless the user may do `action` (permissions.h), or
  // kConflict (codes.phase_closed) when the phase does not allow it.
  Result<void> Allow(const auth::User& user, Action action, const budgets::Edition& e) const;
  // kConflict (codes.four_eyes.required) when an official acts alone while voting is open.
  Result<void> RequireFourEyes(const auth::User& user, const budgets::Edition& e,
                               const FourEyesConfirmed* confirmed) const;
  // The executors of the codes' risky acts.
  void RegisterExecutors();
  // Inserts the run and its job (held by this process when `held`).
  Result<std::pair<RunInfo, jobs::Job>> Queue(const auth::User& user, const budgets::Edition& e, bool with_letters,
                                              bool held);
  // Writes the print file and letter of a reissued code and records the
  // run's end; a failed write revokes the new code.
  Result<std::vector<std::string>> WriteReissue(const budgets::Edition& e, int64_t run_id, int64_t letter,
                                                const std::string& address, const std::string& code);
  PrintFolder Folder(const budgets::Edition& e) const { return PrintFolder(options_.print_dir, e.slug); }
  // Deletes the edition's print files once its voting has opened; returns how many.
  int64_t SweepEdition(const budgets::Edition& e) const;

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const CodeBook& book_;
  const budgets::EditionDirectory& editions_;
  const i18n::Catalog& catalog_;
  const time::TimeZone& zone_;  // for the closing date on letters
  jobs::JobRunner& jobs_;
  CodesOptions options_;
  GenerationWorker worker_;               // runs the jobs StartGeneration and GenerateNow queue
  FourEyes four_eyes_;
};

}  // namespace wp::codes
