// The questionnaire of a survey (peiling): its questions, their kinds and
// limits, conditions ("show B only when A has answer X"), and the check of
// one response against it. Pure: no I/O; safe to call from any thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace wp::surveys {

enum class QuestionKind { kSingle, kMultiple, kScale, kRanking, kOpen };
std::string_view KindName(QuestionKind kind);
std::optional<QuestionKind> ParseKind(std::string_view name);
inline constexpr QuestionKind kAllKinds[] = {QuestionKind::kSingle, QuestionKind::kMultiple, QuestionKind::kScale,
                                             QuestionKind::kRanking, QuestionKind::kOpen};

inline constexpr int kMaxQuestions = 60;
inline constexpr int kMaxOptions = 20;
inline constexpr int kMaxTextChars = 500;   // question text, option, label
inline constexpr int kMaxOpenChars = 2000;  // the largest length limit of an open question
inline constexpr int kMinScale = 2;
inline constexpr int kMaxScale = 11;

// "Show this question only when question `question_id` got option `option`"
// (option index from 0; for multiple choice: among the chosen ones).
struct Condition {
  int64_t question_id = 0;
  int option = 0;
  bool operator==(const Condition&) const = default;
};

struct Question {
  int64_t id = 0;  // stable id (database); conditions refer to it
  QuestionKind kind = QuestionKind::kSingle;
  std::string text;
  std::vector<std::string> options;   // single, multiple, ranking
  int min_choices = 0;                // multiple: at least (0..options)
  int max_choices = 0;                // multiple: at most (min..options)
  int scale_points = 5;               // scale: 1..scale_points
  std::string low_label, high_label;  // scale: what 1 and scale_points mean
  int max_length = 500;               // open: at most this many characters
  bool required = false;
  std::optional<Condition> condition;
};

// The questions in the order respondents see them.
struct Questionnaire {
  std::vector<Question> questions;
  const Question* Find(int64_t id) const;
  int IndexOf(int64_t id) const;  // -1 when absent
};

// Checks one question on its own (the official's form). Errors as
// FieldErrors on "text", "options", "min_choices", "max_choices",
// "scale_points", "low_label", "high_label", "max_length"
// (keys surveys.error.*). Empty when fine.
std::vector<FieldError> CheckQuestion(const Question& q);

// Checks the whole questionnaire: every question (CheckQuestion), at most
// kMaxQuestions, and each condition refers to an EARLIER question of kind
// single or multiple choice and one of its options. Conditions only on
// earlier questions rule out cycles. Errors: FieldErrors on "q<id>"
// (surveys.error.condition_*), kInvalidInput with surveys.error.too_many.
Result<void> CheckQuestionnaire(const Questionnaire& qn);

// One answer. Which fields count depends on the question's kind:
// single: choices = {option}; multiple: choices = chosen options (ascending);
// ranking: choices = every option, best first; scale: value 1..points;
// open: text.
struct Answer {
  std::vector<int> choices;
  int value = 0;
  std::string text;
  bool operator==(const Answer&) const = default;
};
using Answers = std::map<int64_t, Answer>;  // question id -> answer; absent = not answered

// True when question `index` is shown, given the answers to the questions
// before it (a question whose condition question is hidden is hidden too).
bool IsShown(const Questionnaire& qn, const Answers& answers, size_t index);

// Checks a response. Answers to hidden questions and unknown question ids
// are dropped (not an error: the respondent may have changed an earlier
// answer); required shown questions must be answered; every answer must fit
// its question. Returns the cleaned answers. Errors: FormInvalid with a
// FieldError on "q<id>" per problem (surveys.error.answer_*).
Result<Answers> CheckAnswers(const Questionnaire& qn, const Answers& answers);

// "q12"
std::string FieldName(int64_t question_id);

}  // namespace wp::surveys
