#include "app/app.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/client_address.h"
#include "app/features.h"
#include "app/local_zone.h"
#include "app/ops_metrics.h"
#include "core/auth/key_file.h"
#include "core/db/migrations.h"
#include "core/html/template.h"
#include "core/http/access_log.h"
#include "core/http/metrics.h"
#include "core/http/router.h"
#include "core/http/security_headers.h"
#include "core/http/server.h"
#include "core/i18n/catalog.h"
#include "core/jobs/jobs.h"
#include "core/jobs/lease.h"
#include "core/mail/outbox.h"
#include "core/strings.h"
#include "app/file_sweep.h"
#include "core/web/registry.h"
#include "core/web/session_cookie.h"
#include "core/web/static_assets.h"
#include "core/web/web.h"
#include "features/accounts/commands.h"
#include "features/archive/archive_index.h"
#include "wp_app_files.h"
#include "wp_assets.h"
#include "wp_jobs_files.h"
#include "wp_mail_files.h"
#include "wp_web_files.h"

namespace wp::app {

struct App::Impl {
  Config config;
  std::unique_ptr<SystemClock> own_clock;
  std::unique_ptr<SecureRandom> own_random;
  const Clock* clock = nullptr;
  Random* random = nullptr;
  time::TimeZone zone;  // Europe/Amsterdam, for every time people see
  bool quiet = false;
  std::unique_ptr<db::Database> db;
  i18n::Catalog catalog;
  std::unique_ptr<html::TemplateSet> templates;
  std::unique_ptr<web::Web> web;
  std::unique_ptr<files::BlobStore> files;
  web::FeatureRegistry registry;
  FeatureHandles handles;
  http::Router router;
  web::StaticAssets assets;
  http::MetricsRegistry metrics;
  std::unique_ptr<http::HttpMetrics> http_metrics;
  std::unique_ptr<OpsMetrics> ops_metrics;
  http::GaugeFamily* stat_gauge = nullptr;
  http::GaugeFamily* page_cache_gauge = nullptr;
  std::unique_ptr<http::AccessLog> access_log;
  std::FILE* access_log_file = nullptr;
  std::unique_ptr<http::Server> server;
  std::unique_ptr<jobs::JobRunner> jobs;
  std::unique_ptr<mail::Delivery> mail;
  std::vector<std::string> trusted_proxies;
  std::vector<std::string> metrics_addresses;
  http::Handler not_found;
  http::Handler method_not_allowed;

  ~Impl() {
    if (access_log_file && access_log_file != stdout) std::fclose(access_log_file);
  }

  // The steps of App::Create.
  Result<void> OpenDatabase(const Config& c, AppOverrides& overrides);
  Result<void> CreateWeb();
  Result<void> RegisterAll();
  Result<files::SweepReport> SweepFiles(files::SweepOptions options = {}) {
    return wp::app::SweepUnreferencedFiles(*db, *files, registry.migrations(), registry.stored_file_columns(), options);
  }
  Result<void> AddAssets();
  Result<void> AddRoutes();
  Result<void> OpenAccessLog();
};

App::App() : impl_(std::make_unique<Impl>()) {}

App::~App() { Stop(); }

namespace {

// The layout's stylesheet link (core/web/views), replaced by the app's.
constexpr std::string_view kStylesheetView = "views/stylesheet.html";

// The CSRF key: configured, or kept in a key file outside the database.
Result<std::string> CsrfSecret(const Config& config, Random& random) {
  if (!config.csrf_secret.empty()) return config.csrf_secret;
  std::string path = config.csrf_key_file;
  if (path.empty()) {
    std::filesystem::path folder = std::filesystem::path(config.voting_key_file).parent_path();
    path = (folder.empty() ? std::filesystem::path("csrf.key") : folder / "csrf.key").string();
  }
  return auth::LoadOrCreateKeyFile(path, random);
}

// Every declared upload route must be a route of the router: a renamed route
// would otherwise silently lose its upload limit.
Result<void> CheckUploadRoutes(const http::Router& router, const std::vector<web::UploadRoute>& uploads) {
  for (const auto& upload : uploads) {
    std::string sample;
    for (auto segment : Split(upload.pattern, '/')) {
      if (segment.empty()) continue;
      sample += "/" + std::string(segment.starts_with("{") ? "1" : segment);
    }
    auto match = router.Find(upload.method, sample);
    if (match.kind != http::Router::MatchKind::kFound || match.pattern != upload.pattern) {
      return Internal("upload route " + upload.pattern + " is not a route");
    }
  }
  return Ok();
}

}  // namespace

// The steps of App::Create, in order.
Result<void> App::Impl::OpenDatabase(const Config& c, AppOverrides& overrides) {
  config = c;
  quiet = overrides.quiet;
  trusted_proxies = ParseAddressList(c.trusted_proxies);
  metrics_addresses = ParseAddressList(c.metrics_addresses);
  if (overrides.clock) {
    clock = overrides.clock;
  } else {
    own_clock = std::make_unique<SystemClock>();
    clock = own_clock.get();
  }
  if (overrides.random) {
    random = overrides.random;
  } else {
    own_random = std::make_unique<SecureRandom>();
    random = own_random.get();
  }
  WP_ASSIGN_OR_RETURN(db, wp::db::Open(c.database_url));
  // The app's own tables (settings) come first.
  auto app_migrations = wp::db::MigrationsFromFiles("app", AppFiles());
  for (auto& mm : wp::db::MigrationsFromFiles("jobs", JobsFiles())) app_migrations.push_back(mm);
  for (auto& mm : wp::db::MigrationsFromFiles("mail", MailFiles())) app_migrations.push_back(mm);
  WP_TRY_VOID(wp::db::ApplyMigrations(*db, app_migrations));
  return Ok();
}

Result<void> App::Impl::CreateWeb() {
  wp::web::SiteOptions site;
  site.site_name = config.site_name;
  site.municipality_name = config.municipality_name;
  site.base_url = config.base_url;
  site.secure_cookies = config.base_url.rfind("https://", 0) == 0;
  WP_ASSIGN_OR_RETURN(site.csrf_secret, CsrfSecret(config, *random));
  // The server limits whole bodies per route (BodyLimit); a single field
  // may then fill an upload body.
  site.form_limits.max_field_bytes = static_cast<size_t>(config.max_upload_kib) * 1024;
  site.form_limits.max_file_bytes = site.form_limits.max_field_bytes;
  templates = std::make_unique<wp::html::TemplateSet>(catalog);
  web = std::make_unique<wp::web::Web>(site, *templates, catalog, *random);
  web->EnablePageCache(
      wp::web::PageCacheOptions{.max_age_ms = config.page_cache_ms}, [this] { return db->WriteGeneration(); },
      [this] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(clock->Now().time_since_epoch()).count();
      });
  LocalZone local_zone = LoadLocalZone();
  if (!local_zone.from_file && !quiet) {
    std::cerr << "wijkplatform: " << kAmsterdamZoneFile << " is missing or unreadable (install tzdata); "
              << "using the built-in rule " << time::kAmsterdamRule << "\n";
  }
  zone = std::move(local_zone.zone);
  return Ok();
}

Result<void> App::Impl::RegisterAll() {
  // Background work of every feature; the thread starts with the server.
  jobs = std::make_unique<wp::jobs::JobRunner>(*db, *clock, *random,
                                               wp::jobs::RunnerOptions{.poll_seconds = config.mail_interval_seconds});
  files = std::make_unique<wp::files::BlobStore>(config.files_dir);
  wp::web::FeatureDeps deps{*db, *clock, *random, *web, *jobs, zone, *files};
  WP_TRY_VOID(RegisterFeatures(registry, deps, config, handles));
  // Strings and views: core first, then each feature's.
  WP_TRY_VOID(catalog.AddFiles(WebFiles()));
  // The stylesheet link is the app's own (AddAssets: a hashed name).
  std::vector<EmbeddedFile> web_files;
  for (const auto& f : WebFiles()) {
    if (f.path != kStylesheetView) web_files.push_back(f);
  }
  WP_TRY_VOID(templates->AddFiles("web", web_files));
  for (const auto& f : registry.files()) {
    WP_TRY_VOID(catalog.AddFiles(f.files));
    WP_TRY_VOID(templates->AddFiles(f.feature, f.files));
  }
  if (auto missing = catalog.Inconsistencies(); !missing.empty()) {
    return Internal("translation catalogs differ: " + missing.front() + " (and " + std::to_string(missing.size() - 1) +
                    " more)");
  }
  wp::mail::SmtpOptions smtp{config.smtp_url, config.smtp_username, config.smtp_password, config.mail_from,
                             config.smtp_require_tls};
  mail = std::make_unique<wp::mail::Delivery>(*db, smtp, *clock, wp::jobs::NewWorkerId(*random));
  wp::mail::Delivery* delivery = mail.get();
  // Every process delivers: each message is claimed by one deliverer.
  jobs->AddPoller("mail.deliver", [delivery]() -> Result<void> {
    WP_TRY_VOID(delivery->DeliverDue(200));
    return Ok();
  });
  // Documents no row names any more (a refused or abandoned upload) go after
  // a day (app/file_sweep.h); every process may sweep, the moves are atomic.
  jobs->AddPeriodic("files.sweep", 6 * 3600, [this]() -> Result<void> {
    WP_ASSIGN_OR_RETURN(wp::files::SweepReport report, SweepFiles());
    if (report.removed > 0 && !quiet) {
      std::cerr << "wijkplatform: removed " << report.removed << " unreferenced documents (" << report.bytes_removed
                << " bytes)\n";
    }
    return Ok();
  });
  WP_ASSIGN_OR_RETURN(int applied, wp::db::ApplyMigrations(*db, registry.migrations()));
  if (applied > 0 && !quiet) std::cerr << "wijkplatform: applied " << applied << " database migrations\n";
  return AfterMigrations(handles, config, quiet);
}

// Static assets: the one stylesheet tools/css made at build time (NL Design
// System CSS pruned to what the pages use, plus ours) with its gzip and
// brotli forms, under a hashed name cached as immutable; the layout links it.
Result<void> App::Impl::AddAssets() {
  std::string css;
  web::Encodings encodings;
  for (const auto& f : AssetFiles()) {
    if (f.path == "site.css") css = std::string(f.data);
    if (f.path == "site.css.gz") encodings.gzip = std::string(f.data);
    if (f.path == "site.css.br") encodings.brotli = std::string(f.data);
  }
  if (css.empty() || encodings.gzip.empty() || encodings.brotli.empty())
    return Internal("the stylesheet is not built in");
  std::string url = assets.AddVersioned("site.css", std::move(css), std::move(encodings));
  return templates->Add("web/stylesheet.html", "<link rel=\"stylesheet\" href=\"" + url + "\">\n");
}

// The app's own routes (health, metrics, static files, language), every
// feature's, and the 404 and 405 pages.
Result<void> App::Impl::AddRoutes() {
  // Metrics: HTTP traffic plus each feature's numbers.
  http_metrics = std::make_unique<wp::http::HttpMetrics>(metrics);
  stat_gauge = &metrics.AddGauge("wp_stat", "Counts reported by the features.", {"name"});
  page_cache_gauge = &metrics.AddGauge("wp_page_cache",
                                       "Public pages kept for anonymous visitors in this process: hits, misses and "
                                       "stores since start; entries and bytes now.",
                                       {"what"});
  ops_metrics = std::make_unique<OpsMetrics>(metrics, *db, *clock);
  Impl& m = *this;
  wp::web::Web& w = *web;
  router.Get("/healthz", [&m](wp::http::Request&) {
    auto ok = m.db->Read([](wp::db::Connection& c) { return c.QueryOne("SELECT 1"); });
    wp::http::Response r =
        ok.has_value() ? wp::http::Response::Text("ok\n") : wp::http::Response::Text("database unavailable\n", 503);
    r.headers.Set("Cache-Control", "no-store");
    return r;
  });
  router.Get("/metrics", [&m](wp::http::Request& req) {
    // Only for the monitoring hosts: the numbers say how busy the site is.
    if (std::find(m.metrics_addresses.begin(), m.metrics_addresses.end(), req.remote_addr) ==
        m.metrics_addresses.end()) {
      return m.not_found(req);
    }
    m.ops_metrics->Update();
    const wp::web::PageCacheStats pc = m.web->page_cache_stats();
    m.page_cache_gauge->Set({"hits"}, static_cast<double>(pc.hits));
    m.page_cache_gauge->Set({"misses"}, static_cast<double>(pc.misses));
    m.page_cache_gauge->Set({"stores"}, static_cast<double>(pc.stores));
    m.page_cache_gauge->Set({"entries"}, static_cast<double>(pc.entries));
    m.page_cache_gauge->Set({"bytes"}, static_cast<double>(pc.bytes));
    (void)m.db->Read([&m](wp::db::Connection& c) -> Result<bool> {
      for (const auto& s : m.registry.stats()) m.stat_gauge->Set({s.name}, static_cast<double>(s.value(c)));
      return true;
    });
    wp::http::Response r = wp::http::Response::Text(m.metrics.RenderPrometheus());
    r.headers.Set("Content-Type", wp::http::kPrometheusContentType);
    r.headers.Set("Cache-Control", "no-store");
    return r;
  });
  router.Get("/static/{name}", [&m](wp::http::Request& req) { return m.assets.Serve(req, req.Param("name")); });
  router.Get("/taal/{locale}", [&w](wp::http::Request& req) { return w.SwitchLocale(req); });
  for (const auto& fn : registry.route_fns()) fn(router);
  WP_TRY_VOID(CheckUploadRoutes(router, registry.upload_routes()));
  auto message = [&w](int status, const char* key) {
    return w.Page(wp::web::Web::Handler([&w, status, key](wp::web::Context& ctx) -> Result<wp::http::Response> {
                    return w.Message(ctx, status, "web.error.title", key);
                  }),
                  {.check_csrf = false});
  };
  not_found = message(404, "web.not_found");
  method_not_allowed = message(405, "web.method_not_allowed");
  return Ok();
}

Result<void> App::Impl::OpenAccessLog() {
  if (config.access_log.empty() || quiet) return Ok();
  if (config.access_log == "-") {
    access_log = std::make_unique<wp::http::AccessLog>(stdout, *clock);
    return Ok();
  }
  access_log_file = std::fopen(config.access_log.c_str(), "a");
  if (!access_log_file) return InvalidInput("access_log: cannot open " + config.access_log);
  access_log = std::make_unique<wp::http::AccessLog>(access_log_file, *clock);
  return Ok();
}

Result<std::unique_ptr<App>> App::Create(const Config& config, AppOverrides overrides) {
  WP_TRY_VOID(ValidateConfig(config));
  std::unique_ptr<App> app(new App());
  Impl& m = *app->impl_;
  WP_TRY_VOID(m.OpenDatabase(config, overrides));
  WP_TRY_VOID(m.CreateWeb());
  WP_TRY_VOID(m.RegisterAll());
  WP_TRY_VOID(m.AddAssets());
  WP_TRY_VOID(m.AddRoutes());
  WP_TRY_VOID(m.OpenAccessLog());
  return app;
}

size_t App::BodyLimit(const http::Request& head) {
  Impl& m = *impl_;
  const size_t small = static_cast<size_t>(m.config.max_body_kib) * 1024;
  http::Router::Match match = m.router.Find(head.method, head.path);
  if (match.kind != http::Router::MatchKind::kFound) return small;
  for (const auto& upload : m.registry.upload_routes()) {
    if (upload.method != head.method || upload.pattern != match.pattern) continue;
    if (upload.require_login) {
      auto token = head.Cookie(web::SessionCookieName(m.web->options().secure_cookies));
      if (!token || !m.handles.accounts->UserForSession(*token)) return small;
    }
    return static_cast<size_t>(m.config.max_upload_kib) * 1024;
  }
  return small;
}

http::Response App::Handle(http::Request& req) {
  Impl& m = *impl_;
  if (!m.trusted_proxies.empty()) {
    req.remote_addr = ClientAddress(req.remote_addr, req.Header("X-Forwarded-For"), m.trusted_proxies);
  }
  http::Router::Match match = m.router.Find(req.method, req.path);
  http::Response resp;
  if (match.kind == http::Router::MatchKind::kFound) {
    req.params = std::move(match.params);
    req.route = match.pattern;
    resp = (*match.handler)(req);
  } else if (match.kind == http::Router::MatchKind::kMethodNotAllowed) {
    req.route = "method_not_allowed";  // a bounded metrics label
    resp = m.method_not_allowed(req);
    std::string allow;
    for (auto method : match.allowed) allow += (allow.empty() ? "" : ", ") + std::string(http::MethodName(method));
    resp.headers.Set("Allow", allow);
  } else {
    resp = m.not_found(req);
  }
  http::AddSecurityHeaders(resp, {.https = m.web->options().secure_cookies});
  return resp;
}

Result<void> App::Start() {
  Impl& m = *impl_;
  http::ServerOptions opts;
  opts.address = m.config.listen_address;
  opts.port = static_cast<uint16_t>(m.config.port);
  opts.threads = m.config.threads;
  opts.max_body_bytes = static_cast<size_t>(m.config.max_body_kib) * 1024;
  opts.body_limit = [this](const http::Request& head) { return BodyLimit(head); };
  opts.max_connections = static_cast<size_t>(m.config.max_connections);
  opts.max_connections_per_client = static_cast<size_t>(m.config.max_connections_per_client);
  opts.unlimited_clients = m.trusted_proxies;
  opts.on_complete = [&m](const http::Request& req, const http::Response& resp, std::chrono::microseconds d) {
    if (m.access_log) m.access_log->Write(req, resp, d);
    m.http_metrics->Record(req, resp, d);
  };
  m.server = std::make_unique<http::Server>(opts, [this](http::Request& req) { return Handle(req); });
  WP_TRY_VOID(m.server->Listen());
  m.server->Start();
  m.jobs->Start();
  if (!m.quiet) {
    std::cerr << "wijkplatform: serving http://" << m.config.listen_address << ":" << port() << "/ (base URL "
              << m.config.base_url << ")\n";
  }
  return Ok();
}

uint16_t App::port() const { return impl_->server ? impl_->server->port() : 0; }

void App::Stop() {
  Impl& m = *impl_;
  if (m.server) {
    m.server->Stop();
    m.server.reset();
  }
  if (m.jobs) m.jobs->Stop();
}

void App::WaitForSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  int sig = 0;
  sigwait(&set, &sig);
  if (!impl_->quiet) std::cerr << "wijkplatform: received signal " << sig << ", finishing requests and stopping\n";
  Stop();
}

Result<int> App::RunBackgroundTasksOnce() { return impl_->jobs->RunOnce(); }
Result<files::SweepReport> App::SweepUnreferencedFiles(files::SweepOptions options) {
  return impl_->SweepFiles(options);
}
void App::WaitForBackgroundJobsForTest() { impl_->jobs->WaitUntilIdleForTest(); }

db::Database& App::db() { return *impl_->db; }
accounts::AccountCommands& App::accounts() { return *impl_->handles.accounts; }
geography::GeographyService* App::geography() { return impl_->handles.geography; }
codes::CodeCommands& App::codes() { return *impl_->handles.codes; }
Result<int> App::DeliverMailNow() { return impl_->mail->DeliverDue(1000); }
const Config& App::config() const { return impl_->config; }
const time::TimeZone& App::zone() const { return impl_->zone; }
const i18n::Catalog& App::catalog() const { return impl_->catalog; }

Result<int64_t> App::RebuildSearchIndex() { return impl_->handles.archive_index->Rebuild(); }

Result<void> App::LoadDemoContent() { return LoadDemo(impl_->handles, impl_->registry, *impl_->clock); }

}  // namespace wp::app
