#include "features/voting/ballot_rules.h"

#include <gtest/gtest.h>

#include "features/voting/bar_chart.h"

namespace wp::voting {
namespace {

const std::vector<PlanCost> kPlans = {{1, 30000'00}, {2, 25000'00}, {3, 20000'00}, {4, 5000'00}};

BallotRules Split(int64_t budget) {
  BallotRules r;
  r.split_budget = true;
  r.budget_cents = budget;
  return r;
}

BallotRules PickUpTo(int k) {
  BallotRules r;
  r.split_budget = false;
  r.budget_cents = 70000'00;
  r.max_plans = k;
  return r;
}

bool Has(const BallotCheck& c, BallotProblem p) {
  return std::find(c.problems.begin(), c.problems.end(), p) != c.problems.end();
}

TEST(CheckBallot, SplitBudgetWithinBudgetIsValid) {
  auto c = CheckBallot(Split(70000'00), kPlans, {1, 2, 4});
  EXPECT_TRUE(c.ok());
  EXPECT_EQ(c.total_cents, 60000'00);
  EXPECT_EQ(c.count, 3);
  EXPECT_EQ(c.plan_ids, (std::vector<int64_t>{1, 2, 4}));
}

TEST(CheckBallot, SplitBudgetExactlyTheBudgetIsValid) {
  EXPECT_TRUE(CheckBallot(Split(75000'00), kPlans, {1, 2, 3}).ok());
}

TEST(CheckBallot, OverBudgetIsRefusedWithTheTotal) {
  auto c = CheckBallot(Split(70000'00), kPlans, {1, 2, 3});
  EXPECT_TRUE(Has(c, BallotProblem::kOverBudget));
  EXPECT_EQ(c.total_cents, 75000'00);
  EXPECT_EQ(ProblemKey(BallotProblem::kOverBudget), "voting.ballot.over_budget");
}

TEST(CheckBallot, ProblemsBecomeErrorsOfThePlansFieldWithTypedArguments) {
  BallotRules rules = PickUpTo(2);
  rules.min_spend_cents = 80000'00;
  auto c = CheckBallot(rules, kPlans, {1, 2, 3});
  auto errors = BallotErrors(rules, c);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "plans");
  EXPECT_EQ(errors[0].message_key, "voting.ballot.too_many_plans");
  EXPECT_EQ(errors[1].message_key, "voting.ballot.under_min_spend");
  using Value = std::variant<int64_t, std::string, Money>;
  auto arg = [&](const std::string& name) {
    for (const auto& [n, v] : errors[0].args) {
      if (n == name) return v;
    }
    return Value{std::string("missing")};
  };
  EXPECT_EQ(arg("total"), Value{Money{75000'00}}) << "amounts stay money";
  EXPECT_EQ(arg("min"), Value{Money{80000'00}});
  EXPECT_EQ(arg("k"), Value{int64_t{2}}) << "counts stay numbers, for the plural";
  EXPECT_EQ(arg("count"), Value{int64_t{3}});
  EXPECT_TRUE(BallotErrors(rules, CheckBallot(rules, kPlans, {4})).size() == 1u);
  EXPECT_TRUE(BallotErrors(Split(70000'00), CheckBallot(Split(70000'00), kPlans, {4})).empty());
}

TEST(CheckBallot, EmptyBallotIsRefused) {
  auto c = CheckBallot(Split(70000'00), kPlans, {});
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0], BallotProblem::kEmpty);
}

TEST(CheckBallot, PlansNotOnTheBallotAndDuplicatesAreRefused) {
  auto c = CheckBallot(Split(70000'00), kPlans, {1, 99});
  EXPECT_TRUE(Has(c, BallotProblem::kUnknownPlan));
  auto d = CheckBallot(Split(70000'00), kPlans, {4, 4});
  EXPECT_TRUE(Has(d, BallotProblem::kDuplicate));
  EXPECT_EQ(d.total_cents, 5000'00);  // counted once
  auto only_unknown = CheckBallot(Split(70000'00), kPlans, {99});
  EXPECT_TRUE(Has(only_unknown, BallotProblem::kUnknownPlan));
  EXPECT_FALSE(Has(only_unknown, BallotProblem::kEmpty));
}

TEST(CheckBallot, MinAndMaxSpend) {
  BallotRules r = Split(70000'00);
  r.min_spend_cents = 20000'00;
  r.max_spend_cents = 50000'00;
  EXPECT_TRUE(Has(CheckBallot(r, kPlans, {4}), BallotProblem::kUnderMinSpend));
  EXPECT_TRUE(Has(CheckBallot(r, kPlans, {1, 2}), BallotProblem::kOverMaxSpend));
  EXPECT_FALSE(Has(CheckBallot(r, kPlans, {1, 2}), BallotProblem::kOverBudget));
  EXPECT_TRUE(CheckBallot(r, kPlans, {1, 4}).ok());
  EXPECT_TRUE(CheckBallot(r, kPlans, {1, 3}).ok());  // exactly the maximum
}

TEST(CheckBallot, PickUpToK) {
  EXPECT_TRUE(CheckBallot(PickUpTo(2), kPlans, {1}).ok());
  EXPECT_TRUE(CheckBallot(PickUpTo(2), kPlans, {1, 2}).ok());
  auto c = CheckBallot(PickUpTo(2), kPlans, {1, 2, 3});
  EXPECT_TRUE(Has(c, BallotProblem::kTooManyPlans));
  EXPECT_FALSE(Has(c, BallotProblem::kOverBudget));  // pick-up-to has no cost limit
  EXPECT_TRUE(Has(CheckBallot(PickUpTo(2), kPlans, {}), BallotProblem::kEmpty));
}

TEST(PlanIds, ParseEncodeDecode) {
  EXPECT_EQ(ParsePlanIds({"3", "12"}), (std::vector<int64_t>{3, 12}));
  EXPECT_FALSE(ParsePlanIds({"3", "x"}));
  EXPECT_FALSE(ParsePlanIds({"-1"}));
  EXPECT_FALSE(ParsePlanIds({"0"}));
  EXPECT_FALSE(ParsePlanIds({""}));
  EXPECT_EQ(EncodePlanIds({12, 3, 7, 3}), "3,7,12");
  EXPECT_EQ(DecodePlanIds("3,7,12"), (std::vector<int64_t>{3, 7, 12}));
  EXPECT_EQ(DecodePlanIds(""), std::vector<int64_t>{});
  EXPECT_FALSE(DecodePlanIds("3,,4"));
}

// Permissions and phases: every action against every kind of actor and moment.
TEST(Decide, TableOfActionsActorsAndMoments) {
  const VotingWindow w{1000, 2000, true};
  struct Actor {
    const char* name;
    bool signed_in, manages;
  };
  const Actor anonymous{"anonymous", false, false}, resident{"resident", true, false}, official{"official", true, true};
  struct Moment {
    const char* name;
    int64_t now;
    bool counted;
  };
  const Moment before{"before", 999, false}, during{"during", 1500, false}, after{"after", 2000, false},
      counted{"counted", 3000, true};
  struct Row {
    Action action;
    Actor actor;
    Moment moment;
    Decision expected;
  };
  const Row rows[] = {
      {Action::kVoteOnline, anonymous, before, Decision::kNotYetOpen},
      {Action::kVoteOnline, anonymous, during, Decision::kAllowed},
      {Action::kVoteOnline, resident, during, Decision::kAllowed},
      {Action::kVoteOnline, official, during, Decision::kAllowed},
      {Action::kVoteOnline, anonymous, after, Decision::kClosed},
      {Action::kVoteOnline, anonymous, counted, Decision::kClosed},
      {Action::kEnterPaper, anonymous, during, Decision::kNotSignedIn},
      {Action::kEnterPaper, resident, during, Decision::kNotAllowed},
      {Action::kEnterPaper, official, before, Decision::kNotYetOpen},
      {Action::kEnterPaper, official, during, Decision::kAllowed},
      {Action::kEnterPaper, official, after, Decision::kAllowed},  // until the count
      {Action::kEnterPaper, official, counted, Decision::kClosed},
      {Action::kCount, anonymous, after, Decision::kNotSignedIn},
      {Action::kCount, resident, after, Decision::kNotAllowed},
      {Action::kCount, official, before, Decision::kNotYetOpen},
      {Action::kCount, official, during, Decision::kNotYetClosed},
      {Action::kCount, official, after, Decision::kAllowed},
      {Action::kCount, official, counted, Decision::kAlreadyCounted},
      {Action::kViewCountPage, anonymous, during, Decision::kNotSignedIn},
      {Action::kViewCountPage, resident, during, Decision::kNotAllowed},
      {Action::kViewCountPage, official, during, Decision::kAllowed},
      {Action::kViewResults, anonymous, after, Decision::kNotCounted},
      {Action::kViewResults, anonymous, counted, Decision::kAllowed},
      {Action::kViewResults, official, counted, Decision::kAllowed},
  };
  for (const auto& r : rows) {
    Situation s{w, r.moment.now, r.moment.counted, r.actor.signed_in, r.actor.manages};
    EXPECT_EQ(Decide(r.action, s), r.expected)
        << static_cast<int>(r.action) << " " << r.actor.name << " " << r.moment.name;
  }
  // An unpublished edition never opens.
  Situation draft{{1000, 2000, false}, 1500, false, true, true};
  EXPECT_EQ(Decide(Action::kVoteOnline, draft), Decision::kNotYetOpen);
  EXPECT_EQ(Decide(Action::kEnterPaper, draft), Decision::kNotYetOpen);
}

TEST(BarChart, AccessibleAndEscaped) {
  std::string svg =
      BarChartSvg("c1", "Stemmen <per> plan", "beschrijving",
                  {{"Speeltuin & bankjes", 40, "40", true}, {"Bloembakken", 10, "10", false}}, "(gekozen)");
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"c1-title\">Stemmen &lt;per&gt; plan</title>"), std::string::npos);
  EXPECT_NE(svg.find("Speeltuin &amp; bankjes (gekozen)"), std::string::npos);
  EXPECT_EQ(svg.find("Bloembakken (gekozen)"), std::string::npos);
  EXPECT_NE(svg.find("width=\"480\""), std::string::npos);  // the largest bar is full width
  EXPECT_NE(svg.find("width=\"120\""), std::string::npos);  // 10/40 of it
  EXPECT_EQ(svg.find("style="), std::string::npos);         // CSP: no inline style
}

}  // namespace
}  // namespace wp::voting
