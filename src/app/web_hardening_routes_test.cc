// The web front door of the whole application (#11 items 10 and 12): request
// bodies are small except on upload routes (and there only after sign-in
// where the route needs it), connections per client are capped, /metrics
// answers only configured addresses, the CSRF key lives outside the database,
// cookies carry the __Host- prefix on https, and idle sessions of officials
// end after two hours.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/auth/tokens.h"
#include "core/db/database.h"
#include "testing/app_harness.h"

namespace wp::app {
namespace {

using namespace std::chrono_literals;
using testing::AppHarness;
using testing::HttpClient;
using testing::HttpResponse;

// A form body of about `kib` KiB (a field the page does not know).
std::vector<std::pair<std::string, std::string>> Padded(HttpClient& client, const std::string& form_page, size_t kib) {
  return {{"_csrf", AppHarness::CsrfToken(client, form_page)}, {"padding", std::string(kib * 1024, 'p')}};
}

TEST(WebHardeningTest, BodiesAreSmallExceptOnUploadRoutesAfterSignIn) {
  AppHarness h;
  auto anonymous = h.Client();
  // Any ordinary form: more than 64 KiB is refused before the page sees it.
  EXPECT_EQ(anonymous->PostForm("/inloggen", Padded(*anonymous, "/inloggen", 100)).status, 413);
  EXPECT_NE(anonymous->PostForm("/inloggen", Padded(*anonymous, "/inloggen", 8)).status, 413);
  // A plan (photos) needs sign-in: anonymous, the small limit holds.
  const std::string plan = "/wijkbudget/geen-ronde/plannen/nieuw";
  EXPECT_EQ(anonymous->PostMultipart(plan, Padded(*anonymous, "/wijkbudget", 100), {}).status, 413);
  // Signed in, the upload limit: the page answers (the round does not exist).
  auto resident = h.SignedInClient("bewoner@example.nl");
  HttpResponse r = resident->PostMultipart(plan, Padded(*resident, "/wijkbudget", 100), {});
  EXPECT_NE(r.status, 413);
  EXPECT_NE(r.status, 0) << r.error;
  // ... but not beyond max_upload_kib, and not on other routes.
  // (Declared larger than max_upload_kib: refused on the headers.)
  std::string too_big =
      "POST " + plan + " HTTP/1.1\r\nHost: x\r\nCookie: wp_session=" + *resident->Cookie("wp_session") +
      "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + std::to_string(10241 * 1024) +
      "\r\n\r\n";
  EXPECT_TRUE(resident->SendRaw(too_big).starts_with("HTTP/1.1 413 "));
  EXPECT_EQ(resident->PostForm("/uitloggen", Padded(*resident, "/account", 100)).status, 413);
  // A signal report takes photos without an account.
  r = anonymous->PostMultipart("/meldingen/nieuw", Padded(*anonymous, "/meldingen/nieuw", 100), {});
  EXPECT_NE(r.status, 413);
  EXPECT_NE(r.status, 0) << r.error;
}

TEST(WebHardeningTest, ConnectionsPerClientAreCapped) {
  AppHarness h([](Config& c) { c.max_connections_per_client = 2; });
  auto a = h.Client();
  auto b = h.Client();
  ASSERT_EQ(a->Get("/healthz").status, 200);
  ASSERT_EQ(b->Get("/healthz").status, 200);
  auto c = h.Client();
  EXPECT_EQ(c->Get("/healthz").status, 503);
}

TEST(WebHardeningTest, MetricsAnswerOnlyConfiguredAddresses) {
  {
    AppHarness h;  // default: this machine only
    EXPECT_EQ(h.Client()->Get("/metrics").status, 200);
  }
  {
    AppHarness h([](Config& c) { c.metrics_addresses = "192.0.2.10"; });
    EXPECT_EQ(h.Client()->Get("/metrics").status, 404);
  }
  {
    // Behind a trusted proxy the client is the forwarded address: a visitor
    // from outside does not see the numbers through the proxy on this machine.
    AppHarness h([](Config& c) { c.trusted_proxies = "127.0.0.1"; });
    EXPECT_EQ(h.Client()->Get("/metrics", {{"X-Forwarded-For", "203.0.113.7"}}).status, 404);
    EXPECT_EQ(h.Client()->Get("/metrics", {{"X-Forwarded-For", "127.0.0.1"}}).status, 200);
  }
}

TEST(WebHardeningTest, CsrfKeyLivesInAKeyFileNotInTheDatabase) {
  AppHarness h;
  const std::string key_file = (std::filesystem::path(h.config().voting_key_file).parent_path() / "csrf.key").string();
  struct stat st {};
  ASSERT_EQ(::stat(key_file.c_str(), &st), 0) << key_file;
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ifstream in(key_file);
  std::stringstream text;
  text << in.rdbuf();
  std::string key = text.str();
  while (!key.empty() && key.back() == '\n') key.pop_back();
  ASSERT_EQ(key.size(), 64u);
  // The forms' tokens are made with that key ...
  auto client = h.Client();
  std::string token = AppHarness::CsrfToken(*client, "/inloggen");
  ASSERT_TRUE(client->Cookie("wp_session").has_value());
  EXPECT_EQ(token, auth::CsrfTokenFor(key, *client->Cookie("wp_session")));
  // ... and the database holds no CSRF key.
  auto rows = h.app().db().Read(
      [](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM app_settings WHERE name LIKE '%csrf%'"); });
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(rows->Int(0), 0);
}

TEST(WebHardeningTest, CookiesCarryTheHostPrefixOnHttps) {
  AppHarness h([](Config& c) { c.base_url = "https://wijkplatform.example.nl"; });
  auto client = h.Client();
  HttpResponse r = client->Get("/inloggen");
  ASSERT_EQ(r.status, 200);
  std::string set_cookie(r.Header("Set-Cookie"));
  EXPECT_TRUE(set_cookie.starts_with("__Host-wp_session=")) << set_cookie;
  EXPECT_NE(set_cookie.find("; Path=/"), std::string::npos);
  EXPECT_NE(set_cookie.find("; Secure"), std::string::npos);
  EXPECT_EQ(set_cookie.find("Domain"), std::string::npos);
  // A cookie without the prefix (planted by a sibling site or over http) is
  // not taken as the session.
  auto planted = h.Client();
  std::string token = *client->Cookie("__Host-wp_session");
  r = planted->Get("/inloggen", {{"Cookie", "wp_session=" + token}});
  EXPECT_TRUE(std::string(r.Header("Set-Cookie")).starts_with("__Host-wp_session="));
  EXPECT_EQ(std::string(r.Header("Set-Cookie")).find(token), std::string::npos);
  // Signing in over https works with the prefixed cookie.
  auto official = h.SignedInClient("gv@example.nl", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  EXPECT_EQ(official->Get("/account").status, 200);
}

TEST(WebHardeningTest, IdleSessionsOfOfficialsEndAfterTwoHours) {
  AppHarness h([](Config& c) {  // the defaults (the harness keeps sessions alive for other tests)
    c.session_idle_minutes_officials = Config{}.session_idle_minutes_officials;
    c.session_idle_minutes_residents = Config{}.session_idle_minutes_residents;
  });
  auto official = h.SignedInClient("gv@example.nl", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  auto resident = h.SignedInClient("bewoner@example.nl");
  ASSERT_EQ(official->Get("/account").status, 200);
  ASSERT_EQ(resident->Get("/account").status, 200);
  // In use every 90 minutes: still signed in after four and a half hours.
  for (int i = 0; i < 3; ++i) {
    h.clock().Advance(90min);
    ASSERT_EQ(official->Get("/account").status, 200) << i;
  }
  // Two hours and a minute without a request: signed out.
  h.clock().Advance(121min);
  HttpResponse r = official->Get("/account");
  EXPECT_EQ(r.status, 303);
  EXPECT_TRUE(r.Header("Location").starts_with("/inloggen")) << r.Header("Location");
  // A resident's session lasts longer (7 days idle by default).
  EXPECT_EQ(resident->Get("/account").status, 200);
  h.clock().Advance(std::chrono::hours(24 * 7) + 1min);
  EXPECT_EQ(resident->Get("/account").status, 303);
}

TEST(WebHardeningTest, IdleLimitIsConfigurable) {
  AppHarness h([](Config& c) { c.session_idle_minutes_officials = 10; });
  auto official = h.SignedInClient("gv@example.nl", {{auth::Role::kAdministrator, ""}});
  ASSERT_EQ(official->Get("/account").status, 200);
  h.clock().Advance(11min);
  EXPECT_EQ(official->Get("/account").status, 303);
}

}  // namespace
}  // namespace wp::app
