// The errors and limits shared by commands.cc and plan_commands.cc (the two
// halves of BudgetCommands). Internal to the budgets commands.
#pragma once

#include <cstddef>
#include <string>

#include "core/error.h"
#include "core/strings.h"

namespace wp::budgets {

inline constexpr size_t kMaxNote = 2000;  // tips, notes, reasons
inline constexpr const char* kNoteTooLong = "budgets.error.note_long";

inline Error PhaseClosed() { return Conflict("not in this phase", "budgets.error.phase_closed"); }
inline Error NotAllowed() { return Forbidden("not allowed", "budgets.error.forbidden"); }
inline Error PlanNotFound() { return NotFound("no such plan", "budgets.error.plan_not_found"); }

inline std::string Trimmed(const std::string& s) { return std::string(Trim(s)); }

}  // namespace wp::budgets
