#include "features/signals/signal_store.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "core/assert.h"

namespace wp::signals {

namespace {

constexpr const char* kSignalColumns =
    "id, category_id, department_slug, status, description, share_publicly, lon, lat, neighbourhood_code, "
    "district_code, borough_slug, street, source, platform_id, created_at, updated_at, deadline_at, closed_at, "
    "planned_for, assigned_user_id, assigned_name, last_reporter_message_at, next_update_at, needs_attention, "
    "merged_into, forwarded_to, satisfied";

constexpr const char* kOpenStatuses = "('reported', 'in_progress', 'scheduled', 'reopened')";

std::optional<double> OptReal(const db::Row& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Real(i);
}

Signal ToSignal(const db::Row& r) {
  Signal s;
  s.id = r.Int(0);
  s.category_id = r.Int(1);
  s.department_slug = r.Text(2);
  s.status = ParseStatus(r.Text(3)).value_or(SignalStatus::kReported);
  s.description = r.Text(4);
  s.share_publicly = r.Bool(5);
  s.lon = OptReal(r, 6);
  s.lat = OptReal(r, 7);
  s.neighbourhood_code = r.Text(8);
  s.district_code = r.Text(9);
  s.borough_slug = r.Text(10);
  s.street = r.Text(11);
  s.source = r.Text(12);
  s.platform_id = r.OptInt(13);
  s.created_at = r.Int(14);
  s.updated_at = r.Int(15);
  s.deadline_at = r.Int(16);
  s.closed_at = r.OptInt(17);
  s.planned_for = r.OptInt(18);
  s.assigned_user_id = r.OptInt(19);
  s.assigned_name = r.Text(20);
  s.last_reporter_message_at = r.Int(21);
  s.next_update_at = r.OptInt(22);
  s.needs_attention = r.Bool(23);
  s.merged_into = r.OptInt(24);
  s.forwarded_to = r.Text(25);
  if (!r.IsNull(26)) s.satisfied = r.Bool(26);
  return s;
}

std::vector<Signal> ToSignals(const db::Rows& rows) {
  std::vector<Signal> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToSignal(r));
  return out;
}

db::Value OptReal(const std::optional<double>& v) { return v ? db::Value(*v) : db::Null(); }

int64_t PublicUntil(const Signal& s) { return s.closed_at ? *s.closed_at + kPublicAfterClosingSeconds : kForever; }

Category ToCategory(const db::Row& r) {
  Category c;
  c.id = r.Int(0);
  if (!r.IsNull(1)) c.parent_id = r.Int(1);
  c.slug = r.Text(2);
  c.name = r.Text(3);
  c.name_en = r.Text(4);
  c.description = r.Text(5);
  c.department_slug = r.Text(6);
  c.handling_days = static_cast<int>(r.Int(7));
  c.update_interval_days = static_cast<int>(r.Int(8));
  c.active = r.Bool(9);
  c.position = static_cast<int>(r.Int(10));
  return c;
}

constexpr const char* kCategoryColumns =
    "id, parent_id, slug, name, name_en, description, department_slug, handling_days, update_interval_days, active, "
    "position";

Reporter ToReporter(const db::Row& r) {
  Reporter p;
  p.id = r.Int(0);
  p.signal_id = r.Int(1);
  p.original_signal_id = r.Int(2);
  p.user_id = r.OptInt(3);
  p.email = r.Text(4);
  p.locale = r.Text(5);
  p.verified = !r.IsNull(6);
  p.reacted = !r.IsNull(7);
  return p;
}

constexpr const char* kReporterColumns =
    "id, signal_id, original_signal_id, user_id, email, locale, verified_at, reacted_at";

Event ToEvent(const db::Row& r) {
  Event e;
  e.id = r.Int(0);
  e.signal_id = r.Int(1);
  e.at = r.Int(2);
  e.kind = r.Text(3);
  if (!r.IsNull(4)) e.status = ParseStatus(r.Text(4));
  e.text = r.Text(5);
  e.is_public = r.Bool(6);
  e.actor_user_id = r.OptInt(7);
  e.actor_name = r.Text(8);
  return e;
}

constexpr const char* kEventColumns = "id, signal_id, at, kind, status, text, public, actor_user_id, actor_name";

// WHERE clause of the work queue, with its parameters.
std::string QueueWhere(const QueueFilter& f, db::Params& params) {
  std::string scope_sql;
  for (const auto& s : f.scopes) {
    std::string one = "1 = 1";
    if (!s.department.empty()) {
      one += " AND department_slug = ?";
      params.push_back(s.department);
    }
    if (!s.borough.empty()) {
      one += " AND borough_slug = ?";
      params.push_back(s.borough);
    }
    scope_sql += (scope_sql.empty() ? "(" : " OR (") + one + ")";
  }
  std::string where = " WHERE (" + (scope_sql.empty() ? std::string("1 = 0") : scope_sql) + ")";
  if (!f.department.empty()) {
    where += " AND department_slug = ?";
    params.push_back(f.department);
  }
  if (!f.borough.empty()) {
    where += " AND borough_slug = ?";
    params.push_back(f.borough);
  }
  if (!f.category_slug.empty()) {
    where +=
        " AND category_id IN (SELECT id FROM signal_categories WHERE slug = ? OR parent_id IN "
        "(SELECT id FROM signal_categories WHERE slug = ?))";
    params.push_back(f.category_slug);
    params.push_back(f.category_slug);
  }
  if (f.status == "open" || f.overdue_only) {
    where += std::string(" AND status IN ") + kOpenStatuses;
  } else if (f.status == "closed") {
    where += std::string(" AND status NOT IN ") + kOpenStatuses;
  } else if (ParseStatus(f.status)) {
    where += " AND status = ?";
    params.push_back(f.status);
  }
  if (f.overdue_only) {
    where += " AND deadline_at <= ?";
    params.push_back(f.now);
  }
  if (f.attention_only) where += " AND needs_attention = 1";
  if (f.assigned_user_id) {
    where += " AND assigned_user_id = ?";
    params.push_back(*f.assigned_user_id);
  }
  return where;
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

}  // namespace

Result<std::vector<Department>> SignalStore::Departments(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query("SELECT slug, name, external FROM signal_departments ORDER BY name"));
  std::vector<Department> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Bool(2)});
  return out;
}

Result<void> SignalStore::SaveDepartment(db::Connection& c, const Department& d) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO signal_departments (slug, name, external) VALUES (?, ?, ?) "
                "ON CONFLICT (slug) DO UPDATE SET name = excluded.name, external = excluded.external",
                {d.slug, d.name, db::Int(d.external ? 1 : 0)}));
  return Ok();
}

Result<std::vector<Category>> SignalStore::Categories(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kCategoryColumns +
                                             " FROM signal_categories ORDER BY position, name"));
  std::vector<Category> out;
  for (const auto& r : rows) out.push_back(ToCategory(r));
  return out;
}

Result<std::optional<Category>> SignalStore::FindCategory(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOptional(std::string("SELECT ") + kCategoryColumns + " FROM signal_categories WHERE id = ?", {id}));
  if (!row) return std::optional<Category>();
  return std::optional<Category>(ToCategory(*row));
}

Result<int64_t> SignalStore::InsertCategory(db::Connection& c, const Category& cat) {
  return c.Insert(
      "INSERT INTO signal_categories (parent_id, slug, name, name_en, description, department_slug, handling_days, "
      "update_interval_days, active, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {db::OptInt(cat.parent_id), cat.slug, cat.name, cat.name_en, cat.description, cat.department_slug,
       db::Int(cat.handling_days), db::Int(cat.update_interval_days), db::Int(cat.active ? 1 : 0),
       db::Int(cat.position)});
}

Result<void> SignalStore::UpdateCategory(db::Connection& c, const Category& cat) {
  WP_TRY_VOID(c.Execute(
      "UPDATE signal_categories SET parent_id = ?, slug = ?, name = ?, name_en = ?, description = ?, "
      "department_slug = ?, handling_days = ?, update_interval_days = ?, active = ?, position = ? WHERE id = ?",
      {db::OptInt(cat.parent_id), cat.slug, cat.name, cat.name_en, cat.description, cat.department_slug,
       db::Int(cat.handling_days), db::Int(cat.update_interval_days), db::Int(cat.active ? 1 : 0),
       db::Int(cat.position), cat.id}));
  return Ok();
}

Result<int64_t> SignalStore::InsertSignal(db::Connection& c, const Signal& s) {
  return c.Insert(
      "INSERT INTO signals (category_id, department_slug, status, description, share_publicly, lon, lat, "
      "neighbourhood_code, district_code, borough_slug, street, source, platform_id, created_at, updated_at, "
      "deadline_at, public_until, last_reporter_message_at, next_update_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {s.category_id, s.department_slug, std::string(StatusName(s.status)), s.description,
       db::Int(s.share_publicly ? 1 : 0), OptReal(s.lon), OptReal(s.lat), s.neighbourhood_code, s.district_code,
       s.borough_slug, s.street, s.source, db::OptInt(s.platform_id), s.created_at, s.updated_at, s.deadline_at,
       PublicUntil(s), s.last_reporter_message_at, db::OptInt(s.next_update_at)});
}

Result<int64_t> SignalStore::LatestEventId(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COALESCE(MAX(id), 0) FROM signal_events"));
  return row.Int(0);
}

Result<int64_t> SignalStore::CountSignals(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM signals"));
  return row.Int(0);
}

Result<std::optional<Signal>> SignalStore::FindSignal(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kSignalColumns + " FROM signals WHERE id = ?", {id}));
  if (!row) return std::optional<Signal>();
  return std::optional<Signal>(ToSignal(*row));
}

Result<void> SignalStore::UpdateSignal(db::Connection& c, const Signal& s) {
  WP_TRY_VOID(c.Execute(
      "UPDATE signals SET category_id = ?, department_slug = ?, status = ?, updated_at = ?, deadline_at = ?, "
      "closed_at = ?, public_until = ?, planned_for = ?, assigned_user_id = ?, assigned_name = ?, "
      "last_reporter_message_at = ?, next_update_at = ?, needs_attention = ?, merged_into = ?, forwarded_to = ?, "
      "satisfied = ? WHERE id = ?",
      {s.category_id, s.department_slug, std::string(StatusName(s.status)), s.updated_at, s.deadline_at,
       db::OptInt(s.closed_at), PublicUntil(s), db::OptInt(s.planned_for), db::OptInt(s.assigned_user_id),
       s.assigned_name, s.last_reporter_message_at, db::OptInt(s.next_update_at), db::Int(s.needs_attention ? 1 : 0),
       db::OptInt(s.merged_into), s.forwarded_to, s.satisfied ? db::Int(*s.satisfied ? 1 : 0) : db::Null(), s.id}));
  return Ok();
}

namespace {

// (created_at, id) of the signals on the public list of one wijk or buurt,
// newest first. The `+` keeps the planner off the (area, public_until) index:
// walking (area, created_at, id, public_until, status) backwards answers from
// the index alone and stops once it has `offset + limit` rows, so a page costs
// what it shows, not what the area holds (bench/signals).
Result<std::vector<std::pair<int64_t, int64_t>>> PublicKeys(db::Connection& c, const std::string& column,
                                                           const std::string& value, int64_t now, int limit,
                                                           int offset) {
  WP_ASSERT(column == "district_code" || column == "neighbourhood_code", "a column name, never input");
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query("SELECT created_at, id FROM signals WHERE " + column +
                                  " = ? AND +public_until > ? AND status <> 'merged' "
                                  "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                              {value, now, db::Int(limit), db::Int(offset)}));
  std::vector<std::pair<int64_t, int64_t>> keys;
  keys.reserve(rows.size());
  for (const auto& r : rows) keys.emplace_back(r.Int(0), r.Int(1));
  return keys;
}

// The signals with these keys, in the keys' order (newest first).
Result<std::vector<Signal>> SignalsByKeys(db::Connection& c, const std::vector<std::pair<int64_t, int64_t>>& keys) {
  if (keys.empty()) return std::vector<Signal>{};
  db::Params params;
  for (const auto& k : keys) params.push_back(db::Int(k.second));
  // In the keys' order here, not by ORDER BY: the database would copy every
  // whole row into a sorter (a tenth of the page's work in bench/signals).
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kSignalColumns + " FROM signals WHERE id IN (" +
                                                 Placeholders(keys.size()) + ")",
                                             params));
  std::vector<Signal> found = ToSignals(rows);
  std::sort(found.begin(), found.end(), [](const Signal& a, const Signal& b) {
    return std::pair(a.created_at, a.id) > std::pair(b.created_at, b.id);
  });
  return found;
}

}  // namespace

Result<std::vector<Signal>> SignalStore::ListPublic(db::Connection& c, const std::string& district_code, int64_t now,
                                                    int limit, int offset) {
  WP_ASSIGN_OR_RETURN(auto keys, PublicKeys(c, "district_code", district_code, now, limit, offset));
  return SignalsByKeys(c, keys);
}

namespace {

// " WHERE <column> IN (...) AND public_until > ? AND status <> 'merged'" with its parameters.
std::string PublicInWhere(const std::string& column, const std::vector<std::string>& values, int64_t now,
                          db::Params& params) {
  WP_ASSERT(column == "district_code" || column == "neighbourhood_code", "a column name, never input");
  for (const auto& v : values) params.push_back(v);
  params.push_back(now);
  return " WHERE " + column + " IN (" + Placeholders(values.size()) + ") AND public_until > ? AND status <> 'merged'";
}

}  // namespace

Result<std::pair<int64_t, int64_t>> SignalStore::CountPublicIn(db::Connection& c, const std::string& column,
                                                               const std::vector<std::string>& values, int64_t now) {
  if (values.empty()) return std::pair<int64_t, int64_t>{0, 0};
  db::Params params;
  std::string where = PublicInWhere(column, values, now, params);
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string("SELECT COUNT(*), COALESCE(SUM(CASE WHEN status IN ") +
                                               kOpenStatuses + " THEN 1 ELSE 0 END), 0) FROM signals" + where,
                                           params));
  return std::pair<int64_t, int64_t>{row.Int(0), row.Int(1)};
}

Result<std::vector<Signal>> SignalStore::ListPublicIn(db::Connection& c, const std::string& column,
                                                      const std::vector<std::string>& values, int64_t now, int limit) {
  // The newest `limit` of each area, merged: one short index walk per area
  // instead of sorting everything the areas hold.
  std::vector<std::pair<int64_t, int64_t>> keys;
  for (const auto& v : values) {
    WP_ASSIGN_OR_RETURN(auto some, PublicKeys(c, column, v, now, limit, 0));
    keys.insert(keys.end(), some.begin(), some.end());
  }
  std::sort(keys.begin(), keys.end(), std::greater<>());
  if (keys.size() > static_cast<size_t>(std::max(limit, 0))) keys.resize(static_cast<size_t>(std::max(limit, 0)));
  return SignalsByKeys(c, keys);
}

Result<int64_t> SignalStore::CountQueue(db::Connection& c, const QueueFilter& f) {
  db::Params params;
  std::string where = QueueWhere(f, params);
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM signals" + where, params));
  return row.Int(0);
}

Result<std::vector<Signal>> SignalStore::ListQueue(db::Connection& c, const QueueFilter& f, int limit, int offset) {
  db::Params params;
  std::string where = QueueWhere(f, params);
  params.push_back(db::Int(limit));
  params.push_back(db::Int(offset));
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kSignalColumns + " FROM signals" + where +
                                                 " ORDER BY deadline_at, id LIMIT ? OFFSET ?",
                                             params));
  return ToSignals(rows);
}

Result<std::vector<Signal>> SignalStore::List(db::Connection& c, const ListFilter& f) {
  db::Params params;
  std::string where;
  if (!f.ids.empty()) {
    where = " WHERE id IN (" + Placeholders(f.ids.size()) + ")";
    for (int64_t id : f.ids) params.push_back(id);
  } else {
    where = " WHERE created_at >= ? AND created_at < ?";
    params.push_back(f.from);
    params.push_back(f.to);
    if (!f.category_slugs.empty()) {
      where += " AND category_id IN (SELECT id FROM signal_categories WHERE slug IN (" +
               Placeholders(f.category_slugs.size()) + "))";
      for (const auto& s : f.category_slugs) params.push_back(s);
    }
    if (f.open) where += std::string(" AND status ") + (*f.open ? "IN " : "NOT IN ") + kOpenStatuses;
  }
  params.push_back(db::Int(f.limit));
  params.push_back(db::Int(f.offset));
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kSignalColumns + " FROM signals" + where +
                                                 " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                                             params));
  return ToSignals(rows);
}

Result<std::vector<int64_t>> SignalStore::DueForUpdate(db::Connection& c, int64_t now, int limit) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT id FROM signals WHERE next_update_at <= ? AND "
                                                         "status IN ") +
                                                 kOpenStatuses + " ORDER BY next_update_at, id LIMIT ?",
                                             {now, db::Int(limit)}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<std::vector<std::pair<int64_t, int64_t>>> SignalStore::CreatedInArea(
    db::Connection& c, const std::vector<std::string>& neighbourhoods, int64_t since) {
  std::vector<std::pair<int64_t, int64_t>> out;
  if (neighbourhoods.empty()) return out;
  db::Params params;
  for (const auto& n : neighbourhoods) params.push_back(n);
  params.push_back(since);
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query("SELECT category_id, created_at FROM signals WHERE neighbourhood_code IN (" +
                                  Placeholders(neighbourhoods.size()) + ") AND created_at >= ?",
                              params));
  for (const auto& r : rows) out.emplace_back(r.Int(0), r.Int(1));
  return out;
}

Result<int64_t> SignalStore::InsertReporter(db::Connection& c, const Reporter& r, int64_t now) {
  return c.Insert(
      "INSERT INTO signal_reporters (signal_id, original_signal_id, user_id, email, locale, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {r.signal_id, r.original_signal_id, db::OptInt(r.user_id), r.email.empty() ? db::Null() : db::Value(r.email),
       r.locale, now});
}

Result<void> SignalStore::InsertLink(db::Connection& c, const std::string& token_hash, int64_t reporter_id,
                                     const std::string& purpose, int64_t now) {
  WP_TRY_VOID(c.Execute("INSERT INTO signal_links (token_hash, reporter_id, purpose, created_at) VALUES (?, ?, ?, ?)",
                        {token_hash, reporter_id, purpose, now}));
  return Ok();
}

Result<std::optional<Reporter>> SignalStore::ReporterByLink(db::Connection& c, const std::string& token_hash,
                                                            const std::string& purpose) {
  WP_ASSIGN_OR_RETURN(
      auto row, c.QueryOptional("SELECT r.id, r.signal_id, r.original_signal_id, r.user_id, r.email, "
                                "r.locale, r.verified_at, r.reacted_at FROM signal_links l JOIN signal_reporters r "
                                "ON r.id = l.reporter_id WHERE l.token_hash = ? AND l.purpose = ?",
                                {token_hash, purpose}));
  if (!row) return std::optional<Reporter>();
  return std::optional<Reporter>(ToReporter(*row));
}

Result<void> SignalStore::MarkVerified(db::Connection& c, int64_t reporter_id, int64_t now) {
  WP_TRY_VOID(c.Execute("UPDATE signal_reporters SET verified_at = ? WHERE id = ? AND verified_at IS NULL",
                        {now, reporter_id}));
  return Ok();
}

Result<void> SignalStore::MarkReacted(db::Connection& c, int64_t reporter_id, int64_t now) {
  WP_TRY_VOID(c.Execute("UPDATE signal_reporters SET reacted_at = ? WHERE id = ?", {now, reporter_id}));
  return Ok();
}

Result<std::vector<Reporter>> SignalStore::ReportersOf(db::Connection& c, int64_t signal_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kReporterColumns +
                                                 " FROM signal_reporters WHERE signal_id = ? ORDER BY id",
                                             {signal_id}));
  std::vector<Reporter> out;
  for (const auto& r : rows) out.push_back(ToReporter(r));
  return out;
}

Result<void> SignalStore::MoveReporters(db::Connection& c, int64_t from, int64_t to) {
  WP_TRY_VOID(c.Execute("UPDATE signal_reporters SET signal_id = ? WHERE signal_id = ?", {to, from}));
  return Ok();
}

Result<int64_t> SignalStore::InsertEvent(db::Connection& c, const Event& e) {
  return c.Insert(
      "INSERT INTO signal_events (signal_id, at, kind, status, text, public, actor_user_id, actor_name) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {e.signal_id, e.at, e.kind, e.status ? db::Value(std::string(StatusName(*e.status))) : db::Null(), e.text,
       db::Int(e.is_public ? 1 : 0), db::OptInt(e.actor_user_id), e.actor_name});
}

Result<std::vector<Event>> SignalStore::EventsOf(db::Connection& c, int64_t signal_id, bool with_internal) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query(std::string("SELECT ") + kEventColumns + " FROM signal_events WHERE signal_id = ?" +
                                  (with_internal ? "" : " AND public = 1") + " ORDER BY id",
                              {signal_id}));
  std::vector<Event> out;
  for (const auto& r : rows) out.push_back(ToEvent(r));
  return out;
}

Result<std::optional<Event>> SignalStore::LatestPublicText(db::Connection& c, int64_t signal_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kEventColumns +
                                                    " FROM signal_events WHERE signal_id = ? AND public = 1 AND "
                                                    "text <> '' ORDER BY id DESC LIMIT 1",
                                                {signal_id}));
  if (!row) return std::optional<Event>();
  return std::optional<Event>(ToEvent(*row));
}

Result<std::vector<std::pair<int64_t, std::string>>> SignalStore::Handlers(db::Connection& c,
                                                                           const std::string& department) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query("SELECT e.actor_user_id, MAX(e.actor_name) FROM signal_events e JOIN signals s ON "
                              "s.id = e.signal_id WHERE s.department_slug = ? AND e.actor_user_id IS NOT NULL "
                              "AND e.kind <> 'satisfaction' AND e.kind <> 'reopen_request' "
                              "GROUP BY e.actor_user_id ORDER BY MAX(e.actor_name)",
                              {department}));
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.Int(0), r.Text(1));
  return out;
}

Result<int64_t> SignalStore::InsertPhoto(db::Connection& c, const PhotoRow& p, int64_t bytes, int64_t now) {
  return c.Insert(
      "INSERT INTO signal_photos (signal_id, stored_name, width, height, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {p.signal_id, p.stored_name, db::Int(p.width), db::Int(p.height), bytes, now});
}

Result<std::vector<PhotoRow>> SignalStore::PhotosOf(db::Connection& c, int64_t signal_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query("SELECT id, signal_id, stored_name, width, height FROM signal_photos "
                                             "WHERE signal_id = ? ORDER BY id",
                                             {signal_id}));
  std::vector<PhotoRow> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), static_cast<int>(r.Int(3)), static_cast<int>(r.Int(4))});
  }
  return out;
}

Result<std::optional<PhotoRow>> SignalStore::FindPhoto(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT id, signal_id, stored_name, width, height FROM signal_photos "
                                                "WHERE id = ?",
                                                {id}));
  if (!row) return std::optional<PhotoRow>();
  return std::optional<PhotoRow>(
      PhotoRow{row->Int(0), row->Int(1), row->Text(2), static_cast<int>(row->Int(3)), static_cast<int>(row->Int(4))});
}

Result<int64_t> SignalStore::InsertApiKey(db::Connection& c, const std::string& name, const std::string& key_hash,
                                          const std::string& prefix, int64_t now) {
  return c.Insert("INSERT INTO signal_api_keys (name, key_hash, prefix, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                  {name, key_hash, prefix, now});
}

Result<std::vector<ApiKey>> SignalStore::ApiKeys(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query("SELECT id, name, prefix, created_at, revoked_at FROM signal_api_keys ORDER BY id"));
  std::vector<ApiKey> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.OptInt(4)});
  return out;
}

Result<bool> SignalStore::RevokeApiKey(db::Connection& c, int64_t id, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE signal_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS "
                                           "NULL",
                                           {now, id}));
  return n > 0;
}

Result<std::optional<int64_t>> SignalStore::ApiKeyByHash(db::Connection& c, const std::string& key_hash) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT id FROM signal_api_keys WHERE key_hash = ? AND revoked_at IS "
                                                "NULL",
                                                {key_hash}));
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

Result<int64_t> SignalStore::CountIntake(db::Connection& c, const std::string& key, int64_t since) {
  WP_ASSIGN_OR_RETURN(
      auto row, c.QueryOne("SELECT COUNT(*) FROM signal_intake_log WHERE limit_key = ? AND at >= ?", {key, since}));
  return row.Int(0);
}

Result<void> SignalStore::RecordIntake(db::Connection& c, const std::string& key, int64_t now) {
  WP_TRY_VOID(c.Execute("INSERT INTO signal_intake_log (limit_key, at) VALUES (?, ?)", {key, now}));
  return Ok();
}

Result<void> SignalStore::PurgeIntake(db::Connection& c, int64_t before) {
  WP_TRY_VOID(c.Execute("DELETE FROM signal_intake_log WHERE at < ?", {before}));
  return Ok();
}

Result<void> SignalStore::RecordFormUse(db::Connection& c, const std::string& nonce_hash, int64_t signal_id,
                                        int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("INSERT INTO signal_form_uses (nonce_hash, signal_id, at) VALUES (?, ?, ?) "
                                           "ON CONFLICT (nonce_hash) DO NOTHING",
                                           {nonce_hash, signal_id, now}));
  if (n == 0) return Conflict("report form sent twice", "signals.report.replayed");
  return Ok();
}

}  // namespace wp::signals
