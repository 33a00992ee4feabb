// The draw job (kDrawJob): runs a queued draw or replacement of a forum with
// the sortition engine (LEXIMIN, rounded to a lottery of 1000 tickets, one
// ticket drawn from the public seed) on the files stored with the draw, then
// records the result (published on the draw page), the new members with
// their staggered terms, and the history. Infeasible quotas fail the draw
// with the engine's explanation and change nothing else. Thread-safe.
#pragma once

#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/jobs/jobs.h"
#include "core/result.h"
#include "features/forums/forum_store.h"
#include "features/sortition/draw_publish.h"

namespace wp::forums {

inline constexpr int kLotteryTickets = 1000;

// The files of a done draw that `wijkplatform draw --verify FOLDER` replays,
// made by the engine's own PublishedDrawFiles: for a first or second draw
// categories.csv, respondents.csv, result.json and manifest.json; for an
// engine replacement also panel.txt (PublishedReplacementFiles, the manifest
// names the drop-outs). Empty for a draw recorded before the site kept the
// result in that form: such a draw cannot be replayed with --verify.
std::vector<sortition::PublishedFile> VerifyFiles(const Draw& d);

class DrawJob {
 public:
  DrawJob(db::Database& db, const Clock& clock, const i18n::Catalog& catalog)
      : db_(db), clock_(clock), catalog_(catalog) {}

  Result<void> Run(jobs::JobContext& job) { return RunDraw(job.job().subject_id, job.last_attempt()); }
  // Runs draw `draw_id` unless it is done or failed. A transient failure
  // (kUnavailable) is returned unless `last_attempt`; other failures are
  // recorded on the draw.
  Result<void> RunDraw(int64_t draw_id, bool last_attempt = true);

 private:
  db::Database& db_;
  const Clock& clock_;
  const i18n::Catalog& catalog_;
};

}  // namespace wp::forums
