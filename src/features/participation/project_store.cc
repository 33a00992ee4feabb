#include "features/participation/project_store.h"

#include <map>
#include <string>

namespace wp::participation {

namespace {

constexpr const char* kColumns =
    "id, title, summary, department, contact_name, contact_email, level, can_influence, fixed, platform_role, "
    "status, status_reason, created_by, created_at, updated_at";

Project FromRow(const db::Row& r) {
  Project p;
  p.id = r.Int(0);
  p.title = r.Text(1);
  p.summary = r.Text(2);
  p.department = r.Text(3);
  p.contact = {r.Text(4), r.Text(5)};
  p.level = ParseLevel(r.Text(6)).value_or(Level::kConsult);
  p.can_influence = r.Text(7);
  p.fixed = r.Text(8);
  p.platform_role = r.Text(9);
  p.status = ParseStatus(r.Text(10)).value_or(Status::kPlanned);
  p.status_reason = r.Text(11);
  p.created_by = r.Int(12);
  p.created_at = r.Int(13);
  p.updated_at = r.Int(14);
  return p;
}

// Fills the wijken and phases of `projects` (one query each, `where` picks the same projects).
Result<void> FillParts(db::Connection& c, std::vector<Project>& projects, const std::string& where,
                       const db::Params& params) {
  std::map<int64_t, Project*> by_id;
  for (auto& p : projects) by_id[p.id] = &p;
  WP_ASSIGN_OR_RETURN(auto areas, c.Query("SELECT project_id, district_code FROM participation_areas" + where +
                                              " ORDER BY project_id, district_code",
                                          params));
  for (const auto& r : areas) {
    if (auto it = by_id.find(r.Int(0)); it != by_id.end()) it->second->districts.push_back(r.Text(1));
  }
  WP_ASSIGN_OR_RETURN(auto phases, c.Query("SELECT project_id, name, start_date, end_date FROM participation_phases" +
                                               where + " ORDER BY project_id, position",
                                           params));
  for (const auto& r : phases) {
    if (auto it = by_id.find(r.Int(0)); it != by_id.end()) {
      it->second->phases.push_back({r.Text(1), r.Text(2), r.Text(3)});
    }
  }
  return Ok();
}

Result<void> InsertParts(db::Connection& c, const Project& p) {
  for (const auto& d : p.districts) {
    WP_TRY_VOID(c.Execute("INSERT INTO participation_areas (project_id, district_code) VALUES (?, ?)", {p.id, d}));
  }
  for (size_t i = 0; i < p.phases.size(); ++i) {
    const Phase& ph = p.phases[i];
    WP_TRY_VOID(c.Execute(
        "INSERT INTO participation_phases (project_id, position, name, start_date, end_date) VALUES (?, ?, ?, ?, ?)",
        {p.id, db::Int(static_cast<int64_t>(i + 1)), ph.name, ph.start, ph.end}));
  }
  return Ok();
}

}  // namespace

Result<int64_t> ProjectStore::Insert(db::Connection& c, const Project& p) {
  WP_ASSIGN_OR_RETURN(
      int64_t id,
      c.Insert("INSERT INTO participation_projects (title, summary, department, contact_name, contact_email, level, "
               "can_influence, fixed, platform_role, status, status_reason, created_by, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {p.title, p.summary, p.department, p.contact.name, p.contact.email, std::string(LevelName(p.level)),
                p.can_influence, p.fixed, p.platform_role, std::string(StatusName(p.status)), p.status_reason,
                p.created_by, p.created_at, p.updated_at}));
  Project saved = p;
  saved.id = id;
  WP_TRY_VOID(InsertParts(c, saved));
  return id;
}

Result<void> ProjectStore::SaveContent(db::Connection& c, const Project& p) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE participation_projects SET title = ?, summary = ?, department = ?, "
                                           "contact_name = ?, contact_email = ?, level = ?, can_influence = ?, "
                                           "fixed = ?, platform_role = ?, updated_at = ? WHERE id = ?",
                                           {p.title, p.summary, p.department, p.contact.name, p.contact.email,
                                            std::string(LevelName(p.level)), p.can_influence, p.fixed,
                                            p.platform_role, p.updated_at, p.id}));
  if (n != 1) return NotFound("project " + std::to_string(p.id), "participation.project.not_found");
  WP_TRY_VOID(c.Execute("DELETE FROM participation_areas WHERE project_id = ?", {p.id}));
  WP_TRY_VOID(c.Execute("DELETE FROM participation_phases WHERE project_id = ?", {p.id}));
  return InsertParts(c, p);
}

Result<void> ProjectStore::SaveStatus(db::Connection& c, const Project& p) {
  WP_ASSIGN_OR_RETURN(int64_t n,
                      c.Execute("UPDATE participation_projects SET status = ?, status_reason = ?, updated_at = ? "
                                "WHERE id = ?",
                                {std::string(StatusName(p.status)), p.status_reason, p.updated_at, p.id}));
  if (n != 1) return NotFound("project " + std::to_string(p.id), "participation.project.not_found");
  return Ok();
}

Result<std::optional<Project>> ProjectStore::Find(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(
      auto rows, c.Query(std::string("SELECT ") + kColumns + " FROM participation_projects WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<Project>();
  std::vector<Project> one = {FromRow(rows[0])};
  WP_TRY_VOID(FillParts(c, one, " WHERE project_id = ?", {id}));
  return std::optional<Project>(std::move(one[0]));
}

Result<std::vector<Project>> ProjectStore::All(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query(std::string("SELECT ") + kColumns + " FROM participation_projects ORDER BY id DESC"));
  std::vector<Project> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  WP_TRY_VOID(FillParts(c, out, "", {}));
  return out;
}

Result<void> ProjectStore::Append(db::Connection& c, int64_t project_id, const Entry& e) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO participation_history (project_id, at, actor_id, kind, from_value, to_value, text) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {project_id, e.at, e.actor_id, std::string(EntryKindName(e.kind)), e.from, e.to, e.text}));
  return Ok();
}

Result<std::vector<Entry>> ProjectStore::History(db::Connection& c, int64_t project_id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT at, actor_id, kind, from_value, to_value, text FROM participation_history "
                              "WHERE project_id = ? ORDER BY at, id",
                              {project_id}));
  std::vector<Entry> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), "", ParseEntryKind(r.Text(2)).value_or(EntryKind::kEdited), r.Text(3),
                   r.Text(4), r.Text(5)});
  }
  return out;
}

Result<void> ProjectStore::AppendSubscription(db::Connection& c, int64_t platform_id,
                                              const SubscriptionChange& change) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO participation_subscriptions (platform_id, action, actor_id, at) VALUES (?, ?, ?, ?)",
      {platform_id, std::string(change.subscribed ? "subscribed" : "unsubscribed"), change.actor_id, change.at}));
  return Ok();
}

Result<std::vector<SubscriptionChange>> ProjectStore::SubscriptionLog(db::Connection& c, int64_t platform_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT at, actor_id, action FROM participation_subscriptions "
                                         "WHERE platform_id = ? ORDER BY id",
                                         {platform_id}));
  std::vector<SubscriptionChange> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), "", r.Text(2) == "subscribed"});
  return out;
}

Result<std::vector<int64_t>> ProjectStore::Subscribed(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT s.platform_id FROM participation_subscriptions s WHERE s.action = 'subscribed' "
                              "AND s.id = (SELECT MAX(t.id) FROM participation_subscriptions t "
                              "WHERE t.platform_id = s.platform_id) ORDER BY s.platform_id"));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<std::set<int64_t>> ProjectStore::Notified(db::Connection& c, int64_t project_id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT platform_id FROM participation_notifications WHERE project_id = ?", {project_id}));
  std::set<int64_t> out;
  for (const auto& r : rows) out.insert(r.Int(0));
  return out;
}

Result<void> ProjectStore::MarkNotified(db::Connection& c, int64_t project_id, int64_t platform_id, int64_t at) {
  WP_TRY_VOID(c.Execute("INSERT INTO participation_notifications (project_id, platform_id, at) VALUES (?, ?, ?)",
                        {project_id, platform_id, at}));
  return Ok();
}

Result<int64_t> ProjectStore::CountCurrent(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM participation_projects "
                                           "WHERE status IN ('planned', 'running')"));
  return row.Int(0);
}

}  // namespace wp::participation
