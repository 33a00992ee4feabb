#include "features/forums/panel.h"

#include "features/forums/forums.h"

namespace wp::forums {

namespace {

Result<std::vector<PanelChoice>> Choices(db::Connection& c, const auth::User& user, int64_t now,
                                         std::optional<int64_t> only) {
  std::string sql =
      "SELECT f.id, f.name, f.district_name, f.kind, f.borough, "
      "(SELECT COUNT(*) FROM forum_members m JOIN forum_registrations r ON r.id = m.registration_id "
      "WHERE m.forum_id = f.id AND m.left_at IS NULL AND m.term_ends_at > ? AND r.email <> '') "
      "FROM forums f";
  db::Params params{db::Int(now)};
  if (only) {
    sql += " WHERE f.id = ?";
    params.push_back(db::Int(*only));
  }
  sql += " ORDER BY f.id DESC";
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
  std::vector<PanelChoice> out;
  for (const auto& r : rows) {
    if (!MayOrganise(user, r.Text(4))) continue;
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(5)});
  }
  return out;
}

}  // namespace

Result<std::vector<PanelChoice>> PanelChoices(db::Connection& c, const auth::User& user, int64_t now) {
  return Choices(c, user, now, std::nullopt);
}

Result<std::optional<PanelChoice>> FindPanelChoice(db::Connection& c, const auth::User& user, int64_t forum_id,
                                                   int64_t now) {
  WP_ASSIGN_OR_RETURN(auto found, Choices(c, user, now, forum_id));
  if (found.empty()) return std::optional<PanelChoice>();
  return std::optional<PanelChoice>(found.front());
}

Result<std::vector<PanelMember>> CurrentPanelMembers(db::Connection& c, int64_t forum_id, int64_t now) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT r.id, r.name, r.email FROM forum_members m "
                              "JOIN forum_registrations r ON r.id = m.registration_id "
                              "WHERE m.forum_id = ? AND m.left_at IS NULL AND m.term_ends_at > ? AND r.email <> '' "
                              "ORDER BY m.draw_id, r.public_id",
                              {db::Int(forum_id), db::Int(now)}));
  std::vector<PanelMember> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2)});
  return out;
}

}  // namespace wp::forums
