#include "core/http/error_response.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/opinion/pages.h"
#include "features/opinion/permissions.h"

namespace wp::opinion {
namespace {

using nlohmann::json;
using web::Context;

std::string ManagePath(int64_t id) { return "/beheer/meningen/" + std::to_string(id); }
Error NotOrganiser() { return Forbidden("not an organiser", "opinion.error.forbidden"); }

json StatementRows(const Context& ctx, const std::vector<Statement>& list, StatementState state) {
  json out = json::array();
  for (const auto& s : list) {
    if (s.state != state) continue;
    out.push_back({{"id", s.id}, {"text", s.text}, {"reason", s.reason},
                   {"origin", ctx.T(s.seed ? "opinion.manage.by_organiser" : "opinion.manage.by_participant")}});
  }
  return out;
}

}  // namespace

Result<http::Response> OrganiserPages::Overview(Context& ctx) { return ShowOverview(ctx, {}, nullptr); }

Result<http::Response> OrganiserPages::ShowOverview(Context& ctx, const ConversationForm& f, const Error* error) {
  if (!IsOrganiser(*ctx.user)) return NotOrganiser();
  WP_ASSIGN_OR_RETURN(auto all, commands_.List(&*ctx.user));
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& c : all) {
    if (!commands_.Organises(&*ctx.user, c)) continue;
    rows.push_back({{c.title, ManagePath(c.id)}, {c.area_name},
                    {ctx.T("opinion.status." + std::string(StatusName(c.status)))}});
  }
  json data;
  if (rows.empty()) {
    data["none"] = web::EmptyState(ctx.T("opinion.organise.none"));
  } else {
    data["table"] = web::Table(ctx.T("opinion.organise.caption"),
                               {ctx.T("opinion.field.title"), ctx.T("opinion.field.area"), ctx.T("opinion.field.status")},
                               rows);
  }
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "title", .label_key = "opinion.field.title", .value = f.title});
  form.Field({.name = "question", .label_key = "opinion.field.question", .value = f.question,
              .description_key = "opinion.field.question_hint"});
  form.Label("area", "opinion.field.area");
  json areas = json::array();
  for (const auto& [code, name] : areas_()) {
    areas.push_back({{"code", code}, {"name", name}, {"selected", code == f.area}});
  }
  data["areas"] = areas;
  data["area_error"] = form.ErrorFor("area");
  form.AppendTo(data);
  data["breadcrumb"] = web::Breadcrumb({{ctx.T("opinion.organise.title"), "/beheer/meningen"}});
  return web_.Render(ctx, "opinion/organise.html", "opinion.organise.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OrganiserPages::Create(Context& ctx) {
  ConversationForm f{ctx.form.Get("area"), ctx.form.Get("title"), ctx.form.Get("question")};
  auto id = commands_.Create(*ctx.user, f);
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowOverview(ctx, f, &id.error());
    return id.error();
  }
  return web_.Redirect(ctx, ManagePath(*id), web::Flash{"success", "opinion.organise.created"});
}

Result<http::Response> OrganiserPages::Manage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowManage(ctx, id, "", nullptr);
}

Result<http::Response> OrganiserPages::ShowManage(Context& ctx, int64_t id, const std::string& typed,
                                                  const Error* error) {
  WP_ASSIGN_OR_RETURN(Conversation c, commands_.Find(id, &*ctx.user));
  if (!commands_.Organises(&*ctx.user, c)) return NotOrganiser();
  WP_ASSIGN_OR_RETURN(auto statements, commands_.Statements(id, std::nullopt));
  json data = {{"id", id}, {"title", c.title}, {"question", c.question}, {"area", c.area_name},
               {"action", ManagePath(id)}, {"public", "/meningen/" + std::to_string(id)},
               {"status", ctx.T("opinion.status." + std::string(StatusName(c.status)))},
               {"can_open", c.status == ConversationStatus::kDraft},
               {"can_close", c.status == ConversationStatus::kOpen},
               {"can_seed", c.status != ConversationStatus::kClosed},
               {"pending", StatementRows(ctx, statements, StatementState::kPending)},
               {"accepted", StatementRows(ctx, statements, StatementState::kAccepted)},
               {"rejected", StatementRows(ctx, statements, StatementState::kRejected)}};
  for (const char* list : {"pending", "accepted", "rejected"}) data[std::string("has_") + list] = !data[list].empty();
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "text", .label_key = "opinion.field.seed", .value = typed,
              .description_key = "opinion.field.text_hint"});
  form.AppendTo(data);
  data["breadcrumb"] = web::Breadcrumb({{ctx.T("opinion.organise.title"), "/beheer/meningen"}, {c.title, ManagePath(id)}});
  return web_.Render(ctx, "opinion/manage.html", "opinion.manage.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OrganiserPages::Status(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_TRY_VOID(commands_.ChangeStatus(*ctx.user, id, ctx.form.Get("status")));
  return web_.Redirect(ctx, ManagePath(id), web::Flash{"success", "opinion.manage.status_saved"});
}

Result<http::Response> OrganiserPages::Seed(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  const std::string text = ctx.form.Get("text");
  auto r = commands_.AddSeedStatement(*ctx.user, id, text);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowManage(ctx, id, text, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, ManagePath(id), web::Flash{"success", "opinion.manage.seed_saved"});
}

Result<http::Response> OrganiserPages::Moderate(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t statement, ctx.IdParam("statement"));
  auto r = commands_.Moderate(*ctx.user, id, statement, ctx.form.Get("decision"), ctx.form.Get("reason"));
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowManage(ctx, id, "", &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, ManagePath(id), web::Flash{"success", "opinion.manage.moderated"});
}

void AddOpinionRoutes(http::Router& router, const web::Web& web, PublicPages& open, OrganiserPages& organiser) {
  router.Get("/meningen", web.Page(open, &PublicPages::List));
  router.Get("/meningen/{id}", web.Page(open, &PublicPages::Show));
  router.Post("/meningen/{id}/stem", web.Page(open, &PublicPages::Vote));
  router.Post("/meningen/{id}/stelling", web.Page(open, &PublicPages::Submit));
  router.Get("/meningen/{id}/kaart", web.Page(open, &PublicPages::Map));
  router.Get("/meningen/{id}/gegevens", web.Page(open, &PublicPages::Data));
  router.Get("/meningen/{id}/stemmen.csv", web.Page(open, &PublicPages::Votes));
  router.Get("/meningen/{id}/stellingen.csv", web.Page(open, &PublicPages::Texts));

  // Organisers (the commands check the rights per conversation: 403 otherwise).
  const web::PageOptions signed_in{.require_login = true};
  router.Get("/beheer/meningen", web.Page(organiser, &OrganiserPages::Overview, signed_in));
  router.Post("/beheer/meningen", web.Page(organiser, &OrganiserPages::Create, signed_in));
  router.Get("/beheer/meningen/{id}", web.Page(organiser, &OrganiserPages::Manage, signed_in));
  router.Post("/beheer/meningen/{id}/status", web.Page(organiser, &OrganiserPages::Status, signed_in));
  router.Post("/beheer/meningen/{id}/stelling", web.Page(organiser, &OrganiserPages::Seed, signed_in));
  router.Post("/beheer/meningen/{id}/moderatie/{statement}", web.Page(organiser, &OrganiserPages::Moderate, signed_in));
}

}  // namespace wp::opinion
