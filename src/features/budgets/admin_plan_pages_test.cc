// Unit tests of the staff pages of plans (send back, merge, review,
// milestones), handlers called directly (testing/page_harness.h).
#include "features/budgets/admin_plan_pages.h"

#include <gtest/gtest.h>

#include "features/budgets/page_world_test.h"

namespace wp::budgets {
namespace {

using wp::testing::PageHarness;

const web::PageOptions kSignedIn{.require_login = true};

class AdminPlanPagesTest : public PageWorld, public ::testing::Test {
 protected:
  AdminPlanPagesTest() {
    e_ = CreateEdition();
    h_.clock().Set(kPlansOpen);
    a_ = Submit(Ann(), e_, "Bankje A");
    b_ = Submit(Bob(), e_, "Bankje B");
  }

  web::Web::Handler H(Result<http::Response> (AdminPlanPages::*fn)(web::Context&)) { return Handler(pages_, fn); }
  PageHarness::Params At(int64_t id) { return {{"slug", e_.slug}, {"id", std::to_string(id)}}; }
  http::Response Post(Result<http::Response> (AdminPlanPages::*fn)(web::Context&), int64_t id,
                      PageHarness::Params form) {
    return h_.Post(H(fn), AdminPlanPath(e_, id), std::move(form), At(id), kSignedIn);
  }
  // Both plans through the likes, into the review phase.
  void ToReview() {
    h_.clock().Set(kLikesOpen);
    for (int64_t id : {a_, b_}) {
      ASSERT_TRUE(commands_.Like(Official(), e_, id).has_value());
      ASSERT_TRUE(commands_.Like(Expert(), e_, id).has_value());
    }
    h_.clock().Set(kReviewOpen);
  }

  AdminPlanPages pages_{deps_};
  Edition e_;
  int64_t a_ = 0, b_ = 0;
};

TEST_F(AdminPlanPagesTest, OnlyStaffOpenThePlans) {
  auto list = [&] { return h_.Get(H(&AdminPlanPages::PlanList), AdminPlansPath(e_), {{"slug", e_.slug}}, kSignedIn); };
  h_.SignInAs(Ann());
  EXPECT_EQ(list().status, 403);
  EXPECT_EQ(h_.Get(H(&AdminPlanPages::PlanPage), "/x", At(a_), kSignedIn).status, 403);
  h_.SignInAs(OtherOfficial());
  EXPECT_EQ(list().status, 403);
  h_.SignInAs(Expert());
  EXPECT_EQ(list().status, 200);
  h_.SignInAs(Official());
  auto page = list();
  EXPECT_TRUE(Has(page, "<caption class=\"utrecht-table__caption\">Alle plannen, ook ingetrokken en samengevoegde"))
      << page.body;
  EXPECT_TRUE(Has(page, "href=\"" + AdminPlanPath(e_, a_) + "\">Bankje A</a></th>"));
  EXPECT_TRUE(Has(page, "aria-current=\"page\" href=\"" + AdminPlansPath(e_) + "\">Plannen beheren</a>"));
}

TEST_F(AdminPlanPagesTest, SendingBackNeedsTipsAndAnOfficial) {
  h_.SignInAs(Official());
  auto page = h_.Get(H(&AdminPlanPages::PlanPage), "/x", At(a_), kSignedIn);
  EXPECT_TRUE(Has(page, "action=\"" + AdminPlanPath(e_, a_) + "/terugsturen\""));
  auto empty = Post(&AdminPlanPages::SendBack, a_, {{"tips", "  "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Has(empty, "href=\"#f-tips\""));
  EXPECT_TRUE(Has(empty, "Schrijf tips voor de indiener."));
  h_.SignInAs(Expert());
  EXPECT_EQ(Post(&AdminPlanPages::SendBack, a_, {{"tips", "Vraag een offerte op."}}).status, 403);
  EXPECT_EQ(PlanNow(e_, a_).status, PlanStatus::kSubmitted);
  h_.SignInAs(Official());
  auto done = Post(&AdminPlanPages::SendBack, a_, {{"tips", "Vraag een offerte op."}});
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(done.headers.Get("Location"), AdminPlanPath(e_, a_));
  EXPECT_EQ(PlanNow(e_, a_).status, PlanStatus::kSentBack);
}

TEST_F(AdminPlanPagesTest, AMergeNeedsAnotherPlan) {
  h_.SignInAs(Official());
  auto none = Post(&AdminPlanPages::ProposeMerge, a_, {{"target", ""}, {"note", "Lijkt erop"}});
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(Has(none, "href=\"#f-target\""));
  EXPECT_TRUE(Has(none, "Lijkt erop</textarea>")) << "what was typed stays";
  auto same = Post(&AdminPlanPages::ProposeMerge, a_, {{"target", std::to_string(a_)}});
  EXPECT_EQ(same.status, 422);
  EXPECT_TRUE(Has(same, "Kies een ander plan."));
  EXPECT_EQ(Post(&AdminPlanPages::ProposeMerge, a_, {{"target", std::to_string(b_)}}).status, 303);
  EXPECT_EQ(Post(&AdminPlanPages::ProposeMerge, a_, {{"target", std::to_string(b_)}}).status, 409) << "one pending";
}

TEST_F(AdminPlanPagesTest, AReviewNeedsAnOutcomeAndItsReasonFromAnExpert) {
  ToReview();
  h_.SignInAs(Expert());
  auto page = h_.Get(H(&AdminPlanPages::PlanPage), "/x", At(a_), kSignedIn);
  EXPECT_TRUE(Has(page, "id=\"f-outcome-not_feasible\"")) << page.body;
  auto no_outcome = Post(&AdminPlanPages::Review, a_, {{"outcome", "ja"}});
  EXPECT_EQ(no_outcome.status, 422);
  EXPECT_TRUE(Has(no_outcome, "href=\"#f-outcome\""));
  EXPECT_TRUE(Has(no_outcome, "id=\"f-outcome\""));
  auto no_reason = Post(&AdminPlanPages::Review, a_, {{"outcome", "not_feasible"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Has(no_reason, "href=\"#f-review_note\""));
  EXPECT_TRUE(Has(no_reason, "value=\"not_feasible\" checked")) << "the choice stays";
  h_.SignInAs(Official());
  EXPECT_EQ(Post(&AdminPlanPages::Review, a_, {{"outcome", "feasible"}}).status, 403) << "experts review";
  h_.SignInAs(Expert());
  EXPECT_EQ(Post(&AdminPlanPages::Review, a_, {{"outcome", "feasible"}}).status, 303);
  EXPECT_EQ(PlanNow(e_, a_).status, PlanStatus::kFeasible);
  EXPECT_EQ(Post(&AdminPlanPages::Review, a_, {{"outcome", "feasible"}}).status, 409) << "reviewed once";
}

TEST_F(AdminPlanPagesTest, MilestonesNeedATitleADateAndAFundedPlan) {
  ToReview();
  ASSERT_TRUE(commands_.Review(Expert(), e_, a_, ReviewOutcome::kFeasible, "").has_value());
  h_.clock().Set(kVotingClose + kDay);
  h_.SignInAs(Official());
  EXPECT_EQ(
      Post(&AdminPlanPages::AddMilestone, a_, {{"milestone_title", "Bakken"}, {"milestone_due", "2026-06-01"}}).status,
      409)
      << "not funded yet";
  ASSERT_TRUE(h_.db().Write([&](db::Connection& c) { return commands_.RecordSelection(c, e_.id, {a_}); }).has_value());
  auto bad = Post(&AdminPlanPages::AddMilestone, a_, {{"milestone_title", ""}, {"milestone_due", "juni"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad, "href=\"#f-milestone_due\"")) << bad.body;
  auto no_title = Post(&AdminPlanPages::AddMilestone, a_, {{"milestone_title", ""}, {"milestone_due", "2026-06-01"}});
  EXPECT_EQ(no_title.status, 422);
  EXPECT_TRUE(Has(no_title, "href=\"#f-milestone_title\""));
  EXPECT_EQ(
      Post(&AdminPlanPages::AddMilestone, a_, {{"milestone_title", "Bakken"}, {"milestone_due", "2026-06-01"}}).status,
      303);
  auto d = commands_.Details(e_, a_).value();
  ASSERT_EQ(d.milestones.size(), 1u);
  EXPECT_TRUE(zone_.IsStartOfDay(d.milestones[0].due_at)) << "a local date";
}

}  // namespace
}  // namespace wp::budgets
