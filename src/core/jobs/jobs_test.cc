// Tests of the job queue, leases and periodic tasks, on SQLite and on a real
// PostgreSQL server, with several runners (each with its own connections,
// as separate server processes have) racing for the same work.
#include "core/jobs/jobs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "core/db/migrations.h"
#include "core/jobs/lease.h"
#include "testing/backend_test.h"
#include "wp_jobs_files.h"

namespace wp::jobs {
namespace {

class JobsTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db::ApplyMigrations(*db_, db::MigrationsFromFiles("jobs", JobsFiles())).has_value());
  }
  int64_t Queue(std::string_view kind, int64_t subject, int max_attempts = 5) {
    auto id =
        db_->Write([&](db::Connection& c) { return Enqueue(c, kind, subject, clock_.NowUnixSeconds(), max_attempts); });
    if (!id.has_value()) throw std::runtime_error(id.error().detail);
    return *id;
  }
  std::string State(int64_t id) {
    auto row = db_->Read([&](db::Connection& c) { return c.QueryOne("SELECT state FROM jobs WHERE id = ?", {id}); });
    return row.has_value() ? row->Text(0) : "?";
  }

  FakeClock clock_;
  SeededRandom random_{7};
};

TEST_P(JobsTest, EveryJobRunsExactlyOnceWhenEightRunnersRace) {
  constexpr int kJobs = 60;
  for (int i = 1; i <= kJobs; ++i) Queue("t.count", i);
  std::mutex mu;
  std::multiset<int64_t> ran;
  std::vector<std::thread> threads;
  std::atomic<bool> failed{false};
  for (int w = 0; w < 8; ++w) {
    threads.emplace_back([&, w] {
      auto db = Connect();
      SeededRandom r(100 + static_cast<uint64_t>(w));
      JobRunner runner(*db, clock_, r);
      runner.AddHandler("t.count", [&](JobContext& ctx) -> Result<void> {
        std::lock_guard lock(mu);
        ran.insert(ctx.job().subject_id);
        return Ok();
      });
      auto n = runner.RunOnce();
      if (!n.has_value()) failed = true;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_FALSE(failed);
  ASSERT_EQ(ran.size(), static_cast<size_t>(kJobs));
  for (int i = 1; i <= kJobs; ++i) EXPECT_EQ(ran.count(i), 1u) << "job " << i;
  auto open =
      db_->Read([](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM jobs WHERE state <> 'done'"); });
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->Int(0), 0);
}

TEST_P(JobsTest, AJobWhoseWorkerDiedIsTakenOverWhenItsLeaseEnds) {
  int64_t id = Queue("t.work", 42);
  // A worker claims the job and dies before finishing (its claim stays).
  auto claimed = db_->Write([&](db::Connection& c) {
    int64_t now = clock_.NowUnixSeconds();
    return ClaimRows(c, {.table = "jobs", .due = "state = 'open'", .also_set = "attempts = attempts + 1"},
                     Lease{"dead-worker", now, now + 120}, {}, 1);
  });
  ASSERT_TRUE(claimed.has_value());
  ASSERT_EQ(claimed->size(), 1u);

  auto db = Connect();
  JobRunner other(*db, clock_, random_, {.lease_seconds = 120});
  std::vector<bool> takeovers;
  other.AddHandler("t.work", [&](JobContext& ctx) -> Result<void> {
    takeovers.push_back(ctx.taken_over());
    return Ok();
  });
  auto n = other.RunOnce();
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(*n, 0) << "the claim is still held";
  EXPECT_EQ(State(id), "open");

  clock_.Advance(std::chrono::seconds(121));
  n = other.RunOnce();
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(*n, 1);
  ASSERT_EQ(takeovers.size(), 1u);
  EXPECT_TRUE(takeovers[0]) << "the handler learns it takes over half-done work";
  EXPECT_EQ(State(id), "done");
}

TEST_P(JobsTest, AWorkerThatLostItsClaimStopsAndWritesNothing) {
  int64_t id = Queue("t.slow", 1);
  auto db_a = Connect();
  auto db_b = Connect();
  JobRunner a(*db_a, clock_, random_, {.lease_seconds = 60});
  JobRunner b(*db_b, clock_, random_, {.lease_seconds = 60});
  Result<void> heartbeat_a = Ok();
  bool b_ran = false;
  a.AddHandler("t.slow", [&](JobContext& ctx) -> Result<void> {
    // A stalls past its lease; B takes the job over meanwhile.
    clock_.Advance(std::chrono::seconds(61));
    auto rb = b.RunOnce();
    EXPECT_TRUE(rb.has_value());
    heartbeat_a = ctx.Heartbeat();
    if (!heartbeat_a.has_value()) return heartbeat_a;
    return Ok();
  });
  b.AddHandler("t.slow", [&](JobContext& ctx) -> Result<void> {
    b_ran = true;
    EXPECT_TRUE(ctx.taken_over());
    EXPECT_TRUE(ctx.Heartbeat().has_value());
    return Ok();
  });
  ASSERT_TRUE(a.RunOnce().has_value());
  EXPECT_TRUE(b_ran);
  ASSERT_FALSE(heartbeat_a.has_value());
  EXPECT_EQ(heartbeat_a.error().code, ErrorCode::kConflict);
  EXPECT_EQ(State(id), "done") << "B's outcome stands; A wrote nothing";
}

TEST_P(JobsTest, TransientFailuresAreRetriedWithBackoffOthersFailAtOnce) {
  int64_t transient = Queue("t.flaky", 1, /*max_attempts=*/2);
  int64_t permanent = Queue("t.broken", 2);
  JobRunner runner(*db_, clock_, random_);
  int flaky_calls = 0;
  runner.AddHandler("t.flaky", [&](JobContext&) -> Result<void> {
    ++flaky_calls;
    return Unavailable("smtp down");
  });
  runner.AddHandler("t.broken", [&](JobContext&) -> Result<void> { return InvalidInput("bad subject"); });
  ASSERT_TRUE(runner.RunOnce().has_value());
  EXPECT_EQ(State(transient), "open");
  EXPECT_EQ(State(permanent), "failed");
  ASSERT_TRUE(runner.RunOnce().has_value());
  EXPECT_EQ(flaky_calls, 1) << "not before its backoff";
  clock_.Advance(std::chrono::seconds(31));
  ASSERT_TRUE(runner.RunOnce().has_value());
  EXPECT_EQ(flaky_calls, 2);
  EXPECT_EQ(State(transient), "failed") << "out of attempts";
}

TEST_P(JobsTest, AJobThatCrashedTooOftenIsGivenUpAfterItsHandlerCleansUp) {
  int64_t id = Queue("t.crashy", 1, /*max_attempts=*/1);
  auto dead = db_->Write([&](db::Connection& c) {
    int64_t now = clock_.NowUnixSeconds();
    return ClaimRows(c, {.table = "jobs", .due = "state = 'open'", .also_set = "attempts = attempts + 1"},
                     Lease{"dead-worker", now, now + 10}, {}, 1);
  });
  ASSERT_TRUE(dead.has_value());
  clock_.Advance(std::chrono::seconds(11));
  JobRunner runner(*db_, clock_, random_);
  bool cleaned = false;
  runner.AddHandler("t.crashy", [&](JobContext& ctx) -> Result<void> {
    EXPECT_TRUE(ctx.given_up());
    cleaned = true;
    return Ok();
  });
  ASSERT_TRUE(runner.RunOnce().has_value());
  EXPECT_TRUE(cleaned);
  EXPECT_EQ(State(id), "failed");
}

TEST_P(JobsTest, AHeldJobRunsInTheForegroundAndNoOtherRunnerTakesIt) {
  JobRunner cli(*db_, clock_, random_);
  auto db2 = Connect();
  JobRunner server(*db2, clock_, random_);
  std::vector<std::pair<int64_t, int64_t>> progress;
  int server_runs = 0;
  auto handler = [&](JobContext& ctx) -> Result<void> {
    ctx.Progress(1, 2);
    ctx.Progress(2, 2);
    return Ok();
  };
  cli.AddHandler("t.cli", handler);
  server.AddHandler("t.cli", [&](JobContext&) -> Result<void> {
    ++server_runs;
    return Ok();
  });
  auto job = db_->Write([&](db::Connection& c) { return cli.EnqueueHeld(c, "t.cli", 5); });
  ASSERT_TRUE(job.has_value()) << job.error().detail;
  ASSERT_TRUE(server.RunOnce().has_value());
  EXPECT_EQ(server_runs, 0) << "the job is held by the command line";
  ASSERT_TRUE(cli.RunHeld(*job, [&](int64_t d, int64_t t) { progress.emplace_back(d, t); }).has_value());
  EXPECT_EQ(progress.size(), 2u);
  EXPECT_EQ(State(job->id), "done");

  // A command line that died holding a job: the server takes it over.
  auto orphan = db_->Write([&](db::Connection& c) { return cli.EnqueueHeld(c, "t.cli", 6); });
  ASSERT_TRUE(orphan.has_value());
  clock_.Advance(std::chrono::seconds(121));
  ASSERT_TRUE(server.RunOnce().has_value());
  EXPECT_EQ(server_runs, 1);
  EXPECT_EQ(State(orphan->id), "done");
}

TEST_P(JobsTest, APeriodicTaskRunsOncePerIntervalAcrossRunners) {
  std::atomic<int> runs{0};
  std::vector<std::unique_ptr<db::Database>> dbs;
  std::vector<std::unique_ptr<JobRunner>> runners;
  for (int i = 0; i < 4; ++i) {
    dbs.push_back(Connect());
    runners.push_back(std::make_unique<JobRunner>(*dbs.back(), clock_, random_));
    runners.back()->AddPeriodic("t.purge", 3600, [&]() -> Result<void> {
      ++runs;
      return Ok();
    });
  }
  auto race = [&] {
    std::vector<std::thread> ts;
    for (auto& r : runners) ts.emplace_back([&r] { EXPECT_TRUE(r->RunOnce().has_value()); });
    for (auto& t : ts) t.join();
  };
  race();
  EXPECT_EQ(runs.load(), 1);
  race();
  EXPECT_EQ(runs.load(), 1) << "not again within the interval";
  clock_.Advance(std::chrono::seconds(3601));
  race();
  EXPECT_EQ(runs.load(), 2);
}

// A tick with nothing due writes nothing: it only reads. Before, every tick
// claimed each periodic task and the next job with a write transaction,
// which on PostgreSQL is a serializable transaction and in every process
// ended the kept public pages (web/page_cache.h) every few seconds.
TEST_P(JobsTest, AnIdleTickWritesNothing) {
  int runs = 0;
  JobRunner runner(*db_, clock_, random_);
  runner.AddHandler("t.idle", [](JobContext&) { return Ok(); });
  runner.AddPeriodic("t.hourly", 3600, [&]() -> Result<void> {
    ++runs;
    return Ok();
  });
  ASSERT_TRUE(runner.RunOnce().has_value());
  EXPECT_EQ(runs, 1);
  const uint64_t writes = db_->WriteGeneration();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(runner.RunOnce().has_value());
  EXPECT_EQ(db_->WriteGeneration(), writes) << "idle ticks wrote";
  // Due work is still claimed at once.
  int64_t job = Queue("t.idle", 1);
  ASSERT_EQ(*runner.RunOnce(), 1);
  EXPECT_EQ(State(job), "done");
  clock_.Advance(std::chrono::seconds(3600));
  ASSERT_TRUE(runner.RunOnce().has_value());
  EXPECT_EQ(runs, 2);
}

TEST_P(JobsTest, TheBackgroundThreadRunsQueuedWorkWhenKicked) {
  JobRunner runner(*db_, clock_, random_, {.poll_seconds = 3600});
  std::atomic<int> ran{0};
  runner.AddHandler("t.bg", [&](JobContext&) -> Result<void> {
    ++ran;
    return Ok();
  });
  runner.Start();
  Queue("t.bg", 1);
  runner.Kick();
  runner.WaitUntilIdleForTest();
  EXPECT_EQ(ran.load(), 1);
  runner.Stop();
}

INSTANTIATE_TEST_SUITE_P(Backends, JobsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::jobs
