#include "features/challenges/overview_page.h"

#include "core/time/format.h"
#include "core/web/components.h"
#include "features/challenges/challenge_view.h"

namespace wp::challenges {

namespace {

using nlohmann::json;
using web::Context;

// "Toetsen", "Rapportage te laat sinds 3 maart 2027", ...
std::string NextStepText(const Context& ctx, const ChallengeCommands& commands, const OverviewItem& item) {
  return ctx.T("challenges.next." + std::string(NextStepName(item.next)),
               {{"due", time::FormatDate(commands.zone(), item.reports.next_due_at, ctx.locale)}});
}

json OverviewTable(const Context& ctx, const ChallengeCommands& commands, const std::vector<OverviewItem>& items,
                   int64_t waiting) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& item : items) {
    const Challenge& c = item.challenge;
    std::string next = NextStepText(ctx, commands, item);
    if (NeedsOfficial(item.next)) next = ctx.T("challenges.overview.your_turn") + ": " + next;
    rows.push_back({{c.task, ChallengePath(c.id)},
                    {commands.BoroughName(c.borough)},
                    {ctx.T("challenges.stage." + std::string(StageName(c.stage)))},
                    {next},
                    {time::FormatDate(commands.zone(), item.since, ctx.locale)}});
  }
  return web::Table(ctx.T("challenges.overview.caption",
                          {{"count", static_cast<int64_t>(items.size())}, {"waiting", waiting}}),
                    {ctx.T("challenges.field.task"), ctx.T("challenges.overview.borough"),
                     ctx.T("challenges.index.stage"), ctx.T("challenges.overview.next"),
                     ctx.T("challenges.overview.since")},
                    rows);
}

}  // namespace

Result<http::Response> OverviewPage::Show(Context& ctx) {
  std::string borough = ctx.Query("stadsdeel").value_or("");
  bool known = borough.empty();
  json boroughs = json::array({{{"value", ""}, {"text", ctx.T("challenges.overview.all_boroughs")}}});
  for (const auto& [slug, name] : commands_.Boroughs()) {
    boroughs.push_back({{"value", slug}, {"text", name}, {"selected", slug == borough}});
    known = known || slug == borough;
  }
  if (!known) return NotFound("stadsdeel " + borough, "challenges.overview.unknown_borough");
  WP_ASSIGN_OR_RETURN(auto items, commands_.Overview(*ctx.user, borough));
  int64_t waiting = 0;
  for (const auto& item : items) waiting += NeedsOfficial(item.next) ? 1 : 0;
  json data = {{"breadcrumb", web::Breadcrumb({{ctx.T("challenges.index.title"), kIndexPath},
                                               {ctx.T("challenges.overview.title"), kOverviewPath}})},
               {"boroughs", boroughs}};
  if (items.empty()) {
    data["empty"] = web::EmptyState(ctx.T("challenges.overview.none"));
  } else {
    data["table"] = OverviewTable(ctx, commands_, items, waiting);
  }
  return web_.Render(ctx, "challenges/overview.html", "challenges.overview.title", data);
}

}  // namespace wp::challenges
