// Who may do what with a challenge. Any signed-in resident submits one and
// becomes its contact person. Officials (the gebiedsverbinder of the
// challenge's stadsdeel or an unscoped one, municipal experts, administrators)
// record gate checks and take the go/no-go decisions, never on a challenge
// they are the contact person of. The contact person
// writes the business case (officials may too) and the monitoring reports.
// Everyone reads challenges. Pure.
#pragma once

#include <string_view>

#include "core/auth/user.h"
#include "features/challenges/challenge.h"

namespace wp::challenges {

enum class Action {
  kSubmit,             // submit a challenge
  kCheck,              // record a gate check
  kDecide,             // take a go/no-go decision
  kWriteBusinessCase,  // write or change the business case
  kReport,             // write a monitoring report
};

// True when `user` may do `action` on `c` (for kSubmit `c` is ignored).
bool Can(const auth::User& user, Action action, const Challenge& c);
// True when `user` is an official for challenges anywhere (the officials' list).
bool IsOfficial(const auth::User& user);

}  // namespace wp::challenges
