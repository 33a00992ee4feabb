#include "features/advice/input_store.h"

namespace wp::advice {

namespace {

constexpr const char* kAttachmentColumns =
    "id, request_id, advice_id, file_name, sha256, size_bytes, uploaded_by, uploaded_at";

Attachment AttachmentFromRow(const db::Row& r) {
  return {r.Int(0), r.OptInt(1), r.OptInt(2), r.Text(3), r.Text(4), r.Int(5), r.Int(6), r.Int(7)};
}

constexpr const char* kRoundColumns =
    "id, platform_id, request_id, advice_id, question, closes_at, opened_by, opened_at";

InputRound RoundFromRow(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.OptInt(2), r.OptInt(3), r.Text(4), r.Int(5), r.Int(6), r.Int(7)};
}

// " WHERE request_id = ?" or " WHERE advice_id = ?" with its parameter.
std::string WhereOf(const HistoryOf& of, db::Params& params) {
  params.push_back(of.request_id ? *of.request_id : of.advice_id.value_or(0));
  return of.request_id ? " WHERE request_id = ?" : " WHERE advice_id = ?";
}

std::vector<int64_t> Ids(const db::Rows& rows) {
  std::vector<int64_t> out;
  for (const auto& row : rows) out.push_back(row.Int(0));
  return out;
}

}  // namespace

Result<int64_t> InputStore::InsertAttachment(db::Connection& c, const Attachment& a) {
  return c.Insert(
      "INSERT INTO advice_attachments (request_id, advice_id, file_name, sha256, size_bytes, uploaded_by, "
      "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {db::OptInt(a.request_id), db::OptInt(a.advice_id), a.file_name, a.sha256, a.size_bytes, a.uploaded_by,
       a.uploaded_at});
}

Result<std::optional<Attachment>> InputStore::FindAttachment(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kAttachmentColumns +
                                                    " FROM advice_attachments WHERE id = ?",
                                                {id}));
  if (!row) return std::optional<Attachment>();
  return std::optional<Attachment>(AttachmentFromRow(*row));
}

Result<std::vector<Attachment>> InputStore::Attachments(db::Connection& c, const HistoryOf& of) {
  db::Params params;
  std::string where = WhereOf(of, params);
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kAttachmentColumns + " FROM advice_attachments" +
                                             where + " ORDER BY id",
                                         params));
  std::vector<Attachment> out;
  for (const auto& row : rows) out.push_back(AttachmentFromRow(row));
  return out;
}

Result<int64_t> InputStore::InsertRound(db::Connection& c, const InputRound& r) {
  return c.Insert(
      "INSERT INTO advice_input_rounds (platform_id, request_id, advice_id, question, closes_at, opened_by, "
      "opened_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.platform_id, db::OptInt(r.request_id), db::OptInt(r.advice_id), r.question, r.closes_at, r.opened_by,
       r.opened_at});
}

Result<std::optional<InputRound>> InputStore::FindRound(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kRoundColumns +
                                                    " FROM advice_input_rounds WHERE id = ?",
                                                {id}));
  if (!row) return std::optional<InputRound>();
  return std::optional<InputRound>(RoundFromRow(*row));
}

Result<std::vector<InputRound>> InputStore::Rounds(db::Connection& c, int64_t platform_id, const HistoryOf& of) {
  db::Params params;
  std::string where = WhereOf(of, params);
  params.push_back(platform_id);
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kRoundColumns + " FROM advice_input_rounds" +
                                             where + " AND platform_id = ? ORDER BY id",
                                         params));
  std::vector<InputRound> out;
  for (const auto& row : rows) out.push_back(RoundFromRow(row));
  return out;
}

Result<std::vector<InputRound>> InputStore::OpenRounds(db::Connection& c, int64_t platform_id, int64_t now) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kRoundColumns +
                                             " FROM advice_input_rounds WHERE platform_id = ? AND closes_at > ? "
                                             "ORDER BY closes_at, id",
                                         {platform_id, now}));
  std::vector<InputRound> out;
  for (const auto& row : rows) out.push_back(RoundFromRow(row));
  return out;
}

Result<int64_t> InputStore::InsertReaction(db::Connection& c, const Reaction& r) {
  return c.Insert(
      "INSERT INTO advice_reactions (round_id, user_id, text, created_at) VALUES (?, ?, ?, ?) RETURNING id",
      {r.round_id, r.user_id, r.text, r.created_at});
}

Result<std::vector<Reaction>> InputStore::Reactions(db::Connection& c, int64_t round_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, round_id, user_id, text, created_at FROM advice_reactions "
                                         "WHERE round_id = ? ORDER BY created_at, id",
                                         {round_id}));
  std::vector<Reaction> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Int(2), "", r.Text(3), r.Int(4)});
  return out;
}

Result<bool> InputStore::AddDrafter(db::Connection& c, int64_t advice_id, int64_t user_id, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("INSERT INTO advice_drafters (advice_id, user_id, added_at) "
                                           "VALUES (?, ?, ?) ON CONFLICT (advice_id, user_id) DO NOTHING",
                                           {advice_id, user_id, now}));
  return n == 1;
}

Result<std::vector<int64_t>> InputStore::Drafters(db::Connection& c, int64_t advice_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT user_id FROM advice_drafters WHERE advice_id = ? "
                                         "ORDER BY added_at, user_id",
                                         {advice_id}));
  return Ids(rows);
}

Result<std::vector<int64_t>> InputStore::Reactors(db::Connection& c, const Advice& a) {
  WP_ASSIGN_OR_RETURN(
      auto rows,
      c.Query("SELECT DISTINCT x.user_id FROM advice_reactions x JOIN advice_input_rounds r ON r.id = x.round_id "
              "WHERE r.platform_id = ? AND (r.advice_id = ? OR (r.request_id IS NOT NULL AND r.request_id = ?)) "
              "ORDER BY x.user_id",
              {a.platform_id, a.id, a.request_id.value_or(0)}));
  return Ids(rows);
}

Result<bool> InputStore::ClaimReminder(db::Connection& c, int64_t advice_id, bool overdue, int64_t now) {
  std::string column = overdue ? "overdue_sent_at" : "reminder_sent_at";
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE advices SET " + column + " = ? WHERE id = ? AND status = "
                                                                             "'submitted' AND " +
                                               column + " IS NULL",
                                           {now, advice_id}));
  return n == 1;
}

}  // namespace wp::advice
