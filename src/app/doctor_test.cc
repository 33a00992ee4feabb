// `wijkplatform doctor` (issue #11 item 6): every risk it can see, with a
// fix, as text and as JSON; nothing on a safe setup.
#include "app/doctor.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/cli.h"
#include "testing/temp_dir.h"

namespace wp::app {
namespace {

std::set<std::string> Ids(const std::vector<DoctorFinding>& findings) {
  std::set<std::string> ids;
  for (const auto& f : findings) {
    EXPECT_FALSE(f.risk.empty()) << f.id;
    EXPECT_FALSE(f.fix.empty()) << f.id;
    ids.insert(f.id);
  }
  return ids;
}

void WriteKey(const std::string& path, mode_t mode) {
  std::ofstream(path) << std::string(64, 'a') << "\n";
  ASSERT_EQ(::chmod(path.c_str(), mode), 0);
}

// The settings Diagnose reads, as a config file for the command line.
std::string WriteConf(const wp::testing::TempDir& dir, const Config& c) {
  const std::string conf = dir.File("wijkplatform.conf");
  std::ofstream(conf) << "database_url = " << c.database_url << "\nvoting_key_file = " << c.voting_key_file
                      << "\nprint_dir = " << c.print_dir << "\nsmtp_url = " << c.smtp_url
                      << "\nlisten_address = " << c.listen_address << "\nbase_url = " << c.base_url
                      << "\nmetrics_addresses = " << c.metrics_addresses << "\ntrusted_proxies = " << c.trusted_proxies
                      << "\n";
  return conf;
}

TEST(DoctorTest, ReportsEveryRiskItCanSeeWithAFix) {
  wp::testing::TempDir dir;
  std::filesystem::create_directories(dir.File("data/print/stem-2026"));
  std::ofstream(dir.File("data/print/stem-2026/drukbestand.csv")) << "code;adres\n";
  WriteKey(dir.File("data/voting.key"), 0644);
  Config c;
  c.database_url = "sqlite:" + dir.File("data/wijkplatform.db");
  c.voting_key_file = dir.File("data/voting.key");
  c.print_dir = dir.File("data/print");
  c.smtp_url = "smtp://mail.example.invalid:25";
  c.listen_address = "127.0.0.1";  // behind a reverse proxy on this machine that is not a trusted proxy
  c.base_url = "http://wijkplatform.example.invalid";
  auto findings = Diagnose(c);
  EXPECT_EQ(Ids(findings),
            (std::set<std::string>{"voting_key_readable", "voting_key_next_to_database", "print_files_left",
                                   "smtp_without_tls", "metrics_public", "base_url_not_https"}));
  EXPECT_NE(findings[0].fix.find("chmod 600 " + c.voting_key_file), std::string::npos);

  // The same through the command line, as JSON, with exit status 1.
  const std::string conf = WriteConf(dir, c);
  std::istringstream in;
  std::ostringstream out, err;
  EXPECT_EQ(RunCli({"doctor", "--config", conf, "--json"}, in, out, err), 1) << err.str();
  auto j = nlohmann::json::parse(out.str());
  EXPECT_FALSE(j["ok"].get<bool>());
  EXPECT_EQ(j["risks"].size(), 6u);
  std::ostringstream help;
  EXPECT_EQ(RunCli({"doctor", "--help"}, in, help, err), 0);
  EXPECT_NE(help.str().find("Usage: wijkplatform doctor"), std::string::npos);
}

TEST(DoctorTest, FindsNothingOnASafeSetup) {
  wp::testing::TempDir dir;
  std::filesystem::create_directories(dir.File("data/print"));
  std::filesystem::create_directories(dir.File("keys"));
  WriteKey(dir.File("keys/voting.key"), 0600);
  Config c;
  c.database_url = "sqlite:" + dir.File("data/wijkplatform.db");
  c.voting_key_file = dir.File("keys/voting.key");
  c.print_dir = dir.File("data/print");
  c.smtp_url = "smtps://mail.example.invalid:465";
  c.listen_address = "127.0.0.1";
  c.trusted_proxies = "127.0.0.1, ::1";
  c.base_url = "https://wijkplatform.example.invalid";
  EXPECT_TRUE(Diagnose(c).empty());
  const std::string conf = WriteConf(dir, c);
  std::istringstream in;
  std::ostringstream out, err;
  EXPECT_EQ(RunCli({"doctor", "--config", conf}, in, out, err), 0) << out.str() << err.str();
  EXPECT_NE(out.str().find("no risks found"), std::string::npos);
}

// metrics_public follows the current rule (metrics_addresses compared with
// the client address after trusted_proxies), not the listening address.
TEST(DoctorTest, MetricsArePublicOnlyWhenAProxyAddressMayReadThem) {
  wp::testing::TempDir dir;
  std::filesystem::create_directories(dir.File("keys"));
  WriteKey(dir.File("keys/voting.key"), 0600);
  Config c;
  c.database_url = "sqlite:" + dir.File("data/wijkplatform.db");
  c.voting_key_file = dir.File("keys/voting.key");
  c.print_dir = dir.File("print");
  c.smtp_url = "";
  c.base_url = "https://wijkplatform.example.invalid";
  auto metrics_public = [&c] {
    for (const auto& f : Diagnose(c)) {
      if (f.id == "metrics_public") return true;
    }
    return false;
  };
  // Listening on every address: clients arrive with their own address, and
  // only 127.0.0.1 and ::1 (this machine) may read /metrics.
  c.listen_address = "0.0.0.0";
  EXPECT_FALSE(metrics_public());
  // Behind a reverse proxy on this machine that is not trusted: every visitor
  // arrives as 127.0.0.1, which may read /metrics.
  c.listen_address = "127.0.0.1";
  EXPECT_TRUE(metrics_public());
  c.trusted_proxies = "127.0.0.1";  // ::1 still passes visitors on as itself
  EXPECT_TRUE(metrics_public());
  c.trusted_proxies = "127.0.0.1, ::1";
  EXPECT_FALSE(metrics_public());
  // Or only the monitoring host may read it.
  c.trusted_proxies = "";
  c.metrics_addresses = "10.0.0.5";
  EXPECT_FALSE(metrics_public());
  // A local test server without a proxy.
  c.metrics_addresses = "127.0.0.1, ::1";
  c.base_url = "http://127.0.0.1:8080";
  EXPECT_FALSE(metrics_public());
}

}  // namespace
}  // namespace wp::app
