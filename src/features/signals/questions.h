// Extra questions of a category ("Brandt de lamp niet of knippert hij?"):
// administrators add them per category, the report form asks them, staff see
// the answers, and Open311 publishes them as the attributes of a service
// definition (GeoReport v2: `metadata` true, datatypes string, text, number,
// singlevaluelist, multivaluelist; posted as attribute[code]). Pure: no I/O.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace wp::signals {

enum class QuestionKind { kString, kText, kNumber, kSingleChoice, kMultiChoice };

inline constexpr QuestionKind kAllQuestionKinds[] = {QuestionKind::kString, QuestionKind::kText, QuestionKind::kNumber,
                                                     QuestionKind::kSingleChoice, QuestionKind::kMultiChoice};

// The Open311 datatype, also the stored name: "string", "text", "number",
// "singlevaluelist", "multivaluelist".
std::string_view QuestionKindName(QuestionKind kind);
std::optional<QuestionKind> ParseQuestionKind(std::string_view name);
bool IsChoiceKind(QuestionKind kind);

inline constexpr size_t kMaxQuestionChars = 200;  // the question text
inline constexpr size_t kMaxAnswerChars = 500;    // a text answer
inline constexpr size_t kMaxChoices = 30;
inline constexpr size_t kMaxQuestionsPerCategory = 10;

struct QuestionChoice {
  std::string key;  // stable, posted by forms and Open311 clients
  std::string name;
  std::string name_en;  // empty: the Dutch name
  const std::string& NameIn(std::string_view locale) const {
    return locale == "en" && !name_en.empty() ? name_en : name;
  }
  bool operator==(const QuestionChoice&) const = default;
};

struct Question {
  int64_t id = 0;
  int64_t category_id = 0;
  std::string code;  // unique within its category; the Open311 attribute code
  QuestionKind kind = QuestionKind::kString;
  bool required = false;
  std::string text;     // Dutch
  std::string text_en;  // English; empty: the Dutch text
  int position = 0;
  std::vector<QuestionChoice> choices;  // choice kinds only
  bool active = true;

  const std::string& TextIn(std::string_view locale) const {
    return locale == "en" && !text_en.empty() ? text_en : text;
  }
};

// Choices typed one per line as "Dutch name" or "Dutch name | English name";
// the key is the slug of the Dutch name. Blank lines are skipped.
std::vector<QuestionChoice> ParseChoiceLines(std::string_view text);
// The same lines back, for editing.
std::string ChoiceLines(const std::vector<QuestionChoice>& choices);

// The problems of a question form: "code" (a-z, 0-9 and _, starting with a
// letter, at most 40; not used by another question of the category), "text"
// (required, at most kMaxQuestionChars, no control characters), "choices"
// (2 to kMaxChoices with distinct keys for a choice kind, none otherwise).
// `siblings` are the other questions of the same category.
std::vector<FieldError> CheckQuestion(const Question& q, const std::vector<Question>& siblings);

// Answers as posted: question code -> the values given (a choice kind posts
// choice keys; every other kind one value).
using Answers = std::map<std::string, std::vector<std::string>>;

// An accepted answer as stored with a signal: a snapshot of the question and
// of the answer in words, so later edits of the question do not change it.
struct StoredAnswer {
  std::string code;
  std::string question;  // Dutch text at the time of the report
  std::string value;     // keys joined by ',' for choices; the text or number otherwise
  std::string text;      // in words (choice names in Dutch, joined by ", ")
  bool operator==(const StoredAnswer&) const = default;
};

struct AnswerCheck {
  std::vector<FieldError> errors;      // field "q_<code>"; "attributes" for an unknown code
  std::vector<StoredAnswer> accepted;  // in question order; empty answers left out
};

// Checks `answers` against the active `questions` of a category: a required
// question answered, a number that is a finite number, a text within
// kMaxAnswerChars without control characters (line breaks allowed in "text"),
// choice keys that exist (one for a single choice), and no answer to a
// question the category does not have.
AnswerCheck CheckAnswers(const std::vector<Question>& questions, const Answers& answers);

}  // namespace wp::signals
