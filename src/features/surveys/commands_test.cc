// SurveyCommands on both database backends: building a questionnaire with
// conditions, the status flow, code surveys (a code used twice keeps the
// first answers), open surveys (once per browser), paper answers,
// moderation, and results that exist only once the survey is closed.
#include "features/surveys/commands.h"

#include <gtest/gtest.h>

#include "core/db/migrations.h"
#include "testing/backend_test.h"
#include "wp_surveys_files.h"

namespace wp::surveys {
namespace {

auth::User Official() {
  return auth::User{7, "ambtenaar@haarlem.nl", "Ambtenaar", "nl", {{auth::Role::kAreaLiaison, "schalkwijk"}}};
}

Question Choice(std::string text, std::vector<std::string> options) {
  Question q;
  q.kind = QuestionKind::kSingle;
  q.text = std::move(text);
  q.options = std::move(options);
  return q;
}

class SurveyCommandsTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db::ApplyMigrations(*db_, db::MigrationsFromFiles("surveys", SurveysFiles())).has_value());
    ASSERT_TRUE(catalog_.AddFiles(SurveysFiles()).has_value());
    commands_ = std::make_unique<SurveyCommands>(*db_, clock_, random_, catalog_, SurveySettings{});
  }

  int64_t NewSurvey(Mode mode) {
    auto id = commands_->Create(official_, {"Speeltuin Molenwijk", "Wat vindt u?", "WK039205", mode});
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  int64_t Count(const std::string& sql) {
    return db_->Read([&](db::Connection& c) { return c.QueryOne(sql); })->Int(0);
  }

  FakeClock clock_{1772442000};
  SeededRandom random_{42};
  i18n::Catalog catalog_;
  std::optional<auth::User> official_ = Official();
  std::unique_ptr<SurveyCommands> commands_;
};

TEST_P(SurveyCommandsTest, BuildQuestionnaireWithConditions) {
  int64_t id = NewSurvey(Mode::kOpen);
  auto resident = std::optional<auth::User>(auth::User{9, "b@example.nl", "B", "nl", {}});
  EXPECT_EQ(commands_->Create(resident, {"X", "", "", Mode::kOpen}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(commands_->Create(official_, {" ", "", "", Mode::kOpen}).error().fields[0].field, "title");

  auto a = commands_->AddQuestion(official_, id, Choice("Wilt u een speeltuin?", {"Ja", "Nee"}));
  ASSERT_TRUE(a.has_value());
  Question why = Choice("Waarom niet?", {});
  why.kind = QuestionKind::kOpen;
  why.max_length = 200;
  why.condition = Condition{*a, 1};
  auto b = commands_->AddQuestion(official_, id, why);
  ASSERT_TRUE(b.has_value());

  // Bad question: nothing stored.
  auto bad = commands_->AddQuestion(official_, id, Choice("Eén antwoord", {"Ja"}));
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().fields[0].field, "options");
  Question forward = Choice("Vooruit", {"Ja", "Nee"});
  forward.condition = Condition{*b, 0};  // an open question
  EXPECT_EQ(commands_->AddQuestion(official_, id, forward).error().fields[0].field, "condition");
  EXPECT_EQ(commands_->Questions(id)->questions.size(), 2u);

  // Moving the follow-up above its condition is refused; removing A too.
  EXPECT_EQ(commands_->MoveQuestion(official_, id, *b, -1).error().user_message_key,
            "surveys.error.move_breaks_condition");
  EXPECT_EQ(commands_->RemoveQuestion(official_, id, *a).error().user_message_key,
            "surveys.error.question_has_followers");
  auto c = commands_->AddQuestion(official_, id, Choice("Hoe oud bent u?", {"Onder 30", "30 of ouder"}));
  ASSERT_TRUE(c.has_value());
  ASSERT_TRUE(commands_->MoveQuestion(official_, id, *c, -1).has_value());
  auto order = commands_->Questions(id)->questions;
  ASSERT_EQ(order.size(), 3u);
  EXPECT_EQ(order[1].id, *c);
  EXPECT_EQ(order[2].id, *b);
  ASSERT_TRUE(order[2].condition.has_value());
  EXPECT_EQ(order[2].condition->question_id, *a);
  ASSERT_TRUE(commands_->RemoveQuestion(official_, id, *b).has_value());
}

TEST_P(SurveyCommandsTest, StatusFlowAndResultsOnlyWhenClosed) {
  int64_t id = NewSurvey(Mode::kOpen);
  EXPECT_EQ(commands_->Change(official_, id, Action::kOpen).error().user_message_key, "surveys.error.no_questions");
  auto q = commands_->AddQuestion(official_, id, Choice("Wilt u een speeltuin?", {"Ja", "Nee"}));
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(commands_->Change(official_, id, Action::kPublish).error().user_message_key, "surveys.error.wrong_status");
  ASSERT_TRUE(commands_->Change(official_, id, Action::kOpen).has_value());
  EXPECT_EQ(commands_->AddQuestion(official_, id, Choice("Laat", {"Ja", "Nee"})).error().code, ErrorCode::kConflict);

  for (int i = 0; i < 14; ++i) {
    ASSERT_TRUE(commands_->Submit(id, {std::nullopt, "browser-" + std::to_string(i), ""}, {{*q, {{i < 11 ? 0 : 1}}}})
                    .has_value());
  }
  // The same browser again: refused, the first answers kept.
  auto again = commands_->Submit(id, {std::nullopt, "browser-0", ""}, {{*q, {{1}}}});
  EXPECT_EQ(again.error().user_message_key, "surveys.error.already_answered");
  // No cookie: refused.
  EXPECT_EQ(commands_->Submit(id, {}, {{*q, {{1}}}}).error().user_message_key, "surveys.error.no_cookie");
  // An account once.
  ASSERT_TRUE(commands_->Submit(id, {int64_t{9}, "", ""}, {{*q, {{0}}}}).has_value());
  EXPECT_EQ(commands_->Submit(id, {int64_t{9}, "other", ""}, {{*q, {{0}}}}).error().user_message_key,
            "surveys.error.already_answered");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses"), 15);

  // While open: no results for anyone, so no two tables differ by a few answers.
  EXPECT_EQ(commands_->ResultsOf(official_, id).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(commands_->Change(official_, id, Action::kClose).has_value());
  EXPECT_EQ(commands_->Submit(id, {std::nullopt, "late", ""}, {{*q, {{1}}}}).error().user_message_key,
            "surveys.error.not_open");
  EXPECT_EQ(commands_->EnterPaper(official_, id, "", {{*q, {{1}}}}).error().code, ErrorCode::kConflict);
  EXPECT_EQ(commands_->ResultsOf(std::nullopt, id).error().code, ErrorCode::kNotFound);
  auto closed = commands_->ResultsOf(official_, id);
  ASSERT_TRUE(closed.has_value());
  EXPECT_EQ(closed->tally.responses.total, 15);
  const Table& t = closed->tally.questions[0].main;
  EXPECT_TRUE(t.total_shown);
  EXPECT_FALSE(t.cells[1].shown);  // 3 nee: fewer than 10
  EXPECT_FALSE(t.cells[0].shown);  // 12 ja would give the 3 away (15 - 12)
  ASSERT_TRUE(commands_->Change(official_, id, Action::kPublish).has_value());
  auto published = commands_->ResultsOf(std::nullopt, id);
  ASSERT_TRUE(published.has_value());
  std::string csv = SurveyCommands::ResultsCsv(
      *published, {"Vraag", "Antwoord", "Aantal", "Geen antwoord", "Beantwoord", "minder dan 10"});
  EXPECT_NE(csv.find("Wilt u een speeltuin?,Nee,minder dan 10"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("browser"), std::string::npos);
}

TEST_P(SurveyCommandsTest, CodeSurveyUsesEachCodeOnce) {
  int64_t id = NewSurvey(Mode::kCode);
  auto q = commands_->AddQuestion(official_, id, Choice("Steunt u het plan?", {"Ja", "Nee"}));
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(commands_->Change(official_, id, Action::kOpen).error().user_message_key, "surveys.error.no_letters");
  EXPECT_FALSE(commands_->MakeLetters(official_, id, "naam\nPiet\n", 2).has_value());  // no address column
  auto letters = commands_->MakeLetters(official_, id, "adres\nDorpsstraat 1\nDorpsstraat 2\nDorpsstraat 3\n", 2);
  ASSERT_TRUE(letters.has_value());
  ASSERT_EQ(letters->size(), 2u);
  EXPECT_NE((*letters)[0].address, (*letters)[1].address);
  EXPECT_EQ(Count("SELECT letters FROM surveys"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_codes WHERE code_hash LIKE '%" + (*letters)[0].code + "%'"), 0);
  ASSERT_TRUE(commands_->Change(official_, id, Action::kOpen).has_value());

  std::string code = (*letters)[0].code;
  ASSERT_TRUE(commands_->Submit(id, {std::nullopt, "", code}, {{*q, {{0}}}}).has_value());
  auto twice = commands_->Submit(id, {std::nullopt, "", code}, {{*q, {{1}}}});
  EXPECT_EQ(twice.error().user_message_key, "surveys.error.code_used");
  EXPECT_EQ(commands_->Submit(id, {std::nullopt, "", "K7QM4-R9XTB-HC2WA"}, {{*q, {{1}}}}).error().fields[0].message_key,
            "surveys.error.code_unknown");
  // Bad answers with a good code: the code stays unused.
  EXPECT_FALSE(commands_->Submit(id, {std::nullopt, "", (*letters)[1].code}, {{*q, {{5}}}}).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_codes WHERE used = 1"), 1);
  // The second letter on paper, typed in by the official; then the code is used.
  ASSERT_TRUE(commands_->EnterPaper(official_, id, (*letters)[1].code, {{*q, {{1}}}}).has_value());
  EXPECT_EQ(commands_->Submit(id, {std::nullopt, "", (*letters)[1].code}, {{*q, {{0}}}}).error().user_message_key,
            "surveys.error.code_used");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses WHERE channel = 'paper'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_answers WHERE choices = '0'"), 1);  // the first answers kept
}

TEST_P(SurveyCommandsTest, OnlyAcceptedOpenAnswersAreShown) {
  int64_t id = NewSurvey(Mode::kOpen);
  Question open = Choice("Wat wilt u nog zeggen?", {});
  open.kind = QuestionKind::kOpen;
  open.max_length = 100;
  auto q = commands_->AddQuestion(official_, id, open);
  ASSERT_TRUE(q.has_value());
  ASSERT_TRUE(commands_->Change(official_, id, Action::kOpen).has_value());
  for (int i = 0; i < 12; ++i) {
    ASSERT_TRUE(commands_->EnterPaper(official_, id, "", {{*q, {{}, 0, "Idee " + std::to_string(i)}}}).has_value());
  }
  auto pending = commands_->OpenAnswers(official_, id);
  ASSERT_TRUE(pending.has_value());
  ASSERT_EQ(pending->size(), 12u);
  ASSERT_TRUE(commands_->Moderate(official_, id, (*pending)[0].id, true).has_value());
  ASSERT_TRUE(commands_->Moderate(official_, id, (*pending)[1].id, false).has_value());
  EXPECT_EQ(commands_->Moderate(official_, id, 999999, true).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(commands_->OpenAnswers(std::nullopt, id).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(commands_->Change(official_, id, Action::kClose).has_value());
  ASSERT_TRUE(commands_->Change(official_, id, Action::kPublish).has_value());
  auto r = commands_->ResultsOf(std::nullopt, id);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->accepted.size(), 1u);
  EXPECT_EQ(r->accepted[0].text, "Idee 0");
}

INSTANTIATE_TEST_SUITE_P(Backends, SurveyCommandsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::surveys
