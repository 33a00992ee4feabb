#include "features/voting/tally.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "features/budgets/counting/count_cli.h"
#include "testing/temp_dir.h"

namespace wp::voting {
namespace {

TallyInput Sample(bool equal_shares) {
  TallyInput in;
  in.edition_slug = "schalkwijk-2026";
  in.edition_title = "Schalkwijk aan Zet 2026";
  in.rules.split_budget = true;
  in.rules.budget_cents = 70000'00;
  in.equal_shares = equal_shares;
  in.plans = {{11, "Speeltuin", 40000'00}, {12, "Bankjes; en bloemen", 20000'00}, {13, "Buurtfeest", 10000'00},
              {14, "Moestuin", 35000'00}};
  in.ballots = {{11, 12}, {11, 13}, {14, 13}, {14}, {11}, {12, 13}};
  return in;
}

TEST(Tally, PabulibHasOnlyRenumberedAnonymousBallots) {
  auto pb = BuildPabulib(Sample(false));
  ASSERT_EQ(pb.votes.size(), 6u);
  for (size_t i = 0; i < pb.votes.size(); ++i) {
    EXPECT_EQ(pb.votes[i].voter_id, std::to_string(i + 1));
    EXPECT_TRUE(pb.votes[i].other.empty());
  }
  EXPECT_EQ(pb.vote_columns, (std::vector<std::string>{"voter_id", "vote"}));
  EXPECT_EQ(pb.Meta("max_sum_cost"), "70000");
  EXPECT_EQ(pb.Meta("vote_type"), "approval");
  EXPECT_EQ(pb.votes[2].projects, (std::vector<std::string>{"14", "13"}));
}

TEST(Tally, GreedyCountsVotesAndEuros) {
  auto t = CountBallots(Sample(false));
  ASSERT_TRUE(t.has_value()) << t.error().detail;
  // Votes: 11 -> 3, 12 -> 2, 13 -> 3, 14 -> 2. Greedy by votes, cheaper first
  // on ties: 13 (10k), 11 (40k), then 12 (20k) fits (70k), 14 does not.
  EXPECT_EQ(t->selected, (std::vector<int64_t>{13, 11, 12}));
  EXPECT_EQ(t->total_cost_cents, 70000'00);
  EXPECT_EQ(t->leftover_cents, 0);
  ASSERT_EQ(t->plans.size(), 4u);
  EXPECT_EQ(t->plans[0].votes, 3);
  EXPECT_EQ(t->plans[0].euros_cents, 3 * 40000'00);
  EXPECT_FALSE(t->plans[3].selected);
  EXPECT_EQ(t->plans[3].verdict, "does_not_fit");
  EXPECT_EQ(t->ballots, 6);
}

// The download recounts to the same winners with the documented command.
TEST(Tally, CountCommandRecountsTheDownload) {
  for (bool mes : {false, true}) {
    auto t = CountBallots(Sample(mes));
    ASSERT_TRUE(t.has_value());
    testing::TempDir dir;
    std::string path = dir.File("stemmen.pb");
    { std::ofstream(path) << t->pabulib; }
    std::vector<std::string> args = {path};
    for (const auto& a : CountArguments(mes)) args.push_back(a);
    args.push_back("--json");
    std::ostringstream out, err;
    ASSERT_EQ(budgets::counting::RunCountCommand(args, out, err), 0) << err.str();
    auto report = nlohmann::json::parse(out.str());
    std::vector<int64_t> winners;
    for (const auto& w : report["selected"]) winners.push_back(std::stoll(w.get<std::string>()));
    EXPECT_EQ(winners, t->selected) << (mes ? "mes" : "greedy") << "\n" << out.str();
  }
}

}  // namespace
}  // namespace wp::voting
