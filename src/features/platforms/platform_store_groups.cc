// PlatformStore, continued: werkgroepen, spreekuren and year subsidies (the
// platforms, claims, history and members are in platform_store.cc).
#include "features/platforms/platform_store.h"

namespace wp::platforms {

namespace {

constexpr const char* kSubsidyColumns =
    "id, platform_id, year, status, requested_cents, applied_at, granted_cents, decision_reason, decided_at, "
    "overspend_explanation, reported_at, settled_cents, settlement_reason, settled_at";

Result<SubsidyApplication> SubsidyFromRow(db::Connection& c, const db::Row& r) {
  SubsidyApplication a;
  a.id = r.Int(0);
  a.platform_id = r.Int(1);
  a.year = static_cast<int>(r.Int(2));
  auto s = ParseSubsidyStatus(r.Text(3));
  if (!s) return Internal("bad subsidy status " + r.Text(3));
  a.status = *s;
  a.requested = Money{r.Int(4)};
  a.applied_at = r.Int(5);
  if (auto g = r.OptInt(6)) a.granted = Money{*g};
  a.decision_reason = r.Text(7);
  a.decided_at = r.Int(8);
  a.overspend_explanation = r.Text(9);
  a.reported_at = r.Int(10);
  if (auto st = r.OptInt(11)) a.settled = Money{*st};
  a.settlement_reason = r.Text(12);
  a.settled_at = r.Int(13);
  WP_ASSIGN_OR_RETURN(auto lines, c.Query("SELECT kind, description, amount_cents FROM platform_subsidy_lines "
                                          "WHERE subsidy_id = ? ORDER BY kind, position",
                                          {db::Int(a.id)}));
  for (const auto& l : lines) {
    BudgetLine line{l.Text(1), Money{l.Int(2)}};
    if (l.Text(0) == "budget")
      a.budget.push_back(std::move(line));
    else
      a.spending.push_back(std::move(line));
  }
  return a;
}

Result<std::vector<SubsidyApplication>> SubsidiesFromRows(db::Connection& c, const db::Rows& rows) {
  std::vector<SubsidyApplication> out;
  for (const auto& r : rows) {
    WP_ASSIGN_OR_RETURN(auto a, SubsidyFromRow(c, r));
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

Result<std::vector<ListedWorkingGroup>> PlatformStore::WorkingGroups(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT g.id, g.theme, g.description, g.contact_name, g.contact_email, "
                                         "g.contact_user_id, (SELECT COUNT(*) FROM platform_working_group_members m "
                                         "WHERE m.group_id = g.id) FROM platform_working_groups g "
                                         "WHERE g.platform_id = ? ORDER BY g.theme, g.id",
                                         {db::Int(id)}));
  std::vector<ListedWorkingGroup> out;
  for (const auto& r : rows) {
    ListedWorkingGroup w;
    w.group.id = r.Int(0);
    w.group.platform_id = id;
    w.group.theme = r.Text(1);
    w.group.description = r.Text(2);
    w.group.contact = {r.Text(3), r.Text(4), r.OptInt(5)};
    w.member_count = r.Int(6);
    out.push_back(std::move(w));
  }
  return out;
}

Result<std::optional<WorkingGroup>> PlatformStore::FindWorkingGroup(db::Connection& c, PlatformId id,
                                                                    int64_t group_id) {
  WP_ASSIGN_OR_RETURN(auto groups, WorkingGroups(c, id));
  for (auto& g : groups) {
    if (g.group.id == group_id) return std::optional<WorkingGroup>(std::move(g.group));
  }
  return std::optional<WorkingGroup>();
}

Result<int64_t> PlatformStore::InsertWorkingGroup(db::Connection& c, const WorkingGroup& g) {
  return c.Insert(
      "INSERT INTO platform_working_groups (platform_id, theme, description, contact_name, contact_email, "
      "contact_user_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {db::Int(g.platform_id), db::Text(g.theme), db::Text(g.description), db::Text(g.contact.name),
       db::Text(g.contact.email), db::OptInt(g.contact.user_id)});
}

Result<bool> PlatformStore::DeleteWorkingGroup(db::Connection& c, PlatformId id, int64_t group_id) {
  WP_TRY_VOID(
      c.Execute("DELETE FROM platform_working_group_members WHERE group_id IN (SELECT id FROM "
                "platform_working_groups WHERE id = ? AND platform_id = ?)",
                {db::Int(group_id), db::Int(id)}));
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM platform_working_groups WHERE id = ? AND platform_id = ?",
                                           {db::Int(group_id), db::Int(id)}));
  return n > 0;
}

Result<bool> PlatformStore::JoinWorkingGroup(db::Connection& c, int64_t group_id, int64_t user_id, int64_t now) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT 1 FROM platform_working_group_members WHERE group_id = ? AND "
                                                "user_id = ?",
                                                {db::Int(group_id), db::Int(user_id)}));
  if (row) return false;
  WP_TRY_VOID(c.Execute("INSERT INTO platform_working_group_members (group_id, user_id, joined_at) VALUES (?, ?, ?)",
                        {db::Int(group_id), db::Int(user_id), db::Int(now)}));
  return true;
}

Result<bool> PlatformStore::LeaveWorkingGroup(db::Connection& c, int64_t group_id, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(int64_t n,
                      c.Execute("DELETE FROM platform_working_group_members WHERE group_id = ? AND user_id = ?",
                                {db::Int(group_id), db::Int(user_id)}));
  return n > 0;
}

Result<void> PlatformStore::LeaveAllWorkingGroups(db::Connection& c, PlatformId id, int64_t user_id) {
  WP_TRY_VOID(
      c.Execute("DELETE FROM platform_working_group_members WHERE user_id = ? AND group_id IN (SELECT id FROM "
                "platform_working_groups WHERE platform_id = ?)",
                {db::Int(user_id), db::Int(id)}));
  return Ok();
}

Result<std::vector<int64_t>> PlatformStore::GroupsOfUser(db::Connection& c, PlatformId id, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT m.group_id FROM platform_working_group_members m JOIN "
                                         "platform_working_groups g ON g.id = m.group_id WHERE g.platform_id = ? AND "
                                         "m.user_id = ? ORDER BY m.group_id",
                                         {db::Int(id), db::Int(user_id)}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<std::vector<OfficeHours>> PlatformStore::OfficeHoursOf(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, weekday, start_minute, end_minute, place FROM "
                                         "platform_office_hours WHERE platform_id = ? ORDER BY id",
                                         {db::Int(id)}));
  std::vector<OfficeHours> out;
  for (const auto& r : rows) {
    OfficeHours h;
    h.id = r.Int(0);
    h.platform_id = id;
    h.weekday = ParseWeekday(r.Text(1)).value_or(Weekday::kMonday);
    h.start_minute = static_cast<int>(r.Int(2));
    h.end_minute = static_cast<int>(r.Int(3));
    h.place = r.Text(4);
    out.push_back(std::move(h));
  }
  std::stable_sort(out.begin(), out.end(), [](const OfficeHours& a, const OfficeHours& b) {
    return std::pair(static_cast<int>(a.weekday), a.start_minute) <
           std::pair(static_cast<int>(b.weekday), b.start_minute);
  });
  return out;
}

Result<int64_t> PlatformStore::InsertOfficeHours(db::Connection& c, const OfficeHours& h) {
  return c.Insert(
      "INSERT INTO platform_office_hours (platform_id, weekday, start_minute, end_minute, place) VALUES "
      "(?, ?, ?, ?, ?) RETURNING id",
      {db::Int(h.platform_id), db::Text(std::string(WeekdayName(h.weekday))), db::Int(h.start_minute),
       db::Int(h.end_minute), db::Text(h.place)});
}

Result<bool> PlatformStore::DeleteOfficeHours(db::Connection& c, PlatformId id, int64_t hours_id) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM platform_office_hours WHERE id = ? AND platform_id = ?",
                                           {db::Int(hours_id), db::Int(id)}));
  return n > 0;
}

Result<std::vector<SubsidyApplication>> PlatformStore::Subsidies(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query(std::string("SELECT ") + kSubsidyColumns +
                                  " FROM platform_subsidies WHERE platform_id = ? ORDER BY year DESC, id DESC",
                              {db::Int(id)}));
  return SubsidiesFromRows(c, rows);
}

Result<std::optional<SubsidyApplication>> PlatformStore::FindSubsidy(db::Connection& c, PlatformId id,
                                                                     int64_t subsidy_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kSubsidyColumns +
                                                    " FROM platform_subsidies WHERE platform_id = ? AND id = ?",
                                                {db::Int(id), db::Int(subsidy_id)}));
  if (!row) return std::optional<SubsidyApplication>();
  WP_ASSIGN_OR_RETURN(auto a, SubsidyFromRow(c, *row));
  return std::optional<SubsidyApplication>(std::move(a));
}

Result<std::vector<SubsidyApplication>> PlatformStore::AllSubsidies(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kSubsidyColumns +
                                         " FROM platform_subsidies ORDER BY year DESC, platform_id, id"));
  return SubsidiesFromRows(c, rows);
}

Result<int64_t> PlatformStore::SaveSubsidy(db::Connection& c, const SubsidyApplication& a) {
  int64_t id = a.id;
  db::Params values = {db::Text(std::string(SubsidyStatusName(a.status))),
                       db::Int(a.requested.cents),
                       db::Int(a.applied_at),
                       a.granted ? db::Int(a.granted->cents) : db::Null(),
                       db::Text(a.decision_reason),
                       db::Int(a.decided_at),
                       db::Text(a.overspend_explanation),
                       db::Int(a.reported_at),
                       a.settled ? db::Int(a.settled->cents) : db::Null(),
                       db::Text(a.settlement_reason),
                       db::Int(a.settled_at)};
  if (id == 0) {
    db::Params p = {db::Int(a.platform_id), db::Int(a.year)};
    p.insert(p.end(), values.begin(), values.end());
    WP_ASSIGN_OR_RETURN(id, c.Insert("INSERT INTO platform_subsidies (platform_id, year, status, requested_cents, "
                                     "applied_at, granted_cents, decision_reason, decided_at, overspend_explanation, "
                                     "reported_at, settled_cents, settlement_reason, settled_at) VALUES "
                                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                     p));
  } else {
    values.push_back(db::Int(id));
    WP_TRY_VOID(
        c.Execute("UPDATE platform_subsidies SET status = ?, requested_cents = ?, applied_at = ?, "
                  "granted_cents = ?, decision_reason = ?, decided_at = ?, overspend_explanation = ?, "
                  "reported_at = ?, settled_cents = ?, settlement_reason = ?, settled_at = ? WHERE id = ?",
                  values));
    WP_TRY_VOID(c.Execute("DELETE FROM platform_subsidy_lines WHERE subsidy_id = ?", {db::Int(id)}));
  }
  auto insert_lines = [&](const std::vector<BudgetLine>& lines, const char* kind) -> Result<void> {
    int pos = 0;
    for (const auto& l : lines) {
      WP_TRY_VOID(
          c.Execute("INSERT INTO platform_subsidy_lines (subsidy_id, kind, position, description, "
                    "amount_cents) VALUES (?, ?, ?, ?, ?)",
                    {db::Int(id), db::Text(kind), db::Int(pos++), db::Text(l.description), db::Int(l.amount.cents)}));
    }
    return Ok();
  };
  WP_TRY_VOID(insert_lines(a.budget, "budget"));
  WP_TRY_VOID(insert_lines(a.spending, "spending"));
  return id;
}

}  // namespace wp::platforms
