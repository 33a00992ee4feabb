// Journey with the real binary: a resident votes through the QR link of the
// demo edition; the server is killed with SIGKILL the moment it acknowledges
// the vote; after a restart the vote is still there. The access log never
// holds the code.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "core/db/database.h"
#include "process.h"
#include "testing/http_client.h"
#include "testing/temp_dir.h"
#include "voting_client.h"

namespace wp::testing {
namespace {

constexpr const char* kVote = "/wijkbudget/schalkwijk-aan-zet-2026/stemmen";

class VotingJourneyTest : public ::testing::Test {
 protected:
  std::map<std::string, std::string> Env() {
    return {{"WP_DATABASE_URL", "sqlite:" + dir_.File("db/wp.db")},
            {"WP_GEO_DIR", GeoDir().string()},
            {"WP_PASSWORD_MEMORY_KIB", "8"},
            {"WP_PASSWORD_OPS", "1"},
            {"WP_PORT", "0"},
            {"WP_VOTING_KEY_FILE", dir_.File("voting.key")},
            {"WP_PRINT_DIR", dir_.File("print")},
            {"WP_ACCESS_LOG", dir_.File("access.log")}};
  }
  TempDir dir_;
};

TEST_F(VotingJourneyTest, AcknowledgedVoteSurvivesKill9) {
  std::string code, plan;
  {
    ChildProcess server({BinaryPath(), "serve", "--json", "--demo"}, Env());
    uint16_t port = ServerPort(server);
    ASSERT_NE(port, 0) << "server did not report its port";
    std::vector<std::string> codes = VotingCodes(Env(), 1);
    ASSERT_EQ(codes.size(), 1u) << "codes import/generate made no code";
    code = codes[0];
    HttpClient c("127.0.0.1", port);
    auto qr = c.Get(std::string(kVote) + "?code=" + code);
    ASSERT_EQ(qr.status, 303);
    auto form = c.Get(kVote);
    ASSERT_EQ(form.status, 200) << form.body;
    ASSERT_EQ(InputValue(form.body, "code"), code);
    std::string csrf = InputValue(form.body, "_csrf");
    auto choose = c.PostForm(kVote, {{"_csrf", csrf}, {"code", code}});
    ASSERT_EQ(choose.status, 200) << choose.body;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(choose.body, m, std::regex("name=\"plan-([0-9]+)\"")));
    plan = m[1];
    auto sent = c.PostForm(std::string(kVote) + "/versturen", {{"_csrf", csrf}, {"code", code}, {"plan", plan}});
    ASSERT_EQ(sent.status, 303) << sent.body;
    // Acknowledged: pull the plug at once.
    server.Signal(SIGKILL);
    EXPECT_EQ(server.Wait(30000), 128 + SIGKILL);
  }
  {
    ChildProcess server({BinaryPath(), "serve", "--json"}, Env());
    uint16_t port = ServerPort(server);
    ASSERT_NE(port, 0);
    HttpClient c("127.0.0.1", port);
    std::string csrf = InputValue(c.Get(kVote).body, "_csrf");
    auto back = c.PostForm(kVote, {{"_csrf", csrf}, {"code", code}});
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_NE(back.body.find("U heeft al gestemd"), std::string::npos) << "the acknowledged vote was lost";
    // The choice is never shown again (issue #11 item 2); the ballot itself
    // is on disk, sealed until its batch is mixed, in the same transaction
    // that marked the code used.
    EXPECT_EQ(back.body.find("value=\"1\" checked"), std::string::npos);
    auto db = db::Open("sqlite:" + dir_.File("db/wp.db"));
    ASSERT_TRUE(db.has_value());
    auto stored = (*db)->Read([](db::Connection& conn) {
      return conn.QueryOne("SELECT COUNT(*) FROM voting_waiting");  // the demo's counted edition has none waiting
    });
    ASSERT_TRUE(stored.has_value()) << stored.error().detail;
    EXPECT_GE(stored->Int(0), 1) << "the acknowledged ballot was lost";
    server.Signal(SIGTERM);
    EXPECT_EQ(server.Wait(30000), 0);
  }
  std::ifstream log_file(dir_.File("access.log"));
  std::stringstream log;
  log << log_file.rdbuf();
  EXPECT_NE(log.str().find("\"path\":\"/wijkbudget/{slug}/stemmen\""), std::string::npos) << log.str();
  EXPECT_EQ(log.str().find(code), std::string::npos) << "the access log holds the code";
  EXPECT_EQ(log.str().find("?code"), std::string::npos);
}

}  // namespace
}  // namespace wp::testing
