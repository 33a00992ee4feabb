// Recognition of a wijkplatform by the municipality as a status flow table,
// the append-only history of status changes, and the transition rule for the
// former wijkraden (Haarlem's "Van wijkraden naar wijkplatforms", December
// 2023). Pure functions; thread-safe.
//
//   submitted ──> in_formation ──> recognised ──> ended
//       │  │            │  │
//       │  └────────────┼──┴──> withdrawn   (by the applicants)
//       └───────────────┴─────> refused     (by the municipality)
//
// "The municipality" is an administrator or the gebiedsverbinder of the
// platform's stadsdeel; "the applicants" are the platform's kernteam members
// (the command that registers a platform grants its applicants that role).
// Every municipal decision needs a reason (#3); the applicants may
// withdraw without one, but a recognised platform that stops (ended) says
// why. Ended, withdrawn and refused are final: a new start is a new
// application, so the history of the old one stays as it was.
#pragma once

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/result.h"
#include "features/platforms/area_rules.h"
#include "features/platforms/platform.h"

namespace wp::platforms {

struct TransitionRule {
  PlatformStatus from;
  PlatformStatus to;
  bool by_municipality;  // administrator or gebiedsverbinder of the stadsdeel
  bool by_applicants;    // kernteam member of this platform
  bool reason_required;
};

// The whole flow, one row per allowed change; a change not listed is not allowed.
std::span<const TransitionRule> RecognitionFlow();
// The row for from -> to, or nullptr.
const TransitionRule* FindTransition(PlatformStatus from, PlatformStatus to);

inline constexpr size_t kMaxReasonBytes = 4000;

enum class TransitionProblem {
  kNoSuchTransition,  // from -> to is not in the flow
  kForbidden,         // the actor is not one who may make this change
  kReasonRequired,    // blank reason where one is required
  kReasonTooLong,     // more than kMaxReasonBytes
};
std::string_view TransitionProblemKey(TransitionProblem p);  // "platforms.transition.forbidden", ...

// Whether `actor` may change a platform (id `platform_id`, in stadsdeel
// `platform_borough_slug`) from `from` to `to` giving `reason`. Checks in the
// order of TransitionProblem and returns the first problem found.
Expected<void, TransitionProblem> CanTransition(PlatformStatus from, PlatformStatus to, const auth::User& actor,
                                                std::string_view platform_borough_slug, PlatformId platform_id,
                                                std::string_view reason);

// One entry of a platform's status history. Entries are only ever appended.
struct StatusChange {
  PlatformId platform_id = 0;
  PlatformStatus from = PlatformStatus::kSubmitted;
  PlatformStatus to = PlatformStatus::kSubmitted;
  int64_t actor_user_id = 0;
  std::string reason;      // trimmed; may be empty where not required
  int64_t changed_at = 0;  // unix seconds, UTC
  bool operator==(const StatusChange&) const = default;
};

// Checks CanTransition for `platform` (its status, borough and id) and returns
// the history entry to append, stamped with `now_utc`, or the problem.
Expected<StatusChange, TransitionProblem> DecideTransition(const Platform& platform, PlatformStatus to,
                                                           const auth::User& actor, std::string_view reason,
                                                           int64_t now_utc);

enum class HistoryProblem {
  kOtherPlatform,  // the entry belongs to another platform
  kFromMismatch,   // entry.from is not the status the history ends in
  kTimeGoesBack,   // entry.changed_at is before the last entry's
};
// The status a history ends in: kSubmitted for an empty history.
PlatformStatus StatusAfter(std::span<const StatusChange> history);
// Whether `next` may be appended to `history` (entries of one platform, oldest first).
Expected<void, HistoryProblem> CanAppend(std::span<const StatusChange> history, const StatusChange& next);

// Former wijkraden have until 1 January 2025 to convert (Haarlem: "Wijkraden
// hebben tot 1 januari 2025 de tijd"): 2025-01-01 00:00 Europe/Amsterdam
// (CET, UTC+1) = 2024-12-31 23:00 UTC. Support for wijkraden ends then.
inline constexpr int64_t kCouncilConversionDeadlineUtc = 1735686000;
// True while a wijkraad may still register as converted (now < deadline).
bool IsCouncilConversionOpen(int64_t now_utc);

enum class ConversionProblem {
  kDeadlinePassed,     // now_utc >= kCouncilConversionDeadlineUtc
  kUnknownCouncil,     // no CouncilMapping with that name
  kAlreadyConverted,   // another active platform already continues this council
  kAreaMissesCouncil,  // the area leaves out buurten of the council's mapped area
};
std::string_view ConversionProblemKey(ConversionProblem p);  // "platforms.conversion.deadline_passed", ...

// Whether a platform with `area`, registered at `now_utc`, may record that it
// continues the former wijkraad `council_name`. `claimed_by_others` lists the
// councils other ACTIVE platforms already continue. A council without mapped
// buurten passes the area check (nothing to compare). Checks in enum order.
Expected<void, ConversionProblem> CheckCouncilConversion(std::string_view council_name,
                                                         const std::set<std::string>& area, const AreaMap& map,
                                                         std::span<const std::string> claimed_by_others,
                                                         int64_t now_utc);

}  // namespace wp::platforms
