#include "features/sortition/selection/draw.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>

#include "core/strings.h"
#include "features/sortition/selection/legacy.h"
#include "features/sortition/selection/seed_stream.h"
#include "testing/temp_dir.h"

namespace wp::sortition {
namespace {

std::string Read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Instance SharedInstance(const std::string& folder, int k) {
  std::filesystem::path dir = testing::TestDataDir("sortition/selection") / folder;
  if (!std::filesystem::exists(dir / "respondents.csv")) {
    ADD_FAILURE() << "test data missing: " << dir
                  << "; run through ctest (it sets WP_SOURCE_DIR) or from the source folder";
    return Instance{};
  }
  Instance inst;
  inst.quotas = *ParseCategoriesCsv(Read(dir / "categories.csv"));
  inst.agents = *ParseRespondentsCsv(Read(dir / "respondents.csv"), inst.quotas, {});
  inst.panel_size = k;
  return inst;
}

// A pool with households: 12 volunteers in pairs at 6 addresses plus 6 alone.
Instance HouseholdInstance() {
  Instance inst;
  inst.quotas = *ParseCategoriesCsv("feature,value,min,max\ng,f,2,3\ng,m,2,3\na,young,1,3\na,old,1,3\n");
  std::string r = "id,g,a,addr\n";
  for (int i = 0; i < 18; ++i) {
    r += "v" + std::to_string(i) + "," + (i % 2 ? "f" : "m") + "," + (i % 3 ? "old" : "young") + "," +
         (i < 12 ? "house" + std::to_string(i / 2) : "") + "\n";
  }
  inst.agents = *ParseRespondentsCsv(r, inst.quotas, {"addr"});
  inst.household_rule = true;
  inst.panel_size = 5;
  return inst;
}

TEST(SeedStreamTest, IsSha256CounterMode) {
  SeedStream s("seed", "ticket");
  unsigned char first[4];
  s.Fill(first, 4);
  // SHA-256("seed\nticket\n0") starts with these bytes (checked with sha256sum).
  std::string hex = Sha256Hex("seed\nticket\n0");
  char got[9];
  std::snprintf(got, sizeof got, "%02x%02x%02x%02x", first[0], first[1], first[2], first[3]);
  EXPECT_EQ(std::string(got), hex.substr(0, 8));
  SeedStream a("x", "l"), b("x", "l"), c("x", "m");
  EXPECT_EQ(a.Uniform(1000000), b.Uniform(1000000));
  EXPECT_NE(SeedStream("x", "l").Hex(16), c.Hex(16));
}

TEST(DrawPanelTest, DrawIsFeasibleAndDeterministic) {
  Instance inst = SharedInstance("example_small_20", 20);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  DrawOptions options;
  options.seed = "2026-11-23 lottery 48213";
  auto first = DrawPanel(inst, options, Solvers{*lp, *mip});
  ASSERT_TRUE(first.has_value()) << first.error().detail;
  EXPECT_TRUE(CheckPanel(inst, first->panel).empty());
  EXPECT_NEAR(first->min_probability, 0.1, 1e-4);
  EXPECT_EQ(std::accumulate(first->lottery.ticket_count.begin(), first->lottery.ticket_count.end(), 0), 1000);
  double lottery_sum = std::accumulate(first->lottery_probability.begin(), first->lottery_probability.end(), 0.0);
  EXPECT_NEAR(lottery_sum, 20, 1e-9);
  auto again = DrawPanel(inst, options, Solvers{*lp, *mip});
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(first->panel, again->panel);
  EXPECT_EQ(first->ticket, again->ticket);
  EXPECT_EQ(first->lottery.ticket_count, again->lottery.ticket_count);
  options.seed = "another public number";
  auto other = DrawPanel(inst, options, Solvers{*lp, *mip});
  ASSERT_TRUE(other.has_value());
  EXPECT_NE(first->panel, other->panel);
}

TEST(DrawPanelTest, EmptySeedIsRejected) {
  Instance inst = HouseholdInstance();
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  auto r = DrawPanel(inst, DrawOptions{}, Solvers{*lp, *mip});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
}

TEST(DrawPanelTest, HouseholdRuleHoldsInEveryLotteryPanel) {
  Instance inst = HouseholdInstance();
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  DrawOptions options;
  options.seed = "h";
  options.lottery_tickets = 50;
  auto r = DrawPanel(inst, options, Solvers{*lp, *mip});
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  EXPECT_TRUE(CheckPanel(inst, r->panel).empty());
  for (const Composition& c : r->lottery.panels) {
    for (const std::vector<int>& household : r->types.households) {
      int together = 0;
      for (int t : household) together += c[t];
      EXPECT_LE(together, 1);
    }
  }
  // Every ticket gives a feasible panel.
  for (int ticket = 1; ticket <= 50; ++ticket) {
    const Composition& c = r->lottery.panels[r->lottery.PanelOfTicket(ticket)];
    std::vector<int> members;
    for (size_t t = 0; t < c.size(); ++t) {
      for (int j = 0; j < c[t]; ++j) members.push_back(r->types.types[t].members[j]);
    }
    EXPECT_TRUE(CheckPanel(inst, members).empty()) << "ticket " << ticket;
  }
}

TEST(LegacyTest, DrawsFeasiblePanelsDeterministically) {
  Instance inst = SharedInstance("sf_fixture_150_22", 22);
  SeedStream a("s", "legacy"), b("s", "legacy");
  auto p = DrawLegacy(inst, a);
  auto q = DrawLegacy(inst, b);
  ASSERT_TRUE(p.has_value()) << p.error().detail;
  EXPECT_TRUE(CheckPanel(inst, *p).empty());
  EXPECT_EQ(*p, *q);
}

TEST(LegacyTest, RespectsHouseholds) {
  Instance inst = HouseholdInstance();
  for (int s = 0; s < 20; ++s) {
    SeedStream stream(std::to_string(s), "legacy");
    auto p = DrawLegacy(inst, stream);
    ASSERT_TRUE(p.has_value());
    EXPECT_TRUE(CheckPanel(inst, *p).empty());
  }
}

TEST(LegacyTest, ProbabilityEstimateSumsToK) {
  Instance inst = SharedInstance("example_small_20", 20);
  auto pi = EstimateLegacyProbabilities(inst, 50, "seed");
  ASSERT_TRUE(pi.has_value());
  EXPECT_NEAR(std::accumulate(pi->begin(), pi->end(), 0.0), 20, 1e-9);
}

TEST(ReplacementTest, KeepsQuotasAndExcludesPanelAndHousemates) {
  Instance inst = HouseholdInstance();
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  DrawOptions options;
  options.seed = "first";
  options.lottery_tickets = 100;
  auto draw = DrawPanel(inst, options, Solvers{*lp, *mip});
  ASSERT_TRUE(draw.has_value());
  std::vector<int> dropouts = {draw->panel[0], draw->panel[3]};
  options.seed = "replacement";
  auto r = DrawReplacements(inst, draw->panel, dropouts, options, Solvers{*lp, *mip});
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  EXPECT_EQ(r->replacements.size(), 2u);
  EXPECT_TRUE(CheckPanel(inst, r->new_panel).empty());
  for (int m : r->replacements) {
    EXPECT_FALSE(std::binary_search(draw->panel.begin(), draw->panel.end(), m));
  }
  auto again = DrawReplacements(inst, draw->panel, dropouts, options, Solvers{*lp, *mip});
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(r->new_panel, again->new_panel);
}

TEST(ReplacementTest, ResidualQuotas) {
  Instance inst = HouseholdInstance();
  // v12 (m, young), v13 (f, old), v14 (m, old), v15 (f, young), v16 (m, old)
  std::vector<int> panel = {12, 13, 14, 15, 16};
  auto p = BuildReplacementProblem(inst, panel, {13});
  ASSERT_TRUE(p.has_value()) << p.error().detail;
  const Quotas& q = p->instance.quotas;
  EXPECT_EQ(q.features[q.Find("g", "f")].min, 1);  // 2 - 1 kept
  EXPECT_EQ(q.features[q.Find("g", "m")].max, 0);  // 3 - 3 kept
  EXPECT_EQ(p->instance.panel_size, 1);
  EXPECT_EQ(p->instance.agents.size(), 13u);
  auto bad = BuildReplacementProblem(inst, panel, {0});
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().detail.find("not on the panel"), std::string::npos);
}

TEST(ReplacementTest, ImpossibleReplacementExplainsWhy) {
  Instance inst = HouseholdInstance();
  std::vector<int> panel = {12, 13, 14, 15, 16};
  // Remove everyone else who is female and not in a kept household: only
  // women can replace v13, and housemates of kept members are excluded.
  Instance small = inst;
  small.agents.resize(17);  // v0..v16
  for (int i = 0; i < 12; ++i) small.agents[i].features[0] = small.quotas.Find("g", "m");
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  DrawOptions options;
  options.seed = "x";
  auto r = DrawReplacements(small, panel, {13}, options, Solvers{*lp, *mip});
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().detail.find("no replacements possible"), std::string::npos);
  EXPECT_NE(r.error().detail.find("g=f needs at least 1 but only 0 volunteers have it"), std::string::npos)
      << r.error().detail;
}

// The shape of Haarlem's Wijkforum Zijlweg-West: 59 volunteers, a forum
// of 7 balanced on gender, age, buurt and "doers"/"thinkers", then one
// drop-out replaced at once. Volunteers are synthetic.
TEST(DrawPanelTest, ForumOfSevenFromFiftyNineThenReplaceADropOut) {
  Instance inst;
  inst.quotas = *ParseCategoriesCsv(
      "feature,value,min,max\ngender,female,3,4\ngender,male,3,4\nage,16-34,1,3\nage,35-64,2,4\nage,65+,1,3\n"
      "buurt,north,2,3\nbuurt,middle,2,3\nbuurt,south,2,3\nrole,doer,3,4\nrole,thinker,3,4\n");
  const char* ages[] = {"16-34", "35-64", "35-64", "65+"};
  const char* buurten[] = {"north", "middle", "south"};
  std::string r = "id,gender,age,buurt,role\n";
  for (int i = 0; i < 59; ++i) {
    r += "z" + std::to_string(i) + "," + (i % 5 < 3 ? "female" : "male") + "," + ages[i % 4] + "," +
         buurten[(i / 2) % 3] + "," + (i % 7 < 4 ? "doer" : "thinker") + "\n";
  }
  inst.agents = *ParseRespondentsCsv(r, inst.quotas, {});
  inst.panel_size = 7;
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  DrawOptions options;
  options.seed = "Wijkforum Zijlweg-West, public draw 1";
  auto forum = DrawPanel(inst, options, Solvers{*lp, *mip});
  ASSERT_TRUE(forum.has_value()) << forum.error().detail;
  EXPECT_EQ(forum->panel.size(), 7u);
  EXPECT_TRUE(CheckPanel(inst, forum->panel).empty());
  EXPECT_GT(forum->min_probability, 0.05);
  EXPECT_NEAR(std::accumulate(forum->probability.begin(), forum->probability.end(), 0.0), 7, 1e-6);
  options.seed = "Wijkforum Zijlweg-West, replacement 1";
  auto replaced = DrawReplacements(inst, forum->panel, {forum->panel[2]}, options, Solvers{*lp, *mip});
  ASSERT_TRUE(replaced.has_value()) << replaced.error().detail;
  ASSERT_EQ(replaced->replacements.size(), 1u);
  EXPECT_TRUE(CheckPanel(inst, replaced->new_panel).empty());
  EXPECT_NE(replaced->replacements[0], forum->panel[2]);
}

}  // namespace
}  // namespace wp::sortition
