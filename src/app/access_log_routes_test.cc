// The access log of the whole application never holds the secret part of a
// URL: links with a token (password reset, cancelling an event registration,
// unsubscribing, following or confirming a signal, Open311 tokens) and the
// voting code of a QR link. It shows the route pattern instead.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "testing/app_harness.h"

namespace wp::app {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t CountLines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

TEST(AccessLogRoutesTest, TokensInLinksNeverReachTheLog) {
  std::string log_path;
  testing::AppHarness h([&](Config& c) {
    log_path = (std::filesystem::path(c.upload_dir).parent_path() / "access.log").string();
    c.access_log = log_path;
  });
  struct Visit {
    std::string method, path, secret, logged;
  };
  const std::vector<Visit> visits = {
      {"GET", "/wachtwoord/herstel/Rst7Qm2XkP9vLw4ZbN8cYd3Hf6Tj", "Rst7Qm2XkP9vLw4ZbN8cYd3Hf6Tj",
       "/wachtwoord/herstel/{token}"},
      {"GET", "/activiteit/afmelden/Evt5Kp8RmW2xQz7NcV4bLj9HgT3y", "Evt5Kp8RmW2xQz7NcV4bLj9HgT3y",
       "/activiteit/afmelden/{token}"},
      {"GET", "/afmelden/Uns3Wq9PzL6mKx2RbT8vNc5JdY4h", "Uns3Wq9PzL6mKx2RbT8vNc5JdY4h", "/afmelden/{token}"},
      {"GET", "/meldingen/volg/Flw8Zr3NkQ6tWm9XpB2cLv7HdJ5s", "Flw8Zr3NkQ6tWm9XpB2cLv7HdJ5s",
       "/meldingen/volg/{token}"},
      {"GET", "/meldingen/bevestigen/Cnf4Ht7LwX2qRz9MbK6pVn3JcY8d", "Cnf4Ht7LwX2qRz9MbK6pVn3JcY8d",
       "/meldingen/bevestigen/{token}"},
      {"GET", "/e-mailadres/bevestigen/Adr6Jm2PqT9wKx4LbZ7cRv3NdH8f", "Adr6Jm2PqT9wKx4LbZ7cRv3NdH8f",
       "/e-mailadres/bevestigen/{token}"},
      {"GET", "/wijkbudget/schalkwijk/stemmen?code=QRCODE7KX2MW9P", "QRCODE7KX2MW9P", "/wijkbudget/{slug}/stemmen"},
      // Not a route (405 and 404): only the first segment is shown.
      {"PUT", "/wachtwoord/herstel/Put6Vm3QxR8kLz2WbN7cTj4HdP9s", "Put6Vm3QxR8kLz2WbN7cTj4HdP9s", "/wachtwoord/{...}"},
      {"GET", "/afmelden/Nfd2Kx7PqW4mRz9LbT3vHc8JnY5g/extra", "Nfd2Kx7PqW4mRz9LbT3vHc8JnY5g", "/afmelden/{...}"},
  };
  auto c = h.Client();
  for (const auto& v : visits) c->Send(v.method, v.path, "", {});
  std::string log;
  for (int i = 0; i < 200 && CountLines(log = ReadFile(log_path)) < visits.size(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(CountLines(log), visits.size()) << log;
  for (const auto& v : visits) {
    EXPECT_EQ(log.find(v.secret), std::string::npos) << v.path << " left its secret in the log:\n" << log;
    EXPECT_NE(log.find("\"path\":\"" + v.logged + "\""), std::string::npos) << v.path << "\n" << log;
  }
}

}  // namespace
}  // namespace wp::app
