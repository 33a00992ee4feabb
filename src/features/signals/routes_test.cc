// HTTP tests of signals: the report form without JavaScript (map click and
// buurt + street), the receipt, e-mail verification, the follow-up page with
// satisfaction and reopening. Run on SQLite and on PostgreSQL.
// clang-format off
// nlohmann/json before Magick++, whose headers hide its assert.
#include <nlohmann/json.hpp>
#include <Magick++.h>
// clang-format on
#include <gtest/gtest.h>

#include "core/auth/tokens.h"
#include "core/db/database.h"
#include "features/platforms/platform_world.h"
#include "features/signals/signal_store.h"
#include "testing/app_harness.h"

namespace wp::signals {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;

int64_t Count(AppHarness& h, const std::string& sql) {
  return h.app().db().Read([&](db::Connection& c) { return c.QueryOne(sql); })->Int(0);
}

std::string LastMailTo(AppHarness& h, const std::string& to) {
  auto row = h.app().db().Read([&](db::Connection& c) {
    return c.QueryOptional("SELECT body_text FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1", {to});
  });
  return row.has_value() && *row ? (*row)->Text(0) : "";
}

// The path of the first link in `text` that starts with `base` + `prefix`.
std::string LinkPath(const std::string& text, const std::string& prefix) {
  size_t at = text.find(prefix);
  if (at == std::string::npos) return "";
  size_t end = text.find_first_of(" \n\"<", at);
  return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::string Png() {
  Magick::InitializeMagick(nullptr);
  Magick::Image img(Magick::Geometry(30, 20), Magick::Color("green"));
  img.magick("PNG");
  Magick::Blob b;
  img.write(&b);
  return std::string(static_cast<const char*>(b.data()), b.length());
}

class SignalRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1767870000);  // 2026-01-08 11:00 UTC
    auto r = h_.app().db().Write([](db::Connection& c) -> Result<int64_t> {
      WP_TRY_VOID(SignalStore::SaveDepartment(c, {"wegen", "Wegen en verkeer", false}));
      Category main;
      main.slug = "straat";
      main.name = "Straat en stoep";
      main.department_slug = "wegen";
      WP_ASSIGN_OR_RETURN(int64_t id, SignalStore::InsertCategory(c, main));
      Category tile = main;
      tile.parent_id = id;
      tile.slug = "losse-tegel";
      tile.name = "Losse tegel";
      tile.name_en = "Loose paving stone";
      return SignalStore::InsertCategory(c, tile);
    });
    ASSERT_TRUE(r.has_value()) << r.error().detail;
    visitor_ = h_.Client();
  }

  // The fields of a complete report chosen by buurt and street.
  std::vector<std::pair<std::string, std::string>> ByStreet(const std::string& email) {
    return {{"category", "losse-tegel"},
            {"description", "Losse tegel voor de bakker."},
            {"neighbourhood", "BU03920101"},
            {"street", "Zijlweg 12"},
            {"email", email},
            {"nonce", AppNonce()}};
  }
  std::string AppNonce() {
    auto page = visitor_->Get("/meldingen/nieuw");
    return wp::testing::ExtractInputValue(page.body, "nonce");
  }
  // Reports, verifies the address and returns the follow-up path.
  std::string ReportVerified(const std::string& email) {
    auto r = AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw", ByStreet(email));
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 2000);
    std::string follow = LinkPath(r.body, "/meldingen/volg/");
    std::string confirm = LinkPath(LastMailTo(h_, email), "/meldingen/bevestigen/");
    // Opening the link (as a mail scanner does) shows a button and verifies nothing.
    EXPECT_EQ(visitor_->Get(confirm).status, 200);
    EXPECT_EQ(
        Count(h_, "SELECT COUNT(*) FROM signal_reporters WHERE email = '" + email + "' AND verified_at IS NOT NULL"),
        0);
    EXPECT_EQ(AppHarness::SubmitForm(*visitor_, confirm, confirm, {}).status, 200);
    EXPECT_EQ(
        Count(h_, "SELECT COUNT(*) FROM signal_reporters WHERE email = '" + email + "' AND verified_at IS NOT NULL"),
        1);
    return follow;
  }

  // Wijkplatform Ter Kleef (slug ter-kleef) for buurt BU03920101; returns its id.
  int64_t AddPlatform() {
    platforms::Platform p = platforms::testing::TerKleef();
    p.contact_email = "kern@example.nl";
    p.created_at = 1767000000;
    auto id = platforms::testing::AddPlatform(h_, p, "kern@example.nl");
    EXPECT_TRUE(id.has_value()) << id.error().detail;
    return id.value_or(0);
  }

  AppHarness h_;
  std::unique_ptr<HttpClient> visitor_;
};

TEST_F(SignalRoutesTest, TheReportFormWorksWithoutJavaScript) {
  auto page = visitor_->Get("/meldingen/nieuw");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("type=\"image\" name=\"kaart\""), std::string::npos);
  EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"losse-tegel\""), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"BU03920101\""), std::string::npos);
  auto map = visitor_->Get("/meldingen/kaart.svg");
  ASSERT_EQ(map.status, 200);
  EXPECT_EQ(map.Header("Content-Type").substr(0, 13), "image/svg+xml");
  EXPECT_NE(map.body.find("<svg"), std::string::npos);
  auto en = visitor_->Get("/meldingen/nieuw", {{"Cookie", "wp_lang=en"}});
  EXPECT_NE(en.body.find("Loose paving stone"), std::string::npos);
}

TEST_F(SignalRoutesTest, AClickOnTheMapChoosesThePlaceAndKeepsTheForm) {
  // The middle of the picker map lies inside Haarlem.
  auto click = AppHarness::SubmitForm(
      *visitor_, "/meldingen/nieuw", "/meldingen/nieuw",
      {{"category", "losse-tegel"}, {"description", "Kapotte stoep"}, {"kaart.x", "300"}, {"kaart.y", "300"}});
  ASSERT_EQ(click.status, 200) << click.body.substr(0, 2000);
  std::string lon = wp::testing::ExtractInputValue(click.body, "lon");
  std::string lat = wp::testing::ExtractInputValue(click.body, "lat");
  ASSERT_FALSE(lon.empty());
  EXPECT_NE(click.body.find("Kapotte stoep"), std::string::npos);
  EXPECT_NE(click.body.find("/meldingen/kaart.svg?lon=" + lon), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals"), 0);
  auto marked = visitor_->Get("/meldingen/kaart.svg?lon=" + lon + "&lat=" + lat);
  EXPECT_NE(marked.body.find("<circle"), std::string::npos);
  EXPECT_EQ(visitor_->Get("/meldingen/kaart.svg").body.find("<circle"), std::string::npos);

  auto outside =
      AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw", {{"kaart.x", "1"}, {"kaart.y", "1"}});
  EXPECT_EQ(outside.status, 422);

  std::string nonce = wp::testing::ExtractInputValue(click.body, "nonce");
  auto sent = AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw",
                                     {{"category", "losse-tegel"},
                                      {"description", "Kapotte stoep"},
                                      {"lon", lon},
                                      {"lat", lat},
                                      {"email", ""},
                                      {"nonce", nonce}});
  ASSERT_EQ(sent.status, 200) << sent.body.substr(0, 2000);
  EXPECT_NE(sent.body.find("M-1"), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals WHERE lon IS NOT NULL"), 1);
  // The same form again (a double click, the back button) stores nothing.
  auto again = AppHarness::SubmitForm(
      *visitor_, "/meldingen/nieuw", "/meldingen/nieuw",
      {{"category", "losse-tegel"}, {"description", "Kapotte stoep"}, {"lon", lon}, {"lat", lat}, {"nonce", nonce}});
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals"), 1);
}

TEST_F(SignalRoutesTest, BadInputShowsTheFormAgainAndStoresNothing) {
  auto r = AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw",
                                  {{"category", "vuurwerk"}, {"description", ""}, {"email", "x@"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("f-category-error"), std::string::npos);
  EXPECT_NE(r.body.find("f-location-error"), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals"), 0);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox"), 0);

  std::string csrf = AppHarness::CsrfToken(*visitor_, "/meldingen/nieuw");
  auto fields = ByStreet("");
  fields.push_back({"_csrf", csrf});
  auto photo = visitor_->PostMultipart("/meldingen/nieuw", fields, {{"photos", "a.gif", "image/gif", "GIF89a...."}});
  EXPECT_EQ(photo.status, 422);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals"), 0);
}

TEST_F(SignalRoutesTest, APhotoIsStoredReencoded) {
  std::string csrf = AppHarness::CsrfToken(*visitor_, "/meldingen/nieuw");
  auto fields = ByStreet("");
  fields.push_back({"_csrf", csrf});
  auto r = visitor_->PostMultipart("/meldingen/nieuw", fields, {{"photos", "tegel.png", "image/png", Png()}});
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 2000);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signal_photos WHERE width = 30"), 1);
}

TEST_F(SignalRoutesTest, TheReporterVerifiesFollowsAndReopensWithinFourteenDays) {
  std::string follow = ReportVerified("ans@example.nl");
  ASSERT_FALSE(follow.empty());
  auto page = visitor_->Get(follow);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Gemeld"), std::string::npos);
  EXPECT_NE(page.body.find("Zijlweg 12"), std::string::npos);
  EXPECT_EQ(page.body.find("/tevreden"), std::string::npos) << "no reaction while open";
  EXPECT_EQ(visitor_->Get("/meldingen/volg/onbekend").status, 404);
  EXPECT_EQ(
      AppHarness::SubmitForm(*visitor_, "/meldingen/bevestigen/onbekend", "/meldingen/bevestigen/onbekend", {}).status,
      404);

  // The municipality closes it.
  auto staff = h_.SignedInClient("medewerker@haarlem.nl", {{auth::Role::kMunicipalStaff, "afdeling:wegen"}});
  EXPECT_EQ(AppHarness::SubmitForm(*staff, "/beheer/meldingen/1", "/beheer/meldingen/1/status",
                                   {{"status", "done"}, {"text", "De tegel ligt weer vast."}})
                .status,
            303);
  EXPECT_NE(LastMailTo(h_, "ans@example.nl").find("De tegel ligt weer vast."), std::string::npos);
  page = visitor_->Get(follow);
  EXPECT_NE(page.body.find("/tevreden"), std::string::npos);
  auto empty = AppHarness::SubmitForm(*visitor_, follow, follow + "/heropenen", {{"reason", ""}});
  EXPECT_EQ(empty.status, 422);
  auto reopen = AppHarness::SubmitForm(*visitor_, follow, follow + "/heropenen", {{"reason", "Ligt weer los"}});
  EXPECT_EQ(reopen.status, 303);
  page = visitor_->Get(follow);
  EXPECT_NE(page.body.find("Heropend"), std::string::npos);
  EXPECT_NE(page.body.find("Ligt weer los"), std::string::npos);
}

TEST_F(SignalRoutesTest, StaffHandleTheQueueWithinTheirScope) {
  std::string ans = ReportVerified("ans@example.nl");
  std::string bert = ReportVerified("bert@example.nl");
  auto staff = h_.SignedInClient("medewerker@haarlem.nl", {{auth::Role::kMunicipalStaff, "afdeling:wegen"}});
  auto other = h_.SignedInClient("groen@haarlem.nl", {{auth::Role::kMunicipalStaff, "afdeling:groen"}});
  auto resident = h_.SignedInClient("bewoner@example.nl");
  EXPECT_EQ(resident->Get("/beheer/meldingen").status, 403);
  EXPECT_NE(visitor_->Get("/beheer/meldingen").status, 200);
  EXPECT_EQ(other->Get("/beheer/meldingen/1").status, 403);
  EXPECT_EQ(other->Get("/beheer/meldingen").body.find("M-1"), std::string::npos);

  auto queue = staff->Get("/beheer/meldingen");
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("/beheer/meldingen/1"), std::string::npos);
  EXPECT_NE(queue.body.find("/beheer/meldingen/2"), std::string::npos);
  EXPECT_EQ(staff->Get("/beheer/meldingen?status=closed").body.find("/beheer/meldingen/1\""), std::string::npos);
  EXPECT_EQ(
      staff->Get("/beheer/meldingen?te_laat=ja&aandacht=ja&van=mij&afdeling=wegen&stadsdeel=centrum&onderwerp=straat")
          .status,
      200);
  ASSERT_EQ(staff->Get("/beheer/meldingen/1").status, 200);
  EXPECT_EQ(staff->Get("/beheer/meldingen/999").status, 404);
  EXPECT_NE(staff->Get("/beheer/meldingen/1").body.find("Wegen en verkeer"), std::string::npos)
      << "the department's name, not its code";

  const std::string page = "/beheer/meldingen/1";
  EXPECT_EQ(AppHarness::SubmitForm(*staff, page, page + "/status", {{"status", "done"}, {"text", ""}}).status, 422);
  EXPECT_EQ(AppHarness::SubmitForm(*staff, page, page + "/status", {{"status", "in_progress"}, {"text", ""}}).status,
            303);
  EXPECT_EQ(AppHarness::SubmitForm(*staff, page, page + "/notitie", {{"note", "Aannemer gebeld"}}).status, 303);
  EXPECT_EQ(AppHarness::SubmitForm(*staff, page, page + "/bericht", {{"message", "We komen dinsdag."}}).status, 303);
  EXPECT_NE(LastMailTo(h_, "ans@example.nl").find("We komen dinsdag."), std::string::npos);
  EXPECT_EQ(AppHarness::SubmitForm(*staff, page, page + "/toewijzen", {{"user", "999"}}).status, 422);
  // A colleague with a grant for the department is on the list before ever acting on a signal.
  auto colleague = h_.SignedInClient("collega@haarlem.nl", {{auth::Role::kMunicipalStaff, "afdeling:wegen"}});
  std::string colleague_id = std::to_string(Count(h_, "SELECT id FROM users WHERE email = 'collega@haarlem.nl'"));
  EXPECT_NE(staff->Get(page).body.find("<option value=\"" + colleague_id + "\""), std::string::npos);
  EXPECT_EQ(AppHarness::SubmitForm(*staff, page, page + "/toewijzen", {{"user", colleague_id}}).status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals WHERE id = 1 AND assigned_user_id = " + colleague_id), 1);
  std::string other_id = std::to_string(Count(h_, "SELECT id FROM users WHERE email = 'groen@haarlem.nl'"));
  EXPECT_EQ(AppHarness::SubmitForm(*staff, page, page + "/toewijzen", {{"user", other_id}}).status, 422)
      << "staff of another department are not on the list";
  std::string my_id = std::to_string(Count(h_, "SELECT id FROM users WHERE email = 'medewerker@haarlem.nl'"));
  EXPECT_EQ(AppHarness::SubmitForm(*staff, page, page + "/toewijzen", {{"user", my_id}}).status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals WHERE id = 1 AND assigned_user_id = " + my_id), 1);
  EXPECT_NE(staff->Get("/beheer/meldingen?van=mij").body.find("/beheer/meldingen/1"), std::string::npos);
  auto staff_page = staff->Get(page);
  EXPECT_NE(staff_page.body.find("Aannemer gebeld"), std::string::npos);
  auto follow_page = visitor_->Get(ans);
  EXPECT_EQ(follow_page.body.find("Aannemer gebeld"), std::string::npos);
  EXPECT_NE(follow_page.body.find("We komen dinsdag."), std::string::npos);

  const std::string two = "/beheer/meldingen/2";
  EXPECT_EQ(AppHarness::SubmitForm(*staff, two, two + "/samenvoegen", {{"into", "M-2"}}).status, 422);
  EXPECT_EQ(AppHarness::SubmitForm(*staff, two, two + "/samenvoegen", {{"into", "M-1"}}).status, 303);
  EXPECT_NE(LastMailTo(h_, "bert@example.nl").find("M-1"), std::string::npos);
  EXPECT_NE(visitor_->Get(bert).body.find("M-1"), std::string::npos);

  EXPECT_EQ(
      AppHarness::SubmitForm(*staff, page, page + "/doorsturen", {{"department", "wegen"}, {"reason", "x"}}).status,
      422);
}

TEST_F(SignalRoutesTest, ThePublicPagesShowSignalsPerWijkWithoutPersonalData) {
  auto shared = ByStreet("ans@example.nl");
  shared.push_back({"share", "ja"});
  shared[1].second = "Gedeelde omschrijving";
  ASSERT_EQ(AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw", shared).status, 200);
  auto hidden = ByStreet("bert@example.nl");
  hidden[1].second = "Prive omschrijving";
  ASSERT_EQ(AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw", hidden).status, 200);
  std::string csrf = AppHarness::CsrfToken(*visitor_, "/meldingen/nieuw");
  auto with_photo = ByStreet("");
  with_photo.push_back({"_csrf", csrf});
  ASSERT_EQ(visitor_->PostMultipart("/meldingen/nieuw", with_photo, {{"photos", "t.png", "image/png", Png()}}).status,
            200);

  auto overview = visitor_->Get("/meldingen");
  ASSERT_EQ(overview.status, 200);
  EXPECT_NE(overview.body.find("/meldingen/wijk/WK039201"), std::string::npos);
  auto wijk = visitor_->Get("/meldingen/wijk/WK039201");
  ASSERT_EQ(wijk.status, 200);
  EXPECT_NE(wijk.body.find("M-1"), std::string::npos);
  EXPECT_NE(wijk.body.find("M-2"), std::string::npos);
  EXPECT_NE(wijk.body.find("Gedeelde omschrijving"), std::string::npos);
  EXPECT_EQ(wijk.body.find("Prive omschrijving"), std::string::npos);
  EXPECT_EQ(wijk.body.find("example.nl"), std::string::npos);
  EXPECT_NE(wijk.body.find("<svg"), std::string::npos);
  EXPECT_EQ(visitor_->Get("/meldingen/wijk/WK999999").status, 404);

  auto one = visitor_->Get("/meldingen/2");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body.find("Prive omschrijving"), std::string::npos);
  EXPECT_EQ(visitor_->Get("/meldingen/999").status, 404);
  // The photo of a signal that was not shared stays private.
  EXPECT_EQ(visitor_->Get("/meldingen/foto/1").status, 404);
  auto staff = h_.SignedInClient("medewerker@haarlem.nl", {{auth::Role::kMunicipalStaff, "afdeling:wegen"}});
  auto photo = staff->Get("/beheer/meldingen/foto/1");
  EXPECT_EQ(photo.status, 200);
  EXPECT_EQ(photo.Header("Content-Type"), "image/jpeg");

  EXPECT_EQ(AppHarness::SubmitForm(*staff, "/beheer/meldingen/2", "/beheer/meldingen/2/samenvoegen", {{"into", "M-1"}})
                .status,
            303);
  auto merged = visitor_->Get("/meldingen/2");
  EXPECT_EQ(merged.status, 303);
  EXPECT_EQ(merged.Header("Location"), "/meldingen/1");
}

TEST_F(SignalRoutesTest, TheWijkPageAndThePlatformPageShowTheSignalsOfTheirAreaAndTheKernteamSeesTrends) {
  int64_t platform = AddPlatform();
  ASSERT_EQ(AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw", ByStreet("")).status, 200);

  auto wijk = visitor_->Get("/wijk/WK039201");
  ASSERT_EQ(wijk.status, 200);
  EXPECT_NE(wijk.body.find("Meldingen in dit gebied"), std::string::npos);
  EXPECT_NE(wijk.body.find("href=\"/meldingen/1\">M-1</a>"), std::string::npos) << wijk.body;
  EXPECT_NE(wijk.body.find("Er staat 1 melding op de lijst"), std::string::npos);
  EXPECT_NE(wijk.body.find("href=\"/meldingen/wijk/WK039201\""), std::string::npos);
  auto other_wijk = visitor_->Get("/wijk/WK039202");
  ASSERT_EQ(other_wijk.status, 200);
  EXPECT_NE(other_wijk.body.find("Er staan 0 meldingen op de lijst"), std::string::npos);

  const std::string trends = "/wijkplatform/ter-kleef/meldingen/trends";
  auto page = visitor_->Get("/wijkplatform/ter-kleef");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/meldingen/1\">M-1</a>"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/meldingen/wijk/WK039201\""), std::string::npos);
  EXPECT_EQ(page.body.find(trends), std::string::npos) << "the trends link only for who may see them";
  auto kernteam = h_.SignedInClient("kern2@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform)}});
  EXPECT_NE(kernteam->Get("/wijkplatform/ter-kleef").body.find(trends), std::string::npos);

  auto shown = kernteam->Get(trends);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("<svg"), std::string::npos);
  EXPECT_NE(shown.body.find("role=\"img\""), std::string::npos);
  EXPECT_NE(shown.body.find("<caption"), std::string::npos);
  EXPECT_NE(shown.body.find("Straat en stoep: 1 melding in een jaar"), std::string::npos) << "the chart's text";
  EXPECT_NE(shown.body.find("januari 2026"), std::string::npos);
  EXPECT_NE(visitor_->Get(trends).status, 200);
  auto resident = h_.SignedInClient("bewoner@example.nl");
  EXPECT_EQ(resident->Get(trends).status, 403);
  auto elsewhere = h_.SignedInClient("kern3@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform + 1)}});
  EXPECT_EQ(elsewhere->Get(trends).status, 403);
  EXPECT_EQ(kernteam->Get("/wijkplatform/bestaat-niet/meldingen/trends").status, 404);
}

TEST_F(SignalRoutesTest, AKernteamMemberReportsOnBehalfOfThePlatformAndTheSignalSaysSo) {
  int64_t platform = AddPlatform();
  auto kernteam = h_.SignedInClient("kern2@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform)}});
  auto form = kernteam->Get("/meldingen/nieuw");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Namens Wijkplatform Ter Kleef"), std::string::npos);
  EXPECT_NE(form.body.find("name=\"platform\" value=\"" + std::to_string(platform) + "\""), std::string::npos);
  EXPECT_EQ(visitor_->Get("/meldingen/nieuw").body.find("name=\"platform\""), std::string::npos);

  auto resident = h_.SignedInClient("bewoner@example.nl");
  auto fields = ByStreet("");
  fields.back().second = wp::testing::ExtractInputValue(resident->Get("/meldingen/nieuw").body, "nonce");
  fields.push_back({"platform", std::to_string(platform)});
  EXPECT_EQ(AppHarness::SubmitForm(*resident, "/meldingen/nieuw", "/meldingen/nieuw", fields).status, 403);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals"), 0) << "not in the kernteam: nothing stored";

  for (auto& [name, value] : fields) {
    if (name == "nonce") value = wp::testing::ExtractInputValue(form.body, "nonce");
  }
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam, "/meldingen/nieuw", "/meldingen/nieuw", fields).status, 200);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals WHERE platform_id = " + std::to_string(platform)), 1);
  auto shown = visitor_->Get("/meldingen/1");
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Gemeld namens"), std::string::npos);
  EXPECT_NE(shown.body.find("Wijkplatform Ter Kleef"), std::string::npos);
  EXPECT_EQ(shown.body.find("kern2"), std::string::npos) << "the platform, not the person";
  auto staff = h_.SignedInClient("medewerker@haarlem.nl", {{auth::Role::kMunicipalStaff, "afdeling:wegen"}});
  EXPECT_NE(staff->Get("/beheer/meldingen/1").body.find("Wijkplatform Ter Kleef"), std::string::npos);
}

TEST_F(SignalRoutesTest, AdministratorsEditTheCategoryTree) {
  auto admin = h_.SignedInClient("beheer@haarlem.nl", {{auth::Role::kAdministrator, ""}});
  auto resident = h_.SignedInClient("bewoner@example.nl");
  const std::string page = "/beheer/meldingen/onderwerpen";
  EXPECT_EQ(resident->Get(page).status, 403);
  ASSERT_EQ(admin->Get(page).status, 200);
  EXPECT_EQ(AppHarness::SubmitForm(*admin, page, "/beheer/meldingen/afdelingen", {{"dept_name", ""}}).status, 422);
  EXPECT_EQ(AppHarness::SubmitForm(*admin, page, "/beheer/meldingen/afdelingen", {{"dept_name", "Groen"}}).status, 303);
  auto bad = AppHarness::SubmitForm(*admin, page, page,
                                    {{"name", "Boom"},
                                     {"department", "groen"},
                                     {"handling_days", "0"},
                                     {"update_interval_days", "7"},
                                     {"active", "ja"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("f-handling_days-error"), std::string::npos);
  auto main = AppHarness::SubmitForm(*admin, page, page,
                                     {{"name", "Groen en bomen"},
                                      {"department", "groen"},
                                      {"handling_days", "10"},
                                      {"update_interval_days", "7"},
                                      {"active", "ja"}});
  EXPECT_EQ(main.status, 303);
  int64_t main_id = Count(h_, "SELECT id FROM signal_categories WHERE slug = 'groen-en-bomen'");
  ASSERT_GT(main_id, 0);
  auto sub = AppHarness::SubmitForm(*admin, page, page,
                                    {{"name", "Omgewaaide boom"},
                                     {"department", "groen"},
                                     {"parent", std::to_string(main_id)},
                                     {"handling_days", "2"},
                                     {"update_interval_days", "3"},
                                     {"active", "ja"}});
  EXPECT_EQ(sub.status, 303);
  EXPECT_NE(visitor_->Get("/meldingen/nieuw").body.find("<option value=\"omgewaaide-boom\""), std::string::npos);
  const std::string edit = page + "/" + std::to_string(main_id + 1);
  ASSERT_EQ(admin->Get(edit).status, 200);
  EXPECT_EQ(AppHarness::SubmitForm(*admin, edit, edit,
                                   {{"name", "Omgewaaide boom"},
                                    {"slug", "omgewaaide-boom"},
                                    {"department", "groen"},
                                    {"parent", std::to_string(main_id)},
                                    {"handling_days", "1"},
                                    {"update_interval_days", "3"}})
                .status,
            303);
  EXPECT_EQ(Count(h_, "SELECT handling_days FROM signal_categories WHERE slug = 'omgewaaide-boom'"), 1);
  EXPECT_EQ(visitor_->Get("/meldingen/nieuw").body.find("omgewaaide-boom"), std::string::npos) << "inactive now";
  EXPECT_EQ(admin->Get(page + "/999").status, 404);
}

TEST_F(SignalRoutesTest, Open311ClientsReadAndPostWithAKey) {
  SeededRandom random(5);
  std::string key = "wpk_" + auth::NewToken(random);
  ASSERT_TRUE(h_.app()
                  .db()
                  .Write([&](db::Connection& c) {
                    return SignalStore::InsertApiKey(c, "test client", auth::TokenHash(key), key.substr(0, 10), 1);
                  })
                  .has_value());
  auto discovery = visitor_->Get("/open311/v2/discovery.json");
  ASSERT_EQ(discovery.status, 200);
  EXPECT_EQ(discovery.Header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(discovery.body.find("\"formats\":[\"text/xml\",\"application/json\"]"), std::string::npos);
  EXPECT_EQ(visitor_->Get("/open311/v2/discovery.html").status, 404);
  auto services = visitor_->Get("/open311/v2/services.xml");
  ASSERT_EQ(services.status, 200);
  EXPECT_NE(services.body.find("<service_code>losse-tegel</service_code>"), std::string::npos);
  EXPECT_EQ(services.body.find("<service_code>straat</service_code>"), std::string::npos);
  EXPECT_EQ(visitor_->Get("/open311/v2/services/losse-tegel.json").status, 200);
  EXPECT_EQ(visitor_->Get("/open311/v2/services/vuurwerk.json").status, 404);
  EXPECT_EQ(visitor_->Get("/open311/v2/services.json?jurisdiction_id=amsterdam.nl").status, 404);

  std::vector<std::pair<std::string, std::string>> post = {{"service_code", "losse-tegel"},
                                                           {"lat", "52.381200"},
                                                           {"long", "4.636500"},
                                                           {"description", "Losse tegel (app)"},
                                                           {"email", "app@example.nl"}};
  EXPECT_EQ(visitor_->PostForm("/open311/v2/requests.json", post).status, 403);
  post.push_back({"api_key", key});
  auto created = visitor_->PostForm("/open311/v2/requests.json", post);
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(created.body, R"([{"account_id":"","service_notice":"","service_request_id":"M-1"}])");
  auto outside = post;
  outside[1].second = "52.370000";
  outside[2].second = "4.900000";
  EXPECT_EQ(visitor_->PostForm("/open311/v2/requests.xml", outside).status, 400);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals WHERE source = 'open311'"), 1);

  auto list = visitor_->Get("/open311/v2/requests.json");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("\"service_request_id\":\"M-1\""), std::string::npos);
  EXPECT_EQ(list.body.find("app@example.nl"), std::string::npos);
  EXPECT_EQ(list.body.find("Losse tegel (app)"), std::string::npos) << "not shared";
  auto one = visitor_->Get("/open311/v2/requests/M-1.xml");
  ASSERT_EQ(one.status, 200);
  EXPECT_NE(one.body.find("<status>open</status>"), std::string::npos);
  EXPECT_NE(one.body.find("<requested_datetime>2026-01-08T12:00:00+01:00</requested_datetime>"), std::string::npos);
  EXPECT_EQ(visitor_->Get("/open311/v2/requests/M-99.json").status, 404);
  EXPECT_EQ(
      visitor_->Get("/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z").status,
      400);
  EXPECT_EQ(visitor_->Get("/open311/v2/requests.json?start_date=gisteren").status, 400);
  EXPECT_EQ(visitor_->Get("/open311/v2/requests.json?status=closed").body, "[]");
  EXPECT_EQ(visitor_->Get("/open311/v2/tokens/abc.json").status, 404);
  EXPECT_NE(list.body.find("\"agency_responsible\":\"Wegen en verkeer\""), std::string::npos)
      << "the department's name, not its code";
  EXPECT_NE(list.body.find("\"media_url\":\"\""), std::string::npos) << "no photo";

  // A shared photo is offered as media_url, the served (re-encoded) file.
  std::string csrf = AppHarness::CsrfToken(*visitor_, "/meldingen/nieuw");
  auto fields = ByStreet("");
  fields.push_back({"_csrf", csrf});
  fields.push_back({"share", "ja"});
  ASSERT_EQ(visitor_->PostMultipart("/meldingen/nieuw", fields, {{"photos", "t.png", "image/png", Png()}}).status, 200);
  auto with_photo = visitor_->Get("/open311/v2/requests/M-2.json");
  std::string media = h_.config().base_url + "/meldingen/foto/1";
  EXPECT_NE(with_photo.body.find("\"media_url\":\"" + media + "\""), std::string::npos) << with_photo.body;
  EXPECT_EQ(visitor_->Get("/meldingen/foto/1").status, 200);

  auto doc = visitor_->Get("/api/openapi.json");
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.Header("Content-Type"), "application/json; charset=utf-8");
  auto parsed = nlohmann::json::parse(doc.body);
  EXPECT_EQ(parsed["openapi"], "3.0.3");
  EXPECT_EQ(parsed["servers"][0]["url"], h_.config().base_url);
  EXPECT_TRUE(parsed["paths"].contains("/open311/v2/requests.json"));
}

TEST_F(SignalRoutesTest, ExtraQuestionsGoFromTheAdminPageToTheFormStaffAndOpen311) {
  int64_t tile = Count(h_, "SELECT id FROM signal_categories WHERE slug = 'losse-tegel'");
  const std::string page = "/beheer/meldingen/onderwerpen/" + std::to_string(tile) + "/vragen";
  auto admin = h_.SignedInClient("beheer@haarlem.nl", {{auth::Role::kAdministrator, ""}});
  EXPECT_EQ(h_.SignedInClient("bewoner@example.nl")->Get(page).status, 403);
  auto empty = admin->Get(page);
  ASSERT_EQ(empty.status, 200);
  EXPECT_NE(admin->Get("/beheer/meldingen/onderwerpen/" + std::to_string(tile)).body.find(page), std::string::npos);
  // A list question without answers to choose from: refused, nothing stored.
  auto bad = AppHarness::SubmitForm(*admin, page, page, {{"text", "Waar ligt de tegel?"}, {"kind", "singlevaluelist"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("f-choices-error"), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signal_questions"), 0);
  EXPECT_EQ(AppHarness::SubmitForm(*admin, page, page,
                                   {{"text", "Waar ligt de tegel?"},
                                    {"text_en", "Where is the stone?"},
                                    {"kind", "singlevaluelist"},
                                    {"choices", "Stoep | Pavement\nFietspad | Cycle path"},
                                    {"required", "ja"}})
                .status,
            303);
  EXPECT_EQ(
      AppHarness::SubmitForm(*admin, page, page, {{"text", "Hoeveel tegels?"}, {"code", "aantal"}, {"kind", "number"}})
          .status,
      303);
  EXPECT_NE(admin->Get(page).body.find("waar_ligt_de_tegel"), std::string::npos);

  // The form asks them once the category is chosen (a link, or the button, without JavaScript).
  auto form = visitor_->Get("/meldingen/nieuw?onderwerp=losse-tegel");
  EXPECT_NE(form.body.find("Waar ligt de tegel?"), std::string::npos);
  EXPECT_NE(form.body.find("type=\"radio\" id=\"f-q_waar_ligt_de_tegel-fietspad\""), std::string::npos);
  EXPECT_NE(form.body.find("name=\"questions_for\" value=\"losse-tegel\""), std::string::npos);
  EXPECT_NE(visitor_->Get("/meldingen/nieuw?onderwerp=losse-tegel", {{"Cookie", "wp_lang=en"}}).body.find("Cycle path"),
            std::string::npos);
  auto fields = ByStreet("");
  auto shown = fields;
  shown.push_back({"step", "onderwerp"});
  auto step = AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw", shown);
  EXPECT_EQ(step.status, 200);
  EXPECT_NE(step.body.find("Hoeveel tegels?"), std::string::npos);
  EXPECT_NE(step.body.find("Losse tegel voor de bakker."), std::string::npos) << "what was typed stays";
  // Sent without having seen the questions: shown, nothing stored.
  auto unseen = AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw", fields);
  EXPECT_EQ(unseen.status, 422);
  EXPECT_NE(unseen.body.find("Bij dit onderwerp horen nog een paar vragen."), std::string::npos);
  fields.push_back({"questions_for", "losse-tegel"});
  auto missing = AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw", fields);
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("id=\"f-q_waar_ligt_de_tegel-error\""), std::string::npos);
  fields.push_back({"q_waar_ligt_de_tegel", "fietspad"});
  fields.push_back({"q_aantal", "veel"});
  auto not_number = AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw", fields);
  EXPECT_EQ(not_number.status, 422);
  EXPECT_NE(not_number.body.find("id=\"f-q_aantal-error\""), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signals"), 0);
  fields.back().second = "3";
  auto sent = AppHarness::SubmitForm(*visitor_, "/meldingen/nieuw", "/meldingen/nieuw", fields);
  ASSERT_EQ(sent.status, 200) << sent.body.substr(0, 3000);

  auto staff = h_.SignedInClient("medewerker@haarlem.nl", {{auth::Role::kMunicipalStaff, "afdeling:wegen"}});
  auto handled = staff->Get("/beheer/meldingen/1");
  EXPECT_NE(handled.body.find("<dt>Waar ligt de tegel?</dt><dd>Fietspad</dd>"), std::string::npos);
  EXPECT_NE(handled.body.find("<dt>Hoeveel tegels?</dt><dd>3</dd>"), std::string::npos);
  EXPECT_EQ(visitor_->Get("/meldingen/1").body.find("Fietspad"), std::string::npos) << "answers are not public";

  // Open311: the service has metadata, its definition lists the attributes, a post answers them.
  EXPECT_NE(visitor_->Get("/open311/v2/services.json").body.find("\"metadata\":true"), std::string::npos);
  auto definition = nlohmann::json::parse(visitor_->Get("/open311/v2/services/losse-tegel.json").body);
  ASSERT_EQ(definition["attributes"].size(), 2u);
  EXPECT_EQ(definition["attributes"][0]["code"], "waar_ligt_de_tegel");
  EXPECT_EQ(definition["attributes"][0]["datatype"], "singlevaluelist");
  EXPECT_EQ(definition["attributes"][0]["required"], true);
  EXPECT_EQ(definition["attributes"][0]["order"], 1);
  EXPECT_EQ(definition["attributes"][0]["values"][1]["key"], "fietspad");
  EXPECT_EQ(definition["attributes"][1]["datatype"], "number");
  auto xml = visitor_->Get("/open311/v2/services/losse-tegel.xml").body;
  EXPECT_NE(xml.find("<values><value><key>stoep</key><name>Stoep</name></value>"), std::string::npos) << xml;
  SeededRandom random(6);
  std::string key = "wpk_" + auth::NewToken(random);
  ASSERT_TRUE(h_.app()
                  .db()
                  .Write([&](db::Connection& c) {
                    return SignalStore::InsertApiKey(c, "test client", auth::TokenHash(key), key.substr(0, 10), 1);
                  })
                  .has_value());
  std::vector<std::pair<std::string, std::string>> post = {{"api_key", key},
                                                           {"service_code", "losse-tegel"},
                                                           {"lat", "52.381200"},
                                                           {"long", "4.636500"},
                                                           {"description", "Losse tegel (app)"}};
  auto unanswered = visitor_->PostForm("/open311/v2/requests.json", post);
  EXPECT_EQ(unanswered.status, 400);
  EXPECT_NE(unanswered.body.find("attribute[waar_ligt_de_tegel]"), std::string::npos) << unanswered.body;
  post.push_back({"attribute[waar_ligt_de_tegel]", "stoep"});
  post.push_back({"attribute[kleur]", "rood"});
  EXPECT_EQ(visitor_->PostForm("/open311/v2/requests.json", post).status, 400) << "no such attribute";
  post.pop_back();
  ASSERT_EQ(visitor_->PostForm("/open311/v2/requests.json", post).status, 200);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM signal_answers WHERE answer_value = 'stoep'"), 1);
}

}  // namespace
}  // namespace wp::signals
