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
  if (IsRequestEditable(r.status)) {
    actions.push_back(web::ActionLink(ctx.T("advice.request_edit.link"), EditRequestPath(r.id)));
  }
  if (!CheckRequestTransition(r.status, RequestStatus::kClosed)) {
    actions.push_back(web::ActionButton(ctx.T("advice.request.close"), base + "/sluiten", ctx.csrf_token));
  }
  return actions;
}

// Attachments (an official uploads to a draft) and the members' input rounds of a request.
Result<void> RequestInput(const Context& ctx, const AdviceCommands& commands, const RequestThread& t,
                          const Error* error, json& data) {
  const AdviceRequest& r = t.request;
  bool uploads = ctx.user && r.status == RequestStatus::kDraft && commands.IsOfficialOf(*ctx.user, t.platforms);
  WP_ASSIGN_OR_RETURN(auto files, commands.AttachmentsOf({r.id, std::nullopt}));
  if (uploads || !files.empty()) {
    data["attachments_block"] =
        AttachmentsJson(ctx, files, uploads ? OfficialRequestPath(r.id) + "/bijlagen" : "", error);
  }
  json rounds = json::array(), open = json::array();
  for (const auto& p : t.platforms) {
    WP_ASSIGN_OR_RETURN(auto list, commands.RoundsOf(p.id, {r.id, std::nullopt}));
    for (auto& x : RoundsJson(ctx, commands, p, list)) rounds.push_back(std::move(x));
    if (IsKernteamOf(ctx, p) && AcceptsAdvice(r.status) && !r.confidential) {
      open.push_back(web::ActionLink(ctx.T("advice.round.open_for", {{"platform", p.name}}),
                                     PlatformPath(p) + "/inbreng/nieuw?aanvraag=" + std::to_string(r.id)));
    }
  }
  data["rounds"] = rounds;
  data["has_rounds"] = !rounds.empty();
  data["open_round"] = open;
  data["can_open_round"] = !open.empty();
  return Ok();
}

// Attachments, werkgroep and input rounds of an advice; the kernteam changes them while it is a draft.
Result<void> AdviceInput(const Context& ctx, const AdviceCommands& commands, const AdviceThread& t,
                         const Error* error, json& data, json& actions) {
  const Advice& a = t.advice;
  bool drafting = a.status == AdviceStatus::kDraft && IsKernteamOf(ctx, t.platform);
  std::string base = PlatformPath(t.platform) + "/" + std::to_string(a.id);
  WP_ASSIGN_OR_RETURN(auto files, commands.AttachmentsOf({std::nullopt, a.id}));
  if (drafting || !files.empty()) {
    data["attachments_block"] = AttachmentsJson(ctx, files, drafting ? base + "/bijlagen" : "", error);
  }
  WP_ASSIGN_OR_RETURN(auto drafters, commands.DrafterNames(a.id));
  if (drafting || !drafters.empty()) {
    json block = {{"drafters", drafters}, {"has_drafters", !drafters.empty()}};
    if (drafting) {
      web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
      form.Field({.name = "email",
                  .label_key = "advice.werkgroep.email",
                  .type = "email",
                  .value = error ? ctx.form.Get("email") : "",
                  .description_key = "advice.werkgroep.email_hint"});
      form.AppendTo(block);
      block["drafter_action"] = base + "/werkgroep";
    }
    data["werkgroep_block"] = block;
  }
  WP_ASSIGN_OR_RETURN(auto rounds, commands.RoundsOf(t.platform.id, {std::nullopt, a.id}));
  data["rounds"] = RoundsJson(ctx, commands, t.platform, rounds);
  data["has_rounds"] = !rounds.empty();
  if (drafting && !a.request_id && !a.confidential) {
    actions.push_back(web::ActionLink(ctx.T("advice.round.open_for", {{"platform", t.platform.name}}),
                                      PlatformPath(t.platform) + "/inbreng/nieuw?advies=" + std::to_string(a.id)));
  }
  return Ok();
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
  WP_TRY_VOID(RequestInput(ctx, commands_, t, error, data));
  return web_.Render(ctx, "advice/request.html", "advice.request.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::Request(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowRequest(ctx, id, nullptr);
}

Result<http::Response> PublicPages::Advice(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowAdvice(ctx, id, nullptr);
}

Result<http::Response> PublicPages::ShowAdvice(Context& ctx, int64_t id, const Error* error) {
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
    actions.push_back(web::ActionLink(ctx.T("advice.edit.link"), EditPath(t.platform, id)));
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
  WP_TRY_VOID(AdviceInput(ctx, commands_, t, error, data, actions));
  data["actions"] = actions;
  data["has_actions"] = !actions.empty();
  return web_.Render(ctx, "advice/advice.html", "advice.advice.title", data,
                     error ? http::StatusForError(*error) : 200);
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
  WP_ASSIGN_OR_RETURN(auto rounds, commands_.OpenRoundsOf(ctx.user, p));
  data["rounds"] = RoundsJson(ctx, commands_, p, rounds);
  data["has_rounds"] = !rounds.empty();
  if (IsKernteamOf(ctx, p)) {
    data["new"] = web::ActionLink(ctx.T("advice.platform.new_unsolicited"), PlatformPath(p) + "/nieuw",
                                  web::ActionKind::kPrimary);
  }
  return web_.Render(ctx, "advice/platform.html", "advice.platform.title", data);
}

}  // namespace wp::advice
