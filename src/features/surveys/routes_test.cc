// HTTP tests of surveys without JavaScript, on SQLite and PostgreSQL: an
// official builds a questionnaire with a conditional question, opens, closes
// and publishes it; residents answer once (a conditional question appears
// after sending the page; nothing is stored before); a code used twice keeps
// the first answers; paper entry, moderation; results with "fewer than 10"
// and a CSV of aggregates only. Panel mode: the members of a forum get a
// personal code by e-mail (the SMTP sink), a replacement gets one later,
// nobody twice.
#include <gtest/gtest.h>

#include "features/forums/forum_store.h"
#include "testing/app_harness.h"
#include "testing/db_queries.h"
#include "testing/smtp_sink.h"

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

// A forum of stadsdeel Schalkwijk (the official's) with a draw, set up in the forums store: members are
// what the forums feature's draw leaves behind.
class PanelSurveyTest : public ::testing::Test {
 protected:
  PanelSurveyTest()
      : h_([this](app::Config& c) {
          c.smtp_url = sink_.url();
          c.mail_from = "Wijkplatform <noreply@wijkplatform.test>";
        }) {}

  void SetUp() override {
    h_.clock().Set(kNow);
    official_ = h_.SignedInClient("gebiedsverbinder@haarlem.nl", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  }
  int64_t Count(const std::string& sql) { return wp::testing::Count(h_.app().db(), sql); }
  wp::testing::HttpResponse Post(HttpClient& c, const std::string& path,
                                 std::vector<std::pair<std::string, std::string>> fields,
                                 const std::string& page = "") {
    return AppHarness::SubmitForm(c, page.empty() ? path : page, path, std::move(fields));
  }

  int64_t NewForum(const std::string& slug) {
    auto id = h_.app().db().Write([&](db::Connection& c) -> Result<int64_t> {
      forums::Forum f;
      f.slug = slug;
      f.setup.kind = forums::Kind::kPanel;
      f.setup.name = "Bewonerspanel " + slug;
      f.setup.district_code = "WK039220";
      f.setup.seats = 3;
      f.setup.term_months = 12;
      f.district_name = "Molenwijk";
      f.borough = "schalkwijk";
      f.created_by = 1;
      f.created_at = kNow;
      WP_ASSIGN_OR_RETURN(int64_t forum, forums::ForumStore::InsertForum(c, f));
      forums::Draw d;
      d.forum_id = forum;
      d.kind = "draw";
      d.seed = "1 2 3";
      d.status = forums::DrawStatus::kDone;
      d.created_at = kNow;
      WP_ASSIGN_OR_RETURN(draw_, forums::ForumStore::InsertDraw(c, d));
      return forum;
    });
    EXPECT_TRUE(id.has_value()) << id.error().detail;
    return id.value_or(0);
  }
  // Registers lid<n>@example.nl; a member when `seat`. Returns the registration id.
  int64_t Person(int64_t forum, int n, bool seat) {
    auto id = h_.app().db().Write([&](db::Connection& c) -> Result<int64_t> {
      std::string code = "CODE-" + std::to_string(n);
      WP_TRY_VOID(forums::ForumStore::InsertInvitation(c, {0, forum, n, "Molenstraat " + std::to_string(n), code}));
      WP_ASSIGN_OR_RETURN(auto inv, forums::ForumStore::FindInvitation(c, code));
      forums::Registration r;
      r.forum_id = forum;
      r.invitation_id = inv->id;
      r.public_id = forums::PublicId(n);
      r.name = "Lid " + std::to_string(n);
      r.email = "lid" + std::to_string(n) + "@example.nl";
      r.consent_at = r.created_at = kNow;
      WP_ASSIGN_OR_RETURN(int64_t reg, forums::ForumStore::InsertRegistration(c, r));
      if (seat) WP_TRY_VOID(forums::ForumStore::InsertMember(c, forum, reg, draw_, kNow + 365 * 86400));
      return reg;
    });
    EXPECT_TRUE(id.has_value()) << id.error().detail;
    return id.value_or(0);
  }
  // The code in the one mail to `to` (the link's ?code=).
  std::string CodeMailedTo(const std::string& to) {
    auto mails = sink_.WaitForMessagesTo(to, 1);
    EXPECT_EQ(mails.size(), 1u) << to;
    if (mails.empty()) return "";
    size_t at = mails[0].find("?code=");
    EXPECT_NE(at, std::string::npos) << mails[0];
    EXPECT_NE(mails[0].find("Beste Lid"), std::string::npos) << mails[0];
    return at == std::string::npos ? "" : mails[0].substr(at + 6, 15);
  }

  static constexpr int64_t kNow = 1772442000;
  wp::testing::SmtpSink sink_;
  AppHarness h_;
  std::unique_ptr<HttpClient> official_;
  int64_t draw_ = 0;
};

TEST_F(PanelSurveyTest, MembersGetACodeByMailAndAnswerOnce) {
  int64_t forum = NewForum("molenwijk");
  for (int n = 1; n <= 11; ++n) Person(forum, n, true);
  Person(forum, 12, false);  // volunteered, not drawn: no code
  int64_t empty = NewForum("leeg");
  auto form = official_->Get("/beheer/peilingen");
  EXPECT_TRUE(Has(form, "Bewonerspanel molenwijk (Molenwijk, 11 leden)"));

  // Bad input: the form again with the reason, nothing stored.
  std::vector<std::pair<std::string, std::string>> fields = {
      {"title", "Wat eerst?"}, {"intro", ""}, {"district", ""}, {"mode", "panel"}, {"panel", ""}};
  auto none = Post(*official_, "/beheer/peilingen", fields);
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(Has(none, "Kies het panel of wijkforum"));
  fields.back().second = std::to_string(empty);
  auto no_members = Post(*official_, "/beheer/peilingen", fields);
  EXPECT_EQ(no_members.status, 422);
  EXPECT_TRUE(Has(no_members, "Dit panel heeft nog geen leden"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM surveys"), 0);

  fields.back().second = std::to_string(forum);
  ASSERT_EQ(Post(*official_, "/beheer/peilingen", fields).status, 303);
  int64_t id = Count("SELECT MAX(id) FROM surveys");
  std::string base = "/beheer/peilingen/" + std::to_string(id), pub = "/peilingen/" + std::to_string(id);
  ASSERT_EQ(Post(*official_, base + "/vragen",
                 {{"kind", "single"}, {"text", "Eerst groen?"}, {"options", "Ja\nNee"}, {"required", "ja"}}, base)
                .status,
            303);
  EXPECT_FALSE(Has(official_->Get(base), "Codes sturen naar nieuwe leden"));  // concept: opening sends them
  ASSERT_EQ(Post(*official_, base + "/openen", {}, base).status, 303);
  EXPECT_EQ(Count("SELECT letters FROM surveys"), 11);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_codes"), 11);
  std::vector<std::string> codes;
  for (int n = 1; n <= 11; ++n) codes.push_back(CodeMailedTo("lid" + std::to_string(n) + "@example.nl"));
  const std::string code1 = codes[0];
  EXPECT_NE(codes[0], codes[1]);
  EXPECT_TRUE(sink_.MessagesTo("lid12@example.nl").empty());
  // Only hashes are stored.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_codes WHERE code_hash = '" + code1 + "'"), 0);

  // A member answers with the code from the mail; a second use is refused and changes nothing.
  std::string q1 = "q" + std::to_string(Count("SELECT MIN(id) FROM survey_questions"));
  std::string shown = q1.substr(1);
  auto member = h_.Client();
  EXPECT_TRUE(Has(member->Get(pub + "?code=" + code1), code1));
  EXPECT_EQ(Post(*member, pub, {{"shown", shown}, {"code", code1}, {q1, "0"}}).status, 200);
  auto twice = Post(*h_.Client(), pub, {{"shown", shown}, {"code", code1}, {q1, "1"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(Has(twice, "al gebruikt"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses"), 1);
  for (int n = 2; n <= 9; ++n) {
    EXPECT_EQ(Post(*h_.Client(), pub, {{"shown", shown}, {"code", codes[n - 1]}, {q1, "0"}}).status, 200);
  }

  // A replacement joins: only the new member gets a code; a second press sends nothing.
  Person(forum, 13, true);
  auto manage = official_->Get(base);
  EXPECT_TRUE(Has(manage, "Codes sturen naar nieuwe leden"));
  EXPECT_TRUE(Has(manage, "11 leden kregen een code"));
  ASSERT_EQ(Post(*official_, base + "/panel-codes", {}, base).status, 303);
  std::string code13 = CodeMailedTo("lid13@example.nl");
  EXPECT_EQ(Count("SELECT letters FROM surveys"), 12);
  auto again = Post(*official_, base + "/panel-codes", {}, base);
  ASSERT_EQ(again.status, 303);
  EXPECT_TRUE(Has(official_->Get(base), "Alle leden hebben al een code"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_codes"), 12);
  EXPECT_EQ(sink_.MessagesTo("lid1@example.nl").size(), 1u);
  EXPECT_EQ(Post(*h_.Client(), pub, {{"shown", shown}, {"code", code13}, {q1, "1"}}).status, 200);

  // Closed: no more answers, no more codes; the results count the answers, as a share of the codes sent.
  ASSERT_EQ(Post(*official_, base + "/sluiten", {}, base).status, 303);
  auto closed = Post(*h_.Client(), pub, {{"shown", shown}, {"code", codes[10]}, {q1, "0"}}, "/inloggen");
  EXPECT_EQ(closed.status, 409);
  EXPECT_EQ(Post(*official_, base + "/panel-codes", {}, base).status, 409);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses"), 10);
  auto results = official_->Get(pub + "/uitslag");
  ASSERT_EQ(results.status, 200);
  EXPECT_TRUE(Has(results, "Dat is 83% van 12 leden.")) << results.body;
  EXPECT_TRUE(Has(results, "minder dan 10"));                 // the one "Nee": the existing suppression applies
  EXPECT_EQ(h_.Client()->Get(pub + "/uitslag").status, 404);  // not published yet
}

}  // namespace
}  // namespace wp::surveys
