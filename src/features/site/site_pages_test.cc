// Unit tests of the site's own pages: the handlers are called directly
// (testing/page_harness.h), no server involved.
#include "features/site/site_pages.h"

#include <gtest/gtest.h>

#include "testing/page_harness.h"
#include "wp_site_files.h"

namespace wp::site {
namespace {

using wp::testing::PageHarness;

class SitePagesTest : public ::testing::Test {
 protected:
  http::Response Get(Result<http::Response> (SitePages::*fn)(web::Context&), const std::string& path) {
    return h_.Get([this, fn](web::Context& ctx) { return (pages_.*fn)(ctx); }, path);
  }
  static bool Has(const http::Response& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

  PageHarness h_{"site", SiteFiles()};
  SitePages pages_{h_.web()};
};

TEST_F(SitePagesTest, AccessibilityStatementNamesTheStandardAndHowToComplain) {
  auto r = Get(&SitePages::Accessibility, "/toegankelijkheid");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r, "<title>Toegankelijkheid")) << r.body.substr(0, 500);
  EXPECT_TRUE(Has(r, "WCAG) 2.1, niveau AA"));
  EXPECT_TRUE(Has(r, "binnen 5 werkdagen antwoord"));
}

TEST_F(SitePagesTest, AboutSaysWhatTheSiteIsAndHowDataIsUsed) {
  auto r = Get(&SitePages::About, "/over");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r, "<h1 class=\"utrecht-heading-1\">Over deze website</h1>")) << r.body;
  EXPECT_EQ(r.body.find("{{"), std::string::npos) << "every placeholder filled";
}

}  // namespace
}  // namespace wp::site
