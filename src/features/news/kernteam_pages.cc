#include "features/news/kernteam_pages.h"

#include "core/html/markdown.h"
#include "core/http/error_response.h"
#include "core/web/forms.h"
#include "features/news/news_view.h"

namespace wp::news {

namespace {

using nlohmann::json;
using web::Context;

const Writing kPosts{.newsletter = false,
                     .path = "nieuws",
                     .line_field = "title",
                     .list_title_key = "news.admin.title",
                     .new_title_key = "news.admin.new_title",
                     .edit_title_key = "news.admin.edit_title",
                     .new_key = "news.admin.new",
                     .caption_key = "news.admin.caption",
                     .none_key = "news.list.none",
                     .submit_key = "news.admin.save",
                     .saved_key = "news.admin.saved"};
const Writing kLetters{.newsletter = true,
                       .path = "nieuwsbrief",
                       .line_field = "subject",
                       .list_title_key = "news.newsletter.title",
                       .new_title_key = "news.newsletter.new_title",
                       .edit_title_key = "news.newsletter.edit_title",
                       .new_key = "news.newsletter.new",
                       .caption_key = "news.newsletter.caption",
                       .none_key = "news.newsletter.none",
                       .submit_key = "news.newsletter.save_preview",
                       .saved_key = "news.newsletter.saved"};

std::string ListPath(const platforms::Platform& p, const Writing& kind) {
  return "/wijkplatform/" + p.slug + "/beheer/" + kind.path;
}

}  // namespace

Result<platforms::Platform> KernteamPages::Managed(Context& ctx, const Writing& kind) const {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  bool may = kind.newsletter ? NewsCommands::Sends(ctx.user, p) : NewsCommands::Writes(ctx.user, p);
  if (!may) return Forbidden("not kernteam", "news.error.forbidden");
  return p;
}

Result<Post> KernteamPages::LoadPost(Context& ctx, const platforms::Platform& p) const {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto post, commands_.FindPost(id));
  if (!post || post->platform_id != p.id) return NotFound("no such post", "news.not_found");
  return *post;
}

Result<Newsletter> KernteamPages::LoadLetter(Context& ctx, const platforms::Platform& p) const {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto n, commands_.FindNewsletter(id));
  if (!n || n->platform_id != p.id) return NotFound("no such newsletter", "news.not_found");
  return *n;
}

// ------------------------------------------------------ the shared pieces

http::Response KernteamPages::ShowList(Context& ctx, const platforms::Platform& p, const Writing& kind,
                                       const std::vector<std::string>& headings,
                                       std::vector<std::vector<web::Cell>> rows, json actions) {
  actions.insert(actions.begin(),
                 web::ActionLink(ctx.T(kind.new_key), ListPath(p, kind) + "/nieuw", web::ActionKind::kPrimary));
  json data = {{"actions", actions},
               {"breadcrumb", PlatformCrumbs(p, {{ctx.T(kind.list_title_key), ListPath(p, kind)}})}};
  if (rows.empty()) {
    data["empty"] = web::EmptyState(ctx.T(kind.none_key));
  } else {
    data["table"] = web::Table(ctx.T(kind.caption_key), headings, rows);
  }
  return web_.Render(ctx, "news/writing_list.html", kind.list_title_key, data);
}

http::Response KernteamPages::ShowForm(Context& ctx, const platforms::Platform& p, const Writing& kind,
                                       const std::string& line, const std::string& body, json existing,
                                       const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = kind.line_field, .label_key = "news.field." + kind.line_field, .value = line});
  form.Field({.name = "body",
              .label_key = "news.field.body",
              .value = body,
              .description_key = "news.field.body_hint",
              .textarea = true,
              .rows = 14});
  bool editing = !existing.is_null();
  std::string action = editing ? existing["admin_url"].get<std::string>() : ListPath(p, kind) + "/nieuw";
  std::string crumb = editing ? existing["name"].get<std::string>() : ctx.T(kind.new_title_key);
  json data = {{"action", action},
               {"submit", ctx.T(kind.submit_key)},
               {kind.newsletter ? "letter" : "post", existing},
               {"breadcrumb", PlatformCrumbs(p, {{ctx.T(kind.list_title_key), ListPath(p, kind)}, {crumb, action}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "news/writing_form.html", editing ? kind.edit_title_key : kind.new_title_key, data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> KernteamPages::AfterSave(Context& ctx, const platforms::Platform& p, const Writing& kind,
                                                const Result<int64_t>& saved, json existing) {
  if (!saved.has_value()) {
    if (!saved.error().has_fields()) return saved.error();
    return ShowForm(ctx, p, kind, ctx.form.Get(kind.line_field), ctx.form.Get("body"), std::move(existing),
                    &saved.error());
  }
  return web_.Redirect(ctx, ListPath(p, kind) + "/" + std::to_string(*saved), web::Flash{"success", kind.saved_key});
}

// ------------------------------------------------------------------ posts

json KernteamPages::PostExtras(Context& ctx, const platforms::Platform& p, const Post& post) const {
  json j = PostJson(ctx, zone_, post, p);
  j["name"] = post.title;
  j["preview_html"] = html::RenderMarkdown(post.body_markdown);
  bool draft = post.status == PostStatus::kDraft;
  j["toggle"] =
      web::ActionButton(ctx.T(draft ? "news.admin.publish" : "news.admin.unpublish"),
                        j["admin_url"].get<std::string>() + (draft ? "/publiceren" : "/intrekken"), ctx.csrf_token);
  return j;
}

Result<http::Response> KernteamPages::Posts(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kPosts));
  WP_ASSIGN_OR_RETURN(auto posts, commands_.Posts(p.id, true));
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& post : posts) {
    json j = PostJson(ctx, zone_, post, p);
    rows.push_back({{post.title, j["admin_url"].get<std::string>()},
                    {j["date"].get<std::string>()},
                    {j["status_label"].get<std::string>()}});
  }
  json actions = json::array({web::ActionLink(ctx.T("news.list.title"), NewsPath(p))});
  if (NewsCommands::Sends(ctx.user, p)) {
    actions.push_back(web::ActionLink(ctx.T("news.newsletter.title"), ListPath(p, kLetters)));
  }
  return ShowList(ctx, p, kPosts, {ctx.T("news.field.title"), ctx.T("news.admin.date"), ctx.T("news.admin.status")},
                  std::move(rows), actions);
}

Result<http::Response> KernteamPages::NewPost(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kPosts));
  return ShowForm(ctx, p, kPosts, "", "", nullptr, nullptr);
}

Result<http::Response> KernteamPages::CreatePost(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kPosts));
  return AfterSave(ctx, p, kPosts, commands_.CreatePost(*ctx.user, p, ctx.form.Get("title"), ctx.form.Get("body")),
                   nullptr);
}

Result<http::Response> KernteamPages::EditPost(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kPosts));
  WP_ASSIGN_OR_RETURN(Post post, LoadPost(ctx, p));
  return ShowForm(ctx, p, kPosts, post.title, post.body_markdown, PostExtras(ctx, p, post), nullptr);
}

Result<http::Response> KernteamPages::UpdatePost(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kPosts));
  WP_ASSIGN_OR_RETURN(Post post, LoadPost(ctx, p));
  auto updated = commands_.UpdatePost(*ctx.user, p, post.id, ctx.form.Get("title"), ctx.form.Get("body"));
  Result<int64_t> saved = updated.has_value() ? Result<int64_t>(post.id) : Result<int64_t>(updated.error());
  return AfterSave(ctx, p, kPosts, saved, PostExtras(ctx, p, post));
}

Result<http::Response> KernteamPages::SetPublished(Context& ctx, bool published) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kPosts));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_TRY_VOID(commands_.SetPublished(*ctx.user, p, id, published));
  return web_.Redirect(ctx, ListPath(p, kPosts) + "/" + std::to_string(id),
                       web::Flash{"success", published ? "news.admin.published" : "news.admin.unpublished"});
}

Result<http::Response> KernteamPages::PublishPost(Context& ctx) { return SetPublished(ctx, true); }
Result<http::Response> KernteamPages::WithdrawPost(Context& ctx) { return SetPublished(ctx, false); }

// ------------------------------------------------------------ newsletters

Result<json> KernteamPages::LetterExtras(Context& ctx, const platforms::Platform& p, const Newsletter& n) const {
  json j = LetterJson(ctx, zone_, n, p);
  j["name"] = n.subject;
  j["preview_html"] = html::RenderMarkdown(n.body_markdown);
  if (!n.sent_at && p.status != platforms::PlatformStatus::kRecognised) {
    j["not_recognised"] = true;
  } else if (!n.sent_at) {
    WP_ASSIGN_OR_RETURN(auto recipients, commands_.directory().Recipients(p.id, platforms::MailTopic::kNewsletter));
    j["recipient_count"] = recipients.size();
    j["send"] = web::ActionButton(ctx.T("news.newsletter.send"), j["admin_url"].get<std::string>() + "/versturen",
                                  ctx.csrf_token, web::ActionKind::kPrimary);
  }
  return j;
}

Result<http::Response> KernteamPages::Newsletters(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kLetters));
  WP_ASSIGN_OR_RETURN(auto letters, commands_.Newsletters(p.id, true));
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& n : letters) {
    json j = LetterJson(ctx, zone_, n, p);
    rows.push_back({{n.subject, j["admin_url"].get<std::string>()},
                    {j["date"].get<std::string>()},
                    {j["status_label"].get<std::string>()},
                    {n.sent_at ? std::to_string(n.recipient_count) : "", "", true}});
  }
  return ShowList(ctx, p, kLetters,
                  {ctx.T("news.field.subject"), ctx.T("news.admin.date"), ctx.T("news.admin.status"),
                   ctx.T("news.newsletter.recipients")},
                  std::move(rows), json::array());
}

Result<http::Response> KernteamPages::NewLetter(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kLetters));
  return ShowForm(ctx, p, kLetters, "", "", nullptr, nullptr);
}

Result<http::Response> KernteamPages::CreateLetter(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kLetters));
  return AfterSave(ctx, p, kLetters,
                   commands_.CreateNewsletter(*ctx.user, p, ctx.form.Get("subject"), ctx.form.Get("body")), nullptr);
}

Result<http::Response> KernteamPages::EditLetter(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kLetters));
  WP_ASSIGN_OR_RETURN(Newsletter n, LoadLetter(ctx, p));
  WP_ASSIGN_OR_RETURN(json extras, LetterExtras(ctx, p, n));
  return ShowForm(ctx, p, kLetters, n.subject, n.body_markdown, std::move(extras), nullptr);
}

Result<http::Response> KernteamPages::UpdateLetter(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kLetters));
  WP_ASSIGN_OR_RETURN(Newsletter n, LoadLetter(ctx, p));
  auto updated = commands_.UpdateNewsletter(*ctx.user, p, n.id, ctx.form.Get("subject"), ctx.form.Get("body"));
  Result<int64_t> saved = updated.has_value() ? Result<int64_t>(n.id) : Result<int64_t>(updated.error());
  WP_ASSIGN_OR_RETURN(json extras, LetterExtras(ctx, p, n));
  return AfterSave(ctx, p, kLetters, saved, std::move(extras));
}

Result<http::Response> KernteamPages::SendLetter(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, Managed(ctx, kLetters));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t sent, commands_.SendNewsletter(*ctx.user, p, id));
  return web_.Redirect(ctx, ListPath(p, kLetters) + "/" + std::to_string(id),
                       web::Flash{"success", "news.newsletter.sent"});
}

}  // namespace wp::news
