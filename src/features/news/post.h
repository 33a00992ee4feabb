// News posts and newsletters of a wijkplatform: plain types, form checks,
// and who may see what. Pure; thread-safe.
//
// A post is a draft or published; publishing shows it on the platform's news
// page and Atom feed, unpublishing (withdrawing) takes it back to draft.
// A newsletter is written, previewed and sent once; it is then archived for
// members with its number of recipients.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace wp::news {

enum class PostStatus { kDraft, kPublished };
std::string_view PostStatusName(PostStatus s);  // "draft", "published"
std::optional<PostStatus> ParsePostStatus(std::string_view name);

struct Post {
  int64_t id = 0;
  int64_t platform_id = 0;
  std::string title;
  std::string body_markdown;
  PostStatus status = PostStatus::kDraft;
  std::string author_name;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::optional<int64_t> published_at;  // first publication
};

struct Newsletter {
  int64_t id = 0;
  int64_t platform_id = 0;
  std::string subject;
  std::string body_markdown;
  int64_t created_at = 0;
  std::optional<int64_t> sent_at;  // nullopt: not sent yet
  int64_t recipient_count = 0;
};

inline constexpr size_t kMaxTitleBytes = 150;
inline constexpr size_t kMaxSubjectBytes = 150;
inline constexpr size_t kMaxBodyBytes = 50000;

// The problems a form field can have; each is the i18n key that explains it.
inline constexpr const char* kMissing = "news.field.missing";
inline constexpr const char* kTooLong = "news.field.too_long";
inline constexpr const char* kBadCharacters = "news.field.bad_characters";

// The fields "title" (one line) and "body" are required; trims both in place.
std::vector<FieldError> CheckPost(std::string& title, std::string& body);
// The fields "subject" (one line, no line breaks: it becomes a mail header)
// and "body" are required; trims both in place.
std::vector<FieldError> CheckNewsletter(std::string& subject, std::string& body);

// Who may see what. `writes` is true for people who may write the platform's
// news (platforms::Can(kWriteNews)); `member` for members of the platform.
// - Drafts are seen only by writers; published posts by everyone.
// - Sent newsletters are archived for members and writers; unsent ones
//   (previews) only for writers.
// - A newsletter may be sent only once.
bool CanSeePost(const Post& p, bool writes);
bool CanSeeNewsletter(const Newsletter& n, bool writes, bool member);
bool CanSend(const Newsletter& n);

// The plain-text mail of a newsletter: the Markdown text as written, then a
// footer with the unsubscribe link. `footer_intro` is the translated line
// above the link.
std::string NewsletterMailText(const Newsletter& n, std::string_view platform_name, std::string_view footer_intro,
                               std::string_view unsubscribe_url);

}  // namespace wp::news
