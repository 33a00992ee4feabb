#include "features/signals/question_store.h"

#include <nlohmann/json.hpp>

namespace wp::signals {

namespace {

constexpr const char* kColumns =
    "id, category_id, code, kind, required, question_text, question_text_en, position, choices, active";

std::string ChoicesJson(const std::vector<QuestionChoice>& choices) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : choices) out.push_back({{"key", c.key}, {"name", c.name}, {"name_en", c.name_en}});
  return out.dump();
}

std::vector<QuestionChoice> ParseChoicesJson(const std::string& text) {
  std::vector<QuestionChoice> out;
  auto doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_array()) return out;
  for (const auto& c : doc) {
    out.push_back({c.value("key", ""), c.value("name", ""), c.value("name_en", "")});
  }
  return out;
}

Question ToQuestion(const db::Row& r) {
  Question q;
  q.id = r.Int(0);
  q.category_id = r.Int(1);
  q.code = r.Text(2);
  q.kind = ParseQuestionKind(r.Text(3)).value_or(QuestionKind::kString);
  q.required = r.Bool(4);
  q.text = r.Text(5);
  q.text_en = r.Text(6);
  q.position = static_cast<int>(r.Int(7));
  q.choices = ParseChoicesJson(r.Text(8));
  q.active = r.Bool(9);
  return q;
}

Result<std::vector<Question>> ToQuestions(Result<db::Rows> rows) {
  if (!rows.has_value()) return rows.error();
  std::vector<Question> out;
  for (const auto& r : *rows) out.push_back(ToQuestion(r));
  return out;
}

}  // namespace

Result<std::vector<Question>> QuestionStore::OfCategory(db::Connection& c, int64_t category_id) {
  return ToQuestions(
      c.Query(std::string("SELECT ") + kColumns + " FROM signal_questions WHERE category_id = ? ORDER BY position, id",
              {category_id}));
}

Result<std::vector<Question>> QuestionStore::All(db::Connection& c) {
  return ToQuestions(
      c.Query(std::string("SELECT ") + kColumns + " FROM signal_questions ORDER BY category_id, position, id"));
}

Result<int64_t> QuestionStore::Insert(db::Connection& c, const Question& q) {
  return c.Insert(
      "INSERT INTO signal_questions (category_id, code, kind, required, question_text, question_text_en, position, "
      "choices, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {q.category_id, q.code, std::string(QuestionKindName(q.kind)), db::Int(q.required ? 1 : 0), q.text, q.text_en,
       db::Int(q.position), ChoicesJson(q.choices), db::Int(q.active ? 1 : 0)});
}

Result<void> QuestionStore::Update(db::Connection& c, const Question& q) {
  WP_TRY_VOID(c.Execute(
      "UPDATE signal_questions SET code = ?, kind = ?, required = ?, question_text = ?, question_text_en = ?, "
      "position = ?, choices = ?, active = ? WHERE id = ? AND category_id = ?",
      {q.code, std::string(QuestionKindName(q.kind)), db::Int(q.required ? 1 : 0), q.text, q.text_en,
       db::Int(q.position), ChoicesJson(q.choices), db::Int(q.active ? 1 : 0), q.id, q.category_id}));
  return Ok();
}

Result<void> QuestionStore::InsertAnswers(db::Connection& c, int64_t signal_id,
                                          const std::vector<StoredAnswer>& answers) {
  int position = 0;
  for (const auto& a : answers) {
    WP_TRY_VOID(
        c.Execute("INSERT INTO signal_answers (signal_id, position, code, question_text, answer_value, answer_text) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  {signal_id, db::Int(position++), a.code, a.question, a.value, a.text}));
  }
  return Ok();
}

Result<std::vector<StoredAnswer>> QuestionStore::AnswersOf(db::Connection& c, int64_t signal_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query("SELECT code, question_text, answer_value, answer_text FROM "
                                             "signal_answers WHERE signal_id = ? ORDER BY position",
                                             {signal_id}));
  std::vector<StoredAnswer> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3)});
  return out;
}

}  // namespace wp::signals
