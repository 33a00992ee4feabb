#include "features/talks/talk_store.h"

#include <string>

namespace wp::talks {

namespace {

constexpr const char* kRoundColumns = "id, year, half, borough, created_by, created_at";
constexpr const char* kMeetingColumns =
    "id, round_id, platform_id, year, half, status, starts_at, place, reason, minutes, created_at, updated_at";

Round RoundFromRow(const db::Row& r) {
  return {r.Int(0), static_cast<int>(r.Int(1)), ParseHalf(r.Text(2)).value_or(Half::kSpring), r.Text(3), r.Int(4),
          r.Int(5)};
}

Meeting MeetingFromRow(const db::Row& r) {
  Meeting m;
  m.id = r.Int(0);
  m.round_id = r.Int(1);
  m.platform_id = r.Int(2);
  m.year = static_cast<int>(r.Int(3));
  m.half = ParseHalf(r.Text(4)).value_or(Half::kSpring);
  m.status = ParseStatus(r.Text(5)).value_or(Status::kToPlan);
  m.starts_at = r.OptInt(6);
  m.place = r.Text(7);
  m.reason = r.Text(8);
  m.minutes = r.Text(9);
  m.created_at = r.Int(10);
  m.updated_at = r.Int(11);
  return m;
}

Result<std::vector<Round>> RoundsWhere(db::Connection& c, const std::string& where, const db::Params& params) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kRoundColumns + " FROM talk_rounds" + where +
                                             " ORDER BY year DESC, half DESC, borough, id",
                                         params));
  std::vector<Round> out;
  for (const auto& row : rows) out.push_back(RoundFromRow(row));
  return out;
}

Result<std::vector<Meeting>> MeetingsWhere(db::Connection& c, const std::string& where, const db::Params& params,
                                           const std::string& order) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query(std::string("SELECT ") + kMeetingColumns + " FROM talk_meetings" + where + order, params));
  std::vector<Meeting> out;
  for (const auto& row : rows) out.push_back(MeetingFromRow(row));
  return out;
}

template <typename T>
std::optional<T> First(std::vector<T> list) {
  if (list.empty()) return std::nullopt;
  return std::move(list[0]);
}

}  // namespace

Result<std::optional<Round>> TalkStore::FindRound(db::Connection& c, int year, Half half, const std::string& borough) {
  WP_ASSIGN_OR_RETURN(auto list, RoundsWhere(c, " WHERE year = ? AND half = ? AND borough = ?",
                                             {db::Int(year), std::string(HalfName(half)), borough}));
  return First(std::move(list));
}

Result<std::optional<Round>> TalkStore::RoundById(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto list, RoundsWhere(c, " WHERE id = ?", {id}));
  return First(std::move(list));
}

Result<int64_t> TalkStore::InsertRound(db::Connection& c, const Round& r) {
  return c.Insert(
      "INSERT INTO talk_rounds (year, half, borough, created_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
      {db::Int(r.year), std::string(HalfName(r.half)), r.borough, r.created_by, r.created_at});
}

Result<std::vector<Round>> TalkStore::Rounds(db::Connection& c) { return RoundsWhere(c, "", {}); }

Result<int64_t> TalkStore::InsertMeeting(db::Connection& c, const Meeting& m) {
  return c.Insert(
      "INSERT INTO talk_meetings (round_id, platform_id, year, half, status, starts_at, place, reason, minutes, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.round_id, m.platform_id, db::Int(m.year), std::string(HalfName(m.half)), std::string(StatusName(m.status)),
       db::OptInt(m.starts_at), m.place, m.reason, m.minutes, m.created_at, m.updated_at});
}

Result<std::optional<Meeting>> TalkStore::FindMeeting(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto list, MeetingsWhere(c, " WHERE id = ?", {id}, ""));
  return First(std::move(list));
}

Result<void> TalkStore::SaveMeeting(db::Connection& c, const Meeting& m) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE talk_meetings SET status = ?, starts_at = ?, place = ?, reason = ?, "
                                           "minutes = ?, updated_at = ? WHERE id = ?",
                                           {std::string(StatusName(m.status)), db::OptInt(m.starts_at), m.place,
                                            m.reason, m.minutes, m.updated_at, m.id}));
  if (n != 1) return NotFound("meeting " + std::to_string(m.id), "talks.meeting.not_found");
  return Ok();
}

Result<bool> TalkStore::HasMeeting(db::Connection& c, int64_t platform_id, int year, Half half) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM talk_meetings WHERE platform_id = ? AND year = ? "
                                           "AND half = ?",
                                           {platform_id, db::Int(year), std::string(HalfName(half))}));
  return row.Int(0) > 0;
}

Result<std::vector<Meeting>> TalkStore::Meetings(db::Connection& c, int64_t round_id) {
  if (round_id > 0) return MeetingsWhere(c, " WHERE round_id = ?", {round_id}, " ORDER BY platform_id, id");
  return MeetingsWhere(c, "", {}, " ORDER BY year DESC, half DESC, platform_id, id");
}

Result<std::vector<Meeting>> TalkStore::OfPlatform(db::Connection& c, int64_t platform_id) {
  return MeetingsWhere(c, " WHERE platform_id = ?", {platform_id}, " ORDER BY year DESC, half DESC, id");
}

Result<int> TalkStore::AppendItem(db::Connection& c, const AgendaItem& item) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COALESCE(MAX(position), 0) FROM talk_agenda_items "
                                           "WHERE meeting_id = ?",
                                           {item.meeting_id}));
  int position = static_cast<int>(row.Int(0)) + 1;
  WP_TRY_VOID(c.Execute("INSERT INTO talk_agenda_items (meeting_id, position, proposer, proposed_by, text, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        {item.meeting_id, db::Int(position), std::string(ProposerName(item.proposer)),
                         item.proposed_by, item.text, item.created_at}));
  return position;
}

Result<std::vector<AgendaItem>> TalkStore::Items(db::Connection& c, int64_t meeting_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, meeting_id, position, proposer, proposed_by, text, created_at "
                                         "FROM talk_agenda_items WHERE meeting_id = ? ORDER BY position",
                                         {meeting_id}));
  std::vector<AgendaItem> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), static_cast<int>(r.Int(2)),
                   ParseProposer(r.Text(3)).value_or(Proposer::kKernteam), r.Int(4), "", r.Text(5), r.Int(6)});
  }
  return out;
}

Result<int64_t> TalkStore::InsertAgreement(db::Connection& c, const Agreement& a) {
  return c.Insert(
      "INSERT INTO talk_agreements (meeting_id, text, department, person, due_at, promise_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.meeting_id, a.text, a.department, a.person, a.due_at, db::OptInt(a.promise_id), a.created_at});
}

Result<std::vector<Agreement>> TalkStore::Agreements(db::Connection& c, int64_t meeting_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, meeting_id, text, department, person, due_at, promise_id, "
                                         "created_at FROM talk_agreements WHERE meeting_id = ? ORDER BY id",
                                         {meeting_id}));
  std::vector<Agreement> out;
  int position = 0;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), ++position, r.Text(2), r.Text(3), r.Text(4), r.Int(5), r.OptInt(6), r.Int(7)});
  }
  return out;
}

Result<bool> TalkStore::RemoveDraftAgreement(db::Connection& c, int64_t meeting_id, int64_t agreement_id) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM talk_agreements WHERE id = ? AND meeting_id = ? "
                                           "AND promise_id IS NULL",
                                           {agreement_id, meeting_id}));
  return n == 1;
}

Result<void> TalkStore::SetPromise(db::Connection& c, int64_t agreement_id, int64_t promise_id) {
  WP_TRY_VOID(c.Execute("UPDATE talk_agreements SET promise_id = ? WHERE id = ?", {promise_id, agreement_id}));
  return Ok();
}

Result<void> TalkStore::Append(db::Connection& c, int64_t meeting_id, const Entry& e) {
  WP_TRY_VOID(c.Execute("INSERT INTO talk_history (meeting_id, at, actor_id, kind, text) VALUES (?, ?, ?, ?, ?)",
                        {meeting_id, e.at, e.actor_id, std::string(EntryKindName(e.kind)), e.text}));
  return Ok();
}

Result<std::vector<Entry>> TalkStore::History(db::Connection& c, int64_t meeting_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT at, actor_id, kind, text FROM talk_history WHERE meeting_id = ? "
                                         "ORDER BY at, id",
                                         {meeting_id}));
  std::vector<Entry> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), "", ParseEntryKind(r.Text(2)).value_or(EntryKind::kEdited), r.Text(3)});
  }
  return out;
}

Result<int64_t> TalkStore::CountUpcoming(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOne("SELECT COUNT(*) FROM talk_meetings WHERE status IN ('planned', 'moved')"));
  return row.Int(0);
}

}  // namespace wp::talks
