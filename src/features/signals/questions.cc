#include "features/signals/questions.h"

#include <cmath>
#include <cstdlib>
#include <set>

#include "core/strings.h"
#include "features/signals/signal.h"

namespace wp::signals {

namespace {

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 40 || !(s.front() >= 'a' && s.front() <= 'z')) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsNumber(std::string_view s) {
  std::string text(Trim(s));
  if (text.empty()) return false;
  for (char& c : text) {
    if (c == ',') c = '.';  // Dutch decimal comma
  }
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(v);
}

std::vector<std::string> NonEmpty(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    if (!Trim(v).empty()) out.emplace_back(Trim(v));
  }
  return out;
}

// The answer to one question, or the reason it is refused (message key).
struct OneAnswer {
  std::optional<StoredAnswer> accepted;
  std::optional<FieldError> error;
};

OneAnswer CheckChoiceAnswer(const Question& q, const std::vector<std::string>& given, const std::string& field) {
  if (q.kind == QuestionKind::kSingleChoice && given.size() > 1) {
    return {std::nullopt, FieldError{field, "signals.question.one_choice"}};
  }
  StoredAnswer a{q.code, q.text, "", ""};
  std::set<std::string> seen;
  for (const auto& key : given) {
    const QuestionChoice* found = nullptr;
    for (const auto& c : q.choices) {
      if (c.key == key) found = &c;
    }
    if (!found) return {std::nullopt, FieldError{field, "signals.question.unknown_choice"}};
    if (!seen.insert(key).second) continue;
    a.value += (a.value.empty() ? "" : ",") + key;
    a.text += (a.text.empty() ? "" : ", ") + found->name;
  }
  return {a, std::nullopt};
}

OneAnswer CheckOne(const Question& q, const std::vector<std::string>& values) {
  std::string field = "q_" + q.code;
  std::vector<std::string> given = NonEmpty(values);
  if (given.empty()) {
    if (q.required) return {std::nullopt, FieldError{field, kMissing}};
    return {};
  }
  if (IsChoiceKind(q.kind)) return CheckChoiceAnswer(q, given, field);
  if (given.size() > 1) return {std::nullopt, FieldError{field, "signals.question.one_value"}};
  const std::string& v = given[0];
  if (q.kind == QuestionKind::kNumber && !IsNumber(v)) {
    return {std::nullopt, FieldError{field, "signals.question.not_a_number"}};
  }
  if (CountChars(v) > kMaxAnswerChars) {
    return {std::nullopt, FieldError{field, kTooLong, {{"max", static_cast<int64_t>(kMaxAnswerChars)}}}};
  }
  if (HasControlCharacters(v, q.kind == QuestionKind::kText)) {
    return {std::nullopt, FieldError{field, kBadCharacters}};
  }
  return {StoredAnswer{q.code, q.text, v, v}, std::nullopt};
}

}  // namespace

std::string_view QuestionKindName(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::kString:
      return "string";
    case QuestionKind::kText:
      return "text";
    case QuestionKind::kNumber:
      return "number";
    case QuestionKind::kSingleChoice:
      return "singlevaluelist";
    case QuestionKind::kMultiChoice:
      return "multivaluelist";
  }
  return "string";
}

std::optional<QuestionKind> ParseQuestionKind(std::string_view name) {
  for (QuestionKind k : kAllQuestionKinds) {
    if (QuestionKindName(k) == name) return k;
  }
  return std::nullopt;
}

bool IsChoiceKind(QuestionKind kind) {
  return kind == QuestionKind::kSingleChoice || kind == QuestionKind::kMultiChoice;
}

std::vector<QuestionChoice> ParseChoiceLines(std::string_view text) {
  std::vector<QuestionChoice> out;
  for (std::string_view line : Split(text, '\n')) {
    line = Trim(line);
    if (line.empty()) continue;
    QuestionChoice c;
    size_t bar = line.find('|');
    c.name = std::string(Trim(line.substr(0, bar)));
    if (bar != std::string_view::npos) c.name_en = std::string(Trim(line.substr(bar + 1)));
    c.key = Slugify(c.name);
    out.push_back(std::move(c));
  }
  return out;
}

std::string ChoiceLines(const std::vector<QuestionChoice>& choices) {
  std::string out;
  for (const auto& c : choices) {
    out += c.name;
    if (!c.name_en.empty()) out += " | " + c.name_en;
    out += "\n";
  }
  return out;
}

std::vector<FieldError> CheckQuestion(const Question& q, const std::vector<Question>& siblings) {
  std::vector<FieldError> errors;
  if (!IsCode(q.code)) {
    errors.push_back({"code", "signals.question.bad_code"});
  } else {
    for (const auto& s : siblings) {
      if (s.id != q.id && s.code == q.code) errors.push_back({"code", "signals.question.code_taken"});
    }
  }
  std::string_view text = Trim(q.text);
  if (text.empty()) {
    errors.push_back({"text", kMissing});
  } else if (CountChars(text) > kMaxQuestionChars || CountChars(q.text_en) > kMaxQuestionChars) {
    errors.push_back({"text", kTooLong, {{"max", static_cast<int64_t>(kMaxQuestionChars)}}});
  } else if (HasControlCharacters(q.text, false) || HasControlCharacters(q.text_en, false)) {
    errors.push_back({"text", kBadCharacters});
  }
  if (!IsChoiceKind(q.kind)) {
    if (!q.choices.empty()) errors.push_back({"choices", "signals.question.no_choices"});
    return errors;
  }
  std::set<std::string> keys;
  bool bad = false;
  for (const auto& c : q.choices) {
    if (c.key.empty() || !keys.insert(c.key).second || CountChars(c.name) > 80 || CountChars(c.name_en) > 80 ||
        HasControlCharacters(c.name, false) || HasControlCharacters(c.name_en, false)) {
      bad = true;
    }
  }
  if (q.choices.size() < 2 || q.choices.size() > kMaxChoices) {
    errors.push_back({"choices",
                      "signals.question.choice_count",
                      {{"min", int64_t{2}}, {"max", static_cast<int64_t>(kMaxChoices)}}});
  } else if (bad) {
    errors.push_back({"choices", "signals.question.bad_choices"});
  }
  return errors;
}

AnswerCheck CheckAnswers(const std::vector<Question>& questions, const Answers& answers) {
  AnswerCheck out;
  for (const auto& [code, values] : answers) {
    bool known = false;
    for (const auto& q : questions) {
      if (q.active && q.code == code) known = true;
    }
    if (!known && !NonEmpty(values).empty()) {
      out.errors.push_back({"attributes", "signals.question.unknown", {{"code", code}}});
    }
  }
  static const std::vector<std::string> kNone;
  for (const auto& q : questions) {
    if (!q.active) continue;
    auto it = answers.find(q.code);
    OneAnswer one = CheckOne(q, it == answers.end() ? kNone : it->second);
    if (one.error) out.errors.push_back(*one.error);
    if (one.accepted) out.accepted.push_back(*one.accepted);
  }
  if (!out.errors.empty()) out.accepted.clear();
  return out;
}

}  // namespace wp::signals
