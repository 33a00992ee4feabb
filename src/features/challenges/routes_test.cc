// HTTP tests of the right to challenge: a challenge through every gate to
// running (checks with reasons, business case, go decisions, the agreement
// PDF, reports), every decision e-mailed, a no-go that stops it, and missing
// rights and bad input that change nothing. On SQLite, and on PostgreSQL
// when WP_TEST_DATABASE=postgres.
#include <gtest/gtest.h>

#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::challenges {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;
using Fields = std::vector<std::pair<std::string, std::string>>;

int64_t Count(AppHarness& h, const std::string& sql) { return wp::testing::Count(h.app().db(), sql); }
bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

int MailsTo(AppHarness& h, const std::string& to, const std::string& subject_part) {
  int n = 0;
  for (const auto& m : wp::testing::Outbox(h.app().db())) {
    if (m.to == to && Has(m.subject, subject_part)) ++n;
  }
  return n;
}

class ChallengeRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);
    group_ = h_.SignedInClient("anouk@example.nl");
    liaison_ = h_.SignedInClient("gv@haarlem.example", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  }

  // Sessions end when the clock moves weeks on: sign both in again.
  void SignInAgain() {
    for (auto [client, email] : {std::pair{&group_, "anouk@example.nl"}, std::pair{&liaison_, "gv@haarlem.example"}}) {
      *client = h_.Client();
      ASSERT_EQ(AppHarness::SubmitForm(**client, "/inloggen", "/inloggen",
                                       {{"email", email}, {"password", "correct horse battery staple"}})
                    .status,
                303);
    }
  }

  int64_t Submit(const std::string& estimate) {
    auto r = AppHarness::SubmitForm(*group_, "/uitdaagrecht/nieuw", "/uitdaagrecht/nieuw",
                                    {{"task", "Het groen in het Zaanenpark onderhouden"},
                                     {"area", "Zaanenpark"},
                                     {"borough", "schalkwijk"},
                                     {"group_name", "Stichting Zaanenpark"},
                                     {"legal_entity", "1"},
                                     {"estimate", estimate},
                                     {"contact_name", "Anouk"},
                                     {"contact_email", "anouk@example.nl"}});
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 3000);
    std::string loc(r.Header("Location"));
    return std::stoll(loc.substr(loc.rfind('/') + 1));
  }

  wp::testing::HttpResponse Post(HttpClient& who, int64_t id, const std::string& action, const Fields& fields) {
    std::string page = "/uitdaagrecht/" + std::to_string(id);
    return AppHarness::SubmitForm(who, page, page + action, fields);
  }

  wp::testing::HttpResponse Check(int64_t id, const std::string& criterion, const std::string& met) {
    return Post(*liaison_, id, "/toets", {{"criterion", criterion}, {"met", met}, {"reason", "Getoetst: " + met}});
  }

  // Takes challenge `id` (below the legal-entity threshold) to running.
  void Start(int64_t id) {
    for (const char* c : {"rooted", "cost", "transferable"}) ASSERT_EQ(Check(id, c, "yes").status, 303);
    ASSERT_EQ(Post(*liaison_, id, "/besluit", {{"moment", "gate"}, {"decision", "go"}, {"reasons", "Goed."}}).status,
              303);
    std::string case_page = "/uitdaagrecht/" + std::to_string(id) + "/businesscase";
    ASSERT_EQ(AppHarness::SubmitForm(*group_, case_page, case_page,
                                     {{"lines", "Maaien;1500"}, {"current_cost", "2500"}, {"risks", "-"}, {"quality", "-"}})
                  .status,
              303);
    ASSERT_EQ(
        Post(*liaison_, id, "/besluit", {{"moment", "business_case"}, {"decision", "go"}, {"reasons", "Goed."}}).status,
        303);
    ASSERT_EQ(Post(*liaison_, id, "/besluit", {{"moment", "start"}, {"decision", "go"}, {"reasons", "Getekend."}}).status,
              303);
  }

  void DaysLater(int days) {
    h_.clock().Set(h_.clock().NowUnixSeconds() + static_cast<int64_t>(days) * 86400);
    ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  }

  AppHarness h_;
  std::unique_ptr<HttpClient> group_, liaison_;
};

TEST_F(ChallengeRoutesTest, FromGateToRunningWithEveryDecisionMailed) {
  int64_t id = Submit("5.000");
  EXPECT_EQ(MailsTo(h_, "gv@haarlem.example", "nieuwe uitdaging"), 1);
  std::string page = "/uitdaagrecht/" + std::to_string(id);

  auto early = Post(*liaison_, id, "/besluit", {{"moment", "gate"}, {"decision", "go"}, {"reasons", "Snel"}});
  EXPECT_EQ(early.status, 409);
  EXPECT_TRUE(Has(early.body, "Niet alle voorwaarden")) << early.body.substr(0, 2000);
  for (const char* c : {"rooted", "cost", "transferable"}) EXPECT_EQ(Check(id, c, "yes").status, 303);
  EXPECT_EQ(Post(*liaison_, id, "/besluit", {{"moment", "gate"}, {"decision", "go"}, {"reasons", "x"}}).status, 409)
      << "above EUR 3,000 the legal entity is a criterion too";
  EXPECT_EQ(Check(id, "legal_entity", "yes").status, 303);
  EXPECT_EQ(MailsTo(h_, "anouk@example.nl", "voorwaarde getoetst"), 4);
  auto gate = Post(*liaison_, id, "/besluit", {{"moment", "gate"}, {"decision", "go"}, {"reasons", "Alles in orde."}});
  EXPECT_EQ(gate.status, 303) << gate.body.substr(0, 2000);
  EXPECT_TRUE(Has(h_.Client()->Get(page).body, "Getoetst: yes")) << "each check shows its reason";

  std::string case_page = page + "/businesscase";
  auto dear = AppHarness::SubmitForm(*group_, case_page, case_page,
                                     {{"lines", "Maaien;4000\nMateriaal;1500"},
                                      {"current_cost", "5000"},
                                      {"risks", "Te weinig vrijwilligers."},
                                      {"quality", "Elke week een ronde."}});
  EXPECT_EQ(dear.status, 303) << dear.body.substr(0, 2000);
  auto too_dear =
      Post(*liaison_, id, "/besluit", {{"moment", "business_case"}, {"decision", "go"}, {"reasons", "Goed plan."}});
  EXPECT_EQ(too_dear.status, 409);
  EXPECT_TRUE(Has(too_dear.body, "hoger dan wat de gemeente nu uitgeeft"));
  EXPECT_EQ(AppHarness::SubmitForm(*group_, case_page, case_page,
                                   {{"lines", "Maaien;3500\nMateriaal;1000"},
                                    {"current_cost", "5000"},
                                    {"risks", "Te weinig vrijwilligers."},
                                    {"quality", "Elke week een ronde."}})
                .status,
            303);
  EXPECT_EQ(h_.Client()->Get(page + "/overeenkomst.pdf").status, 409) << "no agreement before the go";
  EXPECT_EQ(
      Post(*liaison_, id, "/besluit", {{"moment", "business_case"}, {"decision", "go"}, {"reasons", "Goed."}}).status,
      303);
  auto pdf = h_.Client()->Get(page + "/overeenkomst.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(Post(*group_, id, "/rapportage", {{"period", "Q1"}, {"text", "x"}, {"spent", "10"}}).status, 409)
      << "reports once it runs";
  EXPECT_EQ(Post(*liaison_, id, "/besluit", {{"moment", "start"}, {"decision", "go"}, {"reasons", "Getekend."}}).status,
            303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM challenges WHERE stage = 'running'"), 1);
  EXPECT_EQ(MailsTo(h_, "anouk@example.nl", "besluit over uw uitdaging"), 3);

  auto bad = Post(*group_, id, "/rapportage", {{"period", ""}, {"text", "Gemaaid"}, {"spent", "veel"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(
      Post(*group_, id, "/rapportage", {{"period", "Q1"}, {"text", "Zes keer gemaaid."}, {"spent", "900"}}).status,
      303);
  EXPECT_TRUE(Has(h_.Client()->Get(page).body, "Zes keer gemaaid."));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM challenge_decisions"), 3) << "append-only history of decisions";
}

TEST_F(ChallengeRoutesTest, NoGoStopsAndRightsAreChecked) {
  int64_t id = Submit("2000");
  auto other = h_.SignedInClient("gv-centrum@haarlem.example", {{auth::Role::kAreaLiaison, "centrum"}});
  EXPECT_EQ(Post(*other, id, "/toets", {{"criterion", "rooted"}, {"met", "yes"}, {"reason", "x"}}).status, 403);
  EXPECT_EQ(Post(*group_, id, "/besluit", {{"moment", "gate"}, {"decision", "go"}, {"reasons", "x"}}).status, 403)
      << "the group does not judge itself";
  auto no_reason = Post(*liaison_, id, "/toets", {{"criterion", "rooted"}, {"met", "no"}, {"reason", ""}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM challenge_gate_checks"), 0);
  auto bad = AppHarness::SubmitForm(*group_, "/uitdaagrecht/nieuw", "/uitdaagrecht/nieuw",
                                    {{"task", ""}, {"area", "x"}, {"borough", "atlantis"}, {"estimate", "veel"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "Kies een stadsdeel."));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM challenges"), 1);

  EXPECT_EQ(Post(*liaison_, id, "/besluit",
                 {{"moment", "gate"}, {"decision", "no_go"}, {"reasons", "Geen overdraagbare taak."}})
                .status,
            303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM challenges WHERE stage = 'stopped'"), 1);
  EXPECT_EQ(MailsTo(h_, "anouk@example.nl", "besluit"), 1);
  EXPECT_EQ(Post(*liaison_, id, "/toets", {{"criterion", "rooted"}, {"met", "yes"}, {"reason", "x"}}).status, 409);
}

TEST_F(ChallengeRoutesTest, ARunningChallengeIsRemindedOfItsReportsOncePerDueDate) {
  int64_t id = Submit("2000");
  Start(id);
  std::string page = "/uitdaagrecht/" + std::to_string(id);
  EXPECT_TRUE(Has(h_.Client()->Get(page).body, "De volgende rapportage moet er uiterlijk"));

  DaysLater(70);  // 21 days before the first due date (91 days): nothing yet
  EXPECT_EQ(MailsTo(h_, "anouk@example.nl", "rapportage over uw uitdaging"), 0);
  DaysLater(10);  // 11 days before
  EXPECT_EQ(MailsTo(h_, "anouk@example.nl", "rapportage over uw uitdaging"), 1);
  EXPECT_EQ(MailsTo(h_, "gv@haarlem.example", "rapportage over uw uitdaging"), 0) << "the reminder is the group's";
  DaysLater(1);
  EXPECT_EQ(MailsTo(h_, "anouk@example.nl", "rapportage over uw uitdaging"), 1) << "once per due date";

  DaysLater(12);  // the due date has passed
  EXPECT_EQ(MailsTo(h_, "anouk@example.nl", "rapportage is te laat"), 1);
  EXPECT_EQ(MailsTo(h_, "gv@haarlem.example", "rapportage is te laat"), 1) << "the gebiedsverbinder follows up";
  DaysLater(3);
  EXPECT_EQ(MailsTo(h_, "anouk@example.nl", "rapportage is te laat"), 1) << "once per due date";
  auto late = h_.Client()->Get(page);
  EXPECT_TRUE(Has(late.body, "is te laat")) << late.body.substr(0, 3000);
  SignInAgain();
  EXPECT_TRUE(Has(liaison_->Get("/beheer/uitdaagrecht").body, "Rapportage te laat sinds"));

  ASSERT_EQ(Post(*group_, id, "/rapportage", {{"period", "Q1"}, {"text", "Gemaaid."}, {"spent", "400"}}).status, 303);
  EXPECT_FALSE(Has(h_.Client()->Get(page).body, "is te laat"));
  DaysLater(1);
  EXPECT_EQ(MailsTo(h_, "anouk@example.nl", "rapportage"), 2) << "the next report is not due for weeks";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM challenge_report_mails"), 2);
}

TEST_F(ChallengeRoutesTest, TheOfficialsOverviewPutsTheMunicipalitysTurnsFirst) {
  int64_t waiting_for_group = Submit("2000");
  for (const char* c : {"rooted", "cost", "transferable"}) ASSERT_EQ(Check(waiting_for_group, c, "yes").status, 303);
  ASSERT_EQ(Post(*liaison_, waiting_for_group, "/besluit", {{"moment", "gate"}, {"decision", "go"}, {"reasons", "Ok"}})
                .status,
            303);
  h_.clock().Set(h_.clock().NowUnixSeconds() + 86400);
  int64_t to_check = Submit("1500");

  auto page = liaison_->Get("/beheer/uitdaagrecht");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 2000);
  EXPECT_TRUE(Has(page.body, "2 uitdagingen, 1 wacht op de gemeente")) << page.body.substr(0, 4000);
  size_t check = page.body.find("Aan de gemeente: Voorwaarden toetsen");
  size_t group = page.body.find("Wachten op de businesscase van de groep");
  ASSERT_NE(check, std::string::npos);
  ASSERT_NE(group, std::string::npos);
  EXPECT_LT(check, group) << "the municipality's turn comes first";
  EXPECT_TRUE(Has(page.body, "/uitdaagrecht/" + std::to_string(to_check)));

  EXPECT_TRUE(Has(liaison_->Get("/uitdaagrecht").body, "href=\"/beheer/uitdaagrecht\""));
  EXPECT_FALSE(Has(group_->Get("/uitdaagrecht").body, "href=\"/beheer/uitdaagrecht\""));
  EXPECT_EQ(group_->Get("/beheer/uitdaagrecht").status, 403) << "residents do not see the overview";
  EXPECT_EQ(h_.Client()->Get("/beheer/uitdaagrecht").status, 303) << "sign in first";
  EXPECT_EQ(liaison_->Get("/beheer/uitdaagrecht?stadsdeel=atlantis").status, 404);
  auto centrum = liaison_->Get("/beheer/uitdaagrecht?stadsdeel=centrum");
  EXPECT_EQ(centrum.status, 200);
  EXPECT_TRUE(Has(centrum.body, "Er zijn hier nog geen uitdagingen."));
}

}  // namespace
}  // namespace wp::challenges
