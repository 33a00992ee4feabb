// HTTP tests of the promises log: making, updating, handing over and
// dropping a promise with its history; the late list per stadsdeel; "make
// it a promise" from an answered advice point; the wijkcontract's municipal
// commitments shown with the promises; missing rights and bad input change
// nothing. On SQLite, and on PostgreSQL when WP_TEST_DATABASE=postgres.
#include <gtest/gtest.h>

#include "core/db/database.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/platform_world.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::promises {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;
using Fields = std::vector<std::pair<std::string, std::string>>;

int64_t Count(AppHarness& h, const std::string& sql) { return wp::testing::Count(h.app().db(), sql); }
bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

int64_t IdOf(const wp::testing::HttpResponse& r) {
  std::string loc(r.Header("Location"));
  return std::stoll(loc.substr(loc.rfind('/') + 1));
}

constexpr const char* kNew = "/beheer/toezeggingen/nieuw";

class PromiseRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);  // Monday 23 November 2026, 18:30 in Haarlem
    auto id = platforms::testing::AddPlatform(h_);
    ASSERT_TRUE(id.has_value()) << id.error().detail;
    platform_id_ = *id;
    kernteam_ = h_.SignedInClient("kern@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform_id_)}});
    liaison_ = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "centrum"}});
    elsewhere_ = h_.SignedInClient("gv-noord@haarlem.example", {{auth::Role::kAreaLiaison, "noord"}});
  }

  Fields Form(const std::string& text, const std::string& due) {
    return {{"platform", std::to_string(platform_id_)},
            {"text", text},
            {"source", "meeting"},
            {"source_note", "Wijkschouw"},
            {"department", "Openbare Ruimte"},
            {"person", "Karin Jansen"},
            {"due", due}};
  }

  // Makes a promise as the liaison; returns its id.
  int64_t Make(const std::string& text, const std::string& due) {
    auto made = AppHarness::SubmitForm(*liaison_, kNew, kNew, Form(text, due));
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 3000);
    return IdOf(made);
  }

  AppHarness h_;
  std::unique_ptr<HttpClient> kernteam_, liaison_, elsewhere_;
  int64_t platform_id_ = 0;
};

TEST_F(PromiseRoutesTest, MakeUpdateHandOverAndFinishAPromiseWithItsHistory) {
  auto form = liaison_->Get(std::string(kNew) + "?platform=" + std::to_string(platform_id_));
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 2000);
  EXPECT_TRUE(Has(form.body, "Wijkplatform Ter Kleef"));

  auto past = AppHarness::SubmitForm(*liaison_, kNew, kNew, Form("Nieuwe bomen", "2026-11-20"));
  EXPECT_EQ(past.status, 422);
  EXPECT_TRUE(Has(past.body, "Deze datum is al voorbij")) << past.body.substr(0, 3000);
  EXPECT_TRUE(Has(past.body, "Nieuwe bomen")) << "what was typed is kept";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM promises"), 0);

  auto refused = AppHarness::SubmitForm(*elsewhere_, kNew, kNew, Form("Nieuwe bomen", "2027-03-31"));
  EXPECT_EQ(refused.status, 403) << "a gebiedsverbinder of another stadsdeel";
  EXPECT_EQ(kernteam_->Get(kNew).status, 403);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM promises"), 0);

  int64_t id = Make("Nieuwe bomen in de Kleverlaan", "2027-03-31");
  std::string page = "/toezeggingen/" + std::to_string(id);
  auto visitor = h_.Client();
  auto shown = visitor->Get(page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "Nieuwe bomen in de Kleverlaan"));
  EXPECT_TRUE(Has(shown.body, "31 maart 2027"));
  EXPECT_TRUE(Has(shown.body, "Karin Jansen"));
  EXPECT_FALSE(Has(shown.body, "/bijwerken")) << "visitors see no forms";
  EXPECT_TRUE(Has(liaison_->Get(page).body, "/bijwerken"));

  auto platform_page = visitor->Get("/wijkplatform/ter-kleef/toezeggingen");
  ASSERT_EQ(platform_page.status, 200);
  EXPECT_TRUE(Has(platform_page.body, "Nieuwe bomen in de Kleverlaan"));
  auto section = visitor->Get("/wijkplatform/ter-kleef");
  EXPECT_TRUE(Has(section.body, "Toezeggingen van de gemeente")) << "the platform page has the section";
  EXPECT_TRUE(Has(section.body, "1 toezegging open, 0 te laat, 0 gedaan."));

  auto news = AppHarness::SubmitForm(*liaison_, page, page + "/bijwerken", {{"text", "De bomen zijn besteld."}});
  EXPECT_EQ(news.status, 303) << news.body.substr(0, 2000);
  auto no_reason = AppHarness::SubmitForm(*liaison_, page, page + "/bijwerken", {{"text", ""}, {"status", "dropped"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Has(no_reason.body, "Schrijf waarom de toezegging vervalt"));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM promises WHERE status = 'open'"), 1);
  auto not_theirs =
      AppHarness::SubmitForm(*elsewhere_, page, page + "/bijwerken", {{"text", "Klaar"}, {"status", "done"}});
  EXPECT_EQ(not_theirs.status, 403);

  auto same = AppHarness::SubmitForm(*liaison_, page, page + "/overdragen",
                                     {{"department", "Openbare Ruimte"}, {"person", "Karin Jansen"}, {"note", ""}});
  EXPECT_EQ(same.status, 422);
  auto handed = AppHarness::SubmitForm(
      *liaison_, page, page + "/overdragen",
      {{"department", "Openbare Ruimte"}, {"person", "Mehmet Yilmaz"}, {"note", "Karin werkt nu in Noord."}});
  EXPECT_EQ(handed.status, 303) << handed.body.substr(0, 2000);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM promises WHERE person = 'Mehmet Yilmaz'"), 1);

  auto done = AppHarness::SubmitForm(*liaison_, page, page + "/bijwerken", {{"text", "Geplant."}, {"status", "done"}});
  EXPECT_EQ(done.status, 303);
  auto closed = AppHarness::SubmitForm(*liaison_, page, page + "/overdragen",
                                       {{"department", "Wonen"}, {"person", "Ilse"}, {"note", ""}});
  EXPECT_EQ(closed.status, 409) << "a done promise is not handed over";

  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM promise_history WHERE promise_id = " + std::to_string(id)), 4)
      << "created, news, handover, done";
  auto final_page = visitor->Get(page);
  EXPECT_TRUE(Has(final_page.body, "Openbare Ruimte — Karin Jansen → Openbare Ruimte — Mehmet Yilmaz"))
      << "the handover is a history line";
  EXPECT_TRUE(Has(final_page.body, "De bomen zijn besteld."));
  EXPECT_TRUE(Has(final_page.body, "Open → Gedaan"));
}

TEST_F(PromiseRoutesTest, LatePromisesAreListedPerStadsdeelInWorkingDays) {
  int64_t late = Make("Lantaarnpalen repareren", "2026-11-27");
  Make("Bankjes in het park", "2027-05-01");
  EXPECT_TRUE(Has(liaison_->Get("/beheer/toezeggingen").body, "Er zijn geen toezeggingen te laat."));

  h_.clock().Set(1796119200);  // Tuesday 1 December 2026, 11:00
  auto list = liaison_->Get("/beheer/toezeggingen");
  ASSERT_EQ(list.status, 200) << list.body.substr(0, 2000);
  EXPECT_TRUE(Has(list.body, "Centrum"));
  EXPECT_TRUE(Has(list.body, "Lantaarnpalen repareren"));
  EXPECT_TRUE(Has(list.body, "\">2</td>")) << "Monday and Tuesday: two working days late\n" << list.body;
  EXPECT_FALSE(Has(list.body, "Bankjes in het park"));
  EXPECT_TRUE(Has(liaison_->Get("/wijkplatform/ter-kleef/toezeggingen").body, "href=\"/beheer/toezeggingen\""))
      << "the way to the late list";

  EXPECT_FALSE(Has(elsewhere_->Get("/beheer/toezeggingen").body, "Lantaarnpalen")) << "another stadsdeel";
  EXPECT_EQ(kernteam_->Get("/beheer/toezeggingen").status, 403);
  auto platform_page = h_.Client()->Get("/wijkplatform/ter-kleef/toezeggingen");
  EXPECT_TRUE(Has(platform_page.body, "Te laat (2 werkdagen)"));
  EXPECT_TRUE(Has(h_.Client()->Get("/wijkplatform/ter-kleef").body, "2 toezeggingen open, 1 te laat, 0 gedaan."));

  std::string page = "/toezeggingen/" + std::to_string(late);
  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, page, page + "/bijwerken", {{"text", "Gerepareerd."}, {"status", "done"}})
                .status,
            303);
  EXPECT_TRUE(Has(liaison_->Get("/beheer/toezeggingen").body, "Er zijn geen toezeggingen te laat."));
}

TEST_F(PromiseRoutesTest, MakeItAPromiseFromAnAdoptedAnswerPoint) {
  std::string new_advice = "/wijkplatform/ter-kleef/advies/nieuw";
  auto created = AppHarness::SubmitForm(*kernteam_, new_advice, new_advice,
                                        {{"title", "Groen in de wijk"},
                                         {"points", "Plant bomen in de Kleverlaan.\n\nMaak een hondenveld."},
                                         {"addressee", "Wethouder Groen"},
                                         {"input_summary", ""},
                                         {"meetings_held", ""},
                                         {"people_reached", ""}});
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
  int64_t advice_id = IdOf(created);
  std::string advice_page = "/advies/" + std::to_string(advice_id);
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, advice_page,
                                   "/wijkplatform/ter-kleef/advies/" + std::to_string(advice_id) + "/indienen", {})
                .status,
            303);
  std::string answer = "/beheer/advies/" + std::to_string(advice_id) + "/antwoord";
  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, answer, answer,
                                   {{"verdict_1", "adopted"},
                                    {"reason_1", "Er komen twaalf bomen in de Kleverlaan."},
                                    {"verdict_2", "not_adopted"},
                                    {"reason_2", "Er is geen plek."}})
                .status,
            303);

  std::string from = std::string(kNew) + "?advies=" + std::to_string(advice_id) + "&punt=";
  auto answered = liaison_->Get(advice_page);
  EXPECT_TRUE(Has(answered.body, "Maak er een toezegging van"));
  EXPECT_TRUE(Has(answered.body, "punt=1\"")) << "the adopted point offers a promise";
  EXPECT_FALSE(Has(answered.body, "punt=2\"")) << "the point not adopted does not";
  EXPECT_FALSE(Has(h_.Client()->Get(advice_page).body, "Maak er een toezegging van")) << "only for officials";
  auto expert = h_.SignedInClient("expert@haarlem.example", {{auth::Role::kMunicipalExpert, ""}});
  EXPECT_FALSE(Has(expert->Get(advice_page).body, "Maak er een toezegging van"))
      << "an expert may answer advice but does not keep the promises";
  auto form = liaison_->Get(from + "1");
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 3000);
  EXPECT_TRUE(Has(form.body, "Er komen twaalf bomen in de Kleverlaan.")) << "the answer fills in the promise";
  EXPECT_TRUE(Has(form.body, "Antwoord op adviespunt 1"));
  EXPECT_EQ(liaison_->Get(from + "2").status, 409) << "a point not adopted is no promise";
  EXPECT_EQ(liaison_->Get(from + "3").status, 404);
  EXPECT_EQ(elsewhere_->Get(from + "1").status, 403);

  auto made = AppHarness::SubmitForm(*liaison_, from + "1", kNew,
                                     {{"advies", std::to_string(advice_id)},
                                      {"punt", "1"},
                                      {"platform", std::to_string(platform_id_)},
                                      {"text", "Er komen twaalf bomen in de Kleverlaan."},
                                      {"department", "Openbare Ruimte"},
                                      {"person", "Karin Jansen"},
                                      {"due", "2027-04-30"}});
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 3000);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM promises WHERE source = 'answer' AND point_number = 1 AND advice_id = " +
                          std::to_string(advice_id)),
            1);
  auto page = h_.Client()->Get("/toezeggingen/" + std::to_string(IdOf(made)));
  EXPECT_TRUE(Has(page.body, "href=\"" + advice_page + "\"")) << "the promise links its answer";
}

TEST_F(PromiseRoutesTest, TheContractsMunicipalCommitmentsAreShownNotCopied) {
  std::string new_contract = "/wijkplatform/ter-kleef/wijkcontract/nieuw";
  auto created = AppHarness::SubmitForm(*kernteam_, new_contract, new_contract,
                                        {{"year", "2026"},
                                         {"title", "Wijkcontract Ter Kleef 2026"},
                                         {"contact_name", "Samira"},
                                         {"contact_email", "gv@haarlem.example"}});
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
  int64_t id = IdOf(created);
  std::string page = "/wijkcontract/" + std::to_string(id);
  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, page, page + "/thema", {{"name", "Groen"}}).status, 303);
  std::string theme = std::to_string(Count(h_, "SELECT MAX(id) FROM contract_themes"));
  auto add = [&](const std::string& text, const std::string& party) {
    std::string path = page + "/afspraak/nieuw";
    auto added = AppHarness::SubmitForm(*liaison_, path, path,
                                        {{"theme_id", theme},
                                         {"text", text},
                                         {"party", party},
                                         {"party_name", party == "department" ? "Openbare Ruimte" : "Kernteam"},
                                         {"owner_name", "Kees"},
                                         {"owner_email", "kees@haarlem.example"},
                                         {"due", "2026-12-18"}});
    EXPECT_EQ(added.status, 303) << added.body.substr(0, 3000);
  };
  add("Twintig bomen planten", "department");
  add("Een buurtfeest houden", "platform");
  auto before = h_.Client()->Get("/wijkplatform/ter-kleef/toezeggingen");
  EXPECT_FALSE(Has(before.body, "Twintig bomen planten")) << "a draft contract is not shown";
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, page, page + "/goedkeuren", {}).status, 303);
  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, page, page + "/goedkeuren", {}).status, 303);

  auto shown = h_.Client()->Get("/wijkplatform/ter-kleef/toezeggingen");
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "Twintig bomen planten"));
  EXPECT_TRUE(Has(shown.body, "href=\"" + page + "/afspraak/")) << "linked to the contract, where it is kept";
  EXPECT_FALSE(Has(shown.body, "Een buurtfeest houden")) << "the platform's own commitments are not the municipality's";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM promises"), 0) << "nothing copied";
  EXPECT_TRUE(Has(h_.Client()->Get("/wijkplatform/ter-kleef").body, "1 afspraak van de gemeente in het wijkcontract"));
}

}  // namespace
}  // namespace wp::promises

namespace wp::promises {
namespace {

TEST(PromiseDemoTest, TheDemoHasPromisesOnTimeLateDoneAndHandedOver) {
  AppHarness h;
  ASSERT_TRUE(h.app().LoadDemoContent().has_value());
  auto page = h.Client()->Get("/wijkplatform/wijkplatform-boerhaavewijk/toezeggingen");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "Er komen 24 nieuwe bomen")) << "from the answered demo advice";
  EXPECT_TRUE(Has(page.body, "Te laat (")) << "the wijkschouw promise is late";
  EXPECT_TRUE(Has(page.body, "Gedaan"));
  EXPECT_TRUE(Has(page.body, "Afspraken van de gemeente in het wijkcontract")) << "the demo contract's commitments";
  EXPECT_EQ(Count(h, "SELECT COUNT(*) FROM promise_history WHERE kind = 'handover'"), 1);
  EXPECT_EQ(Count(h, "SELECT COUNT(*) FROM promises WHERE source = 'answer' AND person = 'Mehmet Yilmaz'"), 1);
  ASSERT_TRUE(h.app().LoadDemoContent().has_value());
  EXPECT_EQ(Count(h, "SELECT COUNT(*) FROM promises WHERE source <> 'talk'"), 3 + 22)
      << "three current ones and 22 earlier ones kept; loading the demo twice adds nothing (the talk promises are the "
         "rounds of talks' demo)";
}

}  // namespace
}  // namespace wp::promises
