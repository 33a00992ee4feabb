#include "features/platforms/subsidy.h"

#include <gtest/gtest.h>

#include <map>

namespace wp::platforms {
namespace {

using St = SubsidyStatus;
using Step = SubsidyStep;
using P = SubsidyProblem;

constexpr int64_t kNow = 1'735'000'000;

std::vector<BudgetLine> Budget() {
  return {{"Zaalhuur themabijeenkomsten", Money::FromEuros(600)},
          {"Drukwerk wijkkrant", Money::FromEuros(900)},
          {"Website en nieuwsbrief", Money{50'050}}};
}
const Money kRequested{60'000 + 90'000 + 50'050};

SubsidyApplication Applied() {
  auto app = Apply(7, 2025, Budget(), kRequested, {}, kNow);
  EXPECT_TRUE(app.has_value());
  return *app;
}

SubsidyApplication InStatus(St status) {
  SubsidyApplication app = Applied();
  switch (status) {
    case St::kApplied:
      return app;
    case St::kWithdrawn:
      return *Withdraw(app, kNow);
    case St::kRefused:
      return *Refuse(app, "Geen begroting voor communicatie", kNow);
    case St::kGranted:
      return *Grant(app, Money::FromEuros(1500), "Conform regeling", kNow);
    case St::kReported:
      return *ReportSpending(*Grant(app, Money::FromEuros(1500), "Conform regeling", kNow),
                             {{"Zaalhuur", Money::FromEuros(1400)}}, "", kNow);
    case St::kSettled:
      return *Settle(InStatus(St::kReported), Money::FromEuros(1400), "Vastgesteld op werkelijke kosten", kNow);
  }
  return app;
}

// Runs `step` with valid arguments for that step.
SubsidyResult Take(const SubsidyApplication& app, Step step) {
  switch (step) {
    case Step::kApply:
      return Apply(7, 2026, Budget(), kRequested, {}, kNow);
    case Step::kWithdraw:
      return Withdraw(app, kNow);
    case Step::kGrant:
      return Grant(app, Money::FromEuros(100), "Deels", kNow);
    case Step::kRefuse:
      return Refuse(app, "Te laat", kNow);
    case Step::kReport:
      return ReportSpending(app, {{"Zaalhuur", Money::FromEuros(10)}}, "", kNow);
    case Step::kSettle:
      return Settle(app, Money::FromEuros(10), "Vastgesteld", kNow);
  }
  return app;
}

TEST(SubsidyFlowTest, EveryStatusTimesEveryStep) {
  // status -> the steps allowed from it and where they lead.
  const std::map<St, std::map<Step, St>> spec = {
      {St::kApplied, {{Step::kWithdraw, St::kWithdrawn}, {Step::kGrant, St::kGranted}, {Step::kRefuse, St::kRefused}}},
      {St::kGranted, {{Step::kReport, St::kReported}}},
      {St::kReported, {{Step::kSettle, St::kSettled}}},
      {St::kRefused, {}},
      {St::kWithdrawn, {}},
      {St::kSettled, {}},
  };
  for (St from : kAllSubsidyStatuses) {
    const SubsidyApplication app = InStatus(from);
    ASSERT_EQ(app.status, from);
    for (Step step : kAllSubsidySteps) {
      std::string label = std::string(SubsidyStatusName(from)) + " step " + std::to_string(static_cast<int>(step));
      const auto& allowed = spec.at(from);
      auto it = allowed.find(step);
      EXPECT_EQ(SubsidyStepResult(from, step), it == allowed.end() ? std::nullopt : std::optional<St>(it->second))
          << label;
      if (step == Step::kApply) continue;  // not a step on an existing application
      auto got = Take(app, step);
      if (it == allowed.end()) {
        ASSERT_FALSE(got.has_value()) << label;
        EXPECT_EQ(got.error(), (SubsidyErrors{{P::kWrongStatus, -1}})) << label;
      } else {
        ASSERT_TRUE(got.has_value()) << label;
        EXPECT_EQ(got->status, it->second) << label;
      }
    }
  }
}

TEST(SubsidyStatusTest, NamesRoundTrip) {
  for (St s : kAllSubsidyStatuses) EXPECT_EQ(ParseSubsidyStatus(SubsidyStatusName(s)), s);
  EXPECT_EQ(ParseSubsidyStatus("verleend"), std::nullopt);
}

TEST(ApplyTest, KeepsTrimmedLinesAndTotals) {
  std::vector<BudgetLine> lines = Budget();
  lines[0].description = "  Zaalhuur themabijeenkomsten ";
  auto got = Apply(7, 2025, lines, kRequested, {}, kNow);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->status, St::kApplied);
  EXPECT_EQ(got->platform_id, 7);
  EXPECT_EQ(got->year, 2025);
  EXPECT_EQ(got->requested, kRequested);
  EXPECT_EQ(got->budget, Budget());
  EXPECT_EQ(got->applied_at, kNow);
  EXPECT_EQ(TotalOf(got->budget), kRequested);
}

TEST(ApplyTest, Table) {
  auto with = [](auto edit) {
    std::vector<BudgetLine> lines = Budget();
    edit(lines);
    return lines;
  };
  SubsidyApplication same_year = Applied();
  SubsidyApplication refused_same_year = InStatus(St::kRefused);
  SubsidyApplication other_platform = Applied();
  other_platform.platform_id = 8;
  SubsidyApplication other_year = Applied();
  other_year.year = 2024;
  struct Case {
    const char* label;
    int year;
    std::vector<BudgetLine> lines;
    Money requested;
    std::vector<SubsidyApplication> earlier;
    SubsidyErrors want;
  } cases[] = {
      {"valid", 2025, Budget(), kRequested, {}, {}},
      {"earlier refused or other platform/year",
       2025,
       Budget(),
       kRequested,
       {refused_same_year, other_platform, other_year},
       {}},
      {"already applied this year", 2025, Budget(), kRequested, {same_year}, {{P::kAlreadyApplied, -1}}},
      {"year before wijkplatforms", 2023, Budget(), kRequested, {}, {{P::kBadYear, -1}}},
      {"year nonsense", 99999, Budget(), kRequested, {}, {{P::kBadYear, -1}}},
      {"no lines", 2025, {}, Money{}, {}, {{P::kNoLines, -1}}},
      {"too many lines",
       2025,
       std::vector<BudgetLine>(kMaxBudgetLines + 1, {"x", Money{1}}),
       Money{static_cast<int64_t>(kMaxBudgetLines + 1)},
       {},
       {{P::kTooManyLines, -1}}},
      {"total does not match", 2025, Budget(), kRequested + Money{1}, {}, {{P::kTotalMismatch, -1}}},
      {"blank description and zero amount",
       2025,
       with([](auto& l) {
         l[1] = {" ", Money{0}};
       }),
       kRequested,
       {},
       {{P::kMissingDescription, 1}, {P::kNonPositiveAmount, 1}}},
      {"negative amount",
       2025,
       with([](auto& l) { l[2].amount = Money{-5}; }),
       kRequested,
       {},
       {{P::kNonPositiveAmount, 2}}},
      {"description too long",
       2025,
       with([](auto& l) { l[0].description = std::string(kMaxLineDescriptionBytes + 1, 'd'); }),
       kRequested,
       {},
       {{P::kDescriptionTooLong, 0}}},
      {"amount too large (overflow guard)",
       2025,
       with([](auto& l) { l[0].amount = Money{INT64_MAX}; }),
       kRequested,
       {},
       {{P::kAmountTooLarge, 0}}},
      {"several problems at once",
       2023,
       with([](auto& l) { l[0].amount = Money{0}; }),
       kRequested,
       {same_year},
       {{P::kBadYear, -1}, {P::kNonPositiveAmount, 0}}},
  };
  for (const auto& c : cases) {
    auto got = Apply(7, c.year, c.lines, c.requested, c.earlier, kNow);
    if (c.want.empty()) {
      EXPECT_TRUE(got.has_value()) << c.label;
    } else {
      ASSERT_FALSE(got.has_value()) << c.label;
      EXPECT_EQ(got.error(), c.want) << c.label;
    }
  }
}

TEST(GrantTest, Table) {
  struct Case {
    const char* label;
    Money amount;
    std::string reason;
    SubsidyErrors want;
  } cases[] = {
      {"full amount", kRequested, "Conform aanvraag", {}},
      {"lower amount", Money::FromEuros(1000), "Drukwerk valt buiten de regeling", {}},
      {"one cent", Money{1}, "Symbolisch", {}},
      {"zero", Money{0}, "Niets", {{P::kGrantNotPositive, -1}}},
      {"negative", Money{-100}, "Min", {{P::kGrantNotPositive, -1}}},
      {"more than requested", kRequested + Money{1}, "Extra", {{P::kGrantAboveRequested, -1}}},
      {"no reason", kRequested, "   ", {{P::kReasonRequired, -1}}},
      {"reason too long", kRequested, std::string(kMaxSubsidyReasonBytes + 1, 'r'), {{P::kReasonTooLong, -1}}},
      {"two problems", Money{0}, "", {{P::kGrantNotPositive, -1}, {P::kReasonRequired, -1}}},
  };
  for (const auto& c : cases) {
    auto got = Grant(Applied(), c.amount, c.reason, kNow + 10);
    if (c.want.empty()) {
      ASSERT_TRUE(got.has_value()) << c.label;
      EXPECT_EQ(got->status, St::kGranted);
      EXPECT_EQ(got->granted, c.amount);
      EXPECT_EQ(got->decision_reason, c.reason);
      EXPECT_EQ(got->decided_at, kNow + 10);
    } else {
      ASSERT_FALSE(got.has_value()) << c.label;
      EXPECT_EQ(got.error(), c.want) << c.label;
    }
  }
}

TEST(RefuseTest, NeedsAReason) {
  auto refused = Refuse(Applied(), "  Platform nog niet in oprichting ", kNow);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, St::kRefused);
  EXPECT_EQ(refused->decision_reason, "Platform nog niet in oprichting");
  EXPECT_FALSE(refused->granted.has_value());
  auto no_reason = Refuse(Applied(), "", kNow);
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_EQ(no_reason.error(), (SubsidyErrors{{P::kReasonRequired, -1}}));
}

TEST(ReportSpendingTest, Table) {
  const SubsidyApplication granted = InStatus(St::kGranted);  // EUR 1500 granted
  struct Case {
    const char* label;
    std::vector<BudgetLine> spending;
    std::string explanation;
    SubsidyErrors want;
  } cases[] = {
      {"less than granted", {{"Zaalhuur", Money::FromEuros(1000)}}, "", {}},
      {"exactly granted", {{"Zaalhuur", Money::FromEuros(1000)}, {"Drukwerk", Money::FromEuros(500)}}, "", {}},
      {"over granted with explanation", {{"Zaalhuur", Money{150'001}}}, "Extra bijeenkomst na overlast", {}},
      {"over granted without explanation", {{"Zaalhuur", Money{150'001}}}, "  ", {{P::kOverspendNeedsExplanation, -1}}},
      {"no lines", {}, "", {{P::kNoLines, -1}}},
      {"bad line", {{"", Money::FromEuros(10)}}, "", {{P::kMissingDescription, 0}}},
      {"explanation too long",
       {{"Zaalhuur", Money::FromEuros(10)}},
       std::string(kMaxSubsidyReasonBytes + 1, 'e'),
       {{P::kReasonTooLong, -1}}},
  };
  for (const auto& c : cases) {
    auto got = ReportSpending(granted, c.spending, c.explanation, kNow + 5);
    if (c.want.empty()) {
      ASSERT_TRUE(got.has_value()) << c.label;
      EXPECT_EQ(got->status, St::kReported);
      EXPECT_EQ(got->spending, c.spending);
      EXPECT_EQ(got->reported_at, kNow + 5);
    } else {
      ASSERT_FALSE(got.has_value()) << c.label;
      EXPECT_EQ(got.error(), c.want) << c.label;
    }
  }
}

TEST(SettleTest, Table) {
  const SubsidyApplication reported = InStatus(St::kReported);  // EUR 1500 granted, EUR 1400 spent
  struct Case {
    const char* label;
    Money amount;
    std::string reason;
    SubsidyErrors want;
  } cases[] = {
      {"actual costs", Money::FromEuros(1400), "Werkelijke kosten", {}},
      {"whole grant", Money::FromEuros(1500), "Conform verlening", {}},
      {"nothing", Money{0}, "Activiteiten niet doorgegaan", {}},
      {"above grant", Money::FromEuros(1500) + Money{1}, "Meer", {{P::kSettleOutOfRange, -1}}},
      {"negative", Money{-1}, "Terugvordering", {{P::kSettleOutOfRange, -1}}},
      {"no reason", Money::FromEuros(1400), "", {{P::kReasonRequired, -1}}},
  };
  for (const auto& c : cases) {
    auto got = Settle(reported, c.amount, c.reason, kNow + 9);
    if (c.want.empty()) {
      ASSERT_TRUE(got.has_value()) << c.label;
      EXPECT_EQ(got->status, St::kSettled);
      EXPECT_EQ(got->settled, c.amount);
      EXPECT_EQ(got->settled_at, kNow + 9);
    } else {
      ASSERT_FALSE(got.has_value()) << c.label;
      EXPECT_EQ(got.error(), c.want) << c.label;
    }
  }
}

TEST(SubsidyProblemKeyTest, Distinct) {
  std::set<std::string_view> keys;
  for (int i = 0; i <= static_cast<int>(P::kSettleOutOfRange); ++i) {
    keys.insert(SubsidyProblemKey(static_cast<P>(i)));
  }
  EXPECT_EQ(keys.size(), static_cast<size_t>(P::kSettleOutOfRange) + 1);
}

TEST(ParseBudgetLinesTest, ReadsDescriptionAndAmountPerLine) {
  auto lines = ParseBudgetLines("Zaalhuur; 450,00\n\n  Folders ; 150 \nKoffie; thee; 12,50");
  ASSERT_TRUE(lines.has_value());
  EXPECT_EQ(*lines, (std::vector<BudgetLine>{
                        {"Zaalhuur", Money{45000}}, {"Folders", Money{15000}}, {"Koffie; thee", Money{1250}}}));
  EXPECT_TRUE(ParseBudgetLines(" \n").value().empty());
  EXPECT_EQ(ParseBudgetLines("Zaalhuur; 10\n\nFolders zonder bedrag").error(), 1);
  EXPECT_EQ(ParseBudgetLines("Zaalhuur; tien").error(), 0);
}

}  // namespace
}  // namespace wp::platforms
