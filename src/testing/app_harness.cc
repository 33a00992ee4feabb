#include "testing/app_harness.h"

#include <stdexcept>

#include "features/accounts/commands.h"

namespace wp::testing {

AppHarness::AppHarness(std::function<void(app::Config&)> customize) : clock_(1767225600) {
  config_.listen_address = "127.0.0.1";
  config_.port = 0;
  config_.threads = 2;
  config_.database_url = "sqlite:" + dir_.File("wijkplatform.db");
  if (UsePostgresForApp()) {
    pg_ = std::make_unique<PostgresTestDatabase>();
    config_.database_url = pg_->url();
  }
  config_.upload_dir = dir_.File("uploads");
  config_.files_dir = dir_.File("files");
  config_.voting_key_file = dir_.File("voting.key");
  config_.print_dir = dir_.File("print");
  config_.geo_dir = GeoDir().string();
  config_.geo_prefix = "haarlem";
  config_.access_log = "";
  config_.password_memory_kib = 8;
  config_.password_ops = 1;
  config_.base_url = "http://127.0.0.1:8080";
  // Tests move the FakeClock by hours or days between the steps of a story
  // with the same signed-in clients: sessions stay alive as long as they may
  // (14 days). The idle timeout has its own tests (app/web_hardening_routes_test.cc),
  // which set the limits they check.
  config_.session_idle_minutes_officials = 14 * 24 * 60;
  config_.session_idle_minutes_residents = 14 * 24 * 60;
  if (customize) customize(config_);
  // Quiet (no startup messages, no access log) unless `customize` asked for an access log.
  auto app = app::App::Create(config_, app::AppOverrides{.clock = &clock_, .quiet = config_.access_log.empty()});
  if (!app.has_value()) throw std::runtime_error("AppHarness: " + app.error().detail);
  app_ = std::move(*app);
  auto started = app_->Start();
  if (!started.has_value()) throw std::runtime_error("AppHarness: " + started.error().detail);
}

AppHarness::~AppHarness() {
  if (app_) app_->Stop();
}

std::unique_ptr<HttpClient> AppHarness::Client() { return std::make_unique<HttpClient>("127.0.0.1", port()); }

std::unique_ptr<HttpClient> AppHarness::SignedInClient(const std::string& email,
                                                       const std::vector<auth::RoleGrant>& grants,
                                                       const std::string& password) {
  auto id = app_->accounts().CreateUser(email, email.substr(0, email.find('@')), password, grants);
  if (!id.has_value()) throw std::runtime_error("SignedInClient: " + id.error().detail);
  auto client = Client();
  auto r = SubmitForm(*client, "/inloggen", "/inloggen", {{"email", email}, {"password", password}});
  if (r.status != 303) throw std::runtime_error("SignedInClient: sign-in answered " + std::to_string(r.status));
  return client;
}

std::string ExtractInputValue(const std::string& html, const std::string& field) {
  std::string needle = "name=\"" + field + "\" value=\"";
  size_t p = html.find(needle);
  if (p == std::string::npos) return "";
  p += needle.size();
  size_t e = html.find('"', p);
  std::string raw = html.substr(p, e - p);
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 4;
    } else if (raw.compare(i, 6, "&quot;") == 0) {
      out += '"';
      i += 5;
    } else if (raw.compare(i, 5, "&#39;") == 0) {
      out += '\'';
      i += 4;
    } else if (raw.compare(i, 4, "&lt;") == 0) {
      out += '<';
      i += 3;
    } else if (raw.compare(i, 4, "&gt;") == 0) {
      out += '>';
      i += 3;
    } else
      out += raw[i];
  }
  return out;
}

std::string AppHarness::CsrfToken(HttpClient& client, const std::string& path) {
  auto r = client.Get(path);
  return ExtractInputValue(r.body, "_csrf");
}

HttpResponse AppHarness::SubmitForm(HttpClient& client, const std::string& form_page, const std::string& path,
                                    std::vector<std::pair<std::string, std::string>> fields) {
  fields.insert(fields.begin(), {"_csrf", CsrfToken(client, form_page)});
  return client.PostForm(path, fields);
}

}  // namespace wp::testing
