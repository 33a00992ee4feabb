// wp_bench_voting: durable votes per second through the real HTTP stack
// (the whole app in-process on 127.0.0.1, real SQLite file in WAL mode with
// synchronous=FULL, as `wijkplatform serve` runs), many client connections
// posting ballots with distinct codes; and, in the same run and on the same
// file system, the database's raw commit rate (single-row INSERT + COMMIT
// transactions through the same storage layer). Prints both and the ratio.
// With WP_TEST_DATABASE=postgres and WP_TEST_POSTGRES_URL (an admin URL, e.g.
// from tools/pg_test_server.sh) both run on that PostgreSQL server instead.
//
//   wp_bench_voting [--votes N] [--connections C] [--server-threads T] [--commits M] [--json]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/db/database.h"
#include "features/voting/voting_world.h"
#include "load_stats.h"
#include "raw_commits.h"
#include "testing/http_client.h"
#include "testing/temp_dir.h"
#include "testing/test_database.h"

namespace {

using Clock = std::chrono::steady_clock;

const char* kUsage = R"(usage: wp_bench_voting [options]

Durable votes per second through the real HTTP stack against 127.0.0.1, next
to the raw commit rate of the same SQLite setup (WAL, synchronous=FULL).
With WP_TEST_DATABASE=postgres and WP_TEST_POSTGRES_URL=<admin URL> both run
on that PostgreSQL server (fresh databases) instead.

Options:
  --votes N            ballots to cast, each with its own code (default 2000)
  --connections C      client connections posting in parallel (default 16)
  --server-threads T   HTTP server threads (default 4)
  --commits M          single-row INSERT+COMMIT transactions for the raw rate (default 2000)
  --json               print the figures as JSON
  --help               show this text
)";

struct Options {
  int votes = 2000, connections = 16, server_threads = 4, commits = 2000;
  bool json = false;
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](int& out) {
      if (i + 1 >= argc || !wp::bench::ParsePositiveInt(argv[++i], out)) {
        std::cerr << "wp_bench_voting: " << a << " needs a positive number\n" << kUsage;
        std::exit(2);
      }
    };
    if (a == "--votes")
      value(o.votes);
    else if (a == "--connections")
      value(o.connections);
    else if (a == "--server-threads")
      value(o.server_threads);
    else if (a == "--commits")
      value(o.commits);
    else if (a == "--json")
      o.json = true;
    else if (a == "--help") {
      std::cout << kUsage;
      return 0;
    } else {
      std::cerr << "wp_bench_voting: unknown option " << a << "\n" << kUsage;
      return 2;
    }
  }

  // All connections come from 127.0.0.1: the per-address code limit is lifted.
  wp::voting::VotingWorld world([&](wp::app::Config& c) {
    c.threads = o.server_threads;
    c.voting_codes_per_address = o.votes + 1;
  });
  auto plans = world.plans();
  std::sort(plans.begin(), plans.end(), [](const auto& a, const auto& b) { return a.cost_cents < b.cost_cents; });
  if (plans.size() < 2) {
    std::cerr << "wp_bench_voting: the demo edition has fewer than 2 plans on the ballot\n";
    return 1;
  }
  auto t_codes = Clock::now();
  std::vector<std::string> codes = world.IssueCodes(o.votes);
  double code_seconds = std::chrono::duration<double>(Clock::now() - t_codes).count();
  const std::string path = "/wijkbudget/" + std::string(wp::voting::VotingWorld::kSlug) + "/stemmen/versturen";

  // Each connection: its own session and CSRF token, then its share of the codes.
  std::vector<std::unique_ptr<wp::testing::HttpClient>> clients;
  std::vector<std::string> tokens;
  for (int i = 0; i < o.connections; ++i) {
    clients.push_back(std::make_unique<wp::testing::HttpClient>("127.0.0.1", world.harness().port()));
    tokens.push_back(wp::bench::ScrapeCsrf(clients.back()->Get("/wachtwoord-vergeten").body));
  }
  std::vector<wp::bench::LatencyHistogram> histograms(o.connections);
  std::atomic<int> next{0}, failures{0};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < o.connections; ++t) {
    threads.emplace_back([&, t] {
      for (int i = next++; i < o.votes; i = next++) {
        std::vector<std::pair<std::string, std::string>> fields = {
            {"_csrf", tokens[t]}, {"code", codes[i]}, {"plan", std::to_string(plans[i % 2].plan_id)}};
        if (i % 3 == 0) fields.push_back({"plan", std::to_string(plans[(i + 1) % 2].plan_id)});
        auto t0 = Clock::now();
        auto r = clients[t]->PostForm(path, fields);
        histograms[t].Record(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count());
        if (r.status != 303) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  wp::bench::LatencyHistogram all;
  for (const auto& h : histograms) all.Merge(h);
  // Every vote is a first vote with its own code: a stored vote is a mixed
  // ballot or a sealed one waiting for its batch (voting/ballot_mixer.h).
  // Only the voting edition's (the demo's counted edition has ballots too).
  const int64_t edition_id = world.edition().id;
  auto stored = world.db().Read([&](wp::db::Connection& c) {
    return c.QueryOne(
        "SELECT (SELECT COUNT(*) FROM voting_ballots WHERE edition_id = ?), "
        "(SELECT COUNT(*) FROM voting_waiting WHERE edition_id = ?)",
        {wp::db::Int(edition_id), wp::db::Int(edition_id)});
  });
  int64_t ballots = stored.has_value() ? stored->Int(0) + stored->Int(1) : -1;
  int64_t waiting = stored.has_value() ? stored->Int(1) : -1;

  // The raw commit rate, same run, same file system (next to the app's database).
  // On PostgreSQL: a fresh database on the same server.
  const bool postgres = world.harness().on_postgres();
  wp::testing::TempDir raw_dir;
  std::unique_ptr<wp::testing::PostgresTestDatabase> raw_pg;
  if (postgres) raw_pg = std::make_unique<wp::testing::PostgresTestDatabase>();
  wp::bench::CommitRate raw =
      wp::bench::RawCommits(postgres ? raw_pg->url() : "sqlite:" + raw_dir.File("raw.db"), o.commits);

  double votes_per_second = o.votes / seconds;
  nlohmann::json j = {{"backend", postgres ? "postgresql" : "sqlite"},
                      {"votes", o.votes},
                      {"connections", o.connections},
                      {"server_threads", o.server_threads},
                      {"failed", failures.load()},
                      {"ballots_stored", ballots},
                      {"ballots_waiting_to_mix", waiting},
                      {"seconds", seconds},
                      {"votes_per_second", votes_per_second},
                      {"vote_p50_us", all.Percentile(0.5)},
                      {"vote_p99_us", all.Percentile(0.99)},
                      {"raw_commits", o.commits},
                      {"raw_commits_per_second", raw.per_second},
                      {"raw_commit_p50_us", raw.p50_us},
                      {"raw_commit_p99_us", raw.p99_us},
                      {"ratio_votes_to_raw_commits", votes_per_second / raw.per_second},
                      {"code_generation_seconds", code_seconds}};
  if (o.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    std::printf("votes: %d over %d connections (%d server threads), %d failed, %lld ballots stored (%lld waiting)\n",
                o.votes, o.connections, o.server_threads, failures.load(), static_cast<long long>(ballots),
                static_cast<long long>(waiting));
    std::printf("durable votes/s: %.0f   p50 %.2f ms   p99 %.2f ms\n", votes_per_second, all.Percentile(0.5) / 1000.0,
                all.Percentile(0.99) / 1000.0);
    std::printf("raw commits/s:   %.0f   p50 %.2f ms   p99 %.2f ms (single-row INSERT+COMMIT, %s)\n", raw.per_second,
                raw.p50_us / 1000.0, raw.p99_us / 1000.0,
                postgres ? "PostgreSQL, same server" : "SQLite WAL, synchronous=FULL");
    std::printf("ratio votes/raw commits: %.2f\n", votes_per_second / raw.per_second);
    std::printf("(setup: %d codes issued in %.2f s)\n", o.votes, code_seconds);
  }
  return failures.load() == 0 && ballots == o.votes ? 0 : 1;
}
