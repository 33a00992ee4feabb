#include "features/initiatives/start_subsidy.h"

#include "core/strings.h"
#include "core/text_field.h"
#include "features/initiatives/initiative.h"

namespace wp::initiatives {

namespace {

using St = GrantStatus;

// The lines' first problem, as a field error of `field`.
void AddLineProblems(std::span<const platforms::BudgetLine> lines, const std::string& field,
                     std::vector<FieldError>& out) {
  auto problems = platforms::CheckLines(lines);
  if (!problems.empty()) out.push_back({field, std::string(platforms::SubsidyProblemKey(problems.front().problem))});
}

void RequireText(std::string_view text, const std::string& field, size_t max_chars, std::vector<FieldError>& out) {
  CheckTextField(out, field, text, {max_chars, true, true}, {kMissing, kTooLong, kBadCharacters});
}

}  // namespace

std::string_view GrantStatusName(GrantStatus s) {
  switch (s) {
    case St::kApplied:
      return "applied";
    case St::kGranted:
      return "granted";
    case St::kRefused:
      return "refused";
    case St::kWithdrawn:
      return "withdrawn";
    case St::kPaid:
      return "paid";
    case St::kReported:
      return "reported";
    case St::kSettled:
      return "settled";
  }
  return "applied";
}

std::optional<GrantStatus> ParseGrantStatus(std::string_view name) {
  for (St s : kAllGrantStatuses) {
    if (GrantStatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::optional<GrantStatus> GrantStepResult(GrantStatus from, GrantStep step) {
  struct Edge {
    St from;
    GrantStep step;
    St to;
  };
  static constexpr Edge kEdges[] = {
      {St::kApplied, GrantStep::kWithdraw, St::kWithdrawn}, {St::kApplied, GrantStep::kGrant, St::kGranted},
      {St::kApplied, GrantStep::kRefuse, St::kRefused},     {St::kGranted, GrantStep::kPay, St::kPaid},
      {St::kPaid, GrantStep::kReport, St::kReported},       {St::kReported, GrantStep::kSettle, St::kSettled},
  };
  for (const auto& e : kEdges) {
    if (e.from == from && e.step == step) return e.to;
  }
  return std::nullopt;
}

bool IsInitiatorStep(GrantStep step) { return step == GrantStep::kWithdraw || step == GrantStep::kReport; }

Money Committed(const StartSubsidy& s) {
  switch (s.status) {
    case St::kApplied:
    case St::kRefused:
    case St::kWithdrawn:
      return Money{};
    case St::kGranted:
    case St::kPaid:
    case St::kReported:
      return s.granted.value_or(Money{});
    case St::kSettled:
      return s.settled.value_or(Money{});
  }
  return Money{};
}

Money CommittedTotal(std::span<const StartSubsidy> subsidies) {
  Money total;
  for (const auto& s : subsidies) total = total + Committed(s);
  return total;
}

bool IsOpen(const StartSubsidy& s) {
  return s.status == St::kApplied || s.status == St::kGranted || s.status == St::kPaid || s.status == St::kReported;
}

bool MayApply(InitiativeStatus status, Answer answer) {
  return status != InitiativeStatus::kDraft && !IsClosed(status, answer);
}

std::vector<FieldError> CheckApplication(std::string_view purpose, std::span<const platforms::BudgetLine> budget,
                                         const SubsidyLimits& limits, std::span<const StartSubsidy> earlier) {
  std::vector<FieldError> out;
  for (const auto& s : earlier) {
    if (IsOpen(s)) {
      out.push_back({"status", "initiatives.subsidy.open_exists"});
      return out;
    }
  }
  RequireText(purpose, "purpose", kMaxPurposeChars, out);
  size_t before = out.size();
  AddLineProblems(budget, "budget", out);
  if (out.size() == before) {
    Money left = limits.per_initiative - CommittedTotal(earlier);
    if (platforms::TotalOf(budget) > left) {
      out.push_back({"budget", "initiatives.subsidy.over_limit", {{"max", left < Money{} ? Money{} : left}}});
    }
  }
  return out;
}

std::vector<FieldError> CheckGrant(const StartSubsidy& s, std::optional<Money> amount, std::string_view reason,
                                   Money committed_in_year, const SubsidyLimits& limits) {
  std::vector<FieldError> out;
  if (!amount || amount->cents <= 0) {
    out.push_back({"amount", "platforms.subsidy.grant_not_positive"});
  } else if (*amount > s.requested) {
    out.push_back({"amount", "platforms.subsidy.grant_above_requested"});
  } else if (committed_in_year + *amount > limits.per_year) {
    Money left = limits.per_year - committed_in_year;
    out.push_back({"amount", "initiatives.subsidy.year_budget", {{"left", left < Money{} ? Money{} : left}}});
  }
  RequireText(reason, "reason", kMaxTextChars, out);
  return out;
}

std::vector<FieldError> CheckRefusal(std::string_view reason) {
  std::vector<FieldError> out;
  RequireText(reason, "reason", kMaxTextChars, out);
  return out;
}

std::vector<FieldError> CheckPayment(std::string_view reference) {
  std::vector<FieldError> out;
  RequireText(reference, "reference", kMaxReferenceChars, out);
  return out;
}

std::vector<FieldError> CheckReport(std::span<const platforms::BudgetLine> spending, std::string_view account) {
  std::vector<FieldError> out;
  AddLineProblems(spending, "spending", out);
  RequireText(account, "account", kMaxTextChars, out);
  return out;
}

std::vector<FieldError> CheckSettlement(const StartSubsidy& s, std::optional<Money> amount, std::string_view reason) {
  std::vector<FieldError> out;
  if (!amount || amount->cents < 0 || *amount > s.granted.value_or(Money{})) {
    out.push_back({"amount", "platforms.subsidy.settle_out_of_range"});
  }
  RequireText(reason, "reason", kMaxTextChars, out);
  return out;
}

}  // namespace wp::initiatives
