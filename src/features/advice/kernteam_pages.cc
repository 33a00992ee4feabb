#include "features/advice/kernteam_pages.h"

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/advice/advice_view.h"

namespace wp::advice {

namespace {

using nlohmann::json;
using web::Context;

AdviceForm FormFromPost(const http::FormData& f) {
  return {f.Get("title"),         f.Get("points"),        f.Get("addressee"),
          f.Get("input_summary"), f.Get("meetings_held"), f.Get("people_reached")};
}

// The members' reactions in the rounds about `about`, for the kernteam drafting its advice.
Result<json> ReactionsFor(const Context& ctx, const AdviceCommands& commands, const platforms::Platform& p,
                          const HistoryOf& about) {
  WP_ASSIGN_OR_RETURN(auto rounds, commands.RoundsOf(p.id, about));
  json out = json::array();
  for (const auto& r : rounds) {
    WP_ASSIGN_OR_RETURN(RoundThread t, commands.Round(ctx.user, p, r.id));
    for (const auto& x : t.reactions) out.push_back({{"author", x.author_name}, {"paragraphs", Paragraphs(x.text)}});
  }
  return out;
}

}  // namespace

Result<platforms::Platform> KernteamPages::Managed(Context& ctx) const {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  if (!Can(*ctx.user, Action::kWriteAdvice, platforms::PlatformScope(p.id), p.borough_slug)) {
    return Forbidden("not kernteam", "advice.error.not_kernteam");
  }
  return p;
}

Result<std::optional<AdviceRequest>> KernteamPages::RequestOf(Context& ctx) const {
  auto text = ctx.Query("aanvraag");
  if (!text || text->empty()) return std::optional<AdviceRequest>();
  auto id = ParseId(*text);
  if (!id) return NotFound("bad request id", "advice.request.not_found");
  WP_ASSIGN_OR_RETURN(RequestThread t, commands_.Request(ctx.user, *id));
  return std::optional<AdviceRequest>(std::move(t.request));
}

Result<http::Response> KernteamPages::ShowForm(Context& ctx, const platforms::Platform& p,
                                               const std::optional<AdviceRequest>& request, const AdviceForm& f,
                                               const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "title", .label_key = "advice.field.title", .value = f.title});
  if (!request) {
    form.Field({.name = "addressee",
                .label_key = "advice.field.addressee",
                .value = f.addressee,
                .description_key = "advice.field.addressee_hint"});
  }
  form.Field({.name = "points",
              .label_key = "advice.field.points",
              .value = f.points,
              .description_key = "advice.field.points_hint",
              .textarea = true,
              .rows = 14});
  form.Field({.name = "input_summary",
              .label_key = "advice.field.input_summary",
              .value = f.input_summary,
              .description_key = "advice.field.input_summary_hint",
              .required = false,
              .textarea = true,
              .rows = 4});
  form.Field({.name = "meetings_held",
              .label_key = "advice.field.meetings_held",
              .value = f.meetings_held,
              .required = false,
              .inputmode = "numeric"});
  form.Field({.name = "people_reached",
              .label_key = "advice.field.people_reached",
              .value = f.people_reached,
              .required = false,
              .inputmode = "numeric"});
  json data;
  form.AppendTo(data);
  std::string action = PlatformPath(p) + "/nieuw";
  if (request) {
    action += "?aanvraag=" + std::to_string(request->id);
    data["request"] = {{"subject", request->subject},
                       {"url", RequestPath(request->id)},
                       {"questions", Paragraphs(request->questions)}};
    WP_ASSIGN_OR_RETURN(data["reactions"], ReactionsFor(ctx, commands_, p, {request->id, std::nullopt}));
    data["has_reactions"] = !data["reactions"].empty();
  }
  data["action"] = action;
  data["breadcrumb"] = web::Breadcrumb({{p.name, "/wijkplatform/" + p.slug},
                                        {ctx.T("advice.platform.title"), PlatformPath(p)},
                                        {ctx.T("advice.new.title"), action}});
  return web_.Render(ctx, "advice/advice_form.html", "advice.new.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> KernteamPages::NewForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(auto request, RequestOf(ctx));
  return ShowForm(ctx, p, request, AdviceForm{}, nullptr);
}

Result<http::Response> KernteamPages::Create(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(auto request, RequestOf(ctx));
  AdviceForm f = FormFromPost(ctx.form);
  std::optional<int64_t> request_id;
  if (request) request_id = request->id;
  auto id = commands_.CreateAdvice(*ctx.user, p, request_id, f);
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowForm(ctx, p, request, f, &id.error());
    return id.error();
  }
  return web_.Redirect(ctx, AdvicePath(*id), web::Flash{"success", "advice.new.saved"});
}

Result<http::Response> KernteamPages::Submit(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_TRY_VOID(commands_.SubmitAdvice(*ctx.user, p, id));
  return web_.Redirect(ctx, AdvicePath(id), web::Flash{"success", "advice.advice.submitted"});
}

}  // namespace wp::advice
