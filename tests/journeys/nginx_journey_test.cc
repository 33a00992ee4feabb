// Journey of the shipped deployment (deploy/nginx): Debian's nginx with the
// shipped configuration in front of two real server processes on one
// PostgreSQL database. Residents vote through nginx; one process is killed
// with SIGKILL in the middle; the other carries on, and no acknowledged vote
// is lost or counted twice. Needs WP_TEST_POSTGRES_URL and /usr/sbin/nginx.
//
// The configuration is the shipped file with only what a test must change:
// local ports and the two processes' ports, a throwaway certificate, folders
// under a temporary directory, request limits raised (every test voter comes
// from 127.0.0.1, where nginx would see hundreds of residents), and a plain
// HTTP listener added to the TLS server block for the test's HTTP client
// (TLS itself is checked with curl).
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "process.h"
#include "testing/free_port.h"
#include "testing/http_client.h"
#include "testing/temp_dir.h"
#include "testing/test_database.h"
#include "voting_client.h"

namespace wp::testing {
namespace {

constexpr const char* kNginx = "/usr/sbin/nginx";

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The shipped nginx site configuration, adapted as the file comment says.
struct Ports {
  uint16_t https = 0;  // the TLS server block
  uint16_t site = 0;   // the same block, plain HTTP
  uint16_t http = 0;   // the redirecting port-80 block
  uint16_t a = 0, b = 0;
};

std::string TestSiteConfig(const TempDir& dir, const Ports& p) {
  const char* src = std::getenv("WP_SOURCE_DIR");
  std::string conf = ReadText(std::string(src ? src : ".") + "/deploy/nginx/wijkplatform.conf");
  auto replace = [&conf](const std::string& pattern, const std::string& with) {
    conf = std::regex_replace(conf, std::regex(pattern), with);
  };
  replace(R"(server 127\.0\.0\.1:8081 )", "server 127.0.0.1:" + std::to_string(p.a) + " ");
  replace(R"(server 127\.0\.0\.1:8082 )", "server 127.0.0.1:" + std::to_string(p.b) + " ");
  replace(R"(listen 443 ssl http2;)", "listen 127.0.0.1:" + std::to_string(p.https) +
                                          " ssl http2;\n    listen 127.0.0.1:" + std::to_string(p.site) + ";");
  replace(R"(listen 80;)", "listen 127.0.0.1:" + std::to_string(p.http) + ";");
  replace(R"(\n *listen \[::\]:[0-9]+[^;]*;)", "");
  replace(R"(/etc/letsencrypt/live/wijkplatform\.example\.nl/)", dir.File("tls/"));
  replace(R"(/var/cache/nginx/wijkplatform)", dir.File("cache"));
  replace(R"(rate=[0-9]+r/s)", "rate=10000r/s");
  return conf;
}

class NginxJourneyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!PostgresAdminUrl()) {
      if (PostgresRequired()) FAIL() << "WP_TEST_POSTGRES_URL is not set";
      GTEST_SKIP() << "no PostgreSQL server (tools/pg_test_server.sh)";
    }
    if (!std::filesystem::exists(kNginx)) GTEST_SKIP() << "no nginx (tools/setup.sh --test)";
    pg_ = std::make_unique<PostgresTestDatabase>();
  }
  std::map<std::string, std::string> Env() {
    return {{"WP_DATABASE_URL", pg_->url()},
            {"WP_GEO_DIR", GeoDir().string()},
            {"WP_PASSWORD_MEMORY_KIB", "8"},
            {"WP_PASSWORD_OPS", "1"},
            {"WP_PORT", "0"},
            {"WP_TRUSTED_PROXIES", "127.0.0.1"},
            {"WP_VOTING_KEY_FILE", dir_.File("keys/voting.key")},
            {"WP_PRINT_DIR", dir_.File("print")},
            {"WP_VOTING_CODES_PER_ADDRESS", "1000"}};
  }
  // Writes nginx.conf around the site configuration; returns its path.
  std::string WriteNginxConfig(const Ports& ports) {
    std::filesystem::create_directories(dir_.File("tls"));
    auto cert = RunProcess({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                            "/CN=wijkplatform.example.nl", "-keyout", dir_.File("tls/privkey.pem"), "-out",
                            dir_.File("tls/fullchain.pem")});
    EXPECT_EQ(cert.exit_code, 0) << cert.err;
    std::ofstream(dir_.File("site.conf")) << TestSiteConfig(dir_, ports);
    std::ofstream main(dir_.File("nginx.conf"));
    if (::geteuid() == 0) main << "user root;\n";  // workers may then use the temporary folders
    main << "pid " << dir_.File("nginx.pid") << ";\nerror_log stderr;\nevents {}\nhttp {\n"
         << "  include /etc/nginx/mime.types;\n  access_log off;\n";
    for (const char* temp : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
      main << "  " << temp << "_temp_path " << dir_.File(std::string("tmp-") + temp) << ";\n";
    }
    main << "  include " << dir_.File("site.conf") << ";\n}\n";
    return dir_.File("nginx.conf");
  }
  TempDir dir_;
  std::unique_ptr<PostgresTestDatabase> pg_;
};

TEST_F(NginxJourneyTest, KilledProcessLosesNoAcknowledgedVote) {
  auto a = std::make_unique<ChildProcess>(std::vector<std::string>{BinaryPath(), "serve", "--json", "--demo"}, Env());
  Ports ports{.a = ServerPort(*a)};
  ASSERT_NE(ports.a, 0) << "server A did not start";
  ChildProcess b({BinaryPath(), "serve", "--json"}, Env());
  ports.b = ServerPort(b);
  ASSERT_NE(ports.b, 0) << "server B did not start";
  ports.https = FreePort();
  ports.site = FreePort();
  ports.http = FreePort();
  std::string conf = WriteNginxConfig(ports);
  auto checked = RunProcess({kNginx, "-t", "-p", dir_.File(""), "-c", conf});
  ASSERT_EQ(checked.exit_code, 0) << checked.err;
  ChildProcess nginx({kNginx, "-p", dir_.File(""), "-c", conf, "-g", "daemon off;"}, {});
  HttpClient redirect("127.0.0.1", ports.http);
  for (int i = 0; i < 100 && redirect.Get("/").status != 301; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(redirect.Get("/wijkbudget").Header("Location"), "https://127.0.0.1/wijkbudget");
  auto tls = RunProcess({"/usr/bin/curl", "-sk", "-o", "/dev/null", "-w", "%{http_code} %{http_version}",
                         "https://127.0.0.1:" + std::to_string(ports.https) + "/healthz"});
  EXPECT_EQ(tls.out, "200 2") << "TLS and HTTP/2 in front: " << tls.err;
  HttpClient site("127.0.0.1", ports.site);
  EXPECT_EQ(site.Get("/metrics").status, 404) << "metrics are not served through nginx";
  const HeaderList browser = {{"Accept-Encoding", "gzip, br"}};
  auto page = site.Get("/wijkplatforms", browser);
  EXPECT_EQ(page.Header("Content-Encoding"), "gzip") << "nginx compresses pages";
  auto ballot = site.Get(kVotingPage, browser);
  EXPECT_EQ(ballot.status, 200);
  EXPECT_EQ(ballot.Header("Content-Encoding"), "") << "a padded voting page is never compressed";
  EXPECT_EQ(ballot.body.size() % (64 * 1024), 0u);
  std::smatch css;
  ASSERT_TRUE(std::regex_search(ballot.body, css, std::regex(R"re(href="(/static/site\.[0-9a-f]{12}\.css)")re")));
  auto sheet = site.Get(css[1].str(), browser);
  EXPECT_EQ(sheet.Header("Content-Encoding"), "br");
  EXPECT_EQ(sheet.Header("Cache-Control"), "public, max-age=31536000, immutable");

  std::vector<std::string> codes = VotingCodes(Env(), 30);
  ASSERT_GE(codes.size(), 12u) << "codes import/generate made too few codes";
  std::mutex mu;
  std::set<std::string> acknowledged;
  size_t after_kill = 0;
  std::atomic<bool> killed{false};
  std::atomic<size_t> next{0};
  auto vote = [&] {
    for (size_t i; (i = next++) < codes.size();) {
      if (!CastVote(ports.site, codes[i])) continue;
      std::lock_guard lock(mu);
      acknowledged.insert(codes[i]);
      if (killed) ++after_kill;
    }
  };
  std::vector<std::thread> voters;
  for (int t = 0; t < 4; ++t) voters.emplace_back(vote);
  for (bool enough = false; !enough;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::lock_guard lock(mu);
    enough = acknowledged.size() >= codes.size() / 3 || next >= codes.size();
  }
  a->Signal(SIGKILL);  // under load: requests in flight on A fail, none is retried as a POST
  killed = true;
  EXPECT_EQ(a->Wait(30000), 128 + SIGKILL);
  for (auto& t : voters) t.join();
  EXPECT_GT(after_kill, 0u) << "the other process carried on";
  for (const auto& code : acknowledged) EXPECT_TRUE(HasVoted(ports.site, code)) << "an acknowledged vote was lost";
  int64_t ballots = BallotCount(pg_->url());
  EXPECT_EQ(ballots, UsedCodeCount(pg_->url())) << "one ballot per used code: none counted twice";
  EXPECT_GE(ballots, static_cast<int64_t>(acknowledged.size()));
  EXPECT_LE(ballots, static_cast<int64_t>(codes.size()));
  nginx.Signal(SIGTERM);
  b.Signal(SIGTERM);
  EXPECT_EQ(b.Wait(30000), 0);
  nginx.Wait(30000);
}

}  // namespace
}  // namespace wp::testing
