// wp_bench_dashboards: the city dashboard (#19) over a synthetic year of a
// city of 160,000 residents, the whole app in-process on the database the
// tests use (SQLite; PostgreSQL with WP_TEST_DATABASE=postgres and
// WP_TEST_POSTGRES_URL). Seeds signals, members, activities with
// participants, initiatives and advice straight into the tables, then times
// GET /cijfers?jaar=2025: the first (cold: every count read and protected)
// and warm requests, next to the baseline of the same run: one plain
// SELECT COUNT(*) ... GROUP BY over the signals of the year.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "core/time/time_zone.h"
#include "features/dashboards/activity_fixture_test.h"
#include "features/dashboards/periods.h"
#include "features/geography/service.h"
#include "testing/app_harness.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fx = wp::dashboards::testing;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

struct Scale {
  int residents = 160000;
  int signals() const { return residents / 8; }       // one signal per 8 residents a year
  int members() const { return residents / 20; }      // 5% are members of a platform
  int participants() const { return residents / 10; } // registrations for activities
  int initiatives() const { return residents / 200; }
};

wp::Result<void> Seed(wp::db::Connection& c, const std::vector<int64_t>& q, const std::vector<std::string>& buurten,
                      const Scale& s) {
  std::mt19937 rng(19);
  std::vector<int64_t> themes;
  for (const char* t : {"groen", "afval", "verkeer", "overlast", "spelen", "verlichting"}) {
    WP_ASSIGN_OR_RETURN(int64_t id, fx::AddTheme(c, t, t));
    themes.push_back(id);
  }
  auto when = [&] { return q[0] + static_cast<int64_t>(rng() % static_cast<uint32_t>(q[4] - q[0] - 86400)); };
  for (int i = 0; i < s.signals(); ++i) {
    WP_TRY_VOID(fx::AddSignals(c, themes[rng() % themes.size()], buurten[rng() % buurten.size()], 1, when(),
                               static_cast<int64_t>(rng() % (10 * 86400))));
  }
  std::vector<int64_t> platforms;
  for (size_t b = 0; b < buurten.size(); b += 4) {
    WP_ASSIGN_OR_RETURN(int64_t p, fx::AddPlatform(c, "bench-" + buurten[b], buurten[b]));
    platforms.push_back(p);
  }
  for (int i = 0; i < s.members(); ++i) WP_TRY_VOID(fx::AddMembers(c, platforms[rng() % platforms.size()], 1, when(), i));
  for (int i = 0; i < s.participants() / 12; ++i) {
    WP_TRY_VOID(fx::AddEvent(c, platforms[rng() % platforms.size()], when(), 12));
  }
  for (int i = 0; i < s.initiatives(); ++i) {
    WP_TRY_VOID(fx::AddInitiatives(c, buurten[rng() % buurten.size()], 1, when(), 20 * 86400));
  }
  for (size_t p = 0; p < platforms.size(); ++p) WP_TRY_VOID(fx::AddAdvice(c, platforms[p], 3, when(), when()));
  return wp::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  Scale scale;
  int requests = 50;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--residents") scale.residents = std::atoi(argv[i + 1]);
    if (a == "--requests") requests = std::atoi(argv[i + 1]);
  }
  wp::testing::AppHarness h;
  auto zone = *wp::time::TimeZone::FromPosixRule(wp::time::kAmsterdamRule);
  std::vector<int64_t> q = wp::dashboards::QuarterBounds(zone, 2025);
  h.clock().Set(q[4] + 40 * 86400);
  std::vector<std::string> buurten;
  for (const auto& n : h.app().geography()->current()->neighbourhoods) buurten.push_back(n.code.str());
  auto t0 = Clock::now();
  auto seeded = h.app().db().Write([&](wp::db::Connection& c) { return Seed(c, q, buurten, scale); });
  if (!seeded.has_value()) {
    std::cerr << "seeding failed: " << seeded.error().detail << "\n";
    return 1;
  }
  std::printf("seeded %d residents' year (%d signals, %d members, %d participants) in %.0f ms\n", scale.residents,
              scale.signals(), scale.members(), scale.participants(), Ms(Clock::now() - t0));
  auto client = h.Client();
  auto t1 = Clock::now();
  auto first = client->Get("/cijfers?jaar=2025");
  double cold = Ms(Clock::now() - t1);
  if (first.status != 200) {
    std::cerr << "GET /cijfers: " << first.status << "\n";
    return 1;
  }
  std::vector<double> warm, plain;
  for (int i = 0; i < requests; ++i) {
    auto t = Clock::now();
    auto r = client->Get("/cijfers?jaar=2025");
    warm.push_back(Ms(Clock::now() - t));
    if (r.status != 200) return 1;
    t = Clock::now();
    auto rows = h.app().db().Read([&](wp::db::Connection& c) {
      return c.Query("SELECT neighbourhood_code, category_id, COUNT(*) FROM signals WHERE created_at >= ? AND "
                     "created_at < ? GROUP BY neighbourhood_code, category_id",
                     {wp::db::Int(q[0]), wp::db::Int(q[4])});
    });
    plain.push_back(Ms(Clock::now() - t));
    if (!rows.has_value()) return 1;
  }
  std::printf("city dashboard: cold %.1f ms; warm p50 %.2f ms, p90 %.2f ms, max %.2f ms (%zu bytes)\n", cold,
              Percentile(warm, 0.5), Percentile(warm, 0.9), Percentile(warm, 1.0), first.body.size());
  std::printf("plain query baseline (signals of the year per buurt and category): p50 %.2f ms, p90 %.2f ms\n",
              Percentile(plain, 0.5), Percentile(plain, 0.9));
  return 0;
}
