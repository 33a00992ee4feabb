#include "features/advice/input_pages.h"

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/advice/advice_view.h"

namespace wp::advice {

namespace {

using nlohmann::json;
using web::Context;

Result<platforms::Platform> Managed(const AdviceCommands& commands, Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands.directory().PlatformOf(ctx.Param("slug")));
  if (!Can(*ctx.user, Action::kWriteAdvice, platforms::PlatformScope(p.id), p.borough_slug)) {
    return Forbidden("not kernteam", "advice.error.not_kernteam");
  }
  return p;
}

json ReactionsJson(const Context& ctx, const AdviceCommands& commands, const std::vector<Reaction>& reactions) {
  json out = json::array();
  for (const auto& r : reactions) {
    out.push_back({{"author", r.author_name},
                   {"when", time::FormatDateTime(commands.zone(), r.created_at, ctx.locale)},
                   {"paragraphs", Paragraphs(r.text)}});
  }
  return out;
}

}  // namespace

Result<InputPages::About> InputPages::AboutOf(Context& ctx, const platforms::Platform& p) const {
  auto request = ctx.Query("aanvraag");
  auto advice = ctx.Query("advies");
  if (request && !request->empty()) {
    auto id = ParseId(*request);
    if (!id) return NotFound("bad request id", "advice.request.not_found");
    WP_ASSIGN_OR_RETURN(RequestThread t, commands_.Request(ctx.user, *id));
    return About{{*id, std::nullopt}, t.request.subject, RequestPath(*id), "?aanvraag=" + std::to_string(*id)};
  }
  auto id = advice ? ParseId(*advice) : std::nullopt;
  if (!id) return NotFound("bad advice id", "advice.advice.not_found");
  WP_ASSIGN_OR_RETURN(AdviceThread t, commands_.AdviceOf(ctx.user, *id));
  if (t.platform.id != p.id) return NotFound("advice of another platform", "advice.advice.not_found");
  return About{{std::nullopt, *id}, t.advice.title, AdvicePath(*id), "?advies=" + std::to_string(*id)};
}

Result<http::Response> InputPages::ShowNewRound(Context& ctx, const platforms::Platform& p, const About& about,
                                                const RoundForm& f, const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "question",
              .label_key = "advice.round.question",
              .value = f.question,
              .description_key = "advice.round.question_hint",
              .textarea = true,
              .rows = 5});
  form.Field({.name = "closes",
              .label_key = "advice.round.closes",
              .type = "date",
              .value = f.closes,
              .description_key = "advice.round.closes_hint"});
  std::string action = PlatformPath(p) + "/inbreng/nieuw" + about.query;
  json data = {{"title", ctx.T("advice.round.new_title")},
               {"about_title", about.title},
               {"about_url", about.url},
               {"action", action}};
  form.AppendTo(data);
  data["breadcrumb"] = web::Breadcrumb({{p.name, "/wijkplatform/" + p.slug},
                                        {ctx.T("advice.platform.title"), PlatformPath(p)},
                                        {ctx.T("advice.round.new_title"), action}});
  return web_.Render(ctx, "advice/round_form.html", "advice.round.new_title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> InputPages::NewRound(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(commands_, ctx));
  WP_ASSIGN_OR_RETURN(About about, AboutOf(ctx, p));
  return ShowNewRound(ctx, p, about, RoundForm{}, nullptr);
}

Result<http::Response> InputPages::OpenRound(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(commands_, ctx));
  WP_ASSIGN_OR_RETURN(About about, AboutOf(ctx, p));
  RoundForm f{ctx.form.Get("question"), ctx.form.Get("closes")};
  auto id = commands_.OpenRound(*ctx.user, p, about.of, f);
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowNewRound(ctx, p, about, f, &id.error());
    return id.error();
  }
  return web_.Redirect(ctx, RoundPath(p, *id), web::Flash{"success", "advice.round.opened"});
}

Result<http::Response> InputPages::ShowRound(Context& ctx, const platforms::Platform& p, int64_t id,
                                             const Error* error) {
  WP_ASSIGN_OR_RETURN(RoundThread t, commands_.Round(ctx.user, p, id));
  bool open = IsRoundOpen(t.round, commands_.Now());
  std::string about_url = t.request_id ? RequestPath(*t.request_id) : AdvicePath(t.advice_id.value_or(0));
  std::string closes = time::FormatPeriodEnd(commands_.zone(), t.round.closes_at, ctx.locale);
  json data = {
      {"title", ctx.T("advice.round.title", {{"title", t.about_title}})},
      {"status", web::StatusBadge(ctx.T(open ? "advice.round.is_open" : "advice.round.is_closed"),
                                  open ? web::Tone::kInfo : web::Tone::kNeutral)},
      {"facts", web::SummaryList({{ctx.T("advice.request.platform"), p.name, PlatformPath(p)},
                                  {ctx.T("advice.round.about"), t.about_title, t.advice_id && !t.is_kernteam ? "" : about_url},
                                  {ctx.T("advice.round.closes"), closes, ""},
                                  {ctx.T("advice.round.count"), ctx.T("advice.round.count_value", {{"count", static_cast<int64_t>(t.reaction_count)}}), ""}})},
      {"question", Paragraphs(t.round.question)},
      {"members_only", open && !t.may_react},
      {"show_reactions", t.is_kernteam || !t.reactions.empty()},
      {"reactions_heading", ctx.T(t.is_kernteam ? "advice.round.reactions" : "advice.round.your_reactions")},
      {"reactions", ReactionsJson(ctx, commands_, t.reactions)},
      {"has_reactions", !t.reactions.empty()}};
  if (t.may_react) {
    web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
    form.Field({.name = "text",
                .label_key = "advice.round.text",
                .value = error ? ctx.form.Get("text") : "",
                .textarea = true,
                .rows = 6});
    form.AppendTo(data);
    data["react_action"] = RoundPath(p, id);
  }
  data["breadcrumb"] = web::Breadcrumb({{p.name, "/wijkplatform/" + p.slug},
                                        {ctx.T("advice.platform.title"), PlatformPath(p)},
                                        {ctx.T("advice.round.crumb"), RoundPath(p, id)}});
  return web_.Render(ctx, "advice/round.html", "advice.round.crumb", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> InputPages::Round(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowRound(ctx, p, id, nullptr);
}

Result<http::Response> InputPages::React(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto done = commands_.React(*ctx.user, p, id, ctx.form.Get("text"));
  if (!done.has_value()) {
    if (done.error().has_fields()) return ShowRound(ctx, p, id, &done.error());
    return done.error();
  }
  return web_.Redirect(ctx, RoundPath(p, id), web::Flash{"success", "advice.round.reacted"});
}

Result<http::Response> InputPages::AddDrafter(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(commands_, ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto done = commands_.AddDrafter(*ctx.user, p, id, ctx.form.Get("email"));
  if (!done.has_value()) {
    if (done.error().has_fields()) return public_pages_.ShowAdvice(ctx, id, &done.error());
    return done.error();
  }
  return web_.Redirect(ctx, AdvicePath(id), web::Flash{"success", "advice.werkgroep.added"});
}

}  // namespace wp::advice
