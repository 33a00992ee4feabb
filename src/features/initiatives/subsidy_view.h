// The start subsidy section of the initiator's page and of the case page:
// each subsidy with its state, amounts, budget and spending, the decisions,
// and the forms of the step the viewer may take next; and the fields of
// those forms. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/forms.h"
#include "core/web/web.h"
#include "features/initiatives/commands.h"

namespace wp::initiatives {

// Who looks: the initiator (apply, withdraw, report) or staff who may run
// the check (decide, pay, settle); anyone else only reads.
enum class SubsidyViewer { kInitiator, kStaff, kReader };

// The subsidies [{id, heading, badge, purpose, summary, budget, spending,
// action, can_withdraw, can_report, can_decide, can_pay, can_settle}],
// oldest first; `base` is the page's base path (actions go to
// base/subsidie/{id}/...).
nlohmann::json SubsidiesJson(const web::Context& ctx, const time::TimeZone& zone,
                             const std::vector<StartSubsidy>& subsidies, const std::string& base,
                             SubsidyViewer viewer);
// A state as a badge.
nlohmann::json GrantBadge(const web::Context& ctx, GrantStatus s);
// The fields of the initiator's forms (purpose, budget; spending, account)
// and of staff's forms (decision, amount, reason; reference), with the
// posted values when a form comes back with errors.
void AddInitiatorSubsidyFields(web::FormView& form, const web::Context& ctx);
void AddStaffSubsidyFields(web::FormView& form, const web::Context& ctx);

}  // namespace wp::initiatives
