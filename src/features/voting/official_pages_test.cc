// Unit tests of the officials' paper ballot and count pages, handlers called
// directly.
#include "features/voting/official_pages.h"

#include <gtest/gtest.h>

#include "features/voting/pages_fixture_test.h"

namespace wp::voting {
namespace {

using codes::CodesWorld;
using Params = wp::testing::PageHarness::Params;

class OfficialPagesTest : public ::testing::Test {
 protected:
  OfficialPagesTest() {
    codes_ = w_.codes().IssueCodes(w_.edition(), 3);
    w_.harness().SignInAs(CodesWorld::kLiaison);
  }
  http::Response Get(Result<http::Response> (OfficialPages::*fn)(web::Context&)) {
    return w_.harness().Get(w_.Official(fn), "/beheer", w_.Slug());
  }
  http::Response Post(Result<http::Response> (OfficialPages::*fn)(web::Context&), Params fields) {
    return w_.harness().Post(w_.Official(fn), "/beheer", std::move(fields), w_.Slug());
  }
  void CloseVoting() { w_.harness().clock().Advance(std::chrono::hours(24 * 30)); }

  VotingPagesWorld w_;
  std::vector<std::string> codes_;
};

TEST_F(OfficialPagesTest, AManagerEntersAPaperBallotOnce) {
  auto form = Get(&OfficialPages::ShowPaper);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("Papieren stemmen invoeren"), std::string::npos);
  EXPECT_NE(form.body.find("href=\"/beheer/wijkbudget/stem-2026\""), std::string::npos) << "the breadcrumb";
  auto entered = Post(&OfficialPages::EnterPaper, {{"code", codes_[0]}, {"plan", w_.Id(0)}});
  EXPECT_EQ(entered.status, 303) << entered.body;
  EXPECT_EQ(entered.headers.Get("Location"), "/beheer/wijkbudget/stem-2026/papier");
  auto twice = Post(&OfficialPages::EnterPaper, {{"code", codes_[0]}, {"plan", w_.Id(1)}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("Deze papieren stem is al ingevoerd."), std::string::npos) << twice.body;
  EXPECT_NE(twice.body.find("href=\"#f-code\""), std::string::npos) << "shown on the form, at the code";
  auto turnout = w_.commands().TurnoutOf(w_.edition());
  ASSERT_TRUE(turnout.has_value());
  EXPECT_EQ(turnout->used_on_paper, 1);
  EXPECT_EQ(turnout->ballots, 1);
}

TEST_F(OfficialPagesTest, APaperBallotWithoutCodeOrOverBudgetIsRefusedOnTheForm) {
  auto no_code = Post(&OfficialPages::EnterPaper, {{"code", ""}, {"plan", w_.Id(0)}});
  EXPECT_EQ(no_code.status, 422);
  EXPECT_NE(no_code.body.find("Vul uw stemcode in."), std::string::npos);
  auto over = Post(&OfficialPages::EnterPaper,
                   {{"code", codes_[1]}, {"plan", w_.Id(1)}, {"plan", w_.Id(2)}, {"plan", w_.Id(0)}});
  EXPECT_EQ(over.status, 422);
  EXPECT_NE(over.body.find("meer dan het budget"), std::string::npos) << over.body;
  EXPECT_NE(over.body.find("value=\"" + codes_[1] + "\""), std::string::npos) << "what was typed stays";
  EXPECT_EQ(w_.commands().TurnoutOf(w_.edition())->ballots, 0);
}

TEST_F(OfficialPagesTest, OthersMayNotEnterPaperBallotsOrCount) {
  for (const auth::User& u : {CodesWorld::kOtherLiaison, CodesWorld::kResident}) {
    w_.harness().SignInAs(u);
    EXPECT_EQ(Get(&OfficialPages::ShowPaper).status, 403) << u.email;
    EXPECT_EQ(Post(&OfficialPages::EnterPaper, {{"code", codes_[2]}, {"plan", w_.Id(0)}}).status, 403) << u.email;
    EXPECT_EQ(Get(&OfficialPages::ShowCount).status, 403) << u.email;
    EXPECT_EQ(Post(&OfficialPages::Count, {}).status, 403) << u.email;
  }
  EXPECT_EQ(w_.commands().TurnoutOf(w_.edition())->ballots, 0);
}

TEST_F(OfficialPagesTest, TheCountWaitsForTheCloseThenPublishes) {
  auto early_page = Get(&OfficialPages::ShowCount);
  ASSERT_EQ(early_page.status, 200) << early_page.body;
  EXPECT_NE(early_page.body.find("Het stemmen loopt nog."), std::string::npos);
  EXPECT_EQ(early_page.body.find("Tellen en uitslag publiceren"), std::string::npos) << "no count button yet";
  EXPECT_EQ(Post(&OfficialPages::Count, {}).status, 409);
  ASSERT_EQ(Post(&OfficialPages::EnterPaper, {{"code", codes_[0]}, {"plan", w_.Id(0)}}).status, 303);
  CloseVoting();
  auto page = Get(&OfficialPages::ShowCount);
  EXPECT_NE(page.body.find("Tellen en uitslag publiceren"), std::string::npos);
  auto counted = Post(&OfficialPages::Count, {});
  EXPECT_EQ(counted.status, 303);
  EXPECT_EQ(counted.headers.Get("Location"), "/wijkbudget/stem-2026/uitslag");
  EXPECT_EQ(Post(&OfficialPages::Count, {}).status, 409) << "counted once";
  EXPECT_EQ(Post(&OfficialPages::EnterPaper, {{"code", codes_[1]}, {"plan", w_.Id(0)}}).status, 409)
      << "the count closes paper entry";
  EXPECT_NE(Get(&OfficialPages::ShowCount).body.find("href=\"/wijkbudget/stem-2026/uitslag\""), std::string::npos);
}

}  // namespace
}  // namespace wp::voting
