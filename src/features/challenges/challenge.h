// Plain types of the right to challenge (uitdaagrecht): residents challenge
// the municipality to let them carry out a municipal task (e.g. maintaining
// a park) for the same or less money. A challenge has a task, an area, a
// group and one contact person; officials record the gate checks per
// criterion with reasons; the group writes a business case; go/no-go
// decisions move it on or stop it (append-only); once started, the group
// reports periodically. With the checks of the forms. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/money.h"

namespace wp::challenges {

// gate check -> business case -> agreement -> running; stopped after a no-go.
enum class Stage { kGate, kBusinessCase, kAgreement, kRunning, kStopped };
inline constexpr Stage kAllStages[] = {Stage::kGate, Stage::kBusinessCase, Stage::kAgreement, Stage::kRunning,
                                       Stage::kStopped};
// "gate", "business_case", "agreement", "running", "stopped".
std::string_view StageName(Stage s);
std::optional<Stage> ParseStage(std::string_view name);

// The gate criteria.
enum class Criterion { kRooted, kCost, kLegalEntity, kTransferable };
inline constexpr Criterion kAllCriteria[] = {Criterion::kRooted, Criterion::kCost, Criterion::kLegalEntity,
                                             Criterion::kTransferable};
// "rooted" (the group is rooted in the area for at least 2 years), "cost"
// (not more than the municipality spends now), "legal_entity" (needed above
// the threshold), "transferable" (a task the municipality may hand over).
std::string_view CriterionName(Criterion c);
std::optional<Criterion> ParseCriterion(std::string_view name);

// The moments a go/no-go decision is taken, one per stage before running.
enum class Moment { kGate, kBusinessCase, kStart };
// "gate", "business_case", "start".
std::string_view MomentName(Moment m);
std::optional<Moment> ParseMoment(std::string_view name);

struct Challenge {
  int64_t id = 0;
  std::string task;        // what the group wants to do
  std::string area;        // where: a park, a street, a wijk
  std::string borough;     // stadsdeel slug, for the gebiedsverbinder
  std::string group_name;  // the group (a foundation, residents of ...)
  bool legal_entity = false;
  int64_t estimate_cents = 0;  // what the group expects it costs per year
  std::string contact_name, contact_email;
  int64_t contact_user_id = 0;
  Stage stage = Stage::kGate;
  int64_t created_at = 0;
};

struct GateCheck {
  Criterion criterion = Criterion::kRooted;
  bool met = false;
  std::string reason;
  int64_t actor_id = 0;
  std::string actor_name;
  int64_t at = 0;
};

struct BudgetLine {
  std::string description;
  int64_t amount_cents = 0;
};

struct BusinessCase {
  std::vector<BudgetLine> lines;
  int64_t current_cost_cents = 0;  // what the municipality spends now, per year
  std::string risks, quality;
  int64_t total_cents() const;
};

struct Decision {
  Moment moment = Moment::kGate;
  bool go = false;
  std::string reasons;
  int64_t actor_id = 0;
  std::string actor_name;
  int64_t at = 0;
};

struct Report {
  std::string period;  // "eerste kwartaal 2027"
  std::string text;
  int64_t spent_cents = 0;
  int64_t actor_id = 0;
  std::string actor_name;
  int64_t at = 0;
};

inline constexpr size_t kMaxShortBytes = 200;
inline constexpr size_t kMaxTextBytes = 10000;
inline constexpr size_t kMaxLines = 30;
// The default threshold above which the group must be a legal entity (the
// seeds mention EUR 3,000).
inline constexpr int64_t kDefaultLegalEntityThresholdCents = 300000;

inline constexpr const char* kMissing = "challenges.error.missing";
inline constexpr const char* kTooLong = "challenges.error.too_long";
inline constexpr const char* kBadEmail = "challenges.error.bad_email";
inline constexpr const char* kBadAmount = "challenges.error.bad_amount";
inline constexpr const char* kBadBorough = "challenges.error.bad_borough";
inline constexpr const char* kBadCriterion = "challenges.error.bad_criterion";
inline constexpr const char* kBadChoice = "challenges.error.bad_choice";
inline constexpr const char* kBadLines = "challenges.error.bad_lines";

// A required text: present, valid UTF-8, at most `max` bytes; appends the
// error for `field`; returns the trimmed text.
std::string CheckText(std::string_view value, const char* field, size_t max, std::vector<FieldError>& errors);

struct ChallengeForm {
  std::string task, area, borough, group_name, legal_entity, estimate, contact_name, contact_email;
};
struct CheckedChallenge {
  Challenge challenge;
  std::vector<FieldError> errors;
};
// Checks the form: task, area and group present; `borough` one of
// `boroughs`; an estimate in euros ("12.500" or "12500,50"); a contact with
// a plausible e-mail address.
CheckedChallenge CheckChallengeForm(const ChallengeForm& form, const std::vector<std::string>& boroughs);

// The business case form: the lines as text, one per line "description;
// amount" (e.g. "Maaien;4.000"), the current cost, risks and quality
// agreements.
struct BusinessCaseForm {
  std::string lines, current_cost, risks, quality;
};
struct CheckedBusinessCase {
  BusinessCase business_case;
  std::vector<FieldError> errors;
};
CheckedBusinessCase CheckBusinessCaseForm(const BusinessCaseForm& form);

}  // namespace wp::challenges
