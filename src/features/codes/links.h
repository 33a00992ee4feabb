// Addresses and the breadcrumb trail of the codes pages, for the page classes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/components.h"
#include "core/web/web.h"
#include "features/budgets/edition.h"

namespace wp::codes {

// "/beheer/wijkbudget/<slug>/stemcodes", under which every codes page sits.
inline std::string CodesPath(const budgets::Edition& e) { return "/beheer/wijkbudget/" + e.slug + "/stemcodes"; }

// The breadcrumb: Wijk aan Zet beheren > the edition > Stemcodes, then `more`.
inline nlohmann::json CodesTrail(const web::Context& ctx, const budgets::Edition& e,
                                 std::vector<web::Crumb> more = {}) {
  std::vector<web::Crumb> trail = {{ctx.T("codes.breadcrumb.admin"), "/beheer/wijkbudget"},
                                   {e.title, "/beheer/wijkbudget/" + e.slug},
                                   {ctx.T("codes.overview.title_short"), CodesPath(e)}};
  for (auto& crumb : more) trail.push_back(std::move(crumb));
  return web::Breadcrumb(trail);
}

}  // namespace wp::codes
