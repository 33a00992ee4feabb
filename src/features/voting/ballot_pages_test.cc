// Unit tests of the resident's voting steps, handlers called directly.
#include "features/voting/ballot_pages.h"

#include <gtest/gtest.h>

#include "features/codes/code_format.h"
#include "features/voting/pages_fixture_test.h"

namespace wp::voting {
namespace {

using Params = wp::testing::PageHarness::Params;

class BallotPagesTest : public ::testing::Test {
 protected:
  BallotPagesTest() { code_ = w_.codes().IssueCodes(w_.edition(), 1).front(); }
  http::Response Post(Result<http::Response> (BallotPages::*fn)(web::Context&), Params fields) {
    return w_.harness().Post(w_.Ballot(fn), w_.edition().slug, std::move(fields), w_.Slug());
  }
  // A well-formed code (right check character) that was never issued.
  static std::string Unissued() {
    SeededRandom r(7);
    return codes::GenerateCode(r);
  }

  VotingPagesWorld w_;
  std::string code_;
};

TEST_F(BallotPagesTest, ACodeLeadsThroughChoiceAndReviewToTheReceipt) {
  auto choose = Post(&BallotPages::Choose, {{"code", code_}});
  ASSERT_EQ(choose.status, 200) << choose.body;
  EXPECT_NE(choose.body.find("Plan 3"), std::string::npos);
  EXPECT_EQ(choose.headers.Get("Referrer-Policy"), "no-referrer") << "the page carries the code";
  auto review = Post(&BallotPages::Review, {{"code", code_}, {"plan", w_.Id(0)}, {"plan", w_.Id(1)}});
  ASSERT_EQ(review.status, 200) << review.body;
  EXPECT_NE(review.body.find("30.000"), std::string::npos) << "the total of both plans";
  auto cast = Post(&BallotPages::Submit, {{"code", code_}, {"plan", w_.Id(0)}});
  ASSERT_EQ(cast.status, 303) << cast.body;
  EXPECT_EQ(cast.headers.Get("Location"), "/wijkbudget/stem-2026/stemmen/ontvangen");
  auto changed = Post(&BallotPages::Submit, {{"code", code_}, {"plan", w_.Id(1)}});
  EXPECT_EQ(changed.headers.Get("Location"), "/wijkbudget/stem-2026/stemmen/ontvangen?gewijzigd=1");
  auto receipt = w_.harness().Get(w_.Ballot(&BallotPages::Receipt), "/r?gewijzigd=1", w_.Slug());
  EXPECT_EQ(receipt.status, 200);
  auto again = Post(&BallotPages::Choose, {{"code", code_}});
  // Issue #11 item 2: a vote exists, what it was is never shown.
  EXPECT_NE(again.body.find("U heeft al gestemd"), std::string::npos);
  EXPECT_EQ(again.body.find("value=\"1\" checked"), std::string::npos) << "the stored ballot is not read back";
}

TEST_F(BallotPagesTest, RefusedCodesShowTheCodeFormAgainWithTheReason) {
  auto missing = Post(&BallotPages::Choose, {{"code", ""}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("Vul uw stemcode in."), std::string::npos);
  EXPECT_NE(missing.body.find("href=\"#f-code\""), std::string::npos) << "the error summary links to the field";
  auto unknown = Post(&BallotPages::Choose, {{"code", Unissued()}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("Deze code kennen wij niet"), std::string::npos);
  EXPECT_NE(unknown.body.find("value=\"" + Unissued() + "\""), std::string::npos) << "a typing error stays to mend";
  auto malformed = Post(&BallotPages::Submit, {{"code", "ABC"}, {"plan", w_.Id(0)}});
  EXPECT_EQ(malformed.status, 422);
  EXPECT_NE(malformed.body.find("Kijk goed of u een teken verkeerd heeft getypt"), std::string::npos);
  EXPECT_NE(w_.log().find("voting.code_refused"), std::string::npos) << "failed checks are logged";
}

TEST_F(BallotPagesTest, ABallotOverBudgetShowsThePlansAgainWithTheAmounts) {
  Params all = {{"code", code_}, {"plan", w_.Id(0)}, {"plan", w_.Id(1)}, {"plan", w_.Id(2)}};
  auto over = Post(&BallotPages::Submit, all);
  EXPECT_EQ(over.status, 422);
  EXPECT_NE(over.body.find("Uw plannen kosten samen €\u00a060.000. Dat is meer dan het budget van €\u00a050.000."),
            std::string::npos)
      << over.body;
  EXPECT_NE(over.body.find("name=\"plan-" + w_.Id(2) + "\" value=\"1\" checked"), std::string::npos)
      << "the choice stays";
  EXPECT_EQ(Post(&BallotPages::Review, all).status, 422);
  all.push_back({"step", "choose"});
  auto recalculated = Post(&BallotPages::Choose, all);
  EXPECT_EQ(recalculated.status, 200) << "recalculating is no failed form";
  EXPECT_NE(recalculated.body.find("meer dan het budget"), std::string::npos);
  auto again = Post(&BallotPages::Choose, {{"code", code_}});
  EXPECT_EQ(again.body.find("value=\"1\" checked"), std::string::npos) << "nothing was stored";
}

TEST_F(BallotPagesTest, TheQrLinkMovesTheCodeIntoACookieAndOutOfTheAddress) {
  auto link =
      w_.harness().Get(w_.Ballot(&BallotPages::Start), "/wijkbudget/stem-2026/stemmen?code=" + code_, w_.Slug());
  EXPECT_EQ(link.status, 303);
  EXPECT_EQ(link.headers.Get("Location"), "/wijkbudget/stem-2026/stemmen");
  EXPECT_NE(link.headers.Get("Set-Cookie").find("wp_stemcode=" + code_), std::string::npos);
  auto form = w_.harness().Get(w_.Ballot(&BallotPages::Start), "/wijkbudget/stem-2026/stemmen", w_.Slug());
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("id=\"f-code\""), std::string::npos);
}

TEST_F(BallotPagesTest, AfterVotingClosesThePagesAnswerConflictAndUnknownEditionsNotFound) {
  w_.harness().clock().Advance(std::chrono::hours(24 * 30));
  auto closed = w_.harness().Get(w_.Ballot(&BallotPages::Start), "/x", w_.Slug());
  EXPECT_EQ(closed.status, 409);
  EXPECT_NE(closed.body.find("Het stemmen is gesloten."), std::string::npos);
  EXPECT_EQ(Post(&BallotPages::Submit, {{"code", code_}, {"plan", w_.Id(0)}}).status, 409);
  EXPECT_EQ(w_.harness().Get(w_.Ballot(&BallotPages::Start), "/x", {{"slug", "bestaat-niet"}}).status, 404);
}

}  // namespace
}  // namespace wp::voting
