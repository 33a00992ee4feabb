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

// The form as a draft fills it: points a blank line apart (SplitPoints reads them back).
AdviceForm FormOf(const Advice& a) {
  std::string points;
  for (const auto& p : a.points) {
    if (!points.empty()) points += "\n\n";
    points += p.text;
  }
  return {a.title,
          points,
          a.addressee,
          a.input_summary,
          a.meetings_held ? std::to_string(a.meetings_held) : "",
          a.people_reached ? std::to_string(a.people_reached) : ""};
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
                                               const Error* error, std::optional<int64_t> editing) {
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
  if (!editing) {
    data["files_field"] = FilesFieldJson(ctx, error);
    form.Label("files", "advice.attachments.field");
  }
  form.AppendTo(data);
  std::string action = editing ? EditPath(p, *editing) : PlatformPath(p) + "/nieuw";
  if (request) {
    if (!editing) action += "?aanvraag=" + std::to_string(request->id);
    data["request"] = {{"subject", request->subject},
                       {"url", RequestPath(request->id)},
                       {"questions", Paragraphs(request->questions)}};
    WP_ASSIGN_OR_RETURN(data["reactions"], ReactionsFor(ctx, commands_, p, {request->id, std::nullopt}));
    data["has_reactions"] = !data["reactions"].empty();
  }
  data["action"] = action;
  data["save_label"] = ctx.T(editing ? "advice.edit.save" : "advice.new.save");
  std::vector<web::Crumb> crumbs = {{p.name, "/wijkplatform/" + p.slug},
                                    {ctx.T("advice.platform.title"), PlatformPath(p)}};
  if (editing) {
    data["editing"] = true;
    data["back"] = AdvicePath(*editing);
    crumbs.push_back({f.title.empty() ? ctx.T("advice.advice.title") : f.title, AdvicePath(*editing)});
    crumbs.push_back({ctx.T("advice.edit.title"), action});
  } else {
    crumbs.push_back({ctx.T("advice.new.title"), action});
  }
  data["breadcrumb"] = web::Breadcrumb(crumbs);
  return web_.Render(ctx, "advice/advice_form.html", editing ? "advice.edit.title" : "advice.new.title", data,
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
  auto id = commands_.CreateAdvice(*ctx.user, p, request_id, f, UploadsOf(ctx));
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowForm(ctx, p, request, f, &id.error());
    return id.error();
  }
  return web_.Redirect(ctx, AdvicePath(*id), web::Flash{"success", "advice.new.saved"});
}

Result<AdviceThread> KernteamPages::EditableDraft(Context& ctx, const platforms::Platform& p) const {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(AdviceThread t, commands_.AdviceOf(ctx.user, id));
  if (t.platform.id != p.id) return NotFound("advice of another platform", "advice.advice.not_found");
  std::string scope = platforms::PlatformScope(p.id);
  if (auto refused = CheckDraftEdit(*ctx.user, scope, p.borough_slug, t.advice.status)) {
    if (*refused == EditRefusal::kNotKernteam) return Forbidden("not kernteam", "advice.error.not_kernteam");
    return Conflict("advice is no draft", std::string(EditRefusalKey(*refused)));
  }
  return t;
}

Result<http::Response> KernteamPages::EditForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(AdviceThread t, EditableDraft(ctx, p));
  return ShowForm(ctx, p, t.request, FormOf(t.advice), nullptr, t.advice.id);
}

Result<http::Response> KernteamPages::Update(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(AdviceThread t, EditableDraft(ctx, p));
  AdviceForm f = FormFromPost(ctx.form);
  auto changed = commands_.EditAdvice(*ctx.user, p, t.advice.id, f);
  if (!changed.has_value()) {
    if (changed.error().has_fields()) return ShowForm(ctx, p, t.request, f, &changed.error(), t.advice.id);
    return changed.error();
  }
  return web_.Redirect(ctx, AdvicePath(t.advice.id),
                       web::Flash{*changed ? "success" : "info", *changed ? "advice.edit.saved" : "advice.edit.unchanged"});
}

Result<http::Response> KernteamPages::Submit(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_TRY_VOID(commands_.SubmitAdvice(*ctx.user, p, id));
  return web_.Redirect(ctx, AdvicePath(id), web::Flash{"success", "advice.advice.submitted"});
}

}  // namespace wp::advice
