// The operational gauges of /metrics beyond HTTP traffic: the database
// connection pool of this process, and the queues every process shares
// (background jobs, periodic tasks, outgoing e-mail). docs/operations.md
// lists what to alert on.
#pragma once

#include "core/clock.h"
#include "core/db/database.h"
#include "core/http/metrics.h"

namespace wp::app {

class OpsMetrics {
 public:
  OpsMetrics(http::MetricsRegistry& registry, db::Database& db, const Clock& clock);
  // Reads the pool and the queues now (called before each /metrics answer).
  void Update();

 private:
  db::Database& db_;
  const Clock& clock_;
  http::GaugeFamily& pool_;          // wp_db_pool_connections{state="max|open|idle|in_use|waiting"}
  http::GaugeFamily& jobs_;          // wp_jobs{state}: one-off jobs by state
  http::GaugeFamily& jobs_due_;      // wp_jobs_due: open, due and not claimed
  http::GaugeFamily& jobs_age_;      // wp_jobs_oldest_due_seconds
  http::GaugeFamily& periodic_age_;  // wp_periodic_overdue_seconds
  http::GaugeFamily& mail_;          // wp_mail_outbox{state="pending|failed"}
  http::GaugeFamily& mail_age_;      // wp_mail_oldest_pending_seconds
  http::GaugeFamily& up_;            // wp_database_up
};

}  // namespace wp::app
