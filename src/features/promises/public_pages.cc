#include "features/promises/public_pages.h"

#include "core/http/error_response.h"
#include "core/web/forms.h"
#include "features/promises/promise_view.h"

namespace wp::promises {

namespace {

using nlohmann::json;
using web::Context;

// The update and handover forms of a promise its keeper sees.
void AddKeeperForms(Context& ctx, const PromiseView& v, const Error* error, json& data) {
  const promises::Promise& p = v.promise;
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "text",
              .label_key = "promises.update.text",
              .value = ctx.form.Get("text"),
              .description_key = "promises.update.text_hint",
              .textarea = true,
              .rows = 4});
  form.Label("status", "promises.update.status");
  json statuses = json::array();
  statuses.push_back(
      {{"value", ""}, {"text", ctx.T("promises.update.keep_status")}, {"selected", ctx.form.Get("status").empty()}});
  for (Status s : kAllStatuses) {
    if (CheckTransition(p.status, s)) continue;
    std::string name(StatusName(s));
    statuses.push_back(
        {{"value", name}, {"text", ctx.T("promises.update.to." + name)}, {"selected", ctx.form.Get("status") == name}});
  }
  if (p.status == Status::kOpen) {
    form.Field({.name = "department",
                .label_key = "promises.handover.department",
                .value = error ? ctx.form.Get("department") : p.owner.department});
    form.Field({.name = "person",
                .label_key = "promises.handover.person",
                .value = error ? ctx.form.Get("person") : p.owner.person});
    form.Field({.name = "note",
                .label_key = "promises.handover.note",
                .value = ctx.form.Get("note"),
                .required = false,
                .textarea = true,
                .rows = 3});
    data["handover_action"] = PromisePath(p.id) + "/overdragen";
  }
  form.AppendTo(data);
  data["status_select"] = Select(ctx, "status", "promises.update.status", form.ErrorFor("status"), statuses);
  data["update_action"] = PromisePath(p.id) + "/bijwerken";
  data["keeper"] = true;
}

}  // namespace

Result<http::Response> PublicPages::ShowPromise(Context& ctx, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(PromiseView v, commands_.PromiseOf(id));
  const promises::Promise& p = v.promise;
  json data = {{"title", ctx.T("promises.promise.heading", {{"platform", v.platform.name}})},
               {"text", p.text},
               {"status", Badge(ctx, commands_, p)},
               {"facts", Facts(ctx, commands_, v)},
               {"history", HistoryTable(ctx, commands_, v.history)},
               {"breadcrumb", web::Breadcrumb({{v.platform.name, "/wijkplatform/" + v.platform.slug},
                                               {ctx.T("promises.platform.title"), PlatformPath(v.platform)},
                                               {ctx.T("promises.promise.title"), PromisePath(id)}})}};
  if (ctx.user && commands_.Keeps(*ctx.user, v.platform)) AddKeeperForms(ctx, v, error, data);
  return web_.Render(ctx, "promises/promise.html", "promises.promise.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::Promise(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowPromise(ctx, id, nullptr);
}

Result<http::Response> PublicPages::Platform(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(auto promises, commands_.OfPlatform(p.id));
  WP_ASSIGN_OR_RETURN(auto commitments, commands_.ContractCommitments(p.id));
  json data = {
      {"title", ctx.T("promises.platform.heading", {{"platform", p.name}})},
      {"promises", PromisesTable(ctx, commands_, promises, "promises.platform.caption", "promises.platform.none")},
      {"commitments", CommitmentsTable(ctx, commands_, commitments)},
      {"breadcrumb",
       web::Breadcrumb({{p.name, "/wijkplatform/" + p.slug}, {ctx.T("promises.platform.title"), PlatformPath(p)}})}};
  if (ctx.user && commands_.Keeps(*ctx.user, p)) {
    data["new"] =
        web::ActionLink(ctx.T("promises.official.new"), std::string(kNewPath) + "?platform=" + std::to_string(p.id),
                        web::ActionKind::kPrimary);
    // The navigation shows officials' pages only to unscoped grants: the way to the late list.
    data["late"] = web::ActionLink(ctx.T("promises.official.title"), kOfficialPath);
  }
  return web_.Render(ctx, "promises/platform.html", "promises.platform.title", data);
}

}  // namespace wp::promises
