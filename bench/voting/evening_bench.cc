// wp_bench_evening: a city's voting evening (issue #20 item 2). The whole app
// runs in-process on 127.0.0.1 (real HTTP stack, real SQLite file in WAL mode
// with synchronous=FULL, or PostgreSQL with WP_TEST_DATABASE=postgres), with
// the demo edition in its voting phase and a code for every eligible voter.
// Voters arrive open-loop as a Poisson process at multiples of the expected
// peak (evening_model.h) and each goes through the pages a resident sees:
// the code form, entering the code, choosing plans, the review page, sending
// (303 after the durable commit) and the receipt. A step passes when no
// request failed and the 99th percentile of request latency, measured from
// when the voter should have started (a late start counts as waiting), stays
// under 200 ms. Printed: the highest multiple that passed, each step's
// figures, and the raw commit rate of the same database in the same run.
//
//   wp_bench_evening [--eligible N] [--turnout F] [--evening-hours H] [--evening-share F]
//                    [--peak-factor F] [--multiples LIST] [--step-seconds S] [--workers W]
//                    [--server-threads T] [--commits M] [--seed S] [--json]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/db/database.h"
#include "evening_model.h"
#include "features/voting/voting_world.h"
#include "load_stats.h"
#include "raw_commits.h"
#include "testing/http_client.h"
#include "testing/temp_dir.h"
#include "testing/test_database.h"

namespace {

using Clock = std::chrono::steady_clock;
using wp::bench::EveningModel;
using wp::bench::LatencyHistogram;
using wp::testing::HttpClient;
using wp::testing::HttpResponse;

const char* kUsage = R"(usage: wp_bench_evening [options]

A city's voting evening through the real HTTP stack on 127.0.0.1: a code for
every eligible voter, voters arriving as a Poisson process at multiples of the
expected peak, each one through code form, code, choice, review, send and
receipt. Reports the highest multiple with no failed request and p99 latency
under 200 ms, and the raw commit rate of the same database in the same run.
With WP_TEST_DATABASE=postgres and WP_TEST_POSTGRES_URL=<admin URL> it runs
on that PostgreSQL server (fresh databases) instead of SQLite.

The expected peak (voters per second) is
  eligible x turnout x evening-share / (evening-hours x 3600) x peak-factor.

Options:
  --eligible N         voters with a code (default 140000; all codes are issued)
  --turnout F          share of them voting online, 0..1 (default 1: everyone)
  --evening-share F    share of the votes cast in the evening window (default 0.6)
  --evening-hours H    length of the evening window (default 3)
  --peak-factor F      busiest minute against the evening's average (default 5)
  --multiples LIST     multiples of the expected peak to try, increasing (default 1,2,5,10,15,20,30,40,50)
  --step-seconds S     seconds of arrivals per multiple (default 15)
  --workers W          client connections available to arriving voters (default 128)
  --server-threads T   HTTP server threads (default 4)
  --edition-cache-ms M the app's edition_cache_ms (default 1000, as in the app;
                       0 reads the edition, its plans and the count every time)
  --commits M          single-row INSERT+COMMIT transactions for the raw rate (default 2000)
  --seed S             seed of the arrival times (default 1)
  --json               print the figures as JSON
  --help               show this text
)";

constexpr int64_t kP99LimitUs = 200'000;

struct Options {
  EveningModel model;
  std::vector<double> multiples{1, 2, 5, 10, 15, 20, 30, 40, 50};
  int step_seconds = 15, workers = 128, server_threads = 4, commits = 2000, seed = 1;
  int edition_cache_ms = 1000;
  bool json = false;
};

[[noreturn]] void Usage(const std::string& problem) {
  std::cerr << "wp_bench_evening: " << problem << "\n" << kUsage;
  std::exit(2);
}

double ParseFraction(const char* s, const std::string& flag) {
  char* end = nullptr;
  double v = std::strtod(s, &end);
  if (end == s || *end != '\0') Usage(flag + " needs a number");
  return v;
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (a == "--json") {
      o.json = true;
      continue;
    }
    if (i + 1 >= argc) Usage(a + " needs a value");
    const char* v = argv[++i];
    auto whole = [&](int& out) {
      if (!wp::bench::ParsePositiveInt(v, out)) Usage(a + " needs a positive whole number");
    };
    int eligible = 0;
    if (a == "--eligible") {
      whole(eligible);
      o.model.eligible = eligible;
    } else if (a == "--turnout") {
      o.model.turnout = ParseFraction(v, a);
    } else if (a == "--evening-share") {
      o.model.evening_share = ParseFraction(v, a);
    } else if (a == "--evening-hours") {
      o.model.evening_hours = ParseFraction(v, a);
    } else if (a == "--peak-factor") {
      o.model.peak_factor = ParseFraction(v, a);
    } else if (a == "--multiples") {
      o.multiples = wp::bench::ParseMultiples(v);
      if (o.multiples.empty()) Usage("--multiples needs positive numbers in increasing order, e.g. 1,2,5,10");
    } else if (a == "--step-seconds") {
      whole(o.step_seconds);
    } else if (a == "--workers") {
      whole(o.workers);
    } else if (a == "--server-threads") {
      whole(o.server_threads);
    } else if (a == "--edition-cache-ms") {
      if (std::strcmp(v, "0") == 0) {
        o.edition_cache_ms = 0;
      } else {
        whole(o.edition_cache_ms);
      }
    } else if (a == "--commits") {
      whole(o.commits);
    } else if (a == "--seed") {
      whole(o.seed);
    } else {
      Usage("unknown option " + a);
    }
  }
  if (std::string bad = o.model.Invalid(); !bad.empty()) Usage(bad);
  return o;
}

// The value of the hidden input `name` in `html`, or empty.
std::string HiddenValue(const std::string& html, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  size_t end = html.find('"', at);
  return end == std::string::npos ? "" : html.substr(at, end - at);
}

struct StepResult {
  double multiple = 0, target_rate = 0, offered_rate = 0;
  int voters = 0, acknowledged = 0, failed_voters = 0;
  int64_t p50_us = 0, p99_us = 0, max_us = 0, voter_p99_us = 0;
  double seconds = 0;
  bool passed = false;
  std::string first_failure;  // the first failed visit: status, error, after how many requests
};

// One voter's visit on a client of its own (fresh cookies: a new visitor).
class Voter {
 public:
  Voter(HttpClient& client, const std::string& vote_path, const std::vector<int64_t>& plan_ids)
      : client_(client), path_(vote_path), plan_ids_(plan_ids) {}

  // True when every page answered as expected; `acknowledged` when the
  // ballot was accepted (303 after the commit).
  bool Visit(const std::string& code, int index, Clock::time_point scheduled, LatencyHistogram& requests,
             bool& acknowledged) {
    client_.ClearCookies();
    ok_ = true;
    step_ = 0;
    since_ = scheduled;
    histogram_ = &requests;
    HttpResponse r = Timed(client_.Get(path_), 200);
    const std::string csrf = wp::bench::ScrapeCsrf(r.body);
    if (!ok_ || csrf.empty()) return false;
    Timed(client_.PostForm(path_, {{"_csrf", csrf}, {"code", code}}), 200);
    // Each voter says yes to the cheapest plan, every third also to the next one.
    std::vector<std::pair<std::string, std::string>> choice = {{"_csrf", csrf}, {"code", code}, {"step", "choose"}};
    for (size_t p = 0; p < plan_ids_.size(); ++p) {
      bool yes = p == 0 || (p == 1 && index % 3 == 0);
      choice.push_back({"plan-" + std::to_string(plan_ids_[p]), yes ? "1" : "0"});
    }
    if (ok_) r = Timed(client_.PostForm(path_ + "/controleren", choice), 200);
    const std::string ballot = HiddenValue(r.body, "ballot");
    if (!ok_ || ballot.empty()) return false;
    Timed(client_.PostForm(path_ + "/versturen",
                           {{"_csrf", csrf}, {"code", code}, {"step", "review"}, {"ballot", ballot}}),
          303);
    acknowledged = ok_;
    if (ok_) Timed(client_.Get(path_ + "/ontvangen"), 200);
    return ok_;
  }

 private:
  // Records the latency since the previous response (the first one since the
  // voter's scheduled arrival) and whether the status was `want`.
  HttpResponse Timed(HttpResponse r, int want) {
    auto now = Clock::now();
    histogram_->Record(std::chrono::duration_cast<std::chrono::microseconds>(now - since_).count());
    since_ = now;
    if (r.status != want && ok_) {
      ok_ = false;
      failure_ = std::to_string(r.status) + " " + r.error + " after " + std::to_string(step_) + " requests";
    }
    ++step_;
    return r;
  }

  HttpClient& client_;
  std::string path_;
  const std::vector<int64_t>& plan_ids_;
  Clock::time_point since_;
  LatencyHistogram* histogram_ = nullptr;
  bool ok_ = true;
  int step_ = 0;
  std::string failure_;

 public:
  // What went wrong on the last failed visit (status, error, step).
  const std::string& failure() const { return failure_; }
};

class Evening {
 public:
  Evening(const Options& o, wp::voting::VotingWorld& world, std::vector<std::string> codes)
      : o_(o), codes_(std::move(codes)) {
    auto plans = world.plans();
    std::sort(plans.begin(), plans.end(), [](const auto& a, const auto& b) { return a.cost_cents < b.cost_cents; });
    for (const auto& p : plans) plan_ids_.push_back(p.plan_id);
    const std::string path = "/wijkbudget/" + std::string(wp::voting::VotingWorld::kSlug) + "/stemmen";
    for (int i = 0; i < o.workers; ++i) {
      clients_.push_back(std::make_unique<HttpClient>("127.0.0.1", world.harness().port()));
      voters_.push_back(std::make_unique<Voter>(*clients_.back(), path, plan_ids_));
    }
  }

  int codes_left() const { return static_cast<int>(codes_.size()) - next_code_; }

  StepResult Run(double multiple, int step_index);

 private:
  const Options& o_;
  std::vector<std::string> codes_;
  int next_code_ = 0;
  std::vector<int64_t> plan_ids_;
  std::vector<std::unique_ptr<HttpClient>> clients_;
  std::vector<std::unique_ptr<Voter>> voters_;
};

StepResult Evening::Run(double multiple, int step_index) {
  StepResult s;
  s.multiple = multiple;
  s.target_rate = multiple * o_.model.PeakRate();
  std::vector<double> arrivals =
      wp::bench::PoissonArrivals(s.target_rate, o_.step_seconds, static_cast<uint64_t>(o_.seed) * 1000 + step_index);
  arrivals.resize(std::min<size_t>(arrivals.size(), static_cast<size_t>(codes_left())));
  s.voters = static_cast<int>(arrivals.size());
  s.offered_rate = s.voters / static_cast<double>(o_.step_seconds);
  std::vector<LatencyHistogram> requests(o_.workers), visits(o_.workers);
  std::atomic<int> next{0}, acknowledged{0}, failed{0};
  std::mutex failure_mu;
  const int first_code = next_code_;
  auto start = Clock::now() + std::chrono::milliseconds(50);
  std::vector<std::thread> threads;
  for (int w = 0; w < o_.workers; ++w) {
    threads.emplace_back([&, w] {
      for (int i = next++; i < s.voters; i = next++) {
        auto scheduled = start + std::chrono::microseconds(static_cast<int64_t>(arrivals[i] * 1e6));
        std::this_thread::sleep_until(scheduled);
        bool ack = false;
        if (!voters_[w]->Visit(codes_[first_code + i], first_code + i, scheduled, requests[w], ack)) {
          if (failed++ == 0) {
            std::lock_guard lock(failure_mu);
            s.first_failure = voters_[w]->failure();
          }
        }
        if (ack) ++acknowledged;
        visits[w].Record(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - scheduled).count());
      }
    });
  }
  for (auto& t : threads) t.join();
  next_code_ += s.voters;
  s.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  LatencyHistogram all, voter_all;
  for (int w = 0; w < o_.workers; ++w) {
    all.Merge(requests[w]);
    voter_all.Merge(visits[w]);
  }
  s.acknowledged = acknowledged.load();
  s.failed_voters = failed.load();
  s.p50_us = all.Percentile(0.5);
  s.p99_us = all.Percentile(0.99);
  s.max_us = all.max();
  s.voter_p99_us = voter_all.Percentile(0.99);
  s.passed = s.failed_voters == 0 && s.p99_us < kP99LimitUs;
  return s;
}

// Ballots stored for the voting edition: mixed ones and sealed ones waiting for their batch.
int64_t StoredBallots(wp::voting::VotingWorld& world) {
  const int64_t edition_id = world.edition().id;
  auto stored = world.db().Read([&](wp::db::Connection& c) {
    return c.QueryOne(
        "SELECT (SELECT COUNT(*) FROM voting_ballots WHERE edition_id = ?) + "
        "(SELECT COUNT(*) FROM voting_waiting WHERE edition_id = ?)",
        {wp::db::Int(edition_id), wp::db::Int(edition_id)});
  });
  return stored.has_value() ? stored->Int(0) : -1;
}

nlohmann::json StepJson(const StepResult& s) {
  return {{"multiple", s.multiple},
          {"target_voters_per_second", s.target_rate},
          {"voters", s.voters},
          {"offered_voters_per_second", s.offered_rate},
          {"acknowledged", s.acknowledged},
          {"failed_voters", s.failed_voters},
          {"request_p50_us", s.p50_us},
          {"request_p99_us", s.p99_us},
          {"request_max_us", s.max_us},
          {"visit_p99_us", s.voter_p99_us},
          {"seconds", s.seconds},
          {"passed", s.passed},
          {"first_failure", s.first_failure}};
}

void PrintText(const nlohmann::json& j) {
  std::printf("%s: %lld eligible, expected peak %.1f voters/s (evening average %.2f/s), %lld codes issued in %.1f s\n",
              j["backend"].get<std::string>().c_str(), static_cast<long long>(j["eligible"].get<int64_t>()),
              j["expected_peak_voters_per_second"].get<double>(), j["evening_average_voters_per_second"].get<double>(),
              static_cast<long long>(j["codes_issued"].get<int64_t>()), j["code_issue_seconds"].get<double>());
  std::printf("%8s %10s %8s %8s %9s %9s %9s %10s  %s\n", "multiple", "voters/s", "voters", "failed", "p50 ms", "p99 ms",
              "max ms", "visit p99", "result");
  for (const auto& s : j["steps"]) {
    std::printf("%8.1f %10.1f %8d %8d %9.2f %9.2f %9.2f %10.2f  %s\n", s["multiple"].get<double>(),
                s["offered_voters_per_second"].get<double>(), s["voters"].get<int>(), s["failed_voters"].get<int>(),
                s["request_p50_us"].get<int64_t>() / 1000.0, s["request_p99_us"].get<int64_t>() / 1000.0,
                s["request_max_us"].get<int64_t>() / 1000.0, s["visit_p99_us"].get<int64_t>() / 1000.0,
                s["passed"].get<bool>() ? "pass" : "FAIL");
    if (!s["first_failure"].get<std::string>().empty()) {
      std::printf("         first failure: %s\n", s["first_failure"].get<std::string>().c_str());
    }
  }
  std::printf("highest multiple with p99 < 200 ms and no failure: %.1f (%.1f voters/s, %.1f requests/s)\n",
              j["highest_passing_multiple"].get<double>(), j["highest_passing_voters_per_second"].get<double>(),
              j["highest_passing_voters_per_second"].get<double>() * 5);
  std::printf("acknowledged votes %lld, ballots stored %lld\n",
              static_cast<long long>(j["acknowledged"].get<int64_t>()),
              static_cast<long long>(j["ballots_stored"].get<int64_t>()));
  std::printf("raw commits/s: %.0f   p50 %.2f ms   p99 %.2f ms (single-row INSERT+COMMIT, %s)\n",
              j["raw_commits_per_second"].get<double>(), j["raw_commit_p50_us"].get<double>() / 1000.0,
              j["raw_commit_p99_us"].get<double>() / 1000.0, j["raw_commit_setup"].get<std::string>().c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = ParseOptions(argc, argv);
  // All connections come from 127.0.0.1: the per-address code limit is lifted.
  wp::voting::VotingWorld world([&](wp::app::Config& c) {
    c.threads = o.server_threads;
    c.edition_cache_ms = o.edition_cache_ms;
    c.voting_codes_per_address = static_cast<int>(o.model.eligible) + 1;
    // ...and so is its cap on connections from one address (real voters come from many).
    c.max_connections_per_client = c.max_connections;
  });
  if (world.plans().size() < 2) {
    std::cerr << "wp_bench_evening: the demo edition has fewer than 2 plans on the ballot\n";
    return 1;
  }
  auto t_codes = Clock::now();
  std::vector<std::string> codes = world.IssueCodes(static_cast<int>(o.model.eligible));
  const double code_seconds = std::chrono::duration<double>(Clock::now() - t_codes).count();
  const int64_t before = StoredBallots(world);

  Evening evening(o, world, codes);
  nlohmann::json steps = nlohmann::json::array();
  double best = 0;
  int64_t acknowledged = 0;
  for (size_t i = 0; i < o.multiples.size() && evening.codes_left() > 0; ++i) {
    StepResult s = evening.Run(o.multiples[i], static_cast<int>(i));
    acknowledged += s.acknowledged;
    steps.push_back(StepJson(s));
    if (!o.json) std::fprintf(stderr, "wp_bench_evening: %.1fx done (p99 %.1f ms)\n", s.multiple, s.p99_us / 1000.0);
    if (!s.passed) break;
    best = s.multiple;
  }
  const int64_t stored = StoredBallots(world) - before;

  // The raw commit rate, same run, same file system or server.
  const bool postgres = world.harness().on_postgres();
  wp::testing::TempDir raw_dir;
  std::unique_ptr<wp::testing::PostgresTestDatabase> raw_pg;
  if (postgres) raw_pg = std::make_unique<wp::testing::PostgresTestDatabase>();
  wp::bench::CommitRate raw =
      wp::bench::RawCommits(postgres ? raw_pg->url() : "sqlite:" + raw_dir.File("raw.db"), o.commits);

  nlohmann::json j = {{"backend", postgres ? "postgresql" : "sqlite"},
                      {"eligible", o.model.eligible},
                      {"turnout", o.model.turnout},
                      {"evening_share", o.model.evening_share},
                      {"evening_hours", o.model.evening_hours},
                      {"peak_factor", o.model.peak_factor},
                      {"evening_average_voters_per_second", o.model.AverageRate()},
                      {"expected_peak_voters_per_second", o.model.PeakRate()},
                      {"codes_issued", static_cast<int64_t>(codes.size())},
                      {"code_issue_seconds", code_seconds},
                      {"workers", o.workers},
                      {"server_threads", o.server_threads},
                      {"step_seconds", o.step_seconds},
                      {"steps", steps},
                      {"highest_passing_multiple", best},
                      {"highest_passing_voters_per_second", best * o.model.PeakRate()},
                      {"acknowledged", acknowledged},
                      {"ballots_stored", stored},
                      {"raw_commits", o.commits},
                      {"raw_commits_per_second", raw.per_second},
                      {"raw_commit_p50_us", raw.p50_us},
                      {"raw_commit_p99_us", raw.p99_us},
                      {"raw_commit_setup", postgres ? "PostgreSQL, same server" : "SQLite WAL, synchronous=FULL"}};
  if (o.json)
    std::cout << j.dump(2) << "\n";
  else
    PrintText(j);
  // No acknowledged vote may be missing.
  return stored == acknowledged ? 0 : 1;
}
