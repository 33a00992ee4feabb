// HTTP tests of the accounts pages against the real app on a free port.
#include <gtest/gtest.h>

#include <chrono>
#include <tuple>

#include "core/db/database.h"
#include "features/accounts/commands.h"
#include "testing/app_harness.h"
#include "testing/smtp_sink.h"

namespace wp::accounts {
namespace {

using wp::testing::AppHarness;
using wp::testing::ExtractInputValue;

constexpr const char* kPassword = "zomer in de Haarlemmerhout";

int64_t UserCount(AppHarness& h) {
  return h.app().db().Read([](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM users"); })->Int(0);
}

class AccountRoutesTest : public ::testing::Test {
 protected:
  AppHarness h_;
};

TEST_F(AccountRoutesTest, FormsRenderWithLabelsAndCsrf) {
  auto c = h_.Client();
  for (const char* path : {"/inloggen", "/registreren", "/wachtwoord-vergeten"}) {
    auto r = c->Get(path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_NE(r.body.find("name=\"_csrf\" value=\""), std::string::npos) << path;
    EXPECT_NE(r.body.find("<label class=\"utrecht-form-label\" for=\"f-email\">"), std::string::npos) << path;
    EXPECT_NE(r.body.find("id=\"f-email\""), std::string::npos) << path;
    EXPECT_NE(r.body.find("<html lang=\"nl\">"), std::string::npos);
  }
}

TEST_F(AccountRoutesTest, RegisterMailsACheckLinkThatConfirmsTheAddressAndSignsIn) {
  wp::testing::SmtpSink sink;
  AppHarness h([&](app::Config& c) { c.smtp_url = sink.url(); });
  auto c = h.Client();
  auto r = AppHarness::SubmitForm(
      *c, "/registreren", "/registreren",
      {{"display_name", "Ans"}, {"email", "ans@example.nl"}, {"password", kPassword}, {"password_repeat", kPassword}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.Header("Location"), "/registreren?verstuurd=1");
  EXPECT_NE(c->Get("/registreren?verstuurd=1").body.find("Kijk in uw e-mail"), std::string::npos);
  EXPECT_EQ(c->Get("/account").status, 303) << "not signed in before the address is confirmed";
  auto messages = sink.WaitForMessagesTo("ans@example.nl", 1);
  ASSERT_EQ(messages.size(), 1u);
  size_t at = messages[0].find("/e-mailadres/bevestigen/");
  ASSERT_NE(at, std::string::npos) << messages[0];
  std::string path = messages[0].substr(at, 24 + 43);
  auto page = c->Get(path);
  EXPECT_EQ(page.status, 200) << "a GET (a mail scanner) changes nothing";
  EXPECT_EQ(c->Get("/account").status, 303);
  auto confirmed = AppHarness::SubmitForm(*c, path, path, {});
  ASSERT_EQ(confirmed.status, 303) << confirmed.body;
  auto account = c->Get("/account");
  EXPECT_EQ(account.status, 200);
  EXPECT_NE(account.body.find("ans@example.nl (bevestigd)"), std::string::npos) << account.body;
  EXPECT_NE(account.body.find("Uw e-mailadres is bevestigd"), std::string::npos) << "flash message after redirect";
  EXPECT_EQ(c->Get(path).status, 404) << "the link works once";
}

TEST_F(AccountRoutesTest, RegisterWithBadInputShowsErrorsAndChangesNothing) {
  auto c = h_.Client();
  auto r = AppHarness::SubmitForm(
      *c, "/registreren", "/registreren",
      {{"display_name", ""}, {"email", "not-an-email"}, {"password", "kort"}, {"password_repeat", "anders"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("wp-error-summary"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#f-email\""), std::string::npos) << "summary links to the field";
  EXPECT_NE(r.body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"not-an-email\""), std::string::npos) << "keeps what was typed";
  EXPECT_EQ(r.body.find("value=\"kort\""), std::string::npos) << "never echoes passwords";
  EXPECT_EQ(UserCount(h_), 0);
}

TEST_F(AccountRoutesTest, RegisteringATakenAddressLooksTheSameAndMailsTheOwner) {
  wp::testing::SmtpSink sink;
  AppHarness h([&](app::Config& c) { c.smtp_url = sink.url(); });
  ASSERT_TRUE(h.app().accounts().CreateUser("ans@example.nl", "Ans", kPassword, {}).has_value());
  auto Register = [&](const std::string& email) {
    auto c = h.Client();
    auto start = std::chrono::steady_clock::now();
    auto r = AppHarness::SubmitForm(
        *c, "/registreren", "/registreren",
        {{"display_name", "Ans"}, {"email", email}, {"password", kPassword}, {"password_repeat", kPassword}});
    auto took = std::chrono::steady_clock::now() - start;
    auto page = c->Get(r.Header("Location"));
    return std::tuple{r.status, std::string(r.Header("Location")), page.body, took};
  };
  auto [taken_status, taken_location, taken_page, taken_time] = Register("ans@example.nl");
  auto [new_status, new_location, new_page, new_time] = Register("bo@example.nl");
  EXPECT_EQ(taken_status, new_status);
  EXPECT_EQ(taken_location, new_location);
  EXPECT_EQ(taken_page.substr(taken_page.find("<main")), new_page.substr(new_page.find("<main")));
  // Both hash the password; neither may take ten times as long as the other.
  EXPECT_LT(taken_time, 10 * new_time + std::chrono::milliseconds(50));
  EXPECT_LT(new_time, 10 * taken_time + std::chrono::milliseconds(50));
  EXPECT_EQ(UserCount(h), 2);
  auto owner = sink.WaitForMessagesTo("ans@example.nl", 1);
  ASSERT_EQ(owner.size(), 1u);
  EXPECT_NE(owner[0].find("al een account"), std::string::npos) << owner[0];
}

TEST_F(AccountRoutesTest, MissingOrWrongCsrfIsRefusedAndChangesNothing) {
  auto c = h_.Client();
  c->Get("/registreren");  // gets a session cookie
  std::vector<std::pair<std::string, std::string>> form = {
      {"display_name", "Ans"}, {"email", "ans@example.nl"}, {"password", kPassword}, {"password_repeat", kPassword}};
  auto missing = c->PostForm("/registreren", form);
  EXPECT_EQ(missing.status, 403);
  EXPECT_NE(missing.body.find("formulier is verlopen"), std::string::npos);
  auto with_bad = form;
  with_bad.push_back({"_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"});
  EXPECT_EQ(c->PostForm("/registreren", with_bad).status, 403);
  // A token from another visitor's session does not work either.
  auto other = h_.Client();
  auto stolen = form;
  stolen.push_back({"_csrf", AppHarness::CsrfToken(*other, "/registreren")});
  EXPECT_EQ(c->PostForm("/registreren", stolen).status, 403);
  // No session cookie at all.
  auto fresh = h_.Client();
  EXPECT_EQ(fresh->PostForm("/registreren", stolen).status, 403);
  EXPECT_EQ(UserCount(h_), 0);
}

TEST_F(AccountRoutesTest, BadEncodingAndOversizedBodiesAreRefused) {
  auto c = h_.Client();
  std::string csrf = AppHarness::CsrfToken(*c, "/registreren");
  auto bad_escape = c->Post("/registreren", "_csrf=" + csrf + "&email=%ZZ", "application/x-www-form-urlencoded");
  EXPECT_EQ(bad_escape.status, 400);
  auto bad_utf8 = c->Post("/registreren", "_csrf=" + csrf + "&display_name=%C3%28&email=a%40b.nl",
                          "application/x-www-form-urlencoded");
  EXPECT_EQ(bad_utf8.status, 400);
  auto bad_multipart = c->Post("/registreren", "garbage", "multipart/form-data; boundary=xyz");
  EXPECT_EQ(bad_multipart.status, 400);
  // A body over the 10 MiB limit is refused before it is read.
  auto big = h_.Client();
  std::string reply = big->SendRaw(
      "POST /registreren HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: 11534336\r\n\r\n_csrf=" +
      csrf + "&email=a%40b.nl");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply.substr(0, 200);
  EXPECT_EQ(UserCount(h_), 0);
}

TEST_F(AccountRoutesTest, LoginLogoutAndSafeRedirects) {
  ASSERT_TRUE(h_.app().accounts().CreateUser("ans@example.nl", "Ans", kPassword, {}).has_value());
  auto c = h_.Client();
  auto wrong = AppHarness::SubmitForm(*c, "/inloggen", "/inloggen",
                                      {{"email", "ans@example.nl"}, {"password", "nope nope nope"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("klopt niet"), std::string::npos);
  auto empty = AppHarness::SubmitForm(*c, "/inloggen", "/inloggen", {{"email", ""}, {"password", ""}});
  EXPECT_EQ(empty.status, 422);
  std::string before = c->Cookie("wp_session").value_or("");
  auto ok =
      AppHarness::SubmitForm(*c, "/inloggen", "/inloggen",
                             {{"email", "ANS@example.nl"}, {"password", kPassword}, {"next", "//evil.example/x"}});
  ASSERT_EQ(ok.status, 303);
  EXPECT_EQ(ok.Header("Location"), "/account") << "external next is ignored";
  EXPECT_NE(c->Cookie("wp_session").value_or(""), before) << "session id rotates on sign-in";
  auto next = h_.Client();
  auto to_next =
      AppHarness::SubmitForm(*next, "/inloggen", "/inloggen",
                             {{"email", "ans@example.nl"}, {"password", kPassword}, {"next", "/wijk/WK039201"}});
  EXPECT_EQ(to_next.Header("Location"), "/wijk/WK039201");
  EXPECT_EQ(c->Get("/account").status, 200);
  auto out = AppHarness::SubmitForm(*c, "/account", "/uitloggen", {});
  EXPECT_EQ(out.status, 303);
  auto after = c->Get("/account");
  EXPECT_EQ(after.status, 303) << "signed out: /account redirects to sign in";
  EXPECT_EQ(after.Header("Location").rfind("/inloggen?next=", 0), 0u);
}

TEST_F(AccountRoutesTest, LoginSlowsDownWith429) {
  ASSERT_TRUE(h_.app().accounts().CreateUser("ans@example.nl", "Ans", kPassword, {}).has_value());
  auto c = h_.Client();
  for (int i = 0; i < kLoginPerAccount.max_attempts; ++i) {
    AppHarness::SubmitForm(*c, "/inloggen", "/inloggen",
                           {{"email", "ans@example.nl"}, {"password", "wrong wrong wrong"}});
  }
  auto limited =
      AppHarness::SubmitForm(*c, "/inloggen", "/inloggen", {{"email", "ans@example.nl"}, {"password", kPassword}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_NE(limited.body.find("Wacht even"), std::string::npos);
  EXPECT_NE(limited.body.find("href=\"/inloggen/link\""), std::string::npos);
}

TEST(AccountMailTest, PasswordResetByEmailThroughARealSmtpServer) {
  wp::testing::SmtpSink sink;
  AppHarness h([&](app::Config& c) {
    c.smtp_url = sink.url();
    c.mail_from = "Wijkplatform <noreply@wijkplatform.test>";
  });
  ASSERT_TRUE(h.app().accounts().CreateUser("ans@example.nl", "Ans", kPassword, {}).has_value());
  auto c = h.Client();
  auto r = AppHarness::SubmitForm(*c, "/wachtwoord-vergeten", "/wachtwoord-vergeten", {{"email", "ans@example.nl"}});
  ASSERT_EQ(r.status, 303);
  EXPECT_NE(c->Get(std::string(r.Header("Location"))).body.find("binnen een paar minuten"), std::string::npos);
  // The same answer for an unknown address: no account enumeration.
  auto unknown =
      AppHarness::SubmitForm(*c, "/wachtwoord-vergeten", "/wachtwoord-vergeten", {{"email", "nobody@example.nl"}});
  EXPECT_EQ(unknown.status, 303);
  EXPECT_EQ(unknown.Header("Location"), r.Header("Location"));
  // The background deliverer may send it first: wait for the sink, not for
  // what this call sent (issue #21).
  auto sent = h.app().DeliverMailNow();
  ASSERT_TRUE(sent.has_value()) << sent.error().detail;
  auto messages = sink.WaitForMessagesTo("ans@example.nl", 1);
  ASSERT_EQ(messages.size(), 1u);
  const std::string& msg = messages[0];
  EXPECT_NE(msg.find("Subject: Wijkplatform Haarlem: kies een nieuw wachtwoord"), std::string::npos)
      << msg.substr(0, 400);
  EXPECT_NE(msg.find("From: Wijkplatform <noreply@wijkplatform.test>"), std::string::npos);
  size_t p = msg.find("/wachtwoord/herstel/");
  ASSERT_NE(p, std::string::npos) << msg;
  std::string path = msg.substr(p, 20 + 43);
  auto page = c->Get(path);
  EXPECT_EQ(page.status, 200);
  auto mismatch = AppHarness::SubmitForm(*c, path, path,
                                         {{"password", "herfst in Haarlem-Noord"}, {"password_repeat", "iets anders"}});
  EXPECT_EQ(mismatch.status, 422);
  auto done = AppHarness::SubmitForm(
      *c, path, path, {{"password", "herfst in Haarlem-Noord"}, {"password_repeat", "herfst in Haarlem-Noord"}});
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(c->Get(path).status, 404) << "the link works once";
  auto login = AppHarness::SubmitForm(*c, "/inloggen", "/inloggen",
                                      {{"email", "ans@example.nl"}, {"password", "herfst in Haarlem-Noord"}});
  EXPECT_EQ(login.status, 303);
}

// An attacker guessing an official's password cannot lock the official out:
// the e-mailed sign-in link lets them in, once, with a button (not on GET).
TEST(AccountMailTest, GuessedAccountStillSignsInWithAnEmailedLink) {
  wp::testing::SmtpSink sink;
  AppHarness h([&](app::Config& c) { c.smtp_url = sink.url(); });
  ASSERT_TRUE(h.app()
                  .accounts()
                  .CreateUser("gv@example.nl", "Gea", kPassword, {{auth::Role::kAreaLiaison, "schalkwijk"}})
                  .has_value());
  auto attacker = h.Client();
  for (int i = 0; i < kLoginPerAccount.max_attempts + 1; ++i) {
    AppHarness::SubmitForm(*attacker, "/inloggen", "/inloggen", {{"email", "gv@example.nl"}, {"password", "raden"}});
  }
  auto official = h.Client();
  auto slowed = AppHarness::SubmitForm(*official, "/inloggen", "/inloggen",
                                       {{"email", "gv@example.nl"}, {"password", kPassword}});
  EXPECT_EQ(slowed.status, 429);
  auto asked = AppHarness::SubmitForm(*official, "/inloggen/link", "/inloggen/link", {{"email", "gv@example.nl"}});
  ASSERT_EQ(asked.status, 303);
  auto unknown =
      AppHarness::SubmitForm(*official, "/inloggen/link", "/inloggen/link", {{"email", "nobody@example.nl"}});
  EXPECT_EQ(unknown.Header("Location"), asked.Header("Location")) << "the same answer for any address";
  ASSERT_TRUE(h.app().DeliverMailNow().has_value());
  auto messages = sink.WaitForMessagesTo("gv@example.nl", 1);
  ASSERT_EQ(messages.size(), 1u);
  size_t p = messages[0].find("/inloggen/link/");
  ASSERT_NE(p, std::string::npos) << messages[0];
  std::string path = messages[0].substr(p, 15 + 43);
  auto page = official->Get(path);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(official->Get("/account").status, 303) << "opening the link alone signs nobody in";
  auto in = AppHarness::SubmitForm(*official, path, path, {});
  ASSERT_EQ(in.status, 303);
  EXPECT_EQ(official->Get("/account").status, 200);
  EXPECT_EQ(h.Client()->Get(path).status, 404) << "the link works once";
}

TEST_F(AccountRoutesTest, InvalidResetLinkShowsAClearPage) {
  auto c = h_.Client();
  auto r = c->Get("/wachtwoord/herstel/not-a-token");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("werkt niet meer"), std::string::npos);
  auto post = AppHarness::SubmitForm(*c, "/wachtwoord-vergeten",
                                     "/wachtwoord/herstel/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                     {{"password", kPassword}, {"password_repeat", kPassword}});
  EXPECT_EQ(post.status, 404);
}

TEST_F(AccountRoutesTest, AdministratorsGrantAndRevokeScopedRoles) {
  auto admin = h_.SignedInClient("admin@example.nl", {{auth::Role::kAdministrator, ""}});
  auto target = h_.app().accounts().CreateUser("gv@example.nl", "Gea", kPassword, {});
  ASSERT_TRUE(target.has_value());
  std::string page = "/beheer/gebruikers/" + std::to_string(*target);
  auto list = admin->Get("/beheer/gebruikers?q=gv%40");
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("gv@example.nl"), std::string::npos);
  EXPECT_EQ(list.body.find("admin@example.nl"), std::string::npos) << "filtered by the query";
  auto upper = admin->Get("/beheer/gebruikers?q=GV%40EXAMPLE");
  EXPECT_NE(upper.body.find("gv@example.nl"), std::string::npos) << "search ignores case on every backend";
  auto wildcard = admin->Get("/beheer/gebruikers?q=_v%40");
  EXPECT_EQ(wildcard.body.find("gv@example.nl"), std::string::npos) << "_ is a character, not a wildcard";
  auto form = admin->Get(page);
  EXPECT_NE(form.body.find("<option value=\"schalkwijk\">Schalkwijk</option>"), std::string::npos)
      << "stadsdelen as scopes";
  auto grant =
      AppHarness::SubmitForm(*admin, page, page + "/rollen", {{"role", "gebiedsverbinder"}, {"scope", "schalkwijk"}});
  EXPECT_EQ(grant.status, 303);
  auto u = (*h_.app().accounts().FindUser(*target))->user;
  EXPECT_TRUE(u.HasRole(auth::Role::kAreaLiaison, "schalkwijk"));
  auto bad = AppHarness::SubmitForm(*admin, page, page + "/rollen", {{"role", "king"}});
  EXPECT_EQ(bad.status, 422);
  auto revoke = AppHarness::SubmitForm(*admin, page, page + "/rollen/intrekken",
                                       {{"role", "gebiedsverbinder"}, {"scope", "schalkwijk"}});
  EXPECT_EQ(revoke.status, 303);
  EXPECT_FALSE((*h_.app().accounts().FindUser(*target))->user.HasRole(auth::Role::kAreaLiaison, "schalkwijk"));
}

TEST_F(AccountRoutesTest, NonAdministratorsCannotManageUsers) {
  auto resident = h_.SignedInClient("ans@example.nl");
  EXPECT_EQ(resident->Get("/beheer/gebruikers").status, 403);
  auto target = h_.app().accounts().FindUserByEmail("ans@example.nl");
  std::string page = "/beheer/gebruikers/" + std::to_string((*target)->user.id);
  auto csrf = AppHarness::CsrfToken(*resident, "/account");
  auto r = resident->PostForm(page + "/rollen", {{"_csrf", csrf}, {"role", "administrator"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE((*h_.app().accounts().FindUserByEmail("ans@example.nl"))->user.IsAdministrator());
  auto anonymous = h_.Client();
  EXPECT_EQ(anonymous->Get("/beheer/gebruikers").status, 303);
}

TEST_F(AccountRoutesTest, XssPayloadsAreEscapedEverywhereTheyAreShown) {
  const std::string payload = "Ans\" onmouseover=\"alert(1)' &amp;";
  ASSERT_TRUE(h_.app().accounts().CreateUser("x@example.nl", payload, kPassword, {}).has_value());
  auto admin = h_.SignedInClient("admin@example.nl", {{auth::Role::kAdministrator, ""}});
  auto user = h_.Client();
  AppHarness::SubmitForm(*user, "/inloggen", "/inloggen", {{"email", "x@example.nl"}, {"password", kPassword}});
  for (auto* c : {admin.get(), user.get()}) {
    for (std::string path : {"/account", "/beheer/gebruikers", "/beheer/gebruikers?q=%3Cscript%3Ealert(1)%3C/script%3E",
                             "/inloggen?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"}) {
      auto r = c->Get(path);
      EXPECT_EQ(r.body.find("onmouseover=\"alert"), std::string::npos) << path;
      EXPECT_EQ(r.body.find("<script>"), std::string::npos) << path;
    }
  }
  auto shown = user->Get("/account");
  EXPECT_NE(shown.body.find("Ans&quot; onmouseover=&quot;alert(1)&#39; &amp;amp;"), std::string::npos);
}

// Every next= goes through http::SafeLocalPath: a tab that browsers drop
// ("/<TAB>/host" becomes "//host"), encoded slashes or backslashes, and CR/LF
// never reach the Location header.
TEST_F(AccountRoutesTest, NextNeverRedirectsToAnotherSite) {
  auto c = h_.Client();
  for (std::string next :
       {"/%09/evil.example", "%2F%09%2Fevil.example", "//evil.example", "/%5Cevil.example", "/%2F%2Fevil.example",
        "https%3A%2F%2Fevil.example", "/x%0d%0aSet-Cookie:%20a=b", "/%250d%250aSet-Cookie:%20a=b"}) {
    auto r = c->Get("/taal/nl?next=" + next);
    EXPECT_EQ(r.status, 303) << next;
    EXPECT_EQ(r.Header("Location"), "/") << next;
    EXPECT_EQ(r.body.find("evil"), std::string::npos) << next;
  }
  ASSERT_TRUE(h_.app().accounts().CreateUser("ans@example.nl", "Ans", kPassword, {}).has_value());
  auto form = c->Get("/inloggen?next=%2F%09%2Fevil.example");
  EXPECT_EQ(form.body.find("evil.example"), std::string::npos) << "the form does not carry the bad next along";
  auto signed_in =
      AppHarness::SubmitForm(*c, "/inloggen", "/inloggen",
                             {{"email", "ans@example.nl"}, {"password", kPassword}, {"next", "/\t/evil.example"}});
  ASSERT_EQ(signed_in.status, 303);
  EXPECT_EQ(signed_in.Header("Location"), "/account");
}

TEST_F(AccountRoutesTest, EnglishIsAvailableAndKeptInACookie) {
  auto c = h_.Client();
  auto sw = c->Get("/taal/en?next=%2Finloggen");
  EXPECT_EQ(sw.status, 303);
  EXPECT_EQ(sw.Header("Location"), "/inloggen");
  auto page = c->Get("/inloggen");
  EXPECT_NE(page.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(page.body.find("Sign in"), std::string::npos);
  EXPECT_EQ(c->Get("/taal/en?next=https%3A%2F%2Fevil.example").Header("Location"), "/");
  EXPECT_EQ(c->Get("/taal/xx").status, 404);
}

}  // namespace
}  // namespace wp::accounts
