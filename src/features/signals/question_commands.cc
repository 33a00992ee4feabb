// SignalCommands: the extra questions of categories and the answers of a
// report (questions.h).
#include <algorithm>

#include "core/strings.h"
#include "features/signals/command_helpers.h"
#include "features/signals/commands.h"
#include "features/signals/question_store.h"
#include "features/signals/signal_store.h"

namespace wp::signals {

using internal::TrimmedText;

Result<std::vector<Question>> SignalCommands::QuestionsFor(std::string_view slug) {
  return db_.Read([&](db::Connection& c) -> Result<std::vector<Question>> {
    WP_ASSIGN_OR_RETURN(auto categories, SignalStore::Categories(c));
    std::vector<Question> out;
    for (const auto& cat : categories) {
      if (cat.slug != slug || !IsReportable(cat, categories)) continue;
      WP_ASSIGN_OR_RETURN(auto all, QuestionStore::OfCategory(c, cat.id));
      std::copy_if(all.begin(), all.end(), std::back_inserter(out), [](const Question& q) { return q.active; });
    }
    return out;
  });
}

Result<std::vector<Question>> SignalCommands::QuestionsOf(int64_t category_id) {
  return db_.Read([&](db::Connection& c) { return QuestionStore::OfCategory(c, category_id); });
}

Result<std::vector<Question>> SignalCommands::AllQuestions() {
  return db_.Read([](db::Connection& c) { return QuestionStore::All(c); });
}

Result<int64_t> SignalCommands::SaveQuestion(const auth::User& actor, Question q) {
  if (!CanManageCategories(actor)) return Forbidden("not an administrator");
  q.code = TrimmedText(q.code);
  q.text = TrimmedText(q.text);
  q.text_en = TrimmedText(q.text_en);
  if (q.code.empty() && !q.text.empty()) {
    q.code = Slugify(q.text).substr(0, 40);
    std::replace(q.code.begin(), q.code.end(), '-', '_');
    while (!q.code.empty() && q.code.back() == '_') q.code.pop_back();
    if (!q.code.empty() && !(q.code[0] >= 'a' && q.code[0] <= 'z')) q.code = "q_" + q.code.substr(0, 38);
  }
  auto r = db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto category, SignalStore::FindCategory(c, q.category_id));
    if (!category) return NotFound("no such category");
    WP_ASSIGN_OR_RETURN(auto siblings, QuestionStore::OfCategory(c, q.category_id));
    auto errors = CheckQuestion(q, siblings);
    if (q.id == 0 && siblings.size() >= kMaxQuestionsPerCategory) {
      errors.push_back(
          {"form", "signals.question.too_many", {{"max", static_cast<int64_t>(kMaxQuestionsPerCategory)}}});
    }
    if (!errors.empty()) return FormInvalid(errors, "question form has errors");
    if (q.id == 0) {
      q.position = siblings.empty() ? 0 : siblings.back().position + 1;
      return QuestionStore::Insert(c, q);
    }
    auto existing = std::find_if(siblings.begin(), siblings.end(), [&](const Question& s) { return s.id == q.id; });
    if (existing == siblings.end()) return NotFound("no such question");
    q.position = existing->position;
    WP_TRY_VOID(QuestionStore::Update(c, q));
    return q.id;
  });
  if (!r.has_value() && r.error().code == ErrorCode::kConflict) {
    return FormInvalid({{"code", "signals.question.code_taken"}}, "question code taken");
  }
  return r;
}

Result<std::vector<StoredAnswer>> SignalCommands::AnswersOf(int64_t signal_id) {
  return db_.Read([&](db::Connection& c) { return QuestionStore::AnswersOf(c, signal_id); });
}

Result<std::vector<StoredAnswer>> SignalCommands::CheckReportAnswers(int64_t category_id, const Answers& answers,
                                                                     std::vector<FieldError>& errors) {
  WP_ASSIGN_OR_RETURN(auto questions, QuestionsOf(category_id));
  AnswerCheck check = CheckAnswers(questions, answers);
  errors.insert(errors.end(), check.errors.begin(), check.errors.end());
  return check.accepted;
}

}  // namespace wp::signals
