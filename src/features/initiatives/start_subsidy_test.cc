#include "features/initiatives/start_subsidy.h"

#include <gtest/gtest.h>

namespace wp::initiatives {
namespace {

using platforms::BudgetLine;
using St = GrantStatus;

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.message_key);
  return out;
}

StartSubsidy WithStatus(St status, int64_t requested_euros, std::optional<int64_t> granted_euros = std::nullopt) {
  StartSubsidy s;
  s.status = status;
  s.requested = Money::FromEuros(requested_euros);
  if (granted_euros) s.granted = Money::FromEuros(*granted_euros);
  return s;
}

TEST(StartSubsidyTest, EveryStepOfTheFlowAndNoOther) {
  struct Row {
    St from;
    GrantStep step;
    std::optional<St> to;
  };
  const Row rows[] = {
      {St::kApplied, GrantStep::kGrant, St::kGranted},     {St::kApplied, GrantStep::kRefuse, St::kRefused},
      {St::kApplied, GrantStep::kWithdraw, St::kWithdrawn}, {St::kApplied, GrantStep::kPay, std::nullopt},
      {St::kGranted, GrantStep::kPay, St::kPaid},           {St::kGranted, GrantStep::kReport, std::nullopt},
      {St::kGranted, GrantStep::kWithdraw, std::nullopt},   {St::kPaid, GrantStep::kReport, St::kReported},
      {St::kPaid, GrantStep::kSettle, std::nullopt},        {St::kReported, GrantStep::kSettle, St::kSettled},
      {St::kRefused, GrantStep::kGrant, std::nullopt},      {St::kSettled, GrantStep::kSettle, std::nullopt},
      {St::kWithdrawn, GrantStep::kGrant, std::nullopt},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(GrantStepResult(r.from, r.step), r.to) << GrantStatusName(r.from);
  }
  EXPECT_TRUE(IsInitiatorStep(GrantStep::kWithdraw));
  EXPECT_TRUE(IsInitiatorStep(GrantStep::kReport));
  EXPECT_FALSE(IsInitiatorStep(GrantStep::kGrant));
  EXPECT_FALSE(IsInitiatorStep(GrantStep::kPay));
  for (St s : kAllGrantStatuses) EXPECT_EQ(ParseGrantStatus(GrantStatusName(s)), s);
  EXPECT_EQ(ParseGrantStatus("betaald"), std::nullopt);
}

TEST(StartSubsidyTest, WhatCountsAgainstTheLimits) {
  EXPECT_EQ(Committed(WithStatus(St::kApplied, 500)), Money{});
  EXPECT_EQ(Committed(WithStatus(St::kRefused, 500)), Money{});
  EXPECT_EQ(Committed(WithStatus(St::kGranted, 500, 400)), Money::FromEuros(400));
  EXPECT_EQ(Committed(WithStatus(St::kReported, 500, 400)), Money::FromEuros(400));
  StartSubsidy settled = WithStatus(St::kSettled, 500, 400);
  settled.settled = Money::FromEuros(350);
  EXPECT_EQ(Committed(settled), Money::FromEuros(350));
  std::vector<StartSubsidy> all = {WithStatus(St::kGranted, 500, 400), settled, WithStatus(St::kApplied, 900)};
  EXPECT_EQ(CommittedTotal(all), Money::FromEuros(750));
}

TEST(StartSubsidyTest, ApplyingOnlyWhileTheInitiativeRuns) {
  EXPECT_FALSE(MayApply(InitiativeStatus::kDraft, Answer::kNone));
  EXPECT_TRUE(MayApply(InitiativeStatus::kSubmitted, Answer::kNone));
  EXPECT_TRUE(MayApply(InitiativeStatus::kAnswered, Answer::kYesProvided));
  EXPECT_TRUE(MayApply(InitiativeStatus::kInProgress, Answer::kYes));
  EXPECT_FALSE(MayApply(InitiativeStatus::kAnswered, Answer::kNoBecause));
  EXPECT_FALSE(MayApply(InitiativeStatus::kDone, Answer::kYes));
  EXPECT_FALSE(MayApply(InitiativeStatus::kWithdrawn, Answer::kNone));
}

TEST(StartSubsidyTest, AnApplicationNeedsAPurposeLinesAndRoomUnderTheLimit) {
  SubsidyLimits limits{Money::FromEuros(1000), Money::FromEuros(10000)};
  std::vector<BudgetLine> lines = {{"Zaden en plantjes", Money::FromEuros(300)}, {"Gereedschap", Money::FromEuros(200)}};
  EXPECT_TRUE(CheckApplication("Een geveltuin", lines, limits, {}).empty());
  EXPECT_EQ(Fields(CheckApplication("  ", {}, limits, {})),
            (std::vector<std::string>{"purpose:web.required", "budget:platforms.subsidy.no_lines"}));
  std::vector<BudgetLine> bad = {{"", Money::FromEuros(10)}};
  EXPECT_EQ(Fields(CheckApplication("x", bad, limits, {})),
            (std::vector<std::string>{"budget:platforms.subsidy.missing_description"}));
  // What was granted before counts: 600 of 1000 used, 500 more does not fit.
  std::vector<StartSubsidy> earlier = {WithStatus(St::kSettled, 700, 600), WithStatus(St::kRefused, 900)};
  earlier[0].settled = Money::FromEuros(600);
  auto over = CheckApplication("x", lines, limits, earlier);
  ASSERT_EQ(Fields(over), (std::vector<std::string>{"budget:initiatives.subsidy.over_limit"}));
  ASSERT_EQ(over[0].args.size(), 1u);
  EXPECT_EQ(std::get<Money>(over[0].args[0].second), Money::FromEuros(400));
  std::vector<BudgetLine> fits = {{"Zaden", Money::FromEuros(400)}};
  EXPECT_TRUE(CheckApplication("x", fits, limits, earlier).empty());
  // One application at a time.
  std::vector<StartSubsidy> open = {WithStatus(St::kPaid, 100, 100)};
  EXPECT_EQ(Fields(CheckApplication("x", fits, limits, open)),
            (std::vector<std::string>{"status:initiatives.subsidy.open_exists"}));
}

TEST(StartSubsidyTest, AGrantFitsTheRequestAndTheYearBudget) {
  SubsidyLimits limits{Money::FromEuros(2500), Money::FromEuros(10000)};
  StartSubsidy s = WithStatus(St::kApplied, 800);
  EXPECT_TRUE(CheckGrant(s, Money::FromEuros(800), "Past in de regeling", Money::FromEuros(9200), limits).empty());
  EXPECT_EQ(Fields(CheckGrant(s, Money::FromEuros(801), "r", Money{}, limits)),
            (std::vector<std::string>{"amount:platforms.subsidy.grant_above_requested"}));
  EXPECT_EQ(Fields(CheckGrant(s, Money{}, "", Money{}, limits)),
            (std::vector<std::string>{"amount:platforms.subsidy.grant_not_positive", "reason:web.required"}));
  EXPECT_EQ(Fields(CheckGrant(s, std::nullopt, "r", Money{}, limits)),
            (std::vector<std::string>{"amount:platforms.subsidy.grant_not_positive"}));
  auto full = CheckGrant(s, Money::FromEuros(800), "r", Money::FromEuros(9500), limits);
  ASSERT_EQ(Fields(full), (std::vector<std::string>{"amount:initiatives.subsidy.year_budget"}));
  EXPECT_EQ(std::get<Money>(full[0].args[0].second), Money::FromEuros(500));
}

TEST(StartSubsidyTest, RefusalPaymentReportAndSettlementChecks) {
  EXPECT_EQ(Fields(CheckRefusal(" ")), (std::vector<std::string>{"reason:web.required"}));
  EXPECT_TRUE(CheckRefusal("Geen geld voor feesten").empty());
  EXPECT_EQ(Fields(CheckPayment("")), (std::vector<std::string>{"reference:web.required"}));
  EXPECT_EQ(Fields(CheckPayment(std::string(101, 'x'))), (std::vector<std::string>{"reference:initiatives.error.too_long"}));
  EXPECT_TRUE(CheckPayment("BOEK-2026-0042").empty());
  std::vector<BudgetLine> spent = {{"Zaden", Money::FromEuros(250)}};
  EXPECT_TRUE(CheckReport(spent, "De tuin staat er").empty());
  EXPECT_EQ(Fields(CheckReport({}, "")),
            (std::vector<std::string>{"spending:platforms.subsidy.no_lines", "account:web.required"}));
  StartSubsidy s = WithStatus(St::kReported, 500, 400);
  EXPECT_TRUE(CheckSettlement(s, Money::FromEuros(400), "Zoals verleend").empty());
  EXPECT_TRUE(CheckSettlement(s, Money{}, "Niet uitgevoerd").empty());
  EXPECT_EQ(Fields(CheckSettlement(s, Money::FromEuros(401), "r")),
            (std::vector<std::string>{"amount:platforms.subsidy.settle_out_of_range"}));
  EXPECT_EQ(Fields(CheckSettlement(s, std::nullopt, "")),
            (std::vector<std::string>{"amount:platforms.subsidy.settle_out_of_range", "reason:web.required"}));
}

}  // namespace
}  // namespace wp::initiatives
