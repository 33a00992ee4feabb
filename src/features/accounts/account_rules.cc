#include "features/accounts/account_rules.h"

#include <algorithm>

#include "core/auth/password.h"
#include "core/strings.h"

namespace wp::accounts {

std::string NormaliseEmail(std::string_view email) { return ToLower(Trim(email)); }

std::vector<FieldError> CheckNewPassword(std::string_view email, std::string_view password,
                                         std::string_view password_repeat) {
  std::vector<FieldError> errors;
  if (password.empty()) {
    errors.push_back({"password", kMissing});
  } else {
    switch (auth::CheckPasswordPolicy(password, email)) {
      case auth::PasswordProblem::kNone:
        break;
      case auth::PasswordProblem::kTooShort:
        errors.push_back({"password", kPasswordTooShort});
        break;
      case auth::PasswordProblem::kTooLong:
        errors.push_back({"password", kPasswordTooLong});
        break;
      case auth::PasswordProblem::kSameAsEmail:
        errors.push_back({"password", kPasswordSameAsEmail});
        break;
      case auth::PasswordProblem::kTooCommon:
        errors.push_back({"password", kPasswordTooCommon});
        break;
    }
  }
  if (!password.empty() && password != password_repeat) {
    errors.push_back({"password_repeat", kPasswordsDiffer});
  }
  return errors;
}

std::vector<FieldError> CheckRegistration(std::string_view email, std::string_view display_name,
                                          std::string_view password, std::string_view password_repeat) {
  std::vector<FieldError> errors;
  std::string e = NormaliseEmail(email);
  if (e.empty())
    errors.push_back({"email", kMissing});
  else if (!IsPlausibleEmail(e))
    errors.push_back({"email", kBadEmail});
  std::string_view name = Trim(display_name);
  if (name.empty()) {
    errors.push_back({"display_name", kMissing});
  } else if (name.size() > 80) {
    errors.push_back({"display_name", kTooLong});
  } else {
    for (unsigned char c : name) {
      if (c < 0x20 || c == 0x7f || c == '<' || c == '>') {
        errors.push_back({"display_name", kBadCharacters});
        break;
      }
    }
  }
  for (auto& pe : CheckNewPassword(e, password, password_repeat)) errors.push_back(pe);
  return errors;
}

int64_t LoginDelaySeconds(int64_t recent_failures) {
  int64_t over = recent_failures - kLoginPerAccount.max_attempts;
  if (over < 0) return 0;
  constexpr int64_t kMaxDelay = 15 * 60;
  int64_t delay = 30;
  for (int64_t i = 0; i < over && delay < kMaxDelay; ++i) delay *= 2;
  return std::min(delay, kMaxDelay);
}

int64_t SessionIdleLimit(const auth::User& user, int64_t official_seconds, int64_t resident_seconds) {
  for (const auto& grant : user.grants) {
    if (grant.role != auth::Role::kResident && grant.role != auth::Role::kPlatformMember) return official_seconds;
  }
  return resident_seconds;
}

bool Can(const auth::User& actor, AdminAction) { return actor.IsAdministrator(); }

bool RoleTakesScope(auth::Role role) {
  return role == auth::Role::kAreaLiaison || role == auth::Role::kKernteamMember ||
         role == auth::Role::kPlatformMember || role == auth::Role::kMunicipalStaff;
}

}  // namespace wp::accounts
