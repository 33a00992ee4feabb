#include "app/config.h"

#include <gtest/gtest.h>

namespace wp::app {
namespace {

TEST(ConfigTest, DefaultsAreValid) { EXPECT_TRUE(ValidateConfig(Config{}).has_value()); }

TEST(ConfigTest, FileThenEnvironmentOverride) {
  Config c;
  ASSERT_TRUE(ApplyConfigText(c, "# comment\nport = 9090\n\nsite_name = \"Wijkplatform Test\"\nsmtp_require_tls = yes\n", "t.conf").has_value());
  EXPECT_EQ(c.port, 9090);
  EXPECT_EQ(c.site_name, "Wijkplatform Test");
  EXPECT_TRUE(c.smtp_require_tls);
  ASSERT_TRUE(ApplyEnvironment(c, {{"WP_PORT", "7070"}, {"WP_DATABASE_URL", "sqlite:/tmp/x.db"}, {"OTHER", "1"}}).has_value());
  EXPECT_EQ(c.port, 7070);
  EXPECT_EQ(c.database_url, "sqlite:/tmp/x.db");
}

TEST(ConfigTest, ErrorsNameFileLineAndKey) {
  Config c;
  auto r = ApplyConfigText(c, "port = 80\nprot = 81\n", "site.conf");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().detail.find("site.conf:2"), std::string::npos) << r.error().detail;
  EXPECT_NE(r.error().detail.find("prot"), std::string::npos);
  auto r2 = ApplyConfigText(c, "port = eighty\n", "site.conf");
  ASSERT_FALSE(r2.has_value());
  EXPECT_NE(r2.error().detail.find("not a whole number"), std::string::npos);
  auto r3 = ApplyConfigText(c, "just words\n", "site.conf");
  EXPECT_FALSE(r3.has_value());
  auto r4 = ApplyEnvironment(c, {{"WP_SMTP_REQUIRE_TLS", "maybe"}});
  ASSERT_FALSE(r4.has_value());
  EXPECT_NE(r4.error().detail.find("WP_SMTP_REQUIRE_TLS"), std::string::npos);
}

TEST(ConfigTest, ValidationNamesEveryBadField) {
  Config c;
  c.port = 70000;
  c.base_url = "ftp://x";
  c.smtp_url = "http://mail";
  c.csrf_secret = "short";
  auto r = ValidateConfig(c);
  ASSERT_FALSE(r.has_value());
  for (const char* field : {"port", "base_url", "smtp_url", "csrf_secret"}) {
    EXPECT_NE(r.error().detail.find(field), std::string::npos) << field << " in " << r.error().detail;
  }
}

}  // namespace
}  // namespace wp::app
