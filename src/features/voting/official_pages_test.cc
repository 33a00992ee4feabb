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
  codes::FourEyes& FourEyes() { return w_.codes().commands().four_eyes(); }
  // Confirms the newest waiting act as `who`.
  http::Response ConfirmNewest(const auth::User& who) {
    auto pending = FourEyes().Pending(w_.edition());
    EXPECT_TRUE(pending.has_value() && !pending->empty());
    w_.harness().SignInAs(who);
    Params route = w_.Slug();
    route.push_back({"id", std::to_string(pending->back().id)});
    auto r = w_.harness().Post(w_.Official(&OfficialPages::Confirm), "/beheer", {}, route);
    w_.harness().SignInAs(CodesWorld::kLiaison);
    return r;
  }

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
  // Issue #11 item 4: it waits, sealed, for a second official.
  EXPECT_EQ(w_.commands().TurnoutOf(w_.edition())->ballots, 0);
  auto pending = FourEyes().Pending(w_.edition());
  ASSERT_TRUE(pending.has_value());
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ(pending->front().payload.find(codes_[0]), std::string::npos) << "sealed";
  EXPECT_EQ(ConfirmNewest(CodesWorld::kLiaison).status, 403) << "not by the one who asked";
  auto confirmed = ConfirmNewest(CodesWorld::kAdmin);
  EXPECT_EQ(confirmed.status, 303) << confirmed.body;
  EXPECT_EQ(confirmed.headers.Get("Location"), "/beheer/wijkbudget/stem-2026/telling");
  // Entered twice: refused when the second official confirms.
  ASSERT_EQ(Post(&OfficialPages::EnterPaper, {{"code", codes_[0]}, {"plan", w_.Id(1)}}).status, 303);
  auto twice = ConfirmNewest(CodesWorld::kAdmin);
  EXPECT_EQ(twice.status, 303);
  auto log = FourEyes().Log(w_.edition());
  ASSERT_TRUE(log.has_value());
  ASSERT_EQ(log->size(), 4u);
  EXPECT_EQ(log->back().event, "failed");
  auto turnout = w_.commands().TurnoutOf(w_.edition());
  ASSERT_TRUE(turnout.has_value());
  EXPECT_EQ(turnout->used_on_paper, 1);
  EXPECT_EQ(turnout->ballots, 1);
  auto page = Get(&OfficialPages::ShowCount);
  EXPECT_NE(page.body.find("Logboek"), std::string::npos);
  EXPECT_NE(page.body.find("bevestigd, maar niet gelukt"), std::string::npos) << page.body;
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
  ASSERT_EQ(ConfirmNewest(CodesWorld::kAdmin).status, 303);
  CloseVoting();
  auto page = Get(&OfficialPages::ShowCount);
  EXPECT_NE(page.body.find("Tellen en uitslag publiceren"), std::string::npos);
  auto asked = Post(&OfficialPages::Count, {});
  EXPECT_EQ(asked.status, 303);
  EXPECT_EQ(asked.headers.Get("Location"), "/beheer/wijkbudget/stem-2026/telling") << "a second official confirms";
  EXPECT_FALSE(w_.commands().FindResult(w_.edition().id)->has_value());
  auto counted = ConfirmNewest(CodesWorld::kAdmin);
  EXPECT_EQ(counted.status, 303);
  EXPECT_EQ(counted.headers.Get("Location"), "/wijkbudget/stem-2026/uitslag");
  EXPECT_EQ(Post(&OfficialPages::Count, {}).status, 409) << "counted once";
  EXPECT_EQ(Post(&OfficialPages::EnterPaper, {{"code", codes_[1]}, {"plan", w_.Id(0)}}).status, 409)
      << "the count closes paper entry";
  EXPECT_NE(Get(&OfficialPages::ShowCount).body.find("href=\"/wijkbudget/stem-2026/uitslag\""), std::string::npos);
}

}  // namespace
}  // namespace wp::voting
