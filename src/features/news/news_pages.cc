#include "features/news/news_pages.h"

#include "core/html/markdown.h"
#include "core/web/components.h"
#include "features/news/news_view.h"

namespace wp::news {

namespace {

using nlohmann::json;
using web::Context;

json PlatformJson(const platforms::Platform& p) { return {{"name", p.name}, {"slug", p.slug}}; }

}  // namespace

Result<NewsPages::Reader> NewsPages::ReaderOf(const Context& ctx, const platforms::Platform& p) const {
  Reader r;
  r.writes = NewsCommands::Sends(ctx.user, p) || NewsCommands::Writes(ctx.user, p);
  if (!ctx.user) return r;
  WP_ASSIGN_OR_RETURN(r.member, commands_.directory().IsMember(p.id, ctx.user->id));
  return r;
}

Result<http::Response> NewsPages::List(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(auto posts, commands_.Posts(p.id, false));
  json list = json::array();
  for (const auto& post : posts) {
    json j = PostJson(ctx, zone_, post, p);
    j["body_html"] = html::RenderMarkdown(post.body_markdown);
    list.push_back(j);
  }
  WP_ASSIGN_OR_RETURN(Reader reader, ReaderOf(ctx, p));
  json data = {{"platform", PlatformJson(p)},
               {"posts", list},
               {"breadcrumb", PlatformCrumbs(p, {{ctx.T("news.list.title"), NewsPath(p)}})},
               // The archive is for members: linked for them and for visitors
               // who are not signed in yet (it asks them to), not for others.
               {"archive", !ctx.user || reader.writes || reader.member},
               {"feed_url", NewsPath(p) + ".atom"},
               {"feed_title", ctx.T("news.feed.title", {{"platform", p.name}})}};
  if (posts.empty()) data["empty"] = web::EmptyState(ctx.T("news.list.none"));
  if (NewsCommands::Writes(ctx.user, p)) {
    data["manage"] = web::ActionLink(ctx.T("news.list.manage"), "/wijkplatform/" + p.slug + "/beheer/nieuws");
  }
  return web_.Render(ctx, "news/list.html", "news.list.title", data);
}

Result<http::Response> NewsPages::Feed(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(std::string feed, commands_.Feed(p));
  http::Response r;
  r.headers.Set("Content-Type", "application/atom+xml; charset=utf-8");
  r.headers.Set("Cache-Control", "public, max-age=300");
  r.body = std::move(feed);
  return r;
}

Result<http::Response> NewsPages::Post(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto post, commands_.FindPost(id));
  bool writes = NewsCommands::Writes(ctx.user, p);
  if (!post || post->platform_id != p.id || !CanSeePost(*post, writes))
    return NotFound("no such post", "news.not_found");
  json data = PostJson(ctx, zone_, *post, p);
  data["platform"] = PlatformJson(p);
  data["breadcrumb"] =
      PlatformCrumbs(p, {{ctx.T("news.list.title"), NewsPath(p)}, {post->title, data["url"].get<std::string>()}});
  data["body_html"] = html::RenderMarkdown(post->body_markdown);
  if (writes) data["edit"] = web::ActionLink(ctx.T("news.post.edit"), data["admin_url"].get<std::string>());
  return web_.Render(ctx, "news/post.html", "news.post.title", data);
}

Result<http::Response> NewsPages::Archive(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(Reader reader, ReaderOf(ctx, p));
  if (!reader.writes && !reader.member) return Forbidden("members only", "news.archive.members_only");
  WP_ASSIGN_OR_RETURN(auto letters, commands_.Newsletters(p.id, false));
  json cards = json::array();
  for (const auto& n : letters) {
    json j = LetterJson(ctx, zone_, n, p);
    cards.push_back(web::Card({.title = n.subject,
                               .href = j["url"].get<std::string>(),
                               .meta = j["date"].get<std::string>(),
                               .heading_level = 2}));
  }
  json data = {{"platform", PlatformJson(p)},
               {"letters", cards},
               {"breadcrumb", PlatformCrumbs(p, {{ctx.T("news.archive.title"), ArchivePath(p)}})}};
  if (letters.empty()) data["empty"] = web::EmptyState(ctx.T("news.newsletter.none"));
  return web_.Render(ctx, "news/archive.html", "news.archive.title", data);
}

Result<http::Response> NewsPages::Newsletter(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(Reader reader, ReaderOf(ctx, p));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto n, commands_.FindNewsletter(id));
  if (!n || n->platform_id != p.id) return NotFound("no such newsletter", "news.not_found");
  if (!CanSeeNewsletter(*n, reader.writes, reader.member)) {
    return Forbidden("members only", "news.archive.members_only");
  }
  json data = LetterJson(ctx, zone_, *n, p);
  data["title"] = n->subject;
  data["platform"] = PlatformJson(p);
  data["breadcrumb"] =
      PlatformCrumbs(p, {{ctx.T("news.archive.title"), ArchivePath(p)}, {n->subject, data["url"].get<std::string>()}});
  data["body_html"] = html::RenderMarkdown(n->body_markdown);
  return web_.Render(ctx, "news/newsletter.html", "news.archive.title", data);
}

}  // namespace wp::news
