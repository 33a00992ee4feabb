// HTTP tests of live polls without JavaScript, on SQLite and PostgreSQL: the
// presenter creates a poll and its questions (bad input and missing rights
// change nothing), steps through it; participants join with the code (a
// wrong code is refused and limited), answer, change their answer, and are
// told when a question or the poll is closed; the screen refreshes itself
// and its JSON answers 304 to a matching ETag; a hidden answer leaves the
// word cloud; the closed poll's results are public and on the platform page.
#include <gtest/gtest.h>

#include "core/strings.h"
#include "features/platforms/platform_store.h"
#include "features/platforms/platform_world.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::livepolls {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;

bool Has(const wp::testing::HttpResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

class LivePollRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1795455000);
    auto id = platforms::testing::AddPlatform(h_);
    ASSERT_TRUE(id.has_value()) << id.error().detail;
    kernteam_ = h_.SignedInClient("kern@example.nl", {{auth::Role::kKernteamMember, std::to_string(*id)}});
    resident_ = h_.SignedInClient("bewoner@example.nl");
    phone_ = h_.Client();
    other_phone_ = h_.Client();
  }

  int64_t Count(const std::string& sql) { return wp::testing::Count(h_.app().db(), sql); }

  // Creates a poll with a single-choice and an open question; returns its id.
  int64_t MakePoll() {
    auto made = AppHarness::SubmitForm(*kernteam_, kList, kList,
                                       {{"title", "Het plein"}, {"meeting", "Themabijeenkomst"}});
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 1500);
    int64_t id = Count("SELECT MAX(id) FROM livepolls");
    std::string manage = "/peiling/" + std::to_string(id) + "/beheer";
    EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, manage, "/peiling/" + std::to_string(id) + "/vragen",
                                     {{"kind", "single"}, {"text", "Komt u vaak op het plein?"},
                                      {"options", "Elke dag\nElke week\nBijna nooit"}, {"scale", "5"}})
                  .status,
              303);
    EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, manage, "/peiling/" + std::to_string(id) + "/vragen",
                                     {{"kind", "open"}, {"text", "Wat maakt het plein mooier?"}, {"options", ""},
                                      {"scale", "5"}})
                  .status,
              303);
    return id;
  }
  int Step(int64_t id, const std::string& action) {
    std::string base = "/peiling/" + std::to_string(id);
    return AppHarness::SubmitForm(*kernteam_, base + "/beheer", base + "/stap", {{"action", action}}).status;
  }
  std::string Code(int64_t id) {
    auto row = h_.app().db().Read(
        [&](db::Connection& c) { return c.QueryOne("SELECT join_code FROM livepolls WHERE id = ?", {id}); });
    return row.has_value() ? row->Text(0) : "";
  }
  int64_t QuestionId(int64_t poll, int position) {
    return Count("SELECT id FROM livepoll_questions WHERE poll_id = " + std::to_string(poll) +
                 " AND position = " + std::to_string(position));
  }

  static constexpr const char* kList = "/wijkplatform/ter-kleef/peilingen";
  AppHarness h_;
  std::unique_ptr<HttpClient> kernteam_, resident_, phone_, other_phone_;
};

TEST_F(LivePollRoutesTest, ThePresenterMakesAPollAndBadInputChangesNothing) {
  ASSERT_EQ(kernteam_->Get(kList).status, 200);
  EXPECT_EQ(phone_->Get(kList).status, 200);
  EXPECT_EQ(AppHarness::SubmitForm(*resident_, kList, kList, {{"title", "x"}, {"meeting", "y"}}).status, 403);
  auto bad = AppHarness::SubmitForm(*kernteam_, kList, kList, {{"title", ""}, {"meeting", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad, "f-title-error"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM livepolls"), 0);
  int64_t id = MakePoll();
  std::string manage = "/peiling/" + std::to_string(id) + "/beheer";
  auto few = AppHarness::SubmitForm(*kernteam_, manage, "/peiling/" + std::to_string(id) + "/vragen",
                                    {{"kind", "multiple"}, {"text", "Wat?"}, {"options", "Alleen dit"}});
  EXPECT_EQ(few.status, 422);
  EXPECT_TRUE(Has(few, "f-options-error"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM livepoll_questions"), 2);
  EXPECT_EQ(resident_->Get(manage).status, 403);
  EXPECT_EQ(phone_->Get(manage).status, 303) << "sign in first";
  EXPECT_EQ(resident_->Get("/peiling/" + std::to_string(id) + "/uitslag").status, 403) << "not before the close";
  EXPECT_EQ(Step(id, "next"), 409);
  EXPECT_EQ(Step(id, "start"), 303);
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, manage, "/peiling/" + std::to_string(id) + "/vragen",
                                   {{"kind", "open"}, {"text", "Te laat"}})
                .status,
            409);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM livepoll_questions"), 2);
}

TEST_F(LivePollRoutesTest, ParticipantsJoinWithTheCodeAndAnswerWithoutAnAccount) {
  int64_t id = MakePoll();
  std::string code = Code(id);
  ASSERT_EQ(code.size(), 6u);
  ASSERT_EQ(phone_->Get("/doe-mee").status, 200);
  auto wrong = AppHarness::SubmitForm(*phone_, "/doe-mee", "/doe-mee", {{"code", "AAAAAA"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Has(wrong, "f-code-error"));
  auto joined = AppHarness::SubmitForm(*phone_, "/doe-mee", "/doe-mee", {{"code", ToLower(code)}});
  EXPECT_EQ(joined.status, 303);
  EXPECT_EQ(joined.Header("Location"), "/doe-mee/" + code);
  std::string page = "/doe-mee/" + code;
  EXPECT_TRUE(Has(phone_->Get(page), "Ververs"));
  ASSERT_EQ(Step(id, "start"), 303);
  auto q = phone_->Get(page);
  ASSERT_EQ(q.status, 200);
  EXPECT_TRUE(Has(q, "Komt u vaak op het plein?"));
  std::string first = std::to_string(QuestionId(id, 0));
  auto empty = AppHarness::SubmitForm(*phone_, page, page, {{"question", first}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM livepoll_answers"), 0);
  auto answered = AppHarness::SubmitForm(*phone_, page, page, {{"question", first}, {"answer", "0"}});
  EXPECT_EQ(answered.status, 303);
  EXPECT_NE(answered.Header("Set-Cookie").find("wp_poll="), std::string::npos);
  EXPECT_EQ(AppHarness::SubmitForm(*phone_, page, page, {{"question", first}, {"answer", "2"}}).status, 303);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM livepoll_answers"), 1) << "a new answer replaces the old one";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM livepoll_answers WHERE value = '2'"), 1);
  EXPECT_EQ(AppHarness::SubmitForm(*other_phone_, page, page, {{"question", first}, {"answer", "2"}}).status, 303);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM livepoll_answers"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM livepoll_answers WHERE participant LIKE 'wp_poll%'"), 0);

  ASSERT_EQ(Step(id, "next"), 303);
  auto late = AppHarness::SubmitForm(*phone_, page, page, {{"question", first}, {"answer", "1"}});
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(Has(late, "Deze vraag is al gesloten"));
  EXPECT_TRUE(Has(late, "Wat maakt het plein mooier?")) << "the open question is on the page";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM livepoll_answers WHERE value = '1'"), 0);
  std::string open = std::to_string(QuestionId(id, 1));
  for (const char* text : {"Meer bomen", "Bomen en bankjes", "Rotzooi"}) {
    auto client = h_.Client();
    EXPECT_EQ(AppHarness::SubmitForm(*client, page, page, {{"question", open}, {"answer", text}}).status, 303);
  }
  ASSERT_EQ(Step(id, "close"), 303);
  auto closed = AppHarness::SubmitForm(*phone_, "/doe-mee", page, {{"question", open}, {"answer", "Nog iets"}});
  EXPECT_EQ(closed.status, 409);
  EXPECT_TRUE(Has(closed, "De peiling loopt niet meer"));
  EXPECT_EQ(phone_->Get("/doe-mee/ZZZZZZ").status, 404);
}

TEST_F(LivePollRoutesTest, WrongCodesAreLimited) {
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(AppHarness::SubmitForm(*phone_, "/doe-mee", "/doe-mee", {{"code", "AAAAAA"}}).status, 422);
  }
  int64_t id = MakePoll();
  auto limited = AppHarness::SubmitForm(*phone_, "/doe-mee", "/doe-mee", {{"code", Code(id)}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_TRUE(Has(limited, "te vaak"));
}

TEST_F(LivePollRoutesTest, TheScreenRefreshesAndTheResultsStayWithTheMeeting) {
  int64_t id = MakePoll();
  std::string base = "/peiling/" + std::to_string(id);
  ASSERT_EQ(Step(id, "start"), 303);
  ASSERT_EQ(Step(id, "next"), 303);
  ASSERT_EQ(Step(id, "show"), 303);
  std::string page = "/doe-mee/" + Code(id);
  std::string open = std::to_string(QuestionId(id, 1));
  for (const char* text : {"Meer bomen", "Bomen en bankjes", "Rotzooi"}) {
    auto client = h_.Client();
    EXPECT_EQ(AppHarness::SubmitForm(*client, page, page, {{"question", open}, {"answer", text}}).status, 303);
  }
  auto screen = kernteam_->Get(base + "/scherm");
  ASSERT_EQ(screen.status, 200);
  EXPECT_EQ(screen.Header("Refresh"), "5");
  EXPECT_TRUE(Has(screen, "wp-poll-cloud"));
  EXPECT_TRUE(Has(screen, ">bomen</text>"));
  EXPECT_TRUE(Has(screen, "wp-poll-qr"));
  EXPECT_TRUE(Has(screen, Code(id)));
  EXPECT_EQ(kernteam_->Get(base + "/scherm?ververs=nee").Header("Refresh"), "");
  EXPECT_EQ(kernteam_->Get(base + "/scherm?live=1").Header("Refresh"), "");
  EXPECT_EQ(resident_->Get(base + "/scherm").status, 403);
  EXPECT_EQ(phone_->Get("/peiling/live.js").status, 200);

  auto json = kernteam_->Get(base + "/uitslag.json");
  ASSERT_EQ(json.status, 200);
  std::string etag(json.Header("ETag"));
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(kernteam_->Get(base + "/uitslag.json", {{"If-None-Match", etag}}).status, 304);
  EXPECT_EQ(resident_->Get(base + "/uitslag.json").status, 403);

  // Moderation: the hidden answer leaves the word cloud.
  int64_t rude = Count("SELECT id FROM livepoll_answers WHERE value = 'Rotzooi'");
  EXPECT_EQ(AppHarness::SubmitForm(*resident_, "/doe-mee", base + "/antwoorden/" + std::to_string(rude) + "/verbergen",
                                   {})
                .status,
            403);
  EXPECT_EQ(AppHarness::SubmitForm(*kernteam_, base + "/beheer",
                                   base + "/antwoorden/" + std::to_string(rude) + "/verbergen", {})
                .status,
            303);
  EXPECT_FALSE(Has(kernteam_->Get(base + "/scherm"), ">rotzooi</text>"));
  EXPECT_EQ(kernteam_->Get(base + "/uitslag.json", {{"If-None-Match", etag}}).status, 200) << "the results changed";

  ASSERT_EQ(Step(id, "close"), 303);
  auto results = phone_->Get(base + "/uitslag");
  ASSERT_EQ(results.status, 200);
  EXPECT_TRUE(Has(results, "Komt u vaak op het plein?"));
  EXPECT_TRUE(Has(results, ">bomen</text>"));
  EXPECT_FALSE(Has(results, "Rotzooi"));
  EXPECT_TRUE(Has(phone_->Get("/wijkplatform/ter-kleef"), base + "/uitslag"));
  EXPECT_TRUE(Has(phone_->Get(kList), base + "/uitslag"));
  EXPECT_EQ(phone_->Get("/peiling/999/uitslag").status, 404);

  // The results as CSV: one row per choice and per word of the cloud; the hidden answer is not there.
  auto csv = phone_->Get(base + "/uitslag.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("vraag_nummer,vraag,soort,antwoord,aantal\r\n", 0), 0u) << csv.body;
  EXPECT_TRUE(Has(csv, "1,Komt u vaak op het plein?,single,Elke dag,0\r\n")) << csv.body;
  EXPECT_TRUE(Has(csv, "2,Wat maakt het plein mooier?,open,bomen,2\r\n")) << csv.body;
  EXPECT_FALSE(Has(csv, "rotzooi"));
  EXPECT_TRUE(Has(phone_->Get(base + "/uitslag"), base + "/uitslag.csv"));
}

// Inserts a published (or other status) activity of platform `platform_id` starting at `starts_at`.
int64_t InsertEvent(db::Database& db, int64_t platform_id, const std::string& title, int64_t starts_at,
                    const std::string& status = "published") {
  auto id = db.Write([&](db::Connection& c) {
    return c.Insert("INSERT INTO events (platform_id, title, kind, description, starts_at, ends_at, place, status, "
                    "created_at, updated_at) VALUES (?, ?, 'theme_meeting', '', ?, ?, 'Buurthuis', ?, ?, ?) "
                    "RETURNING id",
                    {platform_id, title, starts_at, starts_at + 7200, status, starts_at, starts_at});
  });
  EXPECT_TRUE(id.has_value());
  return id.value_or(0);
}

TEST_F(LivePollRoutesTest, APollBelongsToAnActivityWhosePageListsItsResults) {
  int64_t platform = Count("SELECT id FROM platforms WHERE slug = 'ter-kleef'");
  int64_t now = 1795455000;
  int64_t evening = InsertEvent(h_.app().db(), platform, "Buurtavond plein", now - 3600);
  int64_t draft = InsertEvent(h_.app().db(), platform, "Nog geheim", now + 86400, "draft");
  platforms::Platform other;
  other.slug = "elders";
  other.name = "Wijkplatform Elders";
  other.contact_email = "elders@example.nl";
  other.area = {"BU03920102"};
  other.borough_slug = "centrum";
  other.status = platforms::PlatformStatus::kRecognised;
  auto other_id = h_.app().db().Write([&](db::Connection& c) {
    return platforms::PlatformStore::Insert(c, other, wp::testing::UserId(h_.app().db(), "oprichter@example.nl"));
  });
  ASSERT_TRUE(other_id.has_value());
  int64_t elsewhere = InsertEvent(h_.app().db(), *other_id, "Avond elders", now);

  auto form = kernteam_->Get(kList);
  EXPECT_TRUE(Has(form, "Buurtavond plein")) << "the platform's activities are offered";
  EXPECT_FALSE(Has(form, "Nog geheim"));
  EXPECT_FALSE(Has(form, "Avond elders"));
  // An activity that is not this platform's, a draft, or no number at all: refused, nothing stored.
  for (const std::string& bad : {std::to_string(elsewhere), std::to_string(draft), std::string("abc")}) {
    auto r = AppHarness::SubmitForm(*kernteam_, kList, kList, {{"title", "Het plein"}, {"meeting", ""}, {"event", bad}});
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_TRUE(Has(r, "bestaat niet (meer) bij dit wijkplatform")) << bad;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM livepolls"), 0);

  auto made = AppHarness::SubmitForm(*kernteam_, kList, kList,
                                     {{"title", "Het plein"}, {"meeting", ""}, {"event", std::to_string(evening)}});
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 1500);
  int64_t id = Count("SELECT MAX(id) FROM livepolls");
  EXPECT_EQ(Count("SELECT event_id FROM livepolls WHERE id = " + std::to_string(id)), evening);
  std::string base = "/peiling/" + std::to_string(id);
  std::string activity = "/activiteit/" + std::to_string(evening);
  EXPECT_FALSE(Has(phone_->Get(activity), base + "/uitslag")) << "not before the poll is closed";
  ASSERT_EQ(AppHarness::SubmitForm(*kernteam_, base + "/beheer", base + "/vragen",
                                   {{"kind", "scale"}, {"text", "Hoe tevreden bent u?"}, {"options", ""}, {"scale", "5"}})
                .status,
            303);
  ASSERT_EQ(Step(id, "start"), 303);
  ASSERT_EQ(Step(id, "close"), 303);
  auto page = phone_->Get(activity);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, base + "/uitslag"));
  EXPECT_TRUE(Has(page, "Uitslag: Het plein"));
  auto results = phone_->Get(base + "/uitslag");
  EXPECT_TRUE(Has(results, "href=\"" + activity + "\">Buurtavond plein</a>")) << "the meeting is the activity";
}

}  // namespace
}  // namespace wp::livepolls
