// HTTP tests of news: posts, Markdown, Atom feed, newsletters through the
// outbox and a real SMTP server, the archive for members.
#include <gtest/gtest.h>

#include "core/db/database.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/platform_world.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"
#include "testing/smtp_sink.h"

namespace wp::news {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;

// The app's database, for the shared test reads (testing/db_queries.h).
int64_t Count(AppHarness& h, const std::string& sql) { return wp::testing::Count(h.app().db(), sql); }
int64_t UserId(AppHarness& h, const std::string& email) { return wp::testing::UserId(h.app().db(), email); }

class NewsRoutesTest : public ::testing::Test {
 protected:
  NewsRoutesTest()
      : h_([this](app::Config& c) {
          c.smtp_url = sink_.url();
          c.mail_from = "Wijkplatform <noreply@wijkplatform.test>";
          c.mail_interval_seconds = 3600;  // mail goes out when the test says so
        }) {}

  void SetUp() override {
    h_.clock().Set(1795455000);
    platforms::Platform p = platforms::testing::TerKleef();
    p.contact_email = "kern@example.nl";
    auto id = platforms::testing::AddPlatform(h_, p, "founder@example.nl");
    ASSERT_TRUE(id.has_value()) << id.error().detail;
    platform_id_ = *id;
    kernteam_ = h_.SignedInClient("kern@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform_id_)}});
  }

  // Makes `email` a member of the platform with the newsletter on or off.
  std::unique_ptr<HttpClient> Member(const std::string& email, bool newsletter) {
    auto client = h_.SignedInClient(email);
    Join(email, newsletter);
    return client;
  }
  // Makes the account of `email` a member with the newsletter on or off.
  void Join(const std::string& email, bool newsletter) {
    int64_t user_id = UserId(h_, email);
    auto r = h_.app().db().Write([&](db::Connection& c) -> Result<void> {
      platforms::Member m{platform_id_, user_id, platforms::MemberKind::kResident, "", 1795000000};
      WP_TRY_VOID(platforms::PlatformStore::InsertMember(c, m, "nl-" + std::to_string(user_id) + "-tokentokentoken",
                                                         "ev-" + std::to_string(user_id) + "-tokentokentoken"));
      return platforms::PlatformStore::SetMail(c, platform_id_, user_id, newsletter, true);
    });
    EXPECT_TRUE(r.has_value()) << r.error().detail;
  }

  static constexpr const char* kNewPost = "/wijkplatform/ter-kleef/beheer/nieuws/nieuw";
  static constexpr const char* kNewLetter = "/wijkplatform/ter-kleef/beheer/nieuwsbrief/nieuw";
  wp::testing::SmtpSink sink_;  // before h_: the app is configured with its address
  AppHarness h_;
  std::unique_ptr<HttpClient> kernteam_;
  int64_t platform_id_ = 0;
};

TEST_F(NewsRoutesTest, PostsArePublishedWithSafeMarkdownAndAnAtomFeed) {
  auto r = AppHarness::SubmitForm(*kernteam_, kNewPost, kNewPost,
                                  {{"title", "Nieuwe <script>alert(1)</script> bomen"},
                                   {"body",
                                    "De **gemeente** plant bomen.\n\n<img src=x onerror=alert(1)>\n\n"
                                    "[klik](javascript:alert(1)) of [lees meer](https://haarlem.nl)"}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  std::string admin(r.Header("Location"));
  std::string id = admin.substr(admin.rfind('/') + 1);
  std::string url = "/wijkplatform/ter-kleef/nieuws/" + id;
  auto anonymous = h_.Client();
  EXPECT_EQ(anonymous->Get(url).status, 404) << "a draft";
  EXPECT_EQ(anonymous->Get("/wijkplatform/ter-kleef/nieuws.atom").body.find("<entry>"), std::string::npos);
  auto preview = kernteam_->Get(admin);
  EXPECT_NE(preview.body.find("De <strong>gemeente</strong> plant bomen."), std::string::npos);
  h_.clock().Set(1795476600);  // 2026-11-23 23:30 UTC: 24 November, 00:30 in Haarlem
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, admin, admin + "/publiceren", {}).status, 303);

  for (std::string path : {url, std::string("/wijkplatform/ter-kleef/nieuws")}) {
    auto page = anonymous->Get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_NE(page.body.find("De <strong>gemeente</strong> plant bomen."), std::string::npos) << path;
    EXPECT_NE(page.body.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos) << path;
    EXPECT_EQ(page.body.find("<img src=x"), std::string::npos) << path;
    EXPECT_EQ(page.body.find("href=\"javascript"), std::string::npos) << path;
    EXPECT_NE(page.body.find("<a href=\"https://haarlem.nl\" rel=\"nofollow noopener\">lees meer</a>"),
              std::string::npos);
    EXPECT_EQ(page.body.find("<script>alert"), std::string::npos) << path;
    EXPECT_NE(page.body.find("24 november 2026"), std::string::npos) << path << ": the date in Dutch time";
  }
  EXPECT_NE(anonymous->Get("/wijkplatform/ter-kleef/nieuws").body.find("application/atom+xml"), std::string::npos);
  auto feed = anonymous->Get("/wijkplatform/ter-kleef/nieuws.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_EQ(feed.Header("Content-Type"), "application/atom+xml; charset=utf-8");
  EXPECT_NE(feed.body.find("<link rel=\"self\" type=\"application/atom+xml\" "
                           "href=\"" +
                           h_.config().base_url + "/wijkplatform/ter-kleef/nieuws.atom\"/>"),
            std::string::npos)
      << feed.body;
  EXPECT_NE(feed.body.find("<title>Nieuwe &lt;script&gt;alert(1)&lt;/script&gt; bomen</title>"), std::string::npos);
  EXPECT_NE(feed.body.find("<content type=\"html\">&lt;p&gt;De &lt;strong&gt;gemeente&lt;/strong&gt;"),
            std::string::npos);
  EXPECT_EQ(feed.body.find("<img"), std::string::npos);

  // Withdrawing takes it off the page and the feed.
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, admin, admin + "/intrekken", {}).status, 303);
  EXPECT_EQ(anonymous->Get(url).status, 404);
  EXPECT_EQ(anonymous->Get("/wijkplatform/ter-kleef/nieuws.atom").body.find("<entry>"), std::string::npos);
}

TEST_F(NewsRoutesTest, OnlyTheKernteamWritesAndFormsAreChecked) {
  auto empty = AppHarness::SubmitForm(*kernteam_, kNewPost, kNewPost, {{"title", ""}, {"body", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("wp-error-summary"), std::string::npos);
  auto resident = h_.SignedInClient("ans@example.nl");
  EXPECT_EQ(resident->Get("/wijkplatform/ter-kleef/beheer/nieuws").status, 403);
  EXPECT_EQ(resident->Get(kNewLetter).status, 403);
  std::string csrf = AppHarness::CsrfToken(*resident, "/account");
  EXPECT_EQ(resident->PostForm(kNewPost, {{"_csrf", csrf}, {"title", "x"}, {"body", "y"}}).status, 403);
  EXPECT_EQ(kernteam_
                ->PostForm(kNewPost,
                           {{"_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}, {"title", "x"}, {"body", "y"}})
                .status,
            403)
      << "bad CSRF";
  auto admin = h_.SignedInClient("admin@example.nl", {{auth::Role::kAdministrator, ""}});
  EXPECT_EQ(admin->Get("/wijkplatform/ter-kleef/beheer/nieuws").status, 200) << "administrators support platforms";
  EXPECT_EQ(admin->Get(kNewLetter).status, 403) << "but never send a newsletter in a platform's name";
  EXPECT_EQ(h_.Client()->Get("/wijkplatform/onbekend/nieuws").status, 404);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM news_posts"), 0);
}

TEST_F(NewsRoutesTest, NewslettersGoOnlyToVerifiedMembersOfARecognisedPlatform) {
  auto ans = Member("ans@example.nl", true);
  // Dirk made an account but never confirmed his address.
  const std::string pw = "zomer in de Haarlemmerhout";
  auto dirk = h_.Client();
  ASSERT_EQ(AppHarness::SubmitForm(
                *dirk, "/registreren", "/registreren",
                {{"display_name", "Dirk"}, {"email", "dirk@example.nl"}, {"password", pw}, {"password_repeat", pw}})
                .status,
            303);
  Join("dirk@example.nl", true);
  auto write = [&](const std::string& subject) {
    auto r = AppHarness::SubmitForm(*kernteam_, kNewLetter, kNewLetter, {{"subject", subject}, {"body", "Hallo"}});
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 2000);
    return std::string(r.Header("Location"));
  };
  std::string page = write("Nieuwsbrief januari");
  EXPECT_NE(kernteam_->Get(page).body.find("1 lid met een bevestigd e-mailadres"), std::string::npos);
  ASSERT_EQ(kernteam_->PostForm(page + "/versturen", {{"_csrf", AppHarness::CsrfToken(*kernteam_, page)}}).status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '%januari%'"), 1);
  EXPECT_EQ(Count(h_,
                  "SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'dirk@example.nl' AND subject LIKE "
                  "'%januari%'"),
            0);
  EXPECT_EQ(Count(h_, "SELECT recipient_count FROM newsletters"), 1);

  // A platform that is not recognised (here: in formation) sends no newsletter.
  ASSERT_TRUE(h_.app()
                  .db()
                  .Write([&](db::Connection& c) {
                    return platforms::PlatformStore::SetStatus(c, platform_id_,
                                                               platforms::PlatformStatus::kInFormation);
                  })
                  .has_value());
  std::string second = write("Nieuwsbrief februari");
  auto preview = kernteam_->Get(second);
  EXPECT_NE(preview.body.find("pas versturen als de gemeente het wijkplatform heeft erkend"), std::string::npos);
  EXPECT_EQ(preview.body.find("/versturen"), std::string::npos) << "no send button";
  EXPECT_EQ(kernteam_->PostForm(second + "/versturen", {{"_csrf", AppHarness::CsrfToken(*kernteam_, second)}}).status,
            409);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '%februari%'"), 0);
}

TEST_F(NewsRoutesTest, SentOnceToMembersWhoOptedInWithAnUnsubscribeLink) {
  auto ans = Member("ans@example.nl", true);
  auto bo = Member("bo@example.nl", true);
  auto cor = Member("cor@example.nl", false);
  auto bad = AppHarness::SubmitForm(*kernteam_, kNewLetter, kNewLetter,
                                    {{"subject", "a\r\nBcc: x@evil.example"}, {"body", "x"}});
  EXPECT_EQ(bad.status, 422);
  auto r = AppHarness::SubmitForm(
      *kernteam_, kNewLetter, kNewLetter,
      {{"subject", "Nieuwsbrief december"}, {"body", "Beste buren,\n\n**Kerstmarkt** op 20 december."}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  std::string page(r.Header("Location"));
  auto preview = kernteam_->Get(page);
  ASSERT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("<strong>Kerstmarkt</strong>"), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox"), 0) << "a preview sends nothing";
  EXPECT_EQ(ans->Get("/wijkplatform/ter-kleef/nieuwsbrieven").body.find("Nieuwsbrief december"), std::string::npos)
      << "not in the archive before it is sent";

  std::string csrf = AppHarness::CsrfToken(*kernteam_, page);
  auto sent = kernteam_->PostForm(page + "/versturen", {{"_csrf", csrf}});
  ASSERT_EQ(sent.status, 303);
  auto twice = kernteam_->PostForm(page + "/versturen", {{"_csrf", csrf}});
  EXPECT_EQ(twice.status, 409) << "a double click sends nothing more";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox"), 2);
  EXPECT_EQ(Count(h_, "SELECT recipient_count FROM newsletters"), 2);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox WHERE list_unsubscribe IS NOT NULL"), 2);

  auto delivered = h_.app().DeliverMailNow();
  ASSERT_TRUE(delivered.has_value()) << delivered.error().detail;
  EXPECT_EQ(sink_.WaitForMessagesTo("", 2).size(), 2u);
  EXPECT_TRUE(sink_.MessagesTo("cor@example.nl").empty()) << "opted out";
  auto to_ans = sink_.MessagesTo("ans@example.nl");
  ASSERT_EQ(to_ans.size(), 1u);
  const std::string& msg = to_ans[0];
  EXPECT_NE(msg.find("Subject: Wijkplatform Ter Kleef: Nieuwsbrief december"), std::string::npos) << msg.substr(0, 600);
  int64_t ans_id = UserId(h_, "ans@example.nl");
  std::string link = h_.config().base_url + "/afmelden/nl-" + std::to_string(ans_id) + "-tokentokentoken";
  EXPECT_NE(msg.find("List-Unsubscribe: <" + link + ">"), std::string::npos) << msg.substr(0, 800);
  EXPECT_NE(msg.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), std::string::npos)
      << "one-click unsubscribe (RFC 8058): the platforms' /afmelden/{token} takes a POST without session";
  size_t body_at = msg.find("\n\n") != std::string::npos ? msg.find("\n\n") : msg.find("\r\n\r\n");
  ASSERT_NE(body_at, std::string::npos);
  EXPECT_NE(msg.find(link, body_at), std::string::npos) << "the link is in the body too";
  EXPECT_NE(msg.find("**Kerstmarkt** op 20 december."), std::string::npos);

  // The archive: members and the kernteam, nobody else.
  auto archive = ans->Get("/wijkplatform/ter-kleef/nieuwsbrieven");
  ASSERT_EQ(archive.status, 200);
  EXPECT_NE(archive.body.find("Nieuwsbrief december"), std::string::npos);
  std::string id = page.substr(page.rfind('/') + 1);
  EXPECT_EQ(ans->Get("/wijkplatform/ter-kleef/nieuwsbrieven/" + id).status, 200);
  auto outsider = h_.SignedInClient("x@example.nl");
  EXPECT_EQ(outsider->Get("/wijkplatform/ter-kleef/nieuwsbrieven").status, 403);
  EXPECT_EQ(outsider->Get("/wijkplatform/ter-kleef/nieuwsbrieven/" + id).status, 403);
  // The news page links to the archive only for those who may open it
  // (and for visitors who are not signed in: it asks them to sign in).
  const std::string archive_link = "href=\"/wijkplatform/ter-kleef/nieuwsbrieven\"";
  EXPECT_EQ(outsider->Get("/wijkplatform/ter-kleef/nieuws").body.find(archive_link), std::string::npos);
  EXPECT_NE(ans->Get("/wijkplatform/ter-kleef/nieuws").body.find(archive_link), std::string::npos);
  EXPECT_NE(h_.Client()->Get("/wijkplatform/ter-kleef/nieuws").body.find(archive_link), std::string::npos);
  EXPECT_NE(kernteam_->Get("/wijkplatform/ter-kleef/beheer/nieuwsbrief").body.find(">2</td>"), std::string::npos)
      << "recipient count";
}

}  // namespace
}  // namespace wp::news
