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

struct MemberRow {
  Member member;
  std::string email, display_name, locale;
  bool mail_newsletter = true, mail_events = true;
  std::string newsletter_token, events_token;
};

struct KernteamRow {
  int64_t user_id = 0;
  std::string email, display_name;
};

struct WorkingGroupRow {
  WorkingGroup group;
  int64_t member_count = 0;
};

class PlatformStore {
 public:
  static Result<std::optional<Platform>> Find(db::Connection& c, PlatformId id);
  static Result<std::optional<Platform>> FindBySlug(db::Connection& c, std::string_view slug);
  // All platforms, by name.
  static Result<std::vector<Platform>> List(db::Connection& c);
  // Active platforms with a buurt in `district_code`, by name.
  static Result<std::vector<Platform>> ActiveInDistrict(db::Connection& c, std::string_view district_code);
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
  struct HistoryRow {
    StatusChange change;
    std::string actor_name;
  };
  static Result<std::vector<HistoryRow>> History(db::Connection& c, PlatformId id);

  // Members.
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
    std::string topic;  // "newsletter" | "events"
    bool subscribed = false;
  };
  static Result<std::optional<TokenHit>> FindToken(db::Connection& c, std::string_view token);

  // Kernteam: role grants kernteam_member scoped to the platform id.
  static Result<std::vector<KernteamRow>> Kernteam(db::Connection& c, PlatformId id);

  // Werkgroepen.
  static Result<std::vector<WorkingGroupRow>> WorkingGroups(db::Connection& c, PlatformId id);
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
