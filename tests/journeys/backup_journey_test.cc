// Journey with the real binary: `wijkplatform backup` runs while residents
// vote (several at once), `wijkplatform restore` puts the backup and the
// voting key (backed up apart) into a fresh folder, and a server on the
// restored database knows every vote acknowledged before the backup began,
// holds one ballot per used code, and lets the remaining codes vote. (A code
// may vote again by design: the new ballot replaces the old one when mixed,
// docs/secret-ballot.md; every voter here votes once.)
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/db/database.h"
#include "process.h"
#include "testing/http_client.h"
#include "testing/temp_dir.h"
#include "testing/test_database.h"
#include "voting_client.h"

namespace wp::testing {
namespace {

class BackupJourneyTest : public ::testing::Test {
 protected:
  std::map<std::string, std::string> Env(const std::string& folder) {
    return {{"WP_DATABASE_URL", "sqlite:" + dir_.File(folder + "/db/wp.db")},
            {"WP_GEO_DIR", GeoDir().string()},
            {"WP_PASSWORD_MEMORY_KIB", "8"},
            {"WP_PASSWORD_OPS", "1"},
            {"WP_PORT", "0"},
            {"WP_VOTING_KEY_FILE", dir_.File(folder + "/keys/voting.key")},
            {"WP_PRINT_DIR", dir_.File(folder + "/print")},
            {"WP_VOTING_CODES_PER_ADDRESS", "1000"}};
  }
  TempDir dir_;
};

TEST_F(BackupJourneyTest, BackupDuringVotingRestoresEveryAcknowledgedVote) {
  std::vector<std::string> codes;
  std::set<std::string> before_backup;  // acknowledged before the backup began
  std::set<std::string> acknowledged;
  {
    ChildProcess server({BinaryPath(), "serve", "--json", "--demo"}, Env("site"));
    uint16_t port = ServerPort(server);
    ASSERT_NE(port, 0) << "server did not report its port";
    codes = VotingCodes(Env("site"), 30);
    ASSERT_GE(codes.size(), 12u) << "codes import/generate made too few codes";
    const size_t voters = codes.size() - 2;  // two stay unused for after the restore
    std::mutex mu;
    std::atomic<size_t> next{0};
    auto vote = [&] {
      for (size_t i; (i = next++) < voters;) {
        if (!CastVote(port, codes[i])) continue;
        std::lock_guard lock(mu);
        acknowledged.insert(codes[i]);
      }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) threads.emplace_back(vote);
    // Back up once a few votes are in, while the others keep voting.
    for (bool enough = false; !enough;) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      std::lock_guard lock(mu);
      enough = acknowledged.size() >= voters / 3 || next >= voters;
    }
    {
      std::lock_guard lock(mu);
      before_backup = acknowledged;
    }
    auto backup = RunProcess({BinaryPath(), "backup", "--to", dir_.File("backups/wp.db"), "--key-to",
                              dir_.File("key-safe/voting.key"), "--json"},
                             "", Env("site"));
    for (auto& t : threads) t.join();
    ASSERT_EQ(backup.exit_code, 0) << backup.out << backup.err;
    auto report = nlohmann::json::parse(backup.out);
    EXPECT_EQ(report["backend"], "sqlite");
    EXPECT_EQ(report["voting_key_file"], dir_.File("site/keys/voting.key"));
    EXPECT_GT(acknowledged.size(), before_backup.size()) << "no vote was cast during the backup";
    EXPECT_GE(before_backup.size(), 3u);
    server.Signal(SIGTERM);
    EXPECT_EQ(server.Wait(30000), 0);
  }
  // The key never shares the backup's file or folder.
  auto refused = RunProcess(
      {BinaryPath(), "backup", "--to", dir_.File("backups/again.db"), "--key-to", dir_.File("backups/voting.key")}, "",
      Env("site"));
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("apart"), std::string::npos) << refused.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.File("backups/voting.key")));

  auto restore = RunProcess({BinaryPath(), "restore", "--from", dir_.File("backups/wp.db"), "--key-from",
                             dir_.File("key-safe/voting.key"), "--json"},
                            "", Env("restored"));
  ASSERT_EQ(restore.exit_code, 0) << restore.out << restore.err;
  auto again = RunProcess({BinaryPath(), "restore", "--from", dir_.File("backups/wp.db")}, "", Env("restored"));
  EXPECT_EQ(again.exit_code, 1) << "restoring over a database";

  std::string restored_url = "sqlite:" + dir_.File("restored/db/wp.db");
  int64_t ballots = BallotCount(restored_url);
  EXPECT_EQ(ballots, UsedCodeCount(restored_url)) << "one ballot per used code";
  EXPECT_GE(ballots, static_cast<int64_t>(before_backup.size()));
  EXPECT_LE(ballots, static_cast<int64_t>(acknowledged.size())) << "a vote counted twice or never acknowledged";
  ChildProcess server({BinaryPath(), "serve", "--json"}, Env("restored"));
  uint16_t port = ServerPort(server);
  ASSERT_NE(port, 0) << "the restored site does not start";
  for (const auto& code : before_backup) EXPECT_TRUE(HasVoted(port, code)) << "an acknowledged vote was lost";
  HttpClient c("127.0.0.1", port);
  EXPECT_EQ(c.Get("/").status, 200);
  EXPECT_EQ(c.Get("/healthz").status, 200);
  EXPECT_TRUE(CastVote(port, codes.back())) << "an unused code votes on the restored site";
  EXPECT_TRUE(HasVoted(port, codes.back()));
  server.Signal(SIGTERM);
  EXPECT_EQ(server.Wait(30000), 0);
  EXPECT_EQ(BallotCount(restored_url), ballots + 1);
  EXPECT_EQ(UsedCodeCount(restored_url), ballots + 1);
}

TEST_F(BackupJourneyTest, CommandsExplainThemselvesAndRefuseMistakes) {
  for (const char* command : {"backup", "restore"}) {
    auto help = RunProcess({BinaryPath(), command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("voting key"), std::string::npos) << command << ": " << help.out;
  }
  auto no_file = RunProcess({BinaryPath(), "backup", "--json"}, "", Env("site"));
  EXPECT_EQ(no_file.exit_code, 1);
  EXPECT_NE(no_file.out.find("--to FILE"), std::string::npos) << no_file.out;
  auto no_backup = RunProcess({BinaryPath(), "restore", "--from", dir_.File("nothing.db")}, "", Env("site"));
  EXPECT_EQ(no_backup.exit_code, 1);
  EXPECT_NE(no_backup.err.find("no backup at"), std::string::npos) << no_backup.err;
  std::filesystem::create_directories(dir_.File("other"));
  std::ofstream(dir_.File("other/not-ours.db")) << "SQLite format 3";  // not a database of ours
  auto foreign = RunProcess({BinaryPath(), "restore", "--from", dir_.File("other/not-ours.db")}, "", Env("site"));
  EXPECT_EQ(foreign.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("site/db/wp.db"))) << "nothing restored";
}

// PostgreSQL: the documented pg_dump/pg_restore route, through the commands.
TEST_F(BackupJourneyTest, PostgresBackupRestoresIntoAnEmptyDatabase) {
  if (!PostgresAdminUrl()) {
    if (PostgresRequired()) FAIL() << "WP_TEST_POSTGRES_URL is not set";
    GTEST_SKIP() << "no PostgreSQL server (tools/pg_test_server.sh)";
  }
  PostgresTestDatabase live, fresh;
  auto env = Env("pg");
  env["WP_DATABASE_URL"] = live.url();
  auto migrate = RunProcess({BinaryPath(), "migrate"}, "", env);  // tables and the geography
  ASSERT_EQ(migrate.exit_code, 0) << migrate.err;
  auto backup = RunProcess({BinaryPath(), "backup", "--to", dir_.File("pg/backup.dump"), "--json"}, "", env);
  ASSERT_EQ(backup.exit_code, 0) << backup.out << backup.err;
  EXPECT_EQ(nlohmann::json::parse(backup.out)["backend"], "postgresql");
  env["WP_DATABASE_URL"] = fresh.url();
  auto restore = RunProcess({BinaryPath(), "restore", "--from", dir_.File("pg/backup.dump")}, "", env);
  ASSERT_EQ(restore.exit_code, 0) << restore.out << restore.err;
  auto again = RunProcess({BinaryPath(), "restore", "--from", dir_.File("pg/backup.dump")}, "", env);
  EXPECT_EQ(again.exit_code, 1) << "a database with tables is refused";
  EXPECT_NE(again.err.find("not empty"), std::string::npos) << again.err;
  auto count = [](const std::string& url) {
    auto db = db::Open(url);
    if (!db.has_value()) return int64_t{-1};
    auto n = (*db)->Read([](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM geo_districts"); });
    return n.has_value() ? n->Int(0) : int64_t{-1};
  };
  EXPECT_GT(count(live.url()), 0);
  EXPECT_EQ(count(fresh.url()), count(live.url()));
  ChildProcess server({BinaryPath(), "serve", "--json"}, env);
  uint16_t port = ServerPort(server);
  ASSERT_NE(port, 0) << "the restored site does not start";
  HttpClient c("127.0.0.1", port);
  EXPECT_NE(c.Get("/wijk/WK039201").body.find("Stationsbuurt"), std::string::npos);
  server.Signal(SIGTERM);
  EXPECT_EQ(server.Wait(30000), 0);
}

}  // namespace
}  // namespace wp::testing
