#include "features/sortition/draw_story.h"

#include <gtest/gtest.h>

#include <regex>

#include "core/i18n/catalog.h"
#include "core/i18n/plain_language.h"
#include "features/sortition/lp_solver.h"
#include "wp_sortition_files.h"

namespace wp::sortition {
namespace {

// 18 volunteers, 12 of them in pairs at 6 addresses; quotas on gender and age.
Instance Households() {
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

class DrawStoryTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(catalog_.AddFiles(SortitionFiles()).has_value()); }
  Translate In(const std::string& locale) {
    return [this, locale](std::string_view key, const i18n::Args& args) {
      EXPECT_TRUE(catalog_.Has(locale, key)) << locale << " " << key;
      return catalog_.Format(locale, key, args);
    };
  }
  DrawOutcome Draw(const Instance& inst, const DrawOptions& options) {
    auto lp = NewClpSolver();
    auto mip = NewCbcSolver();
    auto outcome = DrawPanel(inst, options, Solvers{*lp, *mip});
    EXPECT_TRUE(outcome.has_value()) << outcome.error().detail;
    return *outcome;
  }
  i18n::Catalog catalog_;
};

TEST_F(DrawStoryTest, TellsAFirstDrawInPlainDutchAndEnglish) {
  Instance inst = Households();
  DrawOptions options;
  options.seed = "2026-12-03 loting 4711";
  DrawOutcome outcome = Draw(inst, options);
  DrawStory nl = TellDraw(inst, options, outcome, In("nl"));
  std::string text = DrawStoryText(nl);
  EXPECT_NE(text.find("Hoe is er geloot?"), std::string::npos) << text;
  EXPECT_NE(text.find("18 mensen gaven zich op"), std::string::npos) << text;
  EXPECT_NE(text.find("5 mensen uit door te loten"), std::string::npos) << text;
  EXPECT_NE(text.find("hoogstens één persoon"), std::string::npos) << "the household rule is told";
  EXPECT_NE(text.find("2026-12-03 loting 4711"), std::string::npos) << "the seed, so anyone can replay";
  // Chances as Dutch percentages with a decimal comma.
  EXPECT_TRUE(std::regex_search(text, std::regex("kleinste kans dat de computer iemand koos, was [0-9]+,[0-9]%")))
      << text;
  // One line per quota value; the chosen numbers add up to the panel per category.
  ASSERT_EQ(nl.quotas.size(), 4u);
  int women = 0, men = 0;
  for (int a : outcome.panel) (inst.agents[a].features[0] == 0 ? women : men)++;
  EXPECT_EQ(nl.quotas[0], "g f: minstens 2, hoogstens 3. Gekozen: " + std::to_string(women) + ".");
  EXPECT_EQ(nl.quotas[1], "g m: minstens 2, hoogstens 3. Gekozen: " + std::to_string(men) + ".");

  std::string en = DrawStoryText(TellDraw(inst, options, outcome, In("en")));
  EXPECT_NE(en.find("18 people signed up"), std::string::npos) << en;
  EXPECT_TRUE(std::regex_search(en, std::regex("smallest chance of being chosen was [0-9]+\\.[0-9]%"))) << en;
}

TEST_F(DrawStoryTest, TellsAReplacementAndTheLegacyMethod) {
  Instance inst = Households();
  DrawOptions options;
  options.seed = "s";
  DrawOutcome first = Draw(inst, options);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  auto replaced = DrawReplacements(inst, first.panel, {first.panel[0]}, options, Solvers{*lp, *mip});
  ASSERT_TRUE(replaced.has_value()) << replaced.error().detail;
  std::string nl = DrawStoryText(TellReplacement(inst, options, *replaced, {first.panel[0]}, In("nl")));
  EXPECT_NE(nl.find("1 persoon deed niet meer mee"), std::string::npos) << nl;
  EXPECT_NE(nl.find("1 nieuw persoon"), std::string::npos) << nl;

  options.algorithm = Algorithm::kLegacy;
  options.legacy_runs = 200;
  DrawOutcome legacy = Draw(inst, options);
  std::string en = DrawStoryText(TellDraw(inst, options, legacy, In("en")));
  EXPECT_NE(en.find("one by one, the old way"), std::string::npos) << en;
  EXPECT_NE(en.find("200 test draws"), std::string::npos) << en;
}

// Every message in both languages at 0, 1, 2 and 1,000, and the Dutch text
// at language level B1 (short sentences, no hard words, no passive).
TEST_F(DrawStoryTest, EveryMessageFormatsAndReadsAtB1) {
  for (const std::string locale : {"nl", "en"}) {
    ASSERT_FALSE(catalog_.Keys(locale).empty());
    for (const std::string& key : catalog_.Keys(locale)) {
      for (int64_t n : {0, 1, 2, 1000}) {
        i18n::Args args;
        for (const char* name :
             {"volunteers", "seats", "min", "max", "chosen", "runs", "count", "dropouts", "replacements", "pool",
              "needed", "available", "by", "from", "to"}) {
          args.emplace_back(name, n);
        }
        args.emplace_back("feature", "leeftijd");
        args.emplace_back("name", "leeftijd=18-34");
        args.emplace_back("outside_flex", n == 1 ? "yes" : "no");
        args.emplace_back("value", "18-34");
        args.emplace_back("seed", "2026 loting 1");
        args.emplace_back("lowest", i18n::Decimal{9.09, 1});
        args.emplace_back("highest", i18n::Decimal{14.2, 1});
        std::string text = catalog_.Format(locale, key, args);
        EXPECT_EQ(text.find('{'), std::string::npos) << locale << " " << key << ": " << text;
        auto findings = locale == "nl" ? i18n::CheckPlainDutch(text) : i18n::CheckPlainEnglish(text);
        for (const auto& f : findings)
          ADD_FAILURE() << locale << " " << key << ": " << f.detail << " in " << f.sentence;
      }
    }
  }
}

}  // namespace
}  // namespace wp::sortition
