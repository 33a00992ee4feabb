// HTTP tests of events: kernteam pages, agenda, iCalendar feeds,
// registration with capacity and waiting list, cancel links, e-mails.
#include <gtest/gtest.h>

#include "core/db/database.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/platform_world.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::events {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;

// The app's database, for the shared test reads (testing/db_queries.h).
int64_t Count(AppHarness& h, const std::string& sql) { return wp::testing::Count(h.app().db(), sql); }
int64_t UserId(AppHarness& h, const std::string& email) { return wp::testing::UserId(h.app().db(), email); }
std::vector<wp::testing::QueuedMail> Outbox(AppHarness& h) { return wp::testing::Outbox(h.app().db()); }

class EventRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);  // 2026-11-23 17:30 UTC
    platforms::Platform p = platforms::testing::TerKleef();
    p.contact_email = "kern@example.nl";
    auto id = platforms::testing::AddPlatform(h_, p, "kern@example.nl");
    ASSERT_TRUE(id.has_value()) << id.error().detail;
    platform_id_ = *id;
    // Sign in again with the kernteam grant of this platform.
    kernteam_ = h_.SignedInClient("kern2@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform_id_)}});
  }

  // Creates and (optionally) publishes an event; returns its id.
  int64_t CreateEvent(const std::string& title, const std::string& capacity, bool publish = true) {
    auto r = AppHarness::SubmitForm(*kernteam_, kNew, kNew,
                                    {{"title", title},
                                     {"kind", "theme_meeting"},
                                     {"description", "Over *bomen*"},
                                     {"start_date", "2026-12-03"},
                                     {"start_time", "19:30"},
                                     {"end_date", ""},
                                     {"end_time", "21:30"},
                                     {"place", "Buurthuis, Ringvaartlaan 1"},
                                     {"capacity", capacity}});
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    std::string loc(r.Header("Location"));
    int64_t id = std::stoll(loc.substr(loc.rfind('/') + 1));
    if (publish) {
      std::string page = std::string(kAdmin) + "/" + std::to_string(id);
      EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, page, page + "/publiceren", {}).status, 303);
    }
    return id;
  }

  static constexpr const char* kAdmin = "/wijkplatform/ter-kleef/beheer/activiteiten";
  static constexpr const char* kNew = "/wijkplatform/ter-kleef/beheer/activiteiten/nieuw";
  AppHarness h_;
  std::unique_ptr<HttpClient> kernteam_;
  int64_t platform_id_ = 0;
};

TEST_F(EventRoutesTest, KernteamCreatesADraftPublishesItAndFeedsShowIt) {
  auto form = kernteam_->Get(kNew);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("<label class=\"utrecht-form-label\" for=\"f-start_date\">"), std::string::npos);
  EXPECT_NE(form.body.find("<label class=\"utrecht-form-label\" for=\"f-kind\">"), std::string::npos);
  int64_t id = CreateEvent("Themabijeenkomst groen", "", false);
  std::string url = "/activiteit/" + std::to_string(id);
  auto anonymous = h_.Client();
  EXPECT_EQ(anonymous->Get(url).status, 404) << "drafts are for the kernteam only";
  EXPECT_EQ(kernteam_->Get(url).status, 200);
  EXPECT_EQ(anonymous->Get("/wijkplatform/ter-kleef/agenda.ics").body.find("Themabijeenkomst"), std::string::npos);
  std::string page = std::string(kAdmin) + "/" + std::to_string(id);
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, page, page + "/publiceren", {}).status, 303);
  auto shown = anonymous->Get(url);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("donderdag 3 december 2026, 19:30 - 21:30"), std::string::npos) << "local time";
  EXPECT_NE(shown.body.find("Over <em>bomen</em>"), std::string::npos) << "Markdown description";
  auto agenda = anonymous->Get("/wijkplatform/ter-kleef/agenda");
  ASSERT_EQ(agenda.status, 200);
  EXPECT_NE(agenda.body.find("Themabijeenkomst groen"), std::string::npos);
  EXPECT_NE(agenda.body.find("href=\"/wijkplatform/ter-kleef/agenda.ics\""), std::string::npos);
  EXPECT_NE(agenda.body.find("href=\"webcal://"), std::string::npos);
  auto ics = anonymous->Get("/wijkplatform/ter-kleef/agenda.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_EQ(ics.Header("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_NE(ics.body.find("BEGIN:VCALENDAR\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("\r\nDTSTART:20261203T183000Z\r\n"), std::string::npos) << ics.body;
  EXPECT_NE(ics.body.find("\r\nSEQUENCE:0\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("\r\nUID:event-" + std::to_string(id) + "@"), std::string::npos);
  auto wijk = anonymous->Get("/wijk/WK039201/agenda.ics");
  ASSERT_EQ(wijk.status, 200);
  EXPECT_EQ(wijk.Header("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_NE(wijk.body.find("SUMMARY:Themabijeenkomst groen"), std::string::npos);
  EXPECT_EQ(anonymous->Get("/wijk/WK039299/agenda.ics").status, 404);
  EXPECT_EQ(anonymous->Get("/wijk/WK039202/agenda.ics").body.find("Themabijeenkomst"), std::string::npos);
  EXPECT_EQ(anonymous->Get("/wijkplatform/bestaat-niet/agenda.ics").status, 404);

  // An edit after publication bumps the SEQUENCE.
  auto edit = AppHarness::SubmitForm(*kernteam_, page, page,
                                     {{"title", "Themabijeenkomst groen en water"},
                                      {"kind", "theme_meeting"},
                                      {"description", ""},
                                      {"start_date", "2026-12-03"},
                                      {"start_time", "20:00"},
                                      {"end_date", ""},
                                      {"end_time", "21:30"},
                                      {"place", "Buurthuis"},
                                      {"capacity", ""}});
  EXPECT_EQ(edit.status, 303);
  auto ics2 = anonymous->Get("/wijkplatform/ter-kleef/agenda.ics");
  EXPECT_NE(ics2.body.find("\r\nSEQUENCE:1\r\n"), std::string::npos);
  EXPECT_NE(ics2.body.find("\r\nDTSTART:20261203T190000Z\r\n"), std::string::npos);
}

TEST_F(EventRoutesTest, BadFormsAreRefusedWithClearErrors) {
  struct Case {
    const char* what;
    std::vector<std::pair<std::string, std::string>> fields;
    const char* message;
  };
  std::vector<std::pair<std::string, std::string>> good = {
      {"title", "Wandeling"},       {"kind", "neighbourhood_walk"}, {"description", ""},
      {"start_date", "2026-12-03"}, {"start_time", "10:00"},        {"end_date", ""},
      {"end_time", "12:00"},        {"place", "Kerkplein"},         {"capacity", ""}};
  auto with = [&](const std::string& k, const std::string& v) {
    auto f = good;
    for (auto& [name, value] : f) {
      if (name == k) value = v;
    }
    return f;
  };
  const Case cases[] = {
      {"end before start", with("end_time", "09:00"), "Het einde moet na het begin liggen."},
      {"bad date", with("start_date", "2026-02-30"), "Vul een bestaande datum in"},
      {"bad time", with("start_time", "kwart over"), "Vul een tijd in"},
      {"no title", with("title", ""), "Vul dit veld in."},
      {"bad kind", with("kind", "party"), "Kies een soort activiteit"},
      {"bad capacity", with("capacity", "nul"), "Vul een heel getal in"},
  };
  for (const auto& c : cases) {
    auto r = AppHarness::SubmitForm(*kernteam_, kNew, kNew, c.fields);
    EXPECT_EQ(r.status, 422) << c.what;
    EXPECT_NE(r.body.find("wp-error-summary"), std::string::npos) << c.what;
    EXPECT_NE(r.body.find(c.message), std::string::npos) << c.what;
  }
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM events"), 0);
}

TEST_F(EventRoutesTest, OnlyTheKernteamManagesEvents) {
  int64_t id = CreateEvent("Spreekuur", "");
  std::string page = std::string(kAdmin) + "/" + std::to_string(id);
  auto resident = h_.SignedInClient("ans@example.nl");
  EXPECT_EQ(resident->Get(kAdmin).status, 403);
  EXPECT_EQ(resident->Get(kNew).status, 403);
  EXPECT_EQ(resident->Get(page).status, 403);
  std::string csrf = AppHarness::CsrfToken(*resident, "/account");
  EXPECT_EQ(resident->PostForm(kNew, {{"_csrf", csrf}, {"title", "x"}}).status, 403);
  EXPECT_EQ(resident->PostForm(page + "/annuleren", {{"_csrf", csrf}}).status, 403);
  auto other_kernteam = h_.SignedInClient("other@example.nl", {{auth::Role::kKernteamMember, "999"}});
  EXPECT_EQ(other_kernteam->Get(kAdmin).status, 403) << "kernteam of another platform";
  EXPECT_EQ(h_.Client()->Get(kAdmin).status, 303) << "anonymous: to the sign-in page";
  // Bad CSRF from the kernteam itself.
  EXPECT_EQ(kernteam_->PostForm(page + "/annuleren", {{"_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}).status,
            403);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM events WHERE status = 'published'"), 1);
}

TEST_F(EventRoutesTest, TitlesAreEscapedOnPagesAndInTheFeed) {
  int64_t id = CreateEvent("<script>alert(1)</script>, \"x\"; y", "");
  auto anonymous = h_.Client();
  for (std::string path : {"/activiteit/" + std::to_string(id), std::string("/wijkplatform/ter-kleef/agenda")}) {
    auto r = anonymous->Get(path);
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << path;
    EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << path;
  }
  EXPECT_EQ(kernteam_->Get(kAdmin).body.find("<script>alert"), std::string::npos);
  auto ics = anonymous->Get("/wijkplatform/ter-kleef/agenda.ics");
  EXPECT_NE(ics.body.find("SUMMARY:<script>alert(1)</script>\\, \"x\"\\; y\r\n"), std::string::npos) << ics.body;
}

TEST_F(EventRoutesTest, FullEventsHaveAWaitingListAndCancelLinksPromote) {
  int64_t id = CreateEvent("Wijkschouw", "1");
  std::string url = "/activiteit/" + std::to_string(id);
  auto a = h_.Client();
  auto ra = AppHarness::SubmitForm(*a, url, url + "/aanmelden", {{"name", "Ans"}, {"email", "Ans@Example.nl "}});
  ASSERT_EQ(ra.status, 303) << ra.body.substr(0, 2000);
  EXPECT_NE(a->Get(url).body.find("U bent aangemeld. U krijgt een bevestiging"), std::string::npos);
  auto b = h_.SignedInClient("bert@example.nl");
  auto rb = AppHarness::SubmitForm(*b, url, url + "/aanmelden", {});
  ASSERT_EQ(rb.status, 303);
  auto bpage = b->Get(url);
  EXPECT_NE(bpage.body.find("U staat op de wachtlijst"), std::string::npos);
  // Registering twice is refused.
  auto again = AppHarness::SubmitForm(*a, url, url + "/aanmelden", {{"name", "Ans"}, {"email", "ans@example.nl"}});
  EXPECT_EQ(again.status, 422);
  EXPECT_NE(again.body.find("al aangemeld"), std::string::npos);
  // Bad one-off input.
  auto c = h_.Client();
  auto bad = AppHarness::SubmitForm(*c, url, url + "/aanmelden", {{"name", ""}, {"email", "geen-adres"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM event_registrations"), 2);

  auto mails = Outbox(h_);
  ASSERT_EQ(mails.size(), 3u);
  // Ans came without an account: her address is checked first, and her
  // confirmation waits until she confirms it.
  EXPECT_EQ(mails[0].to, "ans@example.nl");
  EXPECT_NE(mails[0].body.find("/e-mailadres/bevestigen/"), std::string::npos) << mails[0].body;
  EXPECT_EQ(mails[1].to, "ans@example.nl");
  EXPECT_NE(mails[1].subject.find("Aangemeld voor Wijkschouw"), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox WHERE held_reason IS NOT NULL"), 1);
  EXPECT_EQ(mails[2].to, "bert@example.nl");
  EXPECT_NE(mails[2].subject.find("Op de wachtlijst"), std::string::npos);
  size_t p = mails[1].body.find("/activiteit/afmelden/");
  ASSERT_NE(p, std::string::npos) << mails[1].body;
  std::string link = mails[1].body.substr(p, mails[1].body.find('\n', p) - p);

  // The cancel link works without signing in: GET asks, POST cancels.
  auto stranger = h_.Client();
  auto ask = stranger->Get(link);
  ASSERT_EQ(ask.status, 200);
  EXPECT_NE(ask.body.find("Wijkschouw"), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM event_registrations WHERE state = 'cancelled'"), 0)
      << "GET changes nothing";
  auto done = AppHarness::SubmitForm(*stranger, link, link, {});
  EXPECT_EQ(done.status, 200);
  EXPECT_NE(done.body.find("U bent afgemeld."), std::string::npos);
  EXPECT_EQ(AppHarness::SubmitForm(*stranger, "/inloggen", link, {}).status, 404) << "a used link";
  EXPECT_EQ(stranger->Get("/activiteit/afmelden/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status, 404);
  // Bert moved up and was told.
  EXPECT_NE(b->Get(url).body.find("U bent aangemeld."), std::string::npos);
  mails = Outbox(h_);
  ASSERT_EQ(mails.size(), 4u);
  EXPECT_EQ(mails[3].to, "bert@example.nl");
  EXPECT_NE(mails[3].subject.find("U heeft een plek bij Wijkschouw"), std::string::npos);
  // Bert cancels while signed in.
  auto bcancel = AppHarness::SubmitForm(*b, url, url + "/afmelden", {});
  EXPECT_EQ(bcancel.status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM event_registrations WHERE state = 'cancelled'"), 2);
}

TEST_F(EventRoutesTest, CancellingAnEventTellsEveryoneAndTheFeed) {
  int64_t id = CreateEvent("Buurtwandeling", "");
  std::string url = "/activiteit/" + std::to_string(id);
  auto a = h_.Client();
  ASSERT_EQ(AppHarness::SubmitForm(*a, url, url + "/aanmelden", {{"name", "Ans"}, {"email", "ans@example.nl"}}).status,
            303);
  auto b = h_.Client();
  ASSERT_EQ(AppHarness::SubmitForm(*b, url, url + "/aanmelden", {{"name", "Bo"}, {"email", "bo@example.nl"}}).status,
            303);
  std::string page = std::string(kAdmin) + "/" + std::to_string(id);
  EXPECT_NE(kernteam_->Get(page).body.find("bo@example.nl"), std::string::npos) << "the kernteam sees who comes";
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, page, page + "/annuleren", {}).status, 303);
  auto mails = Outbox(h_);
  ASSERT_EQ(mails.size(), 6u) << "for each: the address check, the confirmation; then the cancellation";
  EXPECT_NE(mails[4].subject.find("Buurtwandeling gaat niet door"), std::string::npos);
  EXPECT_NE(mails[5].subject.find("Buurtwandeling gaat niet door"), std::string::npos);
  auto ics = h_.Client()->Get("/wijkplatform/ter-kleef/agenda.ics");
  EXPECT_NE(ics.body.find("\r\nSTATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("\r\nSEQUENCE:1\r\n"), std::string::npos);
  EXPECT_NE(a->Get(url).body.find("gaat niet door"), std::string::npos);
  auto late =
      AppHarness::SubmitForm(*a, "/inloggen", url + "/aanmelden", {{"name", "Cor"}, {"email", "cor@example.nl"}});
  EXPECT_EQ(late.status, 303);
  EXPECT_NE(a->Get(url).body.find("Aanmelden kan niet meer"), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM event_registrations"), 2);
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, page, page + "/annuleren", {}).status, 409) << "cancelled is final";
}

// Members choose e-mail about new activities (platforms' mail choices): on
// publication those who said yes get one announcement with a link that stops
// these mails; those who said no, and drafts, send nothing.
TEST_F(EventRoutesTest, PublishingAnnouncesToMembersWhoChoseEventMail) {
  auto yes = h_.SignedInClient("ja@example.nl");
  auto no = h_.SignedInClient("nee@example.nl");
  for (auto [email, events] : {std::pair{"ja@example.nl", true}, std::pair{"nee@example.nl", false}}) {
    platforms::Member m;
    m.platform_id = platform_id_;
    m.user_id = UserId(h_, email);
    m.joined_at = 1790000000;
    auto r = h_.app().db().Write([&](db::Connection& c) -> Result<void> {
      WP_TRY_VOID(platforms::PlatformStore::InsertMember(c, m, std::string("nl-") + email, std::string("ev-") + email));
      return platforms::PlatformStore::SetMail(c, platform_id_, m.user_id, false, events);
    });
    ASSERT_TRUE(r.has_value()) << r.error().detail;
  }
  int64_t id = CreateEvent("Buurtschouw", "", false);
  EXPECT_TRUE(Outbox(h_).empty()) << "a draft announces nothing";
  std::string page = std::string(kAdmin) + "/" + std::to_string(id);
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, page, page + "/publiceren", {}).status, 303);
  auto mails = Outbox(h_);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, "ja@example.nl");
  EXPECT_NE(mails[0].subject.find("Buurtschouw"), std::string::npos);
  EXPECT_NE(mails[0].body.find("/activiteit/" + std::to_string(id)), std::string::npos);
  EXPECT_NE(mails[0].body.find("/afmelden/ev-ja@example.nl"), std::string::npos) << mails[0].body;
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox WHERE list_unsubscribe IS NOT NULL"), 1);
}

}  // namespace
}  // namespace wp::events
