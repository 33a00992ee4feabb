#include "features/platforms/directory.h"

#include "features/platforms/commands.h"

namespace wp::platforms {

Result<std::optional<Platform>> PlatformDirectory::FindBySlug(std::string_view slug) const {
  return commands_.FindBySlug(slug);
}

Result<Platform> PlatformDirectory::PlatformOf(std::string_view slug) const { return commands_.PlatformOf(slug); }

Result<std::optional<Platform>> PlatformDirectory::FindById(PlatformId id) const { return commands_.Find(id); }

Result<std::vector<Platform>> PlatformDirectory::Active() const {
  WP_ASSIGN_OR_RETURN(auto all, commands_.List());
  std::vector<Platform> out;
  for (auto& p : all) {
    if (IsActive(p.status)) out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<Platform>> PlatformDirectory::ActiveForDistrict(std::string_view district_code) const {
  return commands_.ActiveInDistrict(district_code);
}

Result<bool> PlatformDirectory::IsMember(PlatformId id, int64_t user_id) const {
  WP_ASSIGN_OR_RETURN(auto m, commands_.FindMember(id, user_id));
  return m.has_value();
}

Result<std::vector<MailRecipient>> PlatformDirectory::Recipients(PlatformId id, MailTopic topic) const {
  return commands_.Recipients(id, topic);
}

std::string PlatformDirectory::RenderPageSections(const Platform& p, const auth::User* viewer,
                                                  std::string_view locale) const {
  std::string out;
  for (const auto& section : sections_) out += section(p, viewer, locale);
  return out;
}

}  // namespace wp::platforms
