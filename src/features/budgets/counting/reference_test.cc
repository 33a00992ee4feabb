// Data-driven check: every rule on every Pabulib file in testdata/ against
// the reference outcomes in testdata/expected/*.json (pabutools and the
// equalshares.net tool, both exact). Compared: selection order and total
// cost where the reference defines an order, the set for Phragmen (pabutools
// sorts it), the welfare value for the optimum.
// Deliberate differences: none. The tie-breaking order is chosen per oracle
// (pabutools: id as text; equalshares.net: lower cost, then more votes) and
// pabutools' habit of funding unsupported projects is switched on for it.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "features/budgets/counting/equal_shares.h"
#include "features/budgets/counting/greedy.h"
#include "features/budgets/counting/pabulib.h"
#include "features/budgets/counting/phragmen.h"
#include "features/budgets/counting/utilitarian.h"
#include "features/budgets/counting/reference_options.h"
#include "testing/temp_dir.h"

namespace wp::budgets::counting {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string name;
  Election election;
  nlohmann::json expected;
};

// Loads every instance once. Fails (not skips) when the data is missing.
const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = [] {
    std::vector<Case> out;
    fs::path dir = wp::testing::TestDataDir("budgets/counting");
    if (!fs::is_directory(dir)) return out;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".pb") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      auto inst = ReadPabulibFile(f.string());
      if (!inst) {
        ADD_FAILURE() << inst.error().detail;
        continue;
      }
      auto e = ElectionFromPabulib(*inst);
      if (!e) {
        ADD_FAILURE() << f << ": " << e.error().detail;
        continue;
      }
      std::ifstream in(dir / "expected" / (f.stem().string() + ".json"));
      if (!in) {
        ADD_FAILURE() << "no expected/" << f.stem().string() << ".json";
        continue;
      }
      out.push_back(Case{f.stem().string(), std::move(*e), nlohmann::json::parse(in)});
    }
    return out;
  }();
  return cases;
}

std::vector<std::string> Ids(const Election& e, const std::vector<int>& selected) {
  std::vector<std::string> ids;
  for (int p : selected) ids.push_back(e.projects[p].id);
  return ids;
}

std::string CentsText(const nlohmann::json& amount) {
  std::string s = amount.is_string() ? amount.get<std::string>() : amount.dump();
  return FormatAmount(*ParseAmount(s));
}

// Runs `count` on every file whose expected results hold `key`, and compares.
// Returns how many files were compared.
template <typename Fn>
int CompareAll(const std::string& key, Fn count, bool ordered = true) {
  int compared = 0;
  for (const Case& c : Cases()) {
    if (!c.expected["results"].contains(key)) continue;
    SCOPED_TRACE(c.name + " " + key);
    const nlohmann::json& want = c.expected["results"][key];
    CountResult got = count(c.election);
    if (want.contains("endowment")) {  // equalshares.net: the final per-voter budget, whole units
      EXPECT_EQ(got.budget_per_voter_cents, 100.0 * want["endowment"].get<int64_t>());
    }
    std::vector<std::string> want_ids = want["selected_in_order"].get<std::vector<std::string>>();
    std::vector<std::string> got_ids = Ids(c.election, got.selected);
    if (ordered) {
      EXPECT_EQ(got_ids, want_ids);
    } else {
      EXPECT_EQ(std::set<std::string>(got_ids.begin(), got_ids.end()),
                std::set<std::string>(want_ids.begin(), want_ids.end()));
    }
    EXPECT_EQ(FormatAmount(got.total_cost_cents), CentsText(want["total_cost"]));
    EXPECT_LE(got.total_cost_cents, c.election.budget_cents);
    ++compared;
  }
  return compared;
}

TEST(ReferenceTest, TestDataIsPresent) {
  fs::path dir = wp::testing::TestDataDir("budgets/counting");
  ASSERT_TRUE(fs::is_directory(dir)) << "test data folder " << dir
                                     << " is missing: set WP_SOURCE_DIR to the source folder (ctest does)";
  EXPECT_EQ(Cases().size(), 24u);
}

TEST(ReferenceTest, ParserCountsMatch) {
  ASSERT_FALSE(Cases().empty()) << "no test data; see TestDataIsPresent";
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    const auto& counted = c.expected["counted"];
    EXPECT_EQ(static_cast<int64_t>(c.election.projects.size()), counted["projects"].get<int64_t>());
    EXPECT_EQ(c.election.num_ballots, counted["ballots"].get<int64_t>());
    EXPECT_EQ(FormatAmount(c.election.budget_cents), CentsText(c.expected["meta"]["budget"]));
    int64_t total = 0;
    for (const Project& p : c.election.projects) total += p.cost_cents;
    EXPECT_EQ(FormatAmount(total), CentsText(counted["total_cost_all_projects"]));
    if (c.expected["approvals_per_project"].is_object()) {
      for (const Project& p : c.election.projects) {
        EXPECT_EQ(p.votes, c.expected["approvals_per_project"][p.id].get<int64_t>()) << p.id;
      }
    }
  }
}

TEST(ReferenceTest, GreedyMatchesPabutools) {
  EXPECT_EQ(CompareAll("pabutools.greedy_cost",
                       [](const Election& e) { return CountGreedy(e, PabutoolsGreedy(GreedyKey::kVotes)); }),
            22);
  EXPECT_EQ(CompareAll("pabutools.greedy_card",
                       [](const Election& e) { return CountGreedy(e, PabutoolsGreedy(GreedyKey::kVotesPerCost)); }),
            22);
  EXPECT_EQ(CompareAll("pabutools.greedy_points",
                       [](const Election& e) { return CountGreedy(e, PabutoolsGreedy(GreedyKey::kScore)); }),
            2);
}

TEST(ReferenceTest, ProductGreedyMatchesOfficialResults) {
  int compared = 0;
  for (const Case& c : Cases()) {
    if (c.expected["official_selected"].is_null() || c.expected["meta"]["rule"] != "greedy") continue;
    SCOPED_TRACE(c.name);
    GreedyOptions o;  // product defaults: cheaper project wins a tie, no unsupported projects
    o.key = c.election.IsApproval() ? GreedyKey::kVotes : GreedyKey::kScore;
    std::vector<std::string> got = Ids(c.election, CountGreedy(c.election, o).selected);
    std::vector<std::string> want = c.expected["official_selected"].get<std::vector<std::string>>();
    EXPECT_EQ(std::set<std::string>(got.begin(), got.end()), std::set<std::string>(want.begin(), want.end()));
    ++compared;
  }
  EXPECT_EQ(compared, 4);
}

TEST(ReferenceTest, EqualSharesMatchesPabutools) {
  auto mes = [](MesUtility u, MesCompletion c) {
    return [u, c](const Election& e) { return CountEqualShares(e, PabutoolsMes(u, c)); };
  };
  EXPECT_EQ(CompareAll("pabutools.mes_cost", mes(MesUtility::kCost, MesCompletion::kNone)), 22);
  EXPECT_EQ(CompareAll("pabutools.mes_card", mes(MesUtility::kCardinality, MesCompletion::kNone)), 21);
  EXPECT_EQ(CompareAll("pabutools.mes_cost_greedy", mes(MesUtility::kCost, MesCompletion::kGreedy)), 21);
  EXPECT_EQ(CompareAll("pabutools.mes_cost_add1", mes(MesUtility::kCost, MesCompletion::kAddOne)), 21);
  EXPECT_EQ(CompareAll("pabutools.mes_cost_add1_greedy", mes(MesUtility::kCost, MesCompletion::kAddOneGreedy)), 21);
}

TEST(ReferenceTest, EqualSharesMatchesEqualSharesTool) {
  auto tool = [](MesCompletion c) { return [c](const Election& e) { return CountEqualShares(e, EqualSharesTool(c)); }; };
  EXPECT_EQ(CompareAll("equalshares_tool.es_add1_integral", tool(MesCompletion::kAddOneIntegral)), 21);
  EXPECT_EQ(CompareAll("equalshares_tool.es_add1e_integral", tool(MesCompletion::kAddOneIntegralExhaustive)), 21);
  EXPECT_EQ(CompareAll("equalshares_tool.es_add1u_default", tool(MesCompletion::kAddOneU)), 21);
}

TEST(ReferenceTest, OfficialEqualSharesElectionIsReproduced) {
  for (const Case& c : Cases()) {
    if (c.expected["meta"]["rule"] != "equalshares/add1") continue;
    SCOPED_TRACE(c.name);
    CountResult r = CountEqualShares(c.election, EqualSharesTool(MesCompletion::kAddOneIntegral));
    std::vector<std::string> got = Ids(c.election, r.selected);
    std::vector<std::string> want = c.expected["official_selected"].get<std::vector<std::string>>();
    EXPECT_EQ(std::set<std::string>(got.begin(), got.end()), std::set<std::string>(want.begin(), want.end()));
  }
}

TEST(ReferenceTest, PhragmenMatchesPabutools) {
  EXPECT_EQ(CompareAll(
                "pabutools.phragmen",
                [](const Election& e) {
                  return CountPhragmen(e, PhragmenOptions{TieBreak::kIdString, 0, Arithmetic::kAuto});
                },
                /*ordered=*/false),
            21);
}

TEST(ReferenceTest, UtilitarianOptimumMatchesPabutoolsWelfare) {
  int compared = 0;
  for (const Case& c : Cases()) {
    if (!c.expected["results"].contains("pabutools.max_welfare_cost")) continue;
    SCOPED_TRACE(c.name);
    const auto& want = c.expected["results"]["pabutools.max_welfare_cost"];
    CountResult r = CountUtilitarianOptimum(c.election);
    __int128 welfare = CostWelfareCents(c.election, r.selected);
    EXPECT_EQ(welfare % 100, 0);
    EXPECT_EQ(std::to_string(static_cast<int64_t>(welfare / 100)), want["cost_welfare"].get<std::string>());
    EXPECT_LE(r.total_cost_cents, c.election.budget_cents);
    ++compared;
  }
  EXPECT_EQ(compared, 21);
}

// The fast path (doubles + exact recount of close calls) gives the same
// outcome as exact fractions throughout, on the real files with at most 1,200
// ballots (exact-only runs on the larger ones take minutes under the
// sanitizers; exact_arithmetic_test.cc checks the same property on random
// elections).
TEST(ReferenceTest, FastArithmeticEqualsExactArithmetic) {
  int compared = 0;
  for (const Case& c : Cases()) {
    if (!c.election.IsApproval() || c.election.num_ballots > 1200) continue;
    ++compared;
    SCOPED_TRACE(c.name);
    for (MesUtility u : {MesUtility::kCost, MesUtility::kCardinality}) {
      MesOptions fast = PabutoolsMes(u, MesCompletion::kNone);
      MesOptions exact = fast;
      exact.arithmetic = Arithmetic::kExact;
      EXPECT_EQ(CountEqualShares(c.election, fast).selected, CountEqualShares(c.election, exact).selected);
    }
    PhragmenOptions fast{TieBreak::kIdString, 0, Arithmetic::kAuto};
    PhragmenOptions exact{TieBreak::kIdString, 0, Arithmetic::kExact};
    EXPECT_EQ(CountPhragmen(c.election, fast).selected, CountPhragmen(c.election, exact).selected);
  }
  EXPECT_EQ(compared, 7);
}

}  // namespace
}  // namespace wp::budgets::counting
