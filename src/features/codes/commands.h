// CodeCommands: the use cases of voting codes for officials: import the
// address list, generate codes with their print file and letters (a
// background run with progress), reissue a lost letter, erase the address
// list, and the print files. Codes appear in clear text only in the files a
// run writes under <print_dir>/<edition-slug>/. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
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
#include "features/codes/permissions.h"

namespace wp::budgets {
class EditionDirectory;
}

namespace wp::codes {

// Letters per PDF file: a mailing house handles files of this size well.
inline constexpr int64_t kLettersPerPdf = 5000;
// Codes made per database transaction during a run.
inline constexpr int64_t kBatchSize = 1000;

struct ImportSummary {
  int64_t report_id = 0;      // the stored report (ImportReport)
  int64_t in_file = 0;        // distinct addresses in the file
  int64_t added = 0;          // new for this edition
  int64_t already_known = 0;  // imported before
  int64_t total = 0;          // addresses of the edition after the import
  std::vector<int> empty_lines;
  std::vector<DuplicateAddress> duplicates;
  std::vector<std::string> ignored_columns;
};

struct RunInfo {
  int64_t id = 0;
  int64_t edition_id = 0;
  std::string kind;   // "generate" | "reissue"
  std::string state;  // "queued" | "running" | "finished" | "failed"
  int64_t total = 0, done = 0;
  bool with_letters = true;
  std::vector<std::string> files;  // names in the edition's print folder
  std::string error;
  int64_t created_at = 0;
  std::optional<int64_t> finished_at;
};

struct PrintFile {
  std::string name;
  int64_t bytes = 0;
};

struct CodesStatus {
  int64_t addresses = 0;  // current address list (0 after erasure)
  int64_t waiting = 0;    // addresses without a valid code
  int64_t unused = 0, used_online = 0, used_paper = 0, revoked = 0;
  std::optional<int64_t> erased_at;
  std::vector<RunInfo> runs;  // newest first
  std::vector<PrintFile> files;
  bool busy() const {
    for (const auto& r : runs) {
      if (r.state == "queued" || r.state == "running") return true;
    }
    return false;
  }
};

struct LetterMatch {
  int64_t letter_number = 0;
  std::string address;  // empty after erasure
  std::string state;    // unused | used_online | used_paper | revoked
};

struct ReissueResult {
  int64_t run_id = 0;
  int64_t old_letter = 0, new_letter = 0;
  std::vector<std::string> files;
};

// Called after each batch with (done, total).
using ProgressFn = std::function<void(int64_t, int64_t)>;

// The job kind of a generation run (core/jobs): any server process may run
// it; a run whose process died is taken over and started afresh.
inline constexpr std::string_view kGenerateJob = "codes.generate";

class CodeCommands {
 public:
  // Registers the generation job with `jobs`.
  CodeCommands(db::Database& db, const Clock& clock, Random& random, const CodeBook& book,
               const budgets::EditionDirectory& editions, const i18n::Catalog& catalog, const time::TimeZone& zone,
               jobs::JobRunner& jobs, CodesOptions options);

  const CodesOptions& options() const { return options_; }
  // The edition. Errors: kNotFound (key codes.edition_not_found).
  Result<budgets::Edition> FindEdition(std::string_view slug) const;
  // Errors: kForbidden unless the user may do `action` (permissions.h), or
  // kConflict (codes.phase_closed) when the phase does not allow it.
  Result<void> Allow(const auth::User* user, Action action, const budgets::Edition& e) const;

  // Adds the addresses of a CSV file (see ParseAddressCsv); addresses known
  // already are skipped. Errors: parse errors (kInvalidInput), kConflict
  // (codes.import.erased) after erasure, kForbidden.
  Result<ImportSummary> ImportAddresses(const auth::User& user, const budgets::Edition& e, std::string_view csv);
  // The report of an earlier import. Errors: kNotFound.
  Result<ImportSummary> ImportReport(const budgets::Edition& e, int64_t report_id) const;
  // Queues a run for every waiting address as a job for the background
  // worker of any server process. Errors: kConflict (codes.generate.busy) while a run is queued or
  // running, kInvalidInput (codes.generate.nothing) without waiting
  // addresses, kForbidden, kConflict (codes.phase_closed).
  Result<RunInfo> StartGeneration(const auth::User& user, const budgets::Edition& e, bool with_letters);
  // Like StartGeneration, but runs the job in the calling thread (command
  // line).
  Result<RunInfo> GenerateNow(const auth::User& user, const budgets::Edition& e, bool with_letters,
                              const ProgressFn& progress);
  Result<RunInfo> Run(const budgets::Edition& e, int64_t run_id) const;
  Result<CodesStatus> Status(const budgets::Edition& e) const;
  // Letters whose address contains `query` (case-insensitive, at most 20), or
  // the letter with that number when `query` is a number.
  Result<std::vector<LetterMatch>> FindLetters(const budgets::Edition& e, std::string_view query) const;
  // Revokes the code of letter `letter_number` and issues a new code with a
  // single-letter PDF and CSV. Errors: kNotFound, kConflict
  // (codes.reissue.revoked when revoked already, codes.reissue.used when the
  // code was used), kForbidden.
  Result<ReissueResult> Reissue(const auth::User& user, const budgets::Edition& e, int64_t letter_number);
  // Deletes the address texts; codes keep working. Returns how many
  // addresses were erased. Errors: kConflict (codes.erase.done, codes.generate.busy).
  Result<int64_t> EraseAddresses(const auth::User& user, const budgets::Edition& e);
  // Path of a print file of the edition. Errors: kNotFound.
  Result<std::string> PrintFilePath(const budgets::Edition& e, std::string_view name) const;
  // Deletes the edition's print files; returns how many.
  Result<int64_t> DeletePrintFiles(const auth::User& user, const budgets::Edition& e);

  // The generation job (kGenerateJob) for run ctx.job().subject_id.
  Result<void> RunGenerationJob(jobs::JobContext& ctx);

 private:
  // Inserts the run and its job (held by this process for `held`).
  Result<std::pair<RunInfo, jobs::Job>> Queue(const auth::User& user, const budgets::Edition& e, bool with_letters,
                                              bool held);
  Result<void> Execute(const budgets::Edition& e, int64_t run_id, jobs::JobContext& ctx);
  // Undoes what an interrupted attempt of run `run_id` left: its unused
  // codes are revoked (their letters may not exist) and half-written files
  // removed, so the addresses wait again.
  Result<void> UndoAttempt(const budgets::Edition& e, int64_t run_id);
  std::string EditionFolder(const budgets::Edition& e) const;

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const CodeBook& book_;
  const budgets::EditionDirectory& editions_;
  const i18n::Catalog& catalog_;
  const time::TimeZone& zone_;  // for the closing date on letters
  jobs::JobRunner& jobs_;
  CodesOptions options_;
};

}  // namespace wp::codes
