#include "features/advice/public_pages.h"

#include <algorithm>

#include "core/http/error_response.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/advice/advice_view.h"
#include "features/advice/status_flow.h"

namespace wp::advice {

namespace {

using nlohmann::json;
using web::Context;

bool IsKernteamOf(const Context& ctx, const platforms::Platform& p) {
  return ctx.user && Can(*ctx.user, Action::kWriteAdvice, platforms::PlatformScope(p.id), p.borough_slug);
}

// The officials' actions on a request in its state.
json OfficialActions(const Context& ctx, const AdviceRequest& r) {
  json actions = json::array();
  std::string base = OfficialRequestPath(r.id);
  if (!CheckRequestTransition(r.status, RequestStatus::kOpen)) {
    actions.push_back(web::ActionButton(ctx.T("advice.request.send"), base + "/versturen", ctx.csrf_token,
                                        web::ActionKind::kPrimary));
  }
  if (!CheckRequestTransition(r.status, RequestStatus::kClosed)) {
    actions.push_back(web::ActionButton(ctx.T("advice.request.close"), base + "/sluiten", ctx.csrf_token));
  }
  return actions;
}

}  // namespace

Result<http::Response> PublicPages::Index(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto requests, commands_.Requests(ctx.user, 0));
  // Drafts are on the officials' own page.
  std::erase_if(requests, [](const AdviceRequest& r) { return !IsPublished(r.status); });
  WP_ASSIGN_OR_RETURN(auto advices, commands_.PublicAdvices(ctx.user));
  json data = {{"requests", RequestsTable(ctx, commands_, requests, "advice.index.caption", "advice.index.none")},
               {"advices", AdvicesTable(ctx, commands_, advices, "advice.index.advices", "advice.index.no_advices")}};
  json actions = json::array();
  if (ctx.user && IsOfficial(*ctx.user)) {
    actions.push_back(web::ActionLink(ctx.T("advice.official.title"), kOfficialPath, web::ActionKind::kPrimary));
  }
  if (ctx.user) {
    // A kernteam member reaches the platform's advice page (and its unsolicited advice form) from here.
    WP_ASSIGN_OR_RETURN(auto mine, commands_.KernteamPlatforms(*ctx.user));
    for (const auto& p : mine) {
      actions.push_back(web::ActionLink(ctx.T("advice.platform.heading", {{"platform", p.name}}), PlatformPath(p)));
    }
  }
  data["actions"] = actions;
  data["has_actions"] = !actions.empty();
  return web_.Render(ctx, "advice/index.html", "advice.index.title", data);
}

Result<http::Response> PublicPages::ShowRequest(Context& ctx, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(RequestThread t, commands_.Request(ctx.user, id));
  const AdviceRequest& r = t.request;
  int64_t now = commands_.Now();
  json advices = json::array();
  for (const auto& a : t.advices) {
    advices.push_back({{"title", a.title},
                       {"url", AdvicePath(a.id)},
                       {"platform", commands_.PlatformName(a.platform_id)},
                       {"status", AdviceBadge(ctx, a, now)},
                       {"points", PointsJson(ctx, a)}});
  }
  json data = {
      {"title", r.subject},
      {"status", RequestBadge(ctx, r, now)},
      {"facts", RequestFacts(ctx, commands_, t)},
      {"questions", Paragraphs(r.questions)},
      {"confidential", r.confidential},
      {"draft", r.status == RequestStatus::kDraft},
      {"advices", advices},
      {"has_advices", !advices.empty()},
      {"history", HistoryTable(ctx, commands_, t.history, true)},
      {"breadcrumb", web::Breadcrumb({{ctx.T("advice.index.title"), kIndexPath}, {r.subject, RequestPath(id)}})}};
  if (ctx.user && commands_.IsOfficialOf(*ctx.user, t.platforms)) {
    json actions = OfficialActions(ctx, r);
    data["actions"] = actions;
    data["has_actions"] = !actions.empty();
    if (!CheckRequestTransition(r.status, RequestStatus::kWithdrawn)) {
      web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
      form.Field({.name = "reason",
                  .label_key = "advice.request.withdraw_reason",
                  .value = ctx.form.Get("reason"),
                  .textarea = true,
                  .rows = 3});
      form.AppendTo(data);
      data["withdraw_action"] = OfficialRequestPath(id) + "/intrekken";
    }
  }
  // Kernteams of the platforms asked that have not given advice yet.
  json give = json::array();
  if (AcceptsAdvice(r.status)) {
    for (const auto& p : t.platforms) {
      bool advised =
          std::any_of(t.advices.begin(), t.advices.end(), [&](const auto& a) { return a.platform_id == p.id; });
      if (!advised && IsKernteamOf(ctx, p)) {
        give.push_back(web::ActionLink(ctx.T("advice.request.give_advice", {{"platform", p.name}}),
                                       PlatformPath(p) + "/nieuw?aanvraag=" + std::to_string(id),
                                       web::ActionKind::kPrimary));
      }
    }
  }
  data["give"] = give;
  data["can_give"] = !give.empty();
  return web_.Render(ctx, "advice/request.html", "advice.request.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::Request(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowRequest(ctx, id, nullptr);
}

Result<http::Response> PublicPages::Advice(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(AdviceThread t, commands_.AdviceOf(ctx.user, id));
  const auto& a = t.advice;
  json data = {{"title", a.title},
               {"status", AdviceBadge(ctx, a, commands_.Now())},
               {"facts", AdviceFacts(ctx, commands_, t)},
               {"points", PointsJson(ctx, a)},
               {"draft", a.status == AdviceStatus::kDraft},
               {"history", HistoryTable(ctx, commands_, t.history, false)}};
  std::vector<web::Crumb> crumbs = {{t.platform.name, "/wijkplatform/" + t.platform.slug},
                                    {ctx.T("advice.platform.title"), PlatformPath(t.platform)},
                                    {a.title, AdvicePath(id)}};
  data["breadcrumb"] = web::Breadcrumb(crumbs);
  json actions = json::array();
  std::string scope = platforms::PlatformScope(t.platform.id);
  if (a.status == AdviceStatus::kDraft && IsKernteamOf(ctx, t.platform)) {
    actions.push_back(web::ActionButton(ctx.T("advice.advice.submit"),
                                        PlatformPath(t.platform) + "/" + std::to_string(id) + "/indienen",
                                        ctx.csrf_token, web::ActionKind::kPrimary));
  }
  if (a.status == AdviceStatus::kSubmitted && ctx.user &&
      Can(*ctx.user, Action::kAnswer, scope, t.platform.borough_slug)) {
    actions.push_back(web::ActionLink(ctx.T("advice.answer.title"), AnswerPath(id), web::ActionKind::kPrimary));
  }
  // The keepers of the promises log (features/promises/permissions.h: the gebiedsverbinder of the
  // stadsdeel, administrators) make a promise of a point the municipality adopts, in full or in part.
  if (a.status == AdviceStatus::kAnswered && ctx.user &&
      (ctx.user->IsAdministrator() ||
       (!t.platform.borough_slug.empty() && ctx.user->HasRole(auth::Role::kAreaLiaison, t.platform.borough_slug)))) {
    for (auto& p : data["points"]) {
      const auto& point = a.points[p["number"].get<int>() - 1];
      if (point.verdict == Verdict::kAdopted || point.verdict == Verdict::kPartly) {
        p["promise_url"] = PromiseFromAnswerPath(id, point.number);
      }
    }
  }
  data["actions"] = actions;
  data["has_actions"] = !actions.empty();
  return web_.Render(ctx, "advice/advice.html", "advice.advice.title", data);
}

Result<http::Response> PublicPages::Platform(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(auto requests, commands_.Requests(ctx.user, p.id));
  std::erase_if(requests, [](const AdviceRequest& r) { return !IsPublished(r.status); });
  WP_ASSIGN_OR_RETURN(auto advices, commands_.AdvicesOf(ctx.user, p));
  json data = {
      {"title", ctx.T("advice.platform.heading", {{"platform", p.name}})},
      {"requests", RequestsTable(ctx, commands_, requests, "advice.platform.requests", "advice.platform.no_requests")},
      {"advices", AdvicesTable(ctx, commands_, advices, "advice.platform.advices", "advice.platform.no_advices")},
      {"breadcrumb",
       web::Breadcrumb({{p.name, "/wijkplatform/" + p.slug}, {ctx.T("advice.platform.title"), PlatformPath(p)}})}};
  if (IsKernteamOf(ctx, p)) {
    data["new"] = web::ActionLink(ctx.T("advice.platform.new_unsolicited"), PlatformPath(p) + "/nieuw",
                                  web::ActionKind::kPrimary);
  }
  return web_.Render(ctx, "advice/platform.html", "advice.platform.title", data);
}

}  // namespace wp::advice
