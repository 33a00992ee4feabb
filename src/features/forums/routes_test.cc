// HTTP tests of forums: set up with quotas proposed from the CBS figures,
// invite a seeded sample with letters, register with a code (and every way
// that is refused with nothing stored), the public draw in a background job
// with its progress page, published files that replay to the same result,
// a replacement, and the erasure of personal data after the appeal period.
// On SQLite, and on PostgreSQL when WP_TEST_DATABASE=postgres.
#include <gtest/gtest.h>

#include <array>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "core/db/database.h"
#include "core/strings.h"
#include "features/codes/code_format.h"
#include "features/forums/forums.h"
#include "features/platforms/platform_store.h"
#include "features/sortition/draw_cli.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"
#include "testing/temp_dir.h"

namespace wp::forums {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;
using wp::testing::MultipartFile;

constexpr int64_t kStart = 1795455000;  // Monday 23 November 2026, 18:30 in Haarlem
constexpr const char* kNew = "/beheer/loting/nieuw";
constexpr const char* kManage = "/beheer/loting/wijkforum-zijlweg-west";
constexpr const char* kQuotas =
    "feature,value,min,max\ngeslacht,man,1,2\ngeslacht,vrouw,1,2\nrol,doener,1,2\nrol,denker,1,2\n";

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

class ForumsRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(kStart);
    official_ = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "zuidwest"}});
    resident_ = h_.Client();
  }

  int64_t Count(const std::string& sql) { return wp::testing::Count(h_.app().db(), sql); }

  std::vector<std::pair<std::string, std::string>> SetupFields(const std::string& term, const std::string& quotas) {
    return {{"kind", "forum"},
            {"name", "Wijkforum Zijlweg-West"},
            {"district", "WK039203"},
            {"purpose", "De wijkagenda van Zijlweg-West, met budget."},
            {"seats", "3"},
            {"term_months", term},
            {"register_until", "2026-12-10"},
            {"appeal_days", "14"},
            {"quotas", quotas}};
  }

  void CreateAndInvite() {
    auto created = AppHarness::SubmitForm(*official_, kNew, kNew, SetupFields("24", kQuotas));
    ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
    ASSERT_EQ(std::string(created.Header("Location")), kManage);
    std::string csv = "adres\n";
    for (int i = 1; i <= 40; ++i) csv += "Zijlweg " + std::to_string(i) + "\n";
    std::string token = AppHarness::CsrfToken(*official_, kManage);
    auto invited = official_->PostMultipart(std::string(kManage) + "/uitnodigen",
                                            {{"_csrf", token}, {"sample_seed", "3 12 27"}, {"sample_size", "12"}},
                                            {MultipartFile{"adressen", "adressen.csv", "text/csv", csv}});
    ASSERT_EQ(invited.status, 303) << invited.body.substr(0, 3000);
  }

  std::vector<std::string> Codes() {
    std::vector<std::string> out;
    auto read = h_.app().db().Read([&](db::Connection& c) -> Result<void> {
      WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT code FROM forum_invitations ORDER BY letter_number"));
      for (const auto& r : rows) out.push_back(r.Text(0));
      return Ok();
    });
    EXPECT_TRUE(read.has_value());
    return out;
  }

  testing::HttpResponse Register(const std::string& code, const std::string& gender, const std::string& role,
                                 const std::string& name = "Anna", bool consent = true) {
    std::vector<std::pair<std::string, std::string>> f = {{"step", "details"},   {"code", code},
                                                          {"name", name},        {"email", "anna@example.nl"},
                                                          {"phone", ""},         {"availability", "avond"},
                                                          {"feature_0", gender}, {"feature_1", role}};
    if (consent) f.push_back({"consent", "1"});
    return AppHarness::SubmitForm(*resident_, "/aanmelden?code=" + code, "/aanmelden", f);
  }

  // Waits until the draw page says done or failed; checks that it refreshes
  // itself while it is not.
  // A resident's check of a done first or second draw: download every file
  // the draw page links to into one folder, run `wijkplatform draw --verify`
  // on it as the page says, and expect "verified"; each file's SHA-256 is on
  // the page. Then one changed byte in the people file must fail the check
  // and name that file.
  // A replacement has a fifth file, panel.txt: the panel the drop-outs left.
  void ExpectDownloadedFilesVerify(const std::string& draw_page, const std::string& body, bool replacement = false) {
    std::vector<std::string> verify_files = {"categories.csv", "respondents.csv", "result.json", "manifest.json"};
    if (replacement) verify_files.push_back("panel.txt");
    EXPECT_TRUE(Has(body, "Download deze " + std::to_string(verify_files.size()) + " bestanden in één map."))
        << body.substr(0, 8000);
    EXPECT_TRUE(Has(body, "wijkplatform draw --verify lotingmap"));
    testing::TempDir dir;
    std::set<std::string> names;
    const std::regex link("href=\"" + draw_page + "/([^\"/]+)\"");
    for (std::sregex_iterator it(body.begin(), body.end(), link), end; it != end; ++it) {
      std::string name = (*it)[1];
      if (!names.insert(name).second) continue;
      auto file = resident_->Get(draw_page + "/" + name);
      ASSERT_EQ(file.status, 200) << name;
      EXPECT_FALSE(Has(file.body, "Bewoner")) << name << " names nobody";
      EXPECT_FALSE(Has(file.body, "@example")) << name << " holds no e-mail";
      std::ofstream(dir.File(name), std::ios::binary) << file.body;
      if (std::find(verify_files.begin(), verify_files.end(), name) != verify_files.end()) {
        EXPECT_TRUE(Has(body, "<code>" + Sha256Hex(file.body) + "</code>")) << "the page shows the hash of " << name;
      }
    }
    for (const auto& name : verify_files) EXPECT_TRUE(names.count(name)) << "the draw page links to " << name;
    std::ostringstream out, err;
    EXPECT_EQ(sortition::RunDrawCommand({"--verify", dir.path().string(), "--quiet"}, out, err), 0)
        << out.str() << err.str();
    EXPECT_TRUE(Has(out.str(), "verified: ")) << out.str();
    if (replacement) {
      EXPECT_TRUE(Has(out.str(), "replacement(s) for")) << "replayed as a replacement: " << out.str();
    }
    // What was verified is the panel the site published and seated.
    std::ifstream result_file(dir.File("result.json"));
    auto verified = nlohmann::json::parse(result_file);
    auto published = nlohmann::json::parse(resident_->Get(draw_page + "/uitslag.json").body);
    EXPECT_EQ(verified["panel"], published["panel"]);

    // One changed byte in a downloaded file: not verified, and it says which file.
    std::ifstream in(dir.File("respondents.csv"), std::ios::binary);
    std::string people((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    size_t at = people.find("R00");
    ASSERT_NE(at, std::string::npos);
    people[at] = 'X';
    std::ofstream(dir.File("respondents.csv"), std::ios::binary | std::ios::trunc) << people;
    std::ostringstream bad_out, bad_err;
    EXPECT_EQ(sortition::RunDrawCommand({"--verify", dir.path().string(), "--quiet"}, bad_out, bad_err), 1);
    EXPECT_TRUE(Has(bad_out.str(), "NOT verified")) << bad_out.str() << bad_err.str();
    EXPECT_TRUE(Has(bad_out.str(), "respondents.csv: published SHA-256 ")) << bad_out.str();
  }

  // Registers four people with these genders and roles (codes in order,
  // public ids R001..R004), closes registration and draws with `seed`.
  void RegisterFourAndDraw(const std::array<const char*, 4>& genders, const std::array<const char*, 4>& roles,
                           const std::string& seed) {
    auto codes = Codes();
    for (size_t i = 0; i < 4; ++i) {
      ASSERT_EQ(Register(codes[i], genders[i], roles[i], "Lid " + std::to_string(i)).status, 303);
    }
    ASSERT_EQ(AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/sluiten", {}).status, 303);
    auto started = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/loten", {{"seed", seed}});
    ASSERT_EQ(started.status, 303);
    ASSERT_TRUE(Has(WaitForDraw(std::string(started.Header("Location"))).body, "Klaar"));
  }

  // Changes the stored result of the forum's draws of `kind` as if it were
  // stored by an earlier version of the site, without `key`.
  void DropFromStoredResults(const std::string& kind, const std::string& key) {
    auto done = h_.app().db().Write([&](db::Connection& c) -> Result<void> {
      WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, result_json FROM forum_draws WHERE kind = ?", {kind}));
      for (const auto& r : rows) {
        auto result = nlohmann::json::parse(r.Text(1));
        result.erase(key);
        WP_TRY_VOID(c.Execute("UPDATE forum_draws SET result_json = ? WHERE id = ?", {result.dump(), r.Int(0)}));
      }
      return Ok();
    });
    ASSERT_TRUE(done.has_value()) << done.error().detail;
  }

  testing::HttpResponse WaitForDraw(const std::string& page_path) {
    for (int i = 0; i < 600; ++i) {
      auto page = resident_->Get(page_path);
      bool finished = Has(page.body, "Klaar") || Has(page.body, "Niet gelukt");
      if (finished) {
        EXPECT_TRUE(page.Header("Refresh").empty());
        return page;
      }
      EXPECT_EQ(page.Header("Refresh"), "3") << "the progress page refreshes itself while the draw runs";
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "the draw did not finish";
    return {};
  }

  AppHarness h_;
  std::unique_ptr<HttpClient> official_;
  std::unique_ptr<HttpClient> resident_;
};

TEST_F(ForumsRoutesTest, SetUpProposesQuotasFromCbsFiguresAndChecksTheForm) {
  auto proposed = official_->Get(std::string(kNew) + "?wijk=WK039203&zetels=7");
  ASSERT_EQ(proposed.status, 200);
  // Zijlwegkwartier: 4055 men, 4235 women (CBS 2024) -> 3.42 and 3.58 of 7 seats.
  EXPECT_TRUE(Has(proposed.body, "geslacht,man,3,4")) << proposed.body;
  EXPECT_TRUE(Has(proposed.body, "geslacht,vrouw,3,4"));

  auto too_long = AppHarness::SubmitForm(*official_, kNew, kNew, SetupFields("25", kQuotas));
  EXPECT_EQ(too_long.status, 422);
  EXPECT_TRUE(Has(too_long.body, "1 tot en met 24 maanden"));
  auto bad_quotas =
      AppHarness::SubmitForm(*official_, kNew, kNew, SetupFields("24", "feature,value,min,max\ngeslacht,man,0,1\n"));
  EXPECT_EQ(bad_quotas.status, 422);
  EXPECT_TRUE(Has(bad_quotas.body, "Dat past niet bij 3 plaatsen"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums"), 0);

  auto stranger = h_.SignedInClient("gv-noord@haarlem.example", {{auth::Role::kAreaLiaison, "noord"}});
  auto refused = AppHarness::SubmitForm(*stranger, kNew, kNew, SetupFields("24", kQuotas));
  EXPECT_EQ(refused.status, 403) << "a gebiedsverbinder of another stadsdeel";
  auto resident = h_.SignedInClient("bewoner@example.nl");
  EXPECT_EQ(resident->Get(kNew).status, 403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums"), 0);
}

TEST_F(ForumsRoutesTest, InviteDrawsASeededSampleWithLettersAndTracksTheResponse) {
  CreateAndInvite();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_invitations"), 12);
  auto page = official_->Get(kManage);
  EXPECT_TRUE(Has(page.body, "12 brieven naar 40 adressen, getrokken met het getal 3 12 27")) << page.body;
  EXPECT_TRUE(Has(page.body, "12 brieven verstuurd, 0 aanmeldingen"));
  auto letters = official_->Get(std::string(kManage) + "/brieven.pdf");
  ASSERT_EQ(letters.status, 200);
  EXPECT_EQ(letters.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(letters.body.rfind("%PDF", 0), 0u);

  std::string token = AppHarness::CsrfToken(*official_, kManage);
  auto again = official_->PostMultipart(std::string(kManage) + "/uitnodigen",
                                        {{"_csrf", token}, {"sample_seed", "4"}, {"sample_size", "5"}},
                                        {MultipartFile{"adressen", "a.csv", "text/csv", "adres\nKerkstraat 1\n"}});
  EXPECT_EQ(again.status, 409) << "once per forum";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_invitations"), 12);
}

TEST_F(ForumsRoutesTest, RegisterWithACodeAndEveryRefusalStoresNothing) {
  CreateAndInvite();
  auto codes = Codes();
  auto form = resident_->Get("/aanmelden?code=" + codes[0]);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form.body, "Wat gebeurt er met uw gegevens?")) << "the privacy statement";
  EXPECT_TRUE(Has(form.body, "14 dagen na de loting"));

  auto no_consent = Register(codes[0], "vrouw", "doener", "Anna", false);
  EXPECT_EQ(no_consent.status, 422);
  EXPECT_TRUE(Has(no_consent.body, "Zet een vinkje"));
  auto no_feature = Register(codes[0], "", "doener");
  EXPECT_EQ(no_feature.status, 422);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations"), 0);

  auto ok = Register(codes[0], "vrouw", "doener");
  EXPECT_EQ(ok.status, 303) << ok.body.substr(0, 3000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations"), 1);

  auto used = Register(codes[0], "man", "denker", "Bram");
  EXPECT_EQ(used.status, 422);
  EXPECT_TRUE(Has(used.body, "Met deze code heeft iemand zich al aangemeld"));
  auto unknown = Register("K7QM4-R9XTB-HC2WA", "man", "denker");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(Has(unknown.body, "Deze code kennen wij niet"));
  // Typed with spaces and lower case, the code is still recognised.
  std::string typed = codes::FormatGrouped(codes[1]);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(Register(typed, "man", "denker", "Bram").status, 303);

  h_.clock().Set(kStart + 30 * 86400);
  auto late = Register(codes[2], "man", "denker", "Cees");
  EXPECT_EQ(late.status, 422);
  EXPECT_TRUE(Has(late.body, "Aanmelden is gesloten"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_invitations WHERE registered_at IS NOT NULL"), 2);
}

TEST_F(ForumsRoutesTest, QuotasThatCannotBeMetSayWhichAndByHowMuchAndChangeNothing) {
  CreateAndInvite();
  auto codes = Codes();
  const char* roles[] = {"doener", "denker", "doener", "denker"};
  for (int i = 0; i < 4; ++i) ASSERT_EQ(Register(codes[i], "man", roles[i], "Bewoner").status, 303);
  auto early = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/loten", {{"seed", "1 2 3"}});
  EXPECT_EQ(early.status, 409) << "registration is still open";
  ASSERT_EQ(AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/sluiten", {}).status, 303);
  auto infeasible = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/loten", {{"seed", "1 2 3"}});
  EXPECT_EQ(infeasible.status, 422);
  EXPECT_TRUE(Has(infeasible.body,
                  "geslacht=vrouw moet minstens 1 keer, maar 0 aanmeldingen hebben het. Er zijn er 1 "
                  "te weinig. Er is niets veranderd."))
      << infeasible.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_draws"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members"), 0);
}

TEST_F(ForumsRoutesTest, DrawInPublicReplayReplaceAndEraseAfterTheAppealPeriod) {
  CreateAndInvite();
  auto codes = Codes();
  const char* genders[] = {"vrouw", "vrouw", "man", "man", "man", "vrouw"};
  const char* roles[] = {"doener", "denker", "doener", "denker", "denker", "doener"};
  for (int i = 0; i < 6; ++i) {
    ASSERT_EQ(Register(codes[i], genders[i], roles[i], "Bewoner " + std::to_string(i)).status, 303);
  }
  ASSERT_EQ(AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/sluiten", {}).status, 303);
  auto started =
      AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/loten", {{"seed", "lotto 5 11 19"}});
  ASSERT_EQ(started.status, 303) << started.body.substr(0, 3000);
  std::string draw_page(started.Header("Location"));
  auto page = WaitForDraw(draw_page);
  ASSERT_TRUE(Has(page.body, "Klaar")) << page.body;
  EXPECT_TRUE(Has(page.body, "leximin"));
  EXPECT_TRUE(Has(page.body, "Kans van iedereen"));
  EXPECT_FALSE(Has(page.body, "Bewoner")) << "the draw page names nobody";
  EXPECT_FALSE(Has(page.body, "sortition.story")) << "the story is translated";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members"), 3);

  // The published files verify with the engine's own --verify.
  ExpectDownloadedFilesVerify(draw_page, page.body);
  auto published = nlohmann::json::parse(resident_->Get(draw_page + "/uitslag.json").body);

  // The organiser sees name and e-mail of the members only.
  auto manage = official_->Get(kManage);
  std::string first = published["panel"][0].get<std::string>();
  EXPECT_TRUE(Has(manage.body, first + ": Bewoner"));
  EXPECT_FALSE(Has(manage.body, "avond")) << "availability is not shown after the draw";

  // The draw page publishes the reserve order (public ids only).
  EXPECT_TRUE(Has(page.body, "Reservelijst"));
  for (const auto& id : published["reserve"]) EXPECT_TRUE(Has(page.body, id.get<std::string>()));
  EXPECT_EQ(published["reserve"].size(), 3u);

  // A member leaves: the first reserve who keeps the quotas reachable takes the seat at once.
  auto replaced = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/vervangen",
                                         {{"dropouts", first}, {"seed", "lotto 2 9 17"}});
  ASSERT_EQ(replaced.status, 303) << replaced.body.substr(0, 3000);
  EXPECT_EQ(std::string(replaced.Header("Location")), kManage) << "no engine draw was needed";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NOT NULL"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_history WHERE event = 'reserve_taken'"), 1);
  EXPECT_TRUE(Has(resident_->Get("/loting/wijkforum-zijlweg-west").body, "Lid vervangen door een reserve"));
  auto not_member = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/vervangen",
                                           {{"dropouts", "R099"}, {"seed", "x"}});
  EXPECT_EQ(not_member.status, 422);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_draws"), 1);

  // After the appeal period (14 days) only name and e-mail remain, of members
  // and of the reserve (needed until the last term ends).
  h_.clock().Set(h_.clock().NowUnixSeconds() + 15 * 86400);
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations WHERE erased_at IS NULL"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations WHERE availability <> '' OR phone <> ''"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations WHERE name <> ''"), 6) << "members and reserves";
  auto history = resident_->Get("/loting/wijkforum-zijlweg-west");
  EXPECT_TRUE(Has(history.body, "Persoonlijke gegevens gewist"));

  // Staggered terms: after 13 months the one seat with half the term ends.
  h_.clock().Set(h_.clock().NowUnixSeconds() + 13 * kSecondsPerMonth);
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 2);
  EXPECT_TRUE(Has(resident_->Get("/loting/wijkforum-zijlweg-west").body, "Termijn voorbij"));
  // After 2 years every term of this draw has ended.
  h_.clock().Set(h_.clock().NowUnixSeconds() + 12 * kSecondsPerMonth);
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 0);
  // No member left: the reserve's name and e-mail go too.
  h_.clock().Set(h_.clock().NowUnixSeconds() + 2 * 3600);
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations WHERE name <> ''"), 4) << "members, former included";
}

TEST_F(ForumsRoutesTest, WorkspaceMeetingsDocumentsAndAPublishedAgendaWithinTheBudget) {
  CreateAndInvite();
  RegisterFourAndDraw({"vrouw", "man", "man", "vrouw"}, {"doener", "denker", "doener", "denker"}, "s 1");
  if (HasFatalFailure()) return;
  const std::string ws = "/loting/wijkforum-zijlweg-west/werkplaats";
  auto open = resident_->Get(ws);
  ASSERT_EQ(open.status, 200);
  EXPECT_TRUE(Has(open.body, "Lid ")) << "current members' names are shown";
  EXPECT_FALSE(Has(open.body, "anna@example.nl"));
  EXPECT_FALSE(Has(open.body, "vergadering\"")) << "no forms for readers";

  // Someone who is neither organiser nor member may not change it.
  auto stranger = h_.SignedInClient("piet@example.nl");
  auto refused = AppHarness::SubmitForm(*stranger, ws, ws + "/vergadering",
                                        {{"date", "2026-12-01"}, {"time", "19:30"}, {"place", "X"}, {"agenda", "1"}});
  EXPECT_EQ(refused.status, 403);

  // Bad input: a clear message, nothing changed.
  auto bad = AppHarness::SubmitForm(*official_, ws, ws + "/vergadering", {{"date", "gisteren"}, {"place", "Buurthuis"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "Vul een goede datum en tijd in.")) << bad.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_meetings"), 0);
  auto meeting = AppHarness::SubmitForm(
      *official_, ws, ws + "/vergadering",
      {{"date", "2026-12-01"}, {"time", "19:30"}, {"place", "Buurthuis De Til"}, {"agenda", "1. Opening"}});
  ASSERT_EQ(meeting.status, 303) << meeting.body.substr(0, 2000);
  EXPECT_TRUE(Has(resident_->Get(ws).body, "Buurthuis De Til"));

  // Documents: PDF only, by content.
  std::string token = AppHarness::CsrfToken(*official_, ws);
  auto not_pdf = official_->PostMultipart(ws + "/document", {{"_csrf", token}, {"doc_title", "Notulen"}},
                                          {MultipartFile{"document", "notulen.pdf", "application/pdf", "hallo"}});
  EXPECT_EQ(not_pdf.status, 422);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_documents"), 0);
  const std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  auto added = official_->PostMultipart(ws + "/document", {{"_csrf", token}, {"doc_title", "Notulen"}},
                                        {MultipartFile{"document", "notulen.pdf", "application/pdf", pdf}});
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
  auto served = resident_->Get(ws + "/document/1");
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.body, pdf);
  EXPECT_EQ(served.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(resident_->Get(ws + "/document/2").status, 404);

  // The agenda: adopted amounts stay within the budget.
  ASSERT_EQ(AppHarness::SubmitForm(*official_, ws, ws + "/agenda", {{"year", "2027"}, {"budget", "10000"}}).status,
            303);
  const std::string agenda = ws + "/agenda/2027";
  ASSERT_EQ(AppHarness::SubmitForm(*official_, ws, agenda + "/punt", {{"item_title", "Bomen"}, {"amount", "6000"}})
                .status,
            303);
  ASSERT_EQ(AppHarness::SubmitForm(*official_, ws, agenda + "/punt", {{"item_title", "Bankjes"}, {"amount", "5000"}})
                .status,
            303);
  EXPECT_EQ(resident_->Get("/loting/wijkforum-zijlweg-west/agenda/2027").status, 404) << "not published yet";
  ASSERT_EQ(AppHarness::SubmitForm(*official_, ws, agenda + "/besluit",
                                   {{"item", "1"}, {"status", "adopted"}, {"reason", "Veel gevraagd"}})
                .status,
            303);
  auto over = AppHarness::SubmitForm(*official_, ws, agenda + "/besluit",
                                     {{"item", "2"}, {"status", "adopted"}, {"reason", "Ook goed"}});
  EXPECT_EQ(over.status, 422);
  EXPECT_TRUE(Has(over.body, "1.000 te veel. Er is niets veranderd.")) << over.body.substr(0, 5000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_agenda_items WHERE status = 'adopted'"), 1);
  ASSERT_EQ(AppHarness::SubmitForm(*official_, ws, agenda + "/besluit",
                                   {{"item", "2"}, {"status", "rejected"}, {"reason", "Te duur"}})
                .status,
            303);
  auto published = AppHarness::SubmitForm(*official_, ws, agenda + "/publiceren", {});
  ASSERT_EQ(published.status, 303);
  auto page = resident_->Get("/loting/wijkforum-zijlweg-west/agenda/2027");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "Bomen"));
  EXPECT_TRUE(Has(page.body, "Te duur"));
  auto late = AppHarness::SubmitForm(*official_, ws, agenda + "/punt", {{"item_title", "Feest"}, {"amount", "10"}});
  EXPECT_EQ(late.status, 409) << "a published agenda does not change";
  // Renewal in phases: after 13 months the half-term seat ends; the site
  // proposes a refill, and the reserve fills it with a new term.
  EXPECT_EQ(AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/aanvullen", {}).status, 409)
      << "no open seat yet";
  h_.clock().Set(h_.clock().NowUnixSeconds() + 13 * kSecondsPerMonth);
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  ASSERT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 2);
  official_ = h_.SignedInClient("gv2@haarlem.example", {{auth::Role::kAreaLiaison, "zuidwest"}});  // a year later
  ASSERT_EQ(AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/aanvullen", {}).status, 303);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL AND term_ends_at > " +
                  std::to_string(h_.clock().NowUnixSeconds() + 23 * kSecondsPerMonth)),
            1)
      << "the new member gets a whole new term";
  auto history = resident_->Get("/loting/wijkforum-zijlweg-west").body;
  for (const char* line : {"de site stelt voor de open plekken aan te vullen", "Open plekken aangevuld uit de reserve",
                           "Bijeenkomst toegevoegd", "Document toegevoegd", "Punt aangenomen", "Punt afgewezen",
                           "Wijkagenda gepubliceerd"}) {
    EXPECT_TRUE(Has(history, line)) << line;
  }
}

TEST_F(ForumsRoutesTest, SecondWeightedDrawBalancesDoersAndThinkersInPublic) {
  CreateAndInvite();
  auto codes = Codes();
  const char* genders[] = {"vrouw", "man", "vrouw", "man", "vrouw", "man", "vrouw", "man"};
  const char* roles[] = {"doener", "doener", "denker", "denker", "doener", "denker", "doener", "denker"};
  for (int i = 0; i < 8; ++i) {
    ASSERT_EQ(Register(codes[i], genders[i], roles[i], "Bewoner " + std::to_string(i)).status, 303);
  }
  const std::string second = std::string(kManage) + "/tweede-loting";
  EXPECT_EQ(official_->Get(second).status, 200) << "the form answers before the draw too";
  auto early = AppHarness::SubmitForm(*official_, second, second,
                                      {{"extra", "1"}, {"targets", "feature,value,min,max\nrol,doener,2,2\nrol,denker,2,2\n"},
                                       {"seed", "x"}});
  EXPECT_EQ(early.status, 409) << "not drawn yet";
  ASSERT_EQ(AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/sluiten", {}).status, 303);
  auto started = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/loten", {{"seed", "lotto 7"}});
  ASSERT_EQ(started.status, 303);
  const std::string first_page(started.Header("Location"));
  ASSERT_TRUE(Has(WaitForDraw(first_page).body, "Klaar"));
  EXPECT_TRUE(Has(official_->Get(kManage).body, "/tweede-loting")) << "the forum is full: a second draw is offered";

  auto form = official_->Get(second);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form.body, "Nu in het forum en nog over voor een tweede loting"));
  EXPECT_TRUE(Has(form.body, "rol=doener"));

  // Bad input: a clear message, nothing changed.
  struct Bad {
    std::string extra, targets, seed, message;
  };
  const std::vector<Bad> bad = {
      {"9", "feature,value,min,max\nrol,doener,1,5\nrol,denker,1,5\n", "s",
       "U vraagt 9 extra plaatsen, maar er zijn nog maar 5 mensen over."},
      {"1", "feature,value,min,max\nrol,doener,0,0\nrol,denker,4,4\n", "s", "rol=doener mag hoogstens 0 keer."},
      {"1", "feature,value,min,max\nrol,doener,2,2\n", "s", "Noem bij rol alle antwoorden van het forum"},
      {"1", "feature,value,min,max\nbuurt,noord,0,1\n", "s", "buurt is geen kenmerk van dit forum."},
      {"1", "feature,value,min,max\nrol,doener,2,2\nrol,denker,2,2\n", "", "Vul het openbare getal in."},
      {"0", "feature,value,min,max\nrol,doener,2,2\nrol,denker,2,2\n", "s", "Kies minstens 1 extra plaats."},
  };
  for (const auto& b : bad) {
    auto refused =
        AppHarness::SubmitForm(*official_, second, second, {{"extra", b.extra}, {"targets", b.targets}, {"seed", b.seed}});
    EXPECT_EQ(refused.status, 422) << b.message;
    EXPECT_TRUE(Has(refused.body, b.message)) << b.message << "\n" << refused.body.substr(0, 4000);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_draws"), 1);
  EXPECT_EQ(Count("SELECT seats FROM forums"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_history WHERE event LIKE 'second%'"), 0);
  auto stranger = h_.SignedInClient("gv-noord@haarlem.example", {{auth::Role::kAreaLiaison, "noord"}});
  EXPECT_EQ(stranger->Get(second).status, 403);

  // Doers and thinkers 2/2 in the forum of 4 after the draw.
  auto ok = AppHarness::SubmitForm(
      *official_, second, second,
      {{"extra", "1"}, {"targets", "feature,value,min,max\nrol,doener,2,2\nrol,denker,2,2\n"}, {"seed", "lotto 4 8"}});
  ASSERT_EQ(ok.status, 303) << ok.body.substr(0, 4000);
  const std::string page_path(ok.Header("Location"));
  auto page = WaitForDraw(page_path);
  ASSERT_TRUE(Has(page.body, "Klaar")) << page.body;
  EXPECT_TRUE(Has(page.body, "Een tweede loting"));
  EXPECT_TRUE(Has(page.body, "href=\"" + first_page + "\"")) << "linked to the first draw";
  EXPECT_TRUE(Has(page.body, "Nog nodig"));
  EXPECT_TRUE(Has(page.body, "Kans van iedereen"));
  EXPECT_FALSE(Has(page.body, "Bewoner"));
  EXPECT_TRUE(Has(resident_->Get(first_page).body, "href=\"" + page_path + "\"")) << "the first links to the second";

  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 4);
  EXPECT_EQ(Count("SELECT seats FROM forums"), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members m JOIN forum_registrations r ON r.id = m.registration_id "
                  "WHERE m.left_at IS NULL AND r.features_json LIKE '%doener%'"),
            2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forums WHERE quotas_csv LIKE '%rol,denker,2,2%'"), 1)
      << "the targets are the forum's quotas now";
  auto history = resident_->Get("/loting/wijkforum-zijlweg-west").body;
  EXPECT_TRUE(Has(history, "Tweede loting gestart"));
  EXPECT_TRUE(Has(history, "Tweede loting: extra leden gekozen"));

  // The published files (the quotas still needed, the people left) verify
  // with the engine's own --verify.
  ExpectDownloadedFilesVerify(page_path, page.body);
  auto published = nlohmann::json::parse(resident_->Get(page_path + "/uitslag.json").body);
  EXPECT_EQ(published["panel"].size(), 1u);
}

TEST_F(ForumsRoutesTest, WhenNoReserveFitsTheEngineDrawsAndSaysWhichQuotaCannotBeMet) {
  CreateAndInvite();
  // The only woman and the only thinker are always drawn; the third seat is
  // one of two male doers, the other is the whole reserve.
  RegisterFourAndDraw({"vrouw", "man", "man", "man"}, {"doener", "denker", "doener", "doener"}, "s 9");
  if (HasFatalFailure()) return;
  // The woman (R001) leaves: the reserve is a man, so no reserve fits and the engine draws.
  auto replaced = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/vervangen",
                                         {{"dropouts", "R001"}, {"seed", "lotto 3 5"}});
  ASSERT_EQ(replaced.status, 303) << replaced.body.substr(0, 3000);
  std::string page_path(replaced.Header("Location"));
  EXPECT_NE(page_path, kManage) << "to the engine's replacement draw";
  auto page = WaitForDraw(page_path);
  EXPECT_TRUE(Has(page.body, "Vervanging"));
  EXPECT_TRUE(Has(page.body, "Niet gelukt")) << "nobody left can be a woman";
  EXPECT_TRUE(Has(page.body, "vrouw")) << "the engine names the quota: " << page.body.substr(0, 6000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_draws WHERE kind = 'replacement' AND status = 'failed'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 2) << "the seat stays open";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_history WHERE event IN ('replacement_started', 'draw_failed')"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_history WHERE event = 'reserve_taken'"), 0);

  // The refill says before and after the click that the reserve is not enough, and which quota fails.
  const std::string line = "geslacht=vrouw moet minstens 1 keer. Forum en reserve samen hebben er 0. Er zijn er 1 te weinig.";
  auto manage = official_->Get(kManage);
  EXPECT_TRUE(Has(manage.body, "De reserve is niet genoeg voor de open plekken")) << manage.body.substr(0, 8000);
  EXPECT_TRUE(Has(manage.body, line));
  auto refill = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/aanvullen", {});
  EXPECT_EQ(refill.status, 422);
  EXPECT_TRUE(Has(refill.body, "Geen reserve past in de aantallen."));
  EXPECT_TRUE(Has(refill.body, line));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 2) << "nothing changed";
}

// An engine replacement publishes the folder `wijkplatform draw --verify`
// replays (the inputs, panel.txt, result.json and a manifest naming the
// drop-outs); downloaded from the page it verifies, one changed byte does
// not. A draw stored before the site kept those files says it cannot be
// replayed.
TEST_F(ForumsRoutesTest, AnEngineReplacementPublishesFilesThatVerify) {
  CreateAndInvite();
  RegisterFourAndDraw({"vrouw", "man", "man", "vrouw"}, {"doener", "denker", "doener", "denker"}, "s 3");
  if (HasFatalFailure()) return;
  // A first draw stored before the site published the reserve order: no
  // reserve to take from, so the engine draws the replacement.
  DropFromStoredResults("draw", "reserve");
  if (HasFatalFailure()) return;
  std::string leaving;
  auto read = h_.app().db().Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT r.public_id FROM forum_members m JOIN forum_registrations r ON "
                                             "r.id = m.registration_id WHERE m.left_at IS NULL ORDER BY r.public_id"));
    leaving = row.Text(0);
    return Ok();
  });
  ASSERT_TRUE(read.has_value());
  auto replaced = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/vervangen",
                                         {{"dropouts", leaving}, {"seed", "lotto 4 6"}});
  ASSERT_EQ(replaced.status, 303) << replaced.body.substr(0, 3000);
  std::string page_path(replaced.Header("Location"));
  ASSERT_NE(page_path, kManage) << "to the engine's replacement draw";
  auto page = WaitForDraw(page_path);
  ASSERT_TRUE(Has(page.body, "Klaar")) << page.body.substr(0, 6000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 3);
  ExpectDownloadedFilesVerify(page_path, page.body, /*replacement=*/true);
  auto manifest = nlohmann::json::parse(resident_->Get(page_path + "/manifest.json").body);
  EXPECT_EQ(manifest["settings"]["replace"], nlohmann::json::array({leaving}));
  EXPECT_EQ(manifest["settings"]["seed"], "lotto 4 6");
  EXPECT_FALSE(Has(page.body, "niet nadoen"));

  // Stored before the site kept the files for --verify: the page says so
  // and links to none of them.
  DropFromStoredResults("replacement", "verify_result");
  DropFromStoredResults("draw", "verify_result");
  if (HasFatalFailure()) return;
  const std::string first_draw =
      "/loting/wijkforum-zijlweg-west/trekking/" + std::to_string(Count("SELECT MIN(id) FROM forum_draws"));
  for (const std::string& path : {page_path, first_draw}) {
    auto old = resident_->Get(path);
    ASSERT_EQ(old.status, 200) << path;
    EXPECT_TRUE(Has(old.body, "Daarom kunt u haar niet nadoen met wijkplatform draw --verify.")) << path;
    EXPECT_FALSE(Has(old.body, "manifest.json")) << path;
    EXPECT_EQ(resident_->Get(path + "/manifest.json").status, 404) << path;
  }
}

// When the reserve cannot fill an open seat within the quotas, an official
// opens a new registration round: letters to addresses not invited before
// (published seed), new people register with that round's codes, and the
// open seat is drawn from them in public, with files that verify. Every
// refusal changes nothing; the appeal period counts from the latest draw.
TEST_F(ForumsRoutesTest, ANewRegistrationRoundFillsTheSeatTheReserveCannot) {
  CreateAndInvite();
  // The only woman and the only thinker are always drawn; the reserve is a man.
  RegisterFourAndDraw({"vrouw", "man", "man", "man"}, {"doener", "denker", "doener", "doener"}, "s 9");
  if (HasFatalFailure()) return;
  const std::string round = std::string(kManage) + "/nieuwe-ronde";
  auto no_seat = AppHarness::SubmitForm(*official_, round, round, {});
  EXPECT_EQ(no_seat.status, 409) << "no open seat yet";
  // The woman leaves; no reserve fits and the engine finds nobody either.
  auto left = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/vervangen",
                                     {{"dropouts", "R001"}, {"seed", "lotto 3 5"}});
  ASSERT_EQ(left.status, 303);
  WaitForDraw(std::string(left.Header("Location")));
  ASSERT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 2);
  EXPECT_TRUE(Has(official_->Get(kManage).body, "href=\"" + round + "\"")) << "the organiser's page offers a round";

  auto page = official_->Get(round);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "Er is 1 plek open.")) << page.body.substr(0, 6000);
  EXPECT_TRUE(Has(page.body, "geslacht=vrouw")) << "what the open seat still needs";
  std::string csv = "adres\n";
  for (int i = 1; i <= 40; ++i) csv += "Zijlweg " + std::to_string(i) + "\n";
  auto open_round = [&](const std::string& seed, const std::string& size, const std::string& until) {
    std::string token = AppHarness::CsrfToken(*official_, round);
    return official_->PostMultipart(
        round, {{"_csrf", token}, {"sample_seed", seed}, {"sample_size", size}, {"register_until", until}},
        {MultipartFile{"adressen", "adressen.csv", "text/csv", csv}});
  };
  // Bad input: a clear message, nothing changed.
  auto no_seed = open_round("", "10", "2026-12-20");
  EXPECT_EQ(no_seed.status, 422);
  auto past = open_round("8 9", "10", "2026-11-01");
  EXPECT_EQ(past.status, 422);
  EXPECT_TRUE(Has(past.body, "Kies een datum in de toekomst")) << past.body.substr(0, 6000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_rounds"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_invitations"), 12);

  auto opened = open_round("8 9", "10", "2026-12-20");
  ASSERT_EQ(opened.status, 303) << opened.body.substr(0, 4000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_invitations WHERE round_number = 2"), 10);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_invitations a JOIN forum_invitations b ON a.address = b.address "
                  "WHERE a.round_number = 2 AND b.round_number = 1"),
            0)
      << "nobody gets a second letter";
  EXPECT_EQ(open_round("8 10", "10", "2026-12-20").status, 409) << "round 2 is still open";
  auto letters = official_->Get(std::string(kManage) + "/ronde/2/brieven.pdf");
  ASSERT_EQ(letters.status, 200);
  EXPECT_EQ(letters.body.rfind("%PDF", 0), 0u);
  EXPECT_EQ(official_->Get(std::string(kManage) + "/ronde/3/brieven.pdf").status, 404);
  EXPECT_TRUE(Has(resident_->Get("/loting/wijkforum-zijlweg-west").body,
                  "Ronde 2: 10 brieven naar 40 adressen, getrokken met het getal 8 9."))
      << "the sample is published";

  auto round_codes = [&](int number) {
    std::vector<std::string> out;
    auto read = h_.app().db().Read([&](db::Connection& c) -> Result<void> {
      WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT code FROM forum_invitations WHERE round_number = ? "
                                             "ORDER BY letter_number",
                                             {db::Int(number)}));
      for (const auto& r : rows) out.push_back(r.Text(0));
      return Ok();
    });
    EXPECT_TRUE(read.has_value());
    return out;
  };
  auto second = round_codes(2);
  ASSERT_EQ(Register(second[0], "man", "doener", "Ronde Twee").status, 303);
  const std::string draw_round = std::string(kManage) + "/ronde/loten";
  EXPECT_EQ(AppHarness::SubmitForm(*official_, round, draw_round, {{"seed", "lotto 1"}}).status, 409)
      << "registration is still open";
  ASSERT_EQ(AppHarness::SubmitForm(*official_, round, std::string(kManage) + "/ronde/sluiten", {}).status, 303);
  EXPECT_EQ(Register(second[1], "vrouw", "doener").status, 422) << "closed";
  // Round 2 brought no woman: the open seat cannot be met.
  auto short_draw = AppHarness::SubmitForm(*official_, round, draw_round, {{"seed", "lotto 1"}});
  EXPECT_EQ(short_draw.status, 422);
  EXPECT_TRUE(Has(short_draw.body, "geslacht=vrouw moet minstens 1 keer, maar 0 aanmeldingen hebben het. Er zijn er 1 "
                                   "te weinig."))
      << short_draw.body.substr(0, 6000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_draws WHERE kind = 'round_draw'"), 0) << "nothing changed";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 2);

  // Ten days later a third round; now a woman registers.
  h_.clock().Set(h_.clock().NowUnixSeconds() + 10 * 86400);
  ASSERT_EQ(open_round("8 10", "10", "2026-12-30").status, 303);
  auto third = round_codes(3);
  ASSERT_EQ(third.size(), 10u);
  ASSERT_EQ(Register(third[0], "vrouw", "denker", "Ronde Drie").status, 303);
  ASSERT_EQ(Register(third[1], "man", "doener", "Ronde Drie B").status, 303);
  ASSERT_EQ(AppHarness::SubmitForm(*official_, round, std::string(kManage) + "/ronde/sluiten", {}).status, 303);
  auto started = AppHarness::SubmitForm(*official_, round, draw_round, {{"seed", "lotto 2 4"}});
  ASSERT_EQ(started.status, 303) << started.body.substr(0, 4000);
  const std::string draw_page(started.Header("Location"));
  auto drawn = WaitForDraw(draw_page);
  ASSERT_TRUE(Has(drawn.body, "Klaar")) << drawn.body.substr(0, 6000);
  EXPECT_TRUE(Has(drawn.body, "mensen uit aanmeldronde 3"));
  EXPECT_FALSE(Has(drawn.body, "Ronde Drie")) << "the draw page names nobody";
  ExpectDownloadedFilesVerify(draw_page, drawn.body);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members m JOIN forum_registrations r ON r.id = m.registration_id "
                  "WHERE m.left_at IS NULL AND r.name = 'Ronde Drie'"),
            1)
      << "the woman of round 3 takes the seat";
  // The first draw's whole terms end 10 days before a whole term from now.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL AND term_ends_at > " +
                  std::to_string(h_.clock().NowUnixSeconds() + 24 * kSecondsPerMonth - 86400)),
            1)
      << "with a whole term";
  EXPECT_EQ(AppHarness::SubmitForm(*official_, round, draw_round, {{"seed", "x"}}).status, 409) << "no round left";
  auto history = resident_->Get("/loting/wijkforum-zijlweg-west").body;
  EXPECT_TRUE(Has(history, "Nieuwe aanmeldronde geopend"));
  EXPECT_TRUE(Has(history, "Open plekken geloot uit de nieuwe ronde"));

  // The appeal period counts from the latest draw (the round draw): 14
  // days after the first draw nothing goes yet.
  h_.clock().Set(h_.clock().NowUnixSeconds() + 5 * 86400);
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations WHERE erased_at IS NOT NULL"), 0);
  h_.clock().Set(h_.clock().NowUnixSeconds() + 10 * 86400);
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations WHERE erased_at IS NULL"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations WHERE name = 'Ronde Drie'"), 1) << "a member";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations WHERE round_number > 1 AND name <> ''"), 1)
      << "people of a later round who were not drawn are no reserve: their name and e-mail go";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_registrations WHERE round_number = 1 AND name <> ''"), 4)
      << "the first round's reserve keeps name and e-mail while the forum has members";
}

// Someone who left the forum is never drawn back in by the engine (the
// members table would refuse them, and they said they stop).
TEST_F(ForumsRoutesTest, SomeoneWhoLeftIsNeverDrawnBackAsAReplacement) {
  CreateAndInvite();
  RegisterFourAndDraw({"vrouw", "man", "man", "man"}, {"doener", "denker", "doener", "doener"}, "s 9");
  if (HasFatalFailure()) return;
  auto sits = [&](const std::string& id) {
    return Count("SELECT COUNT(*) FROM forum_members m JOIN forum_registrations r ON r.id = m.registration_id "
                 "WHERE m.left_at IS NULL AND r.public_id = '" + id + "'") == 1;
  };
  // One of the two male doers sits, the other is the reserve.
  ASSERT_NE(sits("R003"), sits("R004"));
  const std::string first = sits("R003") ? "R003" : "R004", second = first == "R003" ? "R004" : "R003";
  // The first leaves: the reserve takes the seat.
  auto replaced = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/vervangen",
                                         {{"dropouts", first}, {"seed", "lotto 1 2"}});
  ASSERT_EQ(replaced.status, 303) << replaced.body.substr(0, 3000);
  ASSERT_TRUE(sits(second));
  // Then the second leaves. The reserve is empty and the only male doer left
  // is the first, who left: the engine must not draw him again.
  replaced = AppHarness::SubmitForm(*official_, kManage, std::string(kManage) + "/vervangen",
                                    {{"dropouts", second}, {"seed", "lotto 3 4"}});
  ASSERT_EQ(replaced.status, 303) << replaced.body.substr(0, 3000);
  std::string page_path(replaced.Header("Location"));
  ASSERT_NE(page_path, kManage) << "to the engine's replacement draw";
  auto page = WaitForDraw(page_path);
  EXPECT_TRUE(Has(page.body, "Niet gelukt")) << page.body.substr(0, 6000);
  EXPECT_FALSE(sits(first)) << first << " left and was drawn back in";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM forum_members WHERE left_at IS NULL"), 2) << "the seat stays open";
}

TEST_F(ForumsRoutesTest, ThePlatformPageOfTheAreaLinksToTheForumItsWorkspaceAndPublishedAgendas) {
  auto insert = [&](const std::string& slug, const std::string& buurt, const std::string& borough) {
    platforms::Platform p;
    p.slug = slug;
    p.name = "Wijkplatform " + slug;
    p.description = "Voor en door de buurt";
    p.contact_email = slug + "@example.nl";
    p.area = {buurt};
    p.borough_slug = borough;
    p.status = platforms::PlatformStatus::kRecognised;
    p.created_at = kStart - 86400;
    auto id = h_.app().db().Write([&](db::Connection& c) {
      return platforms::PlatformStore::Insert(c, p, wp::testing::UserId(h_.app().db(), "gv@haarlem.example"));
    });
    ASSERT_TRUE(id.has_value()) << id.error().detail;
  };
  insert("zijlweg", "BU03920301", "zuidwest");
  insert("ter-kleef", "BU03920101", "centrum");
  EXPECT_FALSE(Has(resident_->Get("/wijkplatform/zijlweg").body, "/loting/")) << "no forum yet";
  CreateAndInvite();
  const std::string ws = "/loting/wijkforum-zijlweg-west/werkplaats";
  ASSERT_EQ(AppHarness::SubmitForm(*official_, ws, ws + "/agenda", {{"year", "2027"}, {"budget", "5000"}}).status, 303);
  ASSERT_EQ(AppHarness::SubmitForm(*official_, ws, ws + "/agenda/2027/punt", {{"item_title", "Bomen"}, {"amount", "500"}})
                .status,
            303);
  auto page = resident_->Get("/wijkplatform/zijlweg");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "href=\"/loting/wijkforum-zijlweg-west\""));
  EXPECT_TRUE(Has(page.body, "href=\"" + ws + "\""));
  EXPECT_FALSE(Has(page.body, "/agenda/2027")) << "not published yet";
  ASSERT_EQ(AppHarness::SubmitForm(*official_, ws, ws + "/agenda/2027/publiceren", {}).status, 303);
  EXPECT_TRUE(Has(resident_->Get("/wijkplatform/zijlweg").body, "href=\"/loting/wijkforum-zijlweg-west/agenda/2027\""));
  EXPECT_FALSE(Has(resident_->Get("/wijkplatform/ter-kleef").body, "/loting/wijkforum-zijlweg-west"))
      << "a platform elsewhere does not list it";
}

TEST_F(ForumsRoutesTest, PublicPagesAnswer) {
  CreateAndInvite();
  EXPECT_EQ(resident_->Get("/loting").status, 200);
  EXPECT_EQ(resident_->Get("/loting/wijkforum-zijlweg-west").status, 200);
  EXPECT_EQ(resident_->Get("/loting/bestaat-niet").status, 404);
  EXPECT_EQ(resident_->Get("/loting/wijkforum-zijlweg-west/trekking/1").status, 404);
  EXPECT_EQ(resident_->Get("/aanmelden").status, 200);
  EXPECT_EQ(resident_->Get(kManage).status, 303) << "organisers only: to the sign-in page";
  EXPECT_EQ(resident_->Get("/loting/wijkforum-zijlweg-west/werkplaats").status, 200);
  EXPECT_EQ(resident_->Get("/loting/wijkforum-zijlweg-west/agenda/2027").status, 404);
}

}  // namespace
}  // namespace wp::forums
