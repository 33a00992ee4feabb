// HTTP tests of surveys without JavaScript, on SQLite and PostgreSQL: an
// official builds a questionnaire with a conditional question, opens, closes
// and publishes it; residents answer once (a conditional question appears
// after sending the page; nothing is stored before); a code used twice keeps
// the first answers; paper entry, moderation; results with "fewer than 10"
// and a CSV of aggregates only.
#include <gtest/gtest.h>

#include "testing/app_harness.h"
#include "testing/db_queries.h"

namespace wp::surveys {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;

bool Has(const wp::testing::HttpResponse& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

class SurveyRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.clock().Set(1772442000);
    official_ = h_.SignedInClient("gebiedsverbinder@haarlem.nl", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  }
  int64_t Count(const std::string& sql) { return wp::testing::Count(h_.app().db(), sql); }
  std::string Base() { return "/beheer/peilingen/" + std::to_string(Count("SELECT MAX(id) FROM surveys")); }
  wp::testing::HttpResponse Post(HttpClient& c, const std::string& path,
                                 std::vector<std::pair<std::string, std::string>> fields,
                                 const std::string& page = "") {
    return AppHarness::SubmitForm(c, page.empty() ? path : page, path, std::move(fields));
  }
  // A new survey with "Steunt u het plan?" (Ja/Nee) and, after Nee, "Waarom niet?".
  std::string Build(const std::string& mode) {
    auto created = Post(*official_, "/beheer/peilingen",
                        {{"title", "Speelplein"}, {"intro", ""}, {"district", ""}, {"mode", mode}});
    EXPECT_EQ(created.status, 303) << created.body.substr(0, 500);
    std::string base = Base();
    auto q1 = Post(*official_, base + "/vragen",
                   {{"kind", "single"},
                    {"text", "Steunt u het plan?"},
                    {"options", "Ja\nNee"},
                    {"required", "ja"},
                    {"condition", ""}},
                   base);
    EXPECT_EQ(q1.status, 303);
    int64_t first = Count("SELECT MIN(id) FROM survey_questions");
    auto q2 = Post(*official_, base + "/vragen",
                   {{"kind", "open"},
                    {"text", "Waarom niet?"},
                    {"max_length", "200"},
                    {"condition", std::to_string(first) + ":1"}},
                   base);
    EXPECT_EQ(q2.status, 303);
    return base;
  }

  AppHarness h_;
  std::unique_ptr<HttpClient> official_;
};

TEST_F(SurveyRoutesTest, OfficialBuildsOpensClosesAndPublishes) {
  auto resident = h_.SignedInClient("bewoner@example.nl");
  EXPECT_EQ(resident->Get("/beheer/peilingen").status, 403);
  EXPECT_EQ(official_->Get("/beheer/peilingen").status, 200);
  std::string base = Build("open");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_questions"), 2);
  auto page = official_->Get(base);
  EXPECT_TRUE(Has(page, "Alleen als bij"));

  // Bad input: the form again with the reason, nothing stored.
  auto bad = Post(*official_, base + "/vragen", {{"kind", "single"}, {"text", "Eén"}, {"options", "Ja"}}, base);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_questions"), 2);
  // Moving the follow-up above its condition: refused with a message.
  int64_t second = Count("SELECT MAX(id) FROM survey_questions");
  auto moved = Post(*official_, base + "/vragen/" + std::to_string(second) + "/omhoog", {}, base);
  EXPECT_EQ(moved.status, 409);
  EXPECT_TRUE(Has(moved, "latere vraag"));

  EXPECT_EQ(Post(*official_, base + "/openen", {}, base).status, 303);
  std::string pub = "/peilingen/" + std::to_string(Count("SELECT MAX(id) FROM surveys"));
  auto visitor = h_.Client();
  auto form = visitor->Get(pub);
  ASSERT_EQ(form.status, 200);
  EXPECT_FALSE(Has(form, "Waarom niet?"));
  int64_t first = Count("SELECT MIN(id) FROM survey_questions");
  std::string q1 = "q" + std::to_string(first), q2 = "q" + std::to_string(second);
  // "Nee": the follow-up appears, nothing stored yet.
  auto more = Post(*visitor, pub, {{"shown", std::to_string(first)}, {q1, "1"}});
  EXPECT_EQ(more.status, 422);
  EXPECT_TRUE(Has(more, "Waarom niet?"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses"), 0);
  std::string shown = std::to_string(first) + "," + std::to_string(second);
  auto sent = Post(*visitor, pub, {{"shown", shown}, {q1, "1"}, {q2, "Te druk"}});
  EXPECT_EQ(sent.status, 200);
  EXPECT_TRUE(Has(sent, "Bedankt"));
  auto again = Post(*visitor, pub, {{"shown", shown}, {q1, "0"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses"), 1);
  // No answer to a required question: 422, nothing stored.
  auto other = h_.Client();
  EXPECT_EQ(Post(*other, pub, {{"shown", shown}}).status, 422);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses"), 1);

  // Paper answers and moderation.
  EXPECT_EQ(official_->Get(base + "/papier").status, 200);
  for (int i = 0; i < 11; ++i) {
    auto paper = Post(*official_, base + "/papier", {{"shown", shown}, {q1, "0"}}, base + "/papier");
    ASSERT_EQ(paper.status, 303);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses WHERE channel = 'paper'"), 11);
  int64_t open_answer = Count("SELECT MIN(id) FROM survey_answers WHERE moderation = 'pending'");
  EXPECT_EQ(Post(*official_, base + "/open-antwoorden/" + std::to_string(open_answer) + "/goed", {}, base).status, 303);

  EXPECT_EQ(visitor->Get(pub + "/uitslag").status, 404);
  EXPECT_EQ(Post(*official_, base + "/sluiten", {}, base).status, 303);
  EXPECT_EQ(Post(*other, pub, {{"shown", shown}, {q1, "0"}}, "/inloggen").status, 409);
  EXPECT_EQ(visitor->Get(pub + "/uitslag").status, 404);
  EXPECT_EQ(official_->Get(pub + "/uitslag").status, 200);
  EXPECT_EQ(Post(*official_, base + "/publiceren", {}, base).status, 303);
  auto results = visitor->Get(pub + "/uitslag");
  ASSERT_EQ(results.status, 200);
  EXPECT_TRUE(Has(results, "<svg"));
  EXPECT_TRUE(Has(results, "minder dan 10"));  // 1 "Nee"
  EXPECT_FALSE(Has(results, "Te druk"));       // the group that said Nee is below 10
  auto csv = visitor->Get(pub + "/uitslag.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(Has(csv, "Steunt u het plan?,Nee,minder dan 10"));
  EXPECT_FALSE(Has(csv, "Te druk"));
  EXPECT_EQ(visitor->Get("/peilingen").status, 200);
}

TEST_F(SurveyRoutesTest, CodeUsedTwiceKeepsTheFirstAnswers) {
  std::string base = Build("code");
  auto letters = Post(*official_, base + "/brieven",
                      {{"addresses", "adres\nDorpsstraat 1\nDorpsstraat 2\n"}, {"sample", "2"}}, base);
  ASSERT_EQ(letters.status, 200);
  EXPECT_TRUE(Has(letters, "Dorpsstraat 1"));
  size_t at = letters.body.find("?code=");
  ASSERT_NE(at, std::string::npos);
  std::string code = letters.body.substr(at + 6, 15);
  EXPECT_EQ(Post(*official_, base + "/openen", {}, base).status, 303);
  std::string pub = "/peilingen/" + std::to_string(Count("SELECT MAX(id) FROM surveys"));
  int64_t first = Count("SELECT MIN(id) FROM survey_questions");
  std::string q1 = "q" + std::to_string(first), shown = std::to_string(first);
  auto form = h_.Client();
  EXPECT_TRUE(Has(form->Get(pub + "?code=" + code), code));
  auto wrong = Post(*form, pub, {{"shown", shown}, {"code", "K7QM4-R9XTB-HC2WA"}, {q1, "0"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Has(wrong, "Deze code kennen we niet"));
  EXPECT_EQ(Post(*form, pub, {{"shown", shown}, {"code", code}, {q1, "0"}}).status, 200);
  auto other = h_.Client();
  auto twice = Post(*other, pub, {{"shown", shown}, {"code", code}, {q1, "0"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(Has(twice, "al gebruikt"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_answers"), 1);
}

}  // namespace
}  // namespace wp::surveys
