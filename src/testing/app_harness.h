// AppHarness: the whole application in-process on 127.0.0.1 with a free
// port, a fresh SQLite database in a temporary folder (or a fresh PostgreSQL
// database when WP_TEST_DATABASE=postgres: testing/test_database.h), Haarlem's geography,
// a FakeClock, the cheapest password hashing and sessions that stay alive for
// their 14 days however long they idle. For HTTP tests.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/auth/user.h"
#include "core/clock.h"
#include "testing/http_client.h"
#include "testing/temp_dir.h"
#include "testing/test_database.h"

namespace wp::testing {

class AppHarness {
 public:
  // `customize` may change the configuration before the app starts.
  explicit AppHarness(std::function<void(app::Config&)> customize = {});
  ~AppHarness();

  app::App& app() { return *app_; }
  uint16_t port() const { return app_->port(); }
  FakeClock& clock() { return clock_; }
  const TempDir& dir() const { return dir_; }
  const app::Config& config() const { return config_; }
  // True when this app runs on PostgreSQL (tests that read the SQLite file
  // directly check this).
  bool on_postgres() const { return pg_ != nullptr; }

  // A new client (own cookie jar) for this server.
  std::unique_ptr<HttpClient> Client();
  // Creates an account with `grants` and returns a client signed in as it.
  std::unique_ptr<HttpClient> SignedInClient(const std::string& email, const std::vector<auth::RoleGrant>& grants = {},
                                             const std::string& password = "correct horse battery staple");
  // GETs `path` with `client` and returns the value of its _csrf field.
  static std::string CsrfToken(HttpClient& client, const std::string& path);
  // Posts a form to `path` with the CSRF token taken from `form_page`.
  static HttpResponse SubmitForm(HttpClient& client, const std::string& form_page, const std::string& path,
                                 std::vector<std::pair<std::string, std::string>> fields);

 private:
  TempDir dir_;
  std::unique_ptr<PostgresTestDatabase> pg_;  // outlives app_
  FakeClock clock_;
  app::Config config_;
  std::unique_ptr<app::App> app_;
};

// The value of the first `name="field" value="..."` input in `html`
// (HTML entities decoded), or empty.
std::string ExtractInputValue(const std::string& html, const std::string& field);

}  // namespace wp::testing
