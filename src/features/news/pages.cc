#include "features/news/pages.h"

#include "core/time/format.h"
#include "core/web/forms.h"
#include "features/news/markdown.h"

namespace wp::news {

namespace {

using nlohmann::json;
using web::Context;
using web::FormErrors;

int64_t ParseId(std::string_view s) {
  if (s.empty() || s.size() > 15) return 0;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string LabelOf(const std::string& field) {
  if (field == "title") return "news.field.title";
  if (field == "subject") return "news.field.subject";
  return "news.field.body";
}

}  // namespace

void AddNewsRoutes(http::Router& router, const web::Web& web, NewsCommands& commands, const time::TimeZone& zone) {
  const platforms::PlatformDirectory& directory = commands.directory();

  auto platform_of = [&web, &directory](Context& ctx, std::string_view slug,
                                        http::Response& out) -> std::optional<platforms::Platform> {
    auto p = directory.FindBySlug(slug);
    if (!p.has_value()) {
      out = web.ErrorPage(ctx, p.error());
      return std::nullopt;
    }
    if (!*p) {
      out = web.ErrorPage(ctx, NotFound("no such platform"));
      return std::nullopt;
    }
    return **p;
  };
  // For kernteam pages: the platform when the user may write news (or send newsletters).
  auto managed = [&web, platform_of](Context& ctx, std::string_view slug, bool newsletter,
                                     http::Response& out) -> std::optional<platforms::Platform> {
    auto p = platform_of(ctx, slug, out);
    if (!p) return std::nullopt;
    bool ok = newsletter ? NewsCommands::Sends(ctx.user, *p) : NewsCommands::Writes(ctx.user, *p);
    if (!ok) {
      out = web.ErrorPage(ctx, Forbidden("not kernteam", "news.error.forbidden"));
      return std::nullopt;
    }
    return p;
  };
  auto platform_json = [](const platforms::Platform& p) { return json{{"name", p.name}, {"slug", p.slug}}; };
  auto post_json = [&zone](const Post& post, const platforms::Platform& p, const Context& ctx) {
    return json{{"id", post.id},
                {"title", post.title},
                {"draft", post.status == PostStatus::kDraft},
                {"date", time::FormatDate(zone, post.published_at.value_or(post.created_at), ctx.locale)},
                {"author", post.author_name},
                {"url", "/wijkplatform/" + p.slug + "/nieuws/" + std::to_string(post.id)},
                {"admin_url", "/wijkplatform/" + p.slug + "/beheer/nieuws/" + std::to_string(post.id)}};
  };
  auto letter_json = [&zone](const Newsletter& n, const platforms::Platform& p, const Context& ctx) {
    return json{{"id", n.id},
                {"subject", n.subject},
                {"sent", n.sent_at.has_value()},
                {"date", time::FormatDate(zone, n.sent_at.value_or(n.created_at), ctx.locale)},
                {"recipients", n.recipient_count},
                {"url", "/wijkplatform/" + p.slug + "/nieuwsbrieven/" + std::to_string(n.id)},
                {"admin_url", "/wijkplatform/" + p.slug + "/beheer/nieuwsbrief/" + std::to_string(n.id)}};
  };

  auto archive_access = [&directory](Context& ctx, const platforms::Platform& p) -> std::pair<bool, bool> {
    bool writes = NewsCommands::Sends(ctx.user, p) || NewsCommands::Writes(ctx.user, p);
    bool member = false;
    if (ctx.user) {
      auto m = directory.IsMember(p.id, ctx.user->id);
      member = m.has_value() && *m;
    }
    return {writes, member};
  };

  // --- public ---
  router.Get("/wijkplatform/{slug}/nieuws",
             web.Page([&web, &commands, platform_of, platform_json, post_json, archive_access](http::Request& req,
                                                                                              Context& ctx) {
               http::Response err;
               auto p = platform_of(ctx, req.Param("slug"), err);
               if (!p) return err;
               auto posts = commands.Posts(p->id, false);
               if (!posts.has_value()) return web.ErrorPage(ctx, posts.error());
               json data;
               data["platform"] = platform_json(*p);
               data["posts"] = json::array();
               for (const auto& post : *posts) {
                 json j = post_json(post, *p, ctx);
                 j["body_html"] = RenderMarkdown(post.body_markdown);
                 data["posts"].push_back(j);
               }
               data["writes"] = NewsCommands::Writes(ctx.user, *p);
               // The archive is for members: linked for them and for visitors
               // who are not signed in yet (it asks them to), not for others.
               auto [sends_or_writes, member] = archive_access(ctx, *p);
               data["archive"] = !ctx.user || sends_or_writes || member;
               data["feed_url"] = "/wijkplatform/" + p->slug + "/nieuws.atom";
               data["feed_title"] = ctx.T("news.feed.title", {{"platform", p->name}});
               return web.Render(ctx, "news/list.html", "news.list.title", data);
             }));

  router.Get("/wijkplatform/{slug}/nieuws.atom", web.Page([&web, &commands, platform_of](http::Request& req, Context& ctx) {
    http::Response err;
    auto p = platform_of(ctx, req.Param("slug"), err);
    if (!p) return err;
    auto feed = commands.Feed(*p);
    if (!feed.has_value()) return web.ErrorPage(ctx, feed.error());
    http::Response r;
    r.headers.Set("Content-Type", "application/atom+xml; charset=utf-8");
    r.headers.Set("Cache-Control", "public, max-age=300");
    r.body = std::move(*feed);
    return r;
  }));

  router.Get("/wijkplatform/{slug}/nieuws/{id}",
             web.Page([&web, &commands, platform_of, platform_json, post_json](http::Request& req, Context& ctx) {
               http::Response err;
               auto p = platform_of(ctx, req.Param("slug"), err);
               if (!p) return err;
               auto post = commands.FindPost(ParseId(req.Param("id")));
               if (!post.has_value()) return web.ErrorPage(ctx, post.error());
               bool writes = NewsCommands::Writes(ctx.user, *p);
               if (!*post || (*post)->platform_id != p->id || !CanSeePost(**post, writes)) {
                 return web.ErrorPage(ctx, NotFound("no such post"));
               }
               json data = post_json(**post, *p, ctx);
               data["platform"] = platform_json(*p);
               data["body_html"] = RenderMarkdown((*post)->body_markdown);
               data["writes"] = writes;
               return web.Render(ctx, "news/post.html", "news.post.title", data);
             }));

  router.Get("/wijkplatform/{slug}/nieuwsbrieven",
             web.Page([&web, &commands, platform_of, platform_json, letter_json, archive_access](http::Request& req,
                                                                                                 Context& ctx) {
               http::Response err;
               auto p = platform_of(ctx, req.Param("slug"), err);
               if (!p) return err;
               auto [writes, member] = archive_access(ctx, *p);
               if (!writes && !member) return web.ErrorPage(ctx, Forbidden("members only", "news.archive.members_only"));
               auto list = commands.Newsletters(p->id, false);
               if (!list.has_value()) return web.ErrorPage(ctx, list.error());
               json data;
               data["platform"] = platform_json(*p);
               data["letters"] = json::array();
               for (const auto& n : *list) data["letters"].push_back(letter_json(n, *p, ctx));
               return web.Render(ctx, "news/archive.html", "news.archive.title", data);
             }, {.require_login = true}));

  router.Get("/wijkplatform/{slug}/nieuwsbrieven/{id}",
             web.Page([&web, &commands, platform_of, platform_json, letter_json, archive_access](http::Request& req,
                                                                                                 Context& ctx) {
               http::Response err;
               auto p = platform_of(ctx, req.Param("slug"), err);
               if (!p) return err;
               auto [writes, member] = archive_access(ctx, *p);
               auto n = commands.FindNewsletter(ParseId(req.Param("id")));
               if (!n.has_value()) return web.ErrorPage(ctx, n.error());
               if (!*n || (*n)->platform_id != p->id) return web.ErrorPage(ctx, NotFound("no such newsletter"));
               if (!CanSeeNewsletter(**n, writes, member)) {
                 return web.ErrorPage(ctx, Forbidden("members only", "news.archive.members_only"));
               }
               json data = letter_json(**n, *p, ctx);
               data["title"] = (*n)->subject;
               data["platform"] = platform_json(*p);
               data["body_html"] = RenderMarkdown((*n)->body_markdown);
               return web.Render(ctx, "news/newsletter.html", "news.archive.title", data);
             }, {.require_login = true}));

  // --- kernteam: posts ---
  auto render_post_form = [&web, platform_json](Context& ctx, const platforms::Platform& p, const std::string& title,
                                                const std::string& body, const FormErrors& errors,
                                                std::optional<Post> existing, int status) {
    json data;
    data["platform"] = platform_json(p);
    data["fields"]["title"] = web::FieldJson(ctx, {.name = "title", .label_key = "news.field.title", .value = title,
                                                   .error_key = errors.KeyFor("title")});
    data["fields"]["body"] = web::FieldJson(ctx, {.name = "body", .label_key = "news.field.body", .value = body,
                                                  .description_key = "news.field.body_hint",
                                                  .error_key = errors.KeyFor("body"), .textarea = true, .rows = 14});
    errors.AppendTo(data);
    std::string base = "/wijkplatform/" + p.slug + "/beheer/nieuws";
    if (existing) {
      data["editing"] = true;
      data["draft"] = existing->status == PostStatus::kDraft;
      data["action"] = base + "/" + std::to_string(existing->id);
      data["url"] = "/wijkplatform/" + p.slug + "/nieuws/" + std::to_string(existing->id);
      data["preview_html"] = RenderMarkdown(existing->body_markdown);
      return web.Render(ctx, "news/post_form.html", "news.admin.edit_title", data, status);
    }
    data["action"] = base + "/nieuw";
    return web.Render(ctx, "news/post_form.html", "news.admin.new_title", data, status);
  };
  auto add_errors = [](Context& ctx, FormErrors& errors, const std::vector<NewsFieldError>& list) {
    for (const auto& fe : list) errors.Add(ctx, fe.field, LabelOf(fe.field), std::string(NewsFieldProblemKey(fe.problem)));
  };

  router.Get("/wijkplatform/{slug}/beheer/nieuws",
             web.Page([&web, &commands, managed, platform_json, post_json](http::Request& req, Context& ctx) {
               http::Response err;
               auto p = managed(ctx, req.Param("slug"), false, err);
               if (!p) return err;
               auto posts = commands.Posts(p->id, true);
               if (!posts.has_value()) return web.ErrorPage(ctx, posts.error());
               json data;
               data["platform"] = platform_json(*p);
               data["posts"] = json::array();
               for (const auto& post : *posts) data["posts"].push_back(post_json(post, *p, ctx));
               data["has_posts"] = !data["posts"].empty();
               data["sends"] = NewsCommands::Sends(ctx.user, *p);
               return web.Render(ctx, "news/admin_list.html", "news.admin.title", data);
             }, {.require_login = true}));

  router.Get("/wijkplatform/{slug}/beheer/nieuws/nieuw", web.Page([managed, render_post_form](http::Request& req, Context& ctx) {
    http::Response err;
    auto p = managed(ctx, req.Param("slug"), false, err);
    if (!p) return err;
    return render_post_form(ctx, *p, "", "", FormErrors(), std::nullopt, 200);
  }, {.require_login = true}));

  router.Post("/wijkplatform/{slug}/beheer/nieuws/nieuw",
              web.Page([&web, &commands, managed, render_post_form, add_errors](http::Request& req, Context& ctx) {
                http::Response err;
                auto p = managed(ctx, req.Param("slug"), false, err);
                if (!p) return err;
                NewsRejected rejected;
                auto id = commands.CreatePost(*ctx.user, *p, ctx.form.Get("title"), ctx.form.Get("body"), &rejected);
                if (!id.has_value()) {
                  if (id.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, id.error());
                  FormErrors errors;
                  add_errors(ctx, errors, rejected.errors);
                  return render_post_form(ctx, *p, ctx.form.Get("title"), ctx.form.Get("body"), errors, std::nullopt, 422);
                }
                return web.Redirect(ctx, "/wijkplatform/" + p->slug + "/beheer/nieuws/" + std::to_string(*id),
                                    web::Flash{"success", "news.admin.saved"});
              }, {.require_login = true}));

  auto load_post = [&web, &commands](Context& ctx, const platforms::Platform& p, int64_t id,
                                     http::Response& out) -> std::optional<Post> {
    auto post = commands.FindPost(id);
    if (!post.has_value()) {
      out = web.ErrorPage(ctx, post.error());
      return std::nullopt;
    }
    if (!*post || (*post)->platform_id != p.id) {
      out = web.ErrorPage(ctx, NotFound("no such post"));
      return std::nullopt;
    }
    return **post;
  };

  router.Get("/wijkplatform/{slug}/beheer/nieuws/{id}",
             web.Page([managed, load_post, render_post_form](http::Request& req, Context& ctx) {
               http::Response err;
               auto p = managed(ctx, req.Param("slug"), false, err);
               if (!p) return err;
               auto post = load_post(ctx, *p, ParseId(req.Param("id")), err);
               if (!post) return err;
               return render_post_form(ctx, *p, post->title, post->body_markdown, FormErrors(), post, 200);
             }, {.require_login = true}));

  router.Post("/wijkplatform/{slug}/beheer/nieuws/{id}",
              web.Page([&web, &commands, managed, load_post, render_post_form, add_errors](http::Request& req, Context& ctx) {
                http::Response err;
                auto p = managed(ctx, req.Param("slug"), false, err);
                if (!p) return err;
                auto post = load_post(ctx, *p, ParseId(req.Param("id")), err);
                if (!post) return err;
                NewsRejected rejected;
                auto r = commands.UpdatePost(*ctx.user, *p, post->id, ctx.form.Get("title"), ctx.form.Get("body"), &rejected);
                if (!r.has_value()) {
                  if (r.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, r.error());
                  FormErrors errors;
                  add_errors(ctx, errors, rejected.errors);
                  return render_post_form(ctx, *p, ctx.form.Get("title"), ctx.form.Get("body"), errors, post, 422);
                }
                return web.Redirect(ctx, "/wijkplatform/" + p->slug + "/beheer/nieuws/" + std::to_string(post->id),
                                    web::Flash{"success", "news.admin.saved"});
              }, {.require_login = true}));

  for (bool publish : {true, false}) {
    router.Post(std::string("/wijkplatform/{slug}/beheer/nieuws/{id}/") + (publish ? "publiceren" : "intrekken"),
                web.Page([&web, &commands, managed, publish](http::Request& req, Context& ctx) {
                  http::Response err;
                  auto p = managed(ctx, req.Param("slug"), false, err);
                  if (!p) return err;
                  int64_t id = ParseId(req.Param("id"));
                  auto r = commands.SetPublished(*ctx.user, *p, id, publish);
                  if (!r.has_value()) return web.ErrorPage(ctx, r.error());
                  return web.Redirect(ctx, "/wijkplatform/" + p->slug + "/beheer/nieuws/" + std::to_string(id),
                                      web::Flash{"success", publish ? "news.admin.published" : "news.admin.unpublished"});
                }, {.require_login = true}));
  }

  // --- kernteam: newsletters ---
  auto render_letter = [&web, &commands, platform_json, letter_json](
                           Context& ctx, const platforms::Platform& p, const std::string& subject,
                           const std::string& body, const FormErrors& errors, std::optional<Newsletter> existing,
                           int status) {
    json data;
    data["platform"] = platform_json(p);
    data["fields"]["subject"] = web::FieldJson(ctx, {.name = "subject", .label_key = "news.field.subject",
                                                     .value = subject, .error_key = errors.KeyFor("subject")});
    data["fields"]["body"] = web::FieldJson(ctx, {.name = "body", .label_key = "news.field.body", .value = body,
                                                  .description_key = "news.field.body_hint",
                                                  .error_key = errors.KeyFor("body"), .textarea = true, .rows = 14});
    errors.AppendTo(data);
    std::string base = "/wijkplatform/" + p.slug + "/beheer/nieuwsbrief";
    if (existing) {
      data["letter"] = letter_json(*existing, p, ctx);
      data["editing"] = true;
      data["action"] = base + "/" + std::to_string(existing->id);
      data["preview_subject"] = existing->subject;
      data["preview_html"] = RenderMarkdown(existing->body_markdown);
      auto recipients = commands.directory().Recipients(p.id, platforms::MailTopic::kNewsletter);
      data["recipient_count"] = recipients.has_value() ? json(recipients->size()) : json("?");
      return web.Render(ctx, "news/newsletter_form.html", "news.newsletter.edit_title", data, status);
    }
    data["action"] = base + "/nieuw";
    return web.Render(ctx, "news/newsletter_form.html", "news.newsletter.new_title", data, status);
  };

  router.Get("/wijkplatform/{slug}/beheer/nieuwsbrief",
             web.Page([&web, &commands, managed, platform_json, letter_json](http::Request& req, Context& ctx) {
               http::Response err;
               auto p = managed(ctx, req.Param("slug"), true, err);
               if (!p) return err;
               auto list = commands.Newsletters(p->id, true);
               if (!list.has_value()) return web.ErrorPage(ctx, list.error());
               json data;
               data["platform"] = platform_json(*p);
               data["letters"] = json::array();
               for (const auto& n : *list) data["letters"].push_back(letter_json(n, *p, ctx));
               data["has_letters"] = !data["letters"].empty();
               return web.Render(ctx, "news/newsletters_admin.html", "news.newsletter.title", data);
             }, {.require_login = true}));

  router.Get("/wijkplatform/{slug}/beheer/nieuwsbrief/nieuw", web.Page([managed, render_letter](http::Request& req, Context& ctx) {
    http::Response err;
    auto p = managed(ctx, req.Param("slug"), true, err);
    if (!p) return err;
    return render_letter(ctx, *p, "", "", FormErrors(), std::nullopt, 200);
  }, {.require_login = true}));

  router.Post("/wijkplatform/{slug}/beheer/nieuwsbrief/nieuw",
              web.Page([&web, &commands, managed, render_letter, add_errors](http::Request& req, Context& ctx) {
                http::Response err;
                auto p = managed(ctx, req.Param("slug"), true, err);
                if (!p) return err;
                NewsRejected rejected;
                auto id = commands.CreateNewsletter(*ctx.user, *p, ctx.form.Get("subject"), ctx.form.Get("body"), &rejected);
                if (!id.has_value()) {
                  if (id.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, id.error());
                  FormErrors errors;
                  add_errors(ctx, errors, rejected.errors);
                  return render_letter(ctx, *p, ctx.form.Get("subject"), ctx.form.Get("body"), errors, std::nullopt, 422);
                }
                return web.Redirect(ctx, "/wijkplatform/" + p->slug + "/beheer/nieuwsbrief/" + std::to_string(*id),
                                    web::Flash{"success", "news.newsletter.saved"});
              }, {.require_login = true}));

  auto load_letter = [&web, &commands](Context& ctx, const platforms::Platform& p, int64_t id,
                                       http::Response& out) -> std::optional<Newsletter> {
    auto n = commands.FindNewsletter(id);
    if (!n.has_value()) {
      out = web.ErrorPage(ctx, n.error());
      return std::nullopt;
    }
    if (!*n || (*n)->platform_id != p.id) {
      out = web.ErrorPage(ctx, NotFound("no such newsletter"));
      return std::nullopt;
    }
    return **n;
  };

  router.Get("/wijkplatform/{slug}/beheer/nieuwsbrief/{id}",
             web.Page([managed, load_letter, render_letter](http::Request& req, Context& ctx) {
               http::Response err;
               auto p = managed(ctx, req.Param("slug"), true, err);
               if (!p) return err;
               auto n = load_letter(ctx, *p, ParseId(req.Param("id")), err);
               if (!n) return err;
               return render_letter(ctx, *p, n->subject, n->body_markdown, FormErrors(), n, 200);
             }, {.require_login = true}));

  router.Post("/wijkplatform/{slug}/beheer/nieuwsbrief/{id}",
              web.Page([&web, &commands, managed, load_letter, render_letter, add_errors](http::Request& req, Context& ctx) {
                http::Response err;
                auto p = managed(ctx, req.Param("slug"), true, err);
                if (!p) return err;
                auto n = load_letter(ctx, *p, ParseId(req.Param("id")), err);
                if (!n) return err;
                NewsRejected rejected;
                auto r = commands.UpdateNewsletter(*ctx.user, *p, n->id, ctx.form.Get("subject"), ctx.form.Get("body"),
                                                   &rejected);
                if (!r.has_value()) {
                  if (r.error().code != ErrorCode::kInvalidInput) return web.ErrorPage(ctx, r.error());
                  FormErrors errors;
                  add_errors(ctx, errors, rejected.errors);
                  return render_letter(ctx, *p, ctx.form.Get("subject"), ctx.form.Get("body"), errors, n, 422);
                }
                return web.Redirect(ctx, "/wijkplatform/" + p->slug + "/beheer/nieuwsbrief/" + std::to_string(n->id),
                                    web::Flash{"success", "news.newsletter.saved"});
              }, {.require_login = true}));

  router.Post("/wijkplatform/{slug}/beheer/nieuwsbrief/{id}/versturen",
              web.Page([&web, &commands, managed](http::Request& req, Context& ctx) {
                http::Response err;
                auto p = managed(ctx, req.Param("slug"), true, err);
                if (!p) return err;
                int64_t id = ParseId(req.Param("id"));
                auto r = commands.SendNewsletter(*ctx.user, *p, id);
                std::string back = "/wijkplatform/" + p->slug + "/beheer/nieuwsbrief/" + std::to_string(id);
                if (!r.has_value()) {
                  if (r.error().code == ErrorCode::kConflict) {
                    return web.Message(ctx, 409, "news.newsletter.title", r.error().user_message_key);
                  }
                  return web.ErrorPage(ctx, r.error());
                }
                return web.Redirect(ctx, back, web::Flash{"success", "news.newsletter.sent"});
              }, {.require_login = true}));
}

}  // namespace wp::news
