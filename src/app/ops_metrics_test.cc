#include "app/ops_metrics.h"

#include <gtest/gtest.h>

#include "core/db/migrations.h"
#include "core/jobs/jobs.h"
#include "core/mail/outbox.h"
#include "testing/temp_dir.h"
#include "wp_jobs_files.h"
#include "wp_mail_files.h"

namespace wp::app {
namespace {

class OpsMetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = db::Open("sqlite:" + dir_.File("ops.db"));
    ASSERT_TRUE(db.has_value()) << db.error().detail;
    db_ = std::move(*db);
    auto migrations = db::MigrationsFromFiles("jobs", JobsFiles());
    for (auto& m : db::MigrationsFromFiles("mail", MailFiles())) migrations.push_back(m);
    ASSERT_TRUE(db::ApplyMigrations(*db_, migrations).has_value());
  }
  // The value of the sample line starting with `series` ("name{labels}").
  double Sample(const std::string& series) {
    std::string text = registry_.RenderPrometheus();
    size_t at = text.find("\n" + series + " ");
    if (at == std::string::npos) return -1;
    return std::stod(text.substr(at + series.size() + 2));
  }
  testing::TempDir dir_;
  std::unique_ptr<db::Database> db_;
  FakeClock clock_;
  http::MetricsRegistry registry_;
};

TEST_F(OpsMetricsTest, ReportsPoolQueuesAndTheirAges) {
  OpsMetrics ops(registry_, *db_, clock_);
  const int64_t now = clock_.NowUnixSeconds();
  ASSERT_TRUE(
      db_->Write([&](db::Connection& c) -> Result<bool> {
           WP_TRY_VOID(jobs::Enqueue(c, "codes.generate", 1, now - 300));  // due for 5 minutes
           WP_TRY_VOID(jobs::Enqueue(c, "codes.generate", 2, now + 60));   // not due yet
           WP_TRY_VOID(c.Execute(
               "INSERT INTO jobs (kind, subject_id, state, run_after, created_at) VALUES ('x', 3, 'done', ?, ?)",
               {db::Int(now - 900), db::Int(now - 900)}));
           WP_TRY_VOID(mail::Enqueue(c, {.to = "a@example.nl", .subject = "Hallo", .body_text = "x"}, now - 120));
           return true;
         })
          .has_value());
  ops.Update();
  EXPECT_EQ(Sample("wp_database_up"), 1);
  EXPECT_EQ(Sample("wp_jobs{state=\"open\"}"), 2);
  EXPECT_EQ(Sample("wp_jobs{state=\"done\"}"), 1);
  EXPECT_EQ(Sample("wp_jobs{state=\"failed\"}"), 0);
  EXPECT_EQ(Sample("wp_jobs_due"), 1);
  EXPECT_EQ(Sample("wp_jobs_oldest_due_seconds"), 300);
  EXPECT_EQ(Sample("wp_mail_outbox{state=\"pending\"}"), 1);
  EXPECT_EQ(Sample("wp_mail_oldest_pending_seconds"), 120);
  EXPECT_GT(Sample("wp_db_pool_connections{state=\"max\"}"), 0);
  EXPECT_EQ(Sample("wp_db_pool_connections{state=\"waiting\"}"), 0);
  EXPECT_EQ(Sample("wp_db_pool_connections{state=\"in_use\"}"), 0) << "the reader went back to the pool";

  // Time passes: the ages grow, the other job falls due.
  clock_.Advance(std::chrono::seconds(120));
  ops.Update();
  EXPECT_EQ(Sample("wp_jobs_due"), 2);
  EXPECT_EQ(Sample("wp_jobs_oldest_due_seconds"), 420);
  EXPECT_EQ(Sample("wp_mail_oldest_pending_seconds"), 240);
}

}  // namespace
}  // namespace wp::app
