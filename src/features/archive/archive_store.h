// ArchiveStore: all SQL of the archive: documents and their append-only
// history, the full-text index (FTS5 on SQLite, a 'dutch' tsvector on
// PostgreSQL), follows with their history, and the daily digest claims.
// Functions take the caller's connection so commands control transactions.
// Thread-safe (no state).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/archive/document.h"

namespace wp::archive {

// A row of the search index.
struct IndexRow {
  std::string source = "document";  // what the row indexes
  int64_t ref_id = 0;
  int64_t platform_id = 0;
  std::string kind;
  int64_t at = 0;  // when it was published
  std::string title;
  std::string body;
};

struct SearchFilter {
  std::vector<std::string> terms;  // SearchTerms(); all must match (a word or its start)
  int64_t platform_id = 0;         // 0: every platform
  std::string kind;                // "": every kind
  int64_t limit = 10;
  int64_t offset = 0;
};

// A search result: best first. `snippet` has the matched words between
// the bytes \x01 and \x02 (the page marks them after escaping).
struct Hit {
  std::string source;
  int64_t ref_id = 0;
  int64_t platform_id = 0;
  std::string kind;
  int64_t at = 0;
  std::string title;
  std::string snippet;
};

class ArchiveStore {
 public:
  static Result<int64_t> Insert(db::Connection& c, const Document& d);
  static Result<std::optional<Document>> Find(db::Connection& c, int64_t id);
  // Marks the document withdrawn with `reason`. Errors: kNotFound.
  static Result<void> Withdraw(db::Connection& c, int64_t id, const std::string& reason, int64_t now);
  // Public documents of a platform (0: of every platform), optionally of one
  // kind, the newest document date first.
  static Result<std::vector<Document>> Public(db::Connection& c, int64_t platform_id, const std::string& kind,
                                              int64_t limit, int64_t offset);
  static Result<int64_t> CountPublic(db::Connection& c, int64_t platform_id, const std::string& kind);
  // Public documents of these platforms added after `since` up to `until`.
  static Result<std::vector<Document>> PublishedBetween(db::Connection& c, const std::vector<int64_t>& platform_ids,
                                                       int64_t since, int64_t until);

  static Result<void> Append(db::Connection& c, int64_t document_id, const Entry& e);
  static Result<std::vector<Entry>> History(db::Connection& c, int64_t document_id);

  // Puts `row` in the search index, replacing the row of the same source and ref_id.
  static Result<void> Index(db::Connection& c, const IndexRow& row);
  // Adds `row` next to any rows of its source and ref_id (one per platform).
  static Result<void> AddToIndex(db::Connection& c, const IndexRow& row);
  // Removes every row of `source` and `ref_id` (of every platform).
  static Result<void> Unindex(db::Connection& c, const std::string& source, int64_t ref_id);
  // Removes every row of `source`.
  static Result<void> UnindexSource(db::Connection& c, const std::string& source);
  // Needs at least one term.
  static Result<std::vector<Hit>> Search(db::Connection& c, const SearchFilter& f);
  static Result<int64_t> CountSearch(db::Connection& c, const SearchFilter& f);

  // True when the follow is new / was there; each change is a history line.
  static Result<bool> Follow(db::Connection& c, int64_t user_id, int64_t platform_id, int64_t now);
  static Result<bool> Unfollow(db::Connection& c, int64_t user_id, int64_t platform_id, int64_t now);
  // The platforms `user_id` follows.
  static Result<std::vector<int64_t>> Followed(db::Connection& c, int64_t user_id);
  // Every follower with the time of their earliest follow still standing.
  static Result<std::vector<std::pair<int64_t, int64_t>>> Followers(db::Connection& c);

  // Claims the digest of `user_id` for local day `day`: true for the one
  // caller that inserted the row (false: it was sent already).
  static Result<bool> ClaimDigest(db::Connection& c, int64_t user_id, const std::string& day, int64_t until,
                                  int64_t documents);
  // The end of the period the last digest of `user_id` covered.
  static Result<std::optional<int64_t>> LastDigestUntil(db::Connection& c, int64_t user_id);

  static Result<int64_t> CountDocuments(db::Connection& c);
};

}  // namespace wp::archive
