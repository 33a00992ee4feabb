#include "features/opinion/map/vote_matrix.h"

#include <gtest/gtest.h>

namespace wp::opinion {
namespace {

TEST(VoteMatrixTest, BuildsRowsInNaturalIdOrder) {
  auto m = BuildVoteMatrix({{"10", "b", 1}, {"2", "a", -1}, {"2", "b", 0}, {"x", "a", 1}});
  ASSERT_TRUE(m.has_value()) << m.error().detail;
  EXPECT_EQ(m->participants, (std::vector<std::string>{"2", "10", "x"}));
  EXPECT_EQ(m->statements, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(m->row_start, (std::vector<int64_t>{0, 2, 3, 4}));
  EXPECT_EQ(m->column, (std::vector<int32_t>{0, 1, 1, 0}));
  EXPECT_EQ(m->value, (std::vector<int8_t>{-1, 0, 1, 1}));
  EXPECT_EQ(m->VotesOf(0), 2);
  EXPECT_EQ(m->Votes(), 4);
}

TEST(VoteMatrixTest, NaturalOrderComparesNumbersByValue) {
  EXPECT_TRUE(NaturalLess("9", "10"));
  EXPECT_TRUE(NaturalLess("007", "8"));
  EXPECT_TRUE(NaturalLess("99", "a"));
  EXPECT_FALSE(NaturalLess("10", "10"));
  EXPECT_TRUE(NaturalLess("p10", "p9"));  // text compares as bytes
}

TEST(VoteMatrixTest, StatementsWithoutVotesAreColumnsButNotCountedInM) {
  auto m = BuildVoteMatrix({{"1", "s1", 1}}, {"s2", "s1"});
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->Statements(), 2);
  EXPECT_EQ(m->StatementsVoted(), 1);
}

TEST(VoteMatrixTest, RejectsBadInput) {
  struct Case {
    std::vector<VoteRow> rows;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{}, "empty"},
      {{{"1", "s1", 2}}, "must be 1 (agree), -1 (disagree) or 0 (pass), got 2"},
      {{{"", "s1", 1}}, "participant id is empty"},
      {{{"1", "", 1}}, "statement id is empty"},
      {{{"1", "s1", 1}, {"2", "s1", 1}, {"1", "s1", -1}}, "participant \"1\" voted twice on statement \"s1\""},
  };
  for (const Case& c : cases) {
    auto m = BuildVoteMatrix(c.rows);
    ASSERT_FALSE(m.has_value()) << c.says;
    EXPECT_EQ(m.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(m.error().detail.find(c.says), std::string::npos) << m.error().detail;
  }
}

}  // namespace
}  // namespace wp::opinion
