#include "features/budgets/counting/pabulib.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "testing/temp_dir.h"

namespace wp::budgets::counting {
namespace {

constexpr const char* kSmall =
    "META\n"
    "key;value\n"
    "description;Test\n"
    "num_projects;3\n"
    "num_votes;3\n"
    "budget;1000.50\n"
    "vote_type;approval\n"
    "PROJECTS\n"
    "project_id;cost;name;category;target;selected\n"
    "p1;500;\"Bench; with \"\"quotes\"\"\";green,streets;kids;1\n"
    "p2;400.25;Trees;None;None;0\n"
    "c12;100;Swings;;;None\n"
    "VOTES\n"
    "voter_id;vote;age\n"
    "v1;p1,p2,p1;34\n"
    "v2;;None\n"
    "v3;c12;71\n";

TEST(ParseAmountTest, ExactCents) {
  EXPECT_EQ(ParseAmount("250000"), 25000000);
  EXPECT_EQ(ParseAmount("804828.79"), 80482879);
  EXPECT_EQ(ParseAmount("400000.0"), 40000000);
  EXPECT_EQ(ParseAmount("12,5"), 1250);
  EXPECT_EQ(ParseAmount(" 7.500 "), 750);
  EXPECT_EQ(ParseAmount("1.005"), std::nullopt);
  EXPECT_EQ(ParseAmount("-5"), std::nullopt);
  EXPECT_EQ(ParseAmount("1e5"), std::nullopt);
  EXPECT_EQ(ParseAmount("5."), std::nullopt);
  EXPECT_EQ(FormatAmount(80482879), "804828.79");
  EXPECT_EQ(FormatAmount(1250), "12.5");
  EXPECT_EQ(FormatAmount(25000000), "250000");
}

TEST(PabulibParseTest, ReadsFieldsQuotesListsAndNone) {
  auto inst = ParsePabulib(kSmall, "small.pb");
  ASSERT_TRUE(inst.has_value()) << inst.error().detail;
  EXPECT_EQ(inst->budget_cents, 100050);
  EXPECT_EQ(inst->vote_type, VoteType::kApproval);
  ASSERT_EQ(inst->projects.size(), 3u);
  EXPECT_EQ(inst->projects[0].name, "Bench; with \"quotes\"");
  EXPECT_EQ(inst->projects[0].categories, (std::vector<std::string>{"green", "streets"}));
  EXPECT_EQ(inst->projects[0].targets, (std::vector<std::string>{"kids"}));
  EXPECT_EQ(inst->projects[0].selected, 1);
  EXPECT_EQ(inst->projects[1].cost_cents, 40025);
  EXPECT_TRUE(inst->projects[1].categories.empty());
  EXPECT_EQ(inst->projects[2].id, "c12");
  EXPECT_FALSE(inst->projects[2].selected.has_value());
  ASSERT_EQ(inst->votes.size(), 3u);
  EXPECT_EQ(inst->votes[0].projects, (std::vector<std::string>{"p1", "p2"}));  // duplicate removed
  EXPECT_TRUE(inst->votes[1].projects.empty());                                 // blank ballot
  EXPECT_EQ(inst->votes[0].other.at("age"), "34");
  EXPECT_FALSE(inst->votes[1].other.count("age"));
}

TEST(PabulibParseTest, AcceptsBomCrlfBlankLinesSpacesAndLowercaseTitles) {
  std::string text = std::string("\xEF\xBB\xBF") + kSmall;
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += "\r\n\r\n";
    else crlf += c;
  }
  size_t pos = crlf.find("description;Test");
  crlf.replace(pos, 16, "description ;  Test ");
  pos = crlf.find("PROJECTS");
  crlf.replace(pos, 8, "projects");
  auto a = ParsePabulib(crlf, "crlf.pb");
  auto b = ParsePabulib(kSmall, "lf.pb");
  ASSERT_TRUE(a.has_value()) << a.error().detail;
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(*a, *b);
}

TEST(PabulibParseTest, QuotedFieldMayHoldNewline) {
  std::string text = kSmall;
  text.replace(text.find("Trees"), 5, "\"Two\nlines\"");
  auto inst = ParsePabulib(text, "nl.pb");
  ASSERT_TRUE(inst.has_value()) << inst.error().detail;
  EXPECT_EQ(inst->projects[1].name, "Two\nlines");
}

struct BadCase {
  std::string from, to, message;
};

TEST(PabulibParseTest, MalformedInputNamesFileLineAndReason) {
  const std::vector<BadCase> cases = {
      {"budget;1000.50", "budget;lots", "small.pb:6: budget 'lots' is not an amount"},
      {"budget;1000.50\n", "", "small.pb:6: META has no budget"},
      {"vote_type;approval", "vote_type;veto", "unknown vote_type 'veto'"},
      {"p2;400.25;", "p2;-4;", "small.pb:11: cost '-4' is not an amount"},
      {"c12;100;Swings;;;None", "p1;100;Swings;;;None", "small.pb:12: duplicate project_id 'p1'"},
      {"c12;100;Swings;;;None", "c12;100;Swings;;None", "small.pb:12: expected 6 fields, got 5"},
      {"v3;c12;71", "v3;c99;71", "small.pb:17: vote names unknown project 'c99'"},
      {"v3;c12;71", "v1;c12;71", "small.pb:17: duplicate voter_id 'v1'"},
      {"num_votes;3", "num_votes;4", "small.pb:5: num_votes is 4 but the file has 3"},
      {"project_id;cost", "id;cost", "small.pb:9: PROJECTS has no project_id column"},
      {"VOTES\n", "", "small.pb:13: expected 6 fields, got 3"},  // the VOTES header read as a project
      {"VOTES\nvoter_id;vote;age\nv1;p1,p2,p1;34\nv2;;None\nv3;c12;71\n", "", "missing section VOTES"},
      {"\"Bench; with \"\"quotes\"\"\"", "\"Bench", "small.pb:10: unterminated quoted field"},
      {"\"Bench; with \"\"quotes\"\"\"", "\"Bench\" x", "small.pb:10: unexpected text after a closing quote"},
      {"META\n", "", "small.pb:1: expected section META, found 'key'"},
      {"selected\n", "selected\n", ""},  // sanity: unchanged text parses
  };
  for (const BadCase& c : cases) {
    std::string text = kSmall;
    size_t pos = text.find(c.from);
    ASSERT_NE(pos, std::string::npos) << c.from;
    text.replace(pos, c.from.size(), c.to);
    auto inst = ParsePabulib(text, "small.pb");
    if (c.message.empty()) {
      EXPECT_TRUE(inst.has_value());
      continue;
    }
    ASSERT_FALSE(inst.has_value()) << c.from << " -> " << c.to;
    EXPECT_EQ(inst.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(inst.error().detail.find(c.message), std::string::npos) << inst.error().detail;
  }
}

TEST(PabulibParseTest, ChecksBallotsAgainstVoteType) {
  std::string text = kSmall;
  text.replace(text.find("vote_type;approval"), 18, "vote_type;choose-1");
  auto inst = ParsePabulib(text, "c1.pb");
  ASSERT_FALSE(inst.has_value());
  EXPECT_NE(inst.error().detail.find("c1.pb:15: a choose-1 ballot names more than one project"), std::string::npos)
      << inst.error().detail;

  text = kSmall;
  text.replace(text.find("vote_type;approval"), 18, "vote_type;cumulative");
  inst = ParsePabulib(text, "cu.pb");
  ASSERT_FALSE(inst.has_value());
  EXPECT_NE(inst.error().detail.find("no points column"), std::string::npos);
}

// Writes `first` and reads it back: the same instance, and writing that
// gives the same text again.
void ExpectSameAfterWriting(const PbInstance& first) {
  const std::string written = WritePabulib(first);
  auto second = ParsePabulib(written, "written.pb");
  ASSERT_TRUE(second.has_value()) << second.error().detail << "\n" << written;
  EXPECT_EQ(first, *second);
  EXPECT_EQ(WritePabulib(*second), written);
}

TEST(PabulibRoundTripTest, SmallInstance) {
  auto first = ParsePabulib(kSmall, "small.pb");
  ASSERT_TRUE(first.has_value());
  ExpectSameAfterWriting(*first);
}

TEST(PabulibRoundTripTest, CumulativeBallotsKeepPoints) {
  const char* text =
      "META\nkey;value\nbudget;10\nvote_type;cumulative\nmax_sum_points;10\n"
      "PROJECTS\nproject_id;cost\na;5\nb;5\n"
      "VOTES\nvoter_id;vote;points\n1;a,b;7,3\n2;b;10\n";
  auto first = ParsePabulib(text, "cum.pb");
  ASSERT_TRUE(first.has_value()) << first.error().detail;
  EXPECT_EQ(first->votes[0].points, (std::vector<int64_t>{7, 3}));
  ExpectSameAfterWriting(*first);
}

// The round trip of fuzz/pabulib_fuzz.cc: the reader trims every white-space
// character (std::isspace) around an unquoted field, but the writer quoted
// only fields with a space or tab at an edge, so a vertical tab or form feed
// there was lost on the way back.
TEST(PabulibRoundTripTest, Issue20_EdgeWhiteSpaceOtherThanSpaceIsQuoted) {
  const char* text =
      "META\nkey;value\nbudget;10\nvote_type;approval\nnote;\"x\v\"\n"
      "PROJECTS\nproject_id;cost;name\na;5;\"\fSwings\"\n"
      "VOTES\nvoter_id;vote;age\n1;a;\"\r\"\n";
  auto first = ParsePabulib(text, "ws.pb");
  ASSERT_TRUE(first.has_value()) << first.error().detail;
  EXPECT_EQ(first->Meta("note"), "x\v");
  EXPECT_EQ(first->projects[0].name, "\fSwings");
  ExpectSameAfterWriting(*first);
}

// Found by the fuzz smoke in CI: a quoted field held a lone CR before a
// CRLF. The reader stored CRLF as LF but kept the lone CR, so "x\r\r\n"
// became "x\r\n", which the writer wrote back and the reader read as "x\n".
// Every line break inside quotes (CR, LF, CRLF) is now stored as LF.
TEST(PabulibRoundTripTest, LoneCarriageReturnBeforeCrlfInQuotes) {
  const char* text =
      "META\rkey;value\rbudget;10\rvote_type;approval\n"
      "PROJECTS\rproject_id;cost;name\na;5;\"x\r\r\ny\rz\"\n"
      "VOTES\nvoter_id;vote\n1;a\n";
  auto first = ParsePabulib(text, "cr.pb");
  ASSERT_TRUE(first.has_value()) << first.error().detail;
  EXPECT_EQ(first->projects[0].name, "x\n\ny\nz");
  ExpectSameAfterWriting(*first);
}

TEST(PabulibRoundTripTest, EveryRealFile) {
  namespace fs = std::filesystem;
  fs::path dir = wp::testing::TestDataDir("budgets/counting");
  ASSERT_TRUE(fs::is_directory(dir)) << dir << " is missing: set WP_SOURCE_DIR to the source folder (ctest does)";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".pb") continue;
    SCOPED_TRACE(entry.path().string());
    auto first = ReadPabulibFile(entry.path().string());
    ASSERT_TRUE(first.has_value()) << first.error().detail;
    auto second = ParsePabulib(WritePabulib(*first), "written.pb");
    ASSERT_TRUE(second.has_value()) << second.error().detail;
    EXPECT_EQ(*first, *second);
    ++files;
  }
  EXPECT_EQ(files, 24);
}

TEST(PabulibReadTest, MissingFileIsNotFound) {
  wp::testing::TempDir dir;
  auto inst = ReadPabulibFile(dir.File("nope.pb"));
  ASSERT_FALSE(inst.has_value());
  EXPECT_EQ(inst.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace wp::budgets::counting
