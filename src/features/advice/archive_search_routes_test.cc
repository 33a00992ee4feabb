// HTTP tests of advice in the archive's search (#14 item 8): a published
// request, a submitted advice and the answer's reasons are found on
// /archief and on the platform's archive with links to their pages; a
// confidential request and its advice never are; a withdrawn request leaves
// the index; the startup rebuild restores lost entries. On SQLite, and on
// PostgreSQL when WP_TEST_DATABASE=postgres.
#include <gtest/gtest.h>

#include "core/db/database.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/platform_world.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::advice {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

int64_t IdOf(const wp::testing::HttpResponse& r) {
  std::string loc(r.Header("Location"));
  return std::stoll(loc.substr(loc.rfind('/') + 1));
}

class AdviceArchiveSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);  // Monday 23 November 2026, 18:30 in Haarlem
    auto id = platforms::testing::AddPlatform(h_);
    ASSERT_TRUE(id.has_value()) << id.error().detail;
    platform_id_ = *id;
    kernteam_ = h_.SignedInClient("kern@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform_id_)}});
    official_ = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "centrum"}});
  }

  // Creates a request (sent unless `send` is false); returns its id.
  int64_t Request(const std::string& subject, const std::string& questions, bool confidential, bool send = true) {
    std::vector<std::pair<std::string, std::string>> fields = {{"subject", subject},
                                                               {"questions", questions},
                                                               {"level", "advise"},
                                                               {"deadline", ""},
                                                               {"contact_name", "Samira"},
                                                               {"contact_email", "gv@haarlem.example"},
                                                               {"platform", std::to_string(platform_id_)}};
    if (confidential) {
      fields.push_back({"confidential", "1"});
      fields.push_back({"confidential_reason", "Lopende onderhandeling"});
    }
    auto created = AppHarness::SubmitForm(*official_, kNewRequest, kNewRequest, fields);
    EXPECT_EQ(created.status, 303) << created.body.substr(0, 3000);
    int64_t id = IdOf(created);
    if (send) {
      auto sent = AppHarness::SubmitForm(*official_, "/advies/aanvraag/" + std::to_string(id),
                                         "/beheer/advies/aanvraag/" + std::to_string(id) + "/versturen", {});
      EXPECT_EQ(sent.status, 303);
    }
    return id;
  }

  // The kernteam writes and submits advice on request `rid`; returns its id.
  int64_t Advise(int64_t rid, const std::string& title, const std::string& points) {
    std::string path = "/wijkplatform/ter-kleef/advies/nieuw?aanvraag=" + std::to_string(rid);
    auto created = AppHarness::SubmitForm(*kernteam_, path, path, {{"title", title}, {"points", points}});
    EXPECT_EQ(created.status, 303) << created.body.substr(0, 3000);
    int64_t id = IdOf(created);
    auto submitted = AppHarness::SubmitForm(*kernteam_, "/advies/" + std::to_string(id),
                                            "/wijkplatform/ter-kleef/advies/" + std::to_string(id) + "/indienen", {});
    EXPECT_EQ(submitted.status, 303);
    return id;
  }

  std::string Search(const std::string& words, const std::string& path = "/archief") {
    auto r = h_.Client()->Get(path + "?q=" + words);
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 2000);
    return r.body;
  }

  static constexpr const char* kNewRequest = "/beheer/advies/aanvraag/nieuw";
  AppHarness h_;
  std::unique_ptr<HttpClient> kernteam_, official_;
  int64_t platform_id_ = 0;
};

TEST_F(AdviceArchiveSearchTest, APublishedAnswerIsFoundByAWordOfItsReason) {
  int64_t draft = Request("Fietsenstalling", "Waar moeten de fietsenrekken komen?", false, false);
  EXPECT_FALSE(Has(Search("fietsenrekken"), "Fietsenstalling")) << "a draft request is not public";

  int64_t rid = Request("Herinrichting plein", "Hoeveel platanen wilt u?", false);
  std::string request_href = "href=\"/advies/aanvraag/" + std::to_string(rid) + "\"";
  auto found = Search("platanen");
  EXPECT_TRUE(Has(found, request_href)) << found.substr(0, 6000);
  EXPECT_TRUE(Has(found, "<mark>platanen</mark>"));
  EXPECT_TRUE(Has(found, "Adviesaanvraag van de gemeente"));
  EXPECT_TRUE(Has(Search("platanen", "/wijkplatform/ter-kleef/archief"), request_href));

  int64_t aid = Advise(rid, "Ons advies over het plein", "Plant twintig lindebomen.\n\nGeen parkeerplaatsen.");
  std::string advice_href = "href=\"/advies/" + std::to_string(aid) + "\"";
  EXPECT_TRUE(Has(Search("lindebomen"), advice_href));
  EXPECT_FALSE(Has(Search("vervoerregio"), advice_href)) << "no answer yet";

  std::string answer = "/beheer/advies/" + std::to_string(aid) + "/antwoord";
  auto answered = AppHarness::SubmitForm(*official_, answer, answer,
                                         {{"verdict_1", "adopted"},
                                          {"reason_1", "Er komen twintig bomen."},
                                          {"verdict_2", "not_ours"},
                                          {"reason_2", "Dat beslist de Vervoerregio."}});
  ASSERT_EQ(answered.status, 303) << answered.body.substr(0, 3000);
  auto hit = Search("vervoerregio");
  EXPECT_TRUE(Has(hit, advice_href)) << hit.substr(0, 6000);
  EXPECT_TRUE(Has(hit, "Antwoord van de gemeente"));
  EXPECT_TRUE(Has(hit, "<mark>Vervoerregio</mark>"));
  EXPECT_TRUE(Has(hit, "Wijkplatform Ter Kleef")) << "the city-wide search names the platform";
  EXPECT_TRUE(Has(Search("vervoerregio&soort=antwoord"), advice_href));
  EXPECT_FALSE(Has(Search("vervoerregio&soort=notulen"), advice_href));
  EXPECT_TRUE(Has(Search("vervoerregio", "/wijkplatform/ter-kleef/archief"), advice_href));
  (void)draft;
}

TEST_F(AdviceArchiveSearchTest, AConfidentialRequestAndItsAdviceAreNeverFound) {
  int64_t rid = Request("Grondaankoop", "Mag de gemeente de kavel kopen?", true);
  int64_t aid = Advise(rid, "Advies over de grond", "Niet verkopen aan projectontwikkelaars.");
  std::string answer = "/beheer/advies/" + std::to_string(aid) + "/antwoord";
  ASSERT_EQ(AppHarness::SubmitForm(*official_, answer, answer,
                                   {{"verdict_1", "partly"}, {"reason_1", "De taxatie volgt in maart."}})
                .status,
            303);
  for (const char* word : {"grondaankoop", "kavel", "projectontwikkelaars", "taxatie"}) {
    auto body = Search(word);
    EXPECT_FALSE(Has(body, "/advies/")) << word;
    EXPECT_TRUE(Has(body, "Wij vonden niets")) << word;
  }
  EXPECT_EQ(wp::testing::Count(h_.app().db(), "SELECT COUNT(*) FROM archive_search WHERE source LIKE 'advice%'"), 0);
}

TEST_F(AdviceArchiveSearchTest, AWithdrawnRequestLeavesTheIndexAndTheRebuildRestoresWhatIsPublic) {
  int64_t rid = Request("Markt op zaterdag", "Hoe vaak wilt u een boerenmarkt?", false);
  std::string href = "href=\"/advies/aanvraag/" + std::to_string(rid) + "\"";
  ASSERT_TRUE(Has(Search("boerenmarkt"), href));
  ASSERT_EQ(AppHarness::SubmitForm(*official_, "/advies/aanvraag/" + std::to_string(rid),
                                   "/beheer/advies/aanvraag/" + std::to_string(rid) + "/intrekken",
                                   {{"reason", "Het plan gaat niet door."}})
                .status,
            303);
  EXPECT_FALSE(Has(Search("boerenmarkt"), href));

  int64_t kept = Request("Speeltuin", "Welke toestellen wilt u bij de vijver?", false);
  auto wiped = h_.app().db().Write([](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(c.Execute("DELETE FROM archive_search"));
    return Ok();
  });
  ASSERT_TRUE(wiped.has_value());
  EXPECT_FALSE(Has(Search("vijver"), "/advies/aanvraag/" + std::to_string(kept)));
  ASSERT_TRUE(h_.app().RebuildSearchIndex().has_value());
  EXPECT_TRUE(Has(Search("vijver"), "href=\"/advies/aanvraag/" + std::to_string(kept) + "\""));
  EXPECT_FALSE(Has(Search("boerenmarkt"), href)) << "the withdrawn one stays out";
}

}  // namespace
}  // namespace wp::advice
