#include "features/advice/permissions.h"

#include "core/auth/grants.h"
#include "features/advice/status_flow.h"

namespace wp::advice {

namespace {

// A gebiedsverbinder of the platform's stadsdeel (or of every stadsdeel).
bool IsLiaisonOf(const auth::User& user, std::string_view borough) {
  return !borough.empty() && user.HasRole(auth::Role::kAreaLiaison, borough);
}

// Municipal experts and staff answer for their department, whatever scope
// their grant has; an unscoped gebiedsverbinder works city-wide.
bool IsCityWideOfficial(const auth::User& user) {
  return user.IsAdministrator() || auth::HoldsAnywhere(user, auth::Role::kMunicipalExpert) ||
         auth::HoldsAnywhere(user, auth::Role::kMunicipalStaff) || user.HasRole(auth::Role::kAreaLiaison);
}

// A kernteam grant scoped to exactly this platform (an unscoped kernteam
// grant would speak for every platform: not for advice).
bool IsKernteamOf(const auth::User& user, std::string_view platform_scope) {
  return auth::HoldsExactly(user, auth::Role::kKernteamMember, platform_scope);
}

}  // namespace

bool IsOfficial(const auth::User& user) {
  return user.id != 0 && (IsCityWideOfficial(user) || auth::HoldsAnywhere(user, auth::Role::kAreaLiaison));
}

bool Can(const auth::User& user, Action action, std::string_view platform_scope, std::string_view borough) {
  if (user.id == 0) return false;
  bool official = IsCityWideOfficial(user) || IsLiaisonOf(user, borough);
  bool kernteam = IsKernteamOf(user, platform_scope);
  switch (action) {
    case Action::kAskAdvice:
    case Action::kAnswer:
      return official;
    case Action::kWriteAdvice:
      return kernteam;
    case Action::kReadConfidential:
      return official || kernteam;
  }
  return false;
}

std::string_view EditRefusalKey(EditRefusal r) {
  switch (r) {
    case EditRefusal::kNotKernteam:
      return "advice.error.not_kernteam";
    case EditRefusal::kSubmitted:
      return "advice.error.edit_submitted";
  }
  return "advice.error.not_kernteam";
}

std::optional<EditRefusal> CheckDraftEdit(const auth::User& user, std::string_view platform_scope,
                                          std::string_view borough, AdviceStatus status) {
  if (!Can(user, Action::kWriteAdvice, platform_scope, borough)) return EditRefusal::kNotKernteam;
  if (!IsEditable(status)) return EditRefusal::kSubmitted;
  return std::nullopt;
}

std::string_view RequestEditRefusalKey(RequestEditRefusal r) {
  switch (r) {
    case RequestEditRefusal::kNotOfficial:
      return "advice.error.forbidden";
    case RequestEditRefusal::kNotDraft:
      return "advice.error.request_not_draft";
  }
  return "advice.error.forbidden";
}

std::optional<RequestEditRefusal> CheckRequestEdit(const auth::User& user, const std::vector<PlatformRef>& platforms,
                                                   RequestStatus status) {
  if (platforms.empty()) return RequestEditRefusal::kNotOfficial;
  for (const auto& p : platforms) {
    if (!Can(user, Action::kAskAdvice, p.scope, p.borough)) return RequestEditRefusal::kNotOfficial;
  }
  if (!IsRequestEditable(status)) return RequestEditRefusal::kNotDraft;
  return std::nullopt;
}

bool MayReact(const auth::User& user, std::string_view platform_scope, bool is_member) {
  return user.id != 0 && (is_member || IsKernteamOf(user, platform_scope));
}

bool MaySeeRound(const auth::User* user, std::string_view platform_scope, bool is_member, bool about_public) {
  if (about_public) return true;
  return user && MayReact(*user, platform_scope, is_member);
}

}  // namespace wp::advice
