// PageHarness: calls a feature's page handlers directly, without a server
// or socket: the core views and messages plus the feature's own, a fresh
// SQLite database in a temporary folder with the given migrations, a
// FakeClock, and requests built in memory that go through Web::Page (sign-in
// and role checks, CSRF, form parsing, error pages) exactly as in the app.
// For handler unit tests; feature HTTP tests use AppHarness.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/db/migrations.h"
#include "core/embedded.h"
#include "core/html/template.h"
#include "core/i18n/catalog.h"
#include "core/jobs/jobs.h"
#include "core/random.h"
#include "core/web/web.h"
#include "testing/temp_dir.h"

namespace wp::testing {

class PageHarness {
 public:
  // `files` are the feature's embedded files (views, i18n, migrations) under
  // `feature`; the core's e-mail and jobs tables are created too.
  PageHarness(const std::string& feature, std::span<const EmbeddedFile> files);
  ~PageHarness();

  db::Database& db() { return *db_; }
  FakeClock& clock() { return clock_; }
  Random& random() { return random_; }
  web::Web& web() { return *web_; }
  jobs::JobRunner& jobs() { return *jobs_; }
  const i18n::Catalog& catalog() const { return catalog_; }

  // The user the next requests come from (nullopt: a visitor).
  void SignInAs(std::optional<auth::User> user) { user_ = std::move(user); }

  using Params = std::vector<std::pair<std::string, std::string>>;
  // GET `target` through `handler` with route parameters `params`.
  http::Response Get(const web::Web::Handler& handler, const std::string& target, Params params = {},
                     web::PageOptions options = {});
  // POST `fields` (urlencoded, with a valid CSRF token) to `target`.
  http::Response Post(const web::Web::Handler& handler, const std::string& target, Params fields, Params params = {},
                      web::PageOptions options = {});

 private:
  http::Request Request(http::Method method, const std::string& target, Params params);

  TempDir dir_;
  FakeClock clock_;
  SeededRandom random_{20261203};
  i18n::Catalog catalog_;
  html::TemplateSet templates_{catalog_};
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<web::Web> web_;
  std::unique_ptr<jobs::JobRunner> jobs_;
  std::optional<auth::User> user_;
  std::string session_ = std::string(43, 'S');
};

}  // namespace wp::testing
