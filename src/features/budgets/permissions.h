// Who may do what with a Wijk aan Zet edition and its plans. Pure; see the
// table test in permissions_test.cc.
//   officials  = administrator, or gebiedsverbinder (kAreaLiaison) of the
//                edition's stadsdeel (an edition of the whole municipality:
//                administrators and unscoped gebiedsverbinders)
//   experts    = kMunicipalExpert (feasibility reviews), and administrators
//   submitters = the account that submitted the plan
//   residents  = every signed-in account
#pragma once

#include <cstdint>

#include "core/auth/user.h"
#include "features/budgets/edition.h"

namespace wp::budgets {

enum class Action {
  kManageEdition,   // create, edit, publish; send back with tips; propose merges; add milestones
  kSubmitPlan,      // submit a new plan
  kEditPlan,        // change one's own plan, withdraw it, answer a merge proposal
  kLike,            // like or unlike a plan
  kReviewPlan,      // record a feasibility outcome
  kUpdateProgress,  // post a progress update on a funded plan, mark it done
};

// True when `user` (nullptr: not signed in) may do `action` on edition `e`
// and, for plan actions, on a plan submitted by `submitter_id` (0: none).
// Phase checks are separate: see commands.
bool Can(const auth::User* user, Action action, const Edition& e, int64_t submitter_id = 0);

// True when `user` holds `role` for any scope (administrators count as holding every role).
bool HoldsRoleAnywhere(const auth::User& user, auth::Role role);

// True for officials of the stadsdeel `borough_slug` ("" = whole municipality).
bool IsOfficial(const auth::User& user, std::string_view borough_slug);

// True for accounts that may create editions (for their own stadsdeel):
// administrators and gebiedsverbinders.
bool MayCreateEditions(const auth::User& user);
// True for accounts that may open the staff overview of editions: those who
// may create editions, and experts.
bool IsStaff(const auth::User& user);

}  // namespace wp::budgets
