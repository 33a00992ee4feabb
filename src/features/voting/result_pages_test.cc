// Unit tests of the results page and the Pabulib download, handlers called
// directly.
#include "features/voting/result_pages.h"

#include <gtest/gtest.h>

#include "features/voting/pages_fixture_test.h"

namespace wp::voting {
namespace {

using codes::CodesWorld;

class ResultPagesTest : public ::testing::Test {
 protected:
  http::Response Get(Result<http::Response> (ResultPages::*fn)(web::Context&)) {
    return w_.harness().Get(w_.Results(fn), "/wijkbudget/stem-2026/uitslag", w_.Slug());
  }
  // Two ballots for plan 1, one for plans 2 and 3; voting closes; counted.
  void VoteAndCount() {
    auto codes = w_.codes().IssueCodes(w_.edition(), 3);
    const std::vector<std::vector<int64_t>> ballots = {
        {w_.plans()[0].plan_id}, {w_.plans()[0].plan_id, w_.plans()[1].plan_id}, {w_.plans()[2].plan_id}};
    for (size_t i = 0; i < codes.size(); ++i) {
      ASSERT_TRUE(w_.commands().Cast(w_.edition(), codes[i], ballots[i], codes::Channel::kOnline, std::nullopt, "::1"));
    }
    w_.harness().clock().Advance(std::chrono::hours(24 * 30));
    auto counted = w_.commands().CountAndPublish(CodesWorld::kLiaison, w_.edition());
    ASSERT_TRUE(counted.has_value()) << counted.error().detail;
  }

  VotingPagesWorld w_;
};

TEST_F(ResultPagesTest, BeforeTheCountBothAnswerNotFound) {
  auto page = Get(&ResultPages::Show);
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("De stemmen zijn nog niet geteld."), std::string::npos);
  EXPECT_EQ(Get(&ResultPages::Download).status, 404);
  EXPECT_EQ(Get(&ResultPages::Report).status, 404);
}

TEST_F(ResultPagesTest, TheCountedResultShowsWinnersAndTheBallotsToRecount) {
  VoteAndCount();
  auto page = Get(&ResultPages::Show);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Plan 1: €\u00a010.000 (2 stemmen)"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("role=\"img\""), std::string::npos) << "the accessible chart";
  EXPECT_NE(page.body.find("scope=\"row\">Plan 1</th>"), std::string::npos) << "the table of all plans";
  EXPECT_NE(page.body.find("wijkplatform count stemmen.pb --rule greedy-cost"), std::string::npos);
  EXPECT_NE(page.body.find("aria-current=\"page\" href=\"/wijkbudget/stem-2026/uitslag\""), std::string::npos)
      << "the breadcrumb";
  auto download = Get(&ResultPages::Download);
  ASSERT_EQ(download.status, 200);
  EXPECT_NE(download.body.find("num_votes;3"), std::string::npos) << download.body;
  EXPECT_NE(download.headers.Get("Content-Disposition").find("stem-2026-stemmen.pb"), std::string::npos);
  EXPECT_NE(page.body.find("Hoe is er geteld?"), std::string::npos) << "the plain-language report";
  auto report = Get(&ResultPages::Report);
  ASSERT_EQ(report.status, 200);
  EXPECT_NE(report.body.find("Rule: greedy-cost"), std::string::npos) << report.body;
  EXPECT_NE(report.headers.Get("Content-Disposition").find("stem-2026-telverslag.txt"), std::string::npos);
}

}  // namespace
}  // namespace wp::voting
