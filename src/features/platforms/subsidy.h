// The year subsidy of a wijkplatform for organisation and communication costs
// (Haarlem pays one), as a status flow over a plain value. The steps follow Dutch
// subsidy practice: aanvraag (apply) -> verlening (grant) -> verantwoording
// (report spending) -> vaststelling (settle). Pure functions; thread-safe.
//
//   applied ──> granted ──> reported ──> settled
//      │ └────> refused
//      └──────> withdrawn (by the platform)
//
// Who may call which step is permissions.h (kApplyForSubsidy: apply, withdraw,
// report; kGrantSubsidy: grant, refuse, settle). Every decision has a reason.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "features/platforms/platform.h"

namespace wp::platforms {

enum class SubsidyStatus { kApplied, kGranted, kRefused, kWithdrawn, kReported, kSettled };
inline constexpr SubsidyStatus kAllSubsidyStatuses[] = {SubsidyStatus::kApplied,  SubsidyStatus::kGranted,
                                                        SubsidyStatus::kRefused,  SubsidyStatus::kWithdrawn,
                                                        SubsidyStatus::kReported, SubsidyStatus::kSettled};
std::string_view SubsidyStatusName(SubsidyStatus s);  // "applied", "granted", ...
std::optional<SubsidyStatus> ParseSubsidyStatus(std::string_view name);

enum class SubsidyStep { kApply, kWithdraw, kGrant, kRefuse, kReport, kSettle };
inline constexpr SubsidyStep kAllSubsidySteps[] = {SubsidyStep::kApply,  SubsidyStep::kWithdraw, SubsidyStep::kGrant,
                                                   SubsidyStep::kRefuse, SubsidyStep::kReport,   SubsidyStep::kSettle};
// The status `step` may start from and the one it leads to; nullopt when the
// step cannot be taken from `from` (kApply starts a new application: never
// from an existing status).
std::optional<SubsidyStatus> SubsidyStepResult(SubsidyStatus from, SubsidyStep step);

struct BudgetLine {
  std::string description;  // "Huur zaal themabijeenkomsten"
  Money amount;             // > 0
  bool operator==(const BudgetLine&) const = default;
};

struct SubsidyApplication {
  int64_t id = 0;
  PlatformId platform_id = 0;
  int year = 0;  // the calendar year the subsidy is for
  SubsidyStatus status = SubsidyStatus::kApplied;
  std::vector<BudgetLine> budget;  // planned costs; their total is `requested`
  Money requested;
  int64_t applied_at = 0;  // unix seconds, UTC
  std::optional<Money> granted;
  std::string decision_reason;  // of the grant or refusal
  int64_t decided_at = 0;
  std::vector<BudgetLine> spending;   // reported costs
  std::string overspend_explanation;  // required when spending exceeds `granted`
  int64_t reported_at = 0;
  std::optional<Money> settled;  // the final amount
  std::string settlement_reason;
  int64_t settled_at = 0;
};

// Limits.
inline constexpr size_t kMaxBudgetLines = 50;
inline constexpr size_t kMaxLineDescriptionBytes = 200;
inline constexpr Money kMaxLineAmount{100'000'000};  // EUR 1,000,000 per line: guards sums against overflow
inline constexpr size_t kMaxSubsidyReasonBytes = 4000;

enum class SubsidyProblem {
  kWrongStatus,                // the step is not allowed from the current status
  kBadYear,                    // year outside 2024..2100 (wijkplatforms start 1 January 2024)
  kAlreadyApplied,             // an application for that year is not refused or withdrawn
  kNoLines,                    // a budget or report without lines
  kTooManyLines,               // more than kMaxBudgetLines
  kMissingDescription,         // a line with a blank description
  kDescriptionTooLong,         // over kMaxLineDescriptionBytes
  kNonPositiveAmount,          // a line of 0 or less
  kAmountTooLarge,             // a line above kMaxLineAmount
  kTotalMismatch,              // the lines do not add up to the requested amount
  kGrantNotPositive,           // a grant of 0 or less (refuse instead)
  kGrantAboveRequested,        // more granted than requested
  kReasonRequired,             // a decision without a reason
  kReasonTooLong,              // over kMaxSubsidyReasonBytes
  kOverspendNeedsExplanation,  // spending above the grant without an explanation
  kSettleOutOfRange,           // settled amount below 0 or above the grant
};
std::string_view SubsidyProblemKey(SubsidyProblem p);  // "platforms.subsidy.total_mismatch", ...

struct SubsidyError {
  SubsidyProblem problem;
  int line = -1;  // 0-based index of the line at fault, or -1
  bool operator==(const SubsidyError&) const = default;
};
using SubsidyErrors = std::vector<SubsidyError>;
using SubsidyResult = Expected<SubsidyApplication, SubsidyErrors>;

// Checks budget or spending lines: count, descriptions and amounts. Empty: valid.
SubsidyErrors CheckLines(std::span<const BudgetLine> lines);
// Budget or spending lines typed in a textarea, one "description; amount"
// per line ("Huur zaal; 450,00"), blank lines left out. Returns the lines, or
// the 0-based number of the first line that cannot be read (blank lines not
// counted).
Expected<std::vector<BudgetLine>, int> ParseBudgetLines(std::string_view text);
// Sum of the amounts. REQUIRES: CheckLines(lines) is empty (no overflow).
Money TotalOf(std::span<const BudgetLine> lines);

// A new application (status applied) for `year` by `platform_id`, after
// checking the lines, that they total `requested`, and that `earlier`
// (this platform's other applications) holds none for the same year that is
// still open or granted. Returns every problem found.
SubsidyResult Apply(PlatformId platform_id, int year, std::vector<BudgetLine> budget, Money requested,
                    std::span<const SubsidyApplication> earlier, int64_t now_utc);
// applied -> withdrawn.
SubsidyResult Withdraw(SubsidyApplication app, int64_t now_utc);
// applied -> granted with 0 < amount <= requested and a reason.
SubsidyResult Grant(SubsidyApplication app, Money amount, std::string_view reason, int64_t now_utc);
// applied -> refused with a reason.
SubsidyResult Refuse(SubsidyApplication app, std::string_view reason, int64_t now_utc);
// granted -> reported: the spending lines; a total above the grant needs an
// explanation.
SubsidyResult ReportSpending(SubsidyApplication app, std::vector<BudgetLine> spending,
                             std::string_view overspend_explanation, int64_t now_utc);
// reported -> settled: the final amount, 0 <= amount <= granted, and a reason.
SubsidyResult Settle(SubsidyApplication app, Money amount, std::string_view reason, int64_t now_utc);

}  // namespace wp::platforms
