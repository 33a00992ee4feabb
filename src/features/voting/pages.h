// HTML routes of the voting feature: the resident's voting steps
// (/wijkbudget/{slug}/stemmen...), the receipt, the results and their
// Pabulib download (/wijkbudget/{slug}/uitslag...), and the officials' paper
// ballot and count pages (/beheer/wijkbudget/{slug}/papier, .../telling).
#pragma once

#include "core/http/router.h"
#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/budgets/edition_directory.h"
#include "features/voting/commands.h"

namespace wp::voting {

void AddVotingRoutes(http::Router& router, const web::Web& web, const budgets::EditionDirectory& editions,
                     VotingCommands& commands, const time::TimeZone& zone);

}  // namespace wp::voting
