// PlatformStore: SQL for platforms, their area claims, status history,
// members, werkgroepen, spreekuren and subsidies. Functions take the caller's
// connection so commands control transactions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/platforms/area_rules.h"
#include "features/platforms/platform.h"
#include "features/platforms/recognition.h"
#include "features/platforms/subsidy.h"

namespace wp::platforms {

// A member with the secret tokens of their unsubscribe links (one per topic).
struct MemberRow {
  Member member;
  std::string newsletter_token, events_token;
};

class PlatformStore {
 public:
  static Result<std::optional<Platform>> Find(db::Connection& c, PlatformId id);
  static Result<std::optional<Platform>> FindBySlug(db::Connection& c, std::string_view slug);
  // All platforms, by name.
  static Result<std::vector<Platform>> List(db::Connection& c);
  // Active platforms with a buurt in `district_code`, by name.
  static Result<std::vector<Platform>> ActiveInDistrict(db::Connection& c, std::string_view district_code);
  // How many platforms are active (submitted, in formation, recognised).
  static Result<int64_t> CountActive(db::Connection& c);
  static Result<bool> SlugTaken(db::Connection& c, std::string_view slug);
  // Inserts the platform and its buurten (not the claims). Returns the id.
  static Result<PlatformId> Insert(db::Connection& c, const Platform& p, int64_t created_by);
  static Result<void> UpdateDetails(db::Connection& c, const Platform& p);
  static Result<void> SetStatus(db::Connection& c, PlatformId id, PlatformStatus s);

  // Claims: "BU..." per buurt, "WK..." per wijk (when one_platform_per_district)
  // and "council:<name>" for a converted wijkraad. Errors: kConflict when a
  // claim is held by another platform (the unique key decides, also under
  // concurrency).
  static std::vector<std::string> ClaimsFor(const Platform& p, const AreaPolicy& policy);
  static Result<void> InsertClaims(db::Connection& c, PlatformId id, const std::vector<std::string>& claims);
  static Result<void> ReleaseClaims(db::Connection& c, PlatformId id);
  static Result<int64_t> CountClaims(db::Connection& c, PlatformId id);
  // Councils continued by active platforms other than `self`.
  static Result<std::vector<std::string>> ClaimedCouncils(db::Connection& c, PlatformId self);

  static Result<void> AppendHistory(db::Connection& c, const StatusChange& change);
  // The status changes of platform `id`, oldest first.
  static Result<std::vector<StatusChange>> History(db::Connection& c, PlatformId id);

  // Members (by user id).
  static Result<std::optional<MemberRow>> FindMember(db::Connection& c, PlatformId id, int64_t user_id);
  static Result<std::vector<MemberRow>> Members(db::Connection& c, PlatformId id);
  static Result<int64_t> CountMembers(db::Connection& c, PlatformId id);
  static Result<void> InsertMember(db::Connection& c, const Member& m, const std::string& newsletter_token,
                                   const std::string& events_token);
  static Result<bool> DeleteMember(db::Connection& c, PlatformId id, int64_t user_id);
  static Result<void> SetMail(db::Connection& c, PlatformId id, int64_t user_id, bool newsletter, bool events);
  struct TokenHit {
    PlatformId platform_id = 0;
    int64_t user_id = 0;
    MailTopic topic = MailTopic::kNewsletter;
    bool subscribed = false;
  };
  static Result<std::optional<TokenHit>> FindToken(db::Connection& c, std::string_view token);

  // Werkgroepen.
  static Result<std::vector<ListedWorkingGroup>> WorkingGroups(db::Connection& c, PlatformId id);
  static Result<std::optional<WorkingGroup>> FindWorkingGroup(db::Connection& c, PlatformId id, int64_t group_id);
  static Result<int64_t> InsertWorkingGroup(db::Connection& c, const WorkingGroup& g);
  static Result<bool> DeleteWorkingGroup(db::Connection& c, PlatformId id, int64_t group_id);
  static Result<bool> JoinWorkingGroup(db::Connection& c, int64_t group_id, int64_t user_id, int64_t now);
  static Result<bool> LeaveWorkingGroup(db::Connection& c, int64_t group_id, int64_t user_id);
  static Result<void> LeaveAllWorkingGroups(db::Connection& c, PlatformId id, int64_t user_id);
  // Ids of the werkgroepen of `id` that `user_id` is in.
  static Result<std::vector<int64_t>> GroupsOfUser(db::Connection& c, PlatformId id, int64_t user_id);

  // Spreekuren.
  static Result<std::vector<OfficeHours>> OfficeHoursOf(db::Connection& c, PlatformId id);
  static Result<int64_t> InsertOfficeHours(db::Connection& c, const OfficeHours& h);
  static Result<bool> DeleteOfficeHours(db::Connection& c, PlatformId id, int64_t hours_id);

  // Subsidies.
  static Result<std::vector<SubsidyApplication>> Subsidies(db::Connection& c, PlatformId id);
  static Result<std::optional<SubsidyApplication>> FindSubsidy(db::Connection& c, PlatformId id, int64_t subsidy_id);
  static Result<std::vector<SubsidyApplication>> AllSubsidies(db::Connection& c);
  // Inserts (id 0) or updates the application with its lines. Returns the id.
  static Result<int64_t> SaveSubsidy(db::Connection& c, const SubsidyApplication& a);
};

}  // namespace wp::platforms
