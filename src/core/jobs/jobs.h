// Jobs: background work shared by every server process. One-off jobs are
// queued inside a feature's own transaction (so they exist exactly when the
// change that asked for them commits) and run by whichever JobRunner claims
// them first; periodic tasks run about once per interval across all
// processes; pollers (e.g. e-mail delivery, which claims its own rows) run on
// every tick of every runner. Claims are leases (lease.h): a worker that dies
// loses its claim when the lease ends, and the work is taken over.
// JobRunner is thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/db/database.h"
#include "core/random.h"
#include "core/result.h"

namespace wp::jobs {

// A claimed one-off job.
struct Job {
  int64_t id = 0;
  std::string kind;        // e.g. "codes.generate"
  int64_t subject_id = 0;  // what it works on, e.g. a codes_runs id
  int attempts = 0;        // claims so far, this one included
  int max_attempts = 0;
};

// Queues a job of `kind` for `subject_id` within the caller's transaction;
// it may run from `run_after` (unix seconds) on. After `max_attempts` claims
// (each crash of a worker or transient failure uses one), it is given up.
// Returns the job id. Errors: kInvalidInput for an empty kind or
// max_attempts < 1.
Result<int64_t> Enqueue(db::Connection& c, std::string_view kind, int64_t subject_id, int64_t run_after,
                        int max_attempts = 5);

// True when a job of `kind` for `subject_id` is queued or running.
Result<bool> HasOpenJob(db::Connection& c, std::string_view kind, int64_t subject_id);

// What a job handler gets while it holds the claim.
class JobContext {
 public:
  const Job& job() const { return job_; }
  // True when an earlier claim ended without finishing (its worker died or
  // lost the lease): the handler first undoes what that attempt left half
  // done.
  bool taken_over() const { return job_.attempts > 1; }
  // True when the job has used up its attempts: the handler only cleans up
  // (undoes half-done work, records the failure in its own tables) and
  // returns; the job is then marked failed.
  bool given_up() const { return job_.attempts > job_.max_attempts; }
  // True when this is the last attempt the job gets: a transient error now
  // fails the job for good.
  bool last_attempt() const { return job_.attempts >= job_.max_attempts; }
  // True once Heartbeat found the claim lost.
  bool lost() const { return lost_; }
  // Extends the claim; call it between steps of long work (well within
  // RunnerOptions::lease_seconds). Errors: kConflict when the claim was lost
  // (another worker took the job over): stop at once and write nothing more.
  Result<void> Heartbeat();
  // True when the runner is stopping (the server shuts down): long work
  // returns an kUnavailable error at its next step, so the job is tried
  // again later (by this or another process) after the handler has undone
  // what it can.
  bool ShouldStop() const { return stopping_ != nullptr && stopping_->load(); }
  // Reports progress to whoever runs the job in the foreground (the command
  // line); a no-op in the background.
  void Progress(int64_t done, int64_t total) const {
    if (progress_) progress_(done, total);
  }

 private:
  friend class JobRunner;
  JobContext(db::Database& db, const Clock& clock, Job job, std::string owner, int lease_seconds,
             std::function<void(int64_t, int64_t)> progress, const std::atomic<bool>* stopping)
      : db_(db),
        clock_(clock),
        job_(std::move(job)),
        owner_(std::move(owner)),
        lease_seconds_(lease_seconds),
        progress_(std::move(progress)),
        stopping_(stopping) {}
  db::Database& db_;
  const Clock& clock_;
  Job job_;
  std::string owner_;
  int lease_seconds_;
  std::function<void(int64_t, int64_t)> progress_;
  const std::atomic<bool>* stopping_;
  bool lost_ = false;
};

// Runs one job. Ok: the job is done. An error of kind kUnavailable is
// transient: the job is tried again later (with backoff) until it runs out
// of attempts; any other error fails it at once. A handler records failures
// that users must see in its own tables.
using JobHandler = std::function<Result<void>(JobContext&)>;

struct RunnerOptions {
  int lease_seconds = 120;  // how long a claim lasts without a heartbeat
  int poll_seconds = 5;     // how often the background thread looks for work
};

class JobRunner {
 public:
  JobRunner(db::Database& db, const Clock& clock, Random& random, RunnerOptions options = {});
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Registration, before Start().
  void AddHandler(std::string kind, JobHandler handler);
  // A task run about every `interval_seconds` of the clock by one worker of
  // all processes at a time (e.g. purges). Errors it returns are logged and
  // kept in job_schedule.last_error; it runs again next interval.
  void AddPeriodic(std::string name, int interval_seconds, std::function<Result<void>()> fn);
  // Work run on every tick of every runner; it must claim what it works on
  // (e-mail delivery claims outbox rows).
  void AddPoller(std::string name, std::function<Result<void>()> fn);

  // Starts the background thread (one tick every poll_seconds, or sooner
  // after Kick). Stop() waits for the current job or task to finish.
  void Start();
  void Stop();
  // Wakes the background thread: work was queued in this process.
  void Kick();

  // One tick in the calling thread: every poller, the due periodic tasks,
  // and every job that can be claimed now. Returns how many jobs ran.
  Result<int> RunOnce();
  // Queues a job (like Enqueue) already claimed by this runner, inside the
  // caller's transaction, to be run in the foreground with RunHeld (the
  // command line). If this process dies first, another worker takes the job
  // over when the claim's lease ends.
  Result<Job> EnqueueHeld(db::Connection& c, std::string_view kind, int64_t subject_id, int max_attempts = 5);
  // Runs a job returned by EnqueueHeld in the calling thread, reporting
  // progress to `progress`. Returns the handler's result.
  Result<void> RunHeld(const Job& job, std::function<void(int64_t, int64_t)> progress = {});
  // Waits until no job is open or running (tests). Drives RunOnce itself
  // when the background thread is not started.
  void WaitUntilIdleForTest();

  const std::string& worker_id() const { return owner_; }

 private:
  struct Periodic {
    std::string name;
    int interval_seconds;
    std::function<Result<void>()> fn;
  };
  Result<std::optional<Job>> ClaimNext();
  Result<void> RunClaimed(Job job, std::function<void(int64_t, int64_t)> progress);
  Result<void> RunPeriodicIfDue(const Periodic& p);
  void Loop();

  db::Database& db_;
  const Clock& clock_;
  RunnerOptions options_;
  std::string owner_;
  std::map<std::string, JobHandler, std::less<>> handlers_;
  std::vector<Periodic> periodic_;
  std::vector<std::pair<std::string, std::function<Result<void>()>>> pollers_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::thread thread_;
  bool stop_ = false;
  std::atomic<bool> stopping_{false};
  bool kicked_ = false;
  bool running_ = false;
};

}  // namespace wp::jobs
