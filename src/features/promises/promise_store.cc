#include "features/promises/promise_store.h"

#include <string>

namespace wp::promises {

namespace {

constexpr const char* kColumns =
    "id, platform_id, text, source, source_note, advice_id, point_number, department, person, due_at, status, "
    "status_reason, created_by, created_at, updated_at, meeting_id";

Promise FromRow(const db::Row& r) {
  Promise p;
  p.id = r.Int(0);
  p.platform_id = r.Int(1);
  p.text = r.Text(2);
  p.source = ParseSource(r.Text(3)).value_or(Source::kOther);
  p.source_note = r.Text(4);
  p.advice_id = r.OptInt(5);
  if (auto n = r.OptInt(6)) p.point_number = static_cast<int>(*n);
  p.owner = {r.Text(7), r.Text(8)};
  p.due_at = r.Int(9);
  p.status = ParseStatus(r.Text(10)).value_or(Status::kOpen);
  p.status_reason = r.Text(11);
  p.created_by = r.Int(12);
  p.created_at = r.Int(13);
  p.updated_at = r.Int(14);
  p.meeting_id = r.OptInt(15);
  return p;
}

Result<std::vector<Promise>> Where(db::Connection& c, const std::string& where, const db::Params& params) {
  WP_ASSIGN_OR_RETURN(
      auto rows,
      c.Query(std::string("SELECT ") + kColumns + " FROM promises" + where + " ORDER BY due_at, id", params));
  std::vector<Promise> out;
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

}  // namespace

Result<int64_t> PromiseStore::Insert(db::Connection& c, const Promise& p) {
  return c.Insert(
      "INSERT INTO promises (platform_id, text, source, source_note, advice_id, point_number, department, person, "
      "due_at, status, status_reason, created_by, created_at, updated_at, meeting_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {p.platform_id, p.text, std::string(SourceName(p.source)), p.source_note, db::OptInt(p.advice_id),
       p.point_number ? db::Value(db::Int(*p.point_number)) : db::Null(), p.owner.department, p.owner.person, p.due_at,
       std::string(StatusName(p.status)), p.status_reason, p.created_by, p.created_at, p.updated_at,
       db::OptInt(p.meeting_id)});
}

Result<void> PromiseStore::SaveState(db::Connection& c, const Promise& p) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE promises SET department = ?, person = ?, status = ?, "
                                           "status_reason = ?, updated_at = ? WHERE id = ?",
                                           {p.owner.department, p.owner.person, std::string(StatusName(p.status)),
                                            p.status_reason, p.updated_at, p.id}));
  if (n != 1) return NotFound("promise " + std::to_string(p.id), "promises.promise.not_found");
  return Ok();
}

Result<std::optional<Promise>> PromiseStore::Find(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto list, Where(c, " WHERE id = ?", {id}));
  if (list.empty()) return std::optional<Promise>();
  return std::optional<Promise>(std::move(list[0]));
}

Result<std::vector<Promise>> PromiseStore::OfPlatform(db::Connection& c, int64_t platform_id) {
  if (platform_id > 0) return Where(c, " WHERE platform_id = ?", {platform_id});
  return Where(c, "", {});
}

Result<std::vector<Promise>> PromiseStore::Late(db::Connection& c, int64_t now) {
  return Where(c, " WHERE status = 'open' AND due_at <= ?", {now});
}

Result<std::vector<Promise>> PromiseStore::FromAnswer(db::Connection& c, int64_t advice_id, int point) {
  return Where(c, " WHERE advice_id = ? AND point_number = ?", {advice_id, db::Int(point)});
}

Result<void> PromiseStore::Append(db::Connection& c, int64_t promise_id, const Entry& e) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO promise_history (promise_id, at, actor_id, kind, from_value, to_value, text) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                {promise_id, e.at, e.actor_id, std::string(EntryKindName(e.kind)), e.from, e.to, e.text}));
  return Ok();
}

Result<std::vector<Entry>> PromiseStore::History(db::Connection& c, int64_t promise_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT at, actor_id, kind, from_value, to_value, text FROM promise_history "
                                         "WHERE promise_id = ? ORDER BY at, id",
                                         {promise_id}));
  std::vector<Entry> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), "", ParseEntryKind(r.Text(2)).value_or(EntryKind::kUpdate), r.Text(3), r.Text(4),
                   r.Text(5)});
  }
  return out;
}

Result<int64_t> PromiseStore::CountOpen(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM promises WHERE status = 'open'"));
  return row.Int(0);
}

}  // namespace wp::promises
