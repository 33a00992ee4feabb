// DashboardFigures and the published counts it reads (signals, platforms,
// events, initiatives, advice) on SQLite and PostgreSQL: counts per buurt,
// wijk, stadsdeel and city in bands, small groups hidden, only ended
// quarters, outcomes in time and late.
#include "features/dashboards/figures.h"

#include <gtest/gtest.h>

#include "core/db/migrations.h"
#include "features/dashboards/activity_fixture_test.h"
#include "features/dashboards/periods.h"
#include "features/initiatives/world_test.h"
#include "features/voting/feature.h"
#include "testing/backend_test.h"
#include "wp_advice_files.h"
#include "wp_budgets_files.h"
#include "wp_codes_files.h"
#include "wp_events_files.h"
#include "wp_forums_files.h"
#include "wp_jobs_files.h"
#include "wp_promises_files.h"
#include "wp_signals_files.h"
#include "wp_surveys_files.h"

namespace wp::dashboards {
namespace {

using testing::AddAdvice;
using testing::AddEvent;
using testing::AddInitiatives;
using testing::AddMembers;
using testing::AddPlatform;
using testing::AddSignals;
using testing::AddTheme;

class FiguresTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    std::vector<db::Migration> migrations;
    auto add = [&](const std::string& name, auto files) {
      for (auto& m : db::MigrationsFromFiles(name, files)) migrations.push_back(m);
    };
    add("mail", MailFiles());
    add("accounts", AccountsFiles());
    add("geography", GeographyFiles());
    add("platforms", PlatformsFiles());
    add("events", EventsFiles());
    add("signals", SignalsFiles());
    add("initiatives", InitiativesFiles());
    add("advice", AdviceFiles());
    add("budgets", BudgetsFiles());
    for (auto& m : voting::VotingMigrations(db_->dialect())) migrations.push_back(m);
    add("jobs", JobsFiles());
    add("codes", CodesFiles());
    add("promises", PromisesFiles());
    add("forums", ForumsFiles());
    add("surveys", SurveysFiles());
    auto applied = db::ApplyMigrations(*db_, migrations);
    ASSERT_TRUE(applied.has_value()) << applied.error().detail;
    zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
    q_ = QuarterBounds(zone_, 2025);
    clock_.Set(q_[4] + 86400 * 40);  // 9 February 2026: 2025 has ended, 2026 has no ended quarter
    figures_ = std::make_unique<DashboardFigures>(*db_, clock_, zone_, initiatives::Haarlem());
  }

  template <typename F>
  void Seed(F&& fn) {
    auto r = db_->Write([&](db::Connection& c) -> Result<void> { return fn(c); });
    ASSERT_TRUE(r.has_value()) << r.error().detail;
  }

  FakeClock clock_;
  time::TimeZone zone_ = time::TimeZone::Utc();
  std::vector<int64_t> q_;
  std::unique_ptr<DashboardFigures> figures_;
};

TEST_P(FiguresTest, CountsSignalsPerBuurtWijkStadsdeelAndCityInBands) {
  Seed([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(int64_t green, AddTheme(c, "groen", "Groen"));
    WP_ASSIGN_OR_RETURN(int64_t waste, AddTheme(c, "afval", "Afval"));
    WP_TRY_VOID(AddSignals(c, green, "BU03920101", 14, q_[0] + 86400, 3600));      // Q1, closed in time
    WP_TRY_VOID(AddSignals(c, waste, "BU03920102", 3, q_[0] + 86400, 9 * 86400));  // Q1, 3 late: small
    WP_TRY_VOID(AddSignals(c, waste, "BU03921801", 25, q_[2] + 86400, 0));         // Q3, Schalkwijk, open
    return Ok();
  });
  auto f = figures_->Year(2025);
  ASSERT_TRUE(f.has_value()) << f.error().detail;
  EXPECT_EQ((*f)->quarters, 4);
  EXPECT_TRUE((*f)->year_ended);
  const auto& s = (*f)->reach.at("signals");
  EXPECT_EQ(s.at("BU03920101").values[0], (Band{10, 19}));
  EXPECT_FALSE(s.at("BU03920102").values[0].has_value());  // 3: never shown
  EXPECT_EQ(s.at("WK039201").values[0], (Band{10, 19}));   // 17
  EXPECT_EQ(s.at("sd:centrum").total, (Band{10, 19}));
  EXPECT_EQ(s.at("sd:schalkwijk").values[2], (Band{20, 29}));
  EXPECT_EQ(s.at("city").total, (Band{40, 49}));  // 42
  EXPECT_EQ(s.at("city").values[1], (Band{0, 0}));
  // Topics: per theme and area.
  EXPECT_EQ((*f)->topics.at("groen").at("WK039201").values[0], (Band{10, 19}));
  EXPECT_FALSE((*f)->topics.at("afval").at("WK039201").values[0].has_value());
  EXPECT_EQ((*f)->themes.size(), 2u);
  // Outcomes: Q1 closed 17, of which 14 in time and 3 late (hidden).
  const auto& handled = (*f)->signals_handled;
  EXPECT_EQ(handled.row_totals[0], 17);
  EXPECT_FALSE(handled.cells[0][1].has_value());
  EXPECT_FALSE(handled.cells[0][0].has_value());  // else 17 - 14 gives the 3 back
}

TEST_P(FiguresTest, MembersAndParticipantsCountAtThePlatformsWijk) {
  Seed([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(int64_t p, AddPlatform(c, "oude-stad", "BU03920101"));
    WP_TRY_VOID(AddMembers(c, p, 12, q_[0] + 86400, 1));
    WP_TRY_VOID(AddMembers(c, p, 20, q_[1] + 86400, 100));
    WP_TRY_VOID(AddEvent(c, p, q_[1] + 2 * 86400, 15));
    WP_TRY_VOID(AddEvent(c, p, q_[1] + 3 * 86400, 4));
    return Ok();
  });
  auto f = figures_->Year(2025);
  ASSERT_TRUE(f.has_value()) << f.error().detail;
  const auto& members = (*f)->reach.at("members");
  EXPECT_EQ(members.at("WK039201").values[0], (Band{10, 19}));  // 12 at the end of Q1
  EXPECT_EQ(members.at("WK039201").values[3], (Band{30, 39}));  // 32 at the end of Q4
  EXPECT_EQ(members.at("WK039201").total, (Band{30, 39}));      // the members at the year's end, not a sum
  EXPECT_EQ(members.count("BU03920101"), 0u);                   // not per buurt
  EXPECT_EQ((*f)->reach.at("participants").at("WK039201").values[1], (Band{10, 19}));  // 19
}

TEST_P(FiguresTest, OutcomesOfInitiativesAndAdvice) {
  Seed([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(int64_t p, AddPlatform(c, "oude-stad", "BU03920101"));
    WP_TRY_VOID(AddInitiatives(c, "BU03920101", 12, q_[0] + 86400, 20 * 86400));       // answered in Q1, in time
    WP_TRY_VOID(AddInitiatives(c, "BU03921801", 11, q_[1] - 10 * 86400, 50 * 86400));  // answered in Q2, late
    WP_TRY_VOID(AddAdvice(c, p, 10, q_[2] + 86400, q_[2] + 2 * 86400));                // Q3, in time
    return Ok();
  });
  auto f = figures_->Year(2025);
  ASSERT_TRUE(f.has_value()) << f.error().detail;
  EXPECT_EQ((*f)->initiative_checks.cells[0][0], 12);
  EXPECT_EQ((*f)->initiative_checks.cells[1][1], 11);
  EXPECT_EQ((*f)->initiative_checks.grand_total, 23);
  EXPECT_EQ((*f)->advice_answered.cells[2][0], 10);
  EXPECT_EQ((*f)->reach.at("initiatives").at("city").values[0], (Band{20, 29}));
}

TEST_P(FiguresTest, OnlyEndedQuartersAndNoFutureYear) {
  Seed([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(int64_t green, AddTheme(c, "groen", "Groen"));
    return AddSignals(c, green, "BU03920101", 30, q_[4] + 86400, 0);  // January 2026
  });
  auto now = figures_->Year(2026);
  ASSERT_TRUE(now.has_value());
  EXPECT_EQ((*now)->quarters, 0);
  EXPECT_FALSE((*now)->year_ended);
  EXPECT_EQ(figures_->DefaultYear(), 2025);
  auto future = figures_->Year(2027);
  ASSERT_FALSE(future.has_value());
  EXPECT_EQ(future.error().user_message_key, "dashboards.error.no_year");
}

INSTANTIATE_TEST_SUITE_P(Backends, FiguresTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::dashboards
