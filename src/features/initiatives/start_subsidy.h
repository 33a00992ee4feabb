// The start subsidy (startsubsidie) of an initiative: a small grant to get
// going, as a status flow over a plain value with the checks of each step
// and the two limits the municipality sets (per initiative, per calendar
// year). Budget and spending lines are the platforms' year-subsidy lines
// (platforms/subsidy.h: "description; amount" per line). Pure; thread-safe.
//
//   applied ──> granted ──> paid ──> reported ──> settled
//      │ └────> refused
//      └──────> withdrawn (by the initiator)
//
// The initiator applies, withdraws and reports (a short account of what was
// done and what it cost); the contact person or the desk grants or refuses
// (always with a reason), records the payment and settles the final amount.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/money.h"
#include "features/initiatives/status_flow.h"
#include "features/platforms/subsidy.h"

namespace wp::initiatives {

enum class GrantStatus { kApplied, kGranted, kRefused, kWithdrawn, kPaid, kReported, kSettled };
inline constexpr GrantStatus kAllGrantStatuses[] = {GrantStatus::kApplied,   GrantStatus::kGranted,
                                                    GrantStatus::kRefused,   GrantStatus::kWithdrawn,
                                                    GrantStatus::kPaid,      GrantStatus::kReported,
                                                    GrantStatus::kSettled};
// "applied", "granted", "refused", "withdrawn", "paid", "reported", "settled".
std::string_view GrantStatusName(GrantStatus s);
std::optional<GrantStatus> ParseGrantStatus(std::string_view name);

enum class GrantStep { kWithdraw, kGrant, kRefuse, kPay, kReport, kSettle };
// The status `step` leads to from `from`, or nullopt when it cannot be taken there.
std::optional<GrantStatus> GrantStepResult(GrantStatus from, GrantStep step);
// Who takes a step: the initiator (withdraw, report) or the municipality (the rest).
bool IsInitiatorStep(GrantStep step);

// The settings: at most `per_initiative` in all for one initiative, and at
// most `per_year` granted in one calendar year (the year of the decision).
struct SubsidyLimits {
  Money per_initiative = Money::FromEuros(2'500);
  Money per_year = Money::FromEuros(50'000);
};

struct StartSubsidy {
  int64_t id = 0;
  int64_t initiative_id = 0;
  GrantStatus status = GrantStatus::kApplied;
  std::string purpose;  // what the money is for, in the initiator's words
  std::vector<platforms::BudgetLine> budget;
  Money requested;
  int64_t applied_at = 0;  // unix seconds, UTC
  std::optional<Money> granted;
  std::string decision_reason;  // of the grant or refusal
  int64_t decided_at = 0;
  int year = 0;  // the calendar year of the grant (counts against its budget)
  std::string payment_reference;
  int64_t paid_at = 0;
  std::vector<platforms::BudgetLine> spending;
  std::string account;  // the initiator's short account: what happened
  int64_t reported_at = 0;
  std::optional<Money> settled;
  std::string settlement_reason;
  int64_t settled_at = 0;
};

inline constexpr size_t kMaxPurposeChars = 1000;
inline constexpr size_t kMaxReferenceChars = 100;

// What a subsidy takes from the limits: nothing while applied, refused or
// withdrawn; the grant until it is settled; then the settled amount.
Money Committed(const StartSubsidy& s);
// The sum of Committed over `subsidies`.
Money CommittedTotal(std::span<const StartSubsidy> subsidies);
// An application waits or runs (applied, granted, paid, reported).
bool IsOpen(const StartSubsidy& s);

// Whether an initiative in this state may ask for a start subsidy: submitted
// and not closed (not a draft, not withdrawn, done, or answered "nee, want").
bool MayApply(InitiativeStatus status, Answer answer);

// Field errors of an application: "purpose" (required, length), "budget"
// (the lines: platforms' problem keys, and the total above what is left of
// `limits.per_initiative` after `earlier` — key "initiatives.subsidy.over_limit"
// with {max}), "status" when one of `earlier` is still open.
std::vector<FieldError> CheckApplication(std::string_view purpose, std::span<const platforms::BudgetLine> budget,
                                         const SubsidyLimits& limits, std::span<const StartSubsidy> earlier);
// A grant of `amount` with `reason`: 0 < amount <= requested ("amount"), a
// reason ("reason"), and room in the year: `committed_in_year` + amount <=
// limits.per_year ("amount", key "initiatives.subsidy.year_budget" with {left}).
std::vector<FieldError> CheckGrant(const StartSubsidy& s, std::optional<Money> amount, std::string_view reason,
                                   Money committed_in_year, const SubsidyLimits& limits);
// A refusal needs a reason ("reason").
std::vector<FieldError> CheckRefusal(std::string_view reason);
// A payment needs a reference such as a booking number ("reference").
std::vector<FieldError> CheckPayment(std::string_view reference);
// The account: spending lines ("spending") and what happened ("account").
std::vector<FieldError> CheckReport(std::span<const platforms::BudgetLine> spending, std::string_view account);
// Settling: 0 <= amount <= granted ("amount") and a reason ("reason").
std::vector<FieldError> CheckSettlement(const StartSubsidy& s, std::optional<Money> amount, std::string_view reason);

}  // namespace wp::initiatives
