#include "features/news/news_store.h"

namespace wp::news {

namespace {

constexpr const char* kPostColumns =
    "id, platform_id, title, body, status, author_name, created_at, updated_at, published_at";
constexpr const char* kNewsletterColumns = "id, platform_id, subject, body, created_at, sent_at, recipient_count";

Post PostFromRow(const db::Row& r) {
  Post p;
  p.id = r.Int(0);
  p.platform_id = r.Int(1);
  p.title = r.Text(2);
  p.body_markdown = r.Text(3);
  p.status = ParsePostStatus(r.Text(4)).value_or(PostStatus::kDraft);
  p.author_name = r.Text(5);
  p.created_at = r.Int(6);
  p.updated_at = r.Int(7);
  p.published_at = r.OptInt(8);
  return p;
}

Newsletter NewsletterFromRow(const db::Row& r) {
  Newsletter n;
  n.id = r.Int(0);
  n.platform_id = r.Int(1);
  n.subject = r.Text(2);
  n.body_markdown = r.Text(3);
  n.created_at = r.Int(4);
  n.sent_at = r.OptInt(5);
  n.recipient_count = r.Int(6);
  return n;
}

}  // namespace

Result<int64_t> NewsStore::InsertPost(db::Connection& c, const Post& p, int64_t author_id) {
  return c.Insert(
      "INSERT INTO news_posts (platform_id, title, body, status, author_id, author_name, created_at, updated_at, "
      "published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {p.platform_id, p.title, p.body_markdown, std::string(PostStatusName(p.status)),
       author_id ? db::Int(author_id) : db::Null(), p.author_name, p.created_at, p.updated_at,
       db::OptInt(p.published_at)});
}

Result<void> NewsStore::UpdatePost(db::Connection& c, const Post& p) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE news_posts SET title = ?, body = ?, status = ?, updated_at = ?, "
                                           "published_at = ? WHERE id = ?",
                                           {p.title, p.body_markdown, std::string(PostStatusName(p.status)),
                                            p.updated_at, db::OptInt(p.published_at), p.id}));
  if (n != 1) return NotFound("post", "news.not_found");
  return Ok();
}

Result<std::optional<Post>> NewsStore::FindPost(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kPostColumns + " FROM news_posts WHERE id = ?", {id}));
  if (!row) return std::optional<Post>();
  return std::optional<Post>(PostFromRow(*row));
}

Result<std::vector<Post>> NewsStore::Posts(db::Connection& c, int64_t platform_id, bool include_drafts) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query(std::string("SELECT ") + kPostColumns + " FROM news_posts WHERE platform_id = ?" +
                                  (include_drafts ? "" : " AND status = 'published'") +
                                  " ORDER BY COALESCE(published_at, created_at) DESC, id DESC",
                              {platform_id}));
  std::vector<Post> out;
  for (const auto& r : rows) out.push_back(PostFromRow(r));
  return out;
}

Result<int64_t> NewsStore::InsertNewsletter(db::Connection& c, const Newsletter& n, int64_t created_by) {
  return c.Insert(
      "INSERT INTO newsletters (platform_id, subject, body, created_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING "
      "id",
      {n.platform_id, n.subject, n.body_markdown, created_by ? db::Int(created_by) : db::Null(), n.created_at});
}

Result<void> NewsStore::UpdateNewsletter(db::Connection& c, const Newsletter& n) {
  WP_ASSIGN_OR_RETURN(int64_t changed,
                      c.Execute("UPDATE newsletters SET subject = ?, body = ? WHERE id = ? AND sent_at IS NULL",
                                {n.subject, n.body_markdown, n.id}));
  if (changed != 1) return Conflict("newsletter already sent", "news.newsletter.already_sent");
  return Ok();
}

Result<std::optional<Newsletter>> NewsStore::FindNewsletter(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(
      auto row, c.QueryOptional(std::string("SELECT ") + kNewsletterColumns + " FROM newsletters WHERE id = ?", {id}));
  if (!row) return std::optional<Newsletter>();
  return std::optional<Newsletter>(NewsletterFromRow(*row));
}

Result<std::vector<Newsletter>> NewsStore::Newsletters(db::Connection& c, int64_t platform_id, bool include_unsent) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query(std::string("SELECT ") + kNewsletterColumns + " FROM newsletters WHERE platform_id = ?" +
                                  (include_unsent ? "" : " AND sent_at IS NOT NULL") +
                                  " ORDER BY COALESCE(sent_at, created_at) DESC, id DESC",
                              {platform_id}));
  std::vector<Newsletter> out;
  for (const auto& r : rows) out.push_back(NewsletterFromRow(r));
  return out;
}

Result<bool> NewsStore::MarkSent(db::Connection& c, int64_t id, int64_t at, int64_t by, int64_t recipients) {
  WP_ASSIGN_OR_RETURN(int64_t n, c.Execute("UPDATE newsletters SET sent_at = ?, sent_by = ?, recipient_count = ? "
                                           "WHERE id = ? AND sent_at IS NULL",
                                           {at, by, recipients, id}));
  return n == 1;
}

Result<int64_t> NewsStore::CountPublished(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM news_posts WHERE status = 'published'"));
  return row.Int(0);
}

}  // namespace wp::news
