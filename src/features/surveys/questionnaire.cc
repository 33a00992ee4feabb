#include "features/surveys/questionnaire.h"

#include <algorithm>
#include <set>

#include "core/strings.h"

namespace wp::surveys {

namespace {

constexpr std::pair<QuestionKind, std::string_view> kKindNames[] = {{QuestionKind::kSingle, "single"},
                                                                    {QuestionKind::kMultiple, "multiple"},
                                                                    {QuestionKind::kScale, "scale"},
                                                                    {QuestionKind::kRanking, "ranking"},
                                                                    {QuestionKind::kOpen, "open"}};

bool HasOptions(QuestionKind k) {
  return k == QuestionKind::kSingle || k == QuestionKind::kMultiple || k == QuestionKind::kRanking;
}

void CheckText(const std::string& value, const std::string& field, bool required, std::vector<FieldError>& out) {
  std::string_view t = Trim(value);
  if (t.empty()) {
    if (required) out.push_back({field, "surveys.error.required"});
    return;
  }
  if (!IsValidUtf8(t) || HasControlCharacters(t, field == "text")) {
    out.push_back({field, "surveys.error.bad_characters"});
  } else if (CountChars(t) > static_cast<size_t>(kMaxTextChars)) {
    out.push_back({field, "surveys.error.too_long", {{"max", int64_t{kMaxTextChars}}}});
  }
}

void CheckOptions(const Question& q, std::vector<FieldError>& out) {
  int n = static_cast<int>(q.options.size());
  if (n < 2 || n > kMaxOptions) {
    out.push_back({"options", "surveys.error.option_count", {{"max", int64_t{kMaxOptions}}}});
    return;
  }
  std::set<std::string> seen;
  for (const auto& o : q.options) {
    std::vector<FieldError> one;
    CheckText(o, "options", true, one);
    if (!one.empty()) {
      out.push_back(one.front());
      return;
    }
    if (!seen.insert(ToLower(Trim(o))).second) {
      out.push_back({"options", "surveys.error.option_twice"});
      return;
    }
  }
  if (q.kind != QuestionKind::kMultiple) return;
  if (q.min_choices < 0 || q.min_choices > n) out.push_back({"min_choices", "surveys.error.min_choices"});
  if (q.max_choices < std::max(1, q.min_choices) || q.max_choices > n) {
    out.push_back({"max_choices", "surveys.error.max_choices"});
  }
}

Result<void> CheckCondition(const Questionnaire& qn, size_t index) {
  const Question& q = qn.questions[index];
  if (!q.condition) return Ok();
  int at = qn.IndexOf(q.condition->question_id);
  std::string key;
  if (at < 0 || at >= static_cast<int>(index)) {
    key = "surveys.error.condition_earlier";
  } else {
    const Question& on = qn.questions[static_cast<size_t>(at)];
    if (on.kind != QuestionKind::kSingle && on.kind != QuestionKind::kMultiple) {
      key = "surveys.error.condition_kind";
    } else if (q.condition->option < 0 || q.condition->option >= static_cast<int>(on.options.size())) {
      key = "surveys.error.condition_option";
    }
  }
  if (key.empty()) return Ok();
  return FormInvalid({{FieldName(q.id), key}}, "bad condition");
}

bool IsChoice(const std::vector<int>& choices, int option) {
  return std::find(choices.begin(), choices.end(), option) != choices.end();
}

// The problem with `a` as an answer to `q`, or empty.
std::string ProblemWith(const Question& q, const Answer& a) {
  int n = static_cast<int>(q.options.size());
  auto in_range = [n](int c) { return c >= 0 && c < n; };
  std::set<int> distinct(a.choices.begin(), a.choices.end());
  bool all_in_range = std::all_of(a.choices.begin(), a.choices.end(), in_range);
  switch (q.kind) {
    case QuestionKind::kSingle:
      return a.choices.size() == 1 && all_in_range ? "" : "surveys.error.answer_single";
    case QuestionKind::kMultiple:
      if (!all_in_range || distinct.size() != a.choices.size()) return "surveys.error.answer_choice";
      if (static_cast<int>(a.choices.size()) < q.min_choices) return "surveys.error.answer_too_few";
      if (static_cast<int>(a.choices.size()) > q.max_choices) return "surveys.error.answer_too_many";
      return "";
    case QuestionKind::kRanking:
      return static_cast<int>(a.choices.size()) == n && distinct.size() == a.choices.size() && all_in_range
                 ? ""
                 : "surveys.error.answer_ranking";
    case QuestionKind::kScale:
      return a.value >= 1 && a.value <= q.scale_points ? "" : "surveys.error.answer_scale";
    case QuestionKind::kOpen:
      if (!IsValidUtf8(a.text) || HasControlCharacters(a.text, true)) return "surveys.error.bad_characters";
      return CountChars(a.text) <= static_cast<size_t>(q.max_length) ? "" : "surveys.error.answer_too_long";
  }
  return "surveys.error.answer_single";
}

bool IsEmpty(const Question& q, const Answer& a) {
  switch (q.kind) {
    case QuestionKind::kScale:
      return a.value == 0;
    case QuestionKind::kOpen:
      return Trim(a.text).empty();
    default:
      return a.choices.empty();
  }
}

}  // namespace

std::string_view KindName(QuestionKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "single";
}

std::optional<QuestionKind> ParseKind(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::string FieldName(int64_t question_id) { return "q" + std::to_string(question_id); }

const Question* Questionnaire::Find(int64_t id) const {
  int at = IndexOf(id);
  return at < 0 ? nullptr : &questions[static_cast<size_t>(at)];
}

int Questionnaire::IndexOf(int64_t id) const {
  for (size_t i = 0; i < questions.size(); ++i) {
    if (questions[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::vector<FieldError> CheckQuestion(const Question& q) {
  std::vector<FieldError> out;
  CheckText(q.text, "text", true, out);
  if (HasOptions(q.kind)) CheckOptions(q, out);
  if (q.kind == QuestionKind::kScale) {
    if (q.scale_points < kMinScale || q.scale_points > kMaxScale) {
      out.push_back(
          {"scale_points", "surveys.error.scale_points", {{"min", int64_t{kMinScale}}, {"max", int64_t{kMaxScale}}}});
    }
    CheckText(q.low_label, "low_label", false, out);
    CheckText(q.high_label, "high_label", false, out);
  }
  if (q.kind == QuestionKind::kOpen && (q.max_length < 1 || q.max_length > kMaxOpenChars)) {
    out.push_back({"max_length", "surveys.error.max_length", {{"max", int64_t{kMaxOpenChars}}}});
  }
  return out;
}

Result<void> CheckQuestionnaire(const Questionnaire& qn) {
  if (qn.questions.size() > static_cast<size_t>(kMaxQuestions)) {
    return InvalidInput("too many questions", "surveys.error.too_many");
  }
  std::vector<FieldError> errors;
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    for (const auto& e : CheckQuestion(qn.questions[i])) {
      errors.push_back({FieldName(qn.questions[i].id), e.message_key, e.args});
    }
    auto cond = CheckCondition(qn, i);
    if (!cond.has_value()) errors.push_back(cond.error().fields.front());
  }
  if (!errors.empty()) return FormInvalid(std::move(errors), "questionnaire has errors");
  return Ok();
}

bool IsShown(const Questionnaire& qn, const Answers& answers, size_t index) {
  // Conditions point only to earlier questions, so this walks backwards and ends.
  const Question& q = qn.questions.at(index);
  if (!q.condition) return true;
  int at = qn.IndexOf(q.condition->question_id);
  if (at < 0 || at >= static_cast<int>(index)) return false;
  if (!IsShown(qn, answers, static_cast<size_t>(at))) return false;
  auto a = answers.find(q.condition->question_id);
  return a != answers.end() && IsChoice(a->second.choices, q.condition->option);
}

Result<Answers> CheckAnswers(const Questionnaire& qn, const Answers& answers) {
  Answers clean;
  std::vector<FieldError> errors;
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    const Question& q = qn.questions[i];
    if (!IsShown(qn, clean, i)) continue;
    auto a = answers.find(q.id);
    if (a == answers.end() || IsEmpty(q, a->second)) {
      if (q.required) errors.push_back({FieldName(q.id), "surveys.error.answer_required"});
      continue;
    }
    Answer one = a->second;
    if (q.kind == QuestionKind::kMultiple) std::sort(one.choices.begin(), one.choices.end());
    if (q.kind == QuestionKind::kOpen) one.text = std::string(Trim(one.text));
    std::string problem = ProblemWith(q, one);
    if (!problem.empty()) {
      errors.push_back({FieldName(q.id),
                        problem,
                        {{"min", int64_t{q.min_choices}},
                         {"max", int64_t{q.kind == QuestionKind::kOpen ? q.max_length : q.max_choices}}}});
      continue;
    }
    clean[q.id] = std::move(one);
  }
  if (!errors.empty()) return FormInvalid(std::move(errors), "answers have errors");
  return clean;
}

}  // namespace wp::surveys
