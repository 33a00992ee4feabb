// PlatformCommands: every change to wijkplatforms, each one transaction that
// checks permissions (permissions.h) and domain rules (area_rules.h,
// recognition.h, subsidy.h, platform.h) before writing. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/random.h"
#include "core/result.h"
#include "features/geography/service.h"
#include "features/platforms/area_rules.h"
#include "features/platforms/platform.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/recognition.h"
#include "features/platforms/subsidy.h"

namespace wp::platforms {

// Why a registration was refused; filled when Register returns kInvalidInput
// (bad fields, area or conversion) or kConflict (overlap).
struct RegisterRejected {
  std::vector<FieldError> fields;
  std::optional<AreaError> area;
  std::vector<OverlapConflict> overlaps;
  std::optional<ConversionProblem> conversion;
};

// The details a resident fills in to register a platform.
struct RegisterInput {
  std::string name, description, contact_email;
  std::vector<std::string> themes;
  std::set<std::string> area;
  std::optional<std::string> converted_from_council;
};

class PlatformCommands {
 public:
  PlatformCommands(db::Database& db, const Clock& clock, Random& random, geography::GeographyService& geo,
                   AreaPolicy policy)
      : db_(db), clock_(clock), random_(random), geo_(geo), policy_(policy) {}

  AreaMap CurrentAreaMap() const;
  int64_t Now() const { return clock_.NowUnixSeconds(); }

  // A signed-in resident registers a platform (status submitted). The area is
  // claimed in the same transaction (platform_claims), so two overlapping
  // registrations cannot both succeed. The registrant becomes its first
  // kernteam member and a member. Errors: kInvalidInput / kConflict with
  // `rejected` filled; kForbidden when not signed in.
  Result<Platform> Register(const auth::User& actor, const RegisterInput& in, RegisterRejected* rejected);

  // Recognition flow (recognition.h); releases the area claims when the
  // platform stops being active. Errors: kForbidden, kConflict (no such
  // transition), kInvalidInput (reason), with the problem's i18n key.
  Result<void> ChangeStatus(const auth::User& actor, PlatformId id, PlatformStatus to, std::string_view reason);

  // Name, description, themes and contact address. Errors: kInvalidInput with `fields` filled.
  Result<void> UpdateDetails(const auth::User& actor, PlatformId id, const Platform& details,
                             std::vector<FieldError>* fields);

  // Kernteam members, by e-mail of an existing account. Errors: kNotFound
  // (platforms.kernteam.unknown_email), kForbidden.
  Result<void> AddKernteamMember(const auth::User& actor, PlatformId id, std::string_view email);
  // Errors: kConflict platforms.kernteam.last_one when it is the last member.
  Result<void> RemoveKernteamMember(const auth::User& actor, PlatformId id, int64_t user_id);

  // Membership: any signed-in user. Joining twice is kConflict platforms.member.already.
  Result<void> Join(const auth::User& actor, PlatformId id, MemberKind kind, std::string_view organisation_name);
  Result<void> Leave(const auth::User& actor, PlatformId id);
  Result<void> SetMail(const auth::User& actor, PlatformId id, bool newsletter, bool events);
  // Turns the topic of an unsubscribe token off; no sign-in. Returns the
  // platform and topic, or kNotFound for an unknown token.
  struct Unsubscribed {
    Platform platform;
    std::string topic;
  };
  Result<Unsubscribed> Unsubscribe(std::string_view token);
  Result<std::optional<PlatformStore::TokenHit>> LookupToken(std::string_view token);

  // Werkgroepen and spreekuren (kernteam). Errors: kInvalidInput with `fields`.
  Result<int64_t> AddWorkingGroup(const auth::User& actor, PlatformId id, WorkingGroup g,
                                  std::vector<FieldError>* fields);
  Result<void> DeleteWorkingGroup(const auth::User& actor, PlatformId id, int64_t group_id);
  // Members join and leave werkgroepen. Errors: kConflict platforms.group.not_member.
  Result<void> JoinWorkingGroup(const auth::User& actor, PlatformId id, int64_t group_id);
  Result<void> LeaveWorkingGroup(const auth::User& actor, PlatformId id, int64_t group_id);
  Result<int64_t> AddOfficeHours(const auth::User& actor, PlatformId id, OfficeHours h,
                                 std::vector<FieldError>* fields);
  Result<void> DeleteOfficeHours(const auth::User& actor, PlatformId id, int64_t hours_id);

  // Subsidy (subsidy.h). Errors: kForbidden; kInvalidInput with `problems`.
  Result<int64_t> ApplyForSubsidy(const auth::User& actor, PlatformId id, int year, std::vector<BudgetLine> budget,
                                  Money requested, SubsidyErrors* problems);
  Result<void> SubsidyStepOn(const auth::User& actor, PlatformId id, int64_t subsidy_id, SubsidyStep step,
                             std::optional<Money> amount, std::string_view reason, std::vector<BudgetLine> spending,
                             SubsidyErrors* problems);

 private:
  Result<Platform> Load(db::Connection& c, PlatformId id) const;
  std::string NewSlug(db::Connection& c, std::string_view name) const;

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  geography::GeographyService& geo_;
  AreaPolicy policy_;
};

}  // namespace wp::platforms
