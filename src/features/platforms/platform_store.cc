#include "features/platforms/platform_store.h"

#include <algorithm>

#include "core/auth/user.h"
#include "core/strings.h"

namespace wp::platforms {

namespace {

constexpr const char* kPlatformColumns =
    "id, slug, name, description, themes, contact_email, borough_slug, status, converted_from_council, created_at";

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  for (auto part : Split(s, '\n')) {
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

Result<Platform> PlatformFromRow(db::Connection& c, const db::Row& r) {
  Platform p;
  p.id = r.Int(0);
  p.slug = r.Text(1);
  p.name = r.Text(2);
  p.description = r.Text(3);
  p.themes = SplitLines(r.Text(4));
  p.contact_email = r.Text(5);
  p.borough_slug = r.Text(6);
  auto status = ParsePlatformStatus(r.Text(7));
  if (!status) return Internal("bad platform status " + r.Text(7));
  p.status = *status;
  p.converted_from_council = r.OptText(8);
  p.created_at = r.Int(9);
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT neighbourhood_code FROM platform_neighbourhoods WHERE platform_id = ?",
                                         {db::Int(p.id)}));
  for (const auto& row : rows) p.area.insert(row.Text(0));
  return p;
}

Result<std::vector<Platform>> PlatformsFromRows(db::Connection& c, const db::Rows& rows) {
  std::vector<Platform> out;
  for (const auto& r : rows) {
    WP_ASSIGN_OR_RETURN(auto p, PlatformFromRow(c, r));
    out.push_back(std::move(p));
  }
  return out;
}

std::string Sel(std::string_view rest) { return std::string("SELECT ") + kPlatformColumns + " FROM platforms " + std::string(rest); }

constexpr const char* kMemberColumns =
    "m.platform_id, m.user_id, m.kind, m.organisation_name, m.joined_at, u.email, u.display_name, u.locale, "
    "m.mail_newsletter, m.mail_events, m.newsletter_token, m.events_token";

MemberRow MemberFromRow(const db::Row& r) {
  MemberRow m;
  m.member.platform_id = r.Int(0);
  m.member.user_id = r.Int(1);
  m.member.kind = ParseMemberKind(r.Text(2)).value_or(MemberKind::kResident);
  m.member.organisation_name = r.Text(3);
  m.member.joined_at = r.Int(4);
  m.email = r.Text(5);
  m.display_name = r.Text(6);
  m.locale = r.Text(7);
  m.mail_newsletter = r.Bool(8);
  m.mail_events = r.Bool(9);
  m.newsletter_token = r.Text(10);
  m.events_token = r.Text(11);
  return m;
}

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
    if (l.Text(0) == "budget") a.budget.push_back(std::move(line));
    else a.spending.push_back(std::move(line));
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

Result<std::optional<Platform>> PlatformStore::Find(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(Sel("WHERE id = ?"), {db::Int(id)}));
  if (!row) return std::optional<Platform>();
  WP_ASSIGN_OR_RETURN(auto p, PlatformFromRow(c, *row));
  return std::optional<Platform>(std::move(p));
}

Result<std::optional<Platform>> PlatformStore::FindBySlug(db::Connection& c, std::string_view slug) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(Sel("WHERE slug = ?"), {db::Text(std::string(slug))}));
  if (!row) return std::optional<Platform>();
  WP_ASSIGN_OR_RETURN(auto p, PlatformFromRow(c, *row));
  return std::optional<Platform>(std::move(p));
}

Result<std::vector<Platform>> PlatformStore::List(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(Sel("ORDER BY name, id")));
  return PlatformsFromRows(c, rows);
}

Result<std::vector<Platform>> PlatformStore::ActiveInDistrict(db::Connection& c, std::string_view district_code) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query(Sel("WHERE status IN ('submitted', 'in_formation', 'recognised') AND id IN "
                                  "(SELECT platform_id FROM platform_neighbourhoods WHERE district_code = ?) "
                                  "ORDER BY name, id"),
                              {db::Text(std::string(district_code))}));
  return PlatformsFromRows(c, rows);
}

Result<bool> PlatformStore::SlugTaken(db::Connection& c, std::string_view slug) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT 1 FROM platforms WHERE slug = ?", {db::Text(std::string(slug))}));
  return row.has_value();
}

Result<PlatformId> PlatformStore::Insert(db::Connection& c, const Platform& p, int64_t created_by) {
  WP_ASSIGN_OR_RETURN(
      PlatformId id,
      c.Insert("INSERT INTO platforms (slug, name, description, themes, contact_email, borough_slug, status, "
               "converted_from_council, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {db::Text(p.slug), db::Text(p.name), db::Text(p.description), db::Text(JoinStrings(p.themes, "\n")),
                db::Text(p.contact_email), db::Text(p.borough_slug), db::Text(std::string(PlatformStatusName(p.status))),
                db::OptText(p.converted_from_council), db::Int(p.created_at), db::Int(created_by)}));
  for (const auto& code : p.area) {
    std::string district = IsNeighbourhoodCode(code) ? DistrictOfNeighbourhood(code) : "";
    WP_TRY_VOID(c.Execute(
        "INSERT INTO platform_neighbourhoods (platform_id, neighbourhood_code, district_code) VALUES (?, ?, ?)",
        {db::Int(id), db::Text(code), db::Text(district)}));
  }
  return id;
}

Result<void> PlatformStore::UpdateDetails(db::Connection& c, const Platform& p) {
  WP_TRY_VOID(c.Execute("UPDATE platforms SET name = ?, description = ?, themes = ?, contact_email = ? WHERE id = ?",
                        {db::Text(p.name), db::Text(p.description), db::Text(JoinStrings(p.themes, "\n")),
                         db::Text(p.contact_email), db::Int(p.id)}));
  return Ok();
}

Result<void> PlatformStore::SetStatus(db::Connection& c, PlatformId id, PlatformStatus s) {
  WP_TRY_VOID(c.Execute("UPDATE platforms SET status = ? WHERE id = ?",
                        {db::Text(std::string(PlatformStatusName(s))), db::Int(id)}));
  return Ok();
}

std::vector<std::string> PlatformStore::ClaimsFor(const Platform& p, const AreaPolicy& policy) {
  std::vector<std::string> out(p.area.begin(), p.area.end());
  if (policy.one_platform_per_district) {
    std::set<std::string> districts;
    for (const auto& code : p.area) {
      if (IsNeighbourhoodCode(code)) districts.insert(DistrictOfNeighbourhood(code));
    }
    out.insert(out.end(), districts.begin(), districts.end());
  }
  if (p.converted_from_council) out.push_back("council:" + *p.converted_from_council);
  return out;
}

Result<void> PlatformStore::InsertClaims(db::Connection& c, PlatformId id, const std::vector<std::string>& claims) {
  for (const auto& claim : claims) {
    auto r = c.Execute("INSERT INTO platform_claims (claim, platform_id) VALUES (?, ?)", {db::Text(claim), db::Int(id)});
    if (!r.has_value()) {
      if (r.error().code == ErrorCode::kConflict) {
        return Conflict("area claim " + claim + " is held by another platform", "platforms.overlap.claimed");
      }
      return r.error();
    }
  }
  return Ok();
}

Result<void> PlatformStore::ReleaseClaims(db::Connection& c, PlatformId id) {
  WP_TRY_VOID(c.Execute("DELETE FROM platform_claims WHERE platform_id = ?", {db::Int(id)}));
  return Ok();
}

Result<int64_t> PlatformStore::CountClaims(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM platform_claims WHERE platform_id = ?", {db::Int(id)}));
  return row.Int(0);
}

Result<std::vector<std::string>> PlatformStore::ClaimedCouncils(db::Connection& c, PlatformId self) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT converted_from_council FROM platforms WHERE id <> ? AND "
                                         "converted_from_council IS NOT NULL AND "
                                         "status IN ('submitted', 'in_formation', 'recognised')",
                                         {db::Int(self)}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

Result<void> PlatformStore::AppendHistory(db::Connection& c, const StatusChange& change) {
  WP_TRY_VOID(c.Execute("INSERT INTO platform_status_history (platform_id, from_status, to_status, actor_user_id, "
                        "reason, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                        {db::Int(change.platform_id), db::Text(std::string(PlatformStatusName(change.from))),
                         db::Text(std::string(PlatformStatusName(change.to))), db::Int(change.actor_user_id),
                         db::Text(change.reason), db::Int(change.changed_at)}));
  return Ok();
}

Result<std::vector<PlatformStore::HistoryRow>> PlatformStore::History(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT h.from_status, h.to_status, h.actor_user_id, h.reason, h.changed_at, "
                                         "COALESCE(u.display_name, '') FROM platform_status_history h "
                                         "LEFT JOIN users u ON u.id = h.actor_user_id WHERE h.platform_id = ? "
                                         "ORDER BY h.id",
                                         {db::Int(id)}));
  std::vector<HistoryRow> out;
  for (const auto& r : rows) {
    HistoryRow h;
    h.change.platform_id = id;
    h.change.from = ParsePlatformStatus(r.Text(0)).value_or(PlatformStatus::kSubmitted);
    h.change.to = ParsePlatformStatus(r.Text(1)).value_or(PlatformStatus::kSubmitted);
    h.change.actor_user_id = r.Int(2);
    h.change.reason = r.Text(3);
    h.change.changed_at = r.Int(4);
    h.actor_name = r.Text(5);
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::optional<MemberRow>> PlatformStore::FindMember(db::Connection& c, PlatformId id, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kMemberColumns +
                                                    " FROM platform_members m JOIN users u ON u.id = m.user_id "
                                                    "WHERE m.platform_id = ? AND m.user_id = ?",
                                                {db::Int(id), db::Int(user_id)}));
  if (!row) return std::optional<MemberRow>();
  return std::optional<MemberRow>(MemberFromRow(*row));
}

Result<std::vector<MemberRow>> PlatformStore::Members(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kMemberColumns +
                                             " FROM platform_members m JOIN users u ON u.id = m.user_id "
                                             "WHERE m.platform_id = ? ORDER BY u.display_name, m.user_id",
                                         {db::Int(id)}));
  std::vector<MemberRow> out;
  for (const auto& r : rows) out.push_back(MemberFromRow(r));
  return out;
}

Result<int64_t> PlatformStore::CountMembers(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM platform_members WHERE platform_id = ?", {db::Int(id)}));
  return row.Int(0);
}

Result<void> PlatformStore::InsertMember(db::Connection& c, const Member& m, const std::string& newsletter_token,
                                         const std::string& events_token) {
  WP_TRY_VOID(c.Execute("INSERT INTO platform_members (platform_id, user_id, kind, organisation_name, joined_at, "
                        "newsletter_token, events_token) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        {db::Int(m.platform_id), db::Int(m.user_id), db::Text(std::string(MemberKindName(m.kind))),
                         db::Text(m.organisation_name), db::Int(m.joined_at), db::Text(newsletter_token),
                         db::Text(events_token)}));
  return Ok();
}

Result<bool> PlatformStore::DeleteMember(db::Connection& c, PlatformId id, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM platform_members WHERE platform_id = ? AND user_id = ?",
                                           {db::Int(id), db::Int(user_id)}));
  return n > 0;
}

Result<void> PlatformStore::SetMail(db::Connection& c, PlatformId id, int64_t user_id, bool newsletter, bool events) {
  WP_TRY_VOID(c.Execute("UPDATE platform_members SET mail_newsletter = ?, mail_events = ? WHERE platform_id = ? AND "
                        "user_id = ?",
                        {db::Int(newsletter ? 1 : 0), db::Int(events ? 1 : 0), db::Int(id), db::Int(user_id)}));
  return Ok();
}

Result<std::optional<PlatformStore::TokenHit>> PlatformStore::FindToken(db::Connection& c, std::string_view token) {
  if (token.empty()) return std::optional<TokenHit>();
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT platform_id, user_id, newsletter_token, mail_newsletter, "
                                                "mail_events FROM platform_members WHERE newsletter_token = ? OR "
                                                "events_token = ?",
                                                {db::Text(std::string(token)), db::Text(std::string(token))}));
  if (!row) return std::optional<TokenHit>();
  TokenHit hit;
  hit.platform_id = row->Int(0);
  hit.user_id = row->Int(1);
  bool newsletter = row->Text(2) == token;
  hit.topic = newsletter ? "newsletter" : "events";
  hit.subscribed = newsletter ? row->Bool(3) : row->Bool(4);
  return std::optional<TokenHit>(hit);
}

Result<std::vector<KernteamRow>> PlatformStore::Kernteam(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT u.id, u.email, u.display_name FROM user_roles r JOIN users u ON "
                                         "u.id = r.user_id WHERE r.role = ? AND r.scope = ? ORDER BY u.display_name, u.id",
                                         {db::Text(std::string(auth::RoleName(auth::Role::kKernteamMember))),
                                          db::Text(PlatformScope(id))}));
  std::vector<KernteamRow> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2)});
  return out;
}

Result<std::vector<WorkingGroupRow>> PlatformStore::WorkingGroups(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT g.id, g.theme, g.description, g.contact_name, g.contact_email, "
                                         "g.contact_user_id, (SELECT COUNT(*) FROM platform_working_group_members m "
                                         "WHERE m.group_id = g.id) FROM platform_working_groups g "
                                         "WHERE g.platform_id = ? ORDER BY g.theme, g.id",
                                         {db::Int(id)}));
  std::vector<WorkingGroupRow> out;
  for (const auto& r : rows) {
    WorkingGroupRow w;
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
  return c.Insert("INSERT INTO platform_working_groups (platform_id, theme, description, contact_name, contact_email, "
                  "contact_user_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                  {db::Int(g.platform_id), db::Text(g.theme), db::Text(g.description), db::Text(g.contact.name),
                   db::Text(g.contact.email), db::OptInt(g.contact.user_id)});
}

Result<bool> PlatformStore::DeleteWorkingGroup(db::Connection& c, PlatformId id, int64_t group_id) {
  WP_TRY_VOID(c.Execute("DELETE FROM platform_working_group_members WHERE group_id IN (SELECT id FROM "
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
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM platform_working_group_members WHERE group_id = ? AND user_id = ?",
                                           {db::Int(group_id), db::Int(user_id)}));
  return n > 0;
}

Result<void> PlatformStore::LeaveAllWorkingGroups(db::Connection& c, PlatformId id, int64_t user_id) {
  WP_TRY_VOID(c.Execute("DELETE FROM platform_working_group_members WHERE user_id = ? AND group_id IN (SELECT id FROM "
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
    return std::pair(static_cast<int>(a.weekday), a.start_minute) < std::pair(static_cast<int>(b.weekday), b.start_minute);
  });
  return out;
}

Result<int64_t> PlatformStore::InsertOfficeHours(db::Connection& c, const OfficeHours& h) {
  return c.Insert("INSERT INTO platform_office_hours (platform_id, weekday, start_minute, end_minute, place) VALUES "
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
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kSubsidyColumns +
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
    WP_TRY_VOID(c.Execute("UPDATE platform_subsidies SET status = ?, requested_cents = ?, applied_at = ?, "
                          "granted_cents = ?, decision_reason = ?, decided_at = ?, overspend_explanation = ?, "
                          "reported_at = ?, settled_cents = ?, settlement_reason = ?, settled_at = ? WHERE id = ?",
                          values));
    WP_TRY_VOID(c.Execute("DELETE FROM platform_subsidy_lines WHERE subsidy_id = ?", {db::Int(id)}));
  }
  auto insert_lines = [&](const std::vector<BudgetLine>& lines, const char* kind) -> Result<void> {
    int pos = 0;
    for (const auto& l : lines) {
      WP_TRY_VOID(c.Execute("INSERT INTO platform_subsidy_lines (subsidy_id, kind, position, description, "
                            "amount_cents) VALUES (?, ?, ?, ?, ?)",
                            {db::Int(id), db::Text(kind), db::Int(pos++), db::Text(l.description),
                             db::Int(l.amount.cents)}));
    }
    return Ok();
  };
  WP_TRY_VOID(insert_lines(a.budget, "budget"));
  WP_TRY_VOID(insert_lines(a.spending, "spending"));
  return id;
}

}  // namespace wp::platforms
