#include "features/signals/questions.h"

#include <gtest/gtest.h>

namespace wp::signals {
namespace {

std::vector<std::string> Keys(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.message_key);
  return out;
}

Question Lamp() {
  Question q;
  q.id = 1;
  q.code = "lamp_state";
  q.kind = QuestionKind::kSingleChoice;
  q.required = true;
  q.text = "Wat doet de lamp?";
  q.choices = ParseChoiceLines("Brandt niet | Off\nKnippert | Flickers\nBrandt overdag | On by day\n");
  return q;
}

Question Pole() {
  Question q;
  q.id = 2;
  q.code = "pole";
  q.kind = QuestionKind::kString;
  q.text = "Nummer op de paal";
  return q;
}

TEST(QuestionKinds, NamesAreOpen311DatatypesAndRoundTrip) {
  EXPECT_EQ(QuestionKindName(QuestionKind::kSingleChoice), "singlevaluelist");
  EXPECT_EQ(QuestionKindName(QuestionKind::kMultiChoice), "multivaluelist");
  for (QuestionKind k : kAllQuestionKinds) EXPECT_EQ(ParseQuestionKind(QuestionKindName(k)), k);
  EXPECT_EQ(ParseQuestionKind("datetime"), std::nullopt);
  EXPECT_TRUE(IsChoiceKind(QuestionKind::kMultiChoice));
  EXPECT_FALSE(IsChoiceKind(QuestionKind::kNumber));
}

TEST(ChoiceLines, ParseKeysFromTheDutchNameAndRoundTrip) {
  auto choices = ParseChoiceLines("  Brandt niet | Off \n\n Knippert\r\n");
  ASSERT_EQ(choices.size(), 2u);
  EXPECT_EQ(choices[0], (QuestionChoice{"brandt-niet", "Brandt niet", "Off"}));
  EXPECT_EQ(choices[1], (QuestionChoice{"knippert", "Knippert", ""}));
  EXPECT_EQ(ParseChoiceLines(ChoiceLines(choices)), choices);
  EXPECT_EQ(choices[0].NameIn("en"), "Off");
  EXPECT_EQ(choices[1].NameIn("en"), "Knippert");
}

TEST(CheckQuestion, AcceptsAGoodQuestionOfEachKind) {
  EXPECT_TRUE(CheckQuestion(Lamp(), {}).empty());
  EXPECT_TRUE(CheckQuestion(Pole(), {Lamp()}).empty());
}

TEST(CheckQuestion, RefusesBadCodesTextsAndChoices) {
  Question q = Pole();
  q.code = "Paal nummer";
  q.text = "";
  EXPECT_EQ(Keys(CheckQuestion(q, {})),
            (std::vector<std::string>{"code:signals.question.bad_code", "text:web.required"}));
  q = Pole();
  q.code = "lamp_state";  // used by the other question of the category
  EXPECT_EQ(Keys(CheckQuestion(q, {Lamp()})), (std::vector<std::string>{"code:signals.question.code_taken"}));
  q = Pole();
  q.choices = ParseChoiceLines("a\nb");
  EXPECT_EQ(Keys(CheckQuestion(q, {})), (std::vector<std::string>{"choices:signals.question.no_choices"}));
  q = Lamp();
  q.choices.resize(1);
  EXPECT_EQ(Keys(CheckQuestion(q, {})), (std::vector<std::string>{"choices:signals.question.choice_count"}));
  q = Lamp();
  q.choices = ParseChoiceLines("Knippert\nknippert!");  // the same key twice
  EXPECT_EQ(Keys(CheckQuestion(q, {})), (std::vector<std::string>{"choices:signals.question.bad_choices"}));
  q = Lamp();
  q.text = std::string(kMaxQuestionChars + 1, 'x');
  EXPECT_EQ(Keys(CheckQuestion(q, {})), (std::vector<std::string>{"text:signals.error.too_long"}));
  q.text = "Wat\x01?";
  EXPECT_EQ(Keys(CheckQuestion(q, {})), (std::vector<std::string>{"text:signals.error.bad_characters"}));
}

TEST(CheckAnswers, AcceptsAndSnapshotsTheAnswersInQuestionOrder) {
  Question count{.id = 3, .code = "count", .kind = QuestionKind::kNumber, .text = "Hoeveel?"};
  Question which = Lamp();
  which.code = "which";
  which.kind = QuestionKind::kMultiChoice;
  which.required = false;
  AnswerCheck check = CheckAnswers({Lamp(), Pole(), count, which}, {{"which", {"knippert", "brandt-niet", "knippert"}},
                                                                    {"lamp_state", {"knippert"}},
                                                                    {"count", {" 2,5 "}},
                                                                    {"pole", {""}}});
  EXPECT_TRUE(check.errors.empty()) << ::testing::PrintToString(Keys(check.errors));
  ASSERT_EQ(check.accepted.size(), 3u);  // the empty optional answer is left out
  EXPECT_EQ(check.accepted[0], (StoredAnswer{"lamp_state", "Wat doet de lamp?", "knippert", "Knippert"}));
  EXPECT_EQ(check.accepted[1].value, "2,5");
  EXPECT_EQ(check.accepted[2],
            (StoredAnswer{"which", "Wat doet de lamp?", "knippert,brandt-niet", "Knippert, Brandt niet"}));
}

TEST(CheckAnswers, RefusesEveryBadAnswerAndAcceptsNothingThen) {
  Question count{.id = 3, .code = "count", .kind = QuestionKind::kNumber, .text = "Hoeveel?"};
  Question note{.id = 4, .code = "note", .kind = QuestionKind::kText, .text = "Toelichting"};
  auto check = CheckAnswers({Lamp(), Pole(), count, note}, {{"pole", {"12"}}, {"count", {"twee"}}});
  EXPECT_EQ(Keys(check.errors),
            (std::vector<std::string>{"q_lamp_state:web.required", "q_count:signals.question.not_a_number"}));
  EXPECT_TRUE(check.accepted.empty());
  EXPECT_EQ(Keys(CheckAnswers({Lamp()}, {{"lamp_state", {"brandt"}}}).errors),
            (std::vector<std::string>{"q_lamp_state:signals.question.unknown_choice"}));
  EXPECT_EQ(Keys(CheckAnswers({Lamp()}, {{"lamp_state", {"knippert", "brandt-niet"}}}).errors),
            (std::vector<std::string>{"q_lamp_state:signals.question.one_choice"}));
  EXPECT_EQ(Keys(CheckAnswers({Lamp()}, {{"lamp_state", {"knippert"}}, {"colour", {"rood"}}}).errors),
            (std::vector<std::string>{"attributes:signals.question.unknown"}));
  EXPECT_EQ(Keys(CheckAnswers({Pole()}, {{"pole", {std::string(kMaxAnswerChars + 1, 'x')}}}).errors),
            (std::vector<std::string>{"q_pole:signals.error.too_long"}));
  EXPECT_EQ(Keys(CheckAnswers({Pole()}, {{"pole", {"12\n13"}}}).errors),
            (std::vector<std::string>{"q_pole:signals.error.bad_characters"}));
  EXPECT_TRUE(CheckAnswers({note}, {{"note", {"regel 1\nregel 2"}}}).errors.empty());
  EXPECT_EQ(Keys(CheckAnswers({count}, {{"count", {"inf"}}}).errors),
            (std::vector<std::string>{"q_count:signals.question.not_a_number"}));
}

TEST(CheckAnswers, AnInactiveQuestionIsNeitherAskedNorAccepted) {
  Question q = Lamp();
  q.active = false;
  EXPECT_TRUE(CheckAnswers({q}, {}).errors.empty());
  EXPECT_EQ(Keys(CheckAnswers({q}, {{"lamp_state", {"knippert"}}}).errors),
            (std::vector<std::string>{"attributes:signals.question.unknown"}));
}

}  // namespace
}  // namespace wp::signals
