#include "core/http/security_headers.h"

#include <gtest/gtest.h>

namespace wp::http {
namespace {

TEST(SecurityHeadersTest, AddsHeadersWithoutHstsOverHttp) {
  Response r = Response::Html("<p>hi</p>");
  AddSecurityHeaders(r);
  std::string_view csp = r.headers.Get("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string_view::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string_view::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string_view::npos);
  EXPECT_EQ(r.headers.Get("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.headers.Get("Referrer-Policy"), "same-origin");
  EXPECT_EQ(r.headers.Get("X-Frame-Options"), "DENY");
  EXPECT_TRUE(r.headers.Has("Permissions-Policy"));
  EXPECT_FALSE(r.headers.Has("Strict-Transport-Security"));
}

TEST(SecurityHeadersTest, HstsOnlyOverHttps) {
  Response r;
  AddSecurityHeaders(r, {.https = true});
  EXPECT_EQ(r.headers.Get("Strict-Transport-Security"), "max-age=31536000; includeSubDomains");
}

TEST(SecurityHeadersTest, KeepsHeadersTheHandlerSet) {
  Response r;
  r.headers.Set("Content-Security-Policy", "default-src 'none'");
  AddSecurityHeaders(r);
  AddSecurityHeaders(r);  // idempotent
  EXPECT_EQ(r.headers.Get("Content-Security-Policy"), "default-src 'none'");
  size_t count = 0;
  for (const auto& h : r.headers.All()) count += h.first == "X-Frame-Options";
  EXPECT_EQ(count, 1u);
}

}  // namespace
}  // namespace wp::http
