#include "features/forums/workspace_store.h"

namespace wp::forums {

namespace {

constexpr const char* kAgendaColumns = "id, forum_id, year, budget_cents, published_at";

Agenda AgendaFromRow(const db::Row& r) {
  Agenda a;
  a.id = r.Int(0);
  a.forum_id = r.Int(1);
  a.year = static_cast<int>(r.Int(2));
  a.budget_cents = r.Int(3);
  a.published_at = r.OptInt(4);
  return a;
}

Result<void> LoadItems(db::Connection& c, Agenda& a) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, title, description, amount_cents, status, reason FROM "
                                         "forum_agenda_items WHERE agenda_id = ? ORDER BY id",
                                         {a.id}));
  for (const auto& r : rows) {
    a.items.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3),
                       ParseItemStatus(r.Text(4)).value_or(ItemStatus::kProposed), r.Text(5)});
  }
  return Ok();
}

Document DocumentFromRow(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5), r.Int(6), r.Int(7)};
}

constexpr const char* kDocumentColumns =
    "id, forum_id, title, file_name, sha256, size_bytes, uploaded_by, uploaded_at";

}  // namespace

Result<int64_t> WorkspaceStore::InsertMeeting(db::Connection& c, const Meeting& m) {
  return c.Insert(
      "INSERT INTO forum_meetings (forum_id, held_at, place, agenda, minutes, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.forum_id, m.form.held_at, m.form.place, m.form.agenda, m.form.minutes, m.created_by, m.created_at});
}

Result<std::vector<Meeting>> WorkspaceStore::Meetings(db::Connection& c, int64_t forum_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, forum_id, held_at, place, agenda, minutes, created_by, "
                                         "created_at FROM forum_meetings WHERE forum_id = ? ORDER BY held_at DESC, id",
                                         {forum_id}));
  std::vector<Meeting> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), {r.Int(2), r.Text(3), r.Text(4), r.Text(5)}, r.Int(6), r.Int(7)});
  }
  return out;
}

Result<int64_t> WorkspaceStore::InsertDocument(db::Connection& c, const Document& d) {
  return c.Insert(
      "INSERT INTO forum_documents (forum_id, title, file_name, sha256, size_bytes, uploaded_by, uploaded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {d.forum_id, d.title, d.file_name, d.sha256, d.size_bytes, d.uploaded_by, d.uploaded_at});
}

Result<std::vector<Document>> WorkspaceStore::Documents(db::Connection& c, int64_t forum_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kDocumentColumns +
                                             " FROM forum_documents WHERE forum_id = ? ORDER BY id DESC",
                                         {forum_id}));
  std::vector<Document> out;
  for (const auto& r : rows) out.push_back(DocumentFromRow(r));
  return out;
}

Result<std::optional<Document>> WorkspaceStore::FindDocument(db::Connection& c, int64_t forum_id, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kDocumentColumns +
                                                    " FROM forum_documents WHERE forum_id = ? AND id = ?",
                                                {forum_id, id}));
  if (!row) return std::optional<Document>();
  return std::optional<Document>(DocumentFromRow(*row));
}

Result<int64_t> WorkspaceStore::InsertAgenda(db::Connection& c, const Agenda& a, int64_t by, int64_t at) {
  return c.Insert(
      "INSERT INTO forum_agendas (forum_id, year, budget_cents, created_by, created_at) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {a.forum_id, db::Int(a.year), a.budget_cents, by, at});
}

Result<std::vector<Agenda>> WorkspaceStore::Agendas(db::Connection& c, int64_t forum_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kAgendaColumns +
                                             " FROM forum_agendas WHERE forum_id = ? ORDER BY year DESC",
                                         {forum_id}));
  std::vector<Agenda> out;
  for (const auto& r : rows) {
    out.push_back(AgendaFromRow(r));
    WP_TRY_VOID(LoadItems(c, out.back()));
  }
  return out;
}

Result<std::optional<Agenda>> WorkspaceStore::FindAgenda(db::Connection& c, int64_t forum_id, int year) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kAgendaColumns +
                                                    " FROM forum_agendas WHERE forum_id = ? AND year = ?",
                                                {forum_id, db::Int(year)}));
  if (!row) return std::optional<Agenda>();
  Agenda a = AgendaFromRow(*row);
  WP_TRY_VOID(LoadItems(c, a));
  return std::optional<Agenda>(std::move(a));
}

Result<void> WorkspaceStore::Publish(db::Connection& c, int64_t agenda_id, int64_t at) {
  WP_TRY_VOID(c.Execute("UPDATE forum_agendas SET published_at = ? WHERE id = ?", {at, agenda_id}));
  return Ok();
}

Result<int64_t> WorkspaceStore::InsertItem(db::Connection& c, int64_t agenda_id, const AgendaItem& i, int64_t at) {
  return c.Insert(
      "INSERT INTO forum_agenda_items (agenda_id, title, description, amount_cents, status, reason, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {agenda_id, i.title, i.description, i.amount_cents, std::string(ItemStatusName(i.status)), i.reason, at});
}

Result<void> WorkspaceStore::Decide(db::Connection& c, int64_t item_id, ItemStatus status, const std::string& reason) {
  WP_TRY_VOID(c.Execute("UPDATE forum_agenda_items SET status = ?, reason = ? WHERE id = ?",
                        {std::string(ItemStatusName(status)), reason, item_id}));
  return Ok();
}

}  // namespace wp::forums
