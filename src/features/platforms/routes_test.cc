// HTTP tests of the platforms pages: registration (incl. overlap, bad input,
// XSS), recognition, kernteam management, werkgroepen, spreekuren,
// membership, e-mail choices and the unsubscribe link, subsidy, the
// overviews; and the database-enforced overlap rule under concurrency.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/random.h"
#include "features/geography/service.h"
#include "features/platforms/commands.h"
#include "features/platforms/directory.h"
#include "features/platforms/platform_store.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::platforms {
namespace {

using wp::testing::AppHarness;
using Fields = std::vector<std::pair<std::string, std::string>>;

const char* kBoerhaave[] = {"BU03921901", "BU03921902", "BU03921903", "BU03921904", "BU03921905", "BU03921906"};
const char* kEuropa[] = {"BU03921801", "BU03921802", "BU03921803", "BU03921804",
                         "BU03921805", "BU03921806", "BU03921807"};

Fields RegistrationForm(const std::string& name, std::span<const char* const> area) {
  Fields f = {{"name", name},
              {"description", "Bewoners die samen werken aan de wijk."},
              {"themes", "Groen\nVeiligheid"},
              {"contact_email", "platform@example.nl"},
              {"action", "register"}};
  for (const char* code : area) f.emplace_back("area", code);
  return f;
}

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

class PlatformRoutesTest : public ::testing::Test {
 protected:
  // Registers the Boerhaavewijk platform as `client`; returns the response.
  wp::testing::HttpResponse RegisterBoerhaave(wp::testing::HttpClient& client) {
    return AppHarness::SubmitForm(client, "/wijkplatforms/aanmelden", "/wijkplatforms/aanmelden",
                                  RegistrationForm("Wijkplatform Boerhaavewijk", kBoerhaave));
  }
  // The path of the newest invitation link mailed to `to`, or empty.
  std::string InvitationPath(const std::string& to) {
    std::string path;
    for (const auto& m : wp::testing::Outbox(h_.app().db())) {
      size_t at = m.body.find("/uitnodiging/");
      if (m.to == to && at != std::string::npos) path = m.body.substr(at, 13 + 43);
    }
    return path;
  }
  std::optional<Platform> Find(const std::string& slug) {
    auto p = h_.app().db().Read([&](db::Connection& c) { return PlatformStore::FindBySlug(c, slug); });
    return p.has_value() ? *p : std::nullopt;
  }
  // The directory as events and news see it, on the app's database.
  PlatformDirectory& Dir() {
    if (!dir_) {
      geo_ = std::make_unique<geography::GeographyService>(h_.app().db(), h_.clock());
      EXPECT_TRUE(geo_->LoadFromDatabase().value_or(false));
      commands_ = std::make_unique<PlatformCommands>(h_.app().db(), h_.clock(), random_, *geo_, roles_, AreaPolicy{});
      dir_ = std::make_unique<PlatformDirectory>(*commands_);
    }
    return *dir_;
  }
  AppHarness h_;
  SecureRandom random_;
  accounts::Roles roles_;
  std::unique_ptr<geography::GeographyService> geo_;
  std::unique_ptr<PlatformCommands> commands_;
  std::unique_ptr<PlatformDirectory> dir_;
};

TEST_F(PlatformRoutesTest, RegistrationNeedsSignInAndListsBuurtenGroupedWithoutScript) {
  auto anon = h_.Client();
  auto r = anon->Get("/wijkplatforms/aanmelden");
  EXPECT_EQ(r.status, 303);
  EXPECT_TRUE(Has(std::string(r.Header("Location")), "/inloggen"));
  auto resident = h_.SignedInClient("anna@example.nl");
  auto page = resident->Get("/wijkplatforms/aanmelden");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "type=\"checkbox\" id=\"a-BU03921901\" name=\"area\" value=\"BU03921901\""));
  EXPECT_TRUE(Has(page.body, "Boerhaavewijk"));
  EXPECT_FALSE(Has(page.body, "<script"));
  // The preview shows the chosen area on the map and registers nothing.
  Fields preview = RegistrationForm("Wijkplatform Boerhaavewijk", kBoerhaave);
  preview.back() = {"action", "preview"};
  preview.emplace(preview.begin() + 4, "action", "preview");
  auto shown = AppHarness::SubmitForm(*resident, "/wijkplatforms/aanmelden", "/wijkplatforms/aanmelden", preview);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "<svg"));
  EXPECT_TRUE(Has(shown.body, "wp-map__area--highlighted"));
  EXPECT_FALSE(Find("wijkplatform-boerhaavewijk").has_value());
}

TEST_F(PlatformRoutesTest, RegisterThenOverlapIsRefusedNamingTheOtherPlatform) {
  auto anna = h_.SignedInClient("anna@example.nl");
  auto r = RegisterBoerhaave(*anna);
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.Header("Location"), "/wijkplatform/wijkplatform-boerhaavewijk");
  auto page = h_.Client()->Get("/wijkplatform/wijkplatform-boerhaavewijk");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "Wijkplatform Boerhaavewijk"));
  EXPECT_TRUE(Has(page.body, "Aangemeld"));
  EXPECT_TRUE(Has(page.body, "Geleerdenbuurt"));
  EXPECT_TRUE(Has(page.body, "/wijkplatform/wijkplatform-boerhaavewijk/agenda"));
  EXPECT_TRUE(Has(page.body, "/wijkplatform/wijkplatform-boerhaavewijk/nieuws"));
  // The registrant is the first kernteam member.
  EXPECT_EQ(anna->Get("/wijkplatform/wijkplatform-boerhaavewijk/beheer").status, 200);

  // Same wijk, one shared buurt: refused with the other platform's name.
  auto ben = h_.SignedInClient("ben@example.nl");
  const char* overlap[] = {"BU03921901", "BU03921902", "BU03921903", "BU03921904", "BU03921905", "BU03921906"};
  auto refused = AppHarness::SubmitForm(*ben, "/wijkplatforms/aanmelden", "/wijkplatforms/aanmelden",
                                        RegistrationForm("Boerhaave Samen", overlap));
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(Has(refused.body, "Wijkplatform Boerhaavewijk werkt al in"));
  EXPECT_TRUE(Has(refused.body, "wp-error-summary"));
  EXPECT_FALSE(Find("boerhaave-samen").has_value());
  // Another wijk of the same stadsdeel is fine.
  auto ok = AppHarness::SubmitForm(*ben, "/wijkplatforms/aanmelden", "/wijkplatforms/aanmelden",
                                   RegistrationForm("Wijkplatform Europawijk", kEuropa));
  EXPECT_EQ(ok.status, 303);
  // The overview lists both wijken with their platform and the others without.
  auto overview = h_.Client()->Get("/wijkplatforms");
  ASSERT_EQ(overview.status, 200);
  EXPECT_TRUE(Has(overview.body, "href=\"/wijkplatform/wijkplatform-europawijk\""));
  EXPECT_TRUE(Has(overview.body, "Geen wijkplatform"));
  EXPECT_TRUE(Has(overview.body, "0 wijken hebben een erkend wijkplatform. 2 wijken hebben een wijkplatform"));
}

TEST_F(PlatformRoutesTest, BadInputChangesNothing) {
  auto anna = h_.SignedInClient("anna@example.nl");
  // Bad CSRF token.
  Fields f = RegistrationForm("Wijkplatform Boerhaavewijk", kBoerhaave);
  f.emplace_back("_csrf", "not-the-token");
  EXPECT_EQ(anna->PostForm("/wijkplatforms/aanmelden", f).status, 403);
  // Not signed in.
  auto anon = h_.Client();
  auto anon_post = AppHarness::SubmitForm(*anon, "/wijkplatforms", "/wijkplatforms/aanmelden",
                                          RegistrationForm("Wijkplatform Boerhaavewijk", kBoerhaave));
  EXPECT_NE(anon_post.status, 303);
  EXPECT_NE(anon_post.status, 200);
  // Unknown buurt.
  const char* unknown[] = {"BU99999999"};
  auto r = AppHarness::SubmitForm(*anna, "/wijkplatforms/aanmelden", "/wijkplatforms/aanmelden",
                                  RegistrationForm("Wijkplatform Nergens", unknown));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Has(r.body, "hoort niet bij deze gemeente"));
  // Only part of a wijk without a wijkraad behind it.
  const char* part[] = {"BU03921801"};
  r = AppHarness::SubmitForm(*anna, "/wijkplatforms/aanmelden", "/wijkplatforms/aanmelden",
                             RegistrationForm("Wijkplatform Halve Wijk", part));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Has(r.body, "hele wijk"));
  // Too long a name, missing description.
  Fields long_name = RegistrationForm(std::string(121, 'a'), kBoerhaave);
  long_name[1].second = "";
  r = AppHarness::SubmitForm(*anna, "/wijkplatforms/aanmelden", "/wijkplatforms/aanmelden", long_name);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Has(r.body, "Dit is te lang."));
  EXPECT_TRUE(Has(r.body, "href=\"#f-description\""));
  EXPECT_TRUE(Has(r.body, "checked")) << "the chosen buurten stay chosen";
  auto active = h_.app().db().Read([](db::Connection& c) { return PlatformStore::ActiveInDistrict(c, "WK039219"); });
  ASSERT_TRUE(active.has_value());
  EXPECT_TRUE(active->empty());
  EXPECT_EQ(h_.Client()->Get("/wijkplatform/bestaat-niet").status, 404);
}

TEST_F(PlatformRoutesTest, XssPayloadsAreEscaped) {
  auto anna = h_.SignedInClient("anna@example.nl");
  Fields f = RegistrationForm("<script>alert(1)</script>", kBoerhaave);
  f[1].second = "<img src=x onerror=alert(2)>";
  f[2].second = "<b>Groen</b>";
  auto r = AppHarness::SubmitForm(*anna, "/wijkplatforms/aanmelden", "/wijkplatforms/aanmelden", f);
  ASSERT_EQ(r.status, 303) << r.body;
  std::string location(r.Header("Location"));
  for (const std::string& path : {location, std::string("/wijkplatforms")}) {
    auto page = h_.Client()->Get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_FALSE(Has(page.body, "<script>alert(1)")) << path;
    EXPECT_TRUE(Has(page.body, "&lt;script&gt;alert(1)&lt;/script&gt;")) << path;
    EXPECT_FALSE(Has(page.body, "<img src=x")) << path;
  }
}

TEST_F(PlatformRoutesTest, RecognitionByTheGebiedsverbinderWithReasonsAndHistory) {
  h_.clock().Set(1767310200);  // 2026-01-01 23:30 UTC: 2 January, 00:30 in Haarlem
  auto anna = h_.SignedInClient("anna@example.nl");
  ASSERT_EQ(RegisterBoerhaave(*anna).status, 303);
  const std::string status = "/wijkplatform/wijkplatform-boerhaavewijk/status";
  auto other_gv = h_.SignedInClient("gv-noord@haarlem.example", {{auth::Role::kAreaLiaison, "noord"}});
  EXPECT_EQ(other_gv->Get(status).status, 403);
  auto resident = h_.SignedInClient("ben@example.nl");
  EXPECT_EQ(resident->Get(status).status, 403);
  auto gv = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  auto page = gv->Get(status);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "value=\"in_formation\""));
  EXPECT_FALSE(Has(page.body, "value=\"recognised\"")) << "not allowed from submitted";
  // No reason: refused, nothing changes.
  auto bad = AppHarness::SubmitForm(*gv, status, status, {{"to", "in_formation"}, {"reason", "  "}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Find("wijkplatform-boerhaavewijk")->status, PlatformStatus::kSubmitted);
  // A status the flow does not allow.
  EXPECT_EQ(AppHarness::SubmitForm(*gv, status, status, {{"to", "recognised"}, {"reason", "Snel"}}).status, 409);
  EXPECT_EQ(
      AppHarness::SubmitForm(*gv, status, status, {{"to", "in_formation"}, {"reason", "Compleet <b>ok</b>"}}).status,
      303);
  EXPECT_EQ(AppHarness::SubmitForm(*gv, status, status, {{"to", "recognised"}, {"reason", "Open en actief"}}).status,
            303);
  // Applicants see every decision with its reason.
  auto history = anna->Get(status);
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(Has(history.body, "Compleet &lt;b&gt;ok&lt;/b&gt;"));
  EXPECT_TRUE(Has(history.body, "Open en actief"));
  EXPECT_TRUE(Has(history.body, "In oprichting"));
  EXPECT_TRUE(Has(history.body, "2 januari 2026")) << "the date in Dutch time";
  EXPECT_TRUE(Has(h_.Client()->Get("/wijkplatform/wijkplatform-boerhaavewijk").body, "Erkend"));
  EXPECT_TRUE(Has(h_.Client()->Get("/wijkplatforms").body, "1 wijk heeft een erkend wijkplatform"));
  // The wijk page (geography) shows the recognised platform; another wijk shows none.
  auto wijk = h_.Client()->Get("/wijk/WK039219");
  EXPECT_TRUE(
      Has(wijk.body, "href=\"/wijkplatform/wijkplatform-boerhaavewijk\">Wijkplatform Boerhaavewijk</a> (Erkend)"));
  EXPECT_TRUE(Has(h_.Client()->Get("/wijk/WK039210").body, "Deze wijk heeft nog geen wijkplatform."));
  // Ending frees the area for a new platform.
  EXPECT_EQ(AppHarness::SubmitForm(*gv, status, status, {{"to", "ended"}, {"reason", "Gestopt"}}).status, 303);
  auto again = AppHarness::SubmitForm(*resident, "/wijkplatforms/aanmelden", "/wijkplatforms/aanmelden",
                                      RegistrationForm("Nieuw Boerhaave", kBoerhaave));
  EXPECT_EQ(again.status, 303);
}

TEST_F(PlatformRoutesTest, KernteamManagesTeamWerkgroepenAndSpreekuren) {
  auto anna = h_.SignedInClient("anna@example.nl");
  ASSERT_EQ(RegisterBoerhaave(*anna).status, 303);
  const std::string manage = "/wijkplatform/wijkplatform-boerhaavewijk/beheer";
  auto ben = h_.SignedInClient("ben@example.nl");
  EXPECT_EQ(ben->Get(manage).status, 403);
  EXPECT_EQ(AppHarness::SubmitForm(*ben, "/wijkplatform/wijkplatform-boerhaavewijk", manage,
                                   {{"section", "group"},
                                    {"group_theme", "Groen"},
                                    {"group_contact_name", "Ben"},
                                    {"group_contact_email", "ben@example.nl"}})
                .status,
            403);
  // Kernteam: an invitation, the same answer with or without an account.
  auto r = AppHarness::SubmitForm(*anna, manage, manage,
                                  {{"section", "kernteam"}, {"kernteam_email", "niemand@example.nl"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("Location"), manage);
  EXPECT_TRUE(Has(anna->Get(manage).body, "Wij stuurden een uitnodiging"));
  EXPECT_EQ(
      AppHarness::SubmitForm(*anna, manage, manage, {{"section", "kernteam"}, {"kernteam_email", "ben@example.nl"}})
          .status,
      303);
  EXPECT_EQ(ben->Get(manage).status, 403) << "no role before Ben says yes";
  std::string invitation = InvitationPath("ben@example.nl");
  ASSERT_FALSE(invitation.empty());
  auto anonymous = h_.Client()->Get(invitation);
  EXPECT_EQ(anonymous.status, 200);
  EXPECT_TRUE(Has(anonymous.body, "Inloggen om te antwoorden")) << anonymous.body;
  EXPECT_FALSE(Has(anonymous.body, "name=\"answer\""));
  auto cor = h_.SignedInClient("cor@example.nl");
  EXPECT_TRUE(Has(cor->Get(invitation).body, "voor een ander e-mailadres"));
  EXPECT_EQ(AppHarness::SubmitForm(*cor, invitation, invitation, {{"answer", "ja"}}).status, 403);
  auto invited = ben->Get(invitation);
  EXPECT_TRUE(Has(invited.body, "anna nodigt u uit voor het kernteam van Wijkplatform Boerhaavewijk")) << invited.body;
  auto yes = AppHarness::SubmitForm(*ben, invitation, invitation, {{"answer", "ja"}});
  EXPECT_EQ(yes.status, 303);
  EXPECT_EQ(yes.Header("Location"), manage);
  EXPECT_EQ(ben->Get(manage).status, 200) << "Ben is in the kernteam now";
  EXPECT_TRUE(Has(ben->Get(invitation).body, "al beantwoord of verlopen")) << "an invitation is answered once";
  EXPECT_EQ(AppHarness::SubmitForm(*ben, invitation, invitation, {{"answer", "nee"}}).status, 409);
  auto p = Find("wijkplatform-boerhaavewijk");
  Dir();  // builds commands_
  auto management = commands_->Management(*p);
  ASSERT_TRUE(management.has_value());
  const auto& team = management->kernteam;
  ASSERT_EQ(team.size(), 2u);
  int64_t anna_id = team[0].email == "anna@example.nl" ? team[0].id : team[1].id;
  int64_t ben_id = team[0].email == "ben@example.nl" ? team[0].id : team[1].id;
  EXPECT_EQ(
      AppHarness::SubmitForm(*ben, manage, manage + "/kernteam/" + std::to_string(anna_id) + "/verwijderen", {}).status,
      303);
  EXPECT_EQ(anna->Get(manage).status, 403);
  EXPECT_EQ(
      AppHarness::SubmitForm(*ben, manage, manage + "/kernteam/" + std::to_string(ben_id) + "/verwijderen", {}).status,
      409)
      << "never the last one";
  // Werkgroep: missing fields, then a good one.
  r = AppHarness::SubmitForm(
      *ben, manage, manage,
      {{"section", "group"}, {"group_theme", ""}, {"group_contact_name", ""}, {"group_contact_email", "geen"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Has(r.body, "href=\"#f-group_theme\""));
  EXPECT_TRUE(Has(r.body, "href=\"#f-group_contact_email\""));
  EXPECT_EQ(AppHarness::SubmitForm(*ben, manage, manage,
                                   {{"section", "group"},
                                    {"group_theme", "Groen"},
                                    {"group_description", "Geveltuinen"},
                                    {"group_contact_name", "Ben <i>B</i>"},
                                    {"group_contact_email", "ben@example.nl"}})
                .status,
            303);
  // Spreekuur: bad time, then a good one.
  r = AppHarness::SubmitForm(*ben, manage, manage,
                             {{"section", "hours"},
                              {"hours_weekday", "wednesday"},
                              {"hours_time", "21:00-19:00"},
                              {"hours_place", "Buurthuis"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Has(r.body, "href=\"#f-hours_time\""));
  EXPECT_EQ(AppHarness::SubmitForm(*ben, manage, manage,
                                   {{"section", "hours"},
                                    {"hours_weekday", "wednesday"},
                                    {"hours_time", "19:00-20:30"},
                                    {"hours_place", "Buurthuis"}})
                .status,
            303);
  auto page = h_.Client()->Get("/wijkplatform/wijkplatform-boerhaavewijk");
  EXPECT_TRUE(Has(page.body, "woensdag 19:00–20:30: Buurthuis"));
  EXPECT_TRUE(Has(page.body, "Geveltuinen"));
  EXPECT_TRUE(Has(page.body, "Ben &lt;i&gt;B&lt;/i&gt;"));
  // Details: too long a theme is refused.
  r = AppHarness::SubmitForm(*ben, manage, manage,
                             {{"section", "details"},
                              {"name", "Wijkplatform Boerhaavewijk"},
                              {"description", "Nieuw"},
                              {"themes", std::string(61, 't')},
                              {"contact_email", "x@example.nl"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(AppHarness::SubmitForm(*ben, manage, manage,
                                   {{"section", "details"},
                                    {"name", "Wijkplatform Boerhaavewijk"},
                                    {"description", "Nieuwe tekst"},
                                    {"themes", "Spelen"},
                                    {"contact_email", "x@example.nl"}})
                .status,
            303);
  EXPECT_EQ(Find("wijkplatform-boerhaavewijk")->description, "Nieuwe tekst");
}

// #11 item 9: an address someone else typed (the platform's contact address,
// a werkgroep's contact person) gets a check mail that asks for consent, and
// no page shows it before the link is used.
TEST_F(PlatformRoutesTest, ContactAddressesAreShownOnlyAfterTheirOwnersConfirm) {
  auto anna = h_.SignedInClient("anna@example.nl");
  ASSERT_EQ(RegisterBoerhaave(*anna).status, 303);
  const std::string page = "/wijkplatform/wijkplatform-boerhaavewijk";
  const std::string manage = page + "/beheer";
  ASSERT_EQ(AppHarness::SubmitForm(*anna, manage, manage,
                                   {{"section", "group"},
                                    {"group_theme", "Groen"},
                                    {"group_description", "Geveltuinen"},
                                    {"group_contact_name", "Carla Smit"},
                                    {"group_contact_email", "carla@example.nl"}})
                .status,
            303);
  auto link_to = [&](const std::string& to, const std::string& purpose) {
    std::string path;
    for (const auto& m : wp::testing::Outbox(h_.app().db())) {
      size_t at = m.body.find("/e-mailadres/bevestigen/");
      if (m.to != to || at == std::string::npos) continue;
      EXPECT_TRUE(Has(m.body, purpose)) << m.body;
      path = m.body.substr(at, 24 + 43);
    }
    return path;
  };
  std::string platform_link = link_to("platform@example.nl", "als contactadres van Wijkplatform Boerhaavewijk");
  std::string carla_link = link_to("carla@example.nl", "contactpersoon van de werkgroep Groen van Wijkplatform");
  ASSERT_FALSE(platform_link.empty());
  ASSERT_FALSE(carla_link.empty());

  auto before = h_.Client()->Get(page);
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(Has(before.body, "Geveltuinen"));
  EXPECT_FALSE(Has(before.body, "platform@example.nl")) << "not confirmed: not shown";
  EXPECT_FALSE(Has(before.body, "Carla Smit"));
  EXPECT_FALSE(Has(before.body, "carla@example.nl"));
  auto managed = anna->Get(manage);
  EXPECT_TRUE(Has(managed.body, "Dit adres is nog niet bevestigd")) << managed.body;
  EXPECT_TRUE(Has(managed.body, "Carla Smit, nog niet bevestigd"));

  auto carla = h_.Client();
  ASSERT_EQ(AppHarness::SubmitForm(*carla, carla_link, carla_link, {}).status, 303);
  auto after_carla = h_.Client()->Get(page);
  EXPECT_TRUE(Has(after_carla.body, "Carla Smit"));
  EXPECT_TRUE(Has(after_carla.body, "mailto:carla@example.nl"));
  EXPECT_FALSE(Has(after_carla.body, "platform@example.nl"));
  ASSERT_EQ(AppHarness::SubmitForm(*h_.Client(), platform_link, platform_link, {}).status, 303);
  EXPECT_TRUE(Has(h_.Client()->Get(page).body, "mailto:platform@example.nl"));
  EXPECT_FALSE(Has(anna->Get(manage).body, "nog niet bevestigd"));

  // A new contact address is checked again; the confirmed one is not.
  ASSERT_EQ(AppHarness::SubmitForm(*anna, manage, manage,
                                   {{"section", "details"},
                                    {"name", "Wijkplatform Boerhaavewijk"},
                                    {"description", "Nieuwe tekst"},
                                    {"themes", "Spelen"},
                                    {"contact_email", "nieuw@example.nl"}})
                .status,
            303);
  EXPECT_FALSE(link_to("nieuw@example.nl", "als contactadres").empty());
  EXPECT_FALSE(Has(h_.Client()->Get(page).body, "nieuw@example.nl"));
}

TEST_F(PlatformRoutesTest, MembersJoinChooseMailAndUnsubscribeWithoutSigningIn) {
  auto anna = h_.SignedInClient("anna@example.nl");
  ASSERT_EQ(RegisterBoerhaave(*anna).status, 303);
  const std::string page = "/wijkplatform/wijkplatform-boerhaavewijk";
  auto anon = h_.Client()->Get(page);
  EXPECT_TRUE(Has(anon.body, "Log in om lid te worden"));
  auto cor = h_.SignedInClient("cor@example.nl");
  EXPECT_TRUE(Has(cor->Get(page).body, "Lid worden"));
  // An entrepreneur must name the business.
  EXPECT_EQ(AppHarness::SubmitForm(*cor, page, page + "/lid-worden", {{"kind", "entrepreneur"}}).status, 400);
  EXPECT_EQ(AppHarness::SubmitForm(*cor, page, page + "/lid-worden", {{"kind", "koning"}}).status, 400);
  EXPECT_EQ(AppHarness::SubmitForm(*cor, page, page + "/lid-worden",
                                   {{"kind", "entrepreneur"}, {"organisation_name", "Fietsenmaker Cor"}})
                .status,
            303);
  EXPECT_EQ(AppHarness::SubmitForm(*cor, page, page + "/lid-worden", {{"kind", "resident"}}).status, 409);
  auto p = Find("wijkplatform-boerhaavewijk");
  int64_t cor_id = wp::testing::UserId(h_.app().db(), "cor@example.nl");
  ASSERT_NE(cor_id, 0);
  auto cor_member = h_.app().db().Read([&](db::Connection& c) { return PlatformStore::FindMember(c, p->id, cor_id); });
  ASSERT_TRUE(cor_member.has_value());
  EXPECT_TRUE(cor_member->has_value());
  // Werkgroep: join and leave.
  auto ben_group = h_.app().db().Write([&](db::Connection& c) {
    WorkingGroup g;
    g.platform_id = p->id;
    g.theme = "Groen";
    g.contact = {"Anna", "anna@example.nl", std::nullopt};
    return PlatformStore::InsertWorkingGroup(c, g);
  });
  ASSERT_TRUE(ben_group.has_value());
  const std::string group = page + "/werkgroepen/" + std::to_string(*ben_group);
  auto outsider = h_.SignedInClient("dirk@example.nl");
  EXPECT_EQ(AppHarness::SubmitForm(*outsider, page, group + "/deelnemen", {}).status, 409) << "members only";
  EXPECT_EQ(AppHarness::SubmitForm(*cor, page, group + "/deelnemen", {}).status, 303);
  EXPECT_TRUE(Has(cor->Get(page).body, "Stop met Groen"));
  EXPECT_EQ(AppHarness::SubmitForm(*cor, page, group + "/verlaten", {}).status, 303);
  EXPECT_EQ(AppHarness::SubmitForm(*cor, page, page + "/werkgroepen/999/deelnemen", {}).status, 404);
  // Mail choices: newsletter off.
  EXPECT_EQ(AppHarness::SubmitForm(*cor, page, page + "/email", {{"events", "1"}}).status, 303);
  auto newsletter = Dir().Recipients(p->id, MailTopic::kNewsletter);
  ASSERT_TRUE(newsletter.has_value());
  for (const auto& m : *newsletter) EXPECT_NE(m.user_id, cor_id);
  auto events = Dir().Recipients(p->id, MailTopic::kEvents);
  ASSERT_TRUE(events.has_value());
  std::string unsubscribe;
  for (const auto& m : *events) {
    if (m.user_id == cor_id) unsubscribe = m.unsubscribe_path;
  }
  ASSERT_EQ(unsubscribe.rfind("/afmelden/", 0), 0u);
  // Anonymous: GET asks, changes nothing; one-click POST (RFC 8058) does it.
  auto visitor = h_.Client();
  auto ask = visitor->Get(unsubscribe);
  ASSERT_EQ(ask.status, 200);
  EXPECT_TRUE(Has(ask.body, "Ja, meld mij af"));
  EXPECT_EQ(Dir().Recipients(p->id, MailTopic::kEvents)->size(), events->size());
  auto done = visitor->Post(unsubscribe, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
  EXPECT_EQ(done.status, 200);
  EXPECT_TRUE(Has(done.body, "geen e-mail meer"));
  EXPECT_EQ(Dir().Recipients(p->id, MailTopic::kEvents)->size(), events->size() - 1);
  EXPECT_TRUE(Has(visitor->Get(unsubscribe).body, "al afgemeld"));
  EXPECT_EQ(visitor->Get("/afmelden/onbekend").status, 404);
  EXPECT_EQ(visitor->Post("/afmelden/onbekend", "", "application/x-www-form-urlencoded").status, 404);
  // Leaving.
  EXPECT_EQ(AppHarness::SubmitForm(*cor, page, page + "/opzeggen", {}).status, 303);
  EXPECT_FALSE(Dir().IsMember(p->id, cor_id).value());
}

TEST_F(PlatformRoutesTest, SubsidyApplyGrantAndMunicipalOverview) {
  auto anna = h_.SignedInClient("anna@example.nl");
  ASSERT_EQ(RegisterBoerhaave(*anna).status, 303);
  const std::string page = "/wijkplatform/wijkplatform-boerhaavewijk/subsidie";
  const Fields budget = {{"year", "2027"}, {"budget", "Zaalhuur; 450,00\nFolders; 150"}};
  // Submitted platforms cannot apply yet.
  EXPECT_EQ(AppHarness::SubmitForm(*anna, page, page, budget).status, 403);
  auto gv = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  const std::string status = "/wijkplatform/wijkplatform-boerhaavewijk/status";
  ASSERT_EQ(AppHarness::SubmitForm(*gv, status, status, {{"to", "in_formation"}, {"reason", "Welkom"}}).status, 303);
  auto bad = AppHarness::SubmitForm(*anna, page, page, {{"year", "2027"}, {"budget", "Zaalhuur zonder bedrag"}});
  EXPECT_EQ(bad.status, 422);
  bad = AppHarness::SubmitForm(*anna, page, page, {{"year", "1999"}, {"budget", "Zaalhuur; 10"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "vanaf 2024"));
  ASSERT_EQ(AppHarness::SubmitForm(*anna, page, page, budget).status, 303);
  EXPECT_EQ(AppHarness::SubmitForm(*anna, page, page, budget).status, 422) << "one per year";
  auto resident = h_.SignedInClient("ben@example.nl");
  EXPECT_EQ(resident->Get(page).status, 403);
  auto p = Find("wijkplatform-boerhaavewijk");
  auto apps = h_.app().db().Read([&](db::Connection& c) { return PlatformStore::Subsidies(c, p->id); });
  ASSERT_EQ(apps->size(), 1u);
  EXPECT_EQ(apps->at(0).requested.cents, 60000);
  const std::string grant = page + "/" + std::to_string(apps->at(0).id) + "/toekennen";
  EXPECT_EQ(AppHarness::SubmitForm(*anna, page, grant, {{"amount", "500"}, {"reason", "Zelf"}}).status, 403);
  EXPECT_EQ(AppHarness::SubmitForm(*gv, page, grant, {{"amount", "700"}, {"reason", "Te veel"}}).status, 400);
  EXPECT_EQ(AppHarness::SubmitForm(*gv, page, grant, {{"amount", "500"}, {"reason", "Passend"}}).status, 303);
  auto shown = anna->Get(page);
  EXPECT_TRUE(Has(shown.body, "Toegekend"));
  EXPECT_TRUE(Has(shown.body, "Passend"));
  // Municipal overview: officials only.
  EXPECT_EQ(resident->Get("/beheer/wijkplatforms").status, 403);
  auto overview = gv->Get("/beheer/wijkplatforms");
  ASSERT_EQ(overview.status, 200);
  EXPECT_TRUE(Has(overview.body, "Wijkplatform Boerhaavewijk"));
  EXPECT_TRUE(Has(overview.body, "2027: Toegekend"));
}

// Many residents register overlapping areas at once: exactly one succeeds,
// and the claims table holds only the winner's claims.
TEST_F(PlatformRoutesTest, ConcurrentOverlappingRegistrationsOnlyOneSucceeds) {
  geography::GeographyService geo(h_.app().db(), h_.clock());
  ASSERT_TRUE(geo.LoadFromDatabase().value());
  SecureRandom random;
  accounts::Roles roles;
  PlatformCommands commands(h_.app().db(), h_.clock(), random, geo, roles, AreaPolicy{});
  std::vector<auth::User> users;
  for (int i = 0; i < 12; ++i) {
    std::string email = "bewoner" + std::to_string(i) + "@example.nl";
    auto id = h_.app().db().Write([&](db::Connection& c) {
      return c.Insert(
          "INSERT INTO users (email, display_name, password_hash, locale, created_at) VALUES (?, ?, 'x', 'nl', 0) "
          "RETURNING id",
          {db::Text(email), db::Text("Bewoner " + std::to_string(i))});
    });
    ASSERT_TRUE(id.has_value());
    users.push_back(auth::User{*id, email, "Bewoner", "nl", {}});
  }
  std::atomic<int> ok{0}, conflict{0}, other{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&, i] {
      RegisterInput in;
      in.name = "Platform " + std::to_string(i);
      in.description = "Samen";
      in.contact_email = "p@example.nl";
      // Half take the whole Boerhaavewijk, half the Boerhaavewijk and the Europawijk.
      for (const char* c : kBoerhaave) in.area.insert(c);
      if (i % 2) {
        for (const char* c : kEuropa) in.area.insert(c);
      }
      while (!go) std::this_thread::yield();
      auto r = commands.Register(users[i], in);
      if (r.has_value())
        ++ok;
      else if (r.error().code == ErrorCode::kConflict)
        ++conflict;
      else
        ++other;
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 11);
  EXPECT_EQ(other.load(), 0);
  auto claims = h_.app().db().Read(
      [](db::Connection& c) { return c.QueryOne("SELECT COUNT(DISTINCT platform_id) FROM platform_claims"); });
  EXPECT_EQ(claims->Int(0), 1);
}

// The database refuses overlapping claims even when the application check is
// skipped (two writers that both saw a free area).
TEST_F(PlatformRoutesTest, ClaimsTableRefusesASecondActivePlatformInTheSameWijk) {
  auto r = h_.app().db().Write([](db::Connection& c) -> Result<void> {
    Platform a;
    a.slug = "a";
    a.name = "A";
    a.description = "d";
    a.contact_email = "a@example.nl";
    a.borough_slug = "schalkwijk";
    a.area = {"BU03921901"};
    WP_ASSIGN_OR_RETURN(a.id, PlatformStore::Insert(c, a, 1));
    WP_TRY_VOID(PlatformStore::InsertClaims(c, a.id, PlatformStore::ClaimsFor(a, AreaPolicy{})));
    Platform b = a;
    b.slug = "b";
    b.area = {"BU03921902"};  // other buurt, same wijk
    WP_ASSIGN_OR_RETURN(b.id, PlatformStore::Insert(c, b, 1));
    return PlatformStore::InsertClaims(c, b.id, PlatformStore::ClaimsFor(b, AreaPolicy{}));
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().user_message_key, "platforms.overlap.claimed");
}

TEST_F(PlatformRoutesTest, DemoPlatformsAreLoadedOnceWithTheirStatuses) {
  ASSERT_TRUE(h_.app().LoadDemoContent().has_value());
  ASSERT_TRUE(h_.app().LoadDemoContent().has_value());
  auto count = h_.app().db().Read([](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM platforms"); });
  EXPECT_EQ(count->Int(0), 3);
  EXPECT_EQ(Find("wijkplatform-boerhaavewijk")->status, PlatformStatus::kRecognised);
  EXPECT_EQ(Find("wijkplatform-europawijk")->status, PlatformStatus::kInFormation);
  EXPECT_EQ(Find("wijkplatform-transvaalwijk")->status, PlatformStatus::kSubmitted);
  auto page = h_.Client()->Get("/wijkplatform/wijkplatform-boerhaavewijk");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "Fatma Yilmaz (demo)"));
  EXPECT_TRUE(Has(page.body, "woensdag 19:00–20:30"));
  EXPECT_TRUE(Has(page.body, "Geveltuinen"));
  EXPECT_TRUE(Has(page.body, "Kees Hoogland (demo)")) << "Kees accepted the invitation";
  EXPECT_TRUE(Has(page.body, "mailto:boerhaavewijk@demo.wijkplatform.invalid")) << "a confirmed contact address";
  EXPECT_TRUE(Has(page.body, "Jongeren"));
  EXPECT_FALSE(Has(page.body, "Sem de Boer")) << "a werkgroep contact who has not confirmed yet";
  auto submitted = h_.Client()->Get("/wijkplatform/wijkplatform-transvaalwijk");
  EXPECT_FALSE(Has(submitted.body, "transvaalwijk@demo.wijkplatform.invalid")) << "not confirmed yet";
  auto open = h_.app().db().Read([](db::Connection& c) {
    return c.QueryOne("SELECT COUNT(*) FROM platform_invitations WHERE answered_at IS NULL");
  });
  EXPECT_EQ(open->Int(0), 1) << "the demo shows a pending invitation";
}

TEST_F(PlatformRoutesTest, ADeclinedInvitationGivesNoRoleAndAnUnknownOneIsNotFound) {
  auto anna = h_.SignedInClient("anna@example.nl");
  ASSERT_EQ(RegisterBoerhaave(*anna).status, 303);
  const std::string manage = "/wijkplatform/wijkplatform-boerhaavewijk/beheer";
  auto ben = h_.SignedInClient("ben@example.nl");
  ASSERT_EQ(
      AppHarness::SubmitForm(*anna, manage, manage, {{"section", "kernteam"}, {"kernteam_email", "ben@example.nl"}})
          .status,
      303);
  std::string invitation = InvitationPath("ben@example.nl");
  auto no = AppHarness::SubmitForm(*ben, invitation, invitation, {{"answer", "nee"}});
  EXPECT_EQ(no.status, 303);
  EXPECT_EQ(ben->Get(manage).status, 403);
  EXPECT_EQ(h_.Client()->Get("/uitnodiging/" + std::string(43, 'A')).status, 404);
  // Invitations expire after two weeks.
  ASSERT_EQ(
      AppHarness::SubmitForm(*anna, manage, manage, {{"section", "kernteam"}, {"kernteam_email", "ben@example.nl"}})
          .status,
      303);
  std::string second = InvitationPath("ben@example.nl");
  ASSERT_NE(second, invitation);
  h_.clock().Advance(std::chrono::hours(15 * 24));
  EXPECT_TRUE(Has(h_.Client()->Get(second).body, "al beantwoord of verlopen"));
}

TEST_F(PlatformRoutesTest, NavigationAndEnglish) {
  auto c = h_.Client();
  auto home = c->Get("/wijkplatforms", {{"Cookie", "wp_lang=en"}});
  ASSERT_EQ(home.status, 200);
  EXPECT_TRUE(Has(home.body, "Neighbourhood platforms in the city"));
  EXPECT_TRUE(Has(c->Get("/").body, "href=\"/wijkplatforms\""));
}

}  // namespace
}  // namespace wp::platforms
