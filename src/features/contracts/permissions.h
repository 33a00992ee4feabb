// Who may do what with a platform's neighbourhood contract. Two sides draft
// it together: the platform's kernteam (kKernteamMember scoped to the
// platform id as text) and the municipality (the gebiedsverbinder of the
// platform's stadsdeel, an unscoped gebiedsverbinder, or an administrator).
// Each side approves for itself; both report progress and amend a signed
// contract; the municipality sees the overdue list. Everyone reads a signed
// contract; a draft only the two sides. Pure.
#pragma once

#include <string_view>

#include "core/auth/user.h"
#include "features/contracts/contract.h"

namespace wp::contracts {

enum class Action {
  kDraft,       // create a draft, add themes and commitments, read the draft
  kApprove,     // approve for one's own side (CanApprove says which)
  kReport,      // post a progress update with evidence
  kAmend,       // amend a signed contract, write the year review, start next year
  kSeeOverdue,  // the list of overdue commitments
};

// True when `user` speaks for `side` on the platform whose role scope is
// `platform_scope` in stadsdeel `borough`.
bool IsSide(const auth::User& user, Side side, std::string_view platform_scope, std::string_view borough);

// True when `user` may do `action` on the contract of that platform.
bool Can(const auth::User& user, Action action, std::string_view platform_scope, std::string_view borough);

// True when `user` is a municipal official for contracts anywhere (the
// officials' overview).
bool IsOfficial(const auth::User& user);

}  // namespace wp::contracts
