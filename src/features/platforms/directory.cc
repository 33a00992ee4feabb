#include "features/platforms/directory.h"

#include "features/platforms/platform_store.h"

namespace wp::platforms {

std::string_view MailTopicName(MailTopic t) {
  switch (t) {
    case MailTopic::kNewsletter: return "newsletter";
    case MailTopic::kEvents: return "events";
  }
  return "newsletter";
}

Result<std::optional<Platform>> PlatformDirectory::FindBySlug(std::string_view slug) const {
  return db_.Read([&](db::Connection& c) { return PlatformStore::FindBySlug(c, slug); });
}

Result<std::optional<Platform>> PlatformDirectory::FindById(PlatformId id) const {
  return db_.Read([&](db::Connection& c) { return PlatformStore::Find(c, id); });
}

Result<std::vector<Platform>> PlatformDirectory::ActiveForDistrict(std::string_view district_code) const {
  return db_.Read([&](db::Connection& c) { return PlatformStore::ActiveInDistrict(c, district_code); });
}

Result<bool> PlatformDirectory::IsMember(PlatformId id, int64_t user_id) const {
  return db_.Read([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto m, PlatformStore::FindMember(c, id, user_id));
    return m.has_value();
  });
}

Result<std::vector<MailRecipient>> PlatformDirectory::Recipients(PlatformId id, MailTopic topic) const {
  return db_.Read([&](db::Connection& c) -> Result<std::vector<MailRecipient>> {
    WP_ASSIGN_OR_RETURN(auto members, PlatformStore::Members(c, id));
    std::vector<MailRecipient> out;
    for (const auto& m : members) {
      bool wants = topic == MailTopic::kNewsletter ? m.mail_newsletter : m.mail_events;
      if (!wants) continue;
      const std::string& token = topic == MailTopic::kNewsletter ? m.newsletter_token : m.events_token;
      out.push_back({m.member.user_id, m.email, m.display_name, m.locale == "en" ? "en" : "nl", "/afmelden/" + token});
    }
    return out;
  });
}

}  // namespace wp::platforms
