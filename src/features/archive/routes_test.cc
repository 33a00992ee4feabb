// HTTP tests of the archive: the kernteam uploads a PDF, everyone finds it
// by a word of its text, reads and downloads it with the right headers; a
// file that is no PDF, a bad form or missing rights change nothing; a
// withdrawal keeps the history and hides the file; a council member
// follows a platform and gets one digest a day. On SQLite, and on
// PostgreSQL when WP_TEST_DATABASE=postgres.
#include <gtest/gtest.h>

#include "core/db/database.h"
#include "features/archive/text_pdf.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/platform_world.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::archive {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;
using wp::testing::HttpResponse;
using Fields = std::vector<std::pair<std::string, std::string>>;

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

constexpr const char* kArchive = "/wijkplatform/ter-kleef/archief";
constexpr const char* kUpload = "/wijkplatform/ter-kleef/archief/nieuw";

class ArchiveRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);  // Monday 23 November 2026, 18:30 in Haarlem
    auto id = platforms::testing::AddPlatform(h_);
    ASSERT_TRUE(id.has_value()) << id.error().detail;
    platform_id_ = *id;
    kernteam_ = h_.SignedInClient("kern@example.nl", {{auth::Role::kKernteamMember, std::to_string(platform_id_)}});
    other_ = h_.SignedInClient("kern-elders@example.nl", {{auth::Role::kKernteamMember, "999"}});
    council_ = h_.SignedInClient("raadslid@example.nl", {{auth::Role::kCouncilMember, ""}});
  }

  int64_t Count(const std::string& sql) { return wp::testing::Count(h_.app().db(), sql); }

  HttpResponse Upload(HttpClient& client, const Fields& fields, const std::string& data,
                      const std::string& name = "notulen.pdf") {
    Fields with = fields;
    with.emplace_back("_csrf", AppHarness::CsrfToken(client, kArchive));
    return client.PostMultipart(kUpload, with, {{"file", name, "application/pdf", data}});
  }

  static Fields Form(const std::string& title) {
    return {{"title", title}, {"kind", "notulen"}, {"date", "2026-11-20"}, {"description", "Vergadering in het buurthuis"}};
  }

  // Uploads a document with `words` in its PDF as the kernteam; returns its id.
  int64_t Add(const std::string& title, const std::string& words) {
    auto r = Upload(*kernteam_, Form(title), TextPdf({"Notulen", words}));
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    std::string loc(r.Header("Location"));
    return std::stoll(loc.substr(loc.rfind('/') + 1));
  }

  AppHarness h_;
  std::unique_ptr<HttpClient> kernteam_, other_, council_;
  int64_t platform_id_ = 0;
};

TEST_F(ArchiveRoutesTest, TheKernteamUploadsAPdfThatEveryoneFindsByAWordInIt) {
  auto form = kernteam_->Get(kUpload);
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 2000);
  EXPECT_TRUE(Has(form.body, "multipart/form-data"));
  int64_t id = Add("Notulen november", "De speeltuin krijgt een nieuwe glijbaan.");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_history WHERE kind = 'uploaded'"), 1);

  auto visitor = h_.Client();
  auto list = visitor->Get(kArchive);
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Has(list.body, "Notulen november"));
  auto found = visitor->Get(std::string(kArchive) + "?q=glijbaan");
  ASSERT_EQ(found.status, 200);
  EXPECT_TRUE(Has(found.body, "1 document gevonden")) << found.body.substr(0, 4000);
  EXPECT_TRUE(Has(found.body, "<mark>glijbaan</mark>")) << "the matched word is marked in the snippet";
  auto across = visitor->Get("/archief?q=speeltuin&soort=notulen");
  ASSERT_EQ(across.status, 200);
  EXPECT_TRUE(Has(across.body, "Notulen november"));
  EXPECT_TRUE(Has(visitor->Get("/archief?q=speeltuin&soort=advies").body, "Wij vonden niets"));

  auto page = visitor->Get("/archief/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "Vergadering in het buurthuis"));
  EXPECT_FALSE(Has(page.body, "intrekken")) << "a visitor sees no withdraw form";
  auto file = visitor->Get("/archief/" + std::to_string(id) + "/bestand");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.Header("Content-Type"), "application/pdf");
  EXPECT_TRUE(Has(std::string(file.Header("Content-Disposition")), "attachment"));
  EXPECT_EQ(file.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_TRUE(file.body.starts_with("%PDF-1.4"));
  EXPECT_EQ(visitor->Get("/archief/999/bestand").status, 404);
}

TEST_F(ArchiveRoutesTest, BadInputAndMissingRightsChangeNothing) {
  auto not_pdf = Upload(*kernteam_, Form("Notulen"), "GIF89a not a pdf");
  EXPECT_EQ(not_pdf.status, 422);
  EXPECT_TRUE(Has(not_pdf.body, "geen PDF")) << not_pdf.body.substr(0, 3000);
  EXPECT_TRUE(Has(not_pdf.body, "Vergadering in het buurthuis")) << "what was typed is kept";
  Fields bad = Form("");
  bad[2].second = "2030-01-01";
  auto empty = Upload(*kernteam_, bad, TextPdf({"tekst"}));
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Has(empty.body, "Vul een titel in"));
  EXPECT_TRUE(Has(empty.body, "in de toekomst"));
  auto refused = Upload(*other_, Form("Notulen"), TextPdf({"tekst"}));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(other_->Get(kUpload).status, 403);
  EXPECT_EQ(council_->Get(kUpload).status, 403) << "a council member reads, but does not keep the archive";
  EXPECT_EQ(h_.Client()->Get(kUpload).status, 303) << "sign in first";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_documents"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_history"), 0);
}

TEST_F(ArchiveRoutesTest, AWithdrawnDocumentKeepsItsHistoryButLeavesListSearchAndDownload) {
  int64_t id = Add("Verslag oude versie", "parkeerproef");
  std::string page = "/archief/" + std::to_string(id);
  std::string withdraw = page + "/intrekken";
  auto no_reason = AppHarness::SubmitForm(*kernteam_, page, withdraw, {{"reason", " "}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Has(no_reason.body, "Schrijf waarom"));
  auto refused = other_->PostForm(withdraw, {{"reason", "x"}, {"_csrf", AppHarness::CsrfToken(*other_, page)}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_documents WHERE status = 'withdrawn'"), 0);

  auto done = AppHarness::SubmitForm(*kernteam_, page, withdraw, {{"reason", "Verkeerde datum"}});
  EXPECT_EQ(done.status, 303);
  auto visitor = h_.Client();
  auto shown = visitor->Get(page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "Verkeerde datum"));
  EXPECT_TRUE(Has(shown.body, "Ingetrokken"));
  EXPECT_FALSE(Has(visitor->Get(kArchive).body, "Verslag oude versie"));
  EXPECT_TRUE(Has(visitor->Get(std::string(kArchive) + "?q=parkeerproef").body, "Wij vonden niets"));
  EXPECT_EQ(visitor->Get(page + "/bestand").status, 403);
  EXPECT_EQ(council_->Get(page + "/bestand").status, 403) << "a council member reads only what is public";
  EXPECT_EQ(kernteam_->Get(page + "/bestand").status, 200) << "its keepers still open it";
  auto again = AppHarness::SubmitForm(*kernteam_, page, withdraw, {{"reason", "nog eens"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_history WHERE document_id = " + std::to_string(id)), 2);
}

TEST_F(ArchiveRoutesTest, ACouncilMemberFollowsAPlatformAndGetsOneDigestADay) {
  // Before the digest hour: the app's own job thread must not send Monday's
  // digest while the test sets things up (it did, now and then, at 18:30).
  h_.clock().Set(1795410000);  // Monday 23 November 2026, 6:00 in Haarlem
  auto archive = council_->Get(kArchive);
  ASSERT_EQ(archive.status, 200);
  EXPECT_TRUE(Has(archive.body, "Volg dit wijkplatform"));
  EXPECT_FALSE(Has(kernteam_->Get(kArchive).body, "Volg dit wijkplatform"));
  auto refused = kernteam_->PostForm("/wijkplatform/ter-kleef/volgen",
                                 {{"_csrf", AppHarness::CsrfToken(*kernteam_, kArchive)}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(kernteam_->Get("/mijn/volgen").status, 403);
  auto followed = council_->PostForm("/wijkplatform/ter-kleef/volgen", {{"_csrf", AppHarness::CsrfToken(*council_, kArchive)}});
  EXPECT_EQ(followed.status, 303);
  auto mine = council_->Get("/mijn/volgen");
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(Has(mine.body, "Wijkplatform Ter Kleef"));

  h_.clock().Advance(std::chrono::seconds(60));
  Add("Jaarverslag 2026", "twaalf activiteiten");
  const std::string digests = "SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'raadslid@example.nl'";
  int64_t before = Count(digests);
  h_.clock().Set(1795500000);  // Tuesday 24 November 2026, 8:00 in Haarlem
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(Count(digests), before + 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox WHERE body_text LIKE '%Jaarverslag 2026%'"), 1);
  h_.clock().Advance(std::chrono::seconds(3600));
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_EQ(Count(digests), before + 1) << "one digest per day";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_digests"), 1);

  auto stop = council_->PostForm("/wijkplatform/ter-kleef/ontvolgen", {{"_csrf", AppHarness::CsrfToken(*council_, kArchive)}});
  EXPECT_EQ(stop.status, 303);
  EXPECT_FALSE(Has(council_->Get("/mijn/volgen").body, "Wijkplatform Ter Kleef"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM archive_follow_history"), 2);
}

TEST_F(ArchiveRoutesTest, ThePlatformPageLinksToItsArchive) {
  auto page = h_.Client()->Get("/wijkplatform/ter-kleef");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "href=\"/wijkplatform/ter-kleef/archief\""));
}

}  // namespace
}  // namespace wp::archive
