#include "core/web/web.h"

#include <exception>
#include <iostream>

#include "core/auth/tokens.h"
#include "core/http/error_response.h"
#include "core/http/local_path.h"
#include "core/strings.h"
#include "core/web/session_cookie.h"

namespace wp::web {

std::string Context::T(std::string_view key, const i18n::Args& args) const {
  if (!catalog) return std::string(key);
  return catalog->Format(locale, key, args);
}

std::string_view Context::Param(std::string_view name) const {
  return request ? request->Param(name) : std::string_view();
}

Result<int64_t> Context::IdParam(std::string_view name) const {
  auto id = ParseId(Param(name));
  if (!id) return NotFound("not an id: " + std::string(name), "web.not_found");
  return *id;
}

std::optional<std::string> Context::Query(std::string_view name) const {
  return request ? request->QueryParam(name) : std::nullopt;
}

void Context::RotateSession(std::string new_token, std::string_view csrf_secret) {
  session_token = std::move(new_token);
  session_changed = true;
  csrf_token = auth::CsrfTokenFor(csrf_secret, session_token);
}

Web::Web(SiteOptions options, const html::TemplateSet& templates, const i18n::Catalog& catalog, Random& random)
    : options_(std::move(options)), templates_(templates), catalog_(catalog), random_(random) {}

namespace {

std::string LocaleFromAcceptLanguage(std::string_view header) {
  // Take the first supported language in the list (quality values are
  // ignored beyond order, which browsers already sort by).
  for (auto part : Split(header, ',')) {
    std::string_view tag = Trim(part.substr(0, part.find(';')));
    std::string lang = ToLower(tag.substr(0, tag.find('-')));
    if (i18n::IsSupportedLocale(lang)) return lang;
  }
  return std::string(i18n::kDefaultLocale);
}

}  // namespace

Context Web::MakeContext(http::Request& req) const {
  Context ctx;
  ctx.request = &req;
  ctx.catalog = &catalog_;
  auto cookie = req.Cookie(SessionCookieName(options_.secure_cookies));
  if (cookie && auth::LooksLikeToken(*cookie)) {
    ctx.session_token = *cookie;
  } else {
    ctx.session_token = auth::NewToken(random_);
    ctx.session_changed = true;
  }
  ctx.csrf_token = auth::CsrfTokenFor(options_.csrf_secret, ctx.session_token);
  if (!ctx.session_changed && identity_) ctx.user = identity_(ctx.session_token);

  auto lang_cookie = req.Cookie(CookieName(kLocaleCookie, options_.secure_cookies));
  if (lang_cookie && i18n::IsSupportedLocale(*lang_cookie)) {
    ctx.locale = *lang_cookie;
  } else if (ctx.user && i18n::IsSupportedLocale(ctx.user->locale)) {
    ctx.locale = ctx.user->locale;
  } else {
    ctx.locale = LocaleFromAcceptLanguage(req.Header("Accept-Language"));
  }

  if (auto flash = req.Cookie(CookieName(kFlashCookie, options_.secure_cookies))) {
    size_t colon = flash->find(':');
    if (colon != std::string::npos) {
      std::string kind = flash->substr(0, colon);
      std::string key = flash->substr(colon + 1);
      bool kind_ok = kind == "success" || kind == "info" || kind == "warning" || kind == "error";
      if (kind_ok && catalog_.Has(i18n::kDefaultLocale, key)) ctx.flash = Flash{kind, key};
    }
  }
  return ctx;
}

void Web::Finish(Context& ctx, http::Response& resp) const {
  http::CookieOptions opts;
  opts.secure = options_.secure_cookies;
  if (ctx.session_changed) {
    opts.max_age_seconds = options_.session_max_age_seconds;
    resp.headers.Add("Set-Cookie",
                     http::SetCookieValue(SessionCookieName(options_.secure_cookies), ctx.session_token, opts));
  }
  if (ctx.next_flash) {
    http::CookieOptions f = opts;
    f.max_age_seconds = 60;
    resp.headers.Add("Set-Cookie", http::SetCookieValue(CookieName(kFlashCookie, options_.secure_cookies),
                                                        ctx.next_flash->kind + ":" + ctx.next_flash->key, f));
  } else if (ctx.flash) {
    http::CookieOptions f = opts;
    f.max_age_seconds = 0;
    resp.headers.Add("Set-Cookie", http::SetCookieValue(CookieName(kFlashCookie, options_.secure_cookies), "", f));
  }
  // Pages depend on the session; never let shared caches keep them.
  if (!resp.headers.Has("Cache-Control")) resp.headers.Set("Cache-Control", "no-store");
  resp.headers.Set("Content-Language", ctx.locale);
}

http::Handler Web::Page(Handler fn, PageOptions page_options) const {
  return [this, fn = std::move(fn), page_options](http::Request& req) -> http::Response {
    return Serve(req, page_options, [this, &fn](http::Request&, Context& ctx) {
      Result<http::Response> r = fn(ctx);
      return r.has_value() ? std::move(*r) : ErrorPage(ctx, r.error());
    });
  };
}

http::Response Web::Serve(http::Request& req, const PageOptions& page_options,
                          const std::function<http::Response(http::Request&, Context&)>& fn) const {
  Context ctx = MakeContext(req);
  http::Response resp;
  try {
    bool needs_login = page_options.require_login || page_options.require_role.has_value();
    if (needs_login && !ctx.user) {
      if (req.method == http::Method::kGet || req.method == http::Method::kHead) {
        resp = Redirect(ctx, "/inloggen?next=" + http::PercentEncode(req.target), Flash{"info", "web.login_required"});
      } else {
        resp = Message(ctx, 401, "web.error.title", "web.login_required");
      }
    } else if (page_options.require_role && !ctx.user->HasRole(*page_options.require_role) &&
               !ctx.user->IsAdministrator()) {
      resp = Message(ctx, 403, "web.error.title", "web.forbidden");
    } else if (req.method == http::Method::kPost) {
      auto form = http::ParseForm(req, options_.form_limits);
      if (!form.has_value()) {
        resp = Message(ctx, 400, "web.error.title", "web.bad_form");
      } else {
        ctx.form = std::move(*form);
        bool csrf_ok = !page_options.check_csrf ||
                       (!ctx.session_changed &&
                        auth::CheckCsrfToken(options_.csrf_secret, ctx.session_token, ctx.form.Get(kCsrfField)));
        resp = csrf_ok ? fn(req, ctx) : Message(ctx, 403, "web.error.title", "web.bad_csrf");
      }
    } else if (page_cache_ && page_options.public_cache && req.method == http::Method::kGet && !ctx.user &&
               !ctx.flash) {
      resp = ServeCached(req, ctx, fn);
    } else {
      resp = fn(req, ctx);
    }
  } catch (const std::exception& e) {
    std::cerr << "{\"level\":\"error\",\"request_id\":\"" << req.request_id << "\",\"what\":\"unhandled exception\"}"
              << std::endl;
    resp = Message(ctx, 500, "web.error.title", "web.internal_error");
  }
  Finish(ctx, resp);
  return resp;
}

void Web::EnablePageCache(PageCacheOptions options, std::function<uint64_t()> data_generation,
                          std::function<int64_t()> now_ms) {
  page_cache_ = options.max_age_ms > 0 ? std::make_unique<PageCache>(options) : nullptr;
  data_generation_ = std::move(data_generation);
  now_ms_ = std::move(now_ms);
}

PageCacheStats Web::page_cache_stats() const { return page_cache_ ? page_cache_->Stats() : PageCacheStats{}; }

http::Response Web::ServeCached(http::Request& req, Context& ctx,
                                const std::function<http::Response(http::Request&, Context&)>& fn) const {
  const std::string key = ctx.locale + " " + req.target;
  // Read before rendering: a write that ends while the page renders makes
  // it stale at once.
  const uint64_t generation = data_generation_();
  const int64_t now = now_ms_();
  if (auto hit = page_cache_->Get(key, now, generation)) return std::move(*hit);
  http::Response resp = fn(req, ctx);
  // Kept only when nothing in it belongs to this visitor.
  bool own = resp.headers.Has("Set-Cookie") || ctx.next_flash.has_value() ||
             resp.body.find(ctx.csrf_token) != std::string::npos ||
             resp.body.find(ctx.session_token) != std::string::npos;
  if (resp.status == 200 && !own) page_cache_->Put(key, resp, now, generation);
  return resp;
}

nlohmann::json Web::BaseData(const Context& ctx) const {
  nlohmann::json d;
  d["locale"] = ctx.locale;
  d["site_name"] = options_.site_name;
  d["municipality_name"] = options_.municipality_name;
  d["csrf"] = ctx.csrf_token;
  d["path"] = ctx.request ? ctx.request->path : "/";
  std::string next = http::SafeLocalPath(ctx.request ? ctx.request->target : "/").value_or("/");
  nlohmann::json langs = nlohmann::json::array();
  for (const auto& l : i18n::SupportedLocales()) {
    if (l == ctx.locale) continue;
    langs.push_back({{"code", l},
                     {"label", catalog_.Lookup(l, "web.language.name")},
                     {"url", "/taal/" + l + "?next=" + http::PercentEncode(next)}});
  }
  d["other_languages"] = std::move(langs);
  if (ctx.user) {
    d["user"] = {{"id", ctx.user->id}, {"display_name", ctx.user->display_name}, {"email", ctx.user->email}};
  }
  nlohmann::json nav = nlohmann::json::array();
  for (const auto& item : nav_) {
    if (item.signed_in_only && !ctx.user) continue;
    if (item.role && !(ctx.user && (ctx.user->HasRole(*item.role) || ctx.user->IsAdministrator()))) continue;
    bool current = ctx.request && (ctx.request->path == item.path ||
                                   (item.path != "/" && ctx.request->path.rfind(item.path + "/", 0) == 0));
    nav.push_back({{"path", item.path}, {"label", catalog_.Lookup(ctx.locale, item.label_key)}, {"current", current}});
  }
  d["nav"] = std::move(nav);
  if (ctx.flash) {
    d["flash"] = {{"kind", ctx.flash->kind}, {"message", catalog_.Lookup(ctx.locale, ctx.flash->key)}};
  }
  return d;
}

http::Response Web::Render(Context& ctx, std::string_view view, std::string_view title_key, nlohmann::json data,
                           int status) const {
  nlohmann::json base = BaseData(ctx);
  for (auto it = base.begin(); it != base.end(); ++it) {
    if (!data.contains(it.key())) data[it.key()] = std::move(it.value());
  }
  if (!data.contains("title")) data["title"] = catalog_.Lookup(ctx.locale, title_key);
  auto body = templates_.Render(view, data);
  if (!body.has_value()) {
    std::cerr << "{\"level\":\"error\",\"what\":\"template\",\"detail\":\"" << body.error().detail << "\"}"
              << std::endl;
    return http::Response::Html("<!doctype html><title>500</title><p>Internal error</p>", 500);
  }
  data["content_html"] = std::move(*body);
  auto page = templates_.Render("web/layout.html", data);
  if (!page.has_value()) return http::Response::Html("<!doctype html><title>500</title><p>Internal error</p>", 500);
  return http::Response::Html(std::move(*page), status);
}

http::Response Web::Message(Context& ctx, int status, std::string_view title_key, std::string_view message_key) const {
  nlohmann::json data;
  data["message"] = catalog_.Lookup(ctx.locale, message_key);
  if (ctx.request) data["request_id"] = ctx.request->request_id;
  data["is_error"] = status >= 400;
  return Render(ctx, "web/message.html", title_key, std::move(data), status);
}

http::Response Web::Redirect(Context& ctx, std::string location, std::optional<Flash> flash) const {
  if (flash) ctx.next_flash = std::move(flash);
  return http::Response::Redirect(std::move(location));
}

http::Response Web::ErrorPage(Context& ctx, const Error& error) const {
  int status = http::StatusForError(error);
  std::string key = error.user_message_key;
  if (key.empty() || !catalog_.Has(i18n::kDefaultLocale, key)) {
    switch (error.code) {
      case ErrorCode::kNotFound:
        key = "web.not_found";
        break;
      case ErrorCode::kForbidden:
        key = "web.forbidden";
        break;
      case ErrorCode::kConflict:
        key = "web.conflict";
        break;
      case ErrorCode::kUnavailable:
        key = "web.unavailable";
        break;
      case ErrorCode::kRateLimited:
        key = "web.too_many_requests";
        break;
      case ErrorCode::kInvalidInput:
        key = error.has_fields() ? "web.form_error_general" : "web.bad_form";
        break;
      case ErrorCode::kInternal:
        key = "web.internal_error";
        break;
    }
  }
  if (error.code == ErrorCode::kInternal || error.code == ErrorCode::kUnavailable) {
    std::cerr << "{\"level\":\"error\",\"request_id\":\"" << (ctx.request ? ctx.request->request_id : "")
              << "\",\"code\":\"" << ErrorCodeName(error.code) << "\"}" << std::endl;
  }
  return Message(ctx, status, "web.error.title", key);
}

http::Response Web::SwitchLocale(http::Request& req) const {
  std::string locale(req.Param("locale"));
  std::string next = http::SafeLocalPath(req.QueryParam("next").value_or("/")).value_or("/");
  if (!i18n::IsSupportedLocale(locale)) return http::Response::Text("unsupported language", 404);
  http::Response resp = http::Response::Redirect(next);
  http::CookieOptions opts;
  opts.secure = options_.secure_cookies;
  opts.max_age_seconds = 365LL * 24 * 3600;
  resp.headers.Add("Set-Cookie",
                   http::SetCookieValue(CookieName(kLocaleCookie, options_.secure_cookies), locale, opts));
  return resp;
}

}  // namespace wp::web
