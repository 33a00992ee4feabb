#include "features/opinion/votes_csv.h"

#include <gtest/gtest.h>

namespace wp::opinion {
namespace {

TEST(VotesCsvTest, ReadsVotesWithBomCrlfAndExtraColumns) {
  auto rows =
      ParseVotesCsv("\xEF\xBB\xBFParticipant,Statement,Vote,created\r\n1,s1,+1,x\r\n\r\n2,s1,-1,y\r\n2,s2,0,z\r\n");
  ASSERT_TRUE(rows.has_value()) << rows.error().detail;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].participant, "1");
  EXPECT_EQ((*rows)[0].vote, kAgree);
  EXPECT_EQ((*rows)[1].vote, kDisagree);
  EXPECT_EQ((*rows)[2].vote, kPass);
}

TEST(VotesCsvTest, KeepsAnEmptyLastFieldAtTheEndOfTheText) {
  auto rows = ParseCsv("a,b\nc,");
  ASSERT_TRUE(rows.has_value());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].fields, (std::vector<std::string>{"c", ""}));
  EXPECT_EQ((*rows)[1].line, 2);
}

TEST(VotesCsvTest, ReadsQuotedStatementTexts) {
  auto s =
      ParseStatementsCsv("statement,text\ns1,\"Meer bomen, minder stenen\"\ns2,\"Zeg \"\"nee\"\"\nop twee regels\"\n");
  ASSERT_TRUE(s.has_value()) << s.error().detail;
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].text, "Meer bomen, minder stenen");
  EXPECT_EQ((*s)[1].text, "Zeg \"nee\"\nop twee regels");
}

TEST(VotesCsvTest, ErrorsNameTheLine) {
  struct Case {
    std::string csv, says;
  };
  const std::vector<Case> cases = {
      {"", "empty"},
      {"who,what,vote\n1,s1,1\n", "line 1: expected the header participant,statement,vote"},
      {"participant,statement,vote\n", "only the header"},
      {"participant,statement,vote\n1,s1,1\n1,s2,yes\n", "line 3: the vote must be 1 (agree), -1 (disagree) or 0"},
      {"participant,statement,vote\n1,s1\n", "line 2: expected participant,statement,vote"},
      {"participant,statement,vote\n1,\"s1,1\n", "quoted field is not closed"},
      {"participant,statement,vote\n,s1,1\n", "must not be empty"},
  };
  for (const Case& c : cases) {
    auto rows = ParseVotesCsv(c.csv);
    ASSERT_FALSE(rows.has_value()) << c.csv;
    EXPECT_NE(rows.error().detail.find(c.says), std::string::npos) << rows.error().detail;
  }
  auto s = ParseStatementsCsv("statement,text\ns1,a\ns1,b\n");
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().detail.find("line 3: statement 's1' is listed twice"), std::string::npos);
  // Line numbers count blank lines and lines inside quoted fields.
  s = ParseStatementsCsv("statement,text\n\ns1,\"two\nlines\"\ns1,b\n");
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().detail.find("line 5:"), std::string::npos) << s.error().detail;
}

}  // namespace
}  // namespace wp::opinion
