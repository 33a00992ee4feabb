// Benchmark of voting-code generation (issue #6): imports N addresses, then
// times CodeCommands::GenerateNow (codes drawn by rejection sampling, HMAC
// hashes stored in batches of 1000 per transaction, the print file CSV
// written) on a fresh SQLite database built by the real app. Baselines in the
// same run: (a) N code draws + HMACs alone, (b) writing N print-file rows
// with a fixed code to a file alone. Optionally times PDF letters for a
// smaller number of addresses.
//
// usage: wp_bench_codes [--codes N] [--letters M] [--repeat R] [--json]
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/i18n/catalog.h"
#include "features/budgets/commands.h"
#include "features/budgets/edition_directory.h"
#include "features/codes/code_book.h"
#include "features/codes/code_format.h"
#include "features/codes/commands.h"
#include "features/codes/print_file.h"
#include "testing/temp_dir.h"
#include "wp_codes_files.h"

namespace {

using namespace wp;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Timing {
  double wall = 0, cpu = 0;
};

template <typename F>
Timing Time(F&& f) {
  double c0 = CpuSeconds();
  auto t0 = Clock::now();
  f();
  return {Seconds(Clock::now() - t0), CpuSeconds() - c0};
}

struct World {
  testing::TempDir dir;
  std::unique_ptr<app::App> app;
  SystemClock clock;
  SecureRandom random;
  i18n::Catalog catalog;
  std::unique_ptr<budgets::BudgetCommands> budget_commands;
  std::unique_ptr<budgets::EditionDirectory> editions;
  std::unique_ptr<codes::CodeBook> book;
  std::unique_ptr<jobs::JobRunner> jobs;
  std::unique_ptr<codes::CodeCommands> commands;
  budgets::Edition edition;
};

std::unique_ptr<World> MakeWorld(int64_t addresses) {
  auto w = std::make_unique<World>();
  app::Config config;
  config.database_url = "sqlite:" + w->dir.File("bench.db");
  config.geo_dir.clear();
  config.access_log.clear();
  config.voting_key_file = w->dir.File("voting.key");
  config.print_dir = w->dir.File("print");
  auto app = app::App::Create(config, app::AppOverrides{.quiet = true});
  if (!app.has_value()) throw std::runtime_error(app.error().detail);
  w->app = std::move(*app);
  if (auto r = w->catalog.AddFiles(CodesFiles()); !r.has_value()) throw std::runtime_error(r.error().detail);
  w->budget_commands = std::make_unique<budgets::BudgetCommands>(w->app->db(), w->clock, w->random, w->catalog,
                                                                 budgets::BudgetsOptions{});
  w->editions = std::make_unique<budgets::EditionDirectory>(*w->budget_commands);
  int64_t now = w->clock.NowUnixSeconds(), day = 86400;
  budgets::Edition e;
  e.slug = "bench-aan-zet";
  e.title = "Bench aan Zet";
  e.description = "Benchmark";
  e.borough_slug = "schalkwijk";
  e.area = {"BU03920001"};
  e.budget_cents = 10'000'000;
  e.themes = {"Groen"};
  // Before voting opens: while it is open an official needs a second one to
  // import or make codes (issue #11 item 4).
  e.dates = {now - 100 * day, now - 80 * day, now - 60 * day, now + day, now + 20 * day};
  e.published = true;
  auth::User admin{1, "", "bench", "nl", {{auth::Role::kAdministrator, ""}}};
  auto id = w->budget_commands->SaveEdition(admin, e, {{"BU03920001", "schalkwijk"}});
  if (!id.has_value()) throw std::runtime_error("SaveEdition: " + id.error().detail);
  auto found = w->editions->FindById(*id);
  if (!found.has_value() || !*found) throw std::runtime_error("edition not found");
  w->edition = **found;
  std::string key(32, '\x2a');
  w->random.Fill(key.data(), key.size());
  w->book = std::make_unique<codes::CodeBook>(key);
  codes::CodesOptions options;
  options.print_dir = config.print_dir;
  options.base_url = "https://wijkplatform.haarlem.nl";
  w->jobs = std::make_unique<jobs::JobRunner>(w->app->db(), w->clock, w->random);
  w->commands = std::make_unique<codes::CodeCommands>(w->app->db(), w->clock, w->random, *w->book, *w->editions,
                                                      w->catalog, w->app->zone(), *w->jobs, options);
  std::string csv = "adres\n";
  for (int64_t i = 1; i <= addresses; ++i) {
    csv += "Benchstraat " + std::to_string(i) + ", 2032 AA Haarlem\n";
  }
  auto imported = w->commands->ImportAddresses(admin, w->edition, csv);
  if (!imported.has_value() || imported->added != addresses) throw std::runtime_error("import failed");
  return w;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t n = 150000, letters = 0;
  int repeat = 3;
  bool as_json = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--codes" && i + 1 < argc)
      n = std::stoll(argv[++i]);
    else if (a == "--letters" && i + 1 < argc)
      letters = std::stoll(argv[++i]);
    else if (a == "--repeat" && i + 1 < argc)
      repeat = std::stoi(argv[++i]);
    else if (a == "--json")
      as_json = true;
    else {
      std::cerr << "usage: wp_bench_codes [--codes N] [--letters M] [--repeat R] [--json]\n";
      return 2;
    }
  }
  auth::User admin{1, "", "bench", "nl", {{auth::Role::kAdministrator, ""}}};
  Timing best_generate{1e9, 0}, best_draw{1e9, 0}, best_rows{1e9, 0}, best_letters{1e9, 0};
  for (int r = 0; r < repeat; ++r) {
    auto w = MakeWorld(n);
    // The measured operation: codes + stored hashes + print file.
    Timing g = Time([&] {
      auto run = w->commands->GenerateNow(admin, w->edition, false, nullptr);
      if (!run.has_value() || run->total != n) throw std::runtime_error("generation failed");
    });
    if (g.wall < best_generate.wall) best_generate = g;
    // Baseline (a): the same number of draws and HMACs, nothing stored.
    size_t sink = 0;
    Timing d = Time([&] {
      for (int64_t i = 0; i < n; ++i) sink += w->book->CodeHash(w->edition.id, codes::GenerateCode(w->random)).size();
    });
    if (sink == 0) return 1;
    if (d.wall < best_draw.wall) best_draw = d;
    // Baseline (b): the same number of print-file rows, written without codes.
    Timing rows = Time([&] {
      std::ofstream out(w->dir.File("rows.csv"), std::ios::binary);
      out << codes::PrintFileHeader();
      for (int64_t i = 1; i <= n; ++i) {
        std::string url = codes::VotingUrl("https://wijkplatform.haarlem.nl", "bench-aan-zet", "ABCDE23456FGHJK");
        out << codes::PrintFileRow(i, "Benchstraat " + std::to_string(i) + ", 2032 AA Haarlem", "ABCDE23456FGHJK", url);
      }
    });
    if (rows.wall < best_rows.wall) best_rows = rows;
    if (letters > 0) {
      auto lw = MakeWorld(letters);
      Timing l = Time([&] {
        auto run = lw->commands->GenerateNow(admin, lw->edition, true, nullptr);
        if (!run.has_value() || run->total != letters) throw std::runtime_error("letters failed");
      });
      if (l.wall < best_letters.wall) best_letters = l;
    }
  }
  double baseline = best_draw.wall + best_rows.wall;
  nlohmann::json j = {{"codes", n},
                      {"repeat", repeat},
                      {"generate_wall_s", best_generate.wall},
                      {"generate_cpu_s", best_generate.cpu},
                      {"codes_per_s", n / best_generate.wall},
                      {"baseline_draw_hmac_wall_s", best_draw.wall},
                      {"baseline_rows_wall_s", best_rows.wall},
                      {"ratio_to_baselines", best_generate.wall / baseline}};
  if (letters > 0) {
    j["letters"] = letters;
    j["letters_wall_s"] = best_letters.wall;
    j["letters_per_s"] = letters / best_letters.wall;
  }
  if (as_json) {
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::printf("codes: %lld, best of %d runs\n", static_cast<long long>(n), repeat);
  std::printf("generate (codes + hashes in SQLite + print file): %.3f s wall, %.3f s CPU, %.0f codes/s\n",
              best_generate.wall, best_generate.cpu, n / best_generate.wall);
  std::printf("baseline (a) draws + HMACs only:                  %.3f s wall\n", best_draw.wall);
  std::printf("baseline (b) print-file rows only:                %.3f s wall\n", best_rows.wall);
  std::printf("ratio generate / (a + b):                         %.2f\n", best_generate.wall / baseline);
  if (letters > 0) {
    std::printf("with PDF letters, %lld letters:                   %.3f s wall, %.0f letters/s\n",
                static_cast<long long>(letters), best_letters.wall, letters / best_letters.wall);
  }
  return 0;
}
