#include "testing/page_harness.h"

#include <stdexcept>

#include "core/auth/tokens.h"
#include "core/http/form.h"
#include "wp_jobs_files.h"
#include "wp_mail_files.h"
#include "wp_web_files.h"

namespace wp::testing {

namespace {

void Check(const Result<void>& r, const char* what) {
  if (!r.has_value()) throw std::runtime_error(std::string("PageHarness: ") + what + ": " + r.error().detail);
}

}  // namespace

PageHarness::PageHarness(const std::string& feature, std::span<const EmbeddedFile> files) {
  auto db = db::Open("sqlite:" + dir_.File("pages.db"));
  if (!db.has_value()) throw std::runtime_error("PageHarness: " + db.error().detail);
  db_ = std::move(*db);
  std::vector<db::Migration> migrations = db::MigrationsFromFiles("jobs", JobsFiles());
  for (auto& m : db::MigrationsFromFiles("mail", MailFiles())) migrations.push_back(std::move(m));
  for (auto& m : db::MigrationsFromFiles(feature, files)) migrations.push_back(std::move(m));
  auto applied = db::ApplyMigrations(*db_, migrations);
  if (!applied.has_value()) throw std::runtime_error("PageHarness: migrations: " + applied.error().detail);
  Check(catalog_.AddFiles(WebFiles()), "core messages");
  Check(catalog_.AddFiles(files), "feature messages");
  Check(templates_.AddFiles("web", WebFiles()), "core views");
  Check(templates_.AddFiles(feature, files), "feature views");
  web::SiteOptions options;
  options.csrf_secret = std::string(32, 'c');
  web_ = std::make_unique<web::Web>(options, templates_, catalog_, random_);
  web_->SetIdentity([this](std::string_view) { return user_; });
  jobs_ = std::make_unique<jobs::JobRunner>(*db_, clock_, random_);
}

PageHarness::~PageHarness() = default;

http::Request PageHarness::Request(http::Method method, const std::string& target, Params params) {
  http::Request req;
  req.method = method;
  req.target = target;
  size_t q = target.find('?');
  req.path = target.substr(0, q);
  if (q != std::string::npos) req.query = target.substr(q + 1);
  req.params = std::move(params);
  req.remote_addr = "192.0.2.1";
  req.request_id = "test";
  req.headers.Set("Cookie", "wp_session=" + session_);
  return req;
}

http::Response PageHarness::Get(const web::Web::Handler& handler, const std::string& target, Params params,
                                web::PageOptions options) {
  http::Request req = Request(http::Method::kGet, target, std::move(params));
  return web_->Page(handler, options)(req);
}

http::Response PageHarness::Post(const web::Web::Handler& handler, const std::string& target, Params fields,
                                 Params params, web::PageOptions options) {
  http::Request req = Request(http::Method::kPost, target, std::move(params));
  fields.insert(fields.begin(), {"_csrf", auth::CsrfTokenFor(web_->options().csrf_secret, session_)});
  std::string body;
  for (const auto& [k, v] : fields)
    body += (body.empty() ? "" : "&") + http::PercentEncode(k) + "=" + http::PercentEncode(v);
  req.body = body;
  req.headers.Set("Content-Type", "application/x-www-form-urlencoded");
  return web_->Page(handler, options)(req);
}

}  // namespace wp::testing
