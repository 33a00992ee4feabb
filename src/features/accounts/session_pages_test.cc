// Unit tests of the sign-in, registration and password pages: the handlers
// are called directly (testing/page_harness.h), no server involved.
#include "features/accounts/session_pages.h"

#include <gtest/gtest.h>

#include "testing/page_harness.h"
#include "wp_accounts_files.h"

namespace wp::accounts {
namespace {

using wp::testing::PageHarness;

class SessionPagesTest : public ::testing::Test {
 protected:
  SessionPagesTest()
      : commands_(h_.db(), h_.clock(), h_.random(), hasher_, h_.catalog(), AccountSettings{}),
        pages_(h_.web(), commands_) {}
  web::Web::Handler Handler(Result<http::Response> (SessionPages::*fn)(web::Context&)) {
    return [this, fn](web::Context& ctx) { return (pages_.*fn)(ctx); };
  }
  static bool Has(const http::Response& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

  PageHarness h_{"accounts", AccountsFiles()};
  auth::PasswordHasher hasher_{auth::PasswordCost::MinimumForTest()};
  AccountCommands commands_;
  SessionPages pages_;
};

TEST_F(SessionPagesTest, RegistrationShowsEveryFieldErrorAndKeepsWhatWasTyped) {
  auto r = h_.Post(
      Handler(&SessionPages::Register), "/registreren",
      {{"email", "niet-een-adres"}, {"display_name", "Ans"}, {"password", "kort"}, {"password_repeat", "kort"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Has(r, "href=\"#f-email\"")) << r.body;
  EXPECT_TRUE(Has(r, "href=\"#f-password\""));
  EXPECT_FALSE(Has(r, "href=\"#f-display_name\""));
  EXPECT_TRUE(Has(r, "value=\"niet-een-adres\""));
  EXPECT_FALSE(Has(r, "value=\"kort\"")) << "passwords are never sent back";
  EXPECT_LT(r.body.find("href=\"#f-email\""), r.body.find("href=\"#f-password\"")) << "summary in form order";
}

TEST_F(SessionPagesTest, RegistrationAnswersTheSameWhetherOrNotTheAddressIsTaken) {
  std::vector<std::pair<std::string, std::string>> form = {{"email", "ans@example.nl"},
                                                           {"display_name", "Ans"},
                                                           {"password", "zomer in de Haarlemmerhout"},
                                                           {"password_repeat", "zomer in de Haarlemmerhout"}};
  auto first = h_.Post(Handler(&SessionPages::Register), "/registreren", form);
  auto again = h_.Post(Handler(&SessionPages::Register), "/registreren", form);
  for (const auto* r : {&first, &again}) {
    EXPECT_EQ(r->status, 303) << r->body;
    EXPECT_EQ(r->headers.Get("Location"), "/registreren?verstuurd=1");
    EXPECT_EQ(r->headers.Get("Set-Cookie").find("wp_session="), std::string::npos) << "nobody is signed in yet";
  }
  EXPECT_EQ(first.body, again.body);
}

TEST_F(SessionPagesTest, WrongPasswordAndRateLimitAreShownOnTheForm) {
  ASSERT_TRUE(commands_.CreateUser("ans@example.nl", "Ans", "zomer in de Haarlemmerhout", {}).has_value());
  auto wrong = h_.Post(Handler(&SessionPages::Login), "/inloggen",
                       {{"email", "ans@example.nl"}, {"password", "fout fout fout"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Has(wrong, "href=\"#f-password\"")) << wrong.body;
  for (int i = 0; i < kLoginPerAccount.max_attempts; ++i) {
    (void)h_.Post(Handler(&SessionPages::Login), "/inloggen", {{"email", "ans@example.nl"}, {"password", "fout fout"}});
  }
  auto limited = h_.Post(Handler(&SessionPages::Login), "/inloggen",
                         {{"email", "ans@example.nl"}, {"password", "zomer in de Haarlemmerhout"}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_TRUE(Has(limited, "Wacht even")) << limited.body;
  EXPECT_TRUE(Has(limited, "href=\"/inloggen/link\"")) << "the way in that always works";
  EXPECT_TRUE(Has(limited, "value=\"ans@example.nl\""));
}

TEST_F(SessionPagesTest, SignInGoesOnlyToLocalPages) {
  ASSERT_TRUE(commands_.CreateUser("ans@example.nl", "Ans", "zomer in de Haarlemmerhout", {}).has_value());
  auto local =
      h_.Post(Handler(&SessionPages::Login), "/inloggen",
              {{"email", "ans@example.nl"}, {"password", "zomer in de Haarlemmerhout"}, {"next", "/wijkbudget"}});
  EXPECT_EQ(local.headers.Get("Location"), "/wijkbudget");
  auto away =
      h_.Post(Handler(&SessionPages::Login), "/inloggen",
              {{"email", "ans@example.nl"}, {"password", "zomer in de Haarlemmerhout"}, {"next", "//evil.example"}});
  EXPECT_EQ(away.headers.Get("Location"), "/account");
}

TEST_F(SessionPagesTest, AnUnknownOrUsedResetLinkAnswers404WithAClearPage) {
  auto unknown = h_.Get(Handler(&SessionPages::ResetForm), "/wachtwoord/herstel/x", {{"token", "x"}});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(Has(unknown, "werkt niet meer")) << unknown.body;
}

TEST_F(SessionPagesTest, ForgottenPasswordChecksTheAddressAndAnswersTheSameForAnyAccount) {
  auto empty = h_.Post(Handler(&SessionPages::Forgot), "/wachtwoord-vergeten", {{"email", ""}});
  EXPECT_EQ(empty.status, 422);
  auto unknown = h_.Post(Handler(&SessionPages::Forgot), "/wachtwoord-vergeten", {{"email", "nobody@example.nl"}});
  EXPECT_EQ(unknown.status, 303);
  EXPECT_EQ(unknown.headers.Get("Location"), "/wachtwoord-vergeten?verstuurd=1");
}

}  // namespace
}  // namespace wp::accounts
