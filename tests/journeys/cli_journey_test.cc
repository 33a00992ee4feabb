// Journeys with the real binary: an operator installs, creates the first
// administrator, inspects the geography, serves, and stops with SIGTERM.
#include <gtest/gtest.h>
#include <signal.h>

#include <nlohmann/json.hpp>

#include "process.h"
#include "testing/free_port.h"
#include "testing/http_client.h"
#include "testing/temp_dir.h"

namespace wp::testing {
namespace {

class CliJourneyTest : public ::testing::Test {
 protected:
  std::map<std::string, std::string> Env() {
    return {{"WP_DATABASE_URL", "sqlite:" + dir_.File("db/wp.db")},
            {"WP_GEO_DIR", GeoDir().string()},
            {"WP_PASSWORD_MEMORY_KIB", "8"},
            {"WP_PASSWORD_OPS", "1"},
            {"WP_ACCESS_LOG", dir_.File("access.log")}};
  }
  TempDir dir_;
};

TEST_F(CliJourneyTest, HelpDocumentsEveryCommand) {
  auto r = RunProcess({BinaryPath(), "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* cmd : {"serve", "migrate", "admin create-user", "geo import", "mail deliver", "count", "draw",
                          "api-key", "signals export"}) {
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
  }
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"serve", "--help"}, {"migrate", "--help"}, {"admin", "--help"}, {"geo", "--help"}, {"mail", "--help"}}) {
    args.insert(args.begin(), BinaryPath());
    auto h = RunProcess(args);
    EXPECT_EQ(h.exit_code, 0) << args[1];
    EXPECT_NE(h.out.find("Usage"), std::string::npos) << args[1];
  }
  auto unknown = RunProcess({BinaryPath(), "frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown command"), std::string::npos);
}

TEST_F(CliJourneyTest, CreateAdministratorThenShowGeography) {
  auto bad = RunProcess(
      {BinaryPath(), "admin", "create-user", "--email", "beheer@example.nl", "--name", "B", "--role", "administrator"},
      "", Env());
  EXPECT_EQ(bad.exit_code, 2) << "a password flag is required";
  auto weak = RunProcess({BinaryPath(), "admin", "create-user", "--email", "beheer@example.nl", "--name", "B", "--role",
                          "administrator", "--password-stdin", "--json"},
                         "kort\n", Env());
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_FALSE(nlohmann::json::parse(weak.out)["ok"].get<bool>());
  auto ok =
      RunProcess({BinaryPath(), "admin", "create-user", "--email", "Beheer@Example.nl", "--name", "Beheerder", "--role",
                  "administrator", "--role", "gebiedsverbinder:schalkwijk", "--password-stdin", "--json"},
                 "een lange zin als wachtwoord\n", Env());
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  auto j = nlohmann::json::parse(ok.out);
  EXPECT_EQ(j["email"], "beheer@example.nl");
  EXPECT_EQ(j["roles"].size(), 2u);
  auto dup = RunProcess(
      {BinaryPath(), "admin", "create-user", "--email", "beheer@example.nl", "--name", "B", "--password-stdin"},
      "een lange zin als wachtwoord\n", Env());
  EXPECT_EQ(dup.exit_code, 1);
  EXPECT_NE(dup.err.find("already exists"), std::string::npos);
  auto bad_role =
      RunProcess({BinaryPath(), "admin", "grant-role", "--email", "beheer@example.nl", "--role", "king"}, "", Env());
  EXPECT_EQ(bad_role.exit_code, 2);
  auto geo = RunProcess({BinaryPath(), "geo", "show", "--json"}, "", Env());
  ASSERT_EQ(geo.exit_code, 0) << geo.err;
  auto g = nlohmann::json::parse(geo.out);
  EXPECT_EQ(g["municipality"]["name"], "Haarlem");
  EXPECT_EQ(g["stadsdelen"].size(), 5u);
  auto reimport = RunProcess({BinaryPath(), "geo", "import", "--dir", GeoDir().string(), "--json"}, "", Env());
  EXPECT_EQ(reimport.exit_code, 1) << "needs --replace";
  auto replaced =
      RunProcess({BinaryPath(), "geo", "import", "--dir", GeoDir().string(), "--replace", "--json"}, "", Env());
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_EQ(nlohmann::json::parse(replaced.out)["buurten"], 111);
}

TEST_F(CliJourneyTest, ApiKeysAreCreatedListedAndRevoked) {
  EXPECT_EQ(RunProcess({BinaryPath(), "api-key", "create", "--json"}, "", Env()).exit_code, 2) << "needs --name";
  auto created = RunProcess({BinaryPath(), "api-key", "create", "--name", "Buiten Beter", "--json"}, "", Env());
  ASSERT_EQ(created.exit_code, 0) << created.err;
  auto c = nlohmann::json::parse(created.out);
  std::string key = c["key"];
  EXPECT_EQ(key.rfind("wpk_", 0), 0u);
  auto list = RunProcess({BinaryPath(), "api-key", "list", "--json"}, "", Env());
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out.find(key), std::string::npos) << "the key itself is never shown again";
  auto l = nlohmann::json::parse(list.out);
  ASSERT_EQ(l["keys"].size(), 1u);
  EXPECT_EQ(l["keys"][0]["name"], "Buiten Beter");
  EXPECT_TRUE(l["keys"][0]["revoked"].is_null());
  std::string id = std::to_string(c["id"].get<int64_t>());
  EXPECT_EQ(RunProcess({BinaryPath(), "api-key", "revoke", "--id", id}, "", Env()).exit_code, 0);
  EXPECT_EQ(RunProcess({BinaryPath(), "api-key", "revoke", "--id", id}, "", Env()).exit_code, 1);
  auto after = nlohmann::json::parse(RunProcess({BinaryPath(), "api-key", "list", "--json"}, "", Env()).out);
  EXPECT_FALSE(after["keys"][0]["revoked"].is_null());
}

TEST_F(CliJourneyTest, SignalsExportRunsOnTheConfiguredDatabase) {
  auto help = RunProcess({BinaryPath(), "signals", "export", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("personal data"), std::string::npos);
  auto csv = RunProcess({BinaryPath(), "signals", "export", "--from", "2026-01-01", "--to", "2026-01-31"}, "", Env());
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("number,category,", 0), 0u) << csv.out;
  auto json = RunProcess({BinaryPath(), "signals", "export", "--from", "2026-01-01", "--to", "2026-01-31", "--json"},
                         "", Env());
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out)["count"], 0);
  EXPECT_EQ(RunProcess({BinaryPath(), "signals", "export", "--from", "2026-01-01"}, "", Env()).exit_code, 2);
}

TEST_F(CliJourneyTest, BadConfigurationStopsWithAClearMessage) {
  auto env = Env();
  env["WP_PORT"] = "eighty";
  auto r = RunProcess({BinaryPath(), "migrate"}, "", env);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("WP_PORT"), std::string::npos) << r.err;
  env = Env();
  env["WP_BASE_URL"] = "example.nl";
  auto r2 = RunProcess({BinaryPath(), "migrate"}, "", env);
  EXPECT_EQ(r2.exit_code, 1);
  EXPECT_NE(r2.err.find("base_url"), std::string::npos) << r2.err;
}

TEST_F(CliJourneyTest, ServesAndStopsGracefullyOnSigterm) {
  auto env = Env();
  env["WP_PORT"] = "0";
  ChildProcess server({BinaryPath(), "serve", "--json", "--demo"}, env);
  std::string line = server.ReadLine(30000);
  ASSERT_FALSE(line.empty()) << "server did not report its port";
  auto j = nlohmann::json::parse(line);
  uint16_t port = j["port"].get<uint16_t>();
  HttpClient client("127.0.0.1", port);
  auto home = client.Get("/");
  EXPECT_EQ(home.status, 200);
  auto contact = client.Get("/stadsdeel/schalkwijk");
  EXPECT_NE(contact.body.find("(demo)"), std::string::npos) << "demo content is loaded";
  server.Signal(SIGTERM);
  EXPECT_EQ(server.Wait(30000), 0);
}

// `serve --port N` used to leave base_url at port 8080, so feeds and the demo's
// voting links pointed to a server that was not there.
TEST_F(CliJourneyTest, BaseUrlFollowsThePortFlag) {
  const uint16_t want = FreePort();
  ChildProcess server({BinaryPath(), "serve", "--json", "--demo", "--port", std::to_string(want)}, Env());
  std::string line = server.ReadLine(30000);
  ASSERT_FALSE(line.empty()) << "server did not report its port";
  auto j = nlohmann::json::parse(line);
  ASSERT_EQ(j["port"].get<uint16_t>(), want);
  const std::string base = "http://127.0.0.1:" + std::to_string(want);
  EXPECT_EQ(j["base_url"], base);
  HttpClient client("127.0.0.1", want);
  auto feed = client.Get("/wijkplatform/wijkplatform-boerhaavewijk/nieuws.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.body.find(base + "/wijkplatform/"), std::string::npos) << feed.body.substr(0, 600);
  EXPECT_EQ(feed.body.find("127.0.0.1:8080"), std::string::npos);
  server.Signal(SIGTERM);
  EXPECT_EQ(server.Wait(30000), 0);
}

}  // namespace
}  // namespace wp::testing
