#include "app/config.h"

#include <gtest/gtest.h>

namespace wp::app {
namespace {

TEST(ConfigTest, DefaultsAreValid) { EXPECT_TRUE(ValidateConfig(Config{}).has_value()); }

TEST(ConfigTest, FileThenEnvironmentOverride) {
  Config c;
  ASSERT_TRUE(ApplyConfigText(
                  c, "# comment\nport = 9090\n\nsite_name = \"Wijkplatform Test\"\nsmtp_require_tls = yes\n", "t.conf")
                  .has_value());
  EXPECT_EQ(c.port, 9090);
  EXPECT_EQ(c.site_name, "Wijkplatform Test");
  EXPECT_TRUE(c.smtp_require_tls);
  ASSERT_TRUE(
      ApplyEnvironment(c, {{"WP_PORT", "7070"}, {"WP_DATABASE_URL", "sqlite:/tmp/x.db"}, {"OTHER", "1"}}).has_value());
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

TEST(ConfigTest, PageAndEditionCachesAreOnForASecondAndBoundedBothWays) {
  EXPECT_EQ(Config{}.page_cache_ms, 1000);
  EXPECT_EQ(Config{}.edition_cache_ms, 1000);
  for (auto [name, field] :
       {std::pair{"page_cache_ms", &Config::page_cache_ms}, std::pair{"edition_cache_ms", &Config::edition_cache_ms}}) {
    for (int ms : {0, 1, 60000}) {
      Config c;
      c.*field = ms;
      EXPECT_TRUE(ValidateConfig(c).has_value()) << name << " " << ms;
    }
    for (int ms : {-1, 60001}) {
      Config c;
      c.*field = ms;
      auto r = ValidateConfig(c);
      ASSERT_FALSE(r.has_value()) << name << " " << ms;
      EXPECT_NE(r.error().detail.find(name), std::string::npos) << r.error().detail;
    }
  }
}

TEST(ConfigTest, WebHardeningSettingsHaveSaneDefaultsAndChecks) {
  Config c;
  EXPECT_EQ(c.max_body_kib, 64);
  EXPECT_EQ(c.session_idle_minutes_officials, 120);
  EXPECT_EQ(c.metrics_addresses, "127.0.0.1, ::1");
  ASSERT_TRUE(ApplyConfigText(c,
                              "max_upload_kib = 2048\nmax_connections = 200\nmax_connections_per_client = 10\n"
                              "session_idle_minutes_officials = 30\nmetrics_addresses = 10.0.0.5\n"
                              "csrf_key_file = /etc/wijkplatform/csrf.key\n",
                              "t.conf")
                  .has_value());
  EXPECT_EQ(c.max_upload_kib, 2048);
  EXPECT_EQ(c.max_connections_per_client, 10);
  EXPECT_EQ(c.csrf_key_file, "/etc/wijkplatform/csrf.key");
  EXPECT_TRUE(ValidateConfig(c).has_value());
  c.max_upload_kib = 32;  // below max_body_kib
  c.max_connections_per_client = 500;
  c.session_idle_minutes_officials = 0;
  auto r = ValidateConfig(c);
  ASSERT_FALSE(r.has_value());
  for (const char* field : {"max_upload_kib", "max_connections_per_client", "session_idle_minutes_officials"}) {
    EXPECT_NE(r.error().detail.find(field), std::string::npos) << field << " in " << r.error().detail;
  }
}

TEST(ConfigTest, AdviceRemindersCanBeTunedOrTurnedOff) {
  Config c;
  EXPECT_TRUE(c.advice_reminders);
  EXPECT_EQ(c.advice_reminder_working_days, 5);
  ASSERT_TRUE(ApplyConfigText(c, "advice_reminders = false\nadvice_reminder_working_days = 3\n", "t.conf").has_value());
  EXPECT_FALSE(c.advice_reminders);
  EXPECT_EQ(c.advice_reminder_working_days, 3);
  EXPECT_TRUE(ValidateConfig(c).has_value());
  ASSERT_TRUE(ApplyEnvironment(c, {{"WP_ADVICE_REMINDERS", "true"}}).has_value());
  EXPECT_TRUE(c.advice_reminders);
  auto bad = ApplyConfigText(c, "advice_reminders = soms\n", "t.conf");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().detail.find("advice_reminders"), std::string::npos) << bad.error().detail;
  for (int days : {0, 21, -1}) {
    c.advice_reminder_working_days = days;
    auto r = ValidateConfig(c);
    ASSERT_FALSE(r.has_value()) << days;
    EXPECT_NE(r.error().detail.find("advice_reminder_working_days"), std::string::npos) << r.error().detail;
  }
}

// `serve --port 8091` used to link to port 8080 in pages and e-mails.
TEST(ConfigTest, BaseUrlFollowsThePortUnlessSet) {
  auto port_flag = BuildConfig({.overrides = {{"port", "8091"}}});
  ASSERT_TRUE(port_flag.has_value()) << port_flag.error().detail;
  EXPECT_EQ(port_flag->base_url, "http://127.0.0.1:8091");
  auto port_env = BuildConfig({.environment = {{"WP_PORT", "8092"}}});
  ASSERT_TRUE(port_env.has_value());
  EXPECT_EQ(port_env->base_url, "http://127.0.0.1:8092");
  auto port_file = BuildConfig({.file_text = "port = 8093\n", .file_name = "t.conf"});
  ASSERT_TRUE(port_file.has_value());
  EXPECT_EQ(port_file->base_url, "http://127.0.0.1:8093");
  auto defaults = BuildConfig({});
  ASSERT_TRUE(defaults.has_value());
  EXPECT_EQ(defaults->base_url, "http://127.0.0.1:8080");
  EXPECT_EQ(defaults->base_url, Config{}.base_url);
  auto free_port = BuildConfig({.overrides = {{"port", "0"}}});
  ASSERT_TRUE(free_port.has_value());
  EXPECT_EQ(free_port->base_url, "http://127.0.0.1:8080");
}

TEST(ConfigTest, BaseUrlSetAnywhereWins) {
  const std::string site = "https://wijkplatform.example.nl";
  for (const ConfigSources& s : {
           ConfigSources{
               .file_text = "base_url = " + site + "\n", .file_name = "t.conf", .overrides = {{"port", "8091"}}},
           ConfigSources{.environment = {{"WP_BASE_URL", site}}, .overrides = {{"port", "8091"}}},
           ConfigSources{.overrides = {{"port", "8091"}, {"base_url", site}}},
       }) {
    auto c = BuildConfig(s);
    ASSERT_TRUE(c.has_value()) << c.error().detail;
    EXPECT_EQ(c->base_url, site);
    EXPECT_EQ(c->port, 8091);
  }
}

TEST(ConfigTest, OverridesBeatEnvironmentAndFile) {
  auto c = BuildConfig({.file_text = "port = 1\nsite_name = File\n",
                        .file_name = "t.conf",
                        .environment = {{"WP_PORT", "2"}, {"WP_SITE_NAME", "Env"}},
                        .overrides = {{"port", "3"}}});
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->port, 3);
  EXPECT_EQ(c->site_name, "Env");
  auto bad = BuildConfig({.overrides = {{"port", "eighty"}}});
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().detail.find("port"), std::string::npos);
}

}  // namespace
}  // namespace wp::app
