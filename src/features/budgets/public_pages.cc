#include "features/budgets/public_pages.h"

#include "features/budgets/edition_directory.h"
#include "features/budgets/permissions.h"

namespace wp::budgets {

using nlohmann::json;
using web::Context;

namespace {

const auth::User* Viewer(const Context& ctx) { return ctx.user ? &*ctx.user : nullptr; }

// The funded plans with their state, or null when there are none yet.
json FundedTable(const Context& ctx, const Edition& e, const std::vector<Plan>& plans,
                 const geography::Municipality& m) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& p : plans) {
    if (!IsFunded(p.status)) continue;
    rows.push_back({{p.title, PlanPath(e, p.id)},
                    {NeighbourhoodName(m, p.neighbourhood_code)},
                    {MoneyText(ctx, p.cost_cents), "", true},
                    {PlanStatusLabel(ctx, p.status)}});
  }
  if (rows.empty()) return nullptr;
  return web::Table(ctx.T("budgets.edition.funded_caption"),
                    {ctx.T("budgets.plan.field.title"), ctx.T("budgets.plan.field.neighbourhood"),
                     ctx.T("budgets.plan.cost"), ctx.T("budgets.plan.status")},
                    rows);
}

// Links to the staff pages of the edition, for its officials and experts.
json StaffActions(const Context& ctx, const Edition& e) {
  json actions = json::array();
  if (ctx.user && EditionDirectory::CanManage(*ctx.user, e)) {
    actions.push_back(web::ActionLink(ctx.T("budgets.edition.edit"), AdminEditionPath(e)));
    actions.push_back(web::ActionLink(ctx.T("budgets.edition.manage_plans"), AdminPlansPath(e)));
  } else if (ctx.user && Can(&*ctx.user, Action::kReviewPlan, e)) {
    actions.push_back(web::ActionLink(ctx.T("budgets.edition.review_plans"), AdminPlansPath(e)));
  }
  if (actions.empty()) return nullptr;
  return {{"actions", actions}};
}

}  // namespace

Result<http::Response> PublicPages::EditionList(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto editions, d_.commands.ListEditions(Viewer(ctx)));
  auto m = d_.municipality();
  json cards = json::array();
  for (const auto& e : editions) {
    cards.push_back(web::Card({.title = e.title,
                               .href = EditionPath(e),
                               .text = "",
                               .meta = AreaName(*m, e) + " · " + MoneyText(ctx, e.budget_cents),
                               .badge = PhaseBadge(ctx, PhaseAt(e, d_.commands.Now())),
                               .heading_level = 2}));
  }
  json data = {{"editions", cards}, {"empty", web::EmptyState(ctx.T("budgets.editions.none"))}, {"manage", nullptr}};
  if (ctx.user && MayCreateEditions(*ctx.user))
    data["manage"] = web::ActionLink(ctx.T("budgets.editions.manage"), kAdminPath);
  return d_.web.Render(ctx, "budgets/editions.html", "budgets.editions.title", data);
}

Result<json> PublicPages::PhaseAction(Context& ctx, const Edition& e, Phase phase) {
  switch (phase) {
    case Phase::kPlans:
      return web::ActionLink(ctx.T("budgets.edition.submit_plan"), PlansPath(e) + "/nieuw", web::ActionKind::kPrimary);
    case Phase::kLikes:
      return web::ActionLink(ctx.T("budgets.edition.like_plans"), PlansPath(e), web::ActionKind::kPrimary);
    case Phase::kVoting:
      return web::ActionLink(ctx.T("budgets.edition.vote"), EditionPath(e) + "/stemmen", web::ActionKind::kPrimary);
    case Phase::kImplementation: {
      // The result page exists once the vote is counted and published.
      WP_ASSIGN_OR_RETURN(bool published, d_.commands.ResultPublished(e.id));
      if (!published) return json(nullptr);
      return web::ActionLink(ctx.T("budgets.edition.results"), EditionPath(e) + "/uitslag", web::ActionKind::kPrimary);
    }
    default:
      return json(nullptr);
  }
}

Result<http::Response> PublicPages::EditionPage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, d_.commands.VisibleEdition(ctx.Param("slug"), Viewer(ctx)));
  WP_ASSIGN_OR_RETURN(auto plans, d_.commands.Plans(e.id));
  auto m = d_.municipality();
  Phase phase = PhaseAt(e, d_.commands.Now());
  WP_ASSIGN_OR_RETURN(json action, PhaseAction(ctx, e, phase));
  json data = {{"edition", EditionData(ctx, e, phase, d_.zone)},
               {"title", e.title},
               {"breadcrumb", web::Breadcrumb({EditionsCrumb(ctx), EditionCrumb(e)})},
               {"phase_action", action},
               {"phases", PhaseSteps(ctx, e, phase, d_.zone)},
               {"facts", EditionFacts(ctx, e, *m)},
               {"plans_link", web::ActionLink(ctx.T("budgets.edition.all_plans"), PlansPath(e))},
               {"funded", FundedTable(ctx, e, plans, *m)},
               {"staff_actions", StaffActions(ctx, e)}};
  return d_.web.Render(ctx, "budgets/edition.html", "", data);
}

Result<json> PublicPages::PlanItem(Context& ctx, const Edition& e, const Plan& p, Phase phase,
                                   const geography::Municipality& m) {
  json item = {{"card", PlanCard(ctx, p, m, PlanPath(e, p.id))},
               {"likes", LikesData(ctx, e, p)},
               {"id", p.id},
               {"like", nullptr}};
  if (phase == Phase::kLikes && ctx.user && IsLikeable(p.status)) {
    WP_ASSIGN_OR_RETURN(bool liked, d_.commands.HasLiked(p.id, ctx.user->id));
    std::vector<std::pair<std::string, std::string>> back = {{"next", PlansPath(e)}};
    item["like"] =
        liked ? web::ActionButton(ctx.T("budgets.likes.unlike_plan", {{"plan", p.title}}),
                                  PlanPath(e, p.id) + "/like-intrekken", ctx.csrf_token, web::ActionKind::kSecondary,
                                  back)
              : web::ActionButton(ctx.T("budgets.likes.like_plan", {{"plan", p.title}}), PlanPath(e, p.id) + "/like",
                                  ctx.csrf_token, web::ActionKind::kPrimary, back);
  }
  return item;
}

Result<http::Response> PublicPages::PlanList(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, d_.commands.VisibleEdition(ctx.Param("slug"), Viewer(ctx)));
  WP_ASSIGN_OR_RETURN(auto plans, d_.commands.Plans(e.id));
  std::string theme = ctx.Query("thema").value_or("");
  Phase phase = PhaseAt(e, d_.commands.Now());
  auto m = d_.municipality();
  json items = json::array();
  for (const auto& p : plans) {
    if (!IsListed(p.status) || (!theme.empty() && p.theme != theme)) continue;
    WP_ASSIGN_OR_RETURN(json item, PlanItem(ctx, e, p, phase, *m));
    items.push_back(std::move(item));
  }
  json themes = json::array();
  for (const auto& t : e.themes) themes.push_back({{"name", t}, {"selected", t == theme}});
  json submit = phase == Phase::kPlans ? web::ActionLink(ctx.T("budgets.edition.submit_plan"), PlansPath(e) + "/nieuw",
                                                         web::ActionKind::kPrimary)
                                       : json(nullptr);
  json data = {{"edition", EditionData(ctx, e, phase, d_.zone)},
               {"title", ctx.T("budgets.plans.title", {{"edition", e.title}})},
               {"breadcrumb", web::Breadcrumb({EditionsCrumb(ctx), EditionCrumb(e), PlansCrumb(ctx, e)})},
               {"submit", submit},
               {"plans", items},
               {"themes", themes},
               {"show_likes", phase == Phase::kLikes || phase == Phase::kPlans},
               {"empty", web::EmptyState(ctx.T("budgets.plans.none"), submit)}};
  return d_.web.Render(ctx, "budgets/plans.html", "", data);
}

}  // namespace wp::budgets
