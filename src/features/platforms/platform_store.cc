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

std::string Sel(std::string_view rest) {
  return std::string("SELECT ") + kPlatformColumns + " FROM platforms " + std::string(rest);
}

constexpr const char* kMemberColumns =
    "m.platform_id, m.user_id, m.kind, m.organisation_name, m.joined_at, m.mail_newsletter, m.mail_events, "
    "m.newsletter_token, m.events_token";

MemberRow MemberFromRow(const db::Row& r) {
  MemberRow m;
  m.member.platform_id = r.Int(0);
  m.member.user_id = r.Int(1);
  m.member.kind = ParseMemberKind(r.Text(2)).value_or(MemberKind::kResident);
  m.member.organisation_name = r.Text(3);
  m.member.joined_at = r.Int(4);
  m.member.mail_newsletter = r.Bool(5);
  m.member.mail_events = r.Bool(6);
  m.newsletter_token = r.Text(7);
  m.events_token = r.Text(8);
  return m;
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

Result<int64_t> PlatformStore::CountActive(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM platforms WHERE status IN "
                                           "('submitted', 'in_formation', 'recognised')"));
  return row.Int(0);
}

Result<bool> PlatformStore::SlugTaken(db::Connection& c, std::string_view slug) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional("SELECT 1 FROM platforms WHERE slug = ?", {db::Text(std::string(slug))}));
  return row.has_value();
}

Result<PlatformId> PlatformStore::Insert(db::Connection& c, const Platform& p, int64_t created_by) {
  WP_ASSIGN_OR_RETURN(
      PlatformId id,
      c.Insert(
          "INSERT INTO platforms (slug, name, description, themes, contact_email, borough_slug, status, "
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
    auto r =
        c.Execute("INSERT INTO platform_claims (claim, platform_id) VALUES (?, ?)", {db::Text(claim), db::Int(id)});
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
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOne("SELECT COUNT(*) FROM platform_claims WHERE platform_id = ?", {db::Int(id)}));
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
  WP_TRY_VOID(
      c.Execute("INSERT INTO platform_status_history (platform_id, from_status, to_status, actor_user_id, "
                "reason, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                {db::Int(change.platform_id), db::Text(std::string(PlatformStatusName(change.from))),
                 db::Text(std::string(PlatformStatusName(change.to))), db::Int(change.actor_user_id),
                 db::Text(change.reason), db::Int(change.changed_at)}));
  return Ok();
}

Result<std::vector<StatusChange>> PlatformStore::History(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT from_status, to_status, actor_user_id, reason, changed_at "
                                         "FROM platform_status_history WHERE platform_id = ? ORDER BY id",
                                         {db::Int(id)}));
  std::vector<StatusChange> out;
  for (const auto& r : rows) {
    StatusChange h;
    h.platform_id = id;
    h.from = ParsePlatformStatus(r.Text(0)).value_or(PlatformStatus::kSubmitted);
    h.to = ParsePlatformStatus(r.Text(1)).value_or(PlatformStatus::kSubmitted);
    h.actor_user_id = r.Int(2);
    h.reason = r.Text(3);
    h.changed_at = r.Int(4);
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::optional<MemberRow>> PlatformStore::FindMember(db::Connection& c, PlatformId id, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kMemberColumns +
                                          " FROM platform_members m WHERE m.platform_id = ? AND m.user_id = ?",
                                      {db::Int(id), db::Int(user_id)}));
  if (!row) return std::optional<MemberRow>();
  return std::optional<MemberRow>(MemberFromRow(*row));
}

Result<std::vector<MemberRow>> PlatformStore::Members(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kMemberColumns +
                                             " FROM platform_members m WHERE m.platform_id = ? ORDER BY m.user_id",
                                         {db::Int(id)}));
  std::vector<MemberRow> out;
  for (const auto& r : rows) out.push_back(MemberFromRow(r));
  return out;
}

Result<int64_t> PlatformStore::CountMembers(db::Connection& c, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOne("SELECT COUNT(*) FROM platform_members WHERE platform_id = ?", {db::Int(id)}));
  return row.Int(0);
}

Result<void> PlatformStore::InsertMember(db::Connection& c, const Member& m, const std::string& newsletter_token,
                                         const std::string& events_token) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO platform_members (platform_id, user_id, kind, organisation_name, joined_at, "
                "mail_newsletter, mail_events, newsletter_token, events_token) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {db::Int(m.platform_id), db::Int(m.user_id), db::Text(std::string(MemberKindName(m.kind))),
                 db::Text(m.organisation_name), db::Int(m.joined_at), db::Int(m.mail_newsletter ? 1 : 0),
                 db::Int(m.mail_events ? 1 : 0), db::Text(newsletter_token), db::Text(events_token)}));
  return Ok();
}

Result<bool> PlatformStore::DeleteMember(db::Connection& c, PlatformId id, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM platform_members WHERE platform_id = ? AND user_id = ?",
                                           {db::Int(id), db::Int(user_id)}));
  return n > 0;
}

Result<void> PlatformStore::SetMail(db::Connection& c, PlatformId id, int64_t user_id, bool newsletter, bool events) {
  WP_TRY_VOID(
      c.Execute("UPDATE platform_members SET mail_newsletter = ?, mail_events = ? WHERE platform_id = ? AND "
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
  hit.topic = newsletter ? MailTopic::kNewsletter : MailTopic::kEvents;
  hit.subscribed = newsletter ? row->Bool(3) : row->Bool(4);
  return std::optional<TokenHit>(hit);
}

}  // namespace wp::platforms
