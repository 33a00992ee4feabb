#include "features/livepolls/poll_store.h"

#include "core/strings.h"

namespace wp::livepolls {

namespace {

constexpr const char* kPollColumns =
    "id, platform_id, title, meeting, join_code, status, active, show_results, created_by, created_at, closed_at, "
    "event_id";

Poll ToPoll(const db::Row& r) {
  Poll p;
  p.id = r.Int(0);
  p.platform_id = r.Int(1);
  p.title = r.Text(2);
  p.meeting = r.Text(3);
  p.join_code = r.Text(4);
  p.status = ParseStatus(r.Text(5)).value_or(PollStatus::kClosed);
  p.active = static_cast<int>(r.Int(6));
  p.show_results = r.Bool(7);
  p.created_by = r.Int(8);
  p.created_at = r.Int(9);
  p.closed_at = r.OptInt(10);
  p.event_id = r.OptInt(11);
  return p;
}

Result<std::optional<Poll>> OnePoll(db::Connection& c, const std::string& where, const db::Value& key) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kPollColumns + " FROM livepolls WHERE " +
                                                    where + " = ?",
                                                {key}));
  if (!row) return std::optional<Poll>();
  return std::optional<Poll>(ToPoll(*row));
}

}  // namespace

Result<int64_t> PollStore::InsertPoll(db::Connection& c, const Poll& p) {
  return c.Insert(
      "INSERT INTO livepolls (platform_id, title, meeting, join_code, status, active, show_results, created_by, "
      "created_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {p.platform_id, p.title, p.meeting, p.join_code, std::string(StatusName(p.status)), int64_t{p.active},
       db::Int(p.show_results ? 1 : 0), p.created_by, p.created_at, db::OptInt(p.event_id)});
}

Result<void> PollStore::UpdateState(db::Connection& c, const Poll& p) {
  WP_TRY_VOID(c.Execute("UPDATE livepolls SET status = ?, active = ?, show_results = ?, closed_at = ? WHERE id = ?",
                        {std::string(StatusName(p.status)), int64_t{p.active}, db::Int(p.show_results ? 1 : 0),
                         db::OptInt(p.closed_at), p.id}));
  return Ok();
}

Result<std::optional<Poll>> PollStore::FindPoll(db::Connection& c, int64_t id) { return OnePoll(c, "id", id); }

Result<std::optional<Poll>> PollStore::FindByCode(db::Connection& c, const std::string& code) {
  return OnePoll(c, "join_code", code);
}

Result<std::vector<Poll>> PollStore::PollsOf(db::Connection& c, int64_t platform_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kPollColumns +
                                             " FROM livepolls WHERE platform_id = ? ORDER BY id DESC LIMIT 200",
                                         {platform_id}));
  std::vector<Poll> out;
  for (const auto& r : rows) out.push_back(ToPoll(r));
  return out;
}

Result<std::vector<Poll>> PollStore::ClosedPollsOfEvent(db::Connection& c, int64_t event_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kPollColumns +
                                             " FROM livepolls WHERE event_id = ? AND status = 'closed' ORDER BY id",
                                         {event_id}));
  std::vector<Poll> out;
  for (const auto& r : rows) out.push_back(ToPoll(r));
  return out;
}

Result<int64_t> PollStore::CountPolls(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM livepolls"));
  return row.Int(0);
}

Result<int64_t> PollStore::InsertQuestion(db::Connection& c, const Question& q) {
  return c.Insert(
      "INSERT INTO livepoll_questions (poll_id, position, kind, text, options, scale_max) VALUES (?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {q.poll_id, int64_t{q.position}, std::string(KindName(q.kind)), q.text, JoinStrings(q.options, "\n"),
       int64_t{q.scale_max}});
}

Result<std::vector<Question>> PollStore::QuestionsOf(db::Connection& c, int64_t poll_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, poll_id, position, kind, text, options, scale_max FROM "
                                         "livepoll_questions WHERE poll_id = ? ORDER BY position",
                                         {poll_id}));
  std::vector<Question> out;
  for (const auto& r : rows) {
    Question q;
    q.id = r.Int(0);
    q.poll_id = r.Int(1);
    q.position = static_cast<int>(r.Int(2));
    q.kind = ParseKind(r.Text(3)).value_or(QuestionKind::kOpen);
    q.text = r.Text(4);
    q.options = OptionLines(r.Text(5));
    q.scale_max = static_cast<int>(r.Int(6));
    out.push_back(std::move(q));
  }
  return out;
}

Result<void> PollStore::UpsertAnswer(db::Connection& c, int64_t poll_id, int64_t question_id,
                                     const std::string& participant, const std::string& value, int64_t now) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO livepoll_answers (poll_id, question_id, participant, value, hidden, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, 0, ?, ?) ON CONFLICT (question_id, participant) DO UPDATE SET value = excluded.value, "
      "hidden = 0, updated_at = excluded.updated_at",
      {poll_id, question_id, participant, value, now, now}));
  return Ok();
}

Result<std::optional<std::string>> PollStore::AnswerOf(db::Connection& c, int64_t question_id,
                                                       const std::string& participant) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT value FROM livepoll_answers WHERE question_id = ? AND "
                                                "participant = ?",
                                                {question_id, participant}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

Result<std::vector<StoredAnswer>> PollStore::AnswersOf(db::Connection& c, int64_t poll_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, question_id, value, hidden FROM livepoll_answers WHERE "
                                         "poll_id = ? ORDER BY id",
                                         {poll_id}));
  std::vector<StoredAnswer> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Bool(3)});
  return out;
}

Result<int64_t> PollStore::CountParticipants(db::Connection& c, int64_t poll_id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOne("SELECT COUNT(DISTINCT participant) FROM livepoll_answers WHERE poll_id = ?", {poll_id}));
  return row.Int(0);
}

Result<int64_t> PollStore::HideAnswer(db::Connection& c, int64_t poll_id, int64_t answer_id) {
  return c.Execute("UPDATE livepoll_answers SET hidden = 1 WHERE poll_id = ? AND id = ?", {poll_id, answer_id});
}

Result<void> PollStore::RecordWrongCode(db::Connection& c, const std::string& client, int64_t now) {
  WP_TRY_VOID(c.Execute("INSERT INTO livepoll_wrong_codes (client, seen_at) VALUES (?, ?)", {client, now}));
  return Ok();
}

Result<int64_t> PollStore::CountWrongCodesSince(db::Connection& c, const std::string& client, int64_t since) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM livepoll_wrong_codes WHERE client = ? AND "
                                           "seen_at >= ?",
                                           {client, since}));
  return row.Int(0);
}

}  // namespace wp::livepolls
