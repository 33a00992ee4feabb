// NewsCommands: news posts (write, edit, publish, withdraw), the Atom feed,
// and newsletters (write, preview, send once through the e-mail outbox to
// the members who opted in). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/result.h"
#include "features/news/post.h"
#include "features/platforms/directory.h"

namespace wp::news {

struct NewsSettings {
  std::string base_url = "http://127.0.0.1:8080";  // absolute links in feeds and e-mails
  std::string site_name = "Wijkplatform Haarlem";
};

class NewsCommands {
 public:
  NewsCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
               const platforms::PlatformDirectory& directory, NewsSettings settings);

  const platforms::PlatformDirectory& directory() const { return directory_; }
  const NewsSettings& settings() const { return settings_; }

  // platforms::Can(kWriteNews) / Can(kSendNewsletter).
  static bool Writes(const std::optional<auth::User>& user, const platforms::Platform& p);
  static bool Sends(const std::optional<auth::User>& user, const platforms::Platform& p);

  // Errors: kForbidden; kInvalidInput with the fields "title" and "body" (CheckPost).
  Result<int64_t> CreatePost(const auth::User& user, const platforms::Platform& p, std::string title, std::string body);
  // Errors also kNotFound.
  Result<void> UpdatePost(const auth::User& user, const platforms::Platform& p, int64_t id, std::string title,
                          std::string body);
  // Publishes (true) or withdraws to draft (false). Errors: kForbidden, kNotFound.
  Result<void> SetPublished(const auth::User& user, const platforms::Platform& p, int64_t id, bool published);
  Result<std::optional<Post>> FindPost(int64_t id) const;
  Result<std::vector<Post>> Posts(int64_t platform_id, bool include_drafts) const;
  // The Atom feed of the platform's published posts.
  Result<std::string> Feed(const platforms::Platform& p) const;

  // Errors: kForbidden; kInvalidInput with the fields "subject" and "body" (CheckNewsletter).
  Result<int64_t> CreateNewsletter(const auth::User& user, const platforms::Platform& p, std::string subject,
                                   std::string body);
  // Only before sending. Errors as CreateNewsletter; kNotFound; kConflict when sent.
  Result<void> UpdateNewsletter(const auth::User& user, const platforms::Platform& p, int64_t id, std::string subject,
                                std::string body);
  // Queues one e-mail per member who opted in (platforms::MailTopic::kNewsletter),
  // each with its own unsubscribe link (body and List-Unsubscribe header), and
  // records the newsletter as sent, all in one transaction. Returns the
  // number of recipients. Errors: kForbidden, kNotFound, kConflict
  // (news.newsletter.already_sent) on a second send.
  Result<int64_t> SendNewsletter(const auth::User& user, const platforms::Platform& p, int64_t id);
  Result<std::optional<Newsletter>> FindNewsletter(int64_t id) const;
  Result<std::vector<Newsletter>> Newsletters(int64_t platform_id, bool include_unsent) const;

  std::string PostUrl(const platforms::Platform& p, int64_t id) const {
    return settings_.base_url + "/wijkplatform/" + p.slug + "/nieuws/" + std::to_string(id);
  }

 private:
  std::string Host() const;
  db::Database& db_;
  const Clock& clock_;
  const i18n::Catalog& catalog_;
  const platforms::PlatformDirectory& directory_;
  NewsSettings settings_;
};

}  // namespace wp::news
