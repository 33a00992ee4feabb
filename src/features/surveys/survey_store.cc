#include "features/surveys/survey_store.h"

#include <map>

#include "core/strings.h"

namespace wp::surveys {

namespace {

constexpr const char* kSurveyColumns =
    "id, title, intro, district_code, mode, status, letters, created_by, created_at, panel_forum_id";

Survey ToSurvey(const db::Row& r) {
  Survey s;
  s.id = r.Int(0);
  s.title = r.Text(1);
  s.intro = r.Text(2);
  s.district_code = r.Text(3);
  s.mode = ParseMode(r.Text(4)).value_or(Mode::kOpen);
  s.status = ParseStatus(r.Text(5)).value_or(Status::kConcept);
  s.letters = r.Int(6);
  s.created_by = r.Int(7);
  s.created_at = r.Int(8);
  s.panel_forum_id = r.OptInt(9);
  return s;
}

std::string JoinInts(const std::vector<int>& v) {
  std::string out;
  for (int x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
  return out;
}

std::vector<int> SplitInts(const std::string& s) {
  std::vector<int> out;
  for (auto part : Split(s, ',')) {
    if (auto n = ParseId(part))
      out.push_back(static_cast<int>(*n));
    else if (part == "0")
      out.push_back(0);
  }
  return out;
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  for (auto part : Split(s, '\n')) out.emplace_back(part);
  return out;
}

Question ToQuestion(const db::Row& r) {
  Question q;
  q.id = r.Int(0);
  q.kind = ParseKind(r.Text(1)).value_or(QuestionKind::kSingle);
  q.text = r.Text(2);
  q.options = SplitLines(r.Text(3));
  q.min_choices = static_cast<int>(r.Int(4));
  q.max_choices = static_cast<int>(r.Int(5));
  q.scale_points = static_cast<int>(r.Int(6));
  q.low_label = r.Text(7);
  q.high_label = r.Text(8);
  q.max_length = static_cast<int>(r.Int(9));
  q.required = r.Bool(10);
  if (auto on = r.OptInt(11)) q.condition = Condition{*on, static_cast<int>(r.Int(12))};
  return q;
}

db::Params QuestionParams(const Question& q) {
  return {db::Text(std::string(KindName(q.kind))),
          db::Text(q.text),
          db::Text(JoinStrings(q.options, "\n")),
          db::Int(q.min_choices),
          db::Int(q.max_choices),
          db::Int(q.scale_points),
          db::Text(q.low_label),
          db::Text(q.high_label),
          db::Int(q.max_length),
          db::Int(q.required ? 1 : 0),
          q.condition ? db::Int(q.condition->question_id) : db::Null(),
          db::Int(q.condition ? q.condition->option : 0)};
}

}  // namespace

Result<int64_t> SurveyStore::Insert(db::Connection& c, const Survey& s) {
  return c.Insert(
      "INSERT INTO surveys (title, intro, district_code, mode, status, created_by, created_at, panel_forum_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {s.title, s.intro, s.district_code, std::string(ModeName(s.mode)), std::string(StatusName(s.status)),
       db::Int(s.created_by), db::Int(s.created_at), db::OptInt(s.panel_forum_id)});
}

Result<std::optional<Survey>> SurveyStore::Find(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(
      auto row, c.QueryOptional(std::string("SELECT ") + kSurveyColumns + " FROM surveys WHERE id = ?", {db::Int(id)}));
  if (!row) return std::optional<Survey>();
  return std::optional<Survey>(ToSurvey(*row));
}

Result<std::vector<Survey>> SurveyStore::List(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kSurveyColumns + " FROM surveys ORDER BY id DESC"));
  std::vector<Survey> out;
  for (const auto& r : rows) out.push_back(ToSurvey(r));
  return out;
}

Result<void> SurveyStore::SetStatus(db::Connection& c, int64_t id, Status status, int64_t at) {
  WP_TRY_VOID(c.Execute("UPDATE surveys SET status = ? WHERE id = ?", {std::string(StatusName(status)), db::Int(id)}));
  if (status == Status::kClosed) {
    WP_TRY_VOID(c.Execute("UPDATE surveys SET closed_at = ? WHERE id = ?", {db::Int(at), db::Int(id)}));
  }
  return Ok();
}

Result<void> SurveyStore::AddLetters(db::Connection& c, int64_t id, int64_t count) {
  WP_TRY_VOID(c.Execute("UPDATE surveys SET letters = letters + ? WHERE id = ?", {db::Int(count), db::Int(id)}));
  return Ok();
}

Result<SurveyStore::PanelSent> SurveyStore::PanelSentOf(db::Connection& c, int64_t survey_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT member_id, address_hash FROM survey_panel_sent WHERE survey_id = ?",
                                         {db::Int(survey_id)}));
  PanelSent out;
  for (const auto& r : rows) {
    out.members.insert(r.Int(0));
    out.address_hashes.insert(r.Text(1));
  }
  return out;
}

Result<void> SurveyStore::InsertPanelSent(db::Connection& c, int64_t survey_id, int64_t member_id,
                                          const std::string& address_hash) {
  WP_TRY_VOID(c.Execute("INSERT INTO survey_panel_sent (survey_id, member_id, address_hash) VALUES (?, ?, ?)",
                        {db::Int(survey_id), db::Int(member_id), address_hash}));
  return Ok();
}

Result<Questionnaire> SurveyStore::Questions(db::Connection& c, int64_t survey_id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT id, kind, text, options, min_choices, max_choices, scale_points, low_label, "
                              "high_label, max_length, required, cond_question_id, cond_option "
                              "FROM survey_questions WHERE survey_id = ? ORDER BY position, id",
                              {db::Int(survey_id)}));
  Questionnaire qn;
  for (const auto& r : rows) qn.questions.push_back(ToQuestion(r));
  return qn;
}

Result<int64_t> SurveyStore::InsertQuestion(db::Connection& c, int64_t survey_id, int position, const Question& q) {
  db::Params p{db::Int(survey_id), db::Int(position)};
  for (auto& v : QuestionParams(q)) p.push_back(std::move(v));
  return c.Insert(
      "INSERT INTO survey_questions (survey_id, position, kind, text, options, min_choices, max_choices, "
      "scale_points, low_label, high_label, max_length, required, cond_question_id, cond_option) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      p);
}

Result<void> SurveyStore::UpdateQuestion(db::Connection& c, const Question& q) {
  db::Params p = QuestionParams(q);
  p.push_back(db::Int(q.id));
  WP_TRY_VOID(
      c.Execute("UPDATE survey_questions SET kind = ?, text = ?, options = ?, min_choices = ?, max_choices = ?, "
                "scale_points = ?, low_label = ?, high_label = ?, max_length = ?, required = ?, cond_question_id = ?, "
                "cond_option = ? WHERE id = ?",
                p));
  return Ok();
}

Result<void> SurveyStore::SetPosition(db::Connection& c, int64_t question_id, int position) {
  WP_TRY_VOID(
      c.Execute("UPDATE survey_questions SET position = ? WHERE id = ?", {db::Int(position), db::Int(question_id)}));
  return Ok();
}

Result<void> SurveyStore::DeleteQuestion(db::Connection& c, int64_t question_id) {
  WP_TRY_VOID(c.Execute("DELETE FROM survey_questions WHERE id = ?", {db::Int(question_id)}));
  return Ok();
}

Result<void> SurveyStore::InsertCode(db::Connection& c, int64_t survey_id, const std::string& code_hash) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO survey_codes (survey_id, code_hash) VALUES (?, ?)", {db::Int(survey_id), code_hash}));
  return Ok();
}

Result<std::optional<SurveyStore::CodeRow>> SurveyStore::FindCode(db::Connection& c, int64_t survey_id,
                                                                  const std::string& code_hash) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional("SELECT id, used FROM survey_codes WHERE survey_id = ? AND code_hash = ?",
                                      {db::Int(survey_id), code_hash}));
  if (!row) return std::optional<CodeRow>();
  return std::optional<CodeRow>(CodeRow{row->Int(0), row->Bool(1)});
}

Result<bool> SurveyStore::UseCode(db::Connection& c, int64_t code_id) {
  WP_ASSIGN_OR_RETURN(int64_t n,
                      c.Execute("UPDATE survey_codes SET used = 1 WHERE id = ? AND used = 0", {db::Int(code_id)}));
  return n == 1;
}

Result<int64_t> SurveyStore::CountUsedCodes(db::Connection& c, int64_t survey_id) {
  WP_ASSIGN_OR_RETURN(
      auto row, c.QueryOne("SELECT COUNT(*) FROM survey_codes WHERE survey_id = ? AND used = 1", {db::Int(survey_id)}));
  return row.Int(0);
}

Result<bool> SurveyStore::AddParticipant(db::Connection& c, int64_t survey_id, const std::string& key_hash) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("INSERT INTO survey_participants (survey_id, key_hash) VALUES (?, ?) "
                                           "ON CONFLICT DO NOTHING",
                                           {db::Int(survey_id), key_hash}));
  return n == 1;
}

Result<int64_t> SurveyStore::InsertResponse(db::Connection& c, int64_t survey_id, const std::string& channel,
                                            const Questionnaire& qn, const Answers& answers) {
  WP_ASSIGN_OR_RETURN(int64_t id,
                      c.Insert("INSERT INTO survey_responses (survey_id, channel) VALUES (?, ?) RETURNING id",
                               {db::Int(survey_id), channel}));
  for (const auto& [qid, a] : answers) {
    const Question* q = qn.Find(qid);
    std::string moderation = q != nullptr && q->kind == QuestionKind::kOpen ? "pending" : "";
    WP_TRY_VOID(c.Execute(
        "INSERT INTO survey_answers (response_id, survey_id, question_id, choices, value, text, "
        "moderation) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {db::Int(id), db::Int(survey_id), db::Int(qid), JoinInts(a.choices), db::Int(a.value), a.text, moderation}));
  }
  return id;
}

Result<int64_t> SurveyStore::CountResponses(db::Connection& c, int64_t survey_id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOne("SELECT COUNT(*) FROM survey_responses WHERE survey_id = ?", {db::Int(survey_id)}));
  return row.Int(0);
}

Result<std::vector<Answers>> SurveyStore::Responses(db::Connection& c, int64_t survey_id) {
  WP_ASSIGN_OR_RETURN(auto ids,
                      c.Query("SELECT id FROM survey_responses WHERE survey_id = ? ORDER BY id", {db::Int(survey_id)}));
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT response_id, question_id, choices, value, text FROM survey_answers "
                                         "WHERE survey_id = ? ORDER BY response_id, id",
                                         {db::Int(survey_id)}));
  std::vector<Answers> out;
  std::map<int64_t, size_t> at;
  for (const auto& r : ids) {
    at[r.Int(0)] = out.size();
    out.emplace_back();
  }
  for (const auto& r : rows) {
    auto i = at.find(r.Int(0));
    if (i == at.end()) continue;
    out[i->second][r.Int(1)] = Answer{SplitInts(r.Text(2)), static_cast<int>(r.Int(3)), r.Text(4)};
  }
  return out;
}

Result<std::vector<OpenAnswer>> SurveyStore::OpenAnswers(db::Connection& c, int64_t survey_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, question_id, text, moderation FROM survey_answers "
                                         "WHERE survey_id = ? AND moderation <> '' ORDER BY question_id, id",
                                         {db::Int(survey_id)}));
  std::vector<OpenAnswer> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3)});
  return out;
}

Result<bool> SurveyStore::Moderate(db::Connection& c, int64_t survey_id, int64_t answer_id, bool accept) {
  WP_ASSIGN_OR_RETURN(
      int64_t n, c.Execute("UPDATE survey_answers SET moderation = ? WHERE id = ? AND survey_id = ? "
                           "AND moderation <> ''",
                           {std::string(accept ? "accepted" : "rejected"), db::Int(answer_id), db::Int(survey_id)}));
  return n == 1;
}

}  // namespace wp::surveys
