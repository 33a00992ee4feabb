#include "features/opinion/opinion_cli.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/strings.h"
#include "features/opinion/map/example_votes_test.h"
#include "testing/temp_dir.h"

namespace wp::opinion {
namespace {

struct CliRun {
  int code;
  std::string out, err;
};

CliRun MapCli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int code = RunOpinionMapCommand(args, out, err);
  return {code, out.str(), err.str()};
}

std::string VotesCsv() {
  std::string csv = "participant,statement,vote\n";
  for (const VoteRow& r : testdata::WorkedExample()) {
    csv += r.participant + "," + r.statement + "," + std::to_string(r.vote) + "\n";
  }
  return csv;
}

constexpr char kStatements[] =
    "statement,text\nS1,Fietsparkeren bij de winkels\nS2,Dorpsstraat autovrij\nS3,\"Gratis parkeren op het plein, "
    "houden\"\nS4,Meer bomen\nS5,Nieuwe supermarkt\nS6,Betere verlichting in het park\nS7,Een nieuw bankje\n";

struct Files {
  testing::TempDir dir;
  std::string votes = dir.File("votes.csv");
  std::string statements = dir.File("statements.csv");
  Files() {
    std::ofstream(votes) << VotesCsv();
    std::ofstream(statements) << kStatements;
  }
};

TEST(OpinionCliTest, HelpDocumentsEveryFlag) {
  CliRun r = MapCli({"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* flag : {"--votes", "--statements", "--seed", "--min-votes", "--json", "--help"}) {
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
  }
}

TEST(OpinionCliTest, UsageErrorsExitWithTwo) {
  const std::vector<std::vector<std::string>> cases = {{},
                                                       {"--bogus"},
                                                       {"--votes"},
                                                       {"--votes", "v.csv", "--seed", "-3"},
                                                       {"--votes", "v.csv", "--min-votes", "0"},
                                                       {"--votes", "v.csv", "extra"}};
  for (const auto& args : cases) {
    CliRun r = MapCli(args);
    EXPECT_EQ(r.code, 2) << (args.empty() ? "" : args.back());
    EXPECT_NE(r.err.find("wijkplatform"), std::string::npos);
  }
}

TEST(OpinionCliTest, TextSummaryOfTheWorkedExample) {
  Files f;
  CliRun r = MapCli({"--votes", f.votes, "--statements", f.statements});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("8 participants, 7 statements (6 with votes), 43 votes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Groups: 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  A  4 participants"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("agree  S4 \"Meer bomen\"  (A 100% B 100%)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Group B:"), std::string::npos) << r.out;
}

TEST(OpinionCliTest, JsonIsCompleteAndByteIdenticalOnRerun) {
  Files f;
  std::vector<std::string> args = {"--votes", f.votes, "--statements", f.statements, "--seed", "7", "--json"};
  CliRun first = MapCli(args), second = MapCli(args);
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_EQ(first.out, second.out);
  auto j = nlohmann::json::parse(first.out);
  EXPECT_EQ(j["inputs"]["votes_sha256"], Sha256Hex(VotesCsv()));
  EXPECT_EQ(j["settings"]["seed"], 7);
  EXPECT_EQ(j["settings"]["vote_threshold"], 6);
  EXPECT_EQ(j["k"], 2);
  EXPECT_EQ(j["participants"].size(), 8u);
  EXPECT_EQ(j["participants"][0]["id"], "P1");
  EXPECT_TRUE(j["participants"][0]["group"].is_string());
  EXPECT_EQ(j["statements"].size(), 7u);
  EXPECT_EQ(j["statements"][6]["agree"], 0);  // S7: nobody voted
  EXPECT_EQ(j["consensus"][0]["statement"], "S4");
  EXPECT_EQ(j["representative"]["A"].size(), 3u);
  EXPECT_TRUE(j["projection"]["converged"]);
}

TEST(OpinionCliTest, BadFilesExitWithOne) {
  Files f;
  std::ofstream(f.dir.File("dup.csv")) << "participant,statement,vote\n1,S1,1\n1,S1,-1\n";
  std::ofstream(f.dir.File("short.csv")) << "statement,text\nS1,only one\n";
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"--votes", f.dir.File("missing.csv")}, "cannot read"},
      {{"--votes", f.dir.File("dup.csv")}, "voted twice"},
      {{"--votes", f.votes, "--statements", f.dir.File("short.csv")}, "has votes but is not in"},
  };
  for (const Case& c : cases) {
    CliRun r = MapCli(c.args);
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
  }
  CliRun r = MapCli({"--votes", f.dir.File("dup.csv"), "--json"});
  EXPECT_EQ(nlohmann::json::parse(r.out)["ok"], false);
}

}  // namespace
}  // namespace wp::opinion
