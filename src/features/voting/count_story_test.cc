#include "features/voting/count_story.h"

#include <gtest/gtest.h>

#include <regex>

#include "core/i18n/catalog.h"
#include "features/budgets/counting/equal_shares.h"
#include "features/budgets/counting/greedy.h"
#include "wp_voting_files.h"

namespace wp::voting {
namespace {

namespace counting = budgets::counting;

class CountStoryTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(catalog_.AddFiles(VotingFiles()).has_value()); }
  CountStory Tell(const counting::Explanation& x, const std::string& locale) {
    return TellCount(x, [&](std::string_view key, const i18n::Args& args) {
      EXPECT_TRUE(catalog_.Has(locale, key)) << key;
      return catalog_.Format(locale, key, args);
    });
  }
  static std::string Joined(const CountStory& s) {
    std::string out;
    for (const auto& p : s.intro) out += p + "\n";
    for (const auto& p : s.chosen) out += p + "\n";
    for (const auto& p : s.others) out += p + "\n";
    return out + s.leftover;
  }
  i18n::Catalog catalog_;
};

// Money as the locale writes it; the catalog uses a no-break space after €.
std::string Nl(const std::string& amount) { return "€\u00a0" + amount; }

TEST_F(CountStoryTest, MostVotesInPlainDutchAndEnglish) {
  // Budget € 10.000; Speeltuin (€ 6.000, 3 votes), Bankjes (€ 5.000, 2 votes),
  // Bloembakken (€ 3.000, 1 vote), Fietsrek (€ 500, no votes).
  counting::Election e = counting::MakeApprovalElection(
      10'000'00, {{"Speeltuin", 6'000'00}, {"Bankjes", 5'000'00}, {"Bloembakken", 3'000'00}, {"Fietsrek", 500'00}},
      {{0, 1, 2}, {0, 1}, {0}});
  counting::Explanation x = counting::Explain(e, counting::CountGreedy(e, counting::GreedyOptions{}));
  CountStory nl = Tell(x, "nl");
  ASSERT_EQ(nl.chosen.size(), 2u);
  EXPECT_EQ(nl.chosen[0], "Speeltuin kreeg 3 stemmen en kost " + Nl("6.000") + ". Er was nog " + Nl("10.000") +
                              " over. Het plan paste en is gekozen.");
  EXPECT_EQ(nl.chosen[1], "Bloembakken kreeg 1 stem en kost " + Nl("3.000") + ". Er was nog " + Nl("4.000") +
                              " over. Het plan paste en is gekozen.");
  ASSERT_EQ(nl.others.size(), 2u);
  EXPECT_EQ(nl.others[0], "Bankjes kost " + Nl("5.000") + ". Toen dit plan aan de beurt was, was er nog " +
                              Nl("4.000") + " over. Het paste niet.");
  EXPECT_EQ(nl.others[1], "Fietsrek kreeg geen stemmen.");
  EXPECT_EQ(nl.leftover, "Er blijft " + Nl("1.000") + " over. Dat is te weinig voor elk plan dat nog over was.");
  CountStory en = Tell(x, "en");
  EXPECT_NE(Joined(en).find("Bankjes costs €5,000. When it was this plan's turn, €4,000 was left. It did not fit."),
            std::string::npos)
      << Joined(en);
  // No technical words reach the resident.
  const std::regex technical(R"(\b(rho|mes|MES|greedy|Add1|knapsack|verdict|cents?)\b)");
  EXPECT_FALSE(std::regex_search(Joined(nl), technical)) << Joined(nl);
  EXPECT_FALSE(std::regex_search(Joined(en), technical)) << Joined(en);
}

TEST_F(CountStoryTest, EqualSharesTellsEachVotersShareAndWhoRanShort) {
  // 4 voters, € 400: € 100 each. a (€ 200) by all four: € 50 each.
  counting::Election e = counting::MakeApprovalElection(400'00, {{"Zonnepanelen", 200'00}, {"Moestuin", 150'00}},
                                                        {{0, 1}, {0, 1}, {0}, {0}});
  counting::Explanation x = counting::Explain(e, counting::CountEqualShares(e, counting::MesOptions{}));
  CountStory nl = Tell(x, "nl");
  ASSERT_GE(nl.intro.size(), 2u);
  EXPECT_EQ(nl.intro[0], "Er was " + Nl("400") + " te verdelen over 4 stemmers. Iedereen kreeg een gelijk deel van "
                                                 "het geld: " + Nl("100") + " per persoon.");
  ASSERT_FALSE(nl.chosen.empty());
  EXPECT_EQ(nl.chosen[0], "Zonnepanelen kost " + Nl("200") +
                              " en is gekozen. Iedereen die op dit plan stemde, betaalt een gelijk deel: " + Nl("50") +
                              " per persoon.");
  // Voters short: one voter who paid less than the share.
  counting::Explanation shorter = x;
  shorter.chosen[0].voters_short = 1;
  EXPECT_NE(Tell(shorter, "nl").chosen[0].find("1 stemmer had minder over en betaalt wat er nog over was."),
            std::string::npos);
  shorter.chosen[0].voters_short = 2;
  EXPECT_NE(Tell(shorter, "nl").chosen[0].find("2 stemmers hadden minder over en betalen"), std::string::npos);
}

TEST_F(CountStoryTest, EveryVerdictHasASentenceInBothLanguages) {
  counting::Explanation x;
  x.rule = counting::ExplainedRule::kMostVotes;
  x.budget_cents = 1000'00;
  x.vote_threshold = 5;
  for (counting::Verdict v :
       {counting::Verdict::kDoesNotFit, counting::Verdict::kSupportersOutOfMoney, counting::Verdict::kNoSupport,
        counting::Verdict::kBelowThreshold, counting::Verdict::kCostsMoreThanBudget, counting::Verdict::kNotReached,
        counting::Verdict::kNotInOptimum}) {
    x.others.push_back({"p", "Plan", 100'00, 2, v, -1});
  }
  for (const char* locale : {"nl", "en"}) {
    CountStory s = Tell(x, locale);
    ASSERT_EQ(s.others.size(), x.others.size());
    for (const std::string& line : s.others) {
      EXPECT_EQ(line.find('{'), std::string::npos) << line;  // every argument filled in
      EXPECT_EQ(line.rfind("Plan", 0), 0u) << line;
    }
  }
  EXPECT_EQ(Tell(x, "nl").others[3], "Plan kreeg 2 stemmen. Een plan had minstens 5 stemmen nodig.");
}

}  // namespace
}  // namespace wp::voting
