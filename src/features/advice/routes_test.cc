// HTTP tests of advice: the whole loop (request -> advice -> answer -> closed)
// with its e-mails and history, rights, confidential requests, unsolicited
// advice and the overdue list. On SQLite, and on PostgreSQL when
// WP_TEST_DATABASE=postgres.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/db/database.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/platform_world.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::advice {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;

int64_t Count(AppHarness& h, const std::string& sql) { return wp::testing::Count(h.app().db(), sql); }
int64_t UserId(AppHarness& h, const std::string& email) { return wp::testing::UserId(h.app().db(), email); }

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

// The number after the last '/' of a redirect.
int64_t IdOf(const wp::testing::HttpResponse& r) {
  std::string loc(r.Header("Location"));
  return std::stoll(loc.substr(loc.rfind('/') + 1));
}

int MailsTo(AppHarness& h, const std::string& to, const std::string& subject_part) {
  int n = 0;
  for (const auto& m : wp::testing::Outbox(h.app().db())) {
    if (m.to == to && Has(m.subject, subject_part)) ++n;
  }
  return n;
}

class AdviceRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);  // Monday 23 November 2026, 18:30 in Haarlem
    auto id = platforms::testing::AddPlatform(h_);
    ASSERT_TRUE(id.has_value()) << id.error().detail;
    platform_id_ = *id;
    kernteam_ = h_.SignedInClient("kern@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform_id_)}});
    official_ = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "centrum"}});
  }

  // The request form's fields; each of `changes` replaces the field of its
  // name, or is added when the form has none.
  std::vector<std::pair<std::string, std::string>> RequestFields(
      const std::string& subject, const std::string& deadline,
      const std::vector<std::pair<std::string, std::string>>& changes = {}) {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"subject", subject},        {"questions", "Wat vindt u van de plannen?\n\nWaar moet groen komen?"},
        {"level", "advise"},         {"deadline", deadline},
        {"contact_name", "Samira"},  {"contact_email", "gv@haarlem.example"},
        {"confidential_reason", ""}, {"platform", std::to_string(platform_id_)}};
    for (const auto& [name, value] : changes) {
      auto f = std::find_if(fields.begin(), fields.end(), [&](const auto& x) { return x.first == name; });
      if (f != fields.end()) {
        f->second = value;
      } else {
        fields.push_back({name, value});
      }
    }
    return fields;
  }

  // Creates and sends a request; returns its id.
  int64_t OpenRequest(const std::string& subject, std::vector<std::pair<std::string, std::string>> extra = {}) {
    auto fields = RequestFields(subject, "", extra);
    auto created = AppHarness::SubmitForm(*official_, kNewRequest, kNewRequest, fields);
    EXPECT_EQ(created.status, 303) << created.body.substr(0, 3000);
    int64_t id = IdOf(created);
    std::string page = "/advies/aanvraag/" + std::to_string(id);
    auto sent =
        AppHarness::SubmitForm(*official_, page, "/beheer/advies/aanvraag/" + std::to_string(id) + "/versturen", {});
    EXPECT_EQ(sent.status, 303);
    return id;
  }

  // The kernteam writes and submits advice; returns its id.
  int64_t SubmitAdvice(const std::string& path, std::vector<std::pair<std::string, std::string>> fields) {
    auto created = AppHarness::SubmitForm(*kernteam_, path, path, fields);
    EXPECT_EQ(created.status, 303) << created.body.substr(0, 3000);
    int64_t id = IdOf(created);
    std::string page = "/advies/" + std::to_string(id);
    auto submitted = AppHarness::SubmitForm(*kernteam_, page,
                                            "/wijkplatform/ter-kleef/advies/" + std::to_string(id) + "/indienen", {});
    EXPECT_EQ(submitted.status, 303);
    return id;
  }

  static constexpr const char* kNewRequest = "/beheer/advies/aanvraag/nieuw";
  AppHarness h_;
  std::unique_ptr<HttpClient> kernteam_, official_;
  int64_t platform_id_ = 0;
};

TEST_F(AdviceRoutesTest, RequestAdviceAnswerAndCloseEndToEnd) {
  auto form = official_->Get(kNewRequest);
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 2000);
  EXPECT_TRUE(Has(form.body, "value=\"2027-01-04\"")) << "six weeks by default";
  EXPECT_TRUE(Has(form.body, "Wijkplatform Ter Kleef"));

  auto past = AppHarness::SubmitForm(*official_, kNewRequest, kNewRequest, RequestFields("Plein", "2026-11-20"));
  EXPECT_EQ(past.status, 422);
  EXPECT_TRUE(Has(past.body, "Deze datum is al voorbij")) << past.body.substr(0, 3000);
  EXPECT_TRUE(Has(past.body, "value=\"Plein\"")) << "what was typed is kept";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_requests"), 0);

  auto created = AppHarness::SubmitForm(*official_, kNewRequest, kNewRequest, RequestFields("Herinrichting plein", ""));
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
  int64_t rid = IdOf(created);
  std::string request_page = "/advies/aanvraag/" + std::to_string(rid);
  auto visitor = h_.Client();
  EXPECT_EQ(visitor->Get(request_page).status, 404) << "a draft is for officials";
  EXPECT_TRUE(Has(official_->Get(request_page).body, "Concept"));
  EXPECT_EQ(MailsTo(h_, "kern@example.nl", "adviesaanvraag"), 0);

  ASSERT_EQ(AppHarness::SubmitForm(*official_, request_page,
                                   "/beheer/advies/aanvraag/" + std::to_string(rid) + "/versturen", {})
                .status,
            303);
  EXPECT_EQ(MailsTo(h_, "kern@example.nl", "adviesaanvraag: Herinrichting plein"), 1);
  EXPECT_EQ(MailsTo(h_, "terkleef@example.nl", "adviesaanvraag"), 1) << "the platform's own address too";
  auto shown = visitor->Get(request_page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "Open voor advies"));
  EXPECT_TRUE(Has(shown.body, "4 januari 2027")) << "the deadline in local time";
  EXPECT_TRUE(Has(visitor->Get("/advies").body, "Herinrichting plein"));
  EXPECT_TRUE(Has(kernteam_->Get(request_page).body, "Advies geven namens Wijkplatform Ter Kleef"));

  std::string new_advice = "/wijkplatform/ter-kleef/advies/nieuw?aanvraag=" + std::to_string(rid);
  ASSERT_EQ(kernteam_->Get(new_advice).status, 200);
  auto empty = AppHarness::SubmitForm(*kernteam_, new_advice, new_advice, {{"title", "Ons advies"}, {"points", " "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Has(empty.body, "Schrijf minstens een adviespunt"));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advices"), 0);

  auto created_advice =
      AppHarness::SubmitForm(*kernteam_, new_advice, new_advice,
                             {{"title", "Ons advies over het plein"},
                              {"points", "Meer bomen.\n\nEen zebrapad bij de school.\n\nDe bus moet blijven."},
                              {"input_summary", "Twee avonden"},
                              {"meetings_held", "2"},
                              {"people_reached", "40"}});
  ASSERT_EQ(created_advice.status, 303) << created_advice.body.substr(0, 3000);
  int64_t aid = IdOf(created_advice);
  std::string advice_page = "/advies/" + std::to_string(aid);
  EXPECT_EQ(visitor->Get(advice_page).status, 404) << "a draft advice is the kernteam's";
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, advice_page,
                                   "/wijkplatform/ter-kleef/advies/" + std::to_string(aid) + "/indienen", {})
                .status,
            303);
  EXPECT_EQ(MailsTo(h_, "gv@haarlem.example", "advies van Wijkplatform Ter Kleef"), 1);
  auto waiting = visitor->Get(advice_page);
  ASSERT_EQ(waiting.status, 200);
  EXPECT_TRUE(Has(waiting.body, "Wacht op antwoord"));
  EXPECT_TRUE(Has(waiting.body, "Een zebrapad bij de school."));
  EXPECT_TRUE(Has(visitor->Get(request_page).body, "Advies ontvangen"));
  auto overview = official_->Get("/beheer/advies");
  ASSERT_EQ(overview.status, 200);
  EXPECT_TRUE(Has(overview.body, "href=\"" + advice_page + "\""));

  std::string answer = "/beheer/advies/" + std::to_string(aid) + "/antwoord";
  ASSERT_EQ(official_->Get(answer).status, 200);
  EXPECT_EQ(kernteam_->Get(answer).status, 403) << "the kernteam does not answer its own advice";
  auto half = AppHarness::SubmitForm(*official_, answer, answer,
                                     {{"verdict_1", "adopted"}, {"reason_1", "Doen we."}, {"verdict_2", "partly"}});
  EXPECT_EQ(half.status, 422);
  EXPECT_TRUE(Has(half.body, "Leg bij punt 2 uit waarom")) << half.body.substr(0, 4000);
  EXPECT_TRUE(Has(half.body, "href=\"#f-verdict_3\""));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_points WHERE verdict IS NOT NULL"), 0) << "nothing changed";

  auto answered = AppHarness::SubmitForm(*official_, answer, answer,
                                         {{"verdict_1", "adopted"},
                                          {"reason_1", "Er komen 20 bomen."},
                                          {"verdict_2", "partly"},
                                          {"reason_2", "Een verhoogde oversteek."},
                                          {"verdict_3", "not_ours"},
                                          {"reason_3", "Dat beslist de Vervoerregio."}});
  ASSERT_EQ(answered.status, 303) << answered.body.substr(0, 3000);
  EXPECT_EQ(MailsTo(h_, "kern@example.nl", "antwoord op uw advies"), 1);
  auto thread = visitor->Get(request_page);
  EXPECT_TRUE(Has(thread.body, "Beantwoord"));
  EXPECT_TRUE(Has(thread.body, "Deels overgenomen"));
  EXPECT_TRUE(Has(thread.body, "Dat beslist de Vervoerregio."));
  EXPECT_TRUE(Has(thread.body, "Niet aan de gemeente"));
  EXPECT_TRUE(Has(thread.body, "Open voor advies → Advies ontvangen")) << "the history";
  EXPECT_EQ(official_->Get(answer).status, 409) << "answered once";

  ASSERT_EQ(AppHarness::SubmitForm(*official_, request_page,
                                   "/beheer/advies/aanvraag/" + std::to_string(rid) + "/sluiten", {})
                .status,
            303);
  auto closed = visitor->Get(request_page);
  EXPECT_TRUE(Has(closed.body, "Beantwoord → Afgesloten"));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_history WHERE request_id = " + std::to_string(rid)), 5)
      << "draft, open, advice submitted, answered, closed";
  EXPECT_TRUE(Has(visitor->Get("/advies").body, "href=\"" + advice_page + "\""));
  EXPECT_TRUE(Has(kernteam_->Get("/advies").body, "href=\"/wijkplatform/ter-kleef/advies\""))
      << "the kernteam's way to its platform's advice";
  auto platform = visitor->Get("/wijkplatform/ter-kleef/advies");
  ASSERT_EQ(platform.status, 200);
  EXPECT_TRUE(Has(platform.body, "Herinrichting plein"));
  EXPECT_TRUE(Has(platform.body, "Ons advies over het plein"));
}

TEST_F(AdviceRoutesTest, MissingRightsChangeNothing) {
  auto elsewhere = h_.SignedInClient("gv2@haarlem.example", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  auto form = elsewhere->Get(kNewRequest);
  ASSERT_EQ(form.status, 200);
  EXPECT_FALSE(Has(form.body, "Wijkplatform Ter Kleef")) << "only the platforms of one's stadsdeel";
  EXPECT_EQ(AppHarness::SubmitForm(*elsewhere, kNewRequest, kNewRequest, RequestFields("Plein", "")).status, 403);
  auto resident = h_.SignedInClient("bewoner@example.nl");
  EXPECT_EQ(resident->Get("/beheer/advies").status, 403);
  EXPECT_EQ(resident->Get(kNewRequest).status, 403);
  EXPECT_EQ(kernteam_->Get(kNewRequest).status, 403);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_requests"), 0);

  int64_t rid = OpenRequest("Speelplekken");
  std::string page = "/advies/aanvraag/" + std::to_string(rid);
  EXPECT_EQ(AppHarness::SubmitForm(*elsewhere, page, "/beheer/advies/aanvraag/" + std::to_string(rid) + "/sluiten", {})
                .status,
            403);
  EXPECT_EQ(resident->Get("/wijkplatform/ter-kleef/advies/nieuw").status, 403);
  EXPECT_EQ(AppHarness::SubmitForm(*official_, page, "/beheer/advies/aanvraag/" + std::to_string(rid) + "/sluiten", {})
                .status,
            409)
      << "an open request is not closed before it is answered";
  EXPECT_EQ(h_.Client()->Get("/advies/aanvraag/999").status, 404);
  EXPECT_EQ(h_.Client()->Get("/advies/abc").status, 404);
  EXPECT_TRUE(Has(official_->Get(page).body, "Open voor advies"));
}

TEST_F(AdviceRoutesTest, AConfidentialRequestIsForTheOfficialsAndTheKernteamOnly) {
  auto no_reason = AppHarness::SubmitForm(*official_, kNewRequest, kNewRequest,
                                          RequestFields("Grondaankoop", "", {{"confidential", "1"}}));
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Has(no_reason.body, "Schrijf op waarom"));
  int64_t rid = OpenRequest("Grondaankoop", {{"confidential", "1"}, {"confidential_reason", "Lopende onderhandeling"}});
  std::string page = "/advies/aanvraag/" + std::to_string(rid);
  EXPECT_EQ(h_.Client()->Get(page).status, 404);
  EXPECT_EQ(h_.SignedInClient("bewoner@example.nl")->Get(page).status, 404);
  auto kern = kernteam_->Get(page);
  ASSERT_EQ(kern.status, 200);
  EXPECT_TRUE(Has(kern.body, "Lopende onderhandeling"));
  EXPECT_FALSE(Has(h_.Client()->Get("/advies").body, "Grondaankoop"));
  EXPECT_TRUE(Has(official_->Get("/advies").body, "Grondaankoop"));
  std::string advise = "/wijkplatform/ter-kleef/advies/nieuw?aanvraag=" + std::to_string(rid);
  int64_t aid = SubmitAdvice(advise, {{"title", "Advies over de grond"}, {"points", "Niet verkopen."}});
  EXPECT_EQ(h_.Client()->Get("/advies/" + std::to_string(aid)).status, 404) << "the advice is confidential too";
  EXPECT_FALSE(Has(h_.Client()->Get("/advies").body, "Advies over de grond"));
  EXPECT_FALSE(Has(h_.Client()->Get("/wijkplatform/ter-kleef/advies").body, "Advies over de grond"));
  EXPECT_TRUE(Has(official_->Get("/advies").body, "Advies over de grond"));
}

TEST_F(AdviceRoutesTest, UnsolicitedAdviceGoesOverdueAndAWithdrawalNeedsAReason) {
  const std::string path = "/wijkplatform/ter-kleef/advies/nieuw";
  ASSERT_EQ(kernteam_->Get(path).status, 200);
  auto nobody = AppHarness::SubmitForm(*kernteam_, path, path, {{"title", "Oversteken"}, {"points", "Langer groen."}});
  EXPECT_EQ(nobody.status, 422);
  EXPECT_TRUE(Has(nobody.body, "Schrijf op voor wie het advies is"));
  int64_t aid = SubmitAdvice(
      path,
      {{"title", "Oversteken"}, {"points", "Langer groen voor voetgangers."}, {"addressee", "Wethouder Mobiliteit"}});
  auto page = h_.Client()->Get("/advies/" + std::to_string(aid));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "Wethouder Mobiliteit (ongevraagd advies)"));
  EXPECT_TRUE(Has(page.body, "4 januari 2027")) << "answer due six weeks later";
  EXPECT_TRUE(Has(official_->Get("/beheer/advies").body, "Er zijn geen adviezen waarvan het antwoord te laat is"));

  h_.clock().Set(1795455000 + 43 * 86400);  // past the end of 4 January 2027
  // The sessions of six weeks ago have expired: sign in again.
  official_ = h_.SignedInClient("gv-later@haarlem.example", {{auth::Role::kAreaLiaison, "centrum"}});
  kernteam_ = h_.SignedInClient("kern-later@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform_id_)}});
  auto late = official_->Get("/beheer/advies");
  EXPECT_FALSE(Has(late.body, "Er zijn geen adviezen waarvan het antwoord te laat is"));
  EXPECT_TRUE(Has(late.body, "Antwoord te laat"));

  int64_t rid = OpenRequest("Markt");
  std::string request_page = "/advies/aanvraag/" + std::to_string(rid);
  std::string withdraw = "/beheer/advies/aanvraag/" + std::to_string(rid) + "/intrekken";
  auto bare = AppHarness::SubmitForm(*official_, request_page, withdraw, {{"reason", " "}});
  EXPECT_EQ(bare.status, 422);
  EXPECT_TRUE(Has(bare.body, "href=\"#f-reason\""));
  ASSERT_EQ(AppHarness::SubmitForm(*official_, request_page, withdraw, {{"reason", "Het plan gaat niet door."}}).status,
            303);
  EXPECT_EQ(MailsTo(h_, "kern@example.nl", "adviesaanvraag ingetrokken: Markt"), 1);
  auto shown = h_.Client()->Get(request_page);
  EXPECT_TRUE(Has(shown.body, "Het plan gaat niet door."));
  EXPECT_TRUE(Has(shown.body, "Ingetrokken"));
  std::string advise = "/wijkplatform/ter-kleef/advies/nieuw?aanvraag=" + std::to_string(rid);
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, path, advise, {{"title", "Te laat"}, {"points", "Toch."}}).status, 409);
}

// The kernteam changes its draft (points changed, added and removed) until it
// submits it; the history says who changed it. Others get 403, bad input
// changes nothing, and a submitted advice is no longer changed.
TEST_F(AdviceRoutesTest, TheKernteamEditsItsDraftUntilItIsSubmitted) {
  const std::string path = "/wijkplatform/ter-kleef/advies/nieuw";
  auto created = AppHarness::SubmitForm(
      *kernteam_, path, path,
      {{"title", "Oversteken"},
       {"points", "Langer groen voor voetgangers.\n\nEen zebrapad bij de school.\n\nMeer fietsenrekken."},
       {"addressee", "Wethouder Mobiliteit"},
       {"meetings_held", "1"}});
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
  int64_t aid = IdOf(created);
  std::string page = "/advies/" + std::to_string(aid);
  std::string edit = "/wijkplatform/ter-kleef/advies/" + std::to_string(aid) + "/wijzigen";
  EXPECT_TRUE(Has(kernteam_->Get(page).body, "href=\"" + edit + "\"")) << "the draft's page links to the form";

  auto form = kernteam_->Get(edit);
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 3000);
  EXPECT_TRUE(Has(form.body, "value=\"Oversteken\""));
  EXPECT_TRUE(Has(form.body, "value=\"Wethouder Mobiliteit\""));
  EXPECT_TRUE(Has(form.body, "Langer groen voor voetgangers.\n\nEen zebrapad bij de school.\n\nMeer fietsenrekken."))
      << "the points a blank line apart";
  EXPECT_TRUE(Has(form.body, "Wijzigingen opslaan"));

  // Others: 403 for the form and the command, and the draft stays as it was.
  auto resident = h_.SignedInClient("bewoner@example.nl");
  auto other_kernteam = h_.SignedInClient("kern2@example.nl", {{auth::Role::kKernteamMember, "9999"}});
  EXPECT_EQ(resident->Get(edit).status, 403);
  EXPECT_EQ(official_->Get(edit).status, 403);
  EXPECT_EQ(other_kernteam->Get(edit).status, 403);
  auto forbidden = AppHarness::SubmitForm(*resident, "/advies", edit,
                                          {{"title", "Gekaapt"}, {"points", "Niets."}, {"addressee", "Iemand"}});
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advices WHERE title = 'Oversteken'"), 1);

  // Bad input: clear messages, what was typed is kept, nothing changes.
  auto bad = AppHarness::SubmitForm(
      *kernteam_, edit, edit,
      {{"title", " "}, {"points", ""}, {"addressee", "Wethouder Mobiliteit"}, {"meetings_held", "veel"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-title\"")) << bad.body.substr(0, 3000);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-points\""));
  EXPECT_TRUE(Has(bad.body, "href=\"#f-meetings_held\""));
  EXPECT_TRUE(Has(bad.body, "value=\"veel\"")) << "what was typed is kept";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advices WHERE title = 'Oversteken' AND meetings_held = 1"), 1);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_points WHERE advice_id = " + std::to_string(aid)), 3);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_history WHERE to_status = 'draft_changed'"), 0);

  // Saving the form as it is changes nothing and writes no history line.
  auto same = AppHarness::SubmitForm(
      *kernteam_, edit, edit,
      {{"title", "Oversteken"},
       {"points", "Langer groen voor voetgangers.\n\nEen zebrapad bij de school.\n\nMeer fietsenrekken."},
       {"addressee", "Wethouder Mobiliteit"},
       {"meetings_held", "1"}});
  EXPECT_EQ(same.status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_history WHERE to_status = 'draft_changed'"), 0);

  // The kernteam changes a point, removes one and adds two.
  auto saved = AppHarness::SubmitForm(*kernteam_, edit, edit,
                                      {{"title", "Veilig oversteken"},
                                       {"points",
                                        "Langer groen voor voetgangers en fietsers.\n\nMeer fietsenrekken.\n\n"
                                        "Een drempel in de Kleverlaan.\n\nBetere verlichting."},
                                       {"addressee", "Wethouder Verkeer"},
                                       {"meetings_held", "2"},
                                       {"people_reached", "40"}});
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  EXPECT_EQ(saved.Header("Location"), page);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_points WHERE advice_id = " + std::to_string(aid)), 4);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_points WHERE number = 3 AND text = 'Een drempel in de Kleverlaan.'"),
            1);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_points WHERE text LIKE '%zebrapad%'"), 0) << "removed";
  EXPECT_EQ(Count(h_,
                  "SELECT COUNT(*) FROM advices WHERE title = 'Veilig oversteken' AND addressee = "
                  "'Wethouder Verkeer' AND meetings_held = 2 AND people_reached = 40 AND status = 'draft'"),
            1);
  auto shown = kernteam_->Get(page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "Het concept is gewijzigd."));
  EXPECT_TRUE(Has(shown.body, "Betere verlichting."));
  EXPECT_FALSE(Has(shown.body, "zebrapad"));
  EXPECT_TRUE(Has(shown.body, "Concept gewijzigd")) << "the history line";
  size_t line = shown.body.find("Concept gewijzigd");
  ASSERT_NE(line, std::string::npos);
  EXPECT_TRUE(Has(shown.body.substr(line > 400 ? line - 400 : 0, 400), ">kern<")) << "with who did it";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_history WHERE to_status = 'draft_changed' AND advice_id = " +
                          std::to_string(aid) + " AND actor_id = " + std::to_string(UserId(h_, "kern@example.nl"))),
            1);

  // Submitted: the page no longer offers the form and the edit is refused with a clear message.
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, page,
                                   "/wijkplatform/ter-kleef/advies/" + std::to_string(aid) + "/indienen", {})
                .status,
            303);
  EXPECT_FALSE(Has(kernteam_->Get(page).body, edit));
  auto late_form = kernteam_->Get(edit);
  EXPECT_EQ(late_form.status, 409);
  EXPECT_TRUE(Has(late_form.body, "Dit advies is al ingediend.")) << late_form.body.substr(0, 3000);
  auto late = AppHarness::SubmitForm(*kernteam_, page, edit,
                                     {{"title", "Te laat"}, {"points", "Toch."}, {"addressee", "Wethouder Verkeer"}});
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(Has(late.body, "Dit advies is al ingediend."));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advices WHERE title = 'Veilig oversteken' AND status = 'submitted'"), 1);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_points WHERE advice_id = " + std::to_string(aid)), 4);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_history WHERE to_status = 'draft_changed'"), 1);
  EXPECT_EQ(kernteam_->Get("/wijkplatform/ter-kleef/advies/999999/wijzigen").status, 404);
}

// A draft asks a platform that ends before the draft is sent: the edit form
// still lists it, ticked and marked, so saving does not drop it unseen.
TEST_F(AdviceRoutesTest, ADraftKeepsAPlatformThatIsNoLongerActive) {
  auto created = AppHarness::SubmitForm(*official_, kNewRequest, kNewRequest, RequestFields("Bomen", ""));
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
  int64_t rid = IdOf(created);
  std::string edit = "/beheer/advies/aanvraag/" + std::to_string(rid) + "/wijzigen";
  ASSERT_TRUE(h_.app()
                  .db()
                  .Write([&](db::Connection& c) {
                    return platforms::PlatformStore::SetStatus(c, platform_id_, platforms::PlatformStatus::kEnded);
                  })
                  .has_value());
  auto form = official_->Get(edit);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form.body, "Wijkplatform Ter Kleef (niet meer actief)")) << form.body.substr(0, 4000);
  EXPECT_TRUE(Has(form.body, "value=\"" + std::to_string(platform_id_) + "\" checked")) << "still ticked";
  auto saved = AppHarness::SubmitForm(*official_, edit, edit, RequestFields("Bomen langs de Kleverlaan", ""));
  EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_request_platforms WHERE request_id = " + std::to_string(rid) +
                          " AND platform_id = " + std::to_string(platform_id_)),
            1);
}

TEST_F(AdviceRoutesTest, AnOfficialEditsADraftRequestUntilItIsSent) {
  auto created = AppHarness::SubmitForm(*official_, kNewRequest, kNewRequest, RequestFields("Bomen", ""));
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
  int64_t rid = IdOf(created);
  std::string page = "/advies/aanvraag/" + std::to_string(rid);
  std::string edit = "/beheer/advies/aanvraag/" + std::to_string(rid) + "/wijzigen";
  std::string where = " FROM advice_requests WHERE id = " + std::to_string(rid);
  auto unchanged = [&] {
    return Count(h_, "SELECT COUNT(*)" + where + " AND subject = 'Bomen' AND level = 'advise' AND status = 'draft'") ==
               1 &&
           Count(h_, "SELECT COUNT(*) FROM advice_history WHERE to_status = 'draft_changed'") == 0;
  };
  EXPECT_TRUE(Has(official_->Get(page).body, "href=\"" + edit + "\"")) << "the draft's page links to the form";

  auto form = official_->Get(edit);
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 3000);
  EXPECT_TRUE(Has(form.body, "value=\"Bomen\""));
  EXPECT_TRUE(Has(form.body, "value=\"2027-01-04\"")) << "the deadline as it was saved";
  EXPECT_TRUE(Has(form.body, "Wat vindt u van de plannen?\n\nWaar moet groen komen?"));
  EXPECT_TRUE(Has(form.body, "Wijzigingen opslaan"));

  // Others: 403 for who is no official of its platform; a draft stays hidden (404) from officials elsewhere.
  auto resident = h_.SignedInClient("bewoner@example.nl");
  auto elsewhere = h_.SignedInClient("gv2@haarlem.example", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  EXPECT_EQ(resident->Get(edit).status, 403);
  EXPECT_EQ(kernteam_->Get(edit).status, 403);
  EXPECT_EQ(elsewhere->Get(edit).status, 404);
  EXPECT_EQ(AppHarness::SubmitForm(*resident, "/advies", edit, RequestFields("Gekaapt", "")).status, 403);
  EXPECT_EQ(AppHarness::SubmitForm(*elsewhere, kNewRequest, edit, RequestFields("Gekaapt", "")).status, 404);
  EXPECT_TRUE(unchanged());

  // Bad input: clear messages, what was typed is kept, nothing changes.
  auto fields = RequestFields(" ", "2026-11-20", {{"contact_email", "geen adres"}, {"level", "consult"}});
  auto bad = AppHarness::SubmitForm(*official_, edit, edit, fields);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-subject\"")) << bad.body.substr(0, 3000);
  EXPECT_TRUE(Has(bad.body, "Deze datum is al voorbij"));
  EXPECT_TRUE(Has(bad.body, "href=\"#f-contact_email\""));
  EXPECT_TRUE(Has(bad.body, "value=\"geen adres\"")) << "what was typed is kept";
  EXPECT_TRUE(Has(bad.body, "Wijzigingen opslaan")) << "still the edit form";
  EXPECT_TRUE(Has(bad.body, ">Bomen</a>")) << "the breadcrumb names the request as it was saved";
  EXPECT_TRUE(unchanged());
  auto unknown_platform = RequestFields("Bomen langs de Kleverlaan", "", {{"platform", "999999"}});
  EXPECT_EQ(AppHarness::SubmitForm(*official_, edit, edit, unknown_platform).status, 422);
  EXPECT_EQ(
      Count(h_, "SELECT COUNT(*) FROM advice_request_platforms WHERE platform_id = " + std::to_string(platform_id_)),
      1);
  // A platform of another stadsdeel: this gebiedsverbinder may not ask it.
  auto molenwijk = platforms::testing::TerKleef();
  molenwijk.slug = "molenwijk";
  molenwijk.name = "Wijkplatform Molenwijk";
  molenwijk.area = {"BU03920501"};
  molenwijk.borough_slug = "schalkwijk";
  auto other = platforms::testing::AddPlatform(h_, molenwijk, "oprichter.molenwijk@example.nl");
  ASSERT_TRUE(other.has_value()) << other.error().detail;
  auto both = RequestFields("Bomen langs de Kleverlaan", "");
  both.push_back({"platform", std::to_string(*other)});
  EXPECT_EQ(AppHarness::SubmitForm(*official_, edit, edit, both).status, 403);
  EXPECT_TRUE(unchanged());

  // Saving the form as it is changes nothing and writes no history line.
  auto same = AppHarness::SubmitForm(*official_, edit, edit, RequestFields("Bomen", "2027-01-04"));
  EXPECT_EQ(same.status, 303);
  EXPECT_TRUE(Has(official_->Get(page).body, "U heeft niets veranderd."));
  EXPECT_TRUE(unchanged());

  auto changed = RequestFields("Bomen langs de Kleverlaan", "2027-01-15",
                               {{"questions", "Welke bomen passen in de straat?"}, {"level", "consult"}});
  auto saved = AppHarness::SubmitForm(*official_, edit, edit, changed);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  EXPECT_EQ(saved.Header("Location"), page);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*)" + where +
                          " AND subject = 'Bomen langs de Kleverlaan' AND questions = 'Welke bomen passen in de "
                          "straat?' AND level = 'consult' AND status = 'draft'"),
            1);
  auto shown = official_->Get(page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "De aanvraag is gewijzigd."));
  EXPECT_TRUE(Has(shown.body, "15 januari 2027"));
  size_t line = shown.body.find("Concept gewijzigd");
  ASSERT_NE(line, std::string::npos) << "the history line";
  EXPECT_TRUE(Has(shown.body.substr(line > 400 ? line - 400 : 0, 400), ">gv<")) << "with who did it";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_history WHERE to_status = 'draft_changed' AND request_id = " +
                          std::to_string(rid) + " AND actor_id = " + std::to_string(UserId(h_, "gv@haarlem.example"))),
            1);
  EXPECT_EQ(MailsTo(h_, "kern@example.nl", "adviesaanvraag"), 0) << "a draft tells nobody";

  // Sent: the page no longer offers the form and the edit is refused with a clear message.
  ASSERT_EQ(
      AppHarness::SubmitForm(*official_, page, "/beheer/advies/aanvraag/" + std::to_string(rid) + "/versturen", {})
          .status,
      303);
  EXPECT_FALSE(Has(official_->Get(page).body, edit));
  auto late_form = official_->Get(edit);
  EXPECT_EQ(late_form.status, 409);
  EXPECT_TRUE(Has(late_form.body, "Deze aanvraag is geen concept meer.")) << late_form.body.substr(0, 3000);
  auto late = AppHarness::SubmitForm(*official_, page, edit, RequestFields("Te laat", ""));
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(resident->Get(edit).status, 403) << "a published request: still no right to change it";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*)" + where + " AND subject = 'Bomen langs de Kleverlaan' AND status = 'open'"), 1);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_history WHERE to_status = 'draft_changed'"), 1);
  EXPECT_EQ(official_->Get("/beheer/advies/aanvraag/999999/wijzigen").status, 404);
  EXPECT_EQ(AppHarness::SubmitForm(*official_, kNewRequest, "/beheer/advies/aanvraag/999999/wijzigen",
                                   RequestFields("Nergens", ""))
                .status,
            404);
}

TEST_F(AdviceRoutesTest, ARequestNearItsDeadlineAndPastItSaysSo) {
  int64_t rid = OpenRequest("Bankjes", {{"deadline", "2026-11-26"}});
  std::string page = "/advies/aanvraag/" + std::to_string(rid);
  auto near = h_.Client()->Get(page);
  EXPECT_TRUE(Has(near.body, "Open, termijn bijna voorbij"));
  EXPECT_TRUE(Has(near.body, "26 november 2026"));
  h_.clock().Set(1795455000 + 4 * 86400);  // Friday 27 November
  auto past = h_.Client()->Get("/advies");
  EXPECT_TRUE(Has(past.body, "Termijn voorbij, nog geen advies"));
}

}  // namespace
}  // namespace wp::advice

namespace wp::advice {
namespace {

constexpr const char* kPdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

class AdviceInputRoutesTest : public AdviceRoutesTest {
 protected:
  // A signed-in member of Ter Kleef.
  std::unique_ptr<HttpClient> Member(const std::string& email) {
    auto client = h_.SignedInClient(email);
    platforms::Member m{platform_id_, UserId(h_, email), platforms::MemberKind::kResident, "", 1795000000};
    auto added = h_.app().db().Write([&](db::Connection& c) {
      return platforms::PlatformStore::InsertMember(c, m, "nieuws-" + email, "agenda-" + email);
    });
    EXPECT_TRUE(added.has_value()) << added.error().detail;
    return client;
  }
  wp::testing::HttpResponse Upload(HttpClient& client, const std::string& page, const std::string& action,
                                   const std::vector<wp::testing::MultipartFile>& files) {
    std::string csrf = AppHarness::CsrfToken(client, page);
    return client.PostMultipart(action, {{"_csrf", csrf}}, files);
  }
};

TEST_F(AdviceInputRoutesTest, AttachmentsOnADraftRequestAreServedAsTheThreadIsReadable) {
  auto created = AppHarness::SubmitForm(*official_, kNewRequest, kNewRequest, RequestFields("Bomenplan", ""));
  ASSERT_EQ(created.status, 303);
  int64_t rid = IdOf(created);
  std::string page = "/advies/aanvraag/" + std::to_string(rid);
  std::string action = "/beheer/advies/aanvraag/" + std::to_string(rid) + "/bijlagen";
  EXPECT_TRUE(Has(official_->Get(page).body, "enctype=\"multipart/form-data\""));
  auto bad = Upload(*official_, page, action, {{"files", "plan.pdf", "application/pdf", "GIF89a not a pdf"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "geen PDF")) << bad.body.substr(0, 3000);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_attachments"), 0);
  EXPECT_EQ(Upload(*kernteam_, page, action, {{"files", "plan.pdf", "application/pdf", kPdf}}).status, 404)
      << "the kernteam does not see the draft";
  ASSERT_EQ(Upload(*official_, page, action, {{"files", "Bomen plan.pdf", "application/pdf", kPdf}}).status, 303);
  auto shown = official_->Get(page);
  EXPECT_TRUE(Has(shown.body, "Bomen plan.pdf"));
  EXPECT_TRUE(Has(shown.body, "1 kB"));
  std::string file = "/advies/bijlage/" + std::to_string(Count(h_, "SELECT MAX(id) FROM advice_attachments"));
  auto visitor = h_.Client();
  EXPECT_EQ(visitor->Get(file).status, 404) << "a draft's file";
  ASSERT_EQ(
      AppHarness::SubmitForm(*official_, page, "/beheer/advies/aanvraag/" + std::to_string(rid) + "/versturen", {})
          .status,
      303);
  auto got = visitor->Get(file);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, kPdf);
  EXPECT_EQ(got.Header("Content-Type"), "application/pdf");
  EXPECT_TRUE(Has(std::string(got.Header("Content-Disposition")), "attachment"));
  EXPECT_EQ(Upload(*official_, page, action, {{"files", "b.pdf", "application/pdf", kPdf}}).status, 409);
  EXPECT_TRUE(Has(visitor->Get(page).body, "Bijlage toegevoegd")) << "in the history";
}

// The create forms take PDFs (multipart, no JavaScript): every file is checked before anything is made.
TEST_F(AdviceInputRoutesTest, TheCreateFormsTakePdfsAndABadFileMakesNothing) {
  auto stored_files = [&] {
    int n = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(h_.config().files_dir, ec)) {
      n += e.is_regular_file();
    }
    return n;
  };
  auto post = [&](HttpClient& client, const std::string& path, std::vector<std::pair<std::string, std::string>> fields,
                  const std::vector<wp::testing::MultipartFile>& files) {
    fields.push_back({"_csrf", AppHarness::CsrfToken(client, path)});
    return client.PostMultipart(path, fields, files);
  };
  auto form = official_->Get(kNewRequest);
  EXPECT_TRUE(Has(form.body, "enctype=\"multipart/form-data\""));
  EXPECT_TRUE(Has(form.body, "name=\"files\""));
  auto not_pdf =
      post(*official_, kNewRequest, RequestFields("Fietsenrekken", ""),
           {{"files", "plan.pdf", "application/pdf", kPdf}, {"files", "foto.pdf", "application/pdf", "GIF89a"}});
  EXPECT_EQ(not_pdf.status, 422);
  EXPECT_TRUE(Has(not_pdf.body, "geen PDF")) << not_pdf.body.substr(0, 3000);
  EXPECT_TRUE(Has(not_pdf.body, "href=\"#f-files\"")) << "in the error summary";
  EXPECT_TRUE(Has(not_pdf.body, "Kies de bestanden opnieuw."));
  EXPECT_TRUE(Has(not_pdf.body, "value=\"Fietsenrekken\"")) << "what was typed is kept";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_requests"), 0);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_attachments"), 0);
  EXPECT_EQ(stored_files(), 0) << "not even the good file";

  // An empty file field (as a browser sends it) is no file.
  auto created = post(*official_, kNewRequest, RequestFields("Fietsenrekken", ""),
                      {{"files", "Plan fietsenrekken.pdf", "application/pdf", kPdf}, {"files", "", "", ""}});
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
  int64_t rid = IdOf(created);
  auto shown = official_->Get("/advies/aanvraag/" + std::to_string(rid));
  EXPECT_TRUE(Has(shown.body, "Plan fietsenrekken.pdf"));
  EXPECT_TRUE(Has(shown.body, "Bijlage toegevoegd")) << "in the history";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_attachments WHERE request_id = " + std::to_string(rid)), 1);
  std::string file = "/advies/bijlage/" + std::to_string(Count(h_, "SELECT MAX(id) FROM advice_attachments"));
  auto got = official_->Get(file);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, kPdf) << "byte for byte";
  EXPECT_EQ(got.Header("Content-Type"), "application/pdf");

  // The kernteam: unsolicited advice, then advice to an open request.
  const std::string new_advice = "/wijkplatform/ter-kleef/advies/nieuw";
  EXPECT_TRUE(Has(kernteam_->Get(new_advice).body, "enctype=\"multipart/form-data\""));
  std::vector<std::pair<std::string, std::string>> unsolicited = {
      {"title", "Fietsenrekken"}, {"points", "Meer rekken bij het station."}, {"addressee", "Wethouder Mobiliteit"}};
  auto bad = post(*kernteam_, new_advice, unsolicited, {{"files", "rekken.pdf", "application/pdf", "<html>"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "geen PDF")) << bad.body.substr(0, 3000);
  EXPECT_TRUE(Has(bad.body, "value=\"Fietsenrekken\""));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advices"), 0);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_attachments"), 1);
  EXPECT_EQ(stored_files(), 1);
  const std::string other_pdf = "%PDF-1.4\n% rekken\n%%EOF\n";
  auto advised = post(*kernteam_, new_advice, unsolicited, {{"files", "rekken.pdf", "application/pdf", other_pdf}});
  ASSERT_EQ(advised.status, 303) << advised.body.substr(0, 3000);
  int64_t aid = IdOf(advised);
  EXPECT_TRUE(Has(kernteam_->Get("/advies/" + std::to_string(aid)).body, "rekken.pdf"));
  EXPECT_EQ(
      kernteam_->Get("/advies/bijlage/" + std::to_string(Count(h_, "SELECT MAX(id) FROM advice_attachments"))).body,
      other_pdf);

  int64_t open = OpenRequest("Parkeren");
  std::string to_request = new_advice + "?aanvraag=" + std::to_string(open);
  auto requested = post(*kernteam_, to_request, {{"title", "Ons advies"}, {"points", "Minder auto's."}},
                        {{"files", "parkeren.pdf", "application/pdf", kPdf}});
  ASSERT_EQ(requested.status, 303) << requested.body.substr(0, 3000);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_attachments WHERE advice_id = " + std::to_string(IdOf(requested))),
            1);
  EXPECT_EQ(stored_files(), 2) << "the same bytes are kept once";
}

TEST_F(AdviceInputRoutesTest, AConfidentialRequestsFileIsForOfficialsAndItsKernteam) {
  auto created = AppHarness::SubmitForm(
      *official_, kNewRequest, kNewRequest,
      RequestFields("Grond", "", {{"confidential", "1"}, {"confidential_reason", "Onderhandeling"}}));
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 2000);
  int64_t rid = IdOf(created);
  std::string page = "/advies/aanvraag/" + std::to_string(rid);
  ASSERT_EQ(Upload(*official_, page, "/beheer/advies/aanvraag/" + std::to_string(rid) + "/bijlagen",
                   {{"files", "grond.pdf", "application/pdf", kPdf}})
                .status,
            303);
  ASSERT_EQ(
      AppHarness::SubmitForm(*official_, page, "/beheer/advies/aanvraag/" + std::to_string(rid) + "/versturen", {})
          .status,
      303);
  std::string file = "/advies/bijlage/" + std::to_string(Count(h_, "SELECT MAX(id) FROM advice_attachments"));
  EXPECT_EQ(h_.Client()->Get(file).status, 404);
  EXPECT_EQ(Member("lid@example.nl")->Get(file).status, 404);
  EXPECT_EQ(kernteam_->Get(file).status, 200);
  EXPECT_EQ(official_->Get(file).status, 200);
}

TEST_F(AdviceInputRoutesTest, MembersReactInARoundAndContributorsHearOfTheAnswer) {
  int64_t rid = OpenRequest("Speeltuin");
  std::string form = "/wijkplatform/ter-kleef/advies/inbreng/nieuw?aanvraag=" + std::to_string(rid);
  ASSERT_EQ(kernteam_->Get(form).status, 200);
  auto past = AppHarness::SubmitForm(*kernteam_, form, form, {{"question", "Wat mist?"}, {"closes", "2026-11-01"}});
  EXPECT_EQ(past.status, 422);
  EXPECT_TRUE(Has(past.body, "Deze datum is al voorbij"));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM advice_input_rounds"), 0);
  auto opened = AppHarness::SubmitForm(*kernteam_, form, form, {{"question", "Wat mist?"}, {"closes", "2026-12-10"}});
  ASSERT_EQ(opened.status, 303) << opened.body.substr(0, 2000);
  std::string round(opened.Header("Location"));
  auto visitor = h_.Client();
  auto public_round = visitor->Get(round);
  ASSERT_EQ(public_round.status, 200);
  EXPECT_TRUE(Has(public_round.body, "Wat mist?"));
  EXPECT_TRUE(Has(visitor->Get("/wijkplatform/ter-kleef/advies").body, round)) << "listed while open";
  EXPECT_TRUE(Has(visitor->Get("/advies/aanvraag/" + std::to_string(rid)).body, round));

  auto lid = Member("lid@example.nl");
  auto empty = AppHarness::SubmitForm(*lid, round, round, {{"text", " "}});
  EXPECT_EQ(empty.status, 422);
  ASSERT_EQ(AppHarness::SubmitForm(*lid, round, round, {{"text", "Een klimrek."}}).status, 303);
  auto stranger = h_.SignedInClient("ander@example.nl");
  EXPECT_EQ(AppHarness::SubmitForm(*stranger, round, round, {{"text", "Ik ook"}}).status, 403);
  EXPECT_FALSE(Has(visitor->Get(round).body, "Een klimrek.")) << "reactions are for the kernteam";
  EXPECT_TRUE(Has(kernteam_->Get(round).body, "Een klimrek."));
  std::string new_advice = "/wijkplatform/ter-kleef/advies/nieuw?aanvraag=" + std::to_string(rid);
  EXPECT_TRUE(Has(kernteam_->Get(new_advice).body, "Een klimrek.")) << "seen while drafting";

  auto created =
      AppHarness::SubmitForm(*kernteam_, new_advice, new_advice, {{"title", "Ons advies"}, {"points", "Een klimrek."}});
  ASSERT_EQ(created.status, 303);
  int64_t aid = IdOf(created);
  std::string advice_page = "/advies/" + std::to_string(aid);
  std::string werkgroep = "/wijkplatform/ter-kleef/advies/" + std::to_string(aid) + "/werkgroep";
  Member("schrijver@example.nl");
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, advice_page, werkgroep, {{"email", "ander@example.nl"}}).status, 422);
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, advice_page, werkgroep, {{"email", "schrijver@example.nl"}}).status,
            303);
  ASSERT_EQ(Upload(*kernteam_, advice_page, "/wijkplatform/ter-kleef/advies/" + std::to_string(aid) + "/bijlagen",
                   {{"files", "klimrek.pdf", "application/pdf", kPdf}})
                .status,
            303);
  EXPECT_TRUE(Has(kernteam_->Get(advice_page).body, "klimrek.pdf"));
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, advice_page,
                                   "/wijkplatform/ter-kleef/advies/" + std::to_string(aid) + "/indienen", {})
                .status,
            303);
  std::string answer = "/beheer/advies/" + std::to_string(aid) + "/antwoord";
  ASSERT_EQ(
      AppHarness::SubmitForm(*official_, answer, answer, {{"verdict_1", "adopted"}, {"reason_1", "Komt er."}}).status,
      303);
  EXPECT_EQ(MailsTo(h_, "lid@example.nl", "antwoord op het advies"), 1);
  EXPECT_EQ(MailsTo(h_, "schrijver@example.nl", "antwoord op het advies"), 1);
  EXPECT_EQ(MailsTo(h_, "ander@example.nl", "antwoord"), 0);
  auto shown = visitor->Get(advice_page);
  EXPECT_TRUE(Has(shown.body, "Werkgroep"));
  EXPECT_TRUE(Has(shown.body, "klimrek.pdf"));
}

// The round about a draft unsolicited advice showed the draft's title to
// everyone before it was submitted: now only the platform's members and
// kernteam see it (permissions.h MaySeeRound) until the advice is public.
TEST_F(AdviceInputRoutesTest, ARoundAboutADraftIsForTheInvitedUntilTheAdviceIsSubmitted) {
  const std::string path = "/wijkplatform/ter-kleef/advies/nieuw";
  auto created = AppHarness::SubmitForm(
      *kernteam_, path, path,
      {{"title", "Geheim plan voor de speeltuin"}, {"points", "Meer schommels."}, {"addressee", "Wethouder Jeugd"}});
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 2000);
  int64_t aid = IdOf(created);
  std::string form = "/wijkplatform/ter-kleef/advies/inbreng/nieuw?advies=" + std::to_string(aid);
  auto opened = AppHarness::SubmitForm(*kernteam_, form, form,
                                       {{"question", "Welke toestellen wilt u?"}, {"closes", "2026-12-10"}});
  ASSERT_EQ(opened.status, 303) << opened.body.substr(0, 2000);
  std::string round(opened.Header("Location"));

  auto visitor = h_.Client();
  auto hidden = visitor->Get(round);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_FALSE(Has(hidden.body, "Geheim plan")) << "the draft's title stays inside the platform";
  auto resident = h_.SignedInClient("buurman@example.nl");
  EXPECT_EQ(resident->Get(round).status, 404) << "signed in, not a member";
  EXPECT_EQ(official_->Get(round).status, 404) << "a draft advice is the kernteam's, not the municipality's";
  auto listing = visitor->Get("/wijkplatform/ter-kleef/advies");
  EXPECT_FALSE(Has(listing.body, round));
  EXPECT_FALSE(Has(listing.body, "Welke toestellen"));

  auto lid = Member("lid@example.nl");
  auto member_view = lid->Get(round);
  ASSERT_EQ(member_view.status, 200) << "an invited member sees the open round";
  EXPECT_TRUE(Has(member_view.body, "Geheim plan voor de speeltuin"));
  EXPECT_TRUE(Has(lid->Get("/wijkplatform/ter-kleef/advies").body, round));
  ASSERT_EQ(AppHarness::SubmitForm(*lid, round, round, {{"text", "Een wipwap."}}).status, 303);
  EXPECT_EQ(kernteam_->Get(round).status, 200);

  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, "/advies/" + std::to_string(aid),
                                   "/wijkplatform/ter-kleef/advies/" + std::to_string(aid) + "/indienen", {})
                .status,
            303);
  auto after = visitor->Get(round);
  EXPECT_EQ(after.status, 200) << "once submitted the advice and its round are public";
  EXPECT_FALSE(Has(after.body, "Een wipwap.")) << "reactions stay with the kernteam";
}

}  // namespace
}  // namespace wp::advice
