#include "features/platforms/permissions.h"

namespace wp::platforms {
namespace {

bool IsKernteamAction(Action a) {
  switch (a) {
    case Action::kEditPlatformPage:
    case Action::kManageWorkingGroups:
    case Action::kManageOfficeHours:
    case Action::kManageKernteam:
    case Action::kCreateEvent:
    case Action::kPublishEvent:
    case Action::kWriteNews:
    case Action::kSendNewsletter:
    case Action::kApplyForSubsidy:
      return true;
    case Action::kReviewRecognition:
    case Action::kGrantSubsidy:
      return false;
  }
  return false;
}

bool IsMunicipalAction(Action a) { return a == Action::kReviewRecognition || a == Action::kGrantSubsidy; }

// Content an administrator may edit or moderate on a platform's behalf.
bool IsModeration(Action a) {
  return IsKernteamAction(a) && a != Action::kSendNewsletter && a != Action::kApplyForSubsidy;
}

}  // namespace

std::string_view ActionName(Action a) {
  switch (a) {
    case Action::kEditPlatformPage:
      return "edit_platform_page";
    case Action::kManageWorkingGroups:
      return "manage_working_groups";
    case Action::kManageOfficeHours:
      return "manage_office_hours";
    case Action::kManageKernteam:
      return "manage_kernteam";
    case Action::kCreateEvent:
      return "create_event";
    case Action::kPublishEvent:
      return "publish_event";
    case Action::kWriteNews:
      return "write_news";
    case Action::kSendNewsletter:
      return "send_newsletter";
    case Action::kApplyForSubsidy:
      return "apply_for_subsidy";
    case Action::kReviewRecognition:
      return "review_recognition";
    case Action::kGrantSubsidy:
      return "grant_subsidy";
  }
  return "edit_platform_page";
}

bool Can(const auth::User& user, Action action, const Platform& platform) {
  if (user.id == 0) return false;
  if (IsMunicipalAction(action)) {
    // An empty borough slug matches only unscoped gebiedsverbinder grants.
    return user.IsAdministrator() || user.HasRole(auth::Role::kAreaLiaison, platform.borough_slug);
  }
  if (user.IsAdministrator() && IsModeration(action)) return true;
  if (!IsKernteamAction(action) || platform.id == 0) return false;
  if (!user.HasRole(auth::Role::kKernteamMember, PlatformScope(platform.id))) return false;
  if (action == Action::kApplyForSubsidy) {
    return platform.status == PlatformStatus::kInFormation || platform.status == PlatformStatus::kRecognised;
  }
  return IsActive(platform.status);
}

bool CanSeeMunicipalOverview(const auth::User& user) {
  if (user.id == 0) return false;
  for (const auto& g : user.grants) {
    if (g.role == auth::Role::kAdministrator || g.role == auth::Role::kAreaLiaison ||
        g.role == auth::Role::kMunicipalExpert) {
      return true;
    }
  }
  return false;
}

}  // namespace wp::platforms
