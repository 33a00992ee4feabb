// HTTP tests of Wijk aan Zet against the real app on a free port: an official
// creates an edition; residents submit, edit and like plans; officials send
// back and merge (with consent); experts review; the vote's selection moves
// plans into implementation. Every refusal is checked to change nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "features/budgets/commands.h"
#include "features/budgets/edition_directory.h"
#include "testing/app_harness.h"
#include "testing/photos.h"
#include "wp_budgets_files.h"

namespace wp::budgets {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;
using wp::testing::HttpResponse;
using wp::testing::MultipartFile;

constexpr int64_t kDay = 24 * 3600;
// FakeClock starts at 2026-01-01 01:00 in Haarlem. Phases start at local
// midnight: plans from 2026-01-02, likes from 2026-02-01, review from
// 2026-03-01, voting from 2026-04-01 up to and including 2026-04-15 (the form's
// last day), so voting closes at 2026-04-16 00:00 CEST.
constexpr int64_t kPlansOpen = 1767308400;    // 2026-01-01T23:00:00Z
constexpr int64_t kLikesOpen = 1769900400;    // 2026-01-31T23:00:00Z
constexpr int64_t kReviewOpen = 1772319600;   // 2026-02-28T23:00:00Z
constexpr int64_t kVotingOpen = 1774994400;   // 2026-03-31T22:00:00Z (summer time)
constexpr int64_t kVotingClose = 1776290400;  // 2026-04-15T22:00:00Z

const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(64, 'j');

int64_t Count(AppHarness& h, const std::string& sql, const db::Params& params = {}) {
  return h.app().db().Read([&](db::Connection& c) { return c.QueryOne(sql, params); })->Int(0);
}

std::string Status(AppHarness& h, int64_t plan_id) {
  return h.app()
      .db()
      .Read([&](db::Connection& c) {
        return c.QueryOne("SELECT status FROM budget_plans WHERE id = ?", {db::Int(plan_id)});
      })
      ->Text(0);
}

int64_t MailsTo(AppHarness& h, const std::string& to) {
  return Count(h, "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", {db::Text(to)});
}

std::vector<std::pair<std::string, std::string>> EditionForm(const std::string& title = "Schalkwijk aan Zet 2026") {
  return {{"title", title},
          {"slug", ""},
          {"description", "Bewoners kiezen plannen."},
          {"budget", "70.000"},
          {"themes", "Elkaar ontmoeten\nOp straat & groen\nDuurzaamheid"},
          {"borough", "schalkwijk"},
          {"min_age", "16"},
          {"like_threshold", "2"},
          {"ballot_kind", "split_budget"},
          {"max_plans", ""},
          {"min_spend", ""},
          {"max_spend", ""},
          {"counting_rule", "equal_shares"},
          {"plans_open", "2026-01-02"},
          {"likes_open", "2026-02-01"},
          {"review_open", "2026-03-01"},
          {"voting_open", "2026-04-01"},
          {"voting_close", "2026-04-15"},
          {"published", "1"}};
}

class BudgetRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    official_ = h_.SignedInClient("gv@example.nl", {{auth::Role::kAreaLiaison, "schalkwijk"}});
    expert_ = h_.SignedInClient("expert@example.nl", {{auth::Role::kMunicipalExpert, ""}});
    ann_ = h_.SignedInClient("ann@example.nl");
    bob_ = h_.SignedInClient("bob@example.nl");
    cas_ = h_.SignedInClient("cas@example.nl");
  }

  // Moves the clock. Sessions last 14 days, so the clients sign in again
  // (the FakeClock jumps weeks between phases).
  void SetTime(int64_t t) {
    h_.clock().Set(t);
    const std::pair<HttpClient*, const char*> clients[] = {{official_.get(), "gv@example.nl"},
                                                           {expert_.get(), "expert@example.nl"},
                                                           {ann_.get(), "ann@example.nl"},
                                                           {bob_.get(), "bob@example.nl"},
                                                           {cas_.get(), "cas@example.nl"}};
    for (const auto& [c, email] : clients) {
      c->ClearCookies();
      auto r = AppHarness::SubmitForm(*c, "/inloggen", "/inloggen",
                                      {{"email", email}, {"password", "correct horse battery staple"}});
      ASSERT_EQ(r.status, 303) << email;
    }
  }

  void CreateEdition() {
    auto r = AppHarness::SubmitForm(*official_, "/beheer/wijkbudget/nieuw", "/beheer/wijkbudget/nieuw", EditionForm());
    ASSERT_EQ(r.status, 303) << r.body;
    ASSERT_EQ(r.Header("Location"), "/wijkbudget/schalkwijk-aan-zet-2026");
  }

  // Submits a plan as `c` (multipart, like the browser); returns the response.
  HttpResponse Submit(HttpClient& c, const std::string& title, std::vector<MultipartFile> files = {},
                      const std::string& amount = "1.250,50") {
    std::string csrf = AppHarness::CsrfToken(c, "/wijkbudget/schalkwijk-aan-zet-2026/plannen/nieuw");
    return c.PostMultipart("/wijkbudget/schalkwijk-aan-zet-2026/plannen/nieuw",
                           {{"_csrf", csrf},
                            {"title", title},
                            {"description", "Samen iets moois maken in de buurt."},
                            {"theme", "Op straat & groen"},
                            {"neighbourhood", FirstBuurt()},
                            {"cost_label_1", "Materiaal"},
                            {"cost_amount_1", amount},
                            {"cost_label_2", "Koffie"},
                            {"cost_amount_2", "49,50"}},
                           files);
  }

  int64_t SubmitOk(HttpClient& c, const std::string& title, std::vector<MultipartFile> files = {}) {
    auto r = Submit(c, title, std::move(files));
    EXPECT_EQ(r.status, 303) << r.body;
    std::string loc(r.Header("Location"));
    return std::stoll(loc.substr(loc.rfind('/') + 1));
  }

  std::string FirstBuurt() {
    return h_.app()
        .db()
        .Read([](db::Connection& c) { return c.QueryOne("SELECT MIN(neighbourhood_code) FROM budget_edition_area"); })
        ->Text(0);
  }

  std::string PlanUrl(int64_t id) { return "/wijkbudget/schalkwijk-aan-zet-2026/plannen/" + std::to_string(id); }
  std::string AdminUrl(int64_t id) {
    return "/beheer/wijkbudget/schalkwijk-aan-zet-2026/plannen/" + std::to_string(id);
  }

  HttpResponse Post(HttpClient& c, const std::string& page, const std::string& path,
                    std::vector<std::pair<std::string, std::string>> fields = {}) {
    return AppHarness::SubmitForm(c, page, path, std::move(fields));
  }

  AppHarness h_;
  std::unique_ptr<HttpClient> official_, expert_, ann_, bob_, cas_;
};

TEST_F(BudgetRoutesTest, OfficialCreatesEditionAndPublicPageShowsPhaseAndNextStep) {
  CreateEdition();
  auto page = h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Schalkwijk aan Zet 2026"), std::string::npos);
  EXPECT_NE(page.body.find("Fase: Binnenkort"), std::string::npos) << "2026-01-01 is before plans open";
  EXPECT_NE(page.body.find("Vanaf 2 januari 2026 kunt u plannen indienen."), std::string::npos);
  EXPECT_NE(page.body.find("€\xC2\xA0"
                           "70.000"),
            std::string::npos);
  EXPECT_NE(page.body.find("Duurzaamheid"), std::string::npos);
  EXPECT_NE(page.body.find("Methode van gelijke delen"), std::string::npos);
  SetTime(kPlansOpen + 3600);
  page = h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026");
  EXPECT_NE(page.body.find("Fase: Plannen indienen"), std::string::npos);
  EXPECT_NE(page.body.find("aria-current=\"step\""), std::string::npos);
  EXPECT_NE(page.body.find("/plannen/nieuw"), std::string::npos);
  EXPECT_NE(h_.Client()->Get("/wijkbudget").body.find("Schalkwijk aan Zet 2026"), std::string::npos);
  // Area: every buurt of Schalkwijk, none elsewhere.
  EXPECT_GT(Count(h_, "SELECT COUNT(*) FROM budget_edition_area"), 5);
}

TEST_F(BudgetRoutesTest, EditionRefusals) {
  // Not signed in: sent to sign in; resident: forbidden; bad CSRF: refused.
  auto anon = h_.Client();
  EXPECT_EQ(anon->Get("/beheer/wijkbudget/nieuw").status, 303);
  EXPECT_EQ(ann_->Get("/beheer/wijkbudget").status, 403);
  EXPECT_EQ(ann_->Get("/beheer/wijkbudget/nieuw").status, 403);
  auto r = Post(*ann_, "/wijkbudget", "/beheer/wijkbudget/nieuw", EditionForm());
  EXPECT_EQ(r.status, 403);
  auto fields = EditionForm();
  fields.insert(fields.begin(), {"_csrf", "wrong"});
  EXPECT_EQ(official_->PostForm("/beheer/wijkbudget/nieuw", fields).status, 403);
  // A gebiedsverbinder of another stadsdeel cannot make a Schalkwijk edition.
  auto other = h_.SignedInClient("gv2@example.nl", {{auth::Role::kAreaLiaison, "centrum"}});
  EXPECT_EQ(Post(*other, "/beheer/wijkbudget/nieuw", "/beheer/wijkbudget/nieuw", EditionForm()).status, 403);
  // Bad settings: dates out of order, zero budget, max spend above budget.
  fields = EditionForm();
  for (auto& [k, v] : fields) {
    if (k == "voting_open") v = "2026-02-15";
    if (k == "budget") v = "0";
    if (k == "max_spend") v = "80.000";
  }
  r = Post(*official_, "/beheer/wijkbudget/nieuw", "/beheer/wijkbudget/nieuw", fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("wp-error-summary"), std::string::npos);
  EXPECT_NE(r.body.find("De datums moeten na elkaar komen"), std::string::npos);
  EXPECT_NE(r.body.find("Het budget moet meer dan 0 euro zijn."), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#f-budget\""), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_editions"), 0);
  // Pick-up-to without k.
  fields = EditionForm();
  for (auto& [k, v] : fields) {
    if (k == "ballot_kind") v = "pick_up_to";
  }
  r = Post(*official_, "/beheer/wijkbudget/nieuw", "/beheer/wijkbudget/nieuw", fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_editions"), 0);
  // Same web address twice.
  CreateEdition();
  r = Post(*official_, "/beheer/wijkbudget/nieuw", "/beheer/wijkbudget/nieuw", EditionForm());
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Dit webadres is al in gebruik."), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_editions"), 1);
}

TEST_F(BudgetRoutesTest, DraftIsHiddenFromThePublic) {
  auto fields = EditionForm();
  std::erase_if(fields, [](const auto& f) { return f.first == "published"; });
  ASSERT_EQ(Post(*official_, "/beheer/wijkbudget/nieuw", "/beheer/wijkbudget/nieuw", fields).status, 303);
  EXPECT_EQ(h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026").status, 404);
  EXPECT_EQ(ann_->Get("/wijkbudget").body.find("Schalkwijk aan Zet 2026"), std::string::npos);
  auto own = official_->Get("/wijkbudget/schalkwijk-aan-zet-2026");
  EXPECT_EQ(own.status, 200);
  EXPECT_NE(own.body.find("nog niet gepubliceerd"), std::string::npos);
}

TEST_F(BudgetRoutesTest, OfficialEditsEdition) {
  CreateEdition();
  auto form = official_->Get("/beheer/wijkbudget/schalkwijk-aan-zet-2026");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"2026-04-15\""), std::string::npos);
  auto fields = EditionForm("Schalkwijk aan Zet 2026 (nieuw)");
  for (auto& [k, v] : fields) {
    if (k == "slug") v = "schalkwijk-aan-zet-2026";
  }
  auto r = Post(*official_, "/beheer/wijkbudget/schalkwijk-aan-zet-2026", "/beheer/wijkbudget/schalkwijk-aan-zet-2026",
                fields);
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_NE(h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026").body.find("(nieuw)"), std::string::npos);
  EXPECT_EQ(Post(*ann_, "/wijkbudget", "/beheer/wijkbudget/schalkwijk-aan-zet-2026", fields).status, 403);
}

TEST_F(BudgetRoutesTest, SubmitPlanWithPhotoAndCostBreakdown) {
  CreateEdition();
  // Before the plan phase: refused.
  EXPECT_EQ(ann_->Get("/wijkbudget/schalkwijk-aan-zet-2026/plannen/nieuw").status, 409);
  SetTime(kPlansOpen);
  // A phone photo: EXIF with the camera and the GPS position of the garden.
  const std::string original = testing::WithExif(testing::MakePicture("JPEG", 40, 20));
  ASSERT_NE(original.find("TestCam"), std::string::npos);
  int64_t id = SubmitOk(*ann_, "Moestuin Molenwijk", {{"photos", "tuin.jpg", "image/jpeg", original}});
  auto page = h_.Client()->Get(PlanUrl(id));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("Moestuin Molenwijk"), std::string::npos);
  EXPECT_NE(page.body.find("€\xC2\xA0"
                           "1.250,50"),
            std::string::npos);
  EXPECT_NE(page.body.find("€\xC2\xA0"
                           "1.300"),
            std::string::npos)
      << "total = 1250,50 + 49,50";
  EXPECT_EQ(Count(h_, "SELECT cost_cents FROM budget_plans WHERE id = ?", {db::Int(id)}), 130000);
  EXPECT_NE(page.body.find("Ingediend"), std::string::npos);
  // The photo: stored re-encoded under a random name, served as image/jpeg
  // with nosniff, without the EXIF block (camera, GPS position).
  std::string name =
      h_.app()
          .db()
          .Read([&](db::Connection& c) {
            return c.QueryOne("SELECT stored_name FROM budget_plan_photos WHERE plan_id = ?", {db::Int(id)});
          })
          ->Text(0);
  EXPECT_EQ(name.size(), 32u + 4u);
  EXPECT_EQ(name.find("tuin"), std::string::npos);
  EXPECT_NE(page.body.find(name), std::string::npos);
  auto photo = h_.Client()->Get(PlanUrl(id) + "/foto/" + name);
  EXPECT_EQ(photo.status, 200);
  EXPECT_EQ(photo.Header("Content-Type"), "image/jpeg");
  EXPECT_EQ(photo.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_TRUE(photo.body.starts_with("\xFF\xD8\xFF"));
  EXPECT_NE(photo.body, original);
  EXPECT_EQ(photo.body.find("Exif"), std::string::npos);
  EXPECT_EQ(photo.body.find("TestCam"), std::string::npos);
  std::ifstream stored(h_.config().upload_dir + "/budgets/" + name, std::ios::binary);
  std::string on_disk((std::istreambuf_iterator<char>(stored)), std::istreambuf_iterator<char>());
  EXPECT_EQ(on_disk, photo.body) << "the file kept is the clean one";
  EXPECT_EQ(h_.Client()->Get(PlanUrl(id + 1) + "/foto/" + name).status, 404) << "photo of another plan";
  EXPECT_NE(h_.Client()->Get(PlanUrl(id) + "/foto/../../etc").status, 200);
}

TEST_F(BudgetRoutesTest, SubmitRefusals) {
  CreateEdition();
  SetTime(kPlansOpen);
  // Not signed in.
  auto anon = h_.Client();
  anon->Get("/wijkbudget");
  auto r = anon->PostMultipart("/wijkbudget/schalkwijk-aan-zet-2026/plannen/nieuw",
                               {{"_csrf", AppHarness::CsrfToken(*anon, "/wijkbudget")}, {"title", "x"}}, {});
  EXPECT_EQ(r.status, 401);
  // Bad CSRF.
  r = ann_->PostMultipart("/wijkbudget/schalkwijk-aan-zet-2026/plannen/nieuw", {{"_csrf", "nope"}, {"title", "x"}}, {});
  EXPECT_EQ(r.status, 403);
  // A GIF, or a text file named .png: refused by their first bytes.
  r = Submit(*ann_, "Met gif", {{"photos", "a.gif", "image/gif", "GIF89a" + std::string(30, 'g')}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Dit is geen foto."), std::string::npos);
  r = Submit(*ann_, "Met nep-png", {{"photos", "a.png", "image/png", "<script>alert(1)</script>"}});
  EXPECT_EQ(r.status, 422);
  // Too large (over 5 MB).
  r = Submit(*ann_, "Te groot", {{"photos", "big.jpg", "image/jpeg", kJpeg + std::string(5 * 1024 * 1024, 'x')}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("De foto is te groot"), std::string::npos);
  // Bad amount, missing title: field errors, typed values kept.
  r = Submit(*ann_, "", {}, "veel geld");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("href=\"#f-title\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#f-cost_1\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"veel geld\""), std::string::npos);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_plans"), 0);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_plan_photos"), 0);
  // After the plan phase: closed.
  SetTime(kLikesOpen);
  r = Submit(*ann_, "Te laat");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_plans"), 0);
}

TEST_F(BudgetRoutesTest, SubmitterEditsUntilThePhaseCloses) {
  CreateEdition();
  SetTime(kPlansOpen);
  int64_t id = SubmitOk(*ann_, "Bankjes");
  std::string edit = PlanUrl(id) + "/bewerken";
  auto form = ann_->Get(edit);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"1250,50\""), std::string::npos);
  std::vector<std::pair<std::string, std::string>> fields = {
      {"title", "Bankjes bij de vijver"}, {"description", "Drie bankjes."}, {"theme", "Elkaar ontmoeten"},
      {"neighbourhood", FirstBuurt()},    {"cost_label_1", "Bankjes"},      {"cost_amount_1", "3000"}};
  auto r = ann_->PostMultipart(edit,
                               [&] {
                                 auto f = fields;
                                 f.insert(f.begin(), {"_csrf", AppHarness::CsrfToken(*ann_, edit)});
                                 return f;
                               }(),
                               {});
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(Count(h_, "SELECT cost_cents FROM budget_plans WHERE id = ?", {db::Int(id)}), 300000);
  // Someone else may not edit.
  EXPECT_EQ(bob_->Get(edit).status, 403);
  auto f2 = fields;
  f2.insert(f2.begin(), {"_csrf", AppHarness::CsrfToken(*bob_, "/wijkbudget")});
  f2[1].second = "Gekaapt";
  EXPECT_EQ(bob_->PostMultipart(edit, f2, {}).status, 403);
  // After the phase: closed.
  SetTime(kLikesOpen);
  f2 = fields;
  f2.insert(f2.begin(), {"_csrf", AppHarness::CsrfToken(*ann_, "/wijkbudget")});
  f2[1].second = "Te laat";
  EXPECT_EQ(ann_->PostMultipart(edit, f2, {}).status, 409);
  EXPECT_EQ(h_.app()
                .db()
                .Read([&](db::Connection& c) {
                  return c.QueryOne("SELECT title FROM budget_plans WHERE id = ?", {db::Int(id)});
                })
                ->Text(0),
            "Bankjes bij de vijver");
}

TEST_F(BudgetRoutesTest, OnlyTheSubmitterWithdraws) {
  CreateEdition();
  SetTime(kPlansOpen);
  int64_t id = SubmitOk(*ann_, "Bloembakken");
  EXPECT_EQ(Post(*bob_, PlanUrl(id), PlanUrl(id) + "/intrekken").status, 403);
  EXPECT_EQ(Status(h_, id), "submitted");
  EXPECT_EQ(Post(*ann_, PlanUrl(id), PlanUrl(id) + "/intrekken").status, 303);
  EXPECT_EQ(Status(h_, id), "withdrawn");
  EXPECT_EQ(h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026/plannen").body.find("Bloembakken"),
            std::string::npos);
  EXPECT_EQ(Post(*ann_, PlanUrl(id), PlanUrl(id) + "/intrekken").status, 409) << "withdrawn once";
}

TEST_F(BudgetRoutesTest, SendBackWithTipsThenResubmit) {
  CreateEdition();
  SetTime(kPlansOpen);
  int64_t id = SubmitOk(*ann_, "Speeltuin");
  // Tips are required; residents may not send back.
  auto r = Post(*official_, AdminUrl(id), AdminUrl(id) + "/terugsturen", {{"tips", "  "}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Schrijf tips voor de indiener."), std::string::npos);
  EXPECT_EQ(Post(*bob_, PlanUrl(id), AdminUrl(id) + "/terugsturen", {{"tips", "Doe het anders"}}).status, 403);
  EXPECT_EQ(Status(h_, id), "submitted");
  r = Post(*official_, AdminUrl(id), AdminUrl(id) + "/terugsturen", {{"tips", "Vraag een offerte op."}});
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(Status(h_, id), "sent_back");
  EXPECT_EQ(MailsTo(h_, "ann@example.nl"), 1);
  auto page = ann_->Get(PlanUrl(id));
  EXPECT_NE(page.body.find("Vraag een offerte op."), std::string::npos);
  EXPECT_NE(page.body.find("Teruggestuurd met tips"), std::string::npos);
  std::string edit = PlanUrl(id) + "/bewerken";
  r = ann_->PostMultipart(edit,
                          {{"_csrf", AppHarness::CsrfToken(*ann_, edit)},
                           {"title", "Speeltuin met offerte"},
                           {"description", "Nu met offerte."},
                           {"theme", "Op straat & groen"},
                           {"neighbourhood", FirstBuurt()},
                           {"cost_label_1", "Toestel"},
                           {"cost_amount_1", "5000"}},
                          {});
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(Status(h_, id), "resubmitted");
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_plan_history WHERE plan_id = ?", {db::Int(id)}), 3);
}

TEST_F(BudgetRoutesTest, MergeNeedsBothSubmitters) {
  CreateEdition();
  SetTime(kPlansOpen);
  int64_t a = SubmitOk(*ann_, "Bankje A");
  int64_t b = SubmitOk(*bob_, "Bankje B");
  auto r = Post(*official_, AdminUrl(a), AdminUrl(a) + "/samenvoegen",
                {{"target", std::to_string(b)}, {"note", "Lijkt op elkaar"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(MailsTo(h_, "ann@example.nl"), 1);
  EXPECT_EQ(MailsTo(h_, "bob@example.nl"), 1);
  int64_t merge = Count(h_, "SELECT MAX(id) FROM budget_merges");
  std::string answer = PlanUrl(a) + "/samenvoegen/" + std::to_string(merge);
  // A stranger cannot consent for them.
  EXPECT_EQ(Post(*cas_, PlanUrl(a), answer, {{"answer", "yes"}}).status, 403);
  // One consent is not enough.
  EXPECT_EQ(Post(*ann_, PlanUrl(a), answer, {{"answer", "yes"}}).status, 303);
  EXPECT_EQ(Status(h_, a), "submitted");
  EXPECT_NE(bob_->Get(PlanUrl(b)).body.find("Ik ben akkoord"), std::string::npos);
  // The second consent merges A into B.
  EXPECT_EQ(Post(*bob_, PlanUrl(b), PlanUrl(b) + "/samenvoegen/" + std::to_string(merge), {{"answer", "yes"}}).status,
            303);
  EXPECT_EQ(Status(h_, a), "merged");
  EXPECT_EQ(Status(h_, b), "submitted");
  EXPECT_EQ(Count(h_, "SELECT merged_into FROM budget_plans WHERE id = ?", {db::Int(a)}), b);
  // Answered proposals cannot be answered again.
  EXPECT_EQ(Post(*ann_, PlanUrl(a), answer, {{"answer", "no"}}).status, 409);
}

TEST_F(BudgetRoutesTest, DeclinedMergeChangesNothing) {
  CreateEdition();
  SetTime(kPlansOpen);
  int64_t a = SubmitOk(*ann_, "Bankje A");
  int64_t b = SubmitOk(*bob_, "Bankje B");
  ASSERT_EQ(Post(*official_, AdminUrl(a), AdminUrl(a) + "/samenvoegen", {{"target", std::to_string(b)}}).status, 303);
  int64_t merge = Count(h_, "SELECT MAX(id) FROM budget_merges");
  EXPECT_EQ(Post(*ann_, PlanUrl(a), PlanUrl(a) + "/samenvoegen/" + std::to_string(merge), {{"answer", "yes"}}).status,
            303);
  EXPECT_EQ(Post(*bob_, PlanUrl(b), PlanUrl(b) + "/samenvoegen/" + std::to_string(merge), {{"answer", "no"}}).status,
            303);
  EXPECT_EQ(Status(h_, a), "submitted");
  EXPECT_EQ(Status(h_, b), "submitted");
  // A merge without a target is a form error.
  auto r = Post(*official_, AdminUrl(a), AdminUrl(a) + "/samenvoegen", {{"target", ""}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Kies het plan om mee samen te voegen."), std::string::npos);
}

TEST_F(BudgetRoutesTest, LikesOnlyInLikePhaseOncePerAccountWithProgressBar) {
  CreateEdition();
  SetTime(kPlansOpen);
  int64_t id = SubmitOk(*ann_, "Picknicktafels");
  std::string like = PlanUrl(id) + "/like";
  // Outside the like phase.
  EXPECT_EQ(Post(*bob_, PlanUrl(id), like).status, 409);
  SetTime(kLikesOpen);
  // Not signed in.
  auto anon = h_.Client();
  EXPECT_EQ(Post(*anon, PlanUrl(id), like).status, 401);
  EXPECT_NE(anon->Get(PlanUrl(id)).body.find("Log in om een like te geven"), std::string::npos);
  // Bad CSRF.
  EXPECT_EQ(bob_->PostForm(like, {{"_csrf", "x"}}).status, 403);
  EXPECT_EQ(Post(*bob_, PlanUrl(id), like).status, 303);
  auto page = bob_->Get(PlanUrl(id));
  EXPECT_NE(page.body.find("1 van 2 likes"), std::string::npos);
  EXPECT_NE(page.body.find("<progress class=\"wp-progress\" max=\"2\" value=\"1\""), std::string::npos);
  EXPECT_NE(page.body.find("Like intrekken"), std::string::npos);
  // Twice: refused; undo and like again works.
  EXPECT_EQ(Post(*bob_, PlanUrl(id), like).status, 409);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_likes"), 1);
  EXPECT_EQ(Post(*bob_, PlanUrl(id), PlanUrl(id) + "/like-intrekken").status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_likes"), 0);
  EXPECT_EQ(Post(*bob_, PlanUrl(id), PlanUrl(id) + "/like-intrekken").status, 409);
  EXPECT_EQ(Post(*bob_, PlanUrl(id), like).status, 303);
  EXPECT_EQ(Post(*cas_, "/wijkbudget/schalkwijk-aan-zet-2026/plannen", like,
                 {{"next", "/wijkbudget/schalkwijk-aan-zet-2026/plannen"}})
                .Header("Location"),
            "/wijkbudget/schalkwijk-aan-zet-2026/plannen");
  auto list = h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026/plannen");
  EXPECT_NE(list.body.find("2 van 2 likes (genoeg likes)"), std::string::npos);
  // After the like phase: no more likes or undos.
  SetTime(kReviewOpen);
  EXPECT_EQ(Post(*ann_, PlanUrl(id), like).status, 409);
  EXPECT_EQ(Post(*bob_, PlanUrl(id), PlanUrl(id) + "/like-intrekken").status, 409);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_likes"), 2);
}

// #20 item 2: the directory keeps what codes and voting read on every step
// of a voter. A change through this process (here the official's edit
// through the site) shows at once; a change it did not make (the UPDATE
// below stands for another process sharing the database) shows once the
// kept copy is `cache_ms` old by the clock.
TEST_F(BudgetRoutesTest, Issue20_TheEditionDirectoryKeepsAnEditionUntilAChangeOrItsTime) {
  CreateEdition();
  i18n::Catalog catalog;
  ASSERT_TRUE(catalog.AddFiles(BudgetsFiles()).has_value());
  SeededRandom random(1);
  BudgetCommands commands(h_.app().db(), h_.clock(), random, catalog, BudgetsOptions{});
  EditionDirectory kept(commands, 1000);
  EditionDirectory reads(commands);
  auto title = [](const EditionDirectory& d) {
    auto e = d.FindBySlug("schalkwijk-aan-zet-2026");
    EXPECT_TRUE(e.has_value() && *e);
    return e.has_value() && *e ? (*e)->title : std::string();
  };
  auto elsewhere = [&](const std::string& t) {
    ASSERT_TRUE(h_.app()
                    .db()
                    .Write([&](db::Connection& c) {
                      return c.Execute("UPDATE budget_editions SET title = ? WHERE slug = ?",
                                       {t, std::string("schalkwijk-aan-zet-2026")});
                    })
                    .has_value());
  };
  const std::string first = title(kept);
  elsewhere("Elders gewijzigd");
  EXPECT_EQ(title(kept), first) << "kept";
  EXPECT_EQ(title(reads), "Elders gewijzigd");
  h_.clock().Advance(std::chrono::seconds(1));
  EXPECT_EQ(title(kept), "Elders gewijzigd") << "a second later";
  elsewhere("Nog eens elders");
  EXPECT_EQ(title(kept), "Elders gewijzigd");
  auto fields = EditionForm("Schalkwijk aan Zet 2026 (nieuw)");
  for (auto& [k, v] : fields) {
    if (k == "slug") v = "schalkwijk-aan-zet-2026";
  }
  ASSERT_EQ(Post(*official_, "/beheer/wijkbudget/schalkwijk-aan-zet-2026", "/beheer/wijkbudget/schalkwijk-aan-zet-2026",
                 fields)
                .status,
            303);
  EXPECT_EQ(title(kept), "Schalkwijk aan Zet 2026 (nieuw)") << "a change through this process shows at once";
  // 0 keeps nothing.
  EditionDirectory off(commands, 0);
  EXPECT_EQ(title(off), "Schalkwijk aan Zet 2026 (nieuw)");
  elsewhere("Zonder bewaren");
  EXPECT_EQ(title(off), "Zonder bewaren");
}

// The whole cycle: likes decide who goes on, experts review, the vote's
// selection goes through the EditionDirectory, funded plans are followed to done.
TEST_F(BudgetRoutesTest, FullCycleFromLikesToImplementation) {
  CreateEdition();
  SetTime(kPlansOpen);
  int64_t tuin = SubmitOk(*ann_, "Moestuin");
  int64_t kamer = SubmitOk(*bob_, "Buurtkamer");
  int64_t drempel = SubmitOk(*cas_, "Drempels");
  int64_t skate = SubmitOk(*ann_, "Skatebaan");
  int64_t repair = SubmitOk(*bob_, "Repair cafe");
  SetTime(kLikesOpen);
  for (int64_t id : {tuin, kamer, drempel, skate}) {
    ASSERT_EQ(Post(*cas_, PlanUrl(id), PlanUrl(id) + "/like").status, 303);
    ASSERT_EQ(Post(*official_, PlanUrl(id), PlanUrl(id) + "/like").status, 303);
  }
  ASSERT_EQ(Post(*cas_, PlanUrl(repair), PlanUrl(repair) + "/like").status, 303);
  // Review phase: plans at the threshold go on, the other stops with next steps.
  SetTime(kReviewOpen);
  auto page = h_.Client()->Get(PlanUrl(repair));
  EXPECT_NE(page.body.find("Te weinig likes"), std::string::npos);
  EXPECT_NE(page.body.find("Andere steun voor uw plan"), std::string::npos);
  EXPECT_EQ(Status(h_, tuin), "on_to_review");
  EXPECT_EQ(Status(h_, repair), "below_threshold");
  EXPECT_EQ(MailsTo(h_, "bob@example.nl"), 1) << "below threshold mail";
  // Refusals: a resident cannot review; not feasible needs a reason; an unknown outcome is an error.
  EXPECT_EQ(Post(*ann_, PlanUrl(tuin), AdminUrl(tuin) + "/beoordelen", {{"outcome", "feasible"}}).status, 403);
  auto r = Post(*expert_, AdminUrl(skate), AdminUrl(skate) + "/beoordelen", {{"outcome", "not_feasible"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Schrijf waarom het plan niet haalbaar is."), std::string::npos);
  r = Post(*expert_, AdminUrl(drempel), AdminUrl(drempel) + "/beoordelen", {{"outcome", "municipal_duty"}});
  EXPECT_EQ(r.status, 422);
  r = Post(*expert_, AdminUrl(kamer), AdminUrl(kamer) + "/beoordelen", {{"outcome", "feasible_with_conditions"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(Post(*expert_, AdminUrl(tuin), AdminUrl(tuin) + "/beoordelen", {{"outcome", "ja"}}).status, 422);
  EXPECT_EQ(Status(h_, skate), "on_to_review");
  // The reviews.
  ASSERT_EQ(Post(*expert_, AdminUrl(tuin), AdminUrl(tuin) + "/beoordelen", {{"outcome", "feasible"}}).status, 303);
  ASSERT_EQ(Post(*expert_, AdminUrl(kamer), AdminUrl(kamer) + "/beoordelen",
                 {{"outcome", "feasible_with_conditions"}, {"review_note", "Vaste sleutelhouder nodig."}})
                .status,
            303);
  ASSERT_EQ(Post(*expert_, AdminUrl(drempel), AdminUrl(drempel) + "/beoordelen",
                 {{"outcome", "municipal_duty"}, {"review_note", "Doorgestuurd naar Verkeer."}})
                .status,
            303);
  ASSERT_EQ(Post(*expert_, AdminUrl(skate), AdminUrl(skate) + "/beoordelen",
                 {{"outcome", "not_feasible"}, {"review_note", "De grond is niet van de gemeente."}})
                .status,
            303);
  // Reviewed once only.
  EXPECT_EQ(Post(*expert_, AdminUrl(tuin), AdminUrl(tuin) + "/beoordelen",
                 {{"outcome", "not_feasible"}, {"review_note", "toch niet"}})
                .status,
            409);
  EXPECT_EQ(MailsTo(h_, "cas@example.nl"), 1) << "municipal duty mail";
  page = h_.Client()->Get(PlanUrl(skate));
  EXPECT_NE(page.body.find("De grond is niet van de gemeente."), std::string::npos);
  EXPECT_NE(page.body.find("Andere steun voor uw plan"), std::string::npos);
  EXPECT_NE(h_.Client()->Get(PlanUrl(kamer)).body.find("Vaste sleutelhouder nodig."), std::string::npos);
  // Voting: the ballot holds the feasible plans.
  SetTime(kVotingOpen);
  i18n::Catalog catalog;
  ASSERT_TRUE(catalog.AddFiles(BudgetsFiles()).has_value());
  SeededRandom random(1);
  BudgetCommands commands(h_.app().db(), h_.clock(), random, catalog, BudgetsOptions{});
  EditionDirectory directory(commands);
  auto edition = directory.FindBySlug("schalkwijk-aan-zet-2026");
  ASSERT_TRUE(edition.has_value() && *edition);
  EXPECT_EQ(PhaseAt(**edition, h_.clock().NowUnixSeconds()), Phase::kVoting);
  auto ballot = directory.BallotPlans((*edition)->id);
  ASSERT_TRUE(ballot.has_value());
  ASSERT_EQ(ballot->size(), 2u);
  EXPECT_EQ((*ballot)[0].title, "Buurtkamer");  // same theme: by title
  EXPECT_EQ((*ballot)[1].plan_id, tuin);
  EXPECT_EQ((*ballot)[1].cost_cents, 130000);
  EXPECT_NE(
      h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026").body.find("/wijkbudget/schalkwijk-aan-zet-2026/stemmen"),
      std::string::npos);
  // A selected plan must be on the ballot; a bad call changes nothing.
  auto bad =
      h_.app().db().Write([&](db::Connection& c) { return directory.RecordSelection(c, (*edition)->id, {skate}); });
  EXPECT_FALSE(bad.has_value());
  auto ok =
      h_.app().db().Write([&](db::Connection& c) { return directory.RecordSelection(c, (*edition)->id, {tuin}); });
  ASSERT_TRUE(ok.has_value()) << ok.error().detail;
  EXPECT_EQ(Status(h_, tuin), "selected");
  EXPECT_EQ(Status(h_, kamer), "not_selected");
  auto again =
      h_.app().db().Write([&](db::Connection& c) { return directory.RecordSelection(c, (*edition)->id, {tuin}); });
  EXPECT_FALSE(again.has_value()) << "recorded once";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '%is gekozen%'"), 1);
  EXPECT_NE(h_.Client()->Get(PlanUrl(kamer)).body.find("Andere steun voor uw plan"), std::string::npos);
  // Implementation: milestones by the official, progress by the submitter.
  SetTime(kVotingClose + kDay);
  auto r2 = Post(*official_, AdminUrl(tuin), AdminUrl(tuin) + "/mijlpaal",
                 {{"milestone_title", "Bakken geplaatst"}, {"milestone_due", "2026-06-01"}});
  ASSERT_EQ(r2.status, 303) << r2.body;
  EXPECT_EQ(Post(*ann_, PlanUrl(tuin), AdminUrl(tuin) + "/mijlpaal",
                 {{"milestone_title", "Zelf"}, {"milestone_due", "2026-06-01"}})
                .status,
            403);
  EXPECT_EQ(Post(*official_, AdminUrl(kamer), AdminUrl(kamer) + "/mijlpaal",
                 {{"milestone_title", "Niet gekozen"}, {"milestone_due", "2026-06-01"}})
                .status,
            409);
  int64_t milestone = Count(h_, "SELECT MAX(id) FROM budget_milestones");
  EXPECT_EQ(Post(*bob_, PlanUrl(tuin), PlanUrl(tuin) + "/voortgang", {{"note", "Niet van mij"}}).status, 403);
  r2 = Post(*ann_, PlanUrl(tuin), PlanUrl(tuin) + "/voortgang", {{"note", ""}});
  EXPECT_EQ(r2.status, 422);
  EXPECT_NE(r2.body.find("Schrijf wat er is gebeurd."), std::string::npos);
  ASSERT_EQ(Post(*ann_, PlanUrl(tuin), PlanUrl(tuin) + "/voortgang",
                 {{"note", "De bakken staan er."}, {"milestone", std::to_string(milestone)}})
                .status,
            303);
  EXPECT_EQ(Status(h_, tuin), "in_progress");
  ASSERT_EQ(Post(*official_, PlanUrl(tuin), PlanUrl(tuin) + "/voortgang",
                 {{"note", "Alles klaar, feestelijk geopend."}, {"plan_done", "1"}})
                .status,
            303);
  EXPECT_EQ(Status(h_, tuin), "done");
  auto edition_page = h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026");
  EXPECT_NE(edition_page.body.find("Plannen die geld kregen"), std::string::npos);
  EXPECT_NE(edition_page.body.find("Moestuin"), std::string::npos);
  EXPECT_NE(edition_page.body.find("Klaar"), std::string::npos);
  auto tuin_page = h_.Client()->Get(PlanUrl(tuin));
  EXPECT_NE(tuin_page.body.find("Bakken geplaatst"), std::string::npos);
  // The due date is a local date: 1 June 00:00 CEST.
  EXPECT_EQ(Count(h_, "SELECT due_at FROM budget_milestones WHERE id = ?", {db::Int(milestone)}),
            1780264800);  // 2026-05-31T22:00:00Z
  EXPECT_NE(tuin_page.body.find("1 juni 2026"), std::string::npos);
  EXPECT_NE(tuin_page.body.find("De bakken staan er."), std::string::npos);
  // The history only grows: submitted, on to review, feasible, on ballot, selected, in progress, done.
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_plan_history WHERE plan_id = ?", {db::Int(tuin)}), 7);
}

TEST_F(BudgetRoutesTest, DemoContentIsInTheVotingPhaseAndIdempotent) {
  ASSERT_TRUE(h_.app().LoadDemoContent().has_value());
  ASSERT_TRUE(h_.app().LoadDemoContent().has_value());
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM budget_editions"), 2);
  auto page = h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Fase: Stemmen"), std::string::npos);
  EXPECT_EQ(Count(h_,
                  "SELECT COUNT(*) FROM budget_plans p JOIN budget_editions e ON e.id = p.edition_id "
                  "WHERE e.slug = 'schalkwijk-aan-zet-2026' AND p.status = 'on_ballot'"),
            5);
  auto old = h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2025");
  EXPECT_NE(old.body.find("Plannen die geld kregen"), std::string::npos);
  // Every demo phase starts at local midnight, as the edition form sets it.
  auto dates = h_.app().db().Read([](db::Connection& c) {
    return c.Query("SELECT plans_open, likes_open, review_open, voting_open, voting_close FROM budget_editions");
  });
  ASSERT_TRUE(dates.has_value());
  for (const auto& row : *dates) {
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(h_.app().zone().IsStartOfDay(row.Int(i))) << row.Int(i);
  }
}

// Issue #22 item 5: phase dates are local dates. The form said "middernacht
// (UTC)" and stored UTC midnights, so the phases started at 01:00 or 02:00 in
// Haarlem and the count page showed a different closing time than this page.
TEST_F(BudgetRoutesTest, Issue22_PhaseDatesAreLocalDates) {
  auto form = official_->Get("/beheer/wijkbudget/nieuw");
  EXPECT_NE(form.body.find("om 0.00 uur (Nederlandse tijd)"), std::string::npos);
  EXPECT_EQ(form.body.find("UTC"), std::string::npos);
  EXPECT_NE(form.body.find("Laatste dag van het stemmen"), std::string::npos);
  CreateEdition();
  auto row = h_.app().db().Read([](db::Connection& c) {
    return c.QueryOne("SELECT plans_open, likes_open, review_open, voting_open, voting_close FROM budget_editions");
  });
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->Int(0), kPlansOpen);
  EXPECT_EQ(row->Int(1), kLikesOpen);
  EXPECT_EQ(row->Int(2), kReviewOpen);
  EXPECT_EQ(row->Int(3), kVotingOpen);
  EXPECT_EQ(row->Int(4), kVotingClose) << "the end of the last day, 15 April";
  // The edit form gives the same dates back.
  form = official_->Get("/beheer/wijkbudget/schalkwijk-aan-zet-2026");
  for (const char* d : {"2026-01-02", "2026-02-01", "2026-03-01", "2026-04-01", "2026-04-15"}) {
    EXPECT_NE(form.body.find(std::string("value=\"") + d + "\""), std::string::npos) << d;
  }
  // The phases change at local midnight.
  auto phase_at = [&](int64_t t) {
    h_.clock().Set(t);
    std::string body = h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026").body;
    size_t at = body.find("Fase: ");
    return at == std::string::npos ? "" : body.substr(at + 6, body.find('<', at) - at - 6);
  };
  EXPECT_EQ(phase_at(kVotingOpen - 1), "Toets door de gemeente") << "31 March, 23:59:59";
  EXPECT_EQ(phase_at(kVotingOpen), "Stemmen");
  EXPECT_EQ(phase_at(kVotingClose - 1), "Stemmen") << "15 April, 23:59:59";
  EXPECT_EQ(phase_at(kVotingClose), "Uitvoering");
  h_.clock().Set(kVotingOpen);
  auto page = h_.Client()->Get("/wijkbudget/schalkwijk-aan-zet-2026");
  EXPECT_NE(page.body.find("U kunt stemmen tot en met 15 april 2026."), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("Stemmen<span class=\"wp-visually-hidden\"> (nu bezig)</span></span>"
                           "<span class=\"wp-stepper__detail\">vanaf 1 april 2026</span>"),
            std::string::npos);
  EXPECT_NE(page.body.find("Uitvoering</span><span class=\"wp-stepper__detail\">vanaf 16 april 2026</span>"),
            std::string::npos);
}

}  // namespace
}  // namespace wp::budgets
