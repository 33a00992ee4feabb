#include "features/forums/forum_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace wp::forums {

namespace {

constexpr const char* kForumColumns =
    "id, slug, kind, name, district_code, district_name, borough, purpose, seats, term_months, register_until, "
    "appeal_days, quotas_csv, sample_seed, sample_size, address_count, address_list_sha256, invited_at, created_by, "
    "created_at";

Forum ForumFromRow(const db::Row& r) {
  Forum f;
  f.id = r.Int(0);
  f.slug = r.Text(1);
  f.setup.kind = ParseKind(r.Text(2)).value_or(Kind::kForum);
  f.setup.name = r.Text(3);
  f.setup.district_code = r.Text(4);
  f.district_name = r.Text(5);
  f.borough = r.Text(6);
  f.setup.purpose = r.Text(7);
  f.setup.seats = static_cast<int>(r.Int(8));
  f.setup.term_months = static_cast<int>(r.Int(9));
  f.setup.register_until = r.Int(10);
  f.setup.appeal_days = static_cast<int>(r.Int(11));
  f.setup.quotas_csv = r.Text(12);
  f.sample_seed = r.Text(13);
  f.sample_size = static_cast<int>(r.Int(14));
  f.address_count = static_cast<int>(r.Int(15));
  f.address_list_sha256 = r.Text(16);
  f.invited_at = r.OptInt(17);
  f.created_by = r.Int(18);
  f.created_at = r.Int(19);
  return f;
}

Result<std::optional<Forum>> ForumWhere(db::Connection& c, const std::string& where, const db::Params& p) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kForumColumns + " FROM forums " + where, p));
  if (!row) return std::optional<Forum>();
  return std::optional<Forum>(ForumFromRow(*row));
}

Invitation InvitationFromRow(const db::Row& r) {
  return {r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), r.Text(3), r.Text(4), r.OptInt(5), static_cast<int>(r.Int(6))};
}

Round RoundFromRow(const db::Row& r) {
  Round x;
  x.id = r.Int(0);
  x.forum_id = r.Int(1);
  x.number = static_cast<int>(r.Int(2));
  x.sample_seed = r.Text(3);
  x.sample_size = static_cast<int>(r.Int(4));
  x.address_count = static_cast<int>(r.Int(5));
  x.address_list_sha256 = r.Text(6);
  x.register_until = r.Int(7);
  x.open_seats = static_cast<int>(r.Int(8));
  x.quotas_csv = r.Text(9);
  x.created_by = r.Int(10);
  x.created_at = r.Int(11);
  return x;
}

constexpr const char* kDrawColumns =
    "id, forum_id, kind, seed, status, error, categories_csv, respondents_csv, panel_csv, dropouts, result_json, "
    "created_by, created_at, finished_at, seats, targets_csv, round_number";

std::optional<DrawStatus> ParseDrawStatus(std::string_view s) {
  for (DrawStatus d : {DrawStatus::kQueued, DrawStatus::kRunning, DrawStatus::kDone, DrawStatus::kFailed}) {
    if (DrawStatusName(d) == s) return d;
  }
  return std::nullopt;
}

Draw DrawFromRow(const db::Row& r) {
  Draw d;
  d.id = r.Int(0);
  d.forum_id = r.Int(1);
  d.kind = r.Text(2);
  d.seed = r.Text(3);
  d.status = ParseDrawStatus(r.Text(4)).value_or(DrawStatus::kFailed);
  d.error = r.Text(5);
  d.categories_csv = r.Text(6);
  d.respondents_csv = r.Text(7);
  d.panel_csv = r.Text(8);
  d.dropouts = r.Text(9);
  d.result_json = r.Text(10);
  d.created_by = r.Int(11);
  d.created_at = r.Int(12);
  d.finished_at = r.OptInt(13);
  d.seats = static_cast<int>(r.Int(14));
  d.targets_csv = r.Text(15);
  d.round = static_cast<int>(r.Int(16));
  return d;
}

}  // namespace

std::string_view DrawStatusName(DrawStatus s) {
  switch (s) {
    case DrawStatus::kQueued:
      return "queued";
    case DrawStatus::kRunning:
      return "running";
    case DrawStatus::kDone:
      return "done";
    case DrawStatus::kFailed:
      return "failed";
  }
  return "failed";
}

bool AnyDrawRunning(const std::vector<Draw>& draws) {
  return std::any_of(draws.begin(), draws.end(), [](const Draw& d) {
    return d.status == DrawStatus::kQueued || d.status == DrawStatus::kRunning;
  });
}

Result<int64_t> ForumStore::InsertForum(db::Connection& c, const Forum& f) {
  const ForumSetup& s = f.setup;
  return c.Insert(
      "INSERT INTO forums (slug, kind, name, district_code, district_name, borough, purpose, seats, term_months, "
      "register_until, appeal_days, quotas_csv, sample_seed, sample_size, address_count, address_list_sha256, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, 0, '', ?, ?) RETURNING id",
      {f.slug, std::string(KindName(s.kind)), s.name, s.district_code, f.district_name, f.borough, s.purpose,
       db::Int(s.seats), db::Int(s.term_months), s.register_until, db::Int(s.appeal_days), s.quotas_csv, f.created_by,
       f.created_at});
}

Result<std::optional<Forum>> ForumStore::FindForum(db::Connection& c, std::string_view slug) {
  return ForumWhere(c, "WHERE slug = ?", {std::string(slug)});
}

Result<std::optional<Forum>> ForumStore::FindForumById(db::Connection& c, int64_t id) {
  return ForumWhere(c, "WHERE id = ?", {id});
}

Result<std::vector<Forum>> ForumStore::Forums(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kForumColumns + " FROM forums ORDER BY id DESC"));
  std::vector<Forum> out;
  for (const auto& r : rows) out.push_back(ForumFromRow(r));
  return out;
}

Result<void> ForumStore::SaveSample(db::Connection& c, const Forum& f) {
  WP_TRY_VOID(
      c.Execute("UPDATE forums SET sample_seed = ?, sample_size = ?, address_count = ?, address_list_sha256 = ?, "
                "invited_at = ? WHERE id = ?",
                {f.sample_seed, db::Int(f.sample_size), db::Int(f.address_count), f.address_list_sha256,
                 db::OptInt(f.invited_at), f.id}));
  return Ok();
}

Result<void> ForumStore::SetRegisterUntil(db::Connection& c, int64_t forum_id, int64_t at) {
  WP_TRY_VOID(c.Execute("UPDATE forums SET register_until = ? WHERE id = ?", {at, forum_id}));
  return Ok();
}

Result<void> ForumStore::InsertInvitation(db::Connection& c, const Invitation& i) {
  WP_TRY_VOID(c.Execute(
      "INSERT INTO forum_invitations (forum_id, letter_number, address, code, round_number) VALUES (?, ?, ?, ?, ?)",
      {i.forum_id, db::Int(i.letter_number), i.address, i.code, db::Int(i.round)}));
  return Ok();
}

Result<int64_t> ForumStore::InsertRound(db::Connection& c, const Round& r) {
  return c.Insert(
      "INSERT INTO forum_rounds (forum_id, number, sample_seed, sample_size, address_count, address_list_sha256, "
      "register_until, open_seats, quotas_csv, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {r.forum_id, db::Int(r.number), r.sample_seed, db::Int(r.sample_size), db::Int(r.address_count),
       r.address_list_sha256, r.register_until, db::Int(r.open_seats), r.quotas_csv, r.created_by, r.created_at});
}

Result<std::vector<Round>> ForumStore::Rounds(db::Connection& c, int64_t forum_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, forum_id, number, sample_seed, sample_size, address_count, "
                                         "address_list_sha256, register_until, open_seats, quotas_csv, created_by, "
                                         "created_at FROM forum_rounds WHERE forum_id = ? ORDER BY number",
                                         {forum_id}));
  std::vector<Round> out;
  for (const auto& r : rows) out.push_back(RoundFromRow(r));
  return out;
}

Result<void> ForumStore::SetRoundRegisterUntil(db::Connection& c, int64_t round_id, int64_t at) {
  WP_TRY_VOID(c.Execute("UPDATE forum_rounds SET register_until = ? WHERE id = ?", {at, round_id}));
  return Ok();
}

Result<std::optional<Invitation>> ForumStore::FindInvitation(db::Connection& c, std::string_view code) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT id, forum_id, letter_number, address, code, registered_at, "
                                                "round_number FROM forum_invitations WHERE code = ?",
                                                {std::string(code)}));
  if (!row) return std::optional<Invitation>();
  return std::optional<Invitation>(InvitationFromRow(*row));
}

Result<std::vector<Invitation>> ForumStore::Invitations(db::Connection& c, int64_t forum_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, forum_id, letter_number, address, code, registered_at, "
                                         "round_number FROM forum_invitations WHERE forum_id = ? ORDER BY "
                                         "round_number, letter_number",
                                         {forum_id}));
  std::vector<Invitation> out;
  for (const auto& r : rows) out.push_back(InvitationFromRow(r));
  return out;
}

Result<bool> ForumStore::MarkRegistered(db::Connection& c, int64_t invitation_id, int64_t at) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE forum_invitations SET registered_at = ? WHERE id = ? AND "
                                           "registered_at IS NULL",
                                           {at, invitation_id}));
  return n == 1;
}

Result<int64_t> ForumStore::InsertRegistration(db::Connection& c, const Registration& r) {
  nlohmann::json features(r.features);
  return c.Insert(
      "INSERT INTO forum_registrations (forum_id, invitation_id, public_id, name, email, phone, availability, "
      "features_json, consent_at, created_at, round_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.forum_id, r.invitation_id, r.public_id, r.name, r.email, r.phone, r.availability, features.dump(),
       r.consent_at, r.created_at, db::Int(r.round)});
}

Result<std::vector<Registration>> ForumStore::Registrations(db::Connection& c, int64_t forum_id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT id, forum_id, invitation_id, public_id, name, email, phone, availability, "
                              "features_json, consent_at, created_at, erased_at, round_number FROM forum_registrations "
                              "WHERE forum_id = ? ORDER BY public_id",
                              {forum_id}));
  std::vector<Registration> out;
  for (const auto& row : rows) {
    Registration r;
    r.id = row.Int(0);
    r.forum_id = row.Int(1);
    r.invitation_id = row.Int(2);
    r.public_id = row.Text(3);
    r.name = row.Text(4);
    r.email = row.Text(5);
    r.phone = row.Text(6);
    r.availability = row.Text(7);
    auto features = nlohmann::json::parse(row.Text(8), nullptr, false);
    if (features.is_object()) r.features = features.get<std::map<std::string, std::string>>();
    r.consent_at = row.Int(9);
    r.created_at = row.Int(10);
    r.erased_at = row.OptInt(11);
    r.round = static_cast<int>(row.Int(12));
    out.push_back(std::move(r));
  }
  return out;
}

Result<int64_t> ForumStore::CountRegistrations(db::Connection& c, int64_t forum_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM forum_registrations WHERE forum_id = ?", {forum_id}));
  return row.Int(0);
}

Result<int64_t> ForumStore::Erase(db::Connection& c, int64_t registration_id, bool keep_name_email, int64_t at) {
  if (keep_name_email) {
    return c.Execute(
        "UPDATE forum_registrations SET phone = '', availability = '', erased_at = ? WHERE id = ? AND "
        "erased_at IS NULL",
        {at, registration_id});
  }
  return c.Execute(
      "UPDATE forum_registrations SET name = '', email = '', phone = '', availability = '', "
      "erased_at = ? WHERE id = ? AND erased_at IS NULL",
      {at, registration_id});
}

Result<int64_t> ForumStore::EraseReserveContacts(db::Connection& c, int64_t forum_id) {
  return c.Execute(
      "UPDATE forum_registrations SET name = '', email = '' WHERE forum_id = ? AND erased_at IS NOT NULL AND "
      "(name <> '' OR email <> '') AND id NOT IN (SELECT registration_id FROM forum_members WHERE forum_id = ?)",
      {forum_id, forum_id});
}

Result<int64_t> ForumStore::InsertDraw(db::Connection& c, const Draw& d) {
  return c.Insert(
      "INSERT INTO forum_draws (forum_id, kind, seed, status, error, categories_csv, respondents_csv, panel_csv, "
      "dropouts, result_json, created_by, created_at, seats, targets_csv, round_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {d.forum_id, d.kind, d.seed, std::string(DrawStatusName(d.status)), d.error, d.categories_csv, d.respondents_csv,
       d.panel_csv, d.dropouts, d.result_json, d.created_by, d.created_at, db::Int(d.seats), d.targets_csv,
       db::Int(d.round)});
}

Result<std::optional<Draw>> ForumStore::FindDraw(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kDrawColumns + " FROM forum_draws WHERE id = ?", {id}));
  if (!row) return std::optional<Draw>();
  return std::optional<Draw>(DrawFromRow(*row));
}

Result<std::vector<Draw>> ForumStore::Draws(db::Connection& c, int64_t forum_id) {
  WP_ASSIGN_OR_RETURN(
      auto rows,
      c.Query(std::string("SELECT ") + kDrawColumns + " FROM forum_draws WHERE forum_id = ? ORDER BY id", {forum_id}));
  std::vector<Draw> out;
  for (const auto& r : rows) out.push_back(DrawFromRow(r));
  return out;
}

Result<void> ForumStore::SetDrawStatus(db::Connection& c, int64_t id, DrawStatus s, const std::string& error,
                                       const std::string& result_json, std::optional<int64_t> finished_at) {
  WP_TRY_VOID(c.Execute("UPDATE forum_draws SET status = ?, error = ?, result_json = ?, finished_at = ? WHERE id = ?",
                        {std::string(DrawStatusName(s)), error, result_json, db::OptInt(finished_at), id}));
  return Ok();
}

Result<bool> ForumStore::MarkDrawRunning(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE forum_draws SET status = 'running' WHERE id = ? AND finished_at IS "
                                           "NULL AND status NOT IN ('done', 'failed')",
                                           {id}));
  return n > 0;
}

Result<bool> ForumStore::TakeDrawForRecording(db::Connection& c, int64_t id, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE forum_draws SET finished_at = ? WHERE id = ? AND finished_at IS "
                                           "NULL AND status NOT IN ('done', 'failed')",
                                           {now, id}));
  return n > 0;
}

Result<void> ForumStore::SetSeatsAndQuotas(db::Connection& c, int64_t forum_id, int seats,
                                           const std::string& quotas_csv) {
  WP_TRY_VOID(c.Execute("UPDATE forums SET seats = ?, quotas_csv = ? WHERE id = ?",
                        {db::Int(seats), quotas_csv, forum_id}));
  return Ok();
}

Result<void> ForumStore::InsertMember(db::Connection& c, int64_t forum_id, int64_t registration_id, int64_t draw_id,
                                      int64_t term_ends_at) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO forum_members (forum_id, registration_id, draw_id, term_ends_at) VALUES (?, ?, ?, ?)",
                {forum_id, registration_id, draw_id, term_ends_at}));
  return Ok();
}

Result<void> ForumStore::SetMemberLeft(db::Connection& c, int64_t forum_id, int64_t registration_id, int64_t at) {
  WP_TRY_VOID(
      c.Execute("UPDATE forum_members SET left_at = ? WHERE forum_id = ? AND registration_id = ? AND "
                "left_at IS NULL",
                {at, forum_id, registration_id}));
  return Ok();
}

Result<std::vector<std::pair<int64_t, std::string>>> ForumStore::EndTerms(db::Connection& c, int64_t now) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT m.forum_id, r.public_id FROM forum_members m JOIN forum_registrations r "
                              "ON r.id = m.registration_id WHERE m.left_at IS NULL AND m.term_ends_at <= ? "
                              "ORDER BY m.forum_id, r.public_id",
                              {now}));
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.Int(0), r.Text(1));
  WP_TRY_VOID(
      c.Execute("UPDATE forum_members SET left_at = term_ends_at WHERE left_at IS NULL AND term_ends_at <= ?", {now}));
  return out;
}

Result<std::vector<Member>> ForumStore::Members(db::Connection& c, int64_t forum_id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT m.registration_id, r.public_id, r.name, r.email, m.draw_id, m.term_ends_at, "
                              "m.left_at FROM forum_members m JOIN forum_registrations r ON r.id = m.registration_id "
                              "WHERE m.forum_id = ? ORDER BY m.draw_id, r.public_id",
                              {forum_id}));
  std::vector<Member> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5), r.OptInt(6)});
  }
  return out;
}

Result<void> ForumStore::AppendHistory(db::Connection& c, int64_t forum_id, const HistoryEntry& e) {
  WP_TRY_VOID(c.Execute("INSERT INTO forum_history (forum_id, at, actor, event, detail) VALUES (?, ?, ?, ?, ?)",
                        {forum_id, e.at, e.actor, e.event, e.detail}));
  return Ok();
}

Result<std::vector<HistoryEntry>> ForumStore::History(db::Connection& c, int64_t forum_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT at, actor, event, detail FROM forum_history WHERE forum_id = ? "
                                         "ORDER BY id",
                                         {forum_id}));
  std::vector<HistoryEntry> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3)});
  return out;
}

}  // namespace wp::forums
