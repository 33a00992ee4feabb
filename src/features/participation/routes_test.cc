// HTTP tests of the participation calendar: publishing, editing and moving
// a project on with its history; the calendar with its filters, the wijk
// and platform sections; a kernteam turning on e-mail about new projects
// and the mail queued for subscribed platforms whose area overlaps, and
// for no other; missing rights and bad input change nothing. On SQLite, and
// on PostgreSQL when WP_TEST_DATABASE=postgres.
#include <gtest/gtest.h>

#include "core/db/database.h"
#include "features/platforms/platform_store.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::participation {
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

// The mails about new projects queued for `address` (other features mail platforms too).
int64_t MailsTo(AppHarness& h, const std::string& address) {
  return Count(h, "SELECT COUNT(*) FROM mail_outbox WHERE recipient = '" + address +
                      "' AND subject LIKE '%Nieuw project in uw wijk%'");
}

constexpr const char* kNew = "/beheer/participatie/nieuw";

class ParticipationRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);  // Monday 23 November 2026, 18:30 in Haarlem
    auto founder = h_.SignedInClient("oprichter@example.nl");
    boerhaave_ = AddPlatform("boerhaave", "Wijkplatform Boerhaave", "BU03921901", "schalkwijk");
    europa_ = AddPlatform("europa", "Wijkplatform Europawijk", "BU03921801", "schalkwijk");
    AddPlatform("oude-stad", "Wijkplatform Oude Stad", "BU03920101", "centrum");
    kernteam_ = h_.SignedInClient("kern@example.nl", {{auth::Role::kKernteamMember, std::to_string(boerhaave_)}});
    europa_kernteam_ =
        h_.SignedInClient("kern-europa@example.nl", {{auth::Role::kKernteamMember, std::to_string(europa_)}});
    liaison_ = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "schalkwijk"}});
    expert_ = h_.SignedInClient("expert@haarlem.example", {{auth::Role::kMunicipalExpert, ""}});
  }

  int64_t AddPlatform(const std::string& slug, const std::string& name, const std::string& buurt,
                      const std::string& borough) {
    platforms::Platform p;
    p.slug = slug;
    p.name = name;
    p.description = "Voor en door de buurt";
    p.contact_email = slug + "@example.nl";
    p.area = {buurt};
    p.borough_slug = borough;
    p.status = platforms::PlatformStatus::kRecognised;
    p.created_at = 1790000000;
    auto id = h_.app().db().Write([&](db::Connection& c) {
      return platforms::PlatformStore::Insert(c, p, wp::testing::UserId(h_.app().db(), "oprichter@example.nl"));
    });
    EXPECT_TRUE(id.has_value()) << id.error().detail;
    return id.value_or(0);
  }

  static Fields Form(const std::string& title, const std::vector<std::string>& wijken) {
    Fields f = {{"title", title},
                {"summary", "Het park krijgt nieuwe paden."},
                {"department", "Openbare Ruimte"},
                {"contact_name", "Karin Jansen"},
                {"contact_email", "k.jansen@haarlem.example"},
                {"level", "co_decide"},
                {"can_influence", "Waar de speelplek komt."},
                {"fixed", "Het budget van 450.000 euro."},
                {"platform_role", "Het wijkplatform zit in de bewonersgroep."},
                {"phase_name_1", "Ideeen ophalen"},
                {"phase_start_1", "2026-11-01"},
                {"phase_end_1", "2026-12-15"},
                {"phase_name_2", "Aanleg"},
                {"phase_start_2", "2027-06-01"}};
    for (const auto& w : wijken) f.push_back({"districts", w});
    return f;
  }

  // Publishes a project as `client`; returns its id.
  int64_t Make(HttpClient& client, const std::string& title, const std::vector<std::string>& wijken) {
    auto made = AppHarness::SubmitForm(client, kNew, kNew, Form(title, wijken));
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 3000);
    return IdOf(made);
  }

  AppHarness h_;
  int64_t boerhaave_ = 0, europa_ = 0;
  std::unique_ptr<HttpClient> kernteam_, europa_kernteam_, liaison_, expert_;
};

TEST_F(ParticipationRoutesTest, PublishChangeAndCloseAProjectWithItsHistory) {
  ASSERT_EQ(liaison_->Get(kNew).status, 200);
  Fields bad = Form("Vernieuwing Boerhaavepark", {"WK039219"});
  for (auto& [name, value] : bad) {
    if (name == "fixed" || name == "phase_end_1") value = name == "fixed" ? "" : "2026-10-01";
  }
  auto refused = AppHarness::SubmitForm(*liaison_, kNew, kNew, bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Has(refused.body, "href=\"#f-fixed\"")) << refused.body.substr(0, 3000);
  EXPECT_TRUE(Has(refused.body, "href=\"#f-phase_end_1\""));
  EXPECT_TRUE(Has(refused.body, "Het einde is voor het begin"));
  EXPECT_TRUE(Has(refused.body, "Vernieuwing Boerhaavepark")) << "what was typed is kept";
  EXPECT_TRUE(Has(refused.body, "value=\"WK039219\" checked")) << "the chosen wijk stays checked";
  auto outside = AppHarness::SubmitForm(*liaison_, kNew, kNew, Form("Grote Markt", {"WK039201"}));
  EXPECT_EQ(outside.status, 422) << "a wijk outside the gebiedsverbinder's stadsdeel";
  EXPECT_TRUE(Has(outside.body, "alleen projecten maken in wijken van uw eigen stadsdeel"));
  EXPECT_EQ(kernteam_->Get(kNew).status, 403);
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, "/participatie", kNew, Form("X", {"WK039219"})).status, 403);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM participation_projects"), 0);

  int64_t id = Make(*liaison_, "Vernieuwing Boerhaavepark", {"WK039219"});
  std::string page = "/participatie/" + std::to_string(id);
  auto shown = h_.Client()->Get(page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "Waar de speelplek komt."));
  EXPECT_TRUE(Has(shown.body, "Het budget van 450.000 euro."));
  EXPECT_TRUE(Has(shown.body, "Meebeslissen: bewoners beslissen samen met de gemeente")) << "the level in words";
  EXPECT_TRUE(Has(shown.body, "<strong>Ideeen ophalen</strong> (nu): 1 november 2026 tot en met 15 december 2026"));
  EXPECT_TRUE(Has(shown.body, "Aanleg: vanaf 1 juni 2027"));
  EXPECT_TRUE(Has(shown.body, "mailto:k.jansen@haarlem.example"));
  EXPECT_TRUE(Has(shown.body, "href=\"/wijkplatform/boerhaave\"")) << "the platform of the area";
  EXPECT_FALSE(Has(shown.body, "/status\"")) << "visitors see no forms";
  EXPECT_TRUE(Has(liaison_->Get(page).body, "action=\"" + page + "/status\""));

  Fields edited = Form("Vernieuwing Boerhaavepark en Europapark", {"WK039219", "WK039218"});
  auto edit = AppHarness::SubmitForm(*liaison_, page + "/wijzigen", page + "/wijzigen", edited);
  EXPECT_EQ(edit.status, 303) << edit.body.substr(0, 3000);
  EXPECT_EQ(AppHarness::SubmitForm(*expert_, page, page + "/status", {{"status", "finished"}}).status, 422)
      << "planned cannot be finished";
  auto no_reason = AppHarness::SubmitForm(*liaison_, page, page + "/status", {{"status", "cancelled"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Has(no_reason.body, "Schrijf waarom het project stopt"));
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, "/participatie", page + "/status", {{"status", "running"}}).status,
            403);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM participation_projects WHERE status = 'planned'"), 1);
  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, page, page + "/status", {{"status", "running"}}).status, 303);
  ASSERT_EQ(AppHarness::SubmitForm(*liaison_, page, page + "/status",
                                   {{"status", "cancelled"}, {"reason", "De raad stopt het geld."}})
                .status,
            303);
  EXPECT_EQ(liaison_->Get(page + "/wijzigen").status, 409) << "a cancelled project is not edited";
  EXPECT_FALSE(Has(liaison_->Get(page).body, "/wijzigen\"")) << "nor offered to be";

  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM participation_history WHERE project_id = " + std::to_string(id)), 4)
      << "created, edited, running, cancelled";
  auto final_page = h_.Client()->Get(page);
  EXPECT_TRUE(Has(final_page.body, "Vernieuwing Boerhaavepark en Europapark"));
  EXPECT_TRUE(Has(final_page.body, "Gepland → Bezig"));
  EXPECT_TRUE(Has(final_page.body, "Bezig → Gestopt"));
  EXPECT_TRUE(Has(final_page.body, "De raad stopt het geld.")) << "the reason is shown";
  EXPECT_FALSE(Has(final_page.body, "(nu)")) << "a cancelled project has no current phase";
}

TEST_F(ParticipationRoutesTest, TheCalendarTheWijkPageAndThePlatformPage) {
  int64_t park = Make(*liaison_, "Vernieuwing Boerhaavepark", {"WK039219"});
  Make(*expert_, "Parkeren Oude Stad", {"WK039201"});
  int64_t gone = Make(*liaison_, "Oud plan Europawijk", {"WK039218"});
  std::string gone_page = "/participatie/" + std::to_string(gone);
  ASSERT_EQ(
      AppHarness::SubmitForm(*liaison_, gone_page, gone_page + "/status", {{"status", "cancelled"}, {"reason", "Nee"}})
          .status,
      303);
  auto visitor = h_.Client();
  auto all = visitor->Get("/participatie");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(Has(all.body, "Vernieuwing Boerhaavepark"));
  EXPECT_TRUE(Has(all.body, "Parkeren Oude Stad"));
  EXPECT_TRUE(Has(all.body, "Meebeslissen")) << "the level badge";
  EXPECT_TRUE(Has(all.body, "Nu: Ideeen ophalen")) << "the current phase";
  EXPECT_FALSE(Has(all.body, "Oud plan Europawijk")) << "cancelled projects only when asked for";
  auto schalkwijk = visitor->Get("/participatie?stadsdeel=schalkwijk&wijk=&stand=actueel");
  EXPECT_TRUE(Has(schalkwijk.body, "Vernieuwing Boerhaavepark"));
  EXPECT_FALSE(Has(schalkwijk.body, "Parkeren Oude Stad"));
  EXPECT_TRUE(Has(schalkwijk.body, "<option value=\"schalkwijk\" selected>")) << "the filter keeps the choice";
  auto cancelled = visitor->Get("/participatie?stadsdeel=&wijk=WK039218&stand=cancelled");
  EXPECT_TRUE(Has(cancelled.body, "Oud plan Europawijk"));
  EXPECT_FALSE(Has(cancelled.body, "Vernieuwing Boerhaavepark"));

  auto wijk = visitor->Get("/wijk/WK039219");
  ASSERT_EQ(wijk.status, 200);
  EXPECT_TRUE(Has(wijk.body, "Projecten van de gemeente"));
  EXPECT_TRUE(Has(wijk.body, "href=\"/participatie/" + std::to_string(park) + "\""));
  EXPECT_FALSE(Has(wijk.body, "Parkeren Oude Stad"));
  auto platform = visitor->Get("/wijkplatform/boerhaave");
  EXPECT_TRUE(Has(platform.body, "Vernieuwing Boerhaavepark")) << "the platform page's section";
  EXPECT_TRUE(Has(platform.body, "href=\"/wijkplatform/boerhaave/participatie\""));
  auto platform_page = visitor->Get("/wijkplatform/boerhaave/participatie");
  ASSERT_EQ(platform_page.status, 200);
  EXPECT_TRUE(Has(platform_page.body, "Vernieuwing Boerhaavepark"));
  EXPECT_FALSE(Has(platform_page.body, "Parkeren Oude Stad"));
  EXPECT_FALSE(Has(platform_page.body, "/aanmelden")) << "only the kernteam subscribes";

  auto official = liaison_->Get("/beheer/participatie");
  ASSERT_EQ(official.status, 200);
  EXPECT_TRUE(Has(official.body, "Vernieuwing Boerhaavepark"));
  EXPECT_FALSE(Has(official.body, "Parkeren Oude Stad")) << "another stadsdeel";
  EXPECT_EQ(kernteam_->Get("/beheer/participatie").status, 403);
}

TEST_F(ParticipationRoutesTest, SubscribedPlatformsInTheAreaAreMailedOnce) {
  std::string boerhaave_page = "/wijkplatform/boerhaave/participatie";
  auto before = kernteam_->Get(boerhaave_page);
  EXPECT_TRUE(Has(before.body, "action=\"" + boerhaave_page + "/aanmelden\""));
  EXPECT_EQ(AppHarness::SubmitForm(*europa_kernteam_, "/participatie", boerhaave_page + "/aanmelden", {}).status, 403)
      << "another platform's kernteam";
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, boerhaave_page, boerhaave_page + "/aanmelden", {}).status, 303);
  std::string europa_page = "/wijkplatform/europa/participatie";
  ASSERT_EQ(AppHarness::SubmitForm(*europa_kernteam_, europa_page, europa_page + "/aanmelden", {}).status, 303);
  EXPECT_TRUE(Has(h_.Client()->Get(boerhaave_page).body, "E-mail aangezet")) << "the log";

  int64_t id = Make(*expert_, "Fietsroute Schalkwijk - Oude Stad", {"WK039219", "WK039201"});
  EXPECT_EQ(MailsTo(h_, "boerhaave@example.nl"), 1) << "subscribed, and its wijk is in the area";
  EXPECT_EQ(MailsTo(h_, "europa@example.nl"), 0) << "subscribed, but not in the area";
  EXPECT_EQ(MailsTo(h_, "oude-stad@example.nl"), 0) << "in the area, but not subscribed";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'boerhaave@example.nl' AND body_text LIKE "
                      "'%/participatie/" + std::to_string(id) + "%'"),
            1)
      << "the mail links the project";

  std::string page = "/participatie/" + std::to_string(id);
  auto grown = AppHarness::SubmitForm(*expert_, page + "/wijzigen", page + "/wijzigen",
                                      Form("Fietsroute Schalkwijk - Oude Stad", {"WK039218", "WK039219", "WK039201"}));
  ASSERT_EQ(grown.status, 303) << grown.body.substr(0, 3000);
  EXPECT_EQ(MailsTo(h_, "europa@example.nl"), 1) << "the area grew to cover Europawijk";
  EXPECT_EQ(MailsTo(h_, "boerhaave@example.nl"), 1) << "once per project";
  auto shown = h_.Client()->Get(page);
  EXPECT_TRUE(Has(shown.body, "E-mail aan wijkplatform")) << "the mails are in the history";
  EXPECT_TRUE(Has(shown.body, "Wijkplatform Europawijk"));

  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, boerhaave_page, boerhaave_page + "/afmelden", {}).status, 303);
  Make(*liaison_, "Speeltuin Boerhaavewijk", {"WK039219"});
  EXPECT_EQ(MailsTo(h_, "boerhaave@example.nl"), 1) << "unsubscribed: no more mail";
  auto log = h_.Client()->Get(boerhaave_page);
  EXPECT_TRUE(Has(log.body, "E-mail uitgezet"));
  EXPECT_TRUE(Has(log.body, "Het wijkplatform krijgt geen e-mail over nieuwe projecten."));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM participation_subscriptions WHERE platform_id = " +
                          std::to_string(boerhaave_)),
            2)
      << "on, off: an append-only log";
}

}  // namespace
}  // namespace wp::participation

namespace wp::participation {
namespace {

TEST(ParticipationDemoTest, TheDemoHasProjectsInEveryStateAndASubscribedPlatform) {
  AppHarness h;
  auto loaded = h.app().LoadDemoContent();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().detail;
  auto page = h.Client()->Get("/participatie?stand=alle");
  ASSERT_EQ(page.status, 200);
  for (const char* text : {"Vernieuwing Boerhaavepark", "Verkeersplan Europaweg", "Groen schoolplein Molenwijk",
                           "Nieuwe speelplekken Transvaalwijk", "Parkeerregeling Oude Stad"}) {
    EXPECT_TRUE(Has(page.body, text)) << text;
  }
  for (const char* status : {"planned", "running", "finished", "cancelled"}) {
    EXPECT_GE(Count(h, std::string("SELECT COUNT(*) FROM participation_projects WHERE status = '") + status + "'"), 1)
        << status;
  }
  for (const char* level : {"inform", "consult", "advise", "co_decide"}) {
    EXPECT_GE(Count(h, std::string("SELECT COUNT(*) FROM participation_projects WHERE level = '") + level + "'"), 1)
        << level;
  }
  EXPECT_EQ(MailsTo(h, "boerhaavewijk@demo.wijkplatform.invalid"), 2)
      << "the subscribed Boerhaavewijk hears of the park and the Europaweg";
  EXPECT_EQ(MailsTo(h, "europawijk@demo.wijkplatform.invalid"), 0) << "Europawijk did not subscribe";
  EXPECT_TRUE(Has(h.Client()->Get("/wijkplatform/wijkplatform-boerhaavewijk/participatie").body, "E-mail aangezet"));
  ASSERT_TRUE(h.app().LoadDemoContent().has_value());
  EXPECT_EQ(Count(h, "SELECT COUNT(*) FROM participation_projects"), 5) << "loading the demo twice adds nothing";
}

}  // namespace
}  // namespace wp::participation
