#include "features/archive/archive_store.h"

#include <string>

namespace wp::archive {

namespace {

constexpr const char* kColumns =
    "id, platform_id, title, kind, document_date, description, file_name, sha256, size_bytes, status, "
    "withdrawn_reason, uploaded_by, created_at, updated_at";

Document FromRow(const db::Row& r) {
  Document d;
  d.id = r.Int(0);
  d.platform_id = r.Int(1);
  d.title = r.Text(2);
  d.kind = ParseKind(r.Text(3)).value_or(Kind::kOther);
  d.document_date = r.Text(4);
  d.description = r.Text(5);
  d.file_name = r.Text(6);
  d.sha256 = r.Text(7);
  d.size_bytes = r.Int(8);
  d.status = ParseStatus(r.Text(9)).value_or(Status::kPublic);
  d.withdrawn_reason = r.Text(10);
  d.uploaded_by = r.Int(11);
  d.created_at = r.Int(12);
  d.updated_at = r.Int(13);
  return d;
}

Result<std::vector<Document>> Where(db::Connection& c, const std::string& where, const db::Params& params,
                                    const std::string& tail) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query(std::string("SELECT ") + kColumns + " FROM archive_documents" + where + tail, params));
  std::vector<Document> out;
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

// " WHERE status = 'public' [AND platform_id = ?] [AND kind = ?]" with its parameters.
std::string PublicWhere(int64_t platform_id, const std::string& kind, db::Params& params) {
  std::string where = " WHERE status = 'public'";
  if (platform_id > 0) {
    where += " AND platform_id = ?";
    params.push_back(platform_id);
  }
  if (!kind.empty()) {
    where += " AND kind = ?";
    params.push_back(kind);
  }
  return where;
}

bool IsPostgres(db::Connection& c) { return c.dialect() == db::Dialect::kPostgres; }

// The full-text query: every term, also as the start of a longer word.
std::string MatchQuery(const std::vector<std::string>& terms, bool postgres) {
  std::string q;
  for (const auto& t : terms) {
    if (!q.empty()) q += postgres ? " & " : " ";
    q += postgres ? "'" + t + "':*" : "\"" + t + "\"*";
  }
  return q;
}

// FROM and WHERE of a search with its parameters (the query first).
std::string SearchFrom(db::Connection& c, const SearchFilter& f, db::Params& params) {
  bool pg = IsPostgres(c);
  params.push_back(MatchQuery(f.terms, pg));
  std::string sql = pg ? " FROM archive_search, to_tsquery('dutch', ?) q WHERE tsv @@ q"
                       : " FROM archive_search WHERE archive_search MATCH ?";
  if (f.platform_id > 0) {
    sql += pg ? " AND platform_id = ?" : " AND CAST(platform_id AS INTEGER) = ?";
    params.push_back(f.platform_id);
  }
  if (!f.kind.empty()) {
    sql += " AND kind = ?";
    params.push_back(f.kind);
  }
  return sql;
}

}  // namespace

Result<int64_t> ArchiveStore::Insert(db::Connection& c, const Document& d) {
  return c.Insert(
      "INSERT INTO archive_documents (platform_id, title, kind, document_date, description, file_name, sha256, "
      "size_bytes, status, withdrawn_reason, uploaded_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {d.platform_id, d.title, std::string(KindName(d.kind)), d.document_date, d.description, d.file_name, d.sha256,
       d.size_bytes, std::string(StatusName(d.status)), d.withdrawn_reason, d.uploaded_by, d.created_at,
       d.updated_at});
}

Result<std::optional<Document>> ArchiveStore::Find(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto list, Where(c, " WHERE id = ?", {id}, ""));
  if (list.empty()) return std::optional<Document>();
  return std::optional<Document>(std::move(list[0]));
}

Result<void> ArchiveStore::Withdraw(db::Connection& c, int64_t id, const std::string& reason, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE archive_documents SET status = 'withdrawn', withdrawn_reason = ?, "
                                           "updated_at = ? WHERE id = ?",
                                           {reason, now, id}));
  if (n != 1) return NotFound("document " + std::to_string(id), "archive.document.not_found");
  return Ok();
}

Result<std::vector<Document>> ArchiveStore::Public(db::Connection& c, int64_t platform_id, const std::string& kind,
                                                   int64_t limit, int64_t offset) {
  db::Params params;
  std::string where = PublicWhere(platform_id, kind, params);
  params.push_back(limit);
  params.push_back(offset);
  return Where(c, where, params, " ORDER BY document_date DESC, id DESC LIMIT ? OFFSET ?");
}

Result<int64_t> ArchiveStore::CountPublic(db::Connection& c, int64_t platform_id, const std::string& kind) {
  db::Params params;
  std::string where = PublicWhere(platform_id, kind, params);
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM archive_documents" + where, params));
  return row.Int(0);
}

Result<std::vector<Document>> ArchiveStore::PublishedBetween(db::Connection& c,
                                                             const std::vector<int64_t>& platform_ids, int64_t since,
                                                             int64_t until) {
  std::vector<Document> out;
  for (int64_t p : platform_ids) {
    WP_ASSIGN_OR_RETURN(auto list, Where(c, " WHERE status = 'public' AND platform_id = ? AND created_at > ? "
                                            "AND created_at <= ?",
                                         {p, since, until}, " ORDER BY created_at, id"));
    for (auto& d : list) out.push_back(std::move(d));
  }
  return out;
}

Result<void> ArchiveStore::Append(db::Connection& c, int64_t document_id, const Entry& e) {
  WP_TRY_VOID(c.Execute("INSERT INTO archive_history (document_id, at, actor_id, kind, text) VALUES (?, ?, ?, ?, ?)",
                        {document_id, e.at, e.actor_id, std::string(EntryKindName(e.kind)), e.text}));
  return Ok();
}

Result<std::vector<Entry>> ArchiveStore::History(db::Connection& c, int64_t document_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT at, actor_id, kind, text FROM archive_history "
                                         "WHERE document_id = ? ORDER BY at, id",
                                         {document_id}));
  std::vector<Entry> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), "", ParseEntryKind(r.Text(2)).value_or(EntryKind::kUploaded), r.Text(3)});
  }
  return out;
}

Result<void> ArchiveStore::Index(db::Connection& c, const IndexRow& row) {
  WP_TRY_VOID(Unindex(c, row.source, row.ref_id));
  return AddToIndex(c, row);
}

Result<void> ArchiveStore::AddToIndex(db::Connection& c, const IndexRow& row) {
  WP_TRY_VOID(c.Execute("INSERT INTO archive_search (source, ref_id, platform_id, kind, at, title, body) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        {row.source, row.ref_id, row.platform_id, row.kind, row.at, row.title, row.body}));
  return Ok();
}

Result<void> ArchiveStore::Unindex(db::Connection& c, const std::string& source, int64_t ref_id) {
  std::string sql = IsPostgres(c) ? "DELETE FROM archive_search WHERE source = ? AND ref_id = ?"
                                  : "DELETE FROM archive_search WHERE source = ? AND CAST(ref_id AS INTEGER) = ?";
  WP_TRY_VOID(c.Execute(sql, {source, ref_id}));
  return Ok();
}

Result<void> ArchiveStore::UnindexSource(db::Connection& c, const std::string& source) {
  WP_TRY_VOID(c.Execute("DELETE FROM archive_search WHERE source = ?", {source}));
  return Ok();
}

Result<std::vector<Hit>> ArchiveStore::Search(db::Connection& c, const SearchFilter& f) {
  if (f.terms.empty()) return std::vector<Hit>();
  bool pg = IsPostgres(c);
  db::Params params;
  std::string from = SearchFrom(c, f, params);
  std::string select =
      pg ? "SELECT source, ref_id, platform_id, kind, at, title, "
           "ts_headline('dutch', title || ' ' || body, q, 'StartSel=\x01, StopSel=\x02, MaxWords=25, MinWords=8'), "
           "ts_rank(tsv, q) AS r"
         : "SELECT source, ref_id, platform_id, kind, at, title, "
           "snippet(archive_search, -1, char(1), char(2), '...', 16), bm25(archive_search, 5.0, 1.0) AS r";
  std::string order = pg ? " ORDER BY r DESC, ref_id DESC" : " ORDER BY r, ref_id DESC";
  params.push_back(f.limit);
  params.push_back(f.offset);
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(select + from + order + " LIMIT ? OFFSET ?", params));
  std::vector<Hit> out;
  for (const auto& r : rows) {
    out.push_back({r.Text(0), r.Int(1), r.Int(2), r.Text(3), r.Int(4), r.Text(5), r.Text(6)});
  }
  return out;
}

Result<int64_t> ArchiveStore::CountSearch(db::Connection& c, const SearchFilter& f) {
  if (f.terms.empty()) return int64_t{0};
  db::Params params;
  std::string from = SearchFrom(c, f, params);
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*)" + from, params));
  return row.Int(0);
}

Result<bool> ArchiveStore::Follow(db::Connection& c, int64_t user_id, int64_t platform_id, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("INSERT INTO archive_follows (user_id, platform_id, created_at) "
                                           "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                                           {user_id, platform_id, now}));
  if (n == 0) return false;
  WP_TRY_VOID(c.Execute("INSERT INTO archive_follow_history (user_id, platform_id, at, action) "
                        "VALUES (?, ?, ?, 'follow')",
                        {user_id, platform_id, now}));
  return true;
}

Result<bool> ArchiveStore::Unfollow(db::Connection& c, int64_t user_id, int64_t platform_id, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("DELETE FROM archive_follows WHERE user_id = ? AND platform_id = ?",
                                           {user_id, platform_id}));
  if (n == 0) return false;
  WP_TRY_VOID(c.Execute("INSERT INTO archive_follow_history (user_id, platform_id, at, action) "
                        "VALUES (?, ?, ?, 'unfollow')",
                        {user_id, platform_id, now}));
  return true;
}

Result<std::vector<int64_t>> ArchiveStore::Followed(db::Connection& c, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT platform_id FROM archive_follows WHERE user_id = ? "
                                         "ORDER BY platform_id",
                                         {user_id}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<std::vector<std::pair<int64_t, int64_t>>> ArchiveStore::Followers(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT user_id, MIN(created_at) FROM archive_follows "
                                         "GROUP BY user_id ORDER BY user_id"));
  std::vector<std::pair<int64_t, int64_t>> out;
  for (const auto& r : rows) out.emplace_back(r.Int(0), r.Int(1));
  return out;
}

Result<bool> ArchiveStore::ClaimDigest(db::Connection& c, int64_t user_id, const std::string& day, int64_t until,
                                       int64_t documents) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("INSERT INTO archive_digests (user_id, day, until_at, documents) "
                                           "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                           {user_id, day, until, documents}));
  return n == 1;
}

Result<std::optional<int64_t>> ArchiveStore::LastDigestUntil(db::Connection& c, int64_t user_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT MAX(until_at) FROM archive_digests WHERE user_id = ?", {user_id}));
  return row.OptInt(0);
}

Result<int64_t> ArchiveStore::CountDocuments(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM archive_documents WHERE status = 'public'"));
  return row.Int(0);
}

}  // namespace wp::archive
