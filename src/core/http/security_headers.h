// Security headers added to every response: a Content-Security-Policy that
// allows no inline script, nosniff, a same-origin referrer policy, no
// framing, a minimal Permissions-Policy and, over https only, HSTS.
#pragma once

#include <cstdint>

#include "core/http/message.h"

namespace wp::http {

struct SecurityHeaderOptions {
  // The site is served over https (directly or behind a TLS proxy). Only then
  // is Strict-Transport-Security sent. Default: false.
  bool https = false;
  // max-age of Strict-Transport-Security, in seconds. Default: one year.
  int64_t hsts_max_age_seconds = 31536000;
};

// The Content-Security-Policy value used by AddSecurityHeaders.
extern const char kContentSecurityPolicy[];

// Adds the security headers to `response`. A header the handler already set
// (e.g. a page-specific Content-Security-Policy) is kept as it is.
void AddSecurityHeaders(Response& response, const SecurityHeaderOptions& options = {});

}  // namespace wp::http
