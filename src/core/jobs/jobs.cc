#include "core/jobs/jobs.h"

#include <algorithm>
#include <iostream>

#include "core/jobs/lease.h"

namespace wp::jobs {

namespace {

constexpr std::string_view kJobColumns = "id, kind, subject_id, attempts, max_attempts";

Job JobFromRow(const db::Row& r) {
  return Job{r.Int(0), r.Text(1), r.Int(2), static_cast<int>(r.Int(3)), static_cast<int>(r.Int(4))};
}

// Seconds before a transiently failed job is tried again: 30 s, 1, 2, 4 ...
// minutes, at most an hour.
int64_t Backoff(int attempts) { return std::min<int64_t>(30LL << std::min(attempts - 1, 7), 3600); }

// When each periodic task may next be claimed (the later of its next run and
// the end of a lease someone holds), by name; a task without a row is not in
// the map. Read before claiming, so that a tick with nothing due writes
// nothing: on PostgreSQL every write is a serializable transaction, and every
// write of a process ends its kept public pages (web/page_cache.h).
Result<std::map<std::string, int64_t>> NextClaims(db::Database& db) {
  return db.Read([](db::Connection& c) -> Result<std::map<std::string, int64_t>> {
    WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query("SELECT name, next_run_at, lease_until FROM job_schedule"));
    std::map<std::string, int64_t> out;
    for (const db::Row& r : rows) out[r.Text(0)] = std::max(r.Int(1), r.IsNull(2) ? 0 : r.Int(2));
    return out;
  });
}

void LogError(std::string_view what, std::string_view name, const Error& e) {
  std::cerr << "{\"level\":\"error\",\"what\":\"" << what << "\",\"name\":\"" << name << "\",\"code\":\""
            << ErrorCodeName(e.code) << "\"}" << std::endl;
}

}  // namespace

Result<int64_t> Enqueue(db::Connection& c, std::string_view kind, int64_t subject_id, int64_t run_after,
                        int max_attempts) {
  if (kind.empty()) return InvalidInput("job kind is empty");
  if (max_attempts < 1) return InvalidInput("max_attempts must be at least 1");
  return c.Insert(
      "INSERT INTO jobs (kind, subject_id, state, run_after, max_attempts, created_at) "
      "VALUES (?, ?, 'open', ?, ?, ?) RETURNING id",
      {std::string(kind), subject_id, run_after, db::Int(max_attempts), run_after});
}

Result<bool> HasOpenJob(db::Connection& c, std::string_view kind, int64_t subject_id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional("SELECT 1 FROM jobs WHERE kind = ? AND subject_id = ? AND state = 'open'",
                                      {std::string(kind), subject_id}));
  return row.has_value();
}

Result<void> JobContext::Heartbeat() {
  int64_t until = clock_.NowUnixSeconds() + lease_seconds_;
  WP_ASSIGN_OR_RETURN(bool held,
                      db_.Write([&](db::Connection& c) { return RenewLease(c, "jobs", job_.id, owner_, until); }));
  if (!held) {
    lost_ = true;
    return Conflict("the claim on job " + std::to_string(job_.id) + " was lost");
  }
  return Ok();
}

JobRunner::JobRunner(db::Database& db, const Clock& clock, Random& random, RunnerOptions options)
    : db_(db), clock_(clock), options_(options), owner_(NewWorkerId(random)) {}

JobRunner::~JobRunner() { Stop(); }

void JobRunner::AddHandler(std::string kind, JobHandler handler) { handlers_[std::move(kind)] = std::move(handler); }

void JobRunner::AddPeriodic(std::string name, int interval_seconds, std::function<Result<void>()> fn) {
  periodic_.push_back({std::move(name), std::max(1, interval_seconds), std::move(fn)});
}

void JobRunner::AddPoller(std::string name, std::function<Result<void>()> fn) {
  pollers_.emplace_back(std::move(name), std::move(fn));
}

Result<std::optional<Job>> JobRunner::ClaimNext() {
  int64_t now = clock_.NowUnixSeconds();
  Lease lease{owner_, now, now + options_.lease_seconds};
  // Only kinds this runner can run: a process without a handler leaves the
  // job to one that has it.
  std::string kinds;
  db::Params params = {now};
  for (const auto& [kind, _] : handlers_) {
    kinds += kinds.empty() ? "?" : ", ?";
    params.push_back(kind);
  }
  if (kinds.empty()) return std::optional<Job>();
  std::string due = "state = 'open' AND run_after <= ? AND kind IN (" + kinds + ")";
  // Looked at first, so that an idle tick writes nothing (NextClaims); the
  // claim below decides, atomically.
  db::Params look = params;
  look.push_back(now);
  WP_ASSIGN_OR_RETURN(bool any, db_.Read([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT 1 FROM jobs WHERE (" + due +
                                                      ") AND (lease_until IS NULL OR lease_until <= ?) LIMIT 1",
                                                  look));
    return row.has_value();
  }));
  if (!any) return std::optional<Job>();
  WP_ASSIGN_OR_RETURN(db::Rows rows, db_.Write([&](db::Connection& c) {
    return ClaimRows(c,
                     {.table = "jobs",
                      .due = due,
                      .order_by = "run_after, id",
                      .also_set = "attempts = attempts + 1",
                      .returning = kJobColumns},
                     lease, params, 1);
  }));
  if (rows.empty()) return std::optional<Job>();
  return std::optional<Job>(JobFromRow(rows.front()));
}

Result<void> JobRunner::RunClaimed(Job job, std::function<void(int64_t, int64_t)> progress) {
  auto handler = handlers_.find(job.kind);
  if (handler == handlers_.end()) return Internal("no handler for job kind " + job.kind);
  JobContext ctx(db_, clock_, job, owner_, options_.lease_seconds, std::move(progress), &stopping_);
  Result<void> outcome = handler->second(ctx);
  if (ctx.lost_) return outcome;  // the new owner finishes it; write nothing
  int64_t now = clock_.NowUnixSeconds();
  bool retry = !outcome.has_value() && outcome.error().code == ErrorCode::kUnavailable && !ctx.given_up() &&
               job.attempts < job.max_attempts;
  std::string state = outcome.has_value() && !ctx.given_up() ? "done" : (retry ? "open" : "failed");
  std::string error = outcome.has_value()
                          ? (ctx.given_up() ? "gave up after " + std::to_string(job.max_attempts) + " attempts" : "")
                          : outcome.error().detail;
  WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(
        c.Execute("UPDATE jobs SET state = ?, run_after = ?, last_error = ?, finished_at = ?, lease_owner = NULL, "
                  "lease_until = NULL WHERE id = ? AND lease_owner = ?",
                  {state, retry ? now + Backoff(job.attempts) : now, error.empty() ? db::Null() : db::Text(error),
                   state == "open" ? db::Null() : db::Int(now), job.id, owner_}));
    return Ok();
  }));
  if (!outcome.has_value()) LogError("job failed", job.kind, outcome.error());
  return outcome;
}

Result<Job> JobRunner::EnqueueHeld(db::Connection& c, std::string_view kind, int64_t subject_id, int max_attempts) {
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(int64_t id, Enqueue(c, kind, subject_id, now, max_attempts));
  WP_TRY_VOID(c.Execute("UPDATE jobs SET attempts = 1, lease_owner = ?, lease_until = ? WHERE id = ?",
                        {owner_, now + options_.lease_seconds, id}));
  return Job{id, std::string(kind), subject_id, 1, max_attempts};
}

Result<void> JobRunner::RunHeld(const Job& job, std::function<void(int64_t, int64_t)> progress) {
  return RunClaimed(job, std::move(progress));
}

Result<void> JobRunner::RunPeriodicIfDue(const Periodic& p) {
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(int64_t claimed, db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_TRY_VOID(c.Execute("INSERT INTO job_schedule (name, next_run_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                          {p.name, now}));
    return c.Execute(
        "UPDATE job_schedule SET lease_owner = ?, lease_until = ? WHERE name = ? AND next_run_at <= ? "
        "AND (lease_until IS NULL OR lease_until <= ?)",
        {owner_, now + options_.lease_seconds, p.name, now, now});
  }));
  if (claimed != 1) return Ok();
  Result<void> r = p.fn();
  if (!r.has_value()) LogError("periodic task failed", p.name, r.error());
  int64_t done = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(c.Execute(
        "UPDATE job_schedule SET next_run_at = ?, last_run_at = ?, last_error = ?, lease_owner = NULL, "
        "lease_until = NULL WHERE name = ? AND lease_owner = ?",
        {done + p.interval_seconds, done, r.has_value() ? db::Null() : db::Text(r.error().detail), p.name, owner_}));
    return Ok();
  });
}

Result<int> JobRunner::RunOnce() {
  for (const auto& [name, fn] : pollers_) {
    Result<void> r = fn();
    if (!r.has_value()) LogError("poller failed", name, r.error());
  }
  Result<std::map<std::string, int64_t>> next = NextClaims(db_);
  if (!next.has_value()) LogError("periodic task failed", "schedule", next.error());
  const int64_t now = clock_.NowUnixSeconds();
  for (const auto& p : periodic_) {
    if (next.has_value()) {
      auto it = next->find(p.name);
      if (it != next->end() && it->second > now) continue;  // not due, or someone else's claim runs
    }
    Result<void> r = RunPeriodicIfDue(p);
    if (!r.has_value()) LogError("periodic task failed", p.name, r.error());
  }
  int ran = 0;
  for (;;) {
    {
      std::lock_guard lock(mu_);
      if (stop_) break;
    }
    WP_ASSIGN_OR_RETURN(std::optional<Job> job, ClaimNext());
    if (!job) break;
    (void)RunClaimed(std::move(*job), {});
    ++ran;
  }
  return ran;
}

void JobRunner::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stop_ = false;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void JobRunner::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void JobRunner::Kick() {
  {
    std::lock_guard lock(mu_);
    kicked_ = true;
  }
  cv_.notify_all();
}

void JobRunner::Loop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    kicked_ = false;
    running_ = true;
    lock.unlock();
    Result<int> r = RunOnce();
    if (!r.has_value()) LogError("job runner", "tick", r.error());
    lock.lock();
    running_ = false;
    cv_.notify_all();
    cv_.wait_for(lock, std::chrono::seconds(options_.poll_seconds), [&] { return stop_ || kicked_; });
  }
}

void JobRunner::WaitUntilIdleForTest() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return !running_ || stop_; });
    }
    Result<int> ran = RunOnce();
    std::lock_guard lock(mu_);
    if ((!ran.has_value() || *ran == 0) && !running_) return;
  }
}

}  // namespace wp::jobs
