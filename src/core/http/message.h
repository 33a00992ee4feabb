// Request and Response: the HTTP messages handlers see, independent of the
// server library underneath (Boost.Beast, see docs/decisions/0001).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wp::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method m);
Method ParseMethod(std::string_view text);

// Header list that keeps order and duplicates; lookups are case-insensitive.
class Headers {
 public:
  // First value of `name`, or empty.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  // Replaces all values of `name`.
  void Set(std::string_view name, std::string value);
  // Adds one more value (e.g. Set-Cookie).
  void Add(std::string_view name, std::string value);
  void Remove(std::string_view name);
  const std::vector<std::pair<std::string, std::string>>& All() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Request {
  Method method = Method::kGet;
  std::string target;       // raw request target, e.g. "/wijk/WK039201?lang=en"
  std::string path;         // percent-decoded path without query, e.g. "/wijk/WK039201"
  std::string query;        // raw query string without '?'
  Headers headers;
  std::string body;
  std::string remote_addr;  // peer IP address, textual
  std::string request_id;   // unique per request; also in the access log and X-Request-Id
  bool keep_alive = true;
  // Path parameters filled by the Router, e.g. {"code", "WK039201"}.
  std::vector<std::pair<std::string, std::string>> params;
  // The matched router pattern (e.g. "/wijk/{code}"), set by Router::Handle or
  // the dispatcher; a bounded label for metrics. Empty when no route matched.
  std::string route;

  std::string_view Header(std::string_view name) const { return headers.Get(name); }
  // Value of a path parameter, or empty.
  std::string_view Param(std::string_view name) const;
  // Value of a cookie from the Cookie header, if present.
  std::optional<std::string> Cookie(std::string_view name) const;
  // Value of a query-string parameter (percent-decoded), if present.
  std::optional<std::string> QueryParam(std::string_view name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  static Response Html(std::string body, int status = 200);
  static Response Text(std::string body, int status = 200);
  static Response Json(std::string body, int status = 200);
  // 303 See Other to `location` (the Post/Redirect/Get pattern).
  static Response Redirect(std::string location, int status = 303);
};

// Options for a Set-Cookie header.
struct CookieOptions {
  std::string path = "/";
  int64_t max_age_seconds = -1;  // -1: session cookie; 0: delete
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";
};

// Serialises a Set-Cookie header value. REQUIRES: name and value are cookie-safe
// (token characters / base64url); callers encode values themselves.
std::string SetCookieValue(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace wp::http
