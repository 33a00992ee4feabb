#include "features/platforms/admin_pages.h"

#include "core/i18n/locale_rules.h"
#include "features/platforms/page_data.h"
#include "features/platforms/permissions.h"

namespace wp::platforms {

namespace {

using nlohmann::json;
using web::Context;

// "2027: Toegekend (aangevraagd € 600,00, toegekend € 500,00)" per year.
std::string SubsidyText(const Context& ctx, const std::vector<SubsidyApplication>& subsidies) {
  if (subsidies.empty()) return ctx.T("platforms.admin.no_subsidy");
  std::string out;
  for (const auto& a : subsidies) {
    std::string status = ctx.T("platforms.subsidy_status." + std::string(SubsidyStatusName(a.status)));
    std::string requested = i18n::FormatMoney(a.requested, ctx.locale);
    std::string line =
        a.granted ? ctx.T("platforms.admin.subsidy_granted", {{"year", std::to_string(a.year)},
                                                              {"status", status},
                                                              {"requested", requested},
                                                              {"granted", i18n::FormatMoney(*a.granted, ctx.locale)}})
                  : ctx.T("platforms.admin.subsidy_requested",
                          {{"year", std::to_string(a.year)}, {"status", status}, {"requested", requested}});
    out += (out.empty() ? "" : "; ") + line;
  }
  return out;
}

}  // namespace

Result<http::Response> AdminPages::Overview(Context& ctx) {
  if (!CanSeeMunicipalOverview(*ctx.user)) return Forbidden("not allowed", "platforms.error.forbidden");
  auto m = commands_.Municipality();
  WP_ASSIGN_OR_RETURN(auto figures, commands_.Figures());
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& f : figures) {
    const Platform& p = f.platform;
    rows.push_back({{p.name, PlatformPath(p)},
                    {BoroughName(*m, p.borough_slug)},
                    {StatusLabel(ctx, p.status), PlatformPath(p) + "/status"},
                    {std::to_string(f.member_count), "", true},
                    {SubsidyText(ctx, f.subsidies), PlatformPath(p) + "/subsidie"}});
  }
  json data;
  if (rows.empty()) {
    data["empty"] = web::EmptyState(ctx.T("platforms.overview.no_platforms"));
  } else {
    data["table"] = web::Table(
        ctx.T("platforms.admin.caption"),
        {ctx.T("platforms.admin.col_platform"), ctx.T("platforms.overview.borough"), ctx.T("platforms.page.status"),
         ctx.T("platforms.admin.col_members"), ctx.T("platforms.admin.col_subsidy")},
        rows);
  }
  return web_.Render(ctx, "platforms/admin.html", "platforms.admin.title", data);
}

}  // namespace wp::platforms
