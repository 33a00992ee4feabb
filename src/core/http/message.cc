#include "core/http/message.h"

#include "core/http/form.h"
#include "core/strings.h"

namespace wp::http {

std::string_view MethodName(Method m) {
  switch (m) {
    case Method::kGet: return "GET";
    case Method::kHead: return "HEAD";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kPatch: return "PATCH";
    case Method::kDelete: return "DELETE";
    case Method::kOptions: return "OPTIONS";
    case Method::kOther: return "OTHER";
  }
  return "OTHER";
}

Method ParseMethod(std::string_view text) {
  // Methods are case-sensitive (RFC 9110 section 9.1).
  if (text == "GET") return Method::kGet;
  if (text == "HEAD") return Method::kHead;
  if (text == "POST") return Method::kPost;
  if (text == "PUT") return Method::kPut;
  if (text == "PATCH") return Method::kPatch;
  if (text == "DELETE") return Method::kDelete;
  if (text == "OPTIONS") return Method::kOptions;
  return Method::kOther;
}

std::string_view Headers::Get(std::string_view name) const {
  for (const auto& [k, v] : items_) {
    if (EqualsIgnoreCase(k, name)) return v;
  }
  return {};
}

bool Headers::Has(std::string_view name) const {
  for (const auto& item : items_) {
    if (EqualsIgnoreCase(item.first, name)) return true;
  }
  return false;
}

void Headers::Set(std::string_view name, std::string value) {
  Remove(name);
  items_.emplace_back(std::string(name), std::move(value));
}

void Headers::Add(std::string_view name, std::string value) { items_.emplace_back(std::string(name), std::move(value)); }

void Headers::Remove(std::string_view name) {
  std::erase_if(items_, [&](const auto& item) { return EqualsIgnoreCase(item.first, name); });
}

std::string_view Request::Param(std::string_view name) const {
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return {};
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  // RFC 6265 section 5.4: "a=b; c=d". Several Cookie headers are joined.
  for (const auto& [k, v] : headers.All()) {
    if (!EqualsIgnoreCase(k, "Cookie")) continue;
    for (std::string_view pair : Split(v, ';')) {
      pair = Trim(pair);
      size_t eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (Trim(pair.substr(0, eq)) != name) continue;
      std::string_view value = Trim(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      return std::string(value);
    }
  }
  return std::nullopt;
}

std::optional<std::string> Request::QueryParam(std::string_view name) const {
  for (std::string_view pair : Split(query, '&')) {
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view raw_key = pair.substr(0, eq);
    auto key = PercentDecode(raw_key, /*plus_is_space=*/true);
    if (!key.has_value() || *key != name) continue;
    if (eq == std::string_view::npos) return std::string();
    auto value = PercentDecode(pair.substr(eq + 1), /*plus_is_space=*/true);
    // A malformed value reads as absent rather than as garbage.
    if (!value.has_value() || !IsValidUtf8(*value)) return std::nullopt;
    return std::move(value).value();
  }
  return std::nullopt;
}

namespace {

Response WithType(std::string body, int status, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers.Set("Content-Type", std::move(content_type));
  return r;
}

}  // namespace

Response Response::Html(std::string body, int status) {
  return WithType(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::Text(std::string body, int status) {
  return WithType(std::move(body), status, "text/plain; charset=utf-8");
}

Response Response::Json(std::string body, int status) {
  return WithType(std::move(body), status, "application/json");
}

Response Response::Redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.headers.Set("Location", std::move(location));
  return r;
}

std::string SetCookieValue(std::string_view name, std::string_view value, const CookieOptions& options) {
  std::string out;
  out.reserve(name.size() + value.size() + 64);
  out.append(name).append("=").append(value);
  if (!options.path.empty()) out.append("; Path=").append(options.path);
  if (options.max_age_seconds >= 0) {
    out.append("; Max-Age=").append(std::to_string(options.max_age_seconds));
    // Expires for old clients; Max-Age=0 deletes, so a date in the past.
    if (options.max_age_seconds == 0) out.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  }
  if (options.http_only) out.append("; HttpOnly");
  if (options.secure || options.same_site == "None") out.append("; Secure");
  if (!options.same_site.empty()) out.append("; SameSite=").append(options.same_site);
  return out;
}

}  // namespace wp::http
