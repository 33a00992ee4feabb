#include "features/events/event_store.h"

#include <algorithm>

namespace wp::events {

namespace {

constexpr const char* kColumns =
    "id, platform_id, title, kind, description, starts_at, ends_at, place, capacity, status, sequence, created_at, "
    "updated_at";

Event FromRow(const db::Row& r) {
  Event e;
  e.id = r.Int(0);
  e.platform_id = r.Int(1);
  e.title = r.Text(2);
  e.kind = ParseEventKind(r.Text(3)).value_or(EventKind::kOther);
  e.description = r.Text(4);
  e.starts_at_utc = r.Int(5);
  e.ends_at_utc = r.Int(6);
  e.place = r.Text(7);
  if (!r.IsNull(8)) e.capacity = static_cast<int>(r.Int(8));
  e.status = ParseEventStatus(r.Text(9)).value_or(EventStatus::kDraft);
  e.sequence = static_cast<int>(r.Int(10));
  e.created_at = r.Int(11);
  e.updated_at = r.Int(12);
  return e;
}

db::Value Capacity(const Event& e) { return e.capacity ? db::Int(*e.capacity) : db::Null(); }

constexpr const char* kRegistrationColumns =
    "event_id, number, user_id, name, email, state, registered_at, cancelled_at, locale";

StoredRegistration RegistrationFromRow(const db::Row& r) {
  StoredRegistration s;
  s.event_id = r.Int(0);
  s.registration.id = r.Int(1);
  s.registration.participant.user_id = r.OptInt(2);
  s.registration.participant.name = r.Text(3);
  s.registration.participant.email = r.Text(4);
  s.registration.state = ParseRegistrationState(r.Text(5)).value_or(RegistrationState::kConfirmed);
  s.registration.registered_at = r.Int(6);
  s.registration.cancelled_at = r.Int(7);
  s.locale = r.Text(8);
  return s;
}

}  // namespace

Result<int64_t> EventStore::Insert(db::Connection& c, const Event& e, int64_t created_by) {
  return c.Insert(
      "INSERT INTO events (platform_id, title, kind, description, starts_at, ends_at, place, capacity, status, "
      "sequence, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.platform_id, e.title, std::string(EventKindName(e.kind)), e.description, e.starts_at_utc, e.ends_at_utc,
       e.place, Capacity(e), std::string(EventStatusName(e.status)), db::Int(e.sequence),
       created_by ? db::Int(created_by) : db::Null(), e.created_at, e.updated_at});
}

Result<void> EventStore::Update(db::Connection& c, const Event& e) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE events SET title = ?, kind = ?, description = ?, starts_at = ?, "
                                           "ends_at = ?, place = ?, capacity = ?, status = ?, sequence = ?, "
                                           "updated_at = ? WHERE id = ?",
                                           {e.title, std::string(EventKindName(e.kind)), e.description, e.starts_at_utc,
                                            e.ends_at_utc, e.place, Capacity(e), std::string(EventStatusName(e.status)),
                                            db::Int(e.sequence), e.updated_at, e.id}));
  if (n != 1) return NotFound("event " + std::to_string(e.id), "events.not_found");
  return Ok();
}

Result<std::optional<Event>> EventStore::Find(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kColumns + " FROM events WHERE id = ?", {id}));
  if (!row) return std::optional<Event>();
  return std::optional<Event>(FromRow(*row));
}

Result<std::vector<Event>> EventStore::OfPlatforms(db::Connection& c, const std::vector<int64_t>& platform_ids,
                                                   bool include_drafts) {
  std::vector<Event> out;
  for (int64_t id : platform_ids) {
    WP_ASSIGN_OR_RETURN(db::Rows rows,
                        c.Query(std::string("SELECT ") + kColumns + " FROM events WHERE platform_id = ?" +
                                    (include_drafts ? "" : " AND status <> 'draft'") + " ORDER BY starts_at, id",
                                {id}));
    for (const auto& r : rows) out.push_back(FromRow(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const Event& a, const Event& b) {
    return a.starts_at_utc != b.starts_at_utc ? a.starts_at_utc < b.starts_at_utc : a.id < b.id;
  });
  return out;
}

Result<void> EventStore::LockRoster(db::Connection& c, int64_t event_id) {
  WP_ASSIGN_OR_RETURN(int64_t n,
                      c.Execute("UPDATE events SET roster_version = roster_version + 1 WHERE id = ?", {event_id}));
  if (n != 1) return NotFound("event " + std::to_string(event_id), "events.not_found");
  return Ok();
}

Result<std::vector<StoredRegistration>> EventStore::Registrations(db::Connection& c, int64_t event_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kRegistrationColumns +
                                                 " FROM event_registrations WHERE event_id = ? ORDER BY number",
                                             {event_id}));
  std::vector<StoredRegistration> out;
  for (const auto& r : rows) out.push_back(RegistrationFromRow(r));
  return out;
}

Result<void> EventStore::InsertRegistration(db::Connection& c, int64_t event_id, const Registration& r,
                                            const std::string& locale, const std::string& token_hash) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO event_registrations (event_id, number, user_id, name, email, locale, state, registered_at, "
      "cancelled_at, cancel_token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {event_id, r.id, db::OptInt(r.participant.user_id), r.participant.name, r.participant.email, locale,
       std::string(RegistrationStateName(r.state)), r.registered_at, r.cancelled_at, token_hash}));
  return Ok();
}

Result<void> EventStore::SaveState(db::Connection& c, int64_t event_id, const Registration& r) {
  WP_TRY_VOID(c.Execute("UPDATE event_registrations SET state = ?, cancelled_at = ? WHERE event_id = ? AND number = ?",
                        {std::string(RegistrationStateName(r.state)), r.cancelled_at, event_id, r.id}));
  return Ok();
}

Result<std::optional<StoredRegistration>> EventStore::FindByTokenHash(db::Connection& c,
                                                                      const std::string& token_hash) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kRegistrationColumns +
                                                    " FROM event_registrations WHERE cancel_token_hash = ?",
                                                {token_hash}));
  if (!row) return std::optional<StoredRegistration>();
  return std::optional<StoredRegistration>(RegistrationFromRow(*row));
}

Result<int64_t> EventStore::CountPublished(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM events WHERE status = 'published'"));
  return row.Int(0);
}

}  // namespace wp::events
