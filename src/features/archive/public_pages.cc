#include "features/archive/public_pages.h"

#include "core/files/documents.h"
#include "core/http/error_response.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/archive/archive_view.h"

namespace wp::archive {

namespace {

using nlohmann::json;
using web::Context;

constexpr int64_t kPerPage = 10;

// The follow or unfollow button of a council member.
Result<json> FollowButton(Context& ctx, const ArchiveCommands& commands, const platforms::Platform& p) {
  if (!commands.CanFollow(ctx.user ? &*ctx.user : nullptr)) return json(nullptr);
  WP_ASSIGN_OR_RETURN(bool follows, commands.Follows(*ctx.user, p.id));
  std::string base = "/wijkplatform/" + p.slug;
  return follows ? web::ActionButton(ctx.T("archive.follow.stop"), base + "/ontvolgen", ctx.csrf_token)
                 : web::ActionButton(ctx.T("archive.follow.start"), base + "/volgen", ctx.csrf_token,
                                     web::ActionKind::kPrimary);
}

}  // namespace

SearchQuery PublicPages::QueryOf(const Context& ctx) const {
  SearchQuery q;
  q.text = ctx.Query("q").value_or("");
  std::string kind = ctx.Query("soort").value_or("");
  if (ParseKind(kind)) q.kind = kind;
  q.per_page = kPerPage;
  q.page = web::PageNumber(ctx.Query("pagina"), 1000 * kPerPage, kPerPage);
  return q;
}

Result<http::Response> PublicPages::Platform(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  SearchQuery q = QueryOf(ctx);
  q.platform_id = p.id;
  WP_ASSIGN_OR_RETURN(SearchResult r, commands_.Search(q));
  std::string path = PlatformArchivePath(p);
  json data = {{"title", ctx.T("archive.platform.heading", {{"platform", p.name}})},
               {"intro", ctx.T("archive.platform.intro")},
               {"breadcrumb", web::Breadcrumb({{p.name, "/wijkplatform/" + p.slug},
                                               {ctx.T("archive.platform.title"), path}})}};
  AddSearch(ctx, commands_, q, r, path, data);
  WP_ASSIGN_OR_RETURN(data["follow"], FollowButton(ctx, commands_, p));
  if (commands_.CanManage(ctx.user ? &*ctx.user : nullptr, p)) {
    data["upload"] = web::ActionLink(ctx.T("archive.upload.title"), path + "/nieuw", web::ActionKind::kPrimary);
  }
  return web_.Render(ctx, "archive/search.html", "archive.platform.title", data);
}

Result<http::Response> PublicPages::Search(Context& ctx) {
  SearchQuery q = QueryOf(ctx);
  WP_ASSIGN_OR_RETURN(auto active, commands_.directory().Active());
  std::string chosen = ctx.Query("platform").value_or("");
  json options = json::array({{{"value", ""}, {"text", ctx.T("archive.search.any_platform")}, {"selected", true}}});
  for (const auto& p : active) {
    bool selected = chosen == std::to_string(p.id);
    if (selected) {
      q.platform_id = p.id;
      options[0]["selected"] = false;
    }
    options.push_back({{"value", std::to_string(p.id)}, {"text", p.name}, {"selected", selected}});
  }
  WP_ASSIGN_OR_RETURN(SearchResult r, commands_.Search(q));
  json data = {{"title", ctx.T("archive.search.title")},
               {"intro", ctx.T("archive.search.intro")},
               {"platform_select", Select(ctx, "platform", "archive.field.platform", "", options)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("archive.search.title"), "/archief"}})}};
  AddSearch(ctx, commands_, q, r, "/archief", data);
  if (commands_.CanFollow(ctx.user ? &*ctx.user : nullptr)) {
    data["following"] = web::ActionLink(ctx.T("archive.follow.title"), "/mijn/volgen");
  }
  return web_.Render(ctx, "archive/search.html", "archive.search.title", data);
}

Result<http::Response> PublicPages::ShowDocument(Context& ctx, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(DocumentView v, commands_.DocumentOf(ctx.user ? &*ctx.user : nullptr, id));
  const archive::Document& d = v.document;
  bool withdrawn = d.status == Status::kWithdrawn;
  json data = {{"title", d.title},
               {"description", d.description},
               {"facts", Facts(ctx, commands_, v)},
               {"history", HistoryTable(ctx, commands_, v.history)},
               {"breadcrumb", web::Breadcrumb({{v.platform.name, "/wijkplatform/" + v.platform.slug},
                                               {ctx.T("archive.platform.title"), PlatformArchivePath(v.platform)},
                                               {d.title, DocumentPath(id)}})}};
  if (withdrawn) {
    data["withdrawn"] = {{"badge", web::StatusBadge(ctx.T("archive.status.withdrawn"), web::Tone::kWarning)},
                         {"reason", ctx.T("archive.document.withdrawn_reason", {{"reason", d.withdrawn_reason}})}};
  }
  if (!withdrawn || v.manage) {
    data["download"] = {{"href", DocumentPath(id) + "/bestand"},
                        {"label", ctx.T("archive.document.download", {{"name", d.file_name}})}};
  }
  if (v.manage && !withdrawn) {
    web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
    form.Field({.name = "reason", .label_key = "archive.withdraw.reason", .value = ctx.form.Get("reason"),
                .description_key = "archive.withdraw.reason_hint", .textarea = true, .rows = 3});
    form.AppendTo(data);
    data["withdraw_action"] = DocumentPath(id) + "/intrekken";
  }
  return web_.Render(ctx, "archive/document.html", "archive.document.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::Document(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowDocument(ctx, id, nullptr);
}

Result<http::Response> PublicPages::File(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto file, commands_.FileOf(ctx.user ? &*ctx.user : nullptr, id));
  bool is_public = file.first.status == Status::kPublic;
  return files::ServeDocument(std::move(file.second), {file.first.file_name, file.first.sha256, is_public},
                              ctx.request ? ctx.request->Header("If-None-Match") : std::string_view{});
}

}  // namespace wp::archive
