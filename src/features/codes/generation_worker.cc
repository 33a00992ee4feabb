#include "features/codes/generation_worker.h"

#include <algorithm>
#include <vector>

#include "features/budgets/edition_directory.h"
#include "features/codes/code_format.h"
#include "features/codes/code_store.h"
#include "features/codes/print_file.h"
#include "features/codes/print_folder.h"

namespace wp::codes {

Result<std::string> IssueCode(db::Connection& c, const CodeBook& book, Random& random, int64_t edition_id,
                              std::optional<int64_t> address_id, int64_t letter_number, int64_t run_id) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::string code = GenerateCode(random);
    WP_ASSIGN_OR_RETURN(bool inserted, CodeStore::InsertCode(c, edition_id, book.CodeHash(edition_id, code), address_id,
                                                             letter_number, run_id));
    if (inserted) return code;
  }
  return Internal("could not draw a unique voting code");
}

GenerationWorker::GenerationWorker(db::Database& db, const Clock& clock, Random& random, const CodeBook& book,
                                   const budgets::EditionDirectory& editions, const i18n::Catalog& catalog,
                                   const time::TimeZone& zone, jobs::JobRunner& jobs, const CodesOptions& options)
    : db_(db),
      clock_(clock),
      random_(random),
      book_(book),
      editions_(editions),
      catalog_(catalog),
      zone_(zone),
      options_(options) {
  jobs.AddHandler(std::string(kGenerateJob), [this](jobs::JobContext& ctx) { return Run(ctx); });
}

Result<void> GenerationWorker::Run(jobs::JobContext& ctx) {
  const int64_t run_id = ctx.job().subject_id;
  WP_ASSIGN_OR_RETURN(auto run, db_.Read([&](db::Connection& c) { return CodeStore::FindRun(c, run_id); }));
  if (!run || run->state == RunState::kFinished || run->state == RunState::kFailed) return Ok();  // nothing to do
  WP_ASSIGN_OR_RETURN(auto edition, editions_.FindById(run->edition_id));
  if (!edition) return Fail(run_id, "edition not found");
  if (ctx.taken_over()) WP_TRY_VOID(UndoAttempt(*edition, run_id));
  if (ctx.given_up()) return Fail(run_id, "interrupted");
  return Execute(*edition, run_id, ctx);
}

Result<void> GenerationWorker::UndoAttempt(const budgets::Edition& e, int64_t run_id) {
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(CodeStore::RevokeRun(c, run_id));
    return CodeStore::RequeueRun(c, run_id);
  }));
  PrintFolder(options_.print_dir, e.slug).RemoveRun(run_id);
  return Ok();
}

Result<void> GenerationWorker::Fail(int64_t run_id, std::string_view why) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(CodeStore::RevokeRun(c, run_id));
    return CodeStore::FailRun(c, run_id, why, clock_.NowUnixSeconds());
  });
}

// One run: codes for every waiting address, kBatchSize per transaction; the
// print file and letters are written after each commit. When the run fails,
// its unused codes are revoked, so the addresses wait again and no code
// exists without a letter. When the server stops, the run goes back to the
// queue and its job is tried again later.
Result<void> GenerationWorker::Execute(const budgets::Edition& e, int64_t run_id, jobs::JobContext& ctx) {
  std::vector<WaitingAddress> waiting;
  bool with_letters = true;
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(waiting, CodeStore::Waiting(c, e.id));
    WP_ASSIGN_OR_RETURN(auto run, CodeStore::FindRun(c, run_id));
    if (!run) return NotFound("run " + std::to_string(run_id) + " is gone");
    with_letters = run->with_letters;
    return CodeStore::StartRun(c, run_id, static_cast<int64_t>(waiting.size()));
  }));
  const int64_t total = static_cast<int64_t>(waiting.size());
  PrintFolder folder(options_.print_dir, e.slug);
  WP_TRY_VOID(folder.Create());
  RunFiles files(folder, FactsFor(options_, e, zone_), catalog_);

  auto work = [&]() -> Result<std::vector<std::string>> {
    WP_TRY_VOID(files.OpenCsv(RunCsvName(run_id)));
    std::vector<std::string> codes;
    int64_t first_letter = 0;
    for (int64_t start = 0; start < total; start += kBatchSize) {
      if (ctx.ShouldStop()) return Unavailable("the server stopped during the run");
      WP_TRY_VOID(ctx.Heartbeat());
      const int64_t end = std::min(total, start + kBatchSize);
      WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
        codes.clear();
        WP_ASSIGN_OR_RETURN(first_letter, CodeStore::NextLetterNumber(c, e.id));
        for (int64_t i = start; i < end; ++i) {
          WP_ASSIGN_OR_RETURN(std::string code, IssueCode(c, book_, random_, e.id, waiting[static_cast<size_t>(i)].id,
                                                          first_letter + (i - start), run_id));
          codes.push_back(std::move(code));
        }
        return CodeStore::SetProgress(c, run_id, end);
      }));
      for (int64_t i = start; i < end; ++i) {
        std::string pdf = with_letters ? RunPdfName(run_id, i / kLettersPerPdf + 1) : "";
        WP_TRY_VOID(files.Add(first_letter + (i - start), waiting[static_cast<size_t>(i)].address,
                              codes[static_cast<size_t>(i - start)], pdf));
      }
      ctx.Progress(end, total);
    }
    return files.Finish();
  };
  auto written = work();
  if (written.has_value()) {
    return db_.Write(
        [&](db::Connection& c) { return CodeStore::FinishRun(c, run_id, *written, clock_.NowUnixSeconds()); });
  }
  files.Abandon();
  // The claim went to another worker, which starts the run afresh: leave
  // everything to it.
  if (ctx.lost()) return written.error();
  if (ctx.ShouldStop() && !ctx.last_attempt()) {
    WP_TRY_VOID(UndoAttempt(e, run_id));
    return written.error();
  }
  (void)Fail(run_id, written.error().detail);
  return written.error();
}

}  // namespace wp::codes
