// Web: the thin layer between core/http and the features' pages. It builds
// the per-request Context (language, session, signed-in user, CSRF token,
// parsed form), checks CSRF on every state-changing request, renders views
// inside the site layout, and turns failures into friendly error pages.
// Thread-safe after setup.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/html/template.h"
#include "core/http/form.h"
#include "core/http/message.h"
#include "core/http/router.h"
#include "core/i18n/catalog.h"
#include "core/random.h"
#include "core/result.h"
#include "core/web/page_cache.h"

namespace wp::web {

inline constexpr std::string_view kSessionCookie = "wp_session";
inline constexpr std::string_view kLocaleCookie = "wp_lang";
inline constexpr std::string_view kFlashCookie = "wp_flash";
inline constexpr std::string_view kCsrfField = "_csrf";

struct Flash {
  std::string kind;  // "success", "info", "warning" or "error"
  std::string key;   // i18n key of the message
};

struct Context {
  http::Request* request = nullptr;
  std::string locale = "nl";
  std::string session_token;     // the visitor's session cookie (anonymous or signed in)
  bool session_changed = false;  // set the cookie again (new visitor, sign-in, sign-out)
  std::string csrf_token;        // for forms: <input type="hidden" name="_csrf">
  std::optional<auth::User> user;
  std::optional<Flash> flash;       // message carried over from the previous request
  std::optional<Flash> next_flash;  // message for the next request (after a redirect)
  http::FormData form;              // parsed body of a POST
  const i18n::Catalog* catalog = nullptr;

  bool signed_in() const { return user.has_value(); }
  // Path parameter of the matched route, e.g. "slug" of "/wijkbudget/{slug}".
  std::string_view Param(std::string_view name) const;
  // A path parameter that names a database id. Errors: kNotFound (the page
  // does not exist) when it is not a plain positive integer.
  Result<int64_t> IdParam(std::string_view name) const;
  // A query-string parameter, percent-decoded.
  std::optional<std::string> Query(std::string_view name) const;
  // The message for `key` in the request's language, e.g.
  // T("voting.results.votes", {{"count", 3}}) (core/i18n/message_format.h).
  std::string T(std::string_view key, const i18n::Args& args = {}) const;
  // Replaces the session token (after sign-in or sign-out); the new CSRF
  // token follows from it.
  void RotateSession(std::string new_token, std::string_view csrf_secret);
};

struct NavItem {
  std::string path;
  std::string label_key;
  std::optional<auth::Role> role;  // shown only to holders of this role
  bool signed_in_only = false;
};

struct SiteOptions {
  std::string site_name = "Wijkplatform";
  std::string municipality_name = "Haarlem";
  std::string base_url = "http://127.0.0.1:8080";  // absolute links in e-mails and feeds
  bool secure_cookies = false;                     // true when base_url is https
  std::string csrf_secret;                         // HMAC key for CSRF tokens (shared by all processes)
  int64_t session_max_age_seconds = 14 * 24 * 3600;
  http::FormLimits form_limits;
};

// Resolves a session token to a signed-in user (nullopt: anonymous).
using IdentityFn = std::function<std::optional<auth::User>(std::string_view session_token)>;

struct PageOptions {
  bool require_login = false;
  std::optional<auth::Role> require_role;  // implies require_login
  bool check_csrf = true;                  // for POST; off only for machine endpoints
  // Anonymous GETs may be answered from the page cache (page_cache.h). Only
  // for pages whose HTML depends on nothing but the data, the path and
  // query, the language and the time: not on the visitor's session or
  // cookies.
  bool public_cache = false;
};

// For routes of public pages that may come from the page cache.
inline constexpr PageOptions kCachedPublicPage{.public_cache = true};

class Web {
 public:
  Web(SiteOptions options, const html::TemplateSet& templates, const i18n::Catalog& catalog, Random& random);

  void SetIdentity(IdentityFn fn) { identity_ = std::move(fn); }
  // Turns on the page cache for routes with PageOptions::public_cache:
  // `data_generation` is the database's WriteGeneration, `now_ms` the
  // application clock in milliseconds.
  void EnablePageCache(PageCacheOptions options, std::function<uint64_t()> data_generation,
                       std::function<int64_t()> now_ms);
  PageCacheStats page_cache_stats() const;
  void AddNav(NavItem item) { nav_.push_back(std::move(item)); }
  const SiteOptions& options() const { return options_; }
  const i18n::Catalog& catalog() const { return catalog_; }

  // A page handler: a named function of a feature's page class. Expected
  // failures come back as the Error of the Result; Page turns them into the
  // error page with the status StatusForError gives (the one mapping of
  // errors to statuses). A form with field errors is the handler's to show
  // again (FormView), with status 422.
  using Handler = std::function<Result<http::Response>(Context&)>;
  // Wraps a page handler: builds the Context, enforces sign-in/role and CSRF,
  // parses POST forms (bad form -> 400 page), maps a returned Error to its
  // error page, and catches exceptions (500 page).
  http::Handler Page(Handler fn, PageOptions options = {}) const;
  // The same for a member function of a page class: Page(pages, &Pages::Show).
  template <typename T>
  http::Handler Page(T& pages, Result<http::Response> (T::*handler)(Context&), PageOptions options = {}) const {
    return Page(Handler([&pages, handler](Context& ctx) { return (pages.*handler)(ctx); }), options);
  }

  // Renders `view` (e.g. "accounts/login.html") inside the layout. `data` is
  // extended with locale, user, csrf, nav and flash. `title_key` is an i18n key.
  http::Response Render(Context& ctx, std::string_view view, std::string_view title_key, nlohmann::json data,
                        int status = 200) const;
  // A page with a heading and one message (errors, confirmations).
  http::Response Message(Context& ctx, int status, std::string_view title_key, std::string_view message_key) const;
  // 303 redirect, optionally carrying a flash message.
  http::Response Redirect(Context& ctx, std::string location, std::optional<Flash> flash = {}) const;
  // The error page for a failed command result.
  http::Response ErrorPage(Context& ctx, const Error& error) const;

  // Language switch handler: GET /taal/{locale}?next=/path (only a path on this
  // site, http::SafeLocalPath; otherwise to "/").
  http::Response SwitchLocale(http::Request& req) const;

 private:
  Context MakeContext(http::Request& req) const;
  // The common part of both Page forms.
  http::Response Serve(http::Request& req, const PageOptions& options,
                       const std::function<http::Response(http::Request&, Context&)>& fn) const;
  // An anonymous GET of a public_cache page: from the cache when fresh,
  // else rendered and kept when it holds nothing of this visitor.
  http::Response ServeCached(http::Request& req, Context& ctx,
                             const std::function<http::Response(http::Request&, Context&)>& fn) const;
  void Finish(Context& ctx, http::Response& resp) const;
  nlohmann::json BaseData(const Context& ctx) const;

  SiteOptions options_;
  const html::TemplateSet& templates_;
  const i18n::Catalog& catalog_;
  Random& random_;
  IdentityFn identity_;
  std::vector<NavItem> nav_;
  std::unique_ptr<PageCache> page_cache_;  // null: off
  std::function<uint64_t()> data_generation_;
  std::function<int64_t()> now_ms_;
};

}  // namespace wp::web
