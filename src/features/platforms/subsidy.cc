#include "features/platforms/subsidy.h"

#include "core/strings.h"

namespace wp::platforms {
namespace {

using St = SubsidyStatus;

SubsidyErrors One(SubsidyProblem p) { return {SubsidyError{p, -1}}; }

// Empty when `app` may take `step`; else kWrongStatus.
SubsidyErrors CheckStep(const SubsidyApplication& app, SubsidyStep step) {
  if (!SubsidyStepResult(app.status, step)) return One(SubsidyProblem::kWrongStatus);
  return {};
}

void CheckReason(SubsidyErrors& out, std::string_view reason) {
  std::string_view trimmed = Trim(reason);
  if (trimmed.empty()) {
    out.push_back({SubsidyProblem::kReasonRequired, -1});
  } else if (trimmed.size() > kMaxSubsidyReasonBytes) {
    out.push_back({SubsidyProblem::kReasonTooLong, -1});
  }
}

}  // namespace

std::string_view SubsidyStatusName(SubsidyStatus s) {
  switch (s) {
    case St::kApplied:
      return "applied";
    case St::kGranted:
      return "granted";
    case St::kRefused:
      return "refused";
    case St::kWithdrawn:
      return "withdrawn";
    case St::kReported:
      return "reported";
    case St::kSettled:
      return "settled";
  }
  return "applied";
}

std::optional<SubsidyStatus> ParseSubsidyStatus(std::string_view name) {
  for (SubsidyStatus s : kAllSubsidyStatuses) {
    if (SubsidyStatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::optional<SubsidyStatus> SubsidyStepResult(SubsidyStatus from, SubsidyStep step) {
  switch (step) {
    case SubsidyStep::kApply:
      return std::nullopt;
    case SubsidyStep::kWithdraw:
      return from == St::kApplied ? std::optional(St::kWithdrawn) : std::nullopt;
    case SubsidyStep::kGrant:
      return from == St::kApplied ? std::optional(St::kGranted) : std::nullopt;
    case SubsidyStep::kRefuse:
      return from == St::kApplied ? std::optional(St::kRefused) : std::nullopt;
    case SubsidyStep::kReport:
      return from == St::kGranted ? std::optional(St::kReported) : std::nullopt;
    case SubsidyStep::kSettle:
      return from == St::kReported ? std::optional(St::kSettled) : std::nullopt;
  }
  return std::nullopt;
}

std::string_view SubsidyProblemKey(SubsidyProblem p) {
  switch (p) {
    case SubsidyProblem::kWrongStatus:
      return "platforms.subsidy.wrong_status";
    case SubsidyProblem::kBadYear:
      return "platforms.subsidy.bad_year";
    case SubsidyProblem::kAlreadyApplied:
      return "platforms.subsidy.already_applied";
    case SubsidyProblem::kNoLines:
      return "platforms.subsidy.no_lines";
    case SubsidyProblem::kTooManyLines:
      return "platforms.subsidy.too_many_lines";
    case SubsidyProblem::kMissingDescription:
      return "platforms.subsidy.missing_description";
    case SubsidyProblem::kDescriptionTooLong:
      return "platforms.subsidy.description_too_long";
    case SubsidyProblem::kNonPositiveAmount:
      return "platforms.subsidy.non_positive_amount";
    case SubsidyProblem::kAmountTooLarge:
      return "platforms.subsidy.amount_too_large";
    case SubsidyProblem::kTotalMismatch:
      return "platforms.subsidy.total_mismatch";
    case SubsidyProblem::kGrantNotPositive:
      return "platforms.subsidy.grant_not_positive";
    case SubsidyProblem::kGrantAboveRequested:
      return "platforms.subsidy.grant_above_requested";
    case SubsidyProblem::kReasonRequired:
      return "platforms.subsidy.reason_required";
    case SubsidyProblem::kReasonTooLong:
      return "platforms.subsidy.reason_too_long";
    case SubsidyProblem::kOverspendNeedsExplanation:
      return "platforms.subsidy.overspend_needs_explanation";
    case SubsidyProblem::kSettleOutOfRange:
      return "platforms.subsidy.settle_out_of_range";
  }
  return "platforms.subsidy.wrong_status";
}

SubsidyErrors CheckLines(std::span<const BudgetLine> lines) {
  SubsidyErrors out;
  if (lines.empty()) return One(SubsidyProblem::kNoLines);
  if (lines.size() > kMaxBudgetLines) return One(SubsidyProblem::kTooManyLines);
  for (size_t i = 0; i < lines.size(); ++i) {
    const int index = static_cast<int>(i);
    std::string_view description = Trim(lines[i].description);
    if (description.empty()) {
      out.push_back({SubsidyProblem::kMissingDescription, index});
    } else if (description.size() > kMaxLineDescriptionBytes) {
      out.push_back({SubsidyProblem::kDescriptionTooLong, index});
    }
    if (lines[i].amount.cents <= 0) {
      out.push_back({SubsidyProblem::kNonPositiveAmount, index});
    } else if (lines[i].amount > kMaxLineAmount) {
      out.push_back({SubsidyProblem::kAmountTooLarge, index});
    }
  }
  return out;
}

Expected<std::vector<BudgetLine>, int> ParseBudgetLines(std::string_view text) {
  std::vector<BudgetLine> out;
  int number = 0;
  for (auto raw : Split(text, '\n')) {
    auto line = Trim(raw);
    if (line.empty()) continue;
    size_t sep = line.rfind(';');
    std::optional<Money> amount;
    if (sep != std::string_view::npos) amount = ParseMoney(Trim(line.substr(sep + 1)));
    if (!amount) return Unexpected(number);
    out.push_back({std::string(Trim(line.substr(0, sep))), *amount});
    ++number;
  }
  return out;
}

Money TotalOf(std::span<const BudgetLine> lines) {
  Money total;
  for (const auto& line : lines) total = total + line.amount;
  return total;
}

SubsidyResult Apply(PlatformId platform_id, int year, std::vector<BudgetLine> budget, Money requested,
                    std::span<const SubsidyApplication> earlier, int64_t now_utc) {
  SubsidyErrors out;
  if (year < 2024 || year > 2100) out.push_back({SubsidyProblem::kBadYear, -1});
  for (const auto& other : earlier) {
    if (other.platform_id == platform_id && other.year == year && other.status != St::kRefused &&
        other.status != St::kWithdrawn) {
      out.push_back({SubsidyProblem::kAlreadyApplied, -1});
      break;
    }
  }
  SubsidyErrors line_errors = CheckLines(budget);
  out.insert(out.end(), line_errors.begin(), line_errors.end());
  if (line_errors.empty() && TotalOf(budget) != requested) out.push_back({SubsidyProblem::kTotalMismatch, -1});
  if (!out.empty()) return out;

  SubsidyApplication app;
  app.platform_id = platform_id;
  app.year = year;
  app.status = St::kApplied;
  for (auto& line : budget) line.description = std::string(Trim(line.description));
  app.budget = std::move(budget);
  app.requested = requested;
  app.applied_at = now_utc;
  return app;
}

SubsidyResult Withdraw(SubsidyApplication app, int64_t now_utc) {
  if (auto e = CheckStep(app, SubsidyStep::kWithdraw); !e.empty()) return e;
  app.status = St::kWithdrawn;
  app.decided_at = now_utc;
  return app;
}

SubsidyResult Grant(SubsidyApplication app, Money amount, std::string_view reason, int64_t now_utc) {
  if (auto e = CheckStep(app, SubsidyStep::kGrant); !e.empty()) return e;
  SubsidyErrors out;
  if (amount.cents <= 0) {
    out.push_back({SubsidyProblem::kGrantNotPositive, -1});
  } else if (amount > app.requested) {
    out.push_back({SubsidyProblem::kGrantAboveRequested, -1});
  }
  CheckReason(out, reason);
  if (!out.empty()) return out;
  app.status = St::kGranted;
  app.granted = amount;
  app.decision_reason = std::string(Trim(reason));
  app.decided_at = now_utc;
  return app;
}

SubsidyResult Refuse(SubsidyApplication app, std::string_view reason, int64_t now_utc) {
  if (auto e = CheckStep(app, SubsidyStep::kRefuse); !e.empty()) return e;
  SubsidyErrors out;
  CheckReason(out, reason);
  if (!out.empty()) return out;
  app.status = St::kRefused;
  app.decision_reason = std::string(Trim(reason));
  app.decided_at = now_utc;
  return app;
}

SubsidyResult ReportSpending(SubsidyApplication app, std::vector<BudgetLine> spending,
                             std::string_view overspend_explanation, int64_t now_utc) {
  if (auto e = CheckStep(app, SubsidyStep::kReport); !e.empty()) return e;
  SubsidyErrors out = CheckLines(spending);
  std::string_view explanation = Trim(overspend_explanation);
  if (out.empty() && TotalOf(spending) > app.granted.value_or(Money{}) && explanation.empty()) {
    out.push_back({SubsidyProblem::kOverspendNeedsExplanation, -1});
  }
  if (explanation.size() > kMaxSubsidyReasonBytes) out.push_back({SubsidyProblem::kReasonTooLong, -1});
  if (!out.empty()) return out;
  for (auto& line : spending) line.description = std::string(Trim(line.description));
  app.status = St::kReported;
  app.spending = std::move(spending);
  app.overspend_explanation = std::string(explanation);
  app.reported_at = now_utc;
  return app;
}

SubsidyResult Settle(SubsidyApplication app, Money amount, std::string_view reason, int64_t now_utc) {
  if (auto e = CheckStep(app, SubsidyStep::kSettle); !e.empty()) return e;
  SubsidyErrors out;
  if (amount.cents < 0 || amount > app.granted.value_or(Money{})) {
    out.push_back({SubsidyProblem::kSettleOutOfRange, -1});
  }
  CheckReason(out, reason);
  if (!out.empty()) return out;
  app.status = St::kSettled;
  app.settled = amount;
  app.settlement_reason = std::string(Trim(reason));
  app.settled_at = now_utc;
  return app;
}

}  // namespace wp::platforms
