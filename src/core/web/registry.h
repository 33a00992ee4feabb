// FeatureRegistry: what a feature adds to the application, collected by its
// Register<Feature>() function (see src/app/features.cc). Explicit and
// readable: routes, migrations, templates, catalogs, navigation, stats.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/db/migrations.h"
#include "core/embedded.h"
#include "core/files/blob_store.h"
#include "core/http/router.h"
#include "core/jobs/jobs.h"
#include "core/random.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "core/web/web.h"

namespace wp::web {

// A number shown on dashboards and /metrics, e.g. "accounts.users".
struct StatProvider {
  std::string name;
  std::string help;
  std::function<int64_t(db::Connection&)> value;
};

// What a feature's demo loader gets (`wijkplatform serve --demo`): a way to
// find or create a demo account with roles. Accounts use the reserved
// .invalid domain and the shared demo password.
struct DemoSeed {
  // Returns the id of the account with `email`, creating it with `name` when
  // missing; adds the `grants` it does not have yet.
  std::function<Result<int64_t>(const std::string& email, const std::string& name,
                                const std::vector<auth::RoleGrant>& grants)>
      ensure_user;
  const Clock* clock = nullptr;
};

// A route that takes file uploads (photos, address lists): its request body
// may be as large as the upload limit (config max_upload_kib) instead of the
// small default (max_body_kib), and when `require_login` only for a request
// whose session is signed in. Every other request keeps the small limit.
struct UploadRoute {
  http::Method method = http::Method::kPost;
  std::string pattern;  // exactly as given to the router, e.g. "/meldingen/nieuw"
  bool require_login = true;
};

// A column whose values name documents in the files folder (core/files): the
// sweep of unreferenced files keeps every document some row names. Every
// feature that stores files registers each such column; a `sha256` column in
// a migration that no feature registered stops the sweep (app/file_sweep.h).
struct StoredFileColumn {
  std::string table;
  std::string column = "sha256";
};

// Everything a feature may depend on, created by the app.
struct FeatureDeps {
  db::Database& db;
  const Clock& clock;
  Random& random;
  Web& web;
  // Background work: job handlers, periodic tasks and pollers are added here
  // during registration (core/jobs/jobs.h).
  jobs::JobRunner& jobs;
  const time::TimeZone& zone;  // Europe/Amsterdam: every time shown, typed or mailed (core/time/format.h)
  // Uploaded documents (PDF attachments), kept outside the database by their
  // SHA-256 (core/files): config `files_dir`.
  const files::BlobStore& files;
};

class FeatureRegistry {
 public:
  // Embedded files of a feature: views/*.html, i18n/*.json, migrations/*.sql.
  void AddFiles(const std::string& feature, std::span<const EmbeddedFile> files) { files_.push_back({feature, files}); }
  void AddMigrations(std::vector<db::Migration> m) {
    for (auto& x : m) migrations_.push_back(std::move(x));
  }
  void AddStat(StatProvider s) { stats_.push_back(std::move(s)); }
  // Called once everything is loaded (routes need templates to exist).
  void AddRoutes(std::function<void(http::Router&)> fn) { route_fns_.push_back(std::move(fn)); }
  // Demo content of the feature, loaded (idempotently: a loader must notice
  // its content is there and do nothing) after the demo accounts, in
  // registration order.
  void AddDemo(std::string name, std::function<Result<void>(const DemoSeed&)> fn) {
    demos_.push_back({std::move(name), std::move(fn)});
  }
  void AddUploadRoute(UploadRoute route) { upload_routes_.push_back(std::move(route)); }
  void AddStoredFileColumn(StoredFileColumn column) { stored_file_columns_.push_back(std::move(column)); }
  // Objects the feature created that must live as long as the app.
  template <typename T>
  T& Keep(std::unique_ptr<T> p) {
    T& ref = *p;
    kept_.push_back(std::shared_ptr<void>(p.release(), [](void* x) { delete static_cast<T*>(x); }));
    return ref;
  }

  struct FeatureFiles {
    std::string feature;
    std::span<const EmbeddedFile> files;
  };
  const std::vector<FeatureFiles>& files() const { return files_; }
  const std::vector<db::Migration>& migrations() const { return migrations_; }
  const std::vector<StatProvider>& stats() const { return stats_; }
  const std::vector<std::function<void(http::Router&)>>& route_fns() const { return route_fns_; }
  struct Demo {
    std::string name;
    std::function<Result<void>(const DemoSeed&)> fn;
  };
  const std::vector<Demo>& demos() const { return demos_; }
  const std::vector<UploadRoute>& upload_routes() const { return upload_routes_; }
  const std::vector<StoredFileColumn>& stored_file_columns() const { return stored_file_columns_; }

 private:
  std::vector<FeatureFiles> files_;
  std::vector<db::Migration> migrations_;
  std::vector<StatProvider> stats_;
  std::vector<std::function<void(http::Router&)>> route_fns_;
  std::vector<Demo> demos_;
  std::vector<UploadRoute> upload_routes_;
  std::vector<StoredFileColumn> stored_file_columns_;
  std::vector<std::shared_ptr<void>> kept_;
};

}  // namespace wp::web
