// HTTP tests of the rounds of talks: planning a round, a meeting's date
// (inside the window or with a reason), moving and cancelling it with the
// kernteam's mail, agenda items from both sides until proposing closes,
// draft minutes and agreements that only the kernteam and officials read,
// and marking it held: the minutes go public and the agreements become
// promises on the platform's promises page. Missing rights and bad input
// change nothing. On SQLite, and on PostgreSQL when WP_TEST_DATABASE=postgres.
#include <gtest/gtest.h>

#include "core/db/database.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/platform_world.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::talks {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;
using Fields = std::vector<std::pair<std::string, std::string>>;

int64_t Count(AppHarness& h, const std::string& sql) { return wp::testing::Count(h.app().db(), sql); }
bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

constexpr const char* kOfficial = "/beheer/gesprekken";

class TalkRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);  // Monday 23 November 2026, 18:30 in Haarlem
    auto id = platforms::testing::AddPlatform(h_);
    ASSERT_TRUE(id.has_value()) << id.error().detail;
    platform_id_ = *id;
    kernteam_ = h_.SignedInClient("kern@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform_id_)}});
    liaison_ = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "centrum"}});
    elsewhere_ = h_.SignedInClient("gv-noord@haarlem.example", {{auth::Role::kAreaLiaison, "noord"}});
    resident_ = h_.SignedInClient("bewoner@example.nl");
  }

  // Plans the spring 2027 round for Centrum; returns the platform's meeting id.
  int64_t PlanSpring() {
    auto planned = AppHarness::SubmitForm(*liaison_, kOfficial, kOfficial,
                                          {{"year", "2027"}, {"half", "spring"}, {"borough", "centrum"}});
    EXPECT_EQ(planned.status, 303) << planned.body.substr(0, 3000);
    return Count(h_, "SELECT MAX(id) FROM talk_meetings WHERE half = 'spring'");
  }
  std::string Manage(int64_t id, const std::string& action) {
    return std::string(kOfficial) + "/" + std::to_string(id) + "/" + action;
  }
  wp::testing::HttpResponse Schedule(int64_t id, const std::string& date, const std::string& reason) {
    return AppHarness::SubmitForm(*liaison_, Manage(id, "plannen"), Manage(id, "plannen"),
                                  {{"date", date}, {"time", "19:30"}, {"place", "Buurthuis De Kleef"}, {"reason", reason}});
  }
  // A new session of an existing account.
  std::unique_ptr<HttpClient> SignIn(const std::string& email) {
    auto client = h_.Client();
    auto r = AppHarness::SubmitForm(*client, "/inloggen", "/inloggen",
                                    {{"email", email}, {"password", "correct horse battery staple"}});
    EXPECT_EQ(r.status, 303) << email;
    return client;
  }
  int64_t MailsToKernteam() { return Count(h_, "SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'kern@example.nl'"); }

  AppHarness h_;
  std::unique_ptr<HttpClient> kernteam_, liaison_, elsewhere_, resident_;
  int64_t platform_id_ = 0;
};

TEST_F(TalkRoutesTest, PlanARoundWithOneMeetingPerRecognisedPlatform) {
  EXPECT_EQ(kernteam_->Get(kOfficial).status, 403);
  auto refused = AppHarness::SubmitForm(*elsewhere_, kOfficial, kOfficial,
                                        {{"year", "2027"}, {"half", "spring"}, {"borough", "centrum"}});
  EXPECT_EQ(refused.status, 403) << "a gebiedsverbinder of another stadsdeel";
  auto city = AppHarness::SubmitForm(*liaison_, kOfficial, kOfficial, {{"year", "2027"}, {"half", "spring"}, {"borough", ""}});
  EXPECT_EQ(city.status, 403) << "the whole city is not one stadsdeel's gebiedsverbinder's";
  auto bad = AppHarness::SubmitForm(*liaison_, kOfficial, kOfficial, {{"year", "2040"}, {"half", "spring"}, {"borough", "centrum"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "Vul een jaar in van 2024 tot en met 2028")) << bad.body.substr(0, 3000);
  EXPECT_TRUE(Has(bad.body, "value=\"2040\"")) << "what was typed is kept";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM talk_rounds"), 0);

  int64_t id = PlanSpring();
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM talk_meetings WHERE status = 'to_plan'"), 1);
  auto again = AppHarness::SubmitForm(*liaison_, kOfficial, kOfficial,
                                      {{"year", "2027"}, {"half", "spring"}, {"borough", "centrum"}});
  EXPECT_EQ(again.status, 422);
  EXPECT_TRUE(Has(again.body, "heeft al een gesprek in deze ronde"));
  auto list = h_.Client()->Get("/gesprekken");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Has(list.body, "Wijkplatform Ter Kleef"));
  EXPECT_TRUE(Has(list.body, "Nog te plannen"));
  EXPECT_TRUE(Has(liaison_->Get(kOfficial).body, Manage(id, "verslag")));
  EXPECT_FALSE(Has(elsewhere_->Get(kOfficial).body, "Ter Kleef")) << "only the meetings one plans";
}

TEST_F(TalkRoutesTest, AgendaMinutesAgreementsAndHeldMakesPromises) {
  int64_t id = PlanSpring();
  std::string page = "/gesprekken/" + std::to_string(id);
  auto outside = Schedule(id, "2027-06-20", "");
  EXPECT_EQ(outside.status, 422);
  EXPECT_TRUE(Has(outside.body, "Deze datum valt buiten de ronde")) << outside.body.substr(0, 3000);
  EXPECT_TRUE(Has(outside.body, "value=\"2027-06-20\""));
  EXPECT_EQ(MailsToKernteam(), 0);
  EXPECT_EQ(AppHarness::SubmitForm(*elsewhere_, Manage(id, "plannen"), Manage(id, "plannen"),
                                   {{"date", "2027-04-20"}, {"time", "19:30"}, {"place", "X"}, {"reason", ""}})
                .status,
            403);
  ASSERT_EQ(Schedule(id, "2027-04-20", "").status, 303);
  EXPECT_EQ(MailsToKernteam(), 1) << "the kernteam is mailed when the meeting is planned";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'kern@example.nl' AND body_text LIKE "
                      "'%dinsdag 20 april 2027 om 19:30%'"),
            1);

  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, page, page + "/agenda", {{"text", " "}}).status, 422);
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, page, page + "/agenda", {{"text", "Te hard rijden"}}).status, 303);
  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, page, page + "/agenda", {{"text", "De nieuwe speeltuin"}}).status, 303);
  auto stranger = AppHarness::SubmitForm(*resident_, page, page + "/agenda", {{"text", "Mijn punt"}});
  EXPECT_EQ(stranger.status, 403);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM talk_agenda_items"), 2);

  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, Manage(id, "verslag"), Manage(id, "verslag"),
                                   {{"minutes", "Het kernteam vertelde over te hard rijden."}})
                .status,
            303);
  auto past = AppHarness::SubmitForm(*liaison_, Manage(id, "verslag"), Manage(id, "afspraken"),
                                     {{"text", "Snelheid meten"}, {"department", "Verkeer"}, {"person", "Johan"},
                                      {"due", "2026-11-01"}});
  EXPECT_EQ(past.status, 422);
  EXPECT_TRUE(Has(past.body, "Snelheid meten")) << "what was typed is kept";
  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, Manage(id, "verslag"), Manage(id, "afspraken"),
                                   {{"text", "Snelheid meten op de Kleverlaan"}, {"department", "Verkeer"},
                                    {"person", "Johan Smit"}, {"due", "2027-06-30"}})
                .status,
            303);

  auto public_view = h_.Client()->Get(page);
  ASSERT_EQ(public_view.status, 200);
  EXPECT_TRUE(Has(public_view.body, "Te hard rijden"));
  EXPECT_TRUE(Has(public_view.body, "het kernteam, kern"));
  EXPECT_TRUE(Has(public_view.body, "de gemeente, gv"));
  EXPECT_FALSE(Has(public_view.body, "Het kernteam vertelde")) << "draft minutes are not public";
  EXPECT_FALSE(Has(public_view.body, "Snelheid meten")) << "draft agreements are not public";
  EXPECT_FALSE(Has(h_.Client()->Get("/archief?q=vertelde").body, "href=\"" + page + "\""))
      << "draft minutes are not in the archive's search";
  auto kernteam_view = kernteam_->Get(page);
  EXPECT_TRUE(Has(kernteam_view.body, "Het kernteam vertelde"));
  EXPECT_TRUE(Has(kernteam_view.body, "Concept"));
  EXPECT_TRUE(Has(kernteam_view.body, "Snelheid meten op de Kleverlaan"));
  EXPECT_TRUE(Has(h_.Client()->Get("/wijkplatform/ter-kleef").body, "Het volgende gesprek is op dinsdag 20 april 2027"));

  EXPECT_EQ(AppHarness::SubmitForm(*liaison_, Manage(id, "verslag"), Manage(id, "gehouden"), {}).status, 409)
      << "not before the meeting";
  h_.clock().Set(1808301600);  // Wednesday 21 April 2027, 12:00: sign in again (sessions end when unused)
  kernteam_ = SignIn("kern@example.nl");
  liaison_ = SignIn("gv@haarlem.example");
  elsewhere_ = SignIn("gv-noord@haarlem.example");
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, page, page + "/agenda", {{"text", "Te laat"}}).status, 409)
      << "proposing has closed";
  EXPECT_EQ(AppHarness::SubmitForm(*elsewhere_, Manage(id, "verslag"), Manage(id, "gehouden"), {}).status, 403);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM promises"), 0);
  auto held = AppHarness::SubmitForm(*liaison_, Manage(id, "verslag"), Manage(id, "gehouden"), {});
  ASSERT_EQ(held.status, 303) << held.body.substr(0, 3000);

  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM promises WHERE source = 'talk' AND person = 'Johan Smit' AND meeting_id = " +
                          std::to_string(id)),
            1);
  int64_t promise = Count(h_, "SELECT MAX(id) FROM promises");
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM talk_agreements WHERE promise_id = " + std::to_string(promise)), 1);
  auto after = h_.Client()->Get(page);
  EXPECT_TRUE(Has(after.body, "Het kernteam vertelde")) << "the minutes are public once held";
  auto found = h_.Client()->Get("/archief?q=vertelde");
  EXPECT_TRUE(Has(found.body, "href=\"" + page + "\"")) << "held minutes are in the archive's search";
  EXPECT_TRUE(Has(found.body, "Verslag van het gesprek met de gemeente, voorjaar 2027"));
  EXPECT_TRUE(Has(found.body, "<mark>vertelde</mark>"));
  EXPECT_TRUE(
      Has(h_.Client()->Get("/wijkplatform/ter-kleef/archief?q=kleverlaan&soort=notulen").body, "href=\"" + page + "\""))
      << "the agreements too, in the platform's archive";
  EXPECT_TRUE(Has(after.body, "href=\"/toezeggingen/" + std::to_string(promise) + "\""));
  auto promises_page = h_.Client()->Get("/wijkplatform/ter-kleef/toezeggingen");
  EXPECT_TRUE(Has(promises_page.body, "Snelheid meten op de Kleverlaan")) << "the agreement is a promise";
  EXPECT_TRUE(Has(h_.Client()->Get("/toezeggingen/" + std::to_string(promise)).body, "href=\"" + page + "\""))
      << "the promise links back to the meeting";

  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, Manage(id, "verslag"), Manage(id, "sluiten"), {}).status, 303);
  EXPECT_EQ(AppHarness::SubmitForm(*liaison_, Manage(id, "verslag"), Manage(id, "verslag"), {{"minutes", "x"}}).status,
            409)
      << "nothing changes after closing";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM talk_history WHERE meeting_id = " + std::to_string(id)), 8)
      << "created, planned, two agenda items, minutes, agreement, held, closed";
}

TEST_F(TalkRoutesTest, MoveAndCancelWithAReasonMailTheKernteam) {
  int64_t id = PlanSpring();
  ASSERT_EQ(Schedule(id, "2027-04-20", "").status, 303);
  auto no_reason = Schedule(id, "2027-04-27", "");
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Has(no_reason.body, "Schrijf waarom het gesprek verschuift"));
  ASSERT_EQ(Schedule(id, "2027-04-27", "De zaal is bezet.").status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM talk_meetings WHERE status = 'moved'"), 1);
  EXPECT_EQ(MailsToKernteam(), 2);

  auto missing = AppHarness::SubmitForm(*liaison_, Manage(id, "verslag"), Manage(id, "afgelasten"), {{"reason", ""}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(Has(missing.body, "Schrijf de reden"));
  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, Manage(id, "verslag"), Manage(id, "afgelasten"),
                                   {{"reason", "Te weinig onderwerpen."}})
                .status,
            303);
  EXPECT_EQ(MailsToKernteam(), 3);
  auto page = h_.Client()->Get("/gesprekken/" + std::to_string(id));
  EXPECT_TRUE(Has(page.body, "Afgelast"));
  EXPECT_TRUE(Has(page.body, "Te weinig onderwerpen."));
  EXPECT_TRUE(Has(page.body, "De zaal is bezet.")) << "the move is in the history";
  EXPECT_EQ(Schedule(id, "2027-05-04", "Toch wel").status, 409) << "a cancelled meeting stays cancelled";
  EXPECT_TRUE(Has(h_.Client()->Get("/wijkplatform/ter-kleef").body, "Er is nu geen gesprek met de gemeente gepland."));
}

TEST(TalkDemoTest, TheDemoHasAHeldAPlannedAndACancelledMeeting) {
  AppHarness h;
  ASSERT_TRUE(h.app().LoadDemoContent().has_value());
  auto list = h.Client()->Get("/gesprekken");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Has(list.body, "Gehouden"));
  EXPECT_TRUE(Has(list.body, "Gepland"));
  EXPECT_TRUE(Has(list.body, "Afgelast"));
  EXPECT_EQ(Count(h, "SELECT COUNT(*) FROM promises WHERE source = 'talk'"), 2) << "the held meeting's agreements";
  EXPECT_EQ(Count(h, "SELECT COUNT(*) FROM talk_agenda_items"), 6);
  auto platform = h.Client()->Get("/wijkplatform/wijkplatform-boerhaavewijk");
  EXPECT_TRUE(Has(platform.body, "Het volgende gesprek is op"));
  EXPECT_TRUE(Has(platform.body, "Een vaste plek voor het spreekuur"));
  ASSERT_TRUE(h.app().LoadDemoContent().has_value());
  EXPECT_EQ(Count(h, "SELECT COUNT(*) FROM talk_meetings"), 3) << "loading the demo twice adds nothing";
  EXPECT_EQ(Count(h, "SELECT COUNT(*) FROM promises WHERE source = 'talk'"), 2);
}

}  // namespace
}  // namespace wp::talks
