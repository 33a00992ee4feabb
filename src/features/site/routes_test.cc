// HTTP tests of site-wide behaviour: static pages, assets, health, metrics,
// security headers, error pages.
#include <gtest/gtest.h>

#include "testing/app_harness.h"

namespace wp::site {
namespace {

using wp::testing::AppHarness;

class SiteRoutesTest : public ::testing::Test {
 protected:
  AppHarness h_;
};

TEST_F(SiteRoutesTest, AccessibilityStatementAndAboutInBothLanguages) {
  auto c = h_.Client();
  auto a11y = c->Get("/toegankelijkheid");
  EXPECT_EQ(a11y.status, 200);
  EXPECT_NE(a11y.body.find("WCAG) 2.1, niveau AA"), std::string::npos);
  EXPECT_EQ(c->Get("/over").status, 200);
  auto en = c->Get("/toegankelijkheid", {{"Cookie", "wp_lang=en"}});
  EXPECT_NE(en.body.find("level AA"), std::string::npos);
  EXPECT_NE(c->Get("/over", {{"Accept-Language", "en-GB,en;q=0.9"}}).body.find("About this website"),
            std::string::npos);
}

TEST_F(SiteRoutesTest, EveryPageHasLandmarksSkipLinkAndSecurityHeaders) {
  auto c = h_.Client();
  for (const char* path : {"/", "/toegankelijkheid", "/over", "/inloggen", "/bestaat-niet"}) {
    auto r = c->Get(path);
    EXPECT_NE(r.body.find("href=\"#main\""), std::string::npos) << path;
    EXPECT_NE(r.body.find("<main id=\"main\""), std::string::npos) << path;
    EXPECT_NE(r.body.find("<header"), std::string::npos) << path;
    EXPECT_NE(r.body.find("<footer"), std::string::npos) << path;
    EXPECT_NE(r.body.find("<nav"), std::string::npos) << path;
    EXPECT_NE(r.Header("Content-Security-Policy").find("script-src 'self'"), std::string::npos) << path;
    EXPECT_NE(r.Header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_FALSE(r.Header("X-Request-Id").empty()) << path;
    EXPECT_EQ(r.body.find("style=\""), std::string::npos) << "no inline styles (CSP): " << path;
    EXPECT_EQ(r.body.find("<script"), std::string::npos) << "no script needed: " << path;
  }
}

TEST_F(SiteRoutesTest, UnknownPagesAndMethods) {
  auto c = h_.Client();
  auto missing = c->Get("/bestaat-niet");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("bestaat niet"), std::string::npos);
  auto wrong_method = c->Send("DELETE", "/inloggen", "", {});
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_NE(wrong_method.Header("Allow").find("GET"), std::string::npos);
  auto head = c->Head("/over");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

TEST_F(SiteRoutesTest, StaticAssetsWithRevalidation) {
  auto c = h_.Client();
  // The layout links one stylesheet under a hashed name.
  std::string page = c->Get("/over").body;
  size_t at = page.find("<link rel=\"stylesheet\" href=\"/static/site.");
  ASSERT_NE(at, std::string::npos);
  at = page.find("/static/", at);
  std::string url = page.substr(at, page.find('"', at) - at);
  auto css = c->Get(url);
  ASSERT_EQ(css.status, 200);
  EXPECT_EQ(css.Header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(css.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_NE(css.body.find(".utrecht-theme"), std::string::npos) << "design tokens";
  EXPECT_NE(css.body.find(".utrecht-button"), std::string::npos) << "components";
  EXPECT_NE(css.body.find(".wp-map__area--borough-5"), std::string::npos) << "ours";
  auto again = c->Get(url, {{"If-None-Match", std::string(css.Header("ETag"))}});
  EXPECT_EQ(again.status, 304);
  auto brotli = c->Get(url, {{"Accept-Encoding", "gzip, br"}});
  EXPECT_EQ(brotli.Header("Content-Encoding"), "br");
  EXPECT_LT(brotli.body.size(), css.body.size() / 4);
  int traversal = c->Get("/static/../../etc/passwd").status;
  EXPECT_TRUE(traversal == 400 || traversal == 404) << traversal;
  EXPECT_EQ(c->Get("/static/nope.css").status, 404);
}

TEST_F(SiteRoutesTest, HealthAndMetrics) {
  auto c = h_.Client();
  auto health = c->Get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
  c->Get("/over");
  auto metrics = c->Get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.Header("Content-Type").find("version=0.0.4"), std::string::npos);
  EXPECT_NE(metrics.body.find("wp_http_requests_total{method=\"GET\",route=\"/over\",status=\"200\"}"),
            std::string::npos)
      << metrics.body.substr(0, 2000);
  EXPECT_NE(metrics.body.find("wp_stat{name=\"geography_districts\"} 21"), std::string::npos);
}

}  // namespace
}  // namespace wp::site
