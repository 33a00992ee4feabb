#include "features/advice/advice_store.h"

namespace wp::advice {

namespace {

constexpr const char* kRequestColumns =
    "id, subject, questions, level, deadline_at, contact_name, contact_email, confidential, confidential_reason, "
    "status, created_by, created_at, updated_at";

AdviceRequest RequestFromRow(const db::Row& r) {
  AdviceRequest q;
  q.id = r.Int(0);
  q.subject = r.Text(1);
  q.questions = r.Text(2);
  q.level = ParseLevel(r.Text(3)).value_or(ParticipationLevel::kAdvise);
  q.deadline_at = r.Int(4);
  q.contact_name = r.Text(5);
  q.contact_email = r.Text(6);
  q.confidential = r.Int(7) != 0;
  q.confidential_reason = r.Text(8);
  q.status = ParseRequestStatus(r.Text(9)).value_or(RequestStatus::kDraft);
  q.created_by = r.Int(10);
  q.created_at = r.Int(11);
  q.updated_at = r.Int(12);
  return q;
}

Result<void> LoadPlatforms(db::Connection& c, AdviceRequest& q) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT platform_id FROM advice_request_platforms WHERE request_id = ? "
                                         "ORDER BY platform_id",
                                         {q.id}));
  q.platform_ids.clear();
  for (const auto& row : rows) q.platform_ids.push_back(row.Int(0));
  return Ok();
}

constexpr const char* kAdviceColumns =
    "id, platform_id, request_id, addressee, title, input_summary, meetings_held, people_reached, confidential, "
    "status, submitted_at, answer_due_at, answered_at, created_by, created_at, reminder_sent_at, overdue_sent_at";

Advice AdviceFromRow(const db::Row& r) {
  Advice a;
  a.id = r.Int(0);
  a.platform_id = r.Int(1);
  a.request_id = r.OptInt(2);
  a.addressee = r.Text(3);
  a.title = r.Text(4);
  a.input_summary = r.Text(5);
  a.meetings_held = static_cast<int>(r.Int(6));
  a.people_reached = static_cast<int>(r.Int(7));
  a.confidential = r.Int(8) != 0;
  a.status = ParseAdviceStatus(r.Text(9)).value_or(AdviceStatus::kDraft);
  a.submitted_at = r.OptInt(10);
  a.answer_due_at = r.OptInt(11);
  a.answered_at = r.OptInt(12);
  a.created_by = r.Int(13);
  a.created_at = r.Int(14);
  a.reminder_sent_at = r.OptInt(15);
  a.overdue_sent_at = r.OptInt(16);
  return a;
}

Result<void> LoadPoints(db::Connection& c, Advice& a) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT number, text, verdict, reason FROM advice_points WHERE advice_id = ? "
                                         "ORDER BY number",
                                         {a.id}));
  a.points.clear();
  for (const auto& row : rows) {
    AdvicePoint p;
    p.number = static_cast<int>(row.Int(0));
    p.text = row.Text(1);
    if (!row.IsNull(2)) p.verdict = ParseVerdict(row.Text(2));
    p.reason = row.Text(3);
    a.points.push_back(std::move(p));
  }
  return Ok();
}

Result<std::vector<Advice>> AdvicesWhere(db::Connection& c, const std::string& where, const db::Params& params,
                                         const std::string& order) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query(std::string("SELECT ") + kAdviceColumns + " FROM advices" + where + order, params));
  std::vector<Advice> out;
  for (const auto& row : rows) {
    Advice a = AdviceFromRow(row);
    WP_TRY_VOID(LoadPoints(c, a));
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

Result<int64_t> AdviceStore::InsertRequest(db::Connection& c, const AdviceRequest& r) {
  WP_ASSIGN_OR_RETURN(
      int64_t id,
      c.Insert("INSERT INTO advice_requests (subject, questions, level, deadline_at, contact_name, contact_email, "
               "confidential, confidential_reason, status, created_by, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {r.subject, r.questions, std::string(LevelName(r.level)), r.deadline_at, r.contact_name, r.contact_email,
                db::Int(r.confidential ? 1 : 0), r.confidential_reason, std::string(RequestStatusName(r.status)),
                r.created_by, r.created_at, r.updated_at}));
  for (int64_t p : r.platform_ids) {
    WP_TRY_VOID(c.Execute("INSERT INTO advice_request_platforms (request_id, platform_id) VALUES (?, ?)", {id, p}));
  }
  return id;
}

Result<void> AdviceStore::SetRequestStatus(db::Connection& c, int64_t id, RequestStatus s, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE advice_requests SET status = ?, updated_at = ? WHERE id = ?",
                                           {std::string(RequestStatusName(s)), now, id}));
  if (n != 1) return NotFound("advice request " + std::to_string(id), "advice.request.not_found");
  return Ok();
}

Result<void> AdviceStore::SaveDraftRequest(db::Connection& c, const AdviceRequest& r) {
  WP_ASSIGN_OR_RETURN(
      int64_t n,
      c.Execute("UPDATE advice_requests SET subject = ?, questions = ?, level = ?, deadline_at = ?, contact_name = ?, "
                "contact_email = ?, confidential = ?, confidential_reason = ?, updated_at = ? "
                "WHERE id = ? AND status = 'draft'",
                {r.subject, r.questions, std::string(LevelName(r.level)), r.deadline_at, r.contact_name,
                 r.contact_email, db::Int(r.confidential ? 1 : 0), r.confidential_reason, r.updated_at, r.id}));
  if (n != 1) return Conflict("request " + std::to_string(r.id) + " is no draft", "advice.error.request_not_draft");
  WP_TRY_VOID(c.Execute("DELETE FROM advice_request_platforms WHERE request_id = ?", {r.id}));
  for (int64_t p : r.platform_ids) {
    WP_TRY_VOID(c.Execute("INSERT INTO advice_request_platforms (request_id, platform_id) VALUES (?, ?)", {r.id, p}));
  }
  return Ok();
}

Result<std::optional<AdviceRequest>> AdviceStore::FindRequest(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(
      auto row, c.QueryOptional(std::string("SELECT ") + kRequestColumns + " FROM advice_requests WHERE id = ?", {id}));
  if (!row) return std::optional<AdviceRequest>();
  AdviceRequest q = RequestFromRow(*row);
  WP_TRY_VOID(LoadPlatforms(c, q));
  return std::optional<AdviceRequest>(std::move(q));
}

Result<std::vector<AdviceRequest>> AdviceStore::Requests(db::Connection& c, int64_t platform_id) {
  std::string sql = std::string("SELECT ") + kRequestColumns + " FROM advice_requests";
  db::Params params;
  if (platform_id > 0) {
    sql += " WHERE id IN (SELECT request_id FROM advice_request_platforms WHERE platform_id = ?)";
    params.push_back(platform_id);
  }
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(sql + " ORDER BY created_at DESC, id DESC", params));
  std::vector<AdviceRequest> out;
  for (const auto& row : rows) {
    AdviceRequest q = RequestFromRow(row);
    WP_TRY_VOID(LoadPlatforms(c, q));
    out.push_back(std::move(q));
  }
  return out;
}

Result<int64_t> AdviceStore::InsertAdvice(db::Connection& c, const Advice& a) {
  WP_ASSIGN_OR_RETURN(
      int64_t id,
      c.Insert("INSERT INTO advices (platform_id, request_id, addressee, title, input_summary, meetings_held, "
               "people_reached, confidential, status, submitted_at, answer_due_at, answered_at, created_by, "
               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {a.platform_id, db::OptInt(a.request_id), a.addressee, a.title, a.input_summary,
                db::Int(a.meetings_held), db::Int(a.people_reached), db::Int(a.confidential ? 1 : 0),
                std::string(AdviceStatusName(a.status)), db::OptInt(a.submitted_at), db::OptInt(a.answer_due_at),
                db::OptInt(a.answered_at), a.created_by, a.created_at}));
  for (const auto& p : a.points) {
    WP_TRY_VOID(c.Execute("INSERT INTO advice_points (advice_id, number, text, verdict, reason) VALUES (?, ?, ?, ?, ?)",
                          {id, db::Int(p.number), p.text,
                           p.verdict ? db::Value(std::string(VerdictName(*p.verdict))) : db::Null(), p.reason}));
  }
  return id;
}

Result<void> AdviceStore::SaveAdviceState(db::Connection& c, const Advice& a) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE advices SET status = ?, submitted_at = ?, answer_due_at = ?, "
                                           "answered_at = ? WHERE id = ?",
                                           {std::string(AdviceStatusName(a.status)), db::OptInt(a.submitted_at),
                                            db::OptInt(a.answer_due_at), db::OptInt(a.answered_at), a.id}));
  if (n != 1) return NotFound("advice " + std::to_string(a.id), "advice.advice.not_found");
  for (const auto& p : a.points) {
    WP_TRY_VOID(c.Execute(
        "UPDATE advice_points SET verdict = ?, reason = ? WHERE advice_id = ? AND number = ?",
        {p.verdict ? db::Value(std::string(VerdictName(*p.verdict))) : db::Null(), p.reason, a.id, db::Int(p.number)}));
  }
  return Ok();
}

Result<void> AdviceStore::SaveDraftContent(db::Connection& c, const Advice& a) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE advices SET title = ?, addressee = ?, input_summary = ?, "
                                           "meetings_held = ?, people_reached = ? WHERE id = ? AND status = 'draft'",
                                           {a.title, a.addressee, a.input_summary, db::Int(a.meetings_held),
                                            db::Int(a.people_reached), a.id}));
  if (n != 1) return Conflict("advice " + std::to_string(a.id) + " is no draft", "advice.error.edit_submitted");
  WP_TRY_VOID(c.Execute("DELETE FROM advice_points WHERE advice_id = ?", {a.id}));
  for (const auto& p : a.points) {
    WP_TRY_VOID(c.Execute("INSERT INTO advice_points (advice_id, number, text, verdict, reason) VALUES (?, ?, ?, ?, ?)",
                          {a.id, db::Int(p.number), p.text, db::Null(), std::string()}));
  }
  return Ok();
}

Result<std::optional<Advice>> AdviceStore::FindAdvice(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto list, AdvicesWhere(c, " WHERE id = ?", {id}, ""));
  if (list.empty()) return std::optional<Advice>();
  return std::optional<Advice>(std::move(list[0]));
}

Result<std::vector<Advice>> AdviceStore::Advices(db::Connection& c, int64_t request_id, int64_t platform_id) {
  std::string where;
  db::Params params;
  if (request_id > 0) {
    where = " WHERE request_id = ?";
    params.push_back(request_id);
  } else if (platform_id > 0) {
    where = " WHERE platform_id = ?";
    params.push_back(platform_id);
  }
  return AdvicesWhere(c, where, params, " ORDER BY created_at DESC, id DESC");
}

Result<std::vector<Advice>> AdviceStore::AwaitingAnswer(db::Connection& c) {
  return AdvicesWhere(c, " WHERE status = 'submitted'", {}, " ORDER BY answer_due_at, id");
}

Result<void> AdviceStore::AppendHistory(db::Connection& c, const HistoryOf& of, const HistoryEntry& e) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO advice_history (request_id, advice_id, at, actor_id, from_status, to_status, "
      "note) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {db::OptInt(of.request_id), db::OptInt(of.advice_id), e.at, e.actor_id, e.from_status, e.to_status, e.note}));
  return Ok();
}

Result<std::vector<HistoryEntry>> AdviceStore::History(db::Connection& c, const HistoryOf& of) {
  std::string where = of.request_id ? "request_id = ?" : "advice_id = ?";
  int64_t id = of.request_id ? *of.request_id : of.advice_id.value_or(0);
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT at, actor_id, from_status, to_status, note FROM advice_history "
                                         "WHERE " +
                                             where + " ORDER BY at, id",
                                         {id}));
  std::vector<HistoryEntry> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), "", r.Text(2), r.Text(3), r.Text(4)});
  return out;
}

Result<int64_t> AdviceStore::CountAdvices(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM advices WHERE status <> 'draft'"));
  return row.Int(0);
}

}  // namespace wp::advice
