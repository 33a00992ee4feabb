// Table tests of the questionnaire model: each question kind's limits,
// conditions only on earlier choice questions (so no cycles), and answers
// checked against the questionnaire with hidden conditional questions dropped.
#include "features/surveys/questionnaire.h"

#include <gtest/gtest.h>

namespace wp::surveys {
namespace {

Question Single(int64_t id, std::vector<std::string> options = {"Ja", "Nee"}) {
  Question q;
  q.id = id;
  q.kind = QuestionKind::kSingle;
  q.text = "Vraag " + std::to_string(id);
  q.options = std::move(options);
  return q;
}

Question Of(QuestionKind kind, int64_t id) {
  Question q = Single(id, {"Groen", "Spelen", "Parkeren"});
  q.kind = kind;
  q.min_choices = 1;
  q.max_choices = 2;
  q.scale_points = 5;
  q.max_length = 20;
  return q;
}

std::string FirstKey(const std::vector<FieldError>& errors) { return errors.empty() ? "" : errors[0].message_key; }

TEST(CheckQuestion, KindsAndLimits) {
  struct Case {
    const char* name;
    Question q;
    const char* key;  // "" = fine
  };
  Question no_text = Single(1);
  no_text.text = "  ";
  Question one_option = Single(1, {"Ja"});
  Question twice = Single(1, {"Ja", "ja "});
  Question empty_option = Single(1, {"Ja", ""});
  Question max_below_min = Of(QuestionKind::kMultiple, 1);
  max_below_min.min_choices = 2;
  max_below_min.max_choices = 1;
  Question max_over = Of(QuestionKind::kMultiple, 1);
  max_over.max_choices = 4;
  Question min_over = Of(QuestionKind::kMultiple, 1);
  min_over.min_choices = 4;
  Question scale_small = Of(QuestionKind::kScale, 1);
  scale_small.scale_points = 1;
  Question scale_big = Of(QuestionKind::kScale, 1);
  scale_big.scale_points = 12;
  Question open_zero = Of(QuestionKind::kOpen, 1);
  open_zero.max_length = 0;
  Question open_huge = Of(QuestionKind::kOpen, 1);
  open_huge.max_length = kMaxOpenChars + 1;
  Question long_text = Single(1);
  long_text.text = std::string(kMaxTextChars + 1, 'a');
  Question tab_option = Single(1, {"Ja\tnee", "Nee"});
  const Case cases[] = {
      {"single", Single(1), ""},
      {"multiple", Of(QuestionKind::kMultiple, 1), ""},
      {"scale", Of(QuestionKind::kScale, 1), ""},
      {"ranking", Of(QuestionKind::kRanking, 1), ""},
      {"open", Of(QuestionKind::kOpen, 1), ""},
      {"no text", no_text, "surveys.error.required"},
      {"one option", one_option, "surveys.error.option_count"},
      {"option twice", twice, "surveys.error.option_twice"},
      {"empty option", empty_option, "surveys.error.required"},
      {"max below min", max_below_min, "surveys.error.max_choices"},
      {"max over options", max_over, "surveys.error.max_choices"},
      {"min over options", min_over, "surveys.error.min_choices"},
      {"scale of 1", scale_small, "surveys.error.scale_points"},
      {"scale of 12", scale_big, "surveys.error.scale_points"},
      {"open of 0", open_zero, "surveys.error.max_length"},
      {"open too long", open_huge, "surveys.error.max_length"},
      {"text too long", long_text, "surveys.error.too_long"},
      {"tab in option", tab_option, "surveys.error.bad_characters"},
  };
  for (const auto& c : cases) EXPECT_EQ(FirstKey(CheckQuestion(c.q)), c.key) << c.name;
}

TEST(CheckQuestionnaire, ConditionsOnlyOnEarlierChoiceQuestions) {
  Question a = Single(1);
  Question b = Of(QuestionKind::kOpen, 2);
  b.condition = Condition{1, 0};
  EXPECT_TRUE(CheckQuestionnaire({{a, b}}).has_value());

  // B before A: the condition points forward (and a cycle A->B->A would need one).
  Question a_on_b = a;
  a_on_b.condition = Condition{2, 0};
  auto cycle = CheckQuestionnaire({{a_on_b, b}});
  ASSERT_FALSE(cycle.has_value());
  EXPECT_EQ(cycle.error().fields[0].message_key, "surveys.error.condition_earlier");
  auto forward = CheckQuestionnaire({{b, a}});
  ASSERT_FALSE(forward.has_value());
  EXPECT_EQ(forward.error().fields[0].field, "q2");

  Question self = Single(3);
  self.condition = Condition{3, 0};
  EXPECT_EQ(CheckQuestionnaire({{self}}).error().fields[0].message_key, "surveys.error.condition_earlier");

  Question on_open = Single(3);
  on_open.condition = Condition{2, 0};
  EXPECT_EQ(CheckQuestionnaire({{a, b, on_open}}).error().fields[0].message_key, "surveys.error.condition_kind");

  Question bad_option = Single(3);
  bad_option.condition = Condition{1, 2};
  EXPECT_EQ(CheckQuestionnaire({{a, bad_option}}).error().fields[0].message_key, "surveys.error.condition_option");

  Question unknown = Single(3);
  unknown.condition = Condition{99, 0};
  EXPECT_EQ(CheckQuestionnaire({{a, unknown}}).error().fields[0].message_key, "surveys.error.condition_earlier");
}

TEST(CheckAnswers, EveryKind) {
  Questionnaire qn{{Single(1), Of(QuestionKind::kMultiple, 2), Of(QuestionKind::kScale, 3),
                    Of(QuestionKind::kRanking, 4), Of(QuestionKind::kOpen, 5)}};
  struct Case {
    const char* name;
    int64_t q;
    Answer a;
    const char* key;
  };
  const Case cases[] = {
      {"single", 1, {{1}}, ""},
      {"single two", 1, {{0, 1}}, "surveys.error.answer_single"},
      {"single out of range", 1, {{2}}, "surveys.error.answer_single"},
      {"multiple", 2, {{2, 0}}, ""},
      {"multiple too many", 2, {{0, 1, 2}}, "surveys.error.answer_too_many"},
      {"multiple twice", 2, {{1, 1}}, "surveys.error.answer_choice"},
      {"multiple unknown", 2, {{7}}, "surveys.error.answer_choice"},
      {"scale", 3, {{}, 5}, ""},
      {"scale 6", 3, {{}, 6}, "surveys.error.answer_scale"},
      {"scale -1", 3, {{}, -1}, "surveys.error.answer_scale"},
      {"ranking", 4, {{2, 0, 1}}, ""},
      {"ranking short", 4, {{2, 0}}, "surveys.error.answer_ranking"},
      {"ranking twice", 4, {{2, 2, 1}}, "surveys.error.answer_ranking"},
      {"open", 5, {{}, 0, "Meer bomen"}, ""},
      {"open too long", 5, {{}, 0, std::string(21, 'x')}, "surveys.error.answer_too_long"},
      {"open 20 multibyte", 5, {{}, 0, "ééééééééééééééééééé\xc3\xa9"}, ""},
  };
  for (const auto& c : cases) {
    auto r = CheckAnswers(qn, {{c.q, c.a}});
    EXPECT_EQ(r.has_value() ? "" : r.error().fields[0].message_key, c.key) << c.name;
    if (!r.has_value()) {
      EXPECT_EQ(r.error().fields[0].field, FieldName(c.q)) << c.name;
    }
  }
  // Multiple choice: at least min_choices once answered; nothing at all is a skip.
  EXPECT_EQ(CheckAnswers(qn, {{2, Answer{}}})->size(), 0u);
}

TEST(CheckAnswers, SkippedConditionalQuestionsAreDroppedNotRequired) {
  Question a = Single(1);  // Ja / Nee
  Question b = Of(QuestionKind::kOpen, 2);
  b.condition = Condition{1, 0};  // only after "Ja"
  b.required = true;
  Question c = Of(QuestionKind::kScale, 3);
  c.condition = Condition{2, 0};  // on an open question: refused by CheckQuestionnaire; here: never shown
  Question d = Single(4);
  d.condition = Condition{1, 1};  // only after "Nee"
  Questionnaire qn{{a, b, d}};

  auto yes_without_b = CheckAnswers(qn, {{1, {{0}}}});
  ASSERT_FALSE(yes_without_b.has_value());
  EXPECT_EQ(yes_without_b.error().fields[0].field, "q2");
  EXPECT_EQ(yes_without_b.error().fields[0].message_key, "surveys.error.answer_required");

  // "Nee": B is hidden, so its (stale) answer goes and it is not required; D stays.
  auto no = CheckAnswers(qn, {{1, {{1}}}, {2, {{}, 0, "oud antwoord"}}, {4, {{0}}}, {99, {{0}}}});
  ASSERT_TRUE(no.has_value());
  EXPECT_EQ(no->count(2), 0u);
  EXPECT_EQ(no->count(4), 1u);
  EXPECT_EQ(no->count(99), 0u);

  // Nested: D depends on A, E on D; A unanswered hides both.
  Question e = Single(5);
  e.condition = Condition{4, 0};
  e.required = true;
  Questionnaire nested{{a, d, e}};
  EXPECT_FALSE(IsShown(nested, {}, 2));
  EXPECT_TRUE(IsShown(nested, {{1, {{1}}}, {4, {{0}}}}, 2));
  EXPECT_FALSE(IsShown(nested, {{1, {{0}}}, {4, {{0}}}}, 2));
  EXPECT_TRUE(CheckAnswers(nested, {}).has_value());
}

TEST(CheckAnswers, RequiredAndTrimmed) {
  Question a = Of(QuestionKind::kOpen, 1);
  a.required = true;
  Questionnaire qn{{a}};
  EXPECT_EQ(CheckAnswers(qn, {{1, {{}, 0, "   "}}}).error().fields[0].message_key, "surveys.error.answer_required");
  EXPECT_EQ(CheckAnswers(qn, {{1, {{}, 0, "  ja  "}}})->at(1).text, "ja");
}

TEST(Kinds, NamesRoundTrip) {
  for (QuestionKind k : kAllKinds) EXPECT_EQ(ParseKind(KindName(k)), k);
  EXPECT_FALSE(ParseKind("vrij").has_value());
}

}  // namespace
}  // namespace wp::surveys
