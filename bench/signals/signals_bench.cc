// wp_bench_signals: signals through the real HTTP stack (#13), the whole app
// in-process on 127.0.0.1 on the database the tests use (SQLite in WAL mode
// with synchronous=FULL; PostgreSQL with WP_TEST_DATABASE=postgres and
// WP_TEST_POSTGRES_URL, as bench/voting).
//  1. Intake: Open311 POSTs (an API key, a point in Haarlem, each from its own
//     client address through a trusted proxy's X-Forwarded-For, so the
//     per-client limit does not stop the run), many connections in parallel;
//     durable signals per second next to the database's raw commit rate of the
//     same run (bench/http/raw_commits.h).
//  2. Reading: a stock of signals written straight into the database across
//     the city over two years (half of them in one wijk), then many
//     connections GET that wijk's public list with its map (the first page and
//     a deep page) and the wijk page with its signals section; p50/p99 and
//     requests per second of each. The readers are wp_bench_http_load (one
//     event-driven thread, bench/http), started as a separate process: 64
//     blocking client threads would take the two cores from the server and
//     measure the clients' scheduling instead of the pages.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/auth/tokens.h"
#include "core/random.h"
#include "core/strings.h"
#include "features/geography/service.h"
#include "features/signals/signal_store.h"
#include "load_stats.h"
#include "raw_commits.h"
#include "testing/app_harness.h"

namespace {

using Clock = std::chrono::steady_clock;
using wp::signals::SignalStore;

const char* kUsage = R"(usage: wp_bench_signals [options]

Signals through the real HTTP stack against 127.0.0.1: the intake rate of
Open311 posts next to the raw commit rate of the same database setup, then the
public list and map of a wijk with a large stock of signals in the database.
With WP_TEST_DATABASE=postgres and WP_TEST_POSTGRES_URL=<admin URL> everything
runs on that PostgreSQL server (fresh databases) instead of SQLite.

Options:
  --signals N             signals to post through Open311 (default 2000)
  --intake-connections I  connections posting in parallel (default 16)
  --stock S               signals written into the database before reading (default 100000)
  --requests R            GET requests per page measured (default 3000)
  --connections C         connections reading in parallel (default 64)
  --server-threads T      HTTP server threads (default: one per CPU core, as `serve` runs)
  --load-tool PATH        the load generator for the reads (default: wp_bench_http_load
                          in ../http next to this program)
  --commits M             single-row INSERT+COMMIT transactions for the raw rate (default 2000)
  --json                  print the figures as JSON
  --help                  show this text
)";

struct Options {
  int signals = 2000, intake_connections = 16, stock = 100000, requests = 3000, connections = 64, server_threads = 0,
      commits = 2000;
  bool json = false;
  std::string load_tool;
};

// Returns false (after printing why) on a bad command line; sets `help`.
bool ParseOptions(int argc, char** argv, Options& o, bool& help) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    int* target = nullptr;
    if (a == "--signals")
      target = &o.signals;
    else if (a == "--intake-connections")
      target = &o.intake_connections;
    else if (a == "--stock")
      target = &o.stock;
    else if (a == "--requests")
      target = &o.requests;
    else if (a == "--connections")
      target = &o.connections;
    else if (a == "--server-threads")
      target = &o.server_threads;
    else if (a == "--commits")
      target = &o.commits;
    else if (a == "--json")
      o.json = true;
    else if (a == "--load-tool") {
      if (i + 1 >= argc) {
        std::cerr << "wp_bench_signals: --load-tool needs a path\n" << kUsage;
        return false;
      }
      o.load_tool = argv[++i];
    }
    else if (a == "--help")
      help = true;
    else {
      std::cerr << "wp_bench_signals: unknown option " << a << "\n" << kUsage;
      return false;
    }
    if (target && (i + 1 >= argc || !wp::bench::ParsePositiveInt(argv[++i], *target))) {
      std::cerr << "wp_bench_signals: " << a << " needs a positive number\n" << kUsage;
      return false;
    }
  }
  return true;
}

struct Place {
  double lon = 0, lat = 0;
  std::string neighbourhood, district, borough;
};

// A point inside every buurt of the municipality that has one.
std::vector<Place> Places(const wp::geography::Municipality& m) {
  std::vector<Place> out;
  for (const auto& n : m.neighbourhoods) {
    if (auto p = wp::geography::InteriorPoint(n.shape)) {
      out.push_back({p->lon, p->lat, n.code.str(), n.district_code.str(), wp::Slugify(n.borough)});
    }
  }
  return out;
}

// A department and four reportable categories; returns their ids.
std::vector<int64_t> AddCategories(wp::db::Database& db) {
  auto r = db.Write([](wp::db::Connection& c) -> wp::Result<std::vector<int64_t>> {
    WP_TRY_VOID(SignalStore::SaveDepartment(c, {"wegen", "Wegen en verkeer", false}));
    wp::signals::Category main;
    main.slug = "straat";
    main.name = "Straat en stoep";
    main.department_slug = "wegen";
    WP_ASSIGN_OR_RETURN(int64_t main_id, SignalStore::InsertCategory(c, main));
    std::vector<int64_t> ids;
    for (const char* slug : {"losse-tegel", "gat-in-de-weg", "straatlantaarn", "zwerfafval"}) {
      wp::signals::Category sub = main;
      sub.parent_id = main_id;
      sub.slug = slug;
      sub.name = slug;
      WP_ASSIGN_OR_RETURN(int64_t id, SignalStore::InsertCategory(c, sub));
      ids.push_back(id);
    }
    return ids;
  });
  if (!r.has_value()) throw std::runtime_error(r.error().detail);
  return *r;
}

// One API key per 500 posts (each key may post 600 an hour).
std::vector<std::string> AddApiKeys(wp::db::Database& db, int posts) {
  wp::SeededRandom random(42);
  std::vector<std::string> keys;
  for (int i = 0; i <= posts / 500; ++i) {
    std::string key = "wpk_" + wp::auth::NewToken(random);
    auto r = db.Write([&](wp::db::Connection& c) {
      return SignalStore::InsertApiKey(c, "bench " + std::to_string(i), wp::auth::TokenHash(key), key.substr(0, 10), 1);
    });
    if (!r.has_value()) throw std::runtime_error(r.error().detail);
    keys.push_back(key);
  }
  return keys;
}

struct Run {
  double seconds = 0;
  int failed = 0;
  wp::bench::LatencyHistogram latency;
};

// `total` requests over `connections` clients; `request(client, i)` returns true on success.
template <typename Request>
Run Load(uint16_t port, int connections, int total, Request request) {
  std::vector<std::unique_ptr<wp::testing::HttpClient>> clients;
  for (int i = 0; i < connections; ++i) clients.push_back(std::make_unique<wp::testing::HttpClient>("127.0.0.1", port));
  std::vector<wp::bench::LatencyHistogram> histograms(connections);
  std::atomic<int> next{0}, failed{0};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < connections; ++t) {
    threads.emplace_back([&, t] {
      for (int i = next++; i < total; i = next++) {
        auto t0 = Clock::now();
        bool ok = request(*clients[t], i);
        histograms[t].Record(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count());
        if (!ok) ++failed;
      }
    });
  }
  for (auto& th : threads) th.join();
  Run run;
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  run.failed = failed.load();
  for (const auto& h : histograms) run.latency.Merge(h);
  return run;
}

// `count` signals over the last two years, half of them in `target` (a wijk's
// places), the rest across the city; one in twenty still open.
void AddStock(wp::db::Database& db, const std::vector<Place>& city, const std::vector<Place>& target,
              const std::vector<int64_t>& categories, int count, int64_t now) {
  std::mt19937_64 rng(7);
  constexpr int kBatch = 5000;
  for (int done = 0; done < count; done += kBatch) {
    auto r = db.Write([&](wp::db::Connection& c) -> wp::Result<bool> {
      for (int i = done; i < std::min(count, done + kBatch); ++i) {
        const auto& places = i % 2 ? city : target;
        const Place& p = places[rng() % places.size()];
        wp::signals::Signal s;
        s.category_id = categories[rng() % categories.size()];
        s.department_slug = "wegen";
        s.created_at = now - static_cast<int64_t>(rng() % (730 * 86400));
        s.updated_at = s.created_at;
        s.deadline_at = s.created_at + 5 * 86400;
        s.last_reporter_message_at = s.created_at;
        bool open = i % 20 == 0;
        s.status = open ? wp::signals::SignalStatus::kReported : wp::signals::SignalStatus::kDone;
        if (!open) s.closed_at = s.created_at + 3 * 86400;
        s.description = "Losse tegel op de stoep (bench " + std::to_string(i) + ")";
        s.share_publicly = i % 3 == 0;
        s.lon = p.lon;
        s.lat = p.lat;
        s.neighbourhood_code = p.neighbourhood;
        s.district_code = p.district;
        s.borough_slug = p.borough;
        s.source = "web";
        WP_TRY_VOID(SignalStore::InsertSignal(c, s));
      }
      return true;
    });
    if (!r.has_value()) throw std::runtime_error(r.error().detail);
  }
}

nlohmann::json Figures(const Run& run, int requests) {
  return {{"requests", requests},
          {"failed", run.failed},
          {"per_second", requests / run.seconds},
          {"p50_ms", run.latency.Percentile(0.5) / 1000.0},
          {"p99_ms", run.latency.Percentile(0.99) / 1000.0}};
}

// `requests` GETs of `path` over `connections` keep-alive connections by
// wp_bench_http_load; its figures in the shape of Figures(), or nothing (after
// saying why) when the tool cannot run.
std::optional<nlohmann::json> ReadLoad(const std::string& tool, uint16_t port, const std::string& path,
                                       int connections, int requests) {
  std::string command = "'" + tool + "' --port " + std::to_string(port) + " --path '" + path + "' --connections " +
                        std::to_string(connections) + " --requests " + std::to_string(requests) +
                        " --duration 600 --threads 1 --json";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    std::cerr << "wp_bench_signals: cannot start " << tool << "\n";
    return std::nullopt;
  }
  std::string out;
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  int status = pclose(pipe);
  auto j = nlohmann::json::parse(out, nullptr, false);
  if (status != 0 || j.is_discarded() || !j.contains("latency_ms")) {
    std::cerr << "wp_bench_signals: " << command << " failed (status " << status << "):\n" << out;
    return std::nullopt;
  }
  return nlohmann::json{{"requests", j["requests_ok"].get<int64_t>()},
                        {"failed", j["bad_status"].get<int64_t>() + j["errors"].get<int64_t>()},
                        {"per_second", j["requests_per_s"]},
                        {"p50_ms", j["latency_ms"]["p50"]},
                        {"p99_ms", j["latency_ms"]["p99"]}};
}

// wp_bench_http_load next to this program's folder (build/<preset>/bench/http).
std::string DefaultLoadTool() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "wp_bench_http_load";
  return (self.parent_path().parent_path() / "http" / "wp_bench_http_load").string();
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  bool help = false;
  if (!ParseOptions(argc, argv, o, help)) return 2;
  if (help) {
    std::cout << kUsage;
    return 0;
  }
  if (o.load_tool.empty()) o.load_tool = DefaultLoadTool();
  if (o.server_threads == 0) o.server_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  wp::testing::AppHarness h([&](wp::app::Config& c) {
    c.threads = o.server_threads;
    c.trusted_proxies = "127.0.0.1";
    c.max_connections = std::max(c.max_connections, o.connections + o.intake_connections + 16);
  });
  auto m = h.app().geography()->current();
  std::vector<Place> city = Places(*m);
  if (city.empty()) {
    std::cerr << "wp_bench_signals: the municipality has no buurten\n";
    return 1;
  }
  std::vector<int64_t> categories = AddCategories(h.app().db());
  std::vector<std::string> keys = AddApiKeys(h.app().db(), o.signals);

  // 1. Intake through Open311.
  Run intake = Load(h.port(), o.intake_connections, o.signals, [&](wp::testing::HttpClient& client, int i) {
    const Place& p = city[static_cast<size_t>(i) * 7 % city.size()];
    char lat[32], lon[32];
    std::snprintf(lat, sizeof lat, "%.6f", p.lat);
    std::snprintf(lon, sizeof lon, "%.6f", p.lon);
    std::string client_address =
        "10." + std::to_string((i >> 16) & 255) + "." + std::to_string((i >> 8) & 255) + "." + std::to_string(i & 255);
    auto r = client.PostForm("/open311/v2/requests.json",
                             {{"api_key", keys[static_cast<size_t>(i) / 500]},
                              {"service_code", "losse-tegel"},
                              {"lat", lat},
                              {"long", lon},
                              {"description", "Losse tegel voor nummer " + std::to_string(i)}},
                             {{"X-Forwarded-For", client_address}});
    return r.status == 200;
  });
  auto stored = h.app().db().Read([](wp::db::Connection& c) { return SignalStore::CountSignals(c); });
  const bool postgres = h.on_postgres();
  wp::testing::TempDir raw_dir;
  std::unique_ptr<wp::testing::PostgresTestDatabase> raw_pg;
  if (postgres) raw_pg = std::make_unique<wp::testing::PostgresTestDatabase>();
  wp::bench::CommitRate raw =
      wp::bench::RawCommits(postgres ? raw_pg->url() : "sqlite:" + raw_dir.File("raw.db"), o.commits);
  double intake_rate = o.signals / intake.seconds;

  // 2. Reading a wijk with a large stock: the wijk of the first buurt.
  const std::string wijk = city.front().district;
  std::vector<Place> target;
  std::copy_if(city.begin(), city.end(), std::back_inserter(target),
               [&](const Place& p) { return p.district == wijk; });
  auto t_stock = Clock::now();
  AddStock(h.app().db(), city, target, categories, o.stock, h.clock().NowUnixSeconds());
  double stock_seconds = std::chrono::duration<double>(Clock::now() - t_stock).count();
  struct Page {
    const char* name;
    std::string path;
  };
  const std::vector<Page> pages = {{"wijk_list_and_map", "/meldingen/wijk/" + wijk},
                                   {"wijk_list_page_20", "/meldingen/wijk/" + wijk + "?pagina=20"},
                                   {"wijk_page_with_signals", "/wijk/" + wijk}};
  nlohmann::json reads = nlohmann::json::object();
  int read_failures = 0;
  for (const auto& page : pages) {
    auto figures = ReadLoad(o.load_tool, h.port(), page.path, o.connections, o.requests);
    if (!figures) return 1;
    read_failures += (*figures)["failed"].get<int>();
    reads[page.name] = *figures;
    reads[page.name]["path"] = page.path;
  }

  nlohmann::json j = {{"backend", postgres ? "postgresql" : "sqlite"},
                      {"server_threads", o.server_threads},
                      {"intake", Figures(intake, o.signals)},
                      {"intake_connections", o.intake_connections},
                      {"signals_stored", stored.has_value() ? *stored : -1},
                      {"raw_commits_per_second", raw.per_second},
                      {"raw_commit_p99_ms", raw.p99_us / 1000.0},
                      {"ratio_intake_to_raw_commits", intake_rate / raw.per_second},
                      {"stock", o.stock},
                      {"stock_seconds", stock_seconds},
                      {"read_connections", o.connections},
                      {"reads", reads}};
  if (o.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    std::printf("intake: %d Open311 posts over %d connections (%d server threads, %s), %d failed\n", o.signals,
                o.intake_connections, o.server_threads, postgres ? "PostgreSQL" : "SQLite", intake.failed);
    std::printf("signals/s: %.0f   p50 %.2f ms   p99 %.2f ms\n", intake_rate, intake.latency.Percentile(0.5) / 1000.0,
                intake.latency.Percentile(0.99) / 1000.0);
    std::printf("raw commits/s: %.0f   p99 %.2f ms   ratio signals/raw commits: %.2f\n", raw.per_second,
                raw.p99_us / 1000.0, intake_rate / raw.per_second);
    std::printf("stock: %d more signals (half in %s) written in %.1f s\n", o.stock, wijk.c_str(), stock_seconds);
    for (const auto& page : pages) {
      const auto& f = reads[page.name];
      std::printf("%-24s %s: %.0f req/s   p50 %.2f ms   p99 %.2f ms   (%d connections, %d failed)\n", page.name,
                  page.path.c_str(), f["per_second"].get<double>(), f["p50_ms"].get<double>(),
                  f["p99_ms"].get<double>(), o.connections, f["failed"].get<int>());
    }
  }
  bool all_stored = stored.has_value() && *stored == o.signals;
  return intake.failed == 0 && read_failures == 0 && all_stored ? 0 : 1;
}
