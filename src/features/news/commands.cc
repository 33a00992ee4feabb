#include "features/news/commands.h"

#include <algorithm>

#include "core/html/markdown.h"
#include "core/mail/outbox.h"
#include "features/news/atom.h"
#include "features/news/news_store.h"
#include "features/platforms/permissions.h"

namespace wp::news {

NewsCommands::NewsCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
                           const platforms::PlatformDirectory& directory, NewsSettings settings)
    : db_(db), clock_(clock), catalog_(catalog), directory_(directory), settings_(std::move(settings)) {}

bool NewsCommands::Writes(const std::optional<auth::User>& user, const platforms::Platform& p) {
  return user && platforms::Can(*user, platforms::Action::kWriteNews, p);
}

bool NewsCommands::Sends(const std::optional<auth::User>& user, const platforms::Platform& p) {
  return user && platforms::Can(*user, platforms::Action::kSendNewsletter, p);
}

std::string NewsCommands::Host() const {
  std::string_view u = settings_.base_url;
  size_t scheme = u.find("://");
  if (scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
  return std::string(u.substr(0, u.find_first_of("/:")));
}

namespace {

Error ForbiddenError() { return Forbidden("not kernteam", "news.error.forbidden"); }

}  // namespace

Result<int64_t> NewsCommands::CreatePost(const auth::User& user, const platforms::Platform& p, std::string title,
                                         std::string body) {
  if (!Writes(user, p)) return ForbiddenError();
  auto errors = CheckPost(title, body);
  if (!errors.empty()) return FormInvalid(std::move(errors));
  Post post;
  post.platform_id = p.id;
  post.title = title;
  post.body_markdown = body;
  post.author_name = user.display_name;
  post.created_at = post.updated_at = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) { return NewsStore::InsertPost(c, post, user.id); });
}

Result<void> NewsCommands::UpdatePost(const auth::User& user, const platforms::Platform& p, int64_t id,
                                      std::string title, std::string body) {
  if (!Writes(user, p)) return ForbiddenError();
  auto errors = CheckPost(title, body);
  if (!errors.empty()) return FormInvalid(std::move(errors));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto post, NewsStore::FindPost(c, id));
    if (!post || post->platform_id != p.id) return NotFound("post", "news.not_found");
    post->title = title;
    post->body_markdown = body;
    post->updated_at = clock_.NowUnixSeconds();
    return NewsStore::UpdatePost(c, *post);
  });
}

Result<void> NewsCommands::SetPublished(const auth::User& user, const platforms::Platform& p, int64_t id,
                                        bool published) {
  if (!Writes(user, p)) return ForbiddenError();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto post, NewsStore::FindPost(c, id));
    if (!post || post->platform_id != p.id) return NotFound("post", "news.not_found");
    int64_t now = clock_.NowUnixSeconds();
    post->status = published ? PostStatus::kPublished : PostStatus::kDraft;
    if (published && !post->published_at) post->published_at = now;
    post->updated_at = now;
    return NewsStore::UpdatePost(c, *post);
  });
}

Result<std::optional<Post>> NewsCommands::FindPost(int64_t id) const {
  return db_.Read([&](db::Connection& c) { return NewsStore::FindPost(c, id); });
}

Result<std::vector<Post>> NewsCommands::Posts(int64_t platform_id, bool include_drafts) const {
  return db_.Read([&](db::Connection& c) { return NewsStore::Posts(c, platform_id, include_drafts); });
}

Result<std::string> NewsCommands::Feed(const platforms::Platform& p) const {
  WP_ASSIGN_OR_RETURN(auto posts, Posts(p.id, false));
  AtomFeed feed;
  std::string host = Host();
  feed.id = "tag:" + host + ",2026:wijkplatform/" + std::to_string(p.id) + "/nieuws";
  feed.title = catalog_.Format("nl", "news.feed.title", {{"platform", p.name}});
  feed.self_url = settings_.base_url + "/wijkplatform/" + p.slug + "/nieuws.atom";
  feed.html_url = settings_.base_url + "/wijkplatform/" + p.slug + "/nieuws";
  feed.updated_utc = p.created_at;
  for (const auto& post : posts) {
    AtomEntry e;
    e.id = "tag:" + host + ",2026:nieuws/" + std::to_string(post.id);
    e.title = post.title;
    e.url = PostUrl(p, post.id);
    e.author = post.author_name;
    e.published_utc = post.published_at.value_or(post.created_at);
    e.updated_utc = post.updated_at;
    e.content_html = html::RenderMarkdown(post.body_markdown);
    feed.updated_utc = std::max(feed.updated_utc, e.updated_utc);
    feed.entries.push_back(std::move(e));
  }
  return WriteAtom(feed);
}

Result<int64_t> NewsCommands::CreateNewsletter(const auth::User& user, const platforms::Platform& p,
                                               std::string subject, std::string body) {
  if (!Sends(user, p)) return ForbiddenError();
  auto errors = CheckNewsletter(subject, body);
  if (!errors.empty()) return FormInvalid(std::move(errors));
  Newsletter n;
  n.platform_id = p.id;
  n.subject = subject;
  n.body_markdown = body;
  n.created_at = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) { return NewsStore::InsertNewsletter(c, n, user.id); });
}

Result<void> NewsCommands::UpdateNewsletter(const auth::User& user, const platforms::Platform& p, int64_t id,
                                            std::string subject, std::string body) {
  if (!Sends(user, p)) return ForbiddenError();
  auto errors = CheckNewsletter(subject, body);
  if (!errors.empty()) return FormInvalid(std::move(errors));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto n, NewsStore::FindNewsletter(c, id));
    if (!n || n->platform_id != p.id) return NotFound("newsletter", "news.not_found");
    n->subject = subject;
    n->body_markdown = body;
    return NewsStore::UpdateNewsletter(c, *n);
  });
}

Result<int64_t> NewsCommands::SendNewsletter(const auth::User& user, const platforms::Platform& p, int64_t id) {
  if (!Sends(user, p)) return ForbiddenError();
  // A newsletter speaks for a platform the municipality recognised.
  if (p.status != platforms::PlatformStatus::kRecognised) {
    return Conflict("platform not recognised", "news.newsletter.not_recognised");
  }
  WP_ASSIGN_OR_RETURN(auto recipients, directory_.Recipients(p.id, platforms::MailTopic::kNewsletter));
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto n, NewsStore::FindNewsletter(c, id));
    if (!n || n->platform_id != p.id) return NotFound("newsletter", "news.not_found");
    int64_t now = clock_.NowUnixSeconds();
    // Marking first makes a second (double-clicked) send fail before any mail is queued.
    WP_ASSIGN_OR_RETURN(bool first, NewsStore::MarkSent(c, id, now, user.id, static_cast<int64_t>(recipients.size())));
    if (!first) return Conflict("newsletter already sent", "news.newsletter.already_sent");
    for (const auto& r : recipients) {
      std::string url = settings_.base_url + r.unsubscribe_path;
      mail::OutgoingMail m;
      m.to = r.email;
      m.subject = p.name + ": " + n->subject;
      m.body_text = NewsletterMailText(*n, p.name, catalog_.Format(r.locale, "news.newsletter.unsubscribe_intro"), url);
      m.list_unsubscribe_url = url;
      m.list_unsubscribe_one_click = true;  // /afmelden/{token} accepts a POST without session (RFC 8058)
      WP_TRY_VOID(mail::Enqueue(c, m, now));
    }
    return static_cast<int64_t>(recipients.size());
  });
}

Result<std::optional<Newsletter>> NewsCommands::FindNewsletter(int64_t id) const {
  return db_.Read([&](db::Connection& c) { return NewsStore::FindNewsletter(c, id); });
}

Result<std::vector<Newsletter>> NewsCommands::Newsletters(int64_t platform_id, bool include_unsent) const {
  return db_.Read([&](db::Connection& c) { return NewsStore::Newsletters(c, platform_id, include_unsent); });
}

}  // namespace wp::news
