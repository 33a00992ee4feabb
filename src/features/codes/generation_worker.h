// GenerationWorker: the `codes.generate` job (core/jobs). A run makes codes
// for every waiting address, kBatchSize per transaction, renewing the job's
// claim after each batch, and streams the print file and letters to the
// edition's print folder. Any server process may run it; when the process
// that held the claim died, the next one first undoes what that attempt left
// (its unused codes are revoked, its half-written files removed) and starts
// afresh, so no valid code exists without a letter. Thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/jobs/jobs.h"
#include "core/random.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/budgets/edition.h"
#include "features/codes/code_book.h"

namespace wp::budgets {
class EditionDirectory;
}

namespace wp::codes {

// The job kind of a generation run; the job's subject is the codes_runs id.
inline constexpr std::string_view kGenerateJob = "codes.generate";
// Codes made per database transaction during a run.
inline constexpr int64_t kBatchSize = 1000;

// Inserts a new unused code for `address_id` (nullopt after erasure) inside
// the caller's transaction and returns it in canonical form; draws again on
// the (astronomically rare) clash with a code of the same edition.
Result<std::string> IssueCode(db::Connection& c, const CodeBook& book, Random& random, int64_t edition_id,
                              std::optional<int64_t> address_id, int64_t letter_number, int64_t run_id);

class GenerationWorker {
 public:
  // Registers the handler of kGenerateJob with `jobs`.
  GenerationWorker(db::Database& db, const Clock& clock, Random& random, const CodeBook& book,
                   const budgets::EditionDirectory& editions, const i18n::Catalog& catalog, const time::TimeZone& zone,
                   jobs::JobRunner& jobs, const CodesOptions& options);

  // The job for run ctx.job().subject_id. A run that is finished or failed
  // already is left alone; a job that used up its attempts fails its run.
  // Errors: kUnavailable when the server stops or the claim was lost (the job
  // is tried again), others when the run failed (recorded with the run).
  Result<void> Run(jobs::JobContext& ctx);

 private:
  Result<void> Execute(const budgets::Edition& e, int64_t run_id, jobs::JobContext& ctx);
  // Undoes what an interrupted attempt of run `run_id` left, so the
  // addresses wait again and the run is queued.
  Result<void> UndoAttempt(const budgets::Edition& e, int64_t run_id);
  // Records the failure of run `run_id` and revokes its unused codes.
  Result<void> Fail(int64_t run_id, std::string_view why);

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const CodeBook& book_;
  const budgets::EditionDirectory& editions_;
  const i18n::Catalog& catalog_;
  const time::TimeZone& zone_;  // for the closing date on letters
  const CodesOptions& options_;
};

}  // namespace wp::codes
