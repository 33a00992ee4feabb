// HTTP tests of the initiative desk: the form without JavaScript (draft and
// submit, with and without an account), the initiator's page by private link
// and by account, the desk list, the case page with every action, the public
// pages per initiative and per wijk. Run on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <cstdlib>

#include "testing/app_harness.h"
#include "testing/db_queries.h"
#include "testing/photos.h"

namespace wp::initiatives {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;

int64_t Count(AppHarness& h, const std::string& sql) { return wp::testing::Count(h.app().db(), sql); }

// The body of the last e-mail queued for `to`, or empty.
std::string LastMailTo(AppHarness& h, const std::string& to) {
  std::string body;
  for (const auto& m : wp::testing::Outbox(h.app().db())) {
    if (m.to == to) body = m.body;
  }
  return body;
}

// The path of the first link in `text` that starts with `prefix`.
std::string LinkPath(const std::string& text, const std::string& prefix) {
  size_t at = text.find(prefix);
  if (at == std::string::npos) return "";
  size_t end = text.find_first_of(" \n\"<", at);
  return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

bool Has(const wp::testing::HttpResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

class InitiativeRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1772442000);  // Monday 2 March 2026, 10:00 in Haarlem
    visitor_ = h_.Client();
    desk_ = h_.SignedInClient("loket@haarlem.nl", {{auth::Role::kInitiativeDesk, ""}});
    permits_ = h_.SignedInClient("vergunning@haarlem.nl", {{auth::Role::kMunicipalExpert, "afdeling:vergunningen"}});
  }

  std::vector<std::pair<std::string, std::string>> Complete(const std::string& email) {
    return {{"title", "Geveltuinen in de straat"},
            {"what", "We maken geveltuinen langs de hele straat."},
            {"neighbourhood", "BU03920101"},
            {"place", "Zijlweg"},
            {"when", "Voorjaar"},
            {"helpers", "Twaalf buren."},
            {"needs", "permit"},
            {"needs", "materials"},
            {"initiator_name", "Buren van de Zijlweg"},
            {"is_public", "ja"},
            {"show_name", "ja"},
            {"email", email},
            {"submit", "ja"}};
  }
  // Submits as a visitor, opens the mail link, and returns the initiator's path.
  std::string Submit(const std::string& email) {
    auto r = AppHarness::SubmitForm(*visitor_, "/initiatieven/nieuw", "/initiatieven/nieuw", Complete(email));
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 3000);
    EXPECT_EQ(visitor_->Get(LinkPath(LastMailTo(h_, email), "/initiatieven/volg/")).status, 200);
    return LinkPath(r.body, "/initiatieven/volg/");
  }
  int64_t LastId() { return Count(h_, "SELECT MAX(id) FROM initiatives"); }

  AppHarness h_;
  std::unique_ptr<HttpClient> visitor_, desk_, permits_;
};

TEST_F(InitiativeRoutesTest, TheFormWorksWithoutJavaScriptAndRefusesBadInput) {
  auto page = visitor_->Get("/initiatieven/nieuw");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "<option value=\"BU03920101\""));
  EXPECT_TRUE(Has(page, "name=\"needs\" value=\"permit\""));
  EXPECT_TRUE(Has(page, "name=\"email\""));
  auto en = visitor_->Get("/initiatieven/nieuw", {{"Cookie", "wp_lang=en"}});
  EXPECT_TRUE(Has(en, "Your plan for the neighbourhood"));

  auto bad = AppHarness::SubmitForm(*visitor_, "/initiatieven/nieuw", "/initiatieven/nieuw",
                                    {{"title", ""}, {"email", "x@"}, {"submit", "ja"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad, "f-title-error"));
  EXPECT_TRUE(Has(bad, "f-needs-error"));
  EXPECT_TRUE(Has(bad, "f-email-error"));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM initiatives"), 0);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM mail_outbox"), 0);
}

TEST_F(InitiativeRoutesTest, ADraftIsSavedAndSubmittedLater) {
  auto saved = AppHarness::SubmitForm(*visitor_, "/initiatieven/nieuw", "/initiatieven/nieuw",
                                      {{"title", "Een idee"}, {"email", "idee@example.nl"}, {"submit", "nee"}});
  ASSERT_EQ(saved.status, 200) << saved.body.substr(0, 2000);
  EXPECT_TRUE(Has(saved, "concept"));
  std::string follow = LinkPath(saved.body, "/initiatieven/volg/");
  auto draft = visitor_->Get(follow);
  ASSERT_EQ(draft.status, 200);
  EXPECT_TRUE(Has(draft, "action=\"" + follow + "/concept\""));
  EXPECT_EQ(visitor_->Get("/initiatieven/" + std::to_string(LastId())).status, 404) << "a draft is not public";
  auto incomplete =
      AppHarness::SubmitForm(*visitor_, follow, follow + "/concept", {{"title", "Een idee"}, {"submit", "ja"}});
  EXPECT_EQ(incomplete.status, 422);
  auto fields = Complete("");
  auto submitted = AppHarness::SubmitForm(*visitor_, follow, follow + "/concept", fields);
  EXPECT_EQ(submitted.status, 303) << submitted.body.substr(0, 2000);
  auto page = visitor_->Get(follow);
  EXPECT_TRUE(Has(page, "Nog 29 werkdagen voor het antwoord."));
  EXPECT_EQ(visitor_->Get("/initiatieven/" + std::to_string(LastId())).status, 200);
}

TEST_F(InitiativeRoutesTest, TheDeskRunsTheCheckAndTheInitiatorFollowsIt) {
  std::string follow = Submit("buren@example.nl");
  int64_t id = LastId();
  std::string base = "/beheer/initiatieven/" + std::to_string(id);

  auto list = desk_->Get("/beheer/initiatieven");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Has(list, "I-" + std::to_string(id)));
  auto resident = h_.SignedInClient("bewoner@example.nl");
  EXPECT_EQ(resident->Get("/beheer/initiatieven").status, 403);
  EXPECT_EQ(resident->Get(base).status, 403);
  EXPECT_EQ(visitor_->Get(base).status, 303) << "sign in first";

  auto page = desk_->Get(base);
  ASSERT_EQ(page.status, 200);
  auto option = page.body.find("name=\"contact\"><option value=\"");
  ASSERT_NE(option, std::string::npos);
  std::string contact_id = page.body.substr(option + 30, page.body.find('"', option + 30) - option - 30);
  EXPECT_EQ(AppHarness::SubmitForm(*desk_, base, base + "/contactpersoon", {{"contact", "999"}}).status, 422);
  EXPECT_EQ(AppHarness::SubmitForm(*desk_, base, base + "/contactpersoon", {{"contact", contact_id}}).status, 303);
  EXPECT_TRUE(Has(visitor_->Get(follow), "Uw contactpersoon bij de gemeente is"));

  auto task = AppHarness::SubmitForm(
      *desk_, base, base + "/taak",
      {{"department", "vergunningen"}, {"question", "Vergunning nodig?"}, {"due_day", "2026-03-13"}});
  EXPECT_EQ(task.status, 303) << task.body.substr(0, 2000);
  auto late = AppHarness::SubmitForm(
      *desk_, base, base + "/taak",
      {{"department", "vergunningen"}, {"question", "Nog een vraag"}, {"due_day", "2026-05-01"}});
  EXPECT_EQ(late.status, 422);
  EXPECT_TRUE(Has(late, "f-due_day-error"));
  auto as_permits = permits_->Get(base);
  ASSERT_EQ(as_permits.status, 200);
  std::string task_action = LinkPath(as_permits.body, base + "/taak/");
  ASSERT_FALSE(task_action.empty());
  EXPECT_EQ(AppHarness::SubmitForm(*permits_, base, task_action, {{"task_answer", "Een melding is genoeg."}}).status,
            303);
  EXPECT_EQ(
      AppHarness::SubmitForm(*permits_, base, base + "/besluit", {{"answer", "yes"}, {"explanation", "Ja"}}).status,
      403);

  auto missing = AppHarness::SubmitForm(*desk_, base, base + "/besluit",
                                        {{"answer", "yes_provided"}, {"explanation", "Het mag."}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(Has(missing, "f-conditions-error"));
  auto answered = AppHarness::SubmitForm(*desk_, base, base + "/besluit",
                                         {{"answer", "yes_provided"},
                                          {"explanation", "Het mag."},
                                          {"condition_text_1", "Buren zijn het eens."},
                                          {"condition_owner_1", "initiator"},
                                          {"condition_text_3", "Gemeente brengt tegels."},
                                          {"condition_owner_3", "municipality"}});
  EXPECT_EQ(answered.status, 303) << answered.body.substr(0, 2000);
  EXPECT_NE(LastMailTo(h_, "buren@example.nl").find("2 voorwaarden"), std::string::npos);

  auto mine = visitor_->Get(follow);
  EXPECT_TRUE(Has(mine, "Ja, met voorwaarden"));
  EXPECT_TRUE(Has(mine, "Buren zijn het eens."));
  std::string own = LinkPath(mine.body, follow + "/voorwaarde/");
  ASSERT_FALSE(own.empty());
  EXPECT_EQ(AppHarness::SubmitForm(*visitor_, follow, own, {{"status", "met"}}).status, 303);
  EXPECT_EQ(AppHarness::SubmitForm(*visitor_, follow, own, {{"status", "waived"}}).status, 403);
  auto case_page = desk_->Get(base);
  std::string theirs =
      LinkPath(case_page.body.substr(case_page.body.find("Gemeente brengt tegels.")), base + "/voorwaarde/");
  EXPECT_EQ(AppHarness::SubmitForm(*desk_, base, theirs, {{"status", "waived"}}).status, 303);
  EXPECT_EQ(AppHarness::SubmitForm(*visitor_, follow, follow + "/voortgang", {{"status", "in_progress"}}).status, 303);
  EXPECT_EQ(AppHarness::SubmitForm(*visitor_, follow, follow + "/bericht", {{"text", "We zijn begonnen."}}).status,
            303);
  EXPECT_EQ(AppHarness::SubmitForm(*visitor_, follow, follow + "/bericht", {{"text", " "}}).status, 422);

  auto history = desk_->Get(base);
  EXPECT_TRUE(Has(history, "Vraag aan Vergunningen"));
  EXPECT_TRUE(Has(history, "alleen voor de gemeente"));

  auto open = visitor_->Get("/initiatieven/" + std::to_string(id));
  ASSERT_EQ(open.status, 200);
  EXPECT_TRUE(Has(open, "We zijn begonnen."));
  EXPECT_TRUE(Has(open, "Buren van de Zijlweg"));
  EXPECT_FALSE(Has(open, "buren@example.nl"));
  EXPECT_FALSE(Has(open, "loket@haarlem.nl"));
  auto overview = visitor_->Get("/initiatieven");
  ASSERT_EQ(overview.status, 200);
  std::string wijk = LinkPath(overview.body, "/initiatieven/wijk/");
  ASSERT_FALSE(wijk.empty());
  auto district = visitor_->Get(wijk);
  ASSERT_EQ(district.status, 200);
  EXPECT_TRUE(Has(district, "Geveltuinen in de straat"));
  EXPECT_EQ(visitor_->Get("/initiatieven/wijk/WK999999").status, 404);

  EXPECT_EQ(AppHarness::SubmitForm(*visitor_, follow, follow + "/intrekken", {}).status, 303);
  EXPECT_EQ(visitor_->Get("/initiatieven/" + std::to_string(id)).status, 404) << "withdrawn";
}

TEST_F(InitiativeRoutesTest, WithAnAccountTheInitiatorFindsTheirInitiatives) {
  auto ans = h_.SignedInClient("ans@example.nl");
  auto page = ans->Get("/initiatieven/nieuw");
  EXPECT_FALSE(Has(page, "name=\"email\"")) << "the account's address is used";
  auto fields = Complete("");
  auto r = AppHarness::SubmitForm(*ans, "/initiatieven/nieuw", "/initiatieven/nieuw", fields);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 2000);
  auto mine = ans->Get("/initiatieven/mijn");
  ASSERT_EQ(mine.status, 200);
  std::string path = LinkPath(mine.body, "/initiatieven/mijn/");
  ASSERT_FALSE(path.empty());
  EXPECT_EQ(ans->Get(path).status, 200);
  EXPECT_EQ(AppHarness::SubmitForm(*ans, path, path + "/intrekken", {}).status, 303);
  auto other = h_.SignedInClient("piet@example.nl");
  EXPECT_EQ(other->Get(path).status, 404);
  EXPECT_EQ(visitor_->Get("/initiatieven/mijn").status, 303);
  EXPECT_EQ(visitor_->Get("/initiatieven/volg/onzin").status, 404);
}

}  // namespace
}  // namespace wp::initiatives

namespace wp::initiatives {
namespace {

TEST_F(InitiativeRoutesTest, TheStartSubsidyRunsThroughThePagesWithoutJavaScript) {
  std::string follow = Submit("subsidie@example.nl");
  int64_t id = LastId();
  std::string base = "/beheer/initiatieven/" + std::to_string(id);
  auto page = visitor_->Get(follow);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "action=\"" + follow + "/subsidie\""));
  EXPECT_TRUE(Has(page, "name=\"budget\""));

  auto bad = AppHarness::SubmitForm(*visitor_, follow, follow + "/subsidie",
                                    {{"purpose", ""}, {"budget", "Plantjes; 100\nZonder bedrag"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad, "f-budget-error"));
  EXPECT_TRUE(Has(bad, "Zonder bedrag")) << "what was typed comes back";
  auto over = AppHarness::SubmitForm(*visitor_, follow, follow + "/subsidie",
                                     {{"purpose", "Veel"}, {"budget", "Alles; 9999"}});
  EXPECT_EQ(over.status, 422);
  EXPECT_TRUE(Has(over, "f-budget-error"));
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM initiative_subsidies"), 0);

  auto applied = AppHarness::SubmitForm(*visitor_, follow, follow + "/subsidie",
                                        {{"purpose", "Plantjes voor de geveltuinen"},
                                         {"budget", "Plantjes; 250\nPotgrond; 50,50"}});
  ASSERT_EQ(applied.status, 303) << applied.body.substr(0, 2000);
  std::string sid = std::to_string(Count(h_, "SELECT MAX(id) FROM initiative_subsidies"));
  page = visitor_->Get(follow);
  EXPECT_TRUE(Has(page, "Aangevraagd"));
  EXPECT_TRUE(Has(page, "Potgrond"));
  EXPECT_FALSE(Has(page, "action=\"" + follow + "/subsidie\"")) << "one application at a time";

  auto list = desk_->Get("/beheer/initiatieven");
  EXPECT_TRUE(Has(list, base + "#startsubsidie"));
  std::string decide = base + "/subsidie/" + sid + "/besluit";
  auto refused = AppHarness::SubmitForm(*permits_, base, decide, {{"decision", "grant"}, {"amount", "300"}, {"reason", "Ja"}});
  EXPECT_EQ(refused.status, 403) << "a department does not decide";
  auto no_choice = AppHarness::SubmitForm(*desk_, base, decide, {{"amount", "300"}, {"reason", "Ja"}});
  EXPECT_EQ(no_choice.status, 422);
  EXPECT_TRUE(Has(no_choice, "f-decision-error"));
  auto too_much = AppHarness::SubmitForm(*desk_, base, decide,
                                         {{"decision", "grant"}, {"amount", "400"}, {"reason", "Ja"}});
  EXPECT_EQ(too_much.status, 422);
  EXPECT_TRUE(Has(too_much, "f-amount-error"));
  auto granted = AppHarness::SubmitForm(*desk_, base, decide,
                                        {{"decision", "grant"}, {"amount", "300"}, {"reason", "Past in de regeling."}});
  ASSERT_EQ(granted.status, 303) << granted.body.substr(0, 2000);
  EXPECT_NE(LastMailTo(h_, "subsidie@example.nl").find("300"), std::string::npos);
  auto paid = AppHarness::SubmitForm(*desk_, base, base + "/subsidie/" + sid + "/betaald", {{"reference", "BOEK-7"}});
  ASSERT_EQ(paid.status, 303);

  page = visitor_->Get(follow);
  EXPECT_TRUE(Has(page, "action=\"" + follow + "/subsidie/" + sid + "/verantwoording\""));
  auto reported = AppHarness::SubmitForm(*visitor_, follow, follow + "/subsidie/" + sid + "/verantwoording",
                                         {{"spending", "Plantjes; 240\nPotgrond; 45"}, {"account", "Alles staat."}});
  ASSERT_EQ(reported.status, 303) << reported.body.substr(0, 2000);
  auto settled = AppHarness::SubmitForm(*desk_, base, base + "/subsidie/" + sid + "/vaststellen",
                                        {{"amount", "285"}, {"reason", "Wat het kostte."}});
  ASSERT_EQ(settled.status, 303) << settled.body.substr(0, 2000);
  page = visitor_->Get(follow);
  EXPECT_TRUE(Has(page, "Afgerond"));
  EXPECT_TRUE(Has(page, "action=\"" + follow + "/subsidie\"")) << "a new application may follow";
  auto open = visitor_->Get("/initiatieven/" + std::to_string(id));
  ASSERT_EQ(open.status, 200);
  EXPECT_FALSE(Has(open, "Startsubsidie")) << "the grant is not on the public page";
  EXPECT_TRUE(Has(open, "href=\"/vraag-en-aanbod/initiatief/" + std::to_string(id) + "\"")) << "needs and offers";
  EXPECT_TRUE(Has(page, "href=\"/vraag-en-aanbod" + follow + "\"")) << "the initiator's needs";
  auto en = visitor_->Get(follow, {{"Cookie", "wp_lang=en"}});
  EXPECT_TRUE(Has(en, "Start grant"));
}

}  // namespace
}  // namespace wp::initiatives

namespace wp::initiatives {
namespace {

// A signed-in client of a demo account.
std::unique_ptr<HttpClient> DemoClient(AppHarness& h, const std::string& email) {
  const char* env_password = std::getenv("WP_DEMO_PASSWORD");
  const std::string password = env_password && *env_password ? env_password : "demo wachtwoord haarlem";
  auto client = h.Client();
  auto r = AppHarness::SubmitForm(*client, "/inloggen", "/inloggen", {{"email", email}, {"password", password}});
  EXPECT_EQ(r.status, 303) << email;
  return client;
}

// The first plan in `status` that has not gone to the desk yet, with its submitter's e-mail address and its page.
struct DemoPlan {
  int64_t id = 0;
  std::string email, path;
};
DemoPlan PlanIn(AppHarness& h, const std::string& status) {
  auto row = h.app().db().Read([&](db::Connection& c) {
    return c.QueryOptional(
        "SELECT p.id, u.email, e.slug FROM budget_plans p JOIN users u ON u.id = p.submitter_id "
        "JOIN budget_editions e ON e.id = p.edition_id WHERE p.status = ? "
        "AND p.id NOT IN (SELECT plan_id FROM initiative_plan_sources) ORDER BY p.id LIMIT 1",
        {status});
  });
  if (!row.has_value() || !*row) return {};
  const auto& r = **row;
  return {r.Int(0), r.Text(1), "/wijkbudget/" + r.Text(2) + "/plannen/" + std::to_string(r.Int(0))};
}

TEST_F(InitiativeRoutesTest, APlanThatWasNotChosenGoesOnAtTheDeskWithOneAction) {
  ASSERT_TRUE(h_.app().LoadDemoContent().has_value());
  DemoPlan plan = PlanIn(h_, "below_threshold");
  ASSERT_NE(plan.id, 0) << "the demo has a plan with too few likes";
  auto submitter = DemoClient(h_, plan.email);
  std::string action = "/initiatieven/uit-wijkbudget/" + std::to_string(plan.id);
  auto page = submitter->Get(plan.path);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "action=\"" + action + "\"")) << "the submitter sees the action on the plan's page";
  EXPECT_FALSE(Has(visitor_->Get(plan.path), "action=\"" + action + "\"")) << "others do not";

  int64_t before = Count(h_, "SELECT COUNT(*) FROM initiatives");
  auto other = h_.SignedInClient("iemand@example.nl");
  EXPECT_EQ(AppHarness::SubmitForm(*other, plan.path, action, {}).status, 403) << "only the submitter";
  auto sent = AppHarness::SubmitForm(*submitter, plan.path, action, {});
  ASSERT_EQ(sent.status, 303) << sent.body.substr(0, 2000);
  std::string mine(sent.Header("Location"));
  EXPECT_EQ(mine.rfind("/initiatieven/mijn/", 0), 0u) << mine;
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM initiatives"), before + 1);
  int64_t id = LastId();
  auto draft = submitter->Get(mine);
  ASSERT_EQ(draft.status, 200);
  std::string title = h_.app().db().Read([&](db::Connection& c) {
    return c.QueryOne("SELECT title FROM budget_plans WHERE id = ?", {plan.id});
  })->Text(0);
  EXPECT_TRUE(Has(draft, title)) << "the plan's text came along";
  EXPECT_TRUE(Has(draft, "action=\"" + mine + "/concept\"")) << "a draft to complete";

  // Once only: the same action leads to the same initiative.
  auto again = AppHarness::SubmitForm(*submitter, plan.path, action, {});
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(again.Header("Location").rfind(mine, 0), 0u);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM initiatives"), before + 1);
  auto desk = DemoClient(h_, "loket@demo.wijkplatform.invalid");
  auto submitted = AppHarness::SubmitForm(*submitter, mine, mine + "/concept",
                                          {{"title", title},
                                           {"what", "Zoals in het plan."},
                                           {"neighbourhood", "BU03920101"},
                                           {"when", "Volgend voorjaar"},
                                           {"helpers", "De buren"},
                                           {"needs", "advice"},
                                           {"initiator_name", "Buren"},
                                           {"submit", "ja"}});
  ASSERT_EQ(submitted.status, 303) << submitted.body.substr(0, 2000);
  auto case_page = desk->Get("/beheer/initiatieven/" + std::to_string(id));
  ASSERT_EQ(case_page.status, 200);
  EXPECT_TRUE(Has(case_page, "href=\"" + plan.path + "\"")) << "the case links to the plan";

  // A plan still in the running cannot go yet.
  DemoPlan running = PlanIn(h_, "on_ballot");
  if (running.id != 0) {
    auto its_submitter = DemoClient(h_, running.email);
    auto refused = AppHarness::SubmitForm(*its_submitter, running.path,
                                          "/initiatieven/uit-wijkbudget/" + std::to_string(running.id), {});
    EXPECT_EQ(refused.status, 409);
  }
  EXPECT_EQ(AppHarness::SubmitForm(*submitter, plan.path, "/initiatieven/uit-wijkbudget/999999", {}).status, 404);
}

}  // namespace
}  // namespace wp::initiatives

namespace wp::initiatives {
namespace {

TEST_F(InitiativeRoutesTest, PhotosAndAttachmentsAreAddedWithoutJavaScriptAndShownToTheRightPeople) {
  std::string follow = Submit("fotos@example.nl");
  int64_t id = LastId();
  auto page = visitor_->Get(follow);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "enctype=\"multipart/form-data\""));
  EXPECT_TRUE(Has(page, "action=\"" + follow + "/bestanden\""));
  auto post = [&](std::vector<wp::testing::MultipartFile> files) {
    std::string csrf = AppHarness::CsrfToken(*visitor_, follow);
    return visitor_->PostMultipart(follow + "/bestanden", {{"_csrf", csrf}}, files);
  };
  const std::string photo = wp::testing::WithExif(wp::testing::MakePicture("JPEG", 40, 20));
  const std::string pdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

  // Bad files change nothing and say why.
  auto bad = post({{"files", "virus.exe", "application/pdf", "MZ this is not a pdf"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad, "f-files-error"));
  EXPECT_EQ(post({}).status, 422) << "no file";
  std::vector<wp::testing::MultipartFile> seven(7, {"files", "foto.jpg", "image/jpeg", photo});
  EXPECT_EQ(post(seven).status, 422) << "more than six photos";
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM initiative_files"), 0);

  auto added = post({{"files", "tuin.jpg", "image/jpeg", photo}, {"files", "../../Begroting plan.pdf", "application/pdf", pdf}});
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM initiative_files"), 2);
  page = visitor_->Get(follow);
  std::string photo_path = LinkPath(page.body, follow + "/bestand/");
  ASSERT_FALSE(photo_path.empty());
  auto served = visitor_->Get(photo_path);
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.Header("Content-Type"), "image/jpeg");
  EXPECT_EQ(served.body.find("Exif"), std::string::npos) << "no EXIF (camera, place, time) left";
  EXPECT_TRUE(Has(page, "Begroting_plan.pdf")) << "the document's name, cleaned";
  int64_t doc = Count(h_, "SELECT id FROM initiative_files WHERE kind = 'document'");
  auto document = visitor_->Get(follow + "/bestand/" + std::to_string(doc));
  EXPECT_EQ(document.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(document.Header("Content-Disposition"), "attachment; filename=\"Begroting_plan.pdf\"");
  EXPECT_EQ(document.body, pdf) << "the PDF as uploaded";

  // The public page shows the photo, not the attachment; staff see both; strangers neither by guessing.
  int64_t pic = Count(h_, "SELECT id FROM initiative_files WHERE kind = 'photo'");
  auto open = visitor_->Get("/initiatieven/" + std::to_string(id));
  std::string public_photo = "/initiatieven/" + std::to_string(id) + "/foto/" + std::to_string(pic);
  EXPECT_TRUE(Has(open, public_photo));
  EXPECT_FALSE(Has(open, "Begroting_plan.pdf"));
  EXPECT_EQ(visitor_->Get(public_photo).status, 200);
  EXPECT_EQ(visitor_->Get("/initiatieven/" + std::to_string(id) + "/foto/" + std::to_string(doc)).status, 404);
  auto staff = desk_->Get("/beheer/initiatieven/" + std::to_string(id) + "/bestand/" + std::to_string(doc));
  EXPECT_EQ(staff.status, 200);
  EXPECT_EQ(h_.Client()->Get("/beheer/initiatieven/" + std::to_string(id) + "/bestand/" + std::to_string(doc)).status,
            303) << "sign in first";
  std::string other = Submit("ander@example.nl");
  EXPECT_EQ(visitor_->Get(other + "/bestand/" + std::to_string(doc)).status, 404) << "not through another plan's link";

  // The initiator removes a file.
  std::string csrf = AppHarness::CsrfToken(*visitor_, follow);
  auto removed = visitor_->PostForm(follow + "/bestand/" + std::to_string(doc) + "/verwijderen", {{"_csrf", csrf}});
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(Count(h_, "SELECT COUNT(*) FROM initiative_files"), 1);
}

}  // namespace
}  // namespace wp::initiatives
