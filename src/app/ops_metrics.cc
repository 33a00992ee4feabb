#include "app/ops_metrics.h"

#include <algorithm>
#include <string>

#include "core/db/pool_stats.h"

namespace wp::app {

OpsMetrics::OpsMetrics(http::MetricsRegistry& registry, db::Database& db, const Clock& clock)
    : db_(db),
      clock_(clock),
      pool_(registry.AddGauge("wp_db_pool_connections",
                              "Database connections of this process: the pool's maximum, open, idle, in use, and "
                              "threads waiting for one.",
                              {"state"})),
      jobs_(registry.AddGauge("wp_jobs", "Background jobs of all processes by state.", {"state"})),
      jobs_due_(registry.AddGauge("wp_jobs_due", "Open background jobs that are due and claimed by no process.")),
      jobs_age_(registry.AddGauge("wp_jobs_oldest_due_seconds",
                                  "How long the oldest due, unclaimed background job has waited (0: none).")),
      periodic_age_(registry.AddGauge("wp_periodic_overdue_seconds",
                                      "How long the most overdue periodic task has been due (0: none).")),
      mail_(registry.AddGauge("wp_mail_outbox", "Outgoing e-mail not sent: pending, or given up.", {"state"})),
      mail_age_(registry.AddGauge("wp_mail_oldest_pending_seconds",
                                  "How long the oldest due, unsent e-mail has waited (0: none).")),
      up_(registry.AddGauge("wp_database_up", "1 when the database answered the last /metrics query, else 0.")) {}

namespace {

// Seconds since the time in `column` (a MIN(...) of a query), 0 when NULL.
double AgeOf(const db::Row& row, int64_t now, size_t column = 0) {
  if (row.IsNull(column)) return 0;
  return static_cast<double>(std::max<int64_t>(0, now - row.Int(column)));
}

}  // namespace

void OpsMetrics::Update() {
  if (auto pool = db::PoolStatsOf(db_)) {
    pool_.Set({"max"}, pool->max);
    pool_.Set({"open"}, pool->open);
    pool_.Set({"idle"}, pool->idle);
    pool_.Set({"in_use"}, pool->open - pool->idle);
    pool_.Set({"waiting"}, pool->waiting);
  }
  const int64_t now = clock_.NowUnixSeconds();
  auto read = db_.Read([&](db::Connection& c) -> Result<bool> {
    // The three states (core/jobs) are always listed, at 0 when none has it.
    WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT state, COUNT(*) FROM jobs GROUP BY state"));
    for (const char* label : {"open", "done", "failed"}) jobs_.Set({label}, 0);
    for (const auto& r : rows) jobs_.Set({r.Text(0)}, static_cast<double>(r.Int(1)));
    const std::string due = "state = 'open' AND run_after <= ? AND (lease_until IS NULL OR lease_until <= ?)";
    WP_ASSIGN_OR_RETURN(
        auto jobs, c.QueryOne("SELECT COUNT(*), MIN(run_after) FROM jobs WHERE " + due, {db::Int(now), db::Int(now)}));
    jobs_due_.Set({}, static_cast<double>(jobs.Int(0)));
    jobs_age_.Set({}, AgeOf(jobs, now, 1));
    WP_ASSIGN_OR_RETURN(auto periodic,
                        c.QueryOne("SELECT MIN(next_run_at) FROM job_schedule WHERE next_run_at <= ? AND "
                                   "(lease_until IS NULL OR lease_until <= ?)",
                                   {db::Int(now), db::Int(now)}));
    periodic_age_.Set({}, AgeOf(periodic, now));
    WP_ASSIGN_OR_RETURN(auto mail,
                        c.QueryOne("SELECT COUNT(*), (SELECT COUNT(*) FROM mail_outbox WHERE failed_at IS "
                                   "NOT NULL) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL"));
    mail_.Set({"pending"}, static_cast<double>(mail.Int(0)));
    mail_.Set({"failed"}, static_cast<double>(mail.Int(1)));
    WP_ASSIGN_OR_RETURN(auto mail_oldest,
                        c.QueryOne("SELECT MIN(next_attempt_at) FROM mail_outbox WHERE sent_at IS NULL AND failed_at "
                                   "IS NULL AND next_attempt_at <= ?",
                                   {db::Int(now)}));
    mail_age_.Set({}, AgeOf(mail_oldest, now));
    return true;
  });
  up_.Set({}, read.has_value() ? 1 : 0);
}

}  // namespace wp::app
