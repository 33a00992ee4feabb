#include "features/budgets/edition.h"

#include <gtest/gtest.h>

#include <functional>

#include "features/budgets/edition_check.h"

namespace wp::budgets {
namespace {

Edition Valid() {
  Edition e;
  e.slug = "schalkwijk-aan-zet-2026";
  e.title = "Schalkwijk aan Zet 2026";
  e.borough_slug = "schalkwijk";
  e.area = {"BU03920501", "BU03920502"};
  e.budget_cents = 7'000'000;
  e.themes = {"Elkaar ontmoeten"};
  e.dates = {100, 200, 300, 400, 500};
  e.published = true;
  return e;
}

const std::map<std::string, std::string> kBoroughs = {
    {"BU03920501", "schalkwijk"}, {"BU03920502", "schalkwijk"}, {"BU03920101", "centrum"}};

std::vector<FieldError> Problems(const Edition& e) { return CheckEdition(e, kBoroughs); }

TEST(PhaseAtTest, FollowsTheDates) {
  Edition e = Valid();
  struct Case {
    int64_t now;
    Phase phase;
  } cases[] = {{0, Phase::kBeforePlans},       {99, Phase::kBeforePlans}, {100, Phase::kPlans},
               {199, Phase::kPlans},           {200, Phase::kLikes},      {300, Phase::kReview},
               {400, Phase::kVoting},          {499, Phase::kVoting},     {500, Phase::kImplementation},
               {99999, Phase::kImplementation}};
  for (const auto& c : cases) EXPECT_EQ(PhaseAt(e, c.now), c.phase) << c.now;
}

TEST(PhaseAtTest, UnpublishedIsDraftWhateverTheDate) {
  Edition e = Valid();
  e.published = false;
  EXPECT_EQ(PhaseAt(e, 250), Phase::kDraft);
}

TEST(NamesTest, RoundTrip) {
  for (auto k : {BallotKind::kSplitBudget, BallotKind::kPickUpTo}) EXPECT_EQ(ParseBallotKind(BallotKindName(k)), k);
  for (auto r : {CountingRule::kGreedy, CountingRule::kEqualShares}) {
    EXPECT_EQ(ParseCountingRule(CountingRuleName(r)), r);
  }
  EXPECT_FALSE(ParseBallotKind("knapsack"));
  EXPECT_EQ(PhaseName(Phase::kLikes), "likes");
}

TEST(CheckEditionTest, ValidHasNoProblems) { EXPECT_TRUE(Problems(Valid()).empty()); }

TEST(CheckEditionTest, EachRuleNamesItsFieldAndReason) {
  struct Case {
    const char* name;
    std::function<void(Edition&)> change;
    FieldError expected;
  } cases[] = {
      {"no title", [](Edition& e) { e.title.clear(); }, {"title", kEditionTitle}},
      {"long title", [](Edition& e) { e.title = std::string(kMaxEditionTitle + 1, 'x'); }, {"title", kEditionTitle}},
      {"bad slug", [](Edition& e) { e.slug = "Schalkwijk 2026"; }, {"slug", kEditionSlug}},
      {"zero budget", [](Edition& e) { e.budget_cents = 0; }, {"budget", kEditionBudget}},
      {"no themes", [](Edition& e) { e.themes = {""}; }, {"themes", kEditionThemes}},
      {"no area", [](Edition& e) { e.area.clear(); }, {"area", kEditionAreaEmpty}},
      {"unknown buurt", [](Edition& e) { e.area.insert("BU99999999"); }, {"area", kEditionAreaUnknown}},
      {"other stadsdeel", [](Edition& e) { e.area.insert("BU03920101"); }, {"area", kEditionAreaBoroughs}},
      {"age", [](Edition& e) { e.min_age = -1; }, {"min_age", kEditionMinAge}},
      {"threshold", [](Edition& e) { e.like_threshold = 0; }, {"like_threshold", kEditionThreshold}},
      {"k missing", [](Edition& e) { e.ballot_kind = BallotKind::kPickUpTo; }, {"max_plans", kEditionMaxPlans}},
      {"negative spend", [](Edition& e) { e.min_spend_cents = -1; }, {"min_spend", kEditionSpendNegative}},
      {"min > max",
       [](Edition& e) {
         e.min_spend_cents = 500;
         e.max_spend_cents = 400;
       },
       {"min_spend", kEditionMinAboveMax}},
      {"max > budget", [](Edition& e) { e.max_spend_cents = 7'000'001; }, {"max_spend", kEditionMaxAboveBudget}},
      {"min > budget", [](Edition& e) { e.min_spend_cents = 7'000'001; }, {"min_spend", kEditionMaxAboveBudget}},
      {"dates equal", [](Edition& e) { e.dates.likes_open = e.dates.plans_open; }, {"plans_open", kEditionDates}},
      {"dates reversed", [](Edition& e) { e.dates.voting_close = 350; }, {"plans_open", kEditionDates}},
      {"no dates", [](Edition& e) { e.dates = {}; }, {"plans_open", kEditionDates}},
  };
  for (const auto& c : cases) {
    Edition e = Valid();
    c.change(e);
    auto problems = Problems(e);
    ASSERT_EQ(problems.size(), 1u) << c.name;
    EXPECT_EQ(problems[0], c.expected) << c.name;
  }
}

TEST(CheckEditionTest, WholeMunicipalityMaySpanStadsdelen) {
  Edition e = Valid();
  e.borough_slug.clear();
  e.area.insert("BU03920101");
  EXPECT_TRUE(Problems(e).empty());
}

TEST(CheckEditionTest, PickUpToWithKAndSpendWithinBudgetIsValid) {
  Edition e = Valid();
  e.ballot_kind = BallotKind::kPickUpTo;
  e.max_plans = 3;
  e.min_spend_cents = 0;
  e.max_spend_cents = e.budget_cents;
  EXPECT_TRUE(Problems(e).empty());
}

TEST(SlugTest, Rules) {
  EXPECT_TRUE(IsValidSlug("abc"));
  EXPECT_TRUE(IsValidSlug("schalkwijk-aan-zet-2026"));
  EXPECT_FALSE(IsValidSlug("ab"));
  EXPECT_FALSE(IsValidSlug("-abc"));
  EXPECT_FALSE(IsValidSlug("abc-"));
  EXPECT_FALSE(IsValidSlug("ABC"));
  EXPECT_FALSE(IsValidSlug("a/b/c"));
}

}  // namespace
}  // namespace wp::budgets
