#include "core/http/security_headers.h"

#include <string>

namespace wp::http {

const char kContentSecurityPolicy[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

namespace {

void SetIfAbsent(Headers& headers, std::string_view name, std::string value) {
  if (!headers.Has(name)) headers.Set(name, std::move(value));
}

}  // namespace

void AddSecurityHeaders(Response& response, const SecurityHeaderOptions& options) {
  Headers& h = response.headers;
  SetIfAbsent(h, "Content-Security-Policy", kContentSecurityPolicy);
  SetIfAbsent(h, "X-Content-Type-Options", "nosniff");
  SetIfAbsent(h, "Referrer-Policy", "same-origin");
  SetIfAbsent(h, "X-Frame-Options", "DENY");
  SetIfAbsent(h, "Permissions-Policy", "camera=(), microphone=(), payment=(), usb=()");
  if (options.https) {
    SetIfAbsent(h, "Strict-Transport-Security",
                "max-age=" + std::to_string(options.hsts_max_age_seconds) + "; includeSubDomains");
  }
}

}  // namespace wp::http
