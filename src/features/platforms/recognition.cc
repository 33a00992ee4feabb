#include "features/platforms/recognition.h"

#include <algorithm>

#include "core/strings.h"

namespace wp::platforms {
namespace {

using S = PlatformStatus;

// from, to, by_municipality, by_applicants, reason_required
constexpr TransitionRule kFlow[] = {
    {S::kSubmitted, S::kInFormation, true, false, true}, {S::kSubmitted, S::kRefused, true, false, true},
    {S::kSubmitted, S::kWithdrawn, false, true, false},  {S::kInFormation, S::kRecognised, true, false, true},
    {S::kInFormation, S::kRefused, true, false, true},   {S::kInFormation, S::kWithdrawn, false, true, false},
    {S::kRecognised, S::kEnded, true, true, true},
};

}  // namespace

std::span<const TransitionRule> RecognitionFlow() { return kFlow; }

const TransitionRule* FindTransition(PlatformStatus from, PlatformStatus to) {
  for (const auto& rule : kFlow) {
    if (rule.from == from && rule.to == to) return &rule;
  }
  return nullptr;
}

std::string_view TransitionProblemKey(TransitionProblem p) {
  switch (p) {
    case TransitionProblem::kNoSuchTransition:
      return "platforms.transition.not_allowed";
    case TransitionProblem::kForbidden:
      return "platforms.transition.forbidden";
    case TransitionProblem::kReasonRequired:
      return "platforms.transition.reason_required";
    case TransitionProblem::kReasonTooLong:
      return "platforms.transition.reason_too_long";
  }
  return "platforms.transition.not_allowed";
}

Expected<void, TransitionProblem> CanTransition(PlatformStatus from, PlatformStatus to, const auth::User& actor,
                                                std::string_view platform_borough_slug, PlatformId platform_id,
                                                std::string_view reason) {
  const TransitionRule* rule = FindTransition(from, to);
  if (rule == nullptr) return TransitionProblem::kNoSuchTransition;
  // An empty borough slug matches only unscoped grants (auth::User::HasRole).
  bool municipality = actor.IsAdministrator() || actor.HasRole(auth::Role::kAreaLiaison, platform_borough_slug);
  bool applicant = platform_id != 0 && actor.HasRole(auth::Role::kKernteamMember, PlatformScope(platform_id));
  if (actor.id == 0 || !((rule->by_municipality && municipality) || (rule->by_applicants && applicant))) {
    return TransitionProblem::kForbidden;
  }
  std::string_view trimmed = Trim(reason);
  if (rule->reason_required && trimmed.empty()) return TransitionProblem::kReasonRequired;
  if (trimmed.size() > kMaxReasonBytes) return TransitionProblem::kReasonTooLong;
  return {};
}

Expected<StatusChange, TransitionProblem> DecideTransition(const Platform& platform, PlatformStatus to,
                                                           const auth::User& actor, std::string_view reason,
                                                           int64_t now_utc) {
  auto can = CanTransition(platform.status, to, actor, platform.borough_slug, platform.id, reason);
  if (!can) return can.error();
  return StatusChange{platform.id, platform.status, to, actor.id, std::string(Trim(reason)), now_utc};
}

PlatformStatus StatusAfter(std::span<const StatusChange> history) {
  return history.empty() ? PlatformStatus::kSubmitted : history.back().to;
}

Expected<void, HistoryProblem> CanAppend(std::span<const StatusChange> history, const StatusChange& next) {
  if (!history.empty() && history.back().platform_id != next.platform_id) return HistoryProblem::kOtherPlatform;
  if (next.from != StatusAfter(history)) return HistoryProblem::kFromMismatch;
  if (!history.empty() && next.changed_at < history.back().changed_at) return HistoryProblem::kTimeGoesBack;
  return {};
}

bool IsCouncilConversionOpen(int64_t now_utc) { return now_utc < kCouncilConversionDeadlineUtc; }

std::string_view ConversionProblemKey(ConversionProblem p) {
  switch (p) {
    case ConversionProblem::kDeadlinePassed:
      return "platforms.conversion.deadline_passed";
    case ConversionProblem::kUnknownCouncil:
      return "platforms.conversion.unknown_council";
    case ConversionProblem::kAlreadyConverted:
      return "platforms.conversion.already_converted";
    case ConversionProblem::kAreaMissesCouncil:
      return "platforms.conversion.area_misses_council";
  }
  return "platforms.conversion.unknown_council";
}

Expected<void, ConversionProblem> CheckCouncilConversion(std::string_view council_name,
                                                         const std::set<std::string>& area, const AreaMap& map,
                                                         std::span<const std::string> claimed_by_others,
                                                         int64_t now_utc) {
  if (!IsCouncilConversionOpen(now_utc)) return ConversionProblem::kDeadlinePassed;
  auto council = std::find_if(map.councils.begin(), map.councils.end(),
                              [&](const AreaMap::Council& c) { return c.name == council_name; });
  if (council == map.councils.end()) return ConversionProblem::kUnknownCouncil;
  if (std::find(claimed_by_others.begin(), claimed_by_others.end(), council_name) != claimed_by_others.end()) {
    return ConversionProblem::kAlreadyConverted;
  }
  for (const auto& code : council->neighbourhood_codes) {
    if (!area.contains(code)) return ConversionProblem::kAreaMissesCouncil;
  }
  return {};
}

}  // namespace wp::platforms
