#include "features/opinion/map/statement_stats.h"

#include <gtest/gtest.h>

namespace wp::opinion {
namespace {

// Values from the worked example of the notes (group A, statements S1, S3, S4).
TEST(StatementStatsTest, TestsMatchTheNotes) {
  EXPECT_NEAR(OneProportionZ(4, 4), 2.2361, 1e-4);
  EXPECT_NEAR(OneProportionZ(0, 3), -1.0, 1e-12);
  EXPECT_NEAR(OneProportionZ(3, 3), 2.0, 1e-12);
  EXPECT_NEAR(TwoProportionZ(4, 4, 0, 4), 2.5820, 1e-4);
  EXPECT_NEAR(TwoProportionZ(3, 3, 0, 4), 2.4000, 1e-4);
  EXPECT_EQ(TwoProportionZ(4, 4, 3, 3), 0);  // pooled share 1
  EXPECT_NEAR(TwoProportionZ(0, 4, 0, 3), -0.1793, 1e-4);
}

// Two groups of two; statement 0 splits them, statement 1 unites them,
// statement 2 was seen only by group A.
TEST(StatementStatsTest, CountsConsensusAndRepresentative) {
  auto votes = *BuildVoteMatrix({{"1", "0", 1},
                                 {"2", "0", 1},
                                 {"3", "0", -1},
                                 {"4", "0", -1},
                                 {"1", "1", 1},
                                 {"2", "1", 1},
                                 {"3", "1", 1},
                                 {"4", "1", 1},
                                 {"1", "2", 0},
                                 {"2", "2", 1},
                                 {"5", "0", 1}});
  Grouping g;
  g.group = {0, 0, 1, 1, -1};
  g.centre = {{1, 0}, {-1, 0}};
  g.size = {2, 2};
  MapStatements s = ComputeStatementStats(votes, g);
  EXPECT_EQ(s.statement[0].overall.agree, 3);  // participant 5 counts overall, not in a group
  EXPECT_EQ(s.statement[0].group[0].counts.agree, 2);
  EXPECT_EQ(s.statement[0].group[1].counts.disagree, 2);
  EXPECT_EQ(s.statement[2].group[0].counts.pass, 1);
  EXPECT_EQ(s.statement[2].group[1].counts.seen(), 0);
  EXPECT_NEAR(s.statement[0].group[0].agree.p, 0.75, 1e-12);
  EXPECT_NEAR(s.statement[1].consensus_agree, 0.75 * 0.75, 1e-12);
  ASSERT_EQ(s.consensus.size(), 1u);
  EXPECT_EQ(s.consensus[0].statement, 1);
  EXPECT_EQ(s.consensus[0].direction, Direction::kAgree);
  // Statement 0 sets both groups apart: 2 of 2 gives z = 2 sqrt(3) (1 - 1/2) = 1.73.
  ASSERT_EQ(s.representative[0].size(), 1u);
  EXPECT_EQ(s.representative[0][0].statement, 0);
  EXPECT_EQ(s.representative[0][0].direction, Direction::kAgree);
  ASSERT_EQ(s.representative[1].size(), 1u);
  EXPECT_EQ(s.representative[1][0].direction, Direction::kDisagree);
}

TEST(StatementStatsTest, NoGroupsNoConsensus) {
  auto votes = *BuildVoteMatrix({{"1", "a", 1}, {"2", "a", 1}});
  Grouping g;
  g.group = {-1, -1};
  MapStatements s = ComputeStatementStats(votes, g);
  EXPECT_TRUE(s.consensus.empty());
  EXPECT_TRUE(s.representative.empty());
  EXPECT_EQ(s.statement[0].overall.agree, 2);
}

}  // namespace
}  // namespace wp::opinion
