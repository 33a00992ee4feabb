#include "features/news/post.h"

#include "core/strings.h"

namespace wp::news {

std::string_view PostStatusName(PostStatus s) { return s == PostStatus::kPublished ? "published" : "draft"; }

std::optional<PostStatus> ParsePostStatus(std::string_view name) {
  if (name == "draft") return PostStatus::kDraft;
  if (name == "published") return PostStatus::kPublished;
  return std::nullopt;
}

namespace {

bool HasControl(std::string_view s, bool allow_newlines) {
  for (unsigned char c : s) {
    if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) continue;
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

void CheckPair(const char* line_field, std::string& line, size_t max_line, std::string& body,
               std::vector<FieldError>& out) {
  line = std::string(Trim(line));
  body = std::string(Trim(body));
  if (line.empty())
    out.push_back({line_field, kMissing});
  else if (!IsValidUtf8(line) || HasControl(line, false))
    out.push_back({line_field, kBadCharacters});
  else if (line.size() > max_line)
    out.push_back({line_field, kTooLong});
  if (body.empty())
    out.push_back({"body", kMissing});
  else if (!IsValidUtf8(body) || HasControl(body, true))
    out.push_back({"body", kBadCharacters});
  else if (body.size() > kMaxBodyBytes)
    out.push_back({"body", kTooLong});
}

}  // namespace

std::vector<FieldError> CheckPost(std::string& title, std::string& body) {
  std::vector<FieldError> out;
  CheckPair("title", title, kMaxTitleBytes, body, out);
  return out;
}

std::vector<FieldError> CheckNewsletter(std::string& subject, std::string& body) {
  std::vector<FieldError> out;
  CheckPair("subject", subject, kMaxSubjectBytes, body, out);
  return out;
}

bool CanSeePost(const Post& p, bool writes) { return writes || p.status == PostStatus::kPublished; }

bool CanSeeNewsletter(const Newsletter& n, bool writes, bool member) {
  return writes || (member && n.sent_at.has_value());
}

bool CanSend(const Newsletter& n) { return !n.sent_at.has_value(); }

std::string NewsletterMailText(const Newsletter& n, std::string_view platform_name, std::string_view footer_intro,
                               std::string_view unsubscribe_url) {
  std::string out = n.body_markdown;
  out += "\n\n-- \n";
  out += std::string(platform_name) + "\n";
  out += std::string(footer_intro) + "\n";
  out += std::string(unsubscribe_url) + "\n";
  return out;
}

}  // namespace wp::news
