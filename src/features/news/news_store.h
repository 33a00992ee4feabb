// NewsStore: SQL for news posts and newsletters. Functions take the caller's
// connection so commands control transactions.
#pragma once

#include <optional>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/news/post.h"

namespace wp::news {

class NewsStore {
 public:
  static Result<int64_t> InsertPost(db::Connection& c, const Post& p, int64_t author_id);
  // Saves title, body, status, updated_at and published_at.
  static Result<void> UpdatePost(db::Connection& c, const Post& p);
  static Result<std::optional<Post>> FindPost(db::Connection& c, int64_t id);
  // Newest first (by publication, then creation).
  static Result<std::vector<Post>> Posts(db::Connection& c, int64_t platform_id, bool include_drafts);

  static Result<int64_t> InsertNewsletter(db::Connection& c, const Newsletter& n, int64_t created_by);
  static Result<void> UpdateNewsletter(db::Connection& c, const Newsletter& n);
  static Result<std::optional<Newsletter>> FindNewsletter(db::Connection& c, int64_t id);
  // Newest first.
  static Result<std::vector<Newsletter>> Newsletters(db::Connection& c, int64_t platform_id, bool include_unsent);
  // Marks newsletter `id` sent unless it was already: returns false then.
  static Result<bool> MarkSent(db::Connection& c, int64_t id, int64_t at, int64_t by, int64_t recipients);
  static Result<int64_t> CountPublished(db::Connection& c);
};

}  // namespace wp::news
