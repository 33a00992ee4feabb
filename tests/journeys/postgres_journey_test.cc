// Journeys on PostgreSQL, the production database: two real server processes
// start at the same moment on one fresh database (migrations race), share
// accounts and sessions, and keep invariants when both write at once.
// Needs WP_TEST_POSTGRES_URL (tools/test.sh starts a throwaway server).
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/db/database.h"
#include "process.h"
#include "testing/http_client.h"
#include "testing/temp_dir.h"
#include "testing/test_database.h"

namespace wp::testing {
namespace {

std::string CsrfFrom(const std::string& html) {
  std::string needle = "name=\"_csrf\" value=\"";
  size_t p = html.find(needle);
  if (p == std::string::npos) return "";
  p += needle.size();
  return html.substr(p, html.find('"', p) - p);
}

HttpResponse Submit(HttpClient& client, const std::string& page, const std::string& path,
                    std::vector<std::pair<std::string, std::string>> fields) {
  fields.insert(fields.begin(), {"_csrf", CsrfFrom(client.Get(page).body)});
  return client.PostForm(path, fields);
}

class PostgresJourneyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!PostgresAdminUrl()) {
      if (PostgresRequired()) FAIL() << "WP_TEST_POSTGRES_URL is not set";
      GTEST_SKIP() << "no PostgreSQL server (tools/pg_test_server.sh)";
    }
    pg_ = std::make_unique<PostgresTestDatabase>();
  }
  std::map<std::string, std::string> Env() {
    return {{"WP_DATABASE_URL", pg_->url()},
            {"WP_GEO_DIR", GeoDir().string()},
            {"WP_PASSWORD_MEMORY_KIB", "8"},
            {"WP_PASSWORD_OPS", "1"},
            {"WP_PORT", "0"},
            {"WP_ACCESS_LOG", dir_.File("access.log")}};
  }
  static uint16_t PortOf(ChildProcess& server) {
    std::string line = server.ReadLine(60000);
    if (line.empty()) return 0;
    return nlohmann::json::parse(line)["port"].get<uint16_t>();
  }
  TempDir dir_;
  std::unique_ptr<PostgresTestDatabase> pg_;
};

TEST_F(PostgresJourneyTest, TwoServersShareOneDatabase) {
  // Both start at once on an empty database: one applies the migrations and
  // imports the geography, the other waits for it and finds them done.
  ChildProcess a({BinaryPath(), "serve", "--json"}, Env());
  ChildProcess b({BinaryPath(), "serve", "--json"}, Env());
  uint16_t port_a = PortOf(a), port_b = PortOf(b);
  ASSERT_NE(port_a, 0) << "server A did not start";
  ASSERT_NE(port_b, 0) << "server B did not start";
  HttpClient on_a("127.0.0.1", port_a);
  HttpClient on_b("127.0.0.1", port_b);
  EXPECT_NE(on_a.Get("/wijk/WK039201").body.find("Stationsbuurt"), std::string::npos);
  EXPECT_EQ(on_b.Get("/stadsdeel/schalkwijk").status, 200);

  // An account made on A signs in on B; B's session works on A.
  const std::string password = "een lange zin als wachtwoord";
  auto reg = Submit(
      on_a, "/registreren", "/registreren",
      {{"email", "an@example.nl"}, {"display_name", "An"}, {"password", password}, {"password_repeat", password}});
  ASSERT_EQ(reg.status, 303) << reg.body;
  auto login = Submit(on_b, "/inloggen", "/inloggen", {{"email", "an@example.nl"}, {"password", password}});
  ASSERT_EQ(login.status, 303);
  HttpClient b_session_on_a("127.0.0.1", port_a);
  b_session_on_a.SetCookie("wp_session", *on_b.Cookie("wp_session"));
  auto account = b_session_on_a.Get("/account");
  EXPECT_EQ(account.status, 200);
  EXPECT_NE(account.body.find("an@example.nl"), std::string::npos);

  // The same e-mail address registered on both servers at once: exactly one
  // account, every time.
  for (int round = 0; round < 4; ++round) {
    std::string email = "race" + std::to_string(round) + "@example.nl";
    std::atomic<int> created{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        HttpClient c("127.0.0.1", t % 2 ? port_a : port_b);
        auto r =
            Submit(c, "/registreren", "/registreren",
                   {{"email", email}, {"display_name", "R"}, {"password", password}, {"password_repeat", password}});
        if (r.status == 303) ++created;
      });
    }
    for (auto& th : threads) th.join();
    // Every request gets the same answer (no account enumeration) ...
    EXPECT_EQ(created.load(), 4) << email;
    // ... and the database holds exactly one account.
    auto db = db::Open(pg_->url());
    ASSERT_TRUE(db.has_value()) << db.error().detail;
    auto count = (*db)->Read(
        [&](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM users WHERE email = ?", {email}); });
    ASSERT_TRUE(count.has_value()) << count.error().detail;
    EXPECT_EQ(count->Int(0), 1) << email;
  }
  a.Signal(SIGTERM);
  b.Signal(SIGTERM);
  EXPECT_EQ(a.Wait(30000), 0);
  EXPECT_EQ(b.Wait(30000), 0);
}

TEST_F(PostgresJourneyTest, DemoContentLoadsOnPostgres) {
  ChildProcess server({BinaryPath(), "serve", "--json", "--demo"}, Env());
  uint16_t port = PortOf(server);
  ASSERT_NE(port, 0) << "server did not start with demo content";
  HttpClient client("127.0.0.1", port);
  EXPECT_NE(client.Get("/stadsdeel/schalkwijk").body.find("(demo)"), std::string::npos);
  server.Signal(SIGTERM);
  EXPECT_EQ(server.Wait(30000), 0);
  // A second start with --demo finds the demo content and adds nothing.
  ChildProcess again({BinaryPath(), "serve", "--json", "--demo"}, Env());
  ASSERT_NE(PortOf(again), 0) << "demo loading must be idempotent";
  again.Signal(SIGTERM);
  EXPECT_EQ(again.Wait(30000), 0);
}

}  // namespace
}  // namespace wp::testing
