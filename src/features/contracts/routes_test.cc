// HTTP tests of neighbourhood contracts: drafting by both sides, signing
// (frozen and public), progress with evidence, amendments with a reason,
// the overdue list, reminders by the background job, the year review and
// next year's draft; missing rights and bad input change nothing. On
// SQLite, and on PostgreSQL when WP_TEST_DATABASE=postgres.
// clang-format off
// nlohmann/json before Magick++, whose headers hide its assert.
#include <nlohmann/json.hpp>
#include <Magick++.h>
// clang-format on
#include <gtest/gtest.h>

#include "core/db/database.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/platform_world.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::contracts {
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

int MailsTo(AppHarness& h, const std::string& to, const std::string& subject_part) {
  int n = 0;
  for (const auto& m : wp::testing::Outbox(h.app().db())) {
    if (m.to == to && Has(m.subject, subject_part)) ++n;
  }
  return n;
}

// A small photo with a comment in it (metadata the server must drop).
std::string Png() {
  Magick::InitializeMagick(nullptr);
  Magick::Image img(Magick::Geometry(30, 20), Magick::Color("green"));
  img.comment("made at home");
  img.magick("PNG");
  Magick::Blob b;
  img.write(&b);
  return std::string(static_cast<const char*>(b.data()), b.length());
}

class ContractRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);  // Monday 23 November 2026, 18:30 in Haarlem
    auto id = platforms::testing::AddPlatform(h_);
    ASSERT_TRUE(id.has_value()) << id.error().detail;
    platform_id_ = *id;
    kernteam_ = h_.SignedInClient("kern@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform_id_)}});
    liaison_ = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "centrum"}});
  }

  // A draft contract for 2026 with one theme; returns {contract id, theme id}.
  std::pair<int64_t, int64_t> Draft() {
    auto created = AppHarness::SubmitForm(*kernteam_, kNew, kNew,
                                          {{"year", "2026"},
                                           {"title", "Wijkcontract Ter Kleef 2026"},
                                           {"contact_name", "Samira"},
                                           {"contact_email", "gv@haarlem.example"}});
    EXPECT_EQ(created.status, 303) << created.body.substr(0, 3000);
    int64_t id = IdOf(created);
    std::string page = "/wijkcontract/" + std::to_string(id);
    auto theme = AppHarness::SubmitForm(*liaison_, page, page + "/thema", {{"name", "Groen"}});
    EXPECT_EQ(theme.status, 303) << theme.body.substr(0, 3000);
    int64_t theme_id = Count(h_, "SELECT MAX(id) FROM contract_themes");
    return {id, theme_id};
  }

  Fields Commitment(int64_t theme_id, const std::string& text, const std::string& due) {
    return {{"theme_id", std::to_string(theme_id)},
            {"text", text},
            {"party", "department"},
            {"party_name", "Openbare Ruimte"},
            {"owner_name", "Kees"},
            {"owner_email", "kees@haarlem.example"},
            {"due", due}};
  }

  // Adds a commitment; returns its id.
  int64_t AddCommitment(HttpClient& who, int64_t contract_id, const Fields& fields) {
    std::string path = "/wijkcontract/" + std::to_string(contract_id) + "/afspraak/nieuw";
    auto added = AppHarness::SubmitForm(who, path, path, fields);
    EXPECT_EQ(added.status, 303) << added.body.substr(0, 3000);
    return Count(h_, "SELECT MAX(id) FROM contract_commitments");
  }

  wp::testing::HttpResponse Approve(HttpClient& who, int64_t id) {
    std::string page = "/wijkcontract/" + std::to_string(id);
    return AppHarness::SubmitForm(who, page, page + "/goedkeuren", {});
  }

  // A signed contract with commitments due 1 December 2026 and 30 June 2027.
  std::pair<int64_t, int64_t> Signed() {
    auto [id, theme] = Draft();
    AddCommitment(*liaison_, id, Commitment(theme, "Twintig bomen planten", "2027-06-30"));
    AddCommitment(*kernteam_, id, Commitment(theme, "Afvalbakken bij de school", "2026-12-01"));
    EXPECT_EQ(Approve(*kernteam_, id).status, 303);
    EXPECT_EQ(Approve(*liaison_, id).status, 303);
    return {id, theme};
  }

  static constexpr const char* kNew = "/wijkplatform/ter-kleef/wijkcontract/nieuw";
  AppHarness h_;
  std::unique_ptr<HttpClient> kernteam_, liaison_;
  int64_t platform_id_ = 0;
};

TEST_F(ContractRoutesTest, BothSidesDraftApproveAndTheSignedContractIsFrozenAndPublic) {
  auto [id, theme] = Draft();
  std::string page = "/wijkcontract/" + std::to_string(id);
  EXPECT_EQ(h_.Client()->Get(page).status, 404) << "a draft is for the two sides only";
  EXPECT_EQ(liaison_->Get(page).status, 200);

  auto empty = Approve(*kernteam_, id);
  EXPECT_EQ(empty.status, 409) << "no commitments yet";
  EXPECT_TRUE(Has(empty.body, "Zonder afspraken")) << empty.body.substr(0, 2000);

  int64_t first = AddCommitment(*liaison_, id, Commitment(theme, "Twintig bomen planten", "2027-06-30"));
  EXPECT_EQ(Approve(*kernteam_, id).status, 303);
  EXPECT_EQ(MailsTo(h_, "gv@haarlem.example", "wacht op uw goedkeuring"), 1) << "the other side is told";
  EXPECT_EQ(Approve(*kernteam_, id).status, 409) << "approved already";
  EXPECT_FALSE(Has(kernteam_->Get(page).body, "Goedkeuren voor mijn kant")) << "no button for a side that approved";
  EXPECT_TRUE(Has(liaison_->Get(page).body, "Goedkeuren voor mijn kant"));

  // A change to the draft clears the approvals: both approve the new text.
  AddCommitment(*kernteam_, id, Commitment(theme, "Afvalbakken bij de school", "2026-12-01"));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contracts WHERE platform_approved_by IS NOT NULL"), 0);
  EXPECT_EQ(Approve(*liaison_, id).status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contracts WHERE status = 'draft'"), 1);
  auto signed_now = Approve(*kernteam_, id);
  EXPECT_EQ(signed_now.status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contracts WHERE status = 'signed'"), 1);
  EXPECT_EQ(MailsTo(h_, "gv@haarlem.example", "getekend"), 1);
  EXPECT_EQ(MailsTo(h_, "kern@example.nl", "getekend"), 1);
  EXPECT_EQ(MailsTo(h_, "terkleef@example.nl", "getekend"), 1);

  auto visitor = h_.Client();
  auto open = visitor->Get(page);
  ASSERT_EQ(open.status, 200);
  EXPECT_TRUE(Has(open.body, "De getekende versie"));
  EXPECT_TRUE(Has(open.body, "Twintig bomen planten (Openbare Ruimte (gemeente); Kees; 30 juni 2027)"))
      << open.body.substr(0, 6000);
  EXPECT_FALSE(Has(open.body, "Goedkeuren voor mijn kant"));
  EXPECT_TRUE(Has(visitor->Get("/wijkcontracten").body, "Wijkcontract Ter Kleef 2026"));

  // After signing the draft forms are closed: a theme is refused, a commitment needs a reason.
  auto theme_after = AppHarness::SubmitForm(*liaison_, page, page + "/thema", {{"name", "Later"}});
  EXPECT_EQ(theme_after.status, 409);
  std::string add = page + "/afspraak/nieuw";
  auto no_reason = AppHarness::SubmitForm(*liaison_, add, add, Commitment(theme, "Extra bank", "2027-03-01"));
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Has(no_reason.body, "Schrijf op waarom."));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contract_commitments"), 2);
  Fields with_reason = Commitment(theme, "Extra bank", "2027-03-01");
  with_reason.push_back({"reason", "Bewoners vroegen erom op de buurtavond."});
  AddCommitment(*liaison_, id, with_reason);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contract_amendments WHERE before_text = ''"), 1);
  auto frozen = visitor->Get(page);
  EXPECT_TRUE(Has(frozen.body, "Bewoners vroegen erom op de buurtavond."));
  EXPECT_EQ(frozen.body.find("Extra bank ("), std::string::npos) << "the signed version does not change";
  (void)first;
}

TEST_F(ContractRoutesTest, MissingRightsAndBadInputChangeNothing) {
  auto resident = h_.SignedInClient("ans@example.nl");
  EXPECT_EQ(resident->Get(kNew).status, 403);
  auto elsewhere = h_.SignedInClient("gv-noord@haarlem.example", {{auth::Role::kAreaLiaison, "noord"}});
  EXPECT_EQ(elsewhere->Get(kNew).status, 403);
  EXPECT_EQ(h_.Client()->Get(kNew).status, 303) << "sign in first";

  auto bad = AppHarness::SubmitForm(*kernteam_, kNew, kNew,
                                    {{"year", "twee"}, {"title", ""}, {"contact_name", "S"}, {"contact_email", "x"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "Vul een jaar in tussen 2020 en 2100.")) << bad.body.substr(0, 3000);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contracts"), 0);

  auto [id, theme] = Draft();
  std::string page = "/wijkcontract/" + std::to_string(id);
  auto twice = AppHarness::SubmitForm(
      *liaison_, kNew, kNew,
      {{"year", "2026"}, {"title", "Nog een"}, {"contact_name", "S"}, {"contact_email", "gv@haarlem.example"}});
  EXPECT_EQ(twice.status, 409) << "one contract per platform and year";
  EXPECT_EQ(resident->PostForm(page + "/thema", {{"name", "X"}}).status, 403) << "no CSRF token from a page";
  std::string add = page + "/afspraak/nieuw";
  EXPECT_EQ(resident->Get(add).status, 404) << "a draft the user may not read";
  auto late = AppHarness::SubmitForm(*kernteam_, add, add, Commitment(theme, "Te vroeg", "2025-05-01"));
  EXPECT_EQ(late.status, 422);
  EXPECT_TRUE(Has(late.body, "Kies een datum in 2026 of 2027."));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contract_commitments"), 0);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contract_history"), 2) << "created and one theme";
}

TEST_F(ContractRoutesTest, ProgressAmendmentsOverdueAndReminders) {
  auto [id, theme] = Signed();
  std::string page = "/wijkcontract/" + std::to_string(id);
  int64_t bins = Count(h_, "SELECT id FROM contract_commitments WHERE text = 'Afvalbakken bij de school'");
  std::string bins_page = page + "/afspraak/" + std::to_string(bins);
  auto bins_shown = h_.Client()->Get(bins_page);
  EXPECT_TRUE(Has(bins_shown.body, "staat ook bij de toezeggingen")) << "a municipal commitment links to the promises";
  EXPECT_TRUE(Has(bins_shown.body, "/toezeggingen\"")) << bins_shown.body.substr(0, 3000);

  // The reminder job (hourly; it ran when the app started) mails the owner once, 14 days or less before the due
  // date; the trees are due later.
  h_.clock().Advance(std::chrono::hours(2));
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(MailsTo(h_, "kees@haarlem.example", "bijna klaar"), 1);
  h_.clock().Advance(std::chrono::hours(2));
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(MailsTo(h_, "kees@haarlem.example", "bijna klaar"), 1) << "once per due date";

  auto bad =
      AppHarness::SubmitForm(*kernteam_, bins_page, bins_page + "/voortgang", {{"status", "klaar"}, {"text", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "Kies een stand."));
  auto report = AppHarness::SubmitForm(*kernteam_, bins_page, bins_page + "/voortgang",
                                       {{"status", "in_progress"}, {"text", "Twee van de drie bakken staan er."}});
  EXPECT_EQ(report.status, 303) << report.body.substr(0, 3000);
  EXPECT_EQ(h_.Client()->PostForm(bins_page + "/voortgang", {{"status", "done"}, {"text", "x"}}).status, 401);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contract_updates"), 1);

  // Evidence: a photo (re-encoded as a JPEG) and a PDF; a file that is not a PDF is refused.
  std::string csrf = AppHarness::CsrfToken(*kernteam_, bins_page);
  Fields evidence = {{"_csrf", csrf}, {"status", "in_progress"}, {"text", "De derde bak is besteld."}};
  auto not_pdf = kernteam_->PostMultipart(bins_page + "/voortgang", evidence,
                                          {{"document", "bon.pdf", "application/pdf", "GIF89a"}});
  EXPECT_EQ(not_pdf.status, 422);
  EXPECT_TRUE(Has(not_pdf.body, "Dit is geen PDF.")) << not_pdf.body.substr(0, 3000);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contract_updates"), 1) << "nothing changed";
  auto with_files = kernteam_->PostMultipart(
      bins_page + "/voortgang", evidence,
      {{"photo", "bak.png", "image/png", Png()}, {"document", "../Bon levering.PDF", "application/pdf", "%PDF-1.4 x"}});
  EXPECT_EQ(with_files.status, 303) << with_files.body.substr(0, 3000);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contract_evidence"), 2);
  auto shown = h_.Client()->Get(bins_page);
  EXPECT_TRUE(Has(shown.body, "Bon_levering.pdf")) << shown.body.substr(0, 6000);
  int64_t photo_id = Count(h_, "SELECT id FROM contract_evidence WHERE kind = 'photo'");
  auto photo = h_.Client()->Get("/wijkcontract/bewijs/" + std::to_string(photo_id));
  ASSERT_EQ(photo.status, 200);
  EXPECT_EQ(photo.Header("Content-Type"), "image/jpeg");
  EXPECT_EQ(photo.body.substr(0, 2), "\xFF\xD8") << "a JPEG the server made";
  EXPECT_EQ(photo.body.find("made at home"), std::string::npos) << "without the comment";
  int64_t doc_id = Count(h_, "SELECT id FROM contract_evidence WHERE kind = 'document'");
  auto doc = h_.Client()->Get("/wijkcontract/bewijs/" + std::to_string(doc_id));
  EXPECT_EQ(doc.body, "%PDF-1.4 x");
  EXPECT_TRUE(Has(std::string(doc.Header("Content-Disposition")), "attachment"));

  // After the due date it is overdue: on the public progress page and the liaison's list.
  h_.clock().Advance(std::chrono::hours(24 * 10));
  auto progress = h_.Client()->Get(page + "/voortgang");
  ASSERT_EQ(progress.status, 200);
  EXPECT_TRUE(Has(progress.body, "<svg")) << "the overview per theme";
  EXPECT_TRUE(Has(progress.body, "Groen: 2 afspraken. Klaar: 0. Te laat: 1."));
  EXPECT_TRUE(Has(progress.body, "<caption")) << "and the same numbers as a table";
  auto overdue = liaison_->Get("/beheer/wijkcontracten");
  ASSERT_EQ(overdue.status, 200);
  EXPECT_TRUE(Has(overdue.body, "1 afspraak is te laat")) << overdue.body.substr(0, 4000);
  EXPECT_TRUE(Has(overdue.body, "Afvalbakken bij de school"));
  EXPECT_EQ(kernteam_->Get("/beheer/wijkcontracten").status, 403);

  // An amendment needs a reason; the new due date reminds again.
  std::string amend = bins_page + "/wijzigen";
  Fields fields = {{"text", "Afvalbakken bij de school"},
                   {"owner_name", "Kees"},
                   {"owner_email", "kees@haarlem.example"},
                   {"due", "2026-12-10"},
                   {"reason", ""}};
  EXPECT_EQ(AppHarness::SubmitForm(*liaison_, amend, amend, fields).status, 422);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contract_amendments"), 0);
  fields.back().second = "De leverancier levert later.";
  EXPECT_EQ(AppHarness::SubmitForm(*liaison_, amend, amend, fields).status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contract_amendments"), 1);
  EXPECT_EQ(MailsTo(h_, "kern@example.nl", "gewijzigd"), 1);
  EXPECT_TRUE(Has(liaison_->Get("/beheer/wijkcontracten").body, "Er zijn geen afspraken te laat."));
  h_.clock().Advance(std::chrono::hours(1));
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(MailsTo(h_, "kees@haarlem.example", "bijna klaar"), 2);
}

TEST_F(ContractRoutesTest, TheYearReviewStartsNextYearsContract) {
  auto [id, theme] = Signed();
  std::string page = "/wijkcontract/" + std::to_string(id);
  int64_t trees = Count(h_, "SELECT id FROM contract_commitments WHERE text = 'Twintig bomen planten'");
  std::string trees_page = page + "/afspraak/" + std::to_string(trees);
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, trees_page, trees_page + "/voortgang",
                                   {{"status", "done"}, {"text", "Alle bomen staan er."}})
                .status,
            303);
  std::string review = page + "/terugblik";
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, page, page + "/volgend-jaar", {}).status, 409) << "first the review";
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, review, review, {{"review", ""}}).status, 422);
  auto written = AppHarness::SubmitForm(*kernteam_, review, review,
                                        {{"review", "De bomen staan er. De afvalbakken kwamen te laat."}});
  EXPECT_EQ(written.status, 303) << written.body.substr(0, 3000);
  EXPECT_EQ(MailsTo(h_, "gv@haarlem.example", "terugblik"), 1);
  auto shown = h_.Client()->Get(review);
  EXPECT_TRUE(Has(shown.body, "De afvalbakken kwamen te laat."));
  EXPECT_TRUE(Has(shown.body, "Er is nog geen uitleg gegeven.")) << "the bins were never reported on";

  auto next = AppHarness::SubmitForm(*liaison_, review, page + "/volgend-jaar", {});
  ASSERT_EQ(next.status, 303) << next.body.substr(0, 3000);
  int64_t next_id = IdOf(next);
  EXPECT_EQ(Count(h_, "SELECT year FROM contracts WHERE id = " + std::to_string(next_id)), 2027);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM contract_commitments WHERE contract_id = " + std::to_string(next_id)), 1)
      << "only the unfinished commitment carries on";
  auto draft = liaison_->Get("/wijkcontract/" + std::to_string(next_id));
  EXPECT_TRUE(Has(draft.body, "Afvalbakken bij de school"));
  EXPECT_TRUE(Has(draft.body, "1 december 2027")) << "due a year later" << draft.body.substr(0, 5000);
  EXPECT_EQ(AppHarness::SubmitForm(*liaison_, review, page + "/volgend-jaar", {}).status, 409) << "once";
}

}  // namespace
}  // namespace wp::contracts
