// Who may do what with an initiative. The initiator (the private link, or
// signed in with the account that submitted it); initiative desk staff
// (auth::Role::kInitiativeDesk, unscoped or scoped to the initiative's
// stadsdeel slug) and administrators; the contact person the desk assigned;
// departments: municipal experts (auth::Role::kMunicipalExpert) unscoped or
// scoped "afdeling:<department>" (a slug of kDepartments). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "features/initiatives/initiative.h"

namespace wp::initiatives {

// How one person stands to one initiative.
struct Relation {
  bool initiator = false;
  bool contact = false;
  bool desk = false;
  std::vector<std::string> departments;  // the departments they give input for
};

// True for administrators and desk staff of `borough` (an unscoped grant
// covers every stadsdeel).
bool IsDeskStaff(const auth::User& user, std::string_view borough);
// True when `user` works at the desk anywhere (the desk list, the nav link).
bool WorksAtDesk(const auth::User& user);
// The departments of kDepartments `user` gives input for.
std::vector<std::string> InputDepartments(const auth::User& user);
// `user`'s relation to `initiative`; `holds_link` when they came with the
// initiator's private link.
Relation RelationOf(const std::optional<auth::User>& user, const Initiative& initiative, bool holds_link);

// The case page for the municipality: contact, desk, and departments.
bool CanViewCase(const Relation& r);
// Assign or change the contact person: the desk.
bool CanAssignContact(const Relation& r);
// Start the check, ask departments for input, give the answer: contact and desk.
bool CanRunCheck(const Relation& r);
// Answer a department's input task: that department, the contact and the desk.
bool CanAnswerTask(const Relation& r, std::string_view department);
// Set a condition to `to`: the contact and the desk any condition; the
// initiator only their own conditions, to met or back to open (waiving is
// the municipality's decision).
bool CanChangeCondition(const Relation& r, ConditionOwner owner, ConditionStatus to);
// Edit the draft, post progress updates: the initiator.
bool CanActAsInitiator(const Relation& r);

}  // namespace wp::initiatives
