#include "features/budgets/counting/count_cli.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "testing/temp_dir.h"

namespace wp::budgets::counting {
namespace {

struct CliRun {
  int code;
  std::string out, err;
};

CliRun Count(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int code = RunCountCommand(args, out, err);
  return CliRun{code, out.str(), err.str()};
}

std::string WriteFile(const wp::testing::TempDir& dir, const std::string& name, const std::string& text) {
  std::string path = dir.File(name);
  std::ofstream(path) << text;
  return path;
}

constexpr const char* kVote =
    "META\nkey;value\nbudget;100\nvote_type;approval\nmax_sum_cost;100\n"
    "PROJECTS\nproject_id;cost;name\na;60;Playground\nb;50;Benches\nc;40;Trees\n"
    "VOTES\nvoter_id;vote\n1;a,c\n2;a,b\n3;a\n4;b,c\n";

TEST(CountCommandTest, HelpListsRulesAndCompletions) {
  CliRun r = Count({"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* word : {"greedy-cost", "greedy-card", "greedy-points", "mes-cost", "mes-card", "phragmen",
                           "max-welfare", "add1", "add1-integral", "add1-integral-exhaustive", "add1-greedy",
                           "add1u", "--json"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  }
}

TEST(CountCommandTest, UsageErrorsExitTwo) {
  wp::testing::TempDir dir;
  std::string file = WriteFile(dir, "v.pb", kVote);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {}, {file}, {file, "--rule", "dictator"}, {file, "--rule"}, {file, "--rule", "mes-cost", "--completion", "x"},
           {file, "--rule", "greedy-cost", "--completion", "add1"}, {file, "--rule", "mes-cost", "--frobnicate"},
           {file, "--rule", "mes-cost", "--tie-break", "coin"}, {file, file, "--rule", "mes-cost"}}) {
    CliRun r = Count(args);
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("count: "), std::string::npos);
  }
}

TEST(CountCommandTest, BadInputFileExitsOneWithFileAndLine) {
  wp::testing::TempDir dir;
  CliRun missing = Count({dir.File("none.pb"), "--rule", "greedy"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos) << missing.err;
  std::string bad = kVote;
  bad.replace(bad.find("b;50"), 4, "b;fifty");
  CliRun malformed = Count({WriteFile(dir, "bad.pb", bad), "--rule", "greedy"});
  EXPECT_EQ(malformed.code, 1);
  EXPECT_NE(malformed.err.find("bad.pb:9: cost 'fifty' is not an amount"), std::string::npos) << malformed.err;
}

TEST(CountCommandTest, RuleNeedsApprovalBallots) {
  wp::testing::TempDir dir;
  std::string ordinal = kVote;
  ordinal.replace(ordinal.find("approval"), 8, "ordinal");
  CliRun r = Count({WriteFile(dir, "o.pb", ordinal), "--rule", "mes-cost"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("needs approval ballots"), std::string::npos) << r.err;
  EXPECT_EQ(Count({dir.File("o.pb"), "--rule", "greedy-points"}).code, 0);
}

TEST(CountCommandTest, CountsAndExplainsAsTextAndJson) {
  wp::testing::TempDir dir;
  std::string file = WriteFile(dir, "v.pb", kVote);
  CliRun text = Count({file, "--rule", "mes-cost", "--completion", "add1"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("1. a \"Playground\""), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Method of Equal Shares rounds"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Share of the euros"), std::string::npos) << text.out;  // knapsack ballots

  CliRun json = Count({file, "--rule", "greedy", "--json"});
  ASSERT_EQ(json.code, 0) << json.err;
  nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["rule"], "greedy-cost");
  EXPECT_EQ(j["selected"], nlohmann::json::array({"a", "c"}));
  EXPECT_EQ(j["total_cost"], "100");
  EXPECT_EQ(j["leftover"], "0");
  EXPECT_EQ(j["euro_shares"].size(), 3u);
}

TEST(CountCommandTest, EveryRuleAndCompletionRuns) {
  wp::testing::TempDir dir;
  std::string file = WriteFile(dir, "v.pb", kVote);
  for (const char* rule : {"greedy-cost", "greedy-card", "greedy-points", "phragmen", "max-welfare"}) {
    EXPECT_EQ(Count({file, "--rule", rule}).code, 0) << rule;
  }
  for (const char* c : {"none", "add1", "add1-integral", "add1-integral-exhaustive", "greedy", "add1-greedy",
                        "add1u"}) {
    EXPECT_EQ(Count({file, "--rule", "mes-card", "--completion", c, "--exact"}).code, 0) << c;
  }
}

TEST(CountCommandTest, CountsARealFile) {
  std::string file = (wp::testing::TestDataDir("budgets/counting") / "Poland_Swiecie_2023.pb").string();
  CliRun r = Count({file, "--rule", "mes-cost", "--completion", "add1-integral", "--json"});
  ASSERT_EQ(r.code, 0) << r.err << " (is WP_SOURCE_DIR set?)";
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["total_cost"], "1040337");  // the official result of Swiecie 2023
}

}  // namespace
}  // namespace wp::budgets::counting
