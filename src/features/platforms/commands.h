// PlatformCommands: every change to wijkplatforms and what their pages read.
// Each change is one transaction that checks permissions (permissions.h) and
// the domain rules (area_rules.h, recognition.h, subsidy.h, platform.h)
// before writing. Accounts (names, e-mail addresses, the kernteam role) are
// reached only through accounts::Roles. Form problems come back as the
// FieldErrors of a kInvalidInput (or kConflict) error, named as the form
// fields. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/random.h"
#include "core/result.h"
#include "core/i18n/catalog.h"
#include "features/accounts/address_check.h"
#include "features/accounts/roles.h"
#include "features/geography/service.h"
#include "features/platforms/area_rules.h"
#include "features/platforms/directory.h"
#include "features/platforms/platform.h"
#include "features/platforms/recognition.h"
#include "features/platforms/subsidy.h"

namespace wp::platforms {

// The details a resident fills in to register a platform.
struct RegisterInput {
  std::string name, description, contact_email;
  std::vector<std::string> themes;
  std::set<std::string> area;
  std::optional<std::string> converted_from_council;
};

// A member with their account.
struct MemberView {
  Member member;
  accounts::Person person;
};

// What the public page of a platform shows; `me` and `my_groups` are the
// viewer's membership and werkgroepen.
struct PlatformPage {
  bool contact_confirmed = false;  // the platform's address is verified: shown
  std::vector<accounts::Person> kernteam;
  std::vector<ListedWorkingGroup> groups;
  std::vector<OfficeHours> hours;
  int64_t member_count = 0;
  std::optional<Member> me;
  std::vector<int64_t> my_groups;
};

// What the kernteam's management page shows. Members by name.
struct ManagementPage {
  bool contact_confirmed = false;  // the platform's address is verified
  std::vector<accounts::Person> kernteam;
  std::vector<ListedWorkingGroup> groups;
  std::vector<OfficeHours> hours;
  std::vector<MemberView> members;
};

// A status change with the name of who made it (empty when unknown).
struct HistoryEntry {
  StatusChange change;
  std::string actor_name;
};

// One platform in the municipality's overview.
struct PlatformFigures {
  Platform platform;
  int64_t member_count = 0;
  std::vector<SubsidyApplication> subsidies;
};

// What an unsubscribe link turns off.
struct UnsubscribeLink {
  Platform platform;
  MailTopic topic = MailTopic::kNewsletter;
  bool subscribed = false;  // the topic is still on
};

// Where the check mails for contact addresses come from: a platform's
// contact address and a werkgroep's contact person get a mail with a link
// (accounts/address_check.h) that verifies the address and gives consent to
// be shown; pages show neither before. Without a catalog no mail is queued
// (tests of other rules).
struct ContactChecks {
  const i18n::Catalog* catalog = nullptr;
  accounts::CheckMailSite site;
};

class PlatformCommands {
 public:
  PlatformCommands(db::Database& db, const Clock& clock, Random& random, geography::GeographyService& geo,
                   const accounts::Roles& roles, AreaPolicy policy, ContactChecks checks = {})
      : db_(db), clock_(clock), random_(random), geo_(geo), roles_(roles), policy_(policy), checks_(std::move(checks)) {}

  AreaMap CurrentAreaMap() const;
  // The municipality's stadsdelen, wijken and buurten (maps, names).
  std::shared_ptr<const geography::Municipality> Municipality() const { return geo_.current(); }
  int64_t Now() const { return clock_.NowUnixSeconds(); }

  // --- queries
  // Every platform, by name.
  Result<std::vector<Platform>> List() const;
  Result<std::optional<Platform>> Find(PlatformId id) const;
  Result<std::optional<Platform>> FindBySlug(std::string_view slug) const;
  // The platform of a page's {slug}. Errors: kNotFound (platforms.error.not_found).
  Result<Platform> PlatformOf(std::string_view slug) const;
  // Active platforms with a buurt in wijk `district_code`, by name.
  Result<std::vector<Platform>> ActiveInDistrict(std::string_view district_code) const;
  Result<std::optional<Member>> FindMember(PlatformId id, int64_t user_id) const;
  // Members who chose `topic`, with their unsubscribe paths.
  Result<std::vector<MailRecipient>> Recipients(PlatformId id, MailTopic topic) const;
  // The public page of `p` for viewer `viewer_id` (0: a visitor).
  Result<PlatformPage> Page(const Platform& p, int64_t viewer_id) const;
  Result<ManagementPage> Management(const Platform& p) const;
  // The recognition history, oldest first.
  Result<std::vector<HistoryEntry>> History(PlatformId id) const;
  Result<std::vector<SubsidyApplication>> Subsidies(PlatformId id) const;
  // Every platform with its member count and subsidies (the municipality's overview).
  Result<std::vector<PlatformFigures>> Figures() const;
  // The platform and topic of an unsubscribe token. Errors: kNotFound
  // (platforms.unsubscribe.unknown).
  Result<UnsubscribeLink> FindUnsubscribeLink(std::string_view token) const;

  // --- changes
  // A signed-in resident registers a platform (status submitted). The area is
  // claimed in the same transaction (platform_claims), so two overlapping
  // registrations cannot both succeed. The registrant becomes its first
  // kernteam member and a member. Errors: kInvalidInput with the fields to
  // correct (name, description, themes, contact_email; "area" with the area
  // problem and the codes at fault; "council"); kConflict with field "area"
  // (platforms.overlap.refused, then each overlapping platform with the
  // shared buurten or wijken; platforms.overlap.claimed when another
  // registration took the area meanwhile); kForbidden when not signed in.
  Result<Platform> Register(const auth::User& actor, const RegisterInput& in);

  // Recognition flow (recognition.h); releases the area claims when the
  // platform stops being active. Errors: kForbidden, kConflict (no such
  // transition, or the status changed meanwhile), kInvalidInput with field
  // "reason".
  Result<void> ChangeStatus(const auth::User& actor, PlatformId id, PlatformStatus to, std::string_view reason);

  // The demo's stand-in for a contact who used the check link.
  Result<void> ConfirmContactForDemo(const std::string& address);
  // Name, description, themes and contact address (a new one gets a check
  // mail, ContactChecks). Errors: kForbidden; kInvalidInput with the fields
  // (CheckPlatformDetails).
  Result<void> UpdateDetails(const auth::User& actor, PlatformId id, const Platform& details);

  // Kernteam members join by invitation (invitations.h). Errors: kNotFound; kConflict platforms.kernteam.last_one when
  // it is the last member.
  Result<void> RemoveKernteamMember(const auth::User& actor, PlatformId id, int64_t user_id);

  // Membership: any signed-in user. Errors: kConflict platforms.member.already
  // (joining twice) or .inactive; kInvalidInput for a missing or too long
  // organisation name of an entrepreneur or organisation.
  Result<void> Join(const auth::User& actor, PlatformId id, MemberKind kind, std::string_view organisation_name);
  Result<void> Leave(const auth::User& actor, PlatformId id);
  Result<void> SetMail(const auth::User& actor, PlatformId id, bool newsletter, bool events);
  // Turns the topic of an unsubscribe token off; no sign-in. Errors: kNotFound
  // (platforms.unsubscribe.unknown).
  Result<UnsubscribeLink> Unsubscribe(std::string_view token);

  // Werkgroepen and spreekuren (kernteam). Errors: kForbidden; kInvalidInput
  // with the fields (CheckWorkingGroup, CheckOfficeHours).
  Result<int64_t> AddWorkingGroup(const auth::User& actor, PlatformId id, WorkingGroup g);
  Result<void> DeleteWorkingGroup(const auth::User& actor, PlatformId id, int64_t group_id);
  // Members join and leave werkgroepen. Errors: kConflict platforms.group.not_member.
  Result<void> JoinWorkingGroup(const auth::User& actor, PlatformId id, int64_t group_id);
  Result<void> LeaveWorkingGroup(const auth::User& actor, PlatformId id, int64_t group_id);
  Result<int64_t> AddOfficeHours(const auth::User& actor, PlatformId id, OfficeHours h);
  Result<void> DeleteOfficeHours(const auth::User& actor, PlatformId id, int64_t hours_id);

  // A year subsidy for the total of `budget` (subsidy.h). Errors:
  // kForbidden; kInvalidInput with field "year" or "budget".
  Result<int64_t> ApplyForSubsidy(const auth::User& actor, PlatformId id, int year, std::vector<BudgetLine> budget);
  // A later step on application `subsidy_id`. Errors: kForbidden, kNotFound,
  // kInvalidInput with the problem's key (platforms.subsidy.*).
  Result<void> SubsidyStepOn(const auth::User& actor, PlatformId id, int64_t subsidy_id, SubsidyStep step,
                             std::optional<Money> amount, std::string_view reason, std::vector<BudgetLine> spending);

 private:
  Result<Platform> Load(db::Connection& c, PlatformId id) const;
  std::string NewSlug(db::Connection& c, std::string_view name) const;
  // The registration checks that need no database: fields and area.
  Result<Platform> CheckRegistration(const auth::User& actor, const RegisterInput& in, const AreaMap& map) const;
  // The registration checks against the other platforms, in the transaction.
  Result<void> CheckAgainstOthers(db::Connection& c, const Platform& p, const AreaMap& map) const;
  // The kernteam of platform `id` (holders of its kernteam role).
  Result<std::vector<accounts::Person>> Kernteam(db::Connection& c, PlatformId id) const;
  // Members with their accounts, by name (members without one left out).
  Result<std::vector<MemberView>> MembersOf(db::Connection& c, PlatformId id) const;
  // The werkgroepen of `id`, each marked whether its contact confirmed.
  Result<std::vector<ListedWorkingGroup>> GroupsOf(db::Connection& c, PlatformId id) const;
  // Queues the check mail to a contact `address` given for `purpose` (a
  // sentence in Dutch, see ContactChecks), unless it is verified already.
  Result<void> AskContactConsent(db::Connection& c, const std::string& address, const std::string& purpose_key,
                                 const i18n::Args& args);

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  geography::GeographyService& geo_;
  const accounts::Roles& roles_;
  AreaPolicy policy_;
  ContactChecks checks_;
};

}  // namespace wp::platforms
