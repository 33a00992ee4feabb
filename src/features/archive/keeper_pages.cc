#include "features/archive/keeper_pages.h"

#include "core/http/error_response.h"
#include "core/http/local_path.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/archive/archive_view.h"

namespace wp::archive {

using nlohmann::json;
using web::Context;

Result<http::Response> KeeperPages::ShowForm(Context& ctx, const platforms::Platform& p, const Error* error) {
  if (!commands_.CanManage(&*ctx.user, p)) return Forbidden("may not keep this archive", "archive.error.forbidden");
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "title", .label_key = "archive.field.title", .value = ctx.form.Get("title")});
  form.Field({.name = "date", .label_key = "archive.field.date", .type = "date", .value = ctx.form.Get("date"),
              .description_key = "archive.field.date_hint"});
  form.Field({.name = "description", .label_key = "archive.field.description", .value = ctx.form.Get("description"),
              .description_key = "archive.field.description_hint", .required = false, .textarea = true, .rows = 4});
  form.Label("kind", "archive.field.kind");
  form.Label("file", "archive.field.file");
  json data = json::object();
  form.AppendTo(data);
  std::string path = PlatformArchivePath(p);
  data["title"] = ctx.T("archive.upload.heading", {{"platform", p.name}});
  data["action"] = path + "/nieuw";
  data["kind_select"] = Select(ctx, "kind", "archive.field.kind", form.ErrorFor("kind"),
                               KindOptions(ctx, ctx.form.Get("kind"), "archive.field.choose_kind"));
  data["file_error"] = form.ErrorFor("file");
  data["file_hint"] = ctx.T("archive.field.file_hint",
                            {{"mib", static_cast<int64_t>(commands_.settings().max_document_bytes >> 20)}});
  data["breadcrumb"] = web::Breadcrumb({{p.name, "/wijkplatform/" + p.slug},
                                        {ctx.T("archive.platform.title"), path},
                                        {ctx.T("archive.upload.title"), path + "/nieuw"}});
  return web_.Render(ctx, "archive/upload.html", "archive.upload.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> KeeperPages::NewForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  return ShowForm(ctx, p, nullptr);
}

Result<http::Response> KeeperPages::Create(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  DocumentForm in{ctx.form.Get("title"), ctx.form.Get("kind"), ctx.form.Get("date"), ctx.form.Get("description")};
  Upload upload;
  if (const auto* f = ctx.form.File("file")) upload = {f->filename, f->data};
  auto added = commands_.AddDocument(*ctx.user, p.id, in, upload);
  if (!added.has_value()) {
    if (added.error().has_fields()) return ShowForm(ctx, p, &added.error());
    return added.error();
  }
  return web_.Redirect(ctx, DocumentPath(*added), web::Flash{"success", "archive.upload.done"});
}

Result<http::Response> KeeperPages::Withdraw(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto done = commands_.Withdraw(*ctx.user, id, ctx.form.Get("reason"));
  if (!done.has_value()) {
    if (done.error().has_fields()) return open_.ShowDocument(ctx, id, &done.error());
    return done.error();
  }
  return web_.Redirect(ctx, DocumentPath(id), web::Flash{"success", "archive.withdraw.done"});
}

Result<http::Response> FollowPages::Follow(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_TRY_VOID(commands_.Follow(*ctx.user, p.id));
  std::string back = http::SafeLocalPath(ctx.form.Get("terug")).value_or(PlatformArchivePath(p));
  return web_.Redirect(ctx, back, web::Flash{"success", "archive.follow.done"});
}

Result<http::Response> FollowPages::Unfollow(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_TRY_VOID(commands_.Unfollow(*ctx.user, p.id));
  std::string back = http::SafeLocalPath(ctx.form.Get("terug")).value_or(PlatformArchivePath(p));
  return web_.Redirect(ctx, back, web::Flash{"success", "archive.follow.stopped"});
}

Result<http::Response> FollowPages::Following(Context& ctx) {
  // The route lets council members in, and administrators (who follow nothing, so see an empty list).
  WP_ASSIGN_OR_RETURN(auto list, commands_.Following(*ctx.user));
  json items = json::array();
  for (const auto& p : list) {
    items.push_back({{"name", p.name},
                     {"href", PlatformArchivePath(p)},
                     {"stop", web::ActionButton(ctx.T("archive.follow.stop"), "/wijkplatform/" + p.slug + "/ontvolgen",
                                                ctx.csrf_token, web::ActionKind::kSecondary,
                                                {{"terug", "/mijn/volgen"}})}});
  }
  json data = {{"platforms", items},
               {"empty", items.empty() ? web::EmptyState(ctx.T("archive.follow.none"),
                                                         web::ActionLink(ctx.T("archive.search.title"), "/archief"))
                                       : json(nullptr)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("archive.follow.title"), "/mijn/volgen"}})}};
  return web_.Render(ctx, "archive/following.html", "archive.follow.title", data);
}

}  // namespace wp::archive
