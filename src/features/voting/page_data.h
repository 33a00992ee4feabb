// View data the voting pages share: the edition's facts and numbers, the
// plans as ballot checkboxes, and the addresses of the voting pages. For the
// page classes only. Thread-safe.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/budgets/edition.h"
#include "features/budgets/edition_directory.h"

namespace wp::voting {

// "/wijkbudget/<slug>/stemmen", where online voting starts.
std::string VotePath(const budgets::Edition& e);
// "/beheer/wijkbudget/<slug>", under which the officials' pages sit.
std::string AdminPath(const budgets::Edition& e);

// An amount in the request's language ("€ 1.250,00").
std::string Euros(const web::Context& ctx, int64_t cents);

// data["edition"] (slug, title, budget, ballot kind, limits, vote_path) and
// the edition's numbers at the top level too (budget, max_plans, min_spend,
// max_spend, close_date), for the {placeholders} of the views' messages.
nlohmann::json EditionData(const web::Context& ctx, const budgets::Edition& e, const time::TimeZone& zone);

// The plans as checkboxes, those in `chosen` ticked.
nlohmann::json PlansData(const web::Context& ctx, const std::vector<budgets::BallotPlan>& plans,
                         const std::set<int64_t>& chosen);

// The breadcrumb of an official's page: Wijk aan Zet beheren > the edition >
// `title` at `path`.
nlohmann::json AdminTrail(const web::Context& ctx, const budgets::Edition& e, const std::string& title,
                          const std::string& path);

}  // namespace wp::voting
