// PlatformDirectory: what other features (events, news) read about
// wijkplatforms: find a platform (PlatformOf for a page's {slug}), the active
// platforms of a wijk, membership, and the members' mail choices with their
// unsubscribe links. Thread-safe (every call runs in its own read
// transaction). Returned by RegisterPlatforms.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/result.h"
#include "core/web/registry.h"
#include "features/accounts/roles.h"
#include "features/geography/service.h"
#include "features/platforms/area_rules.h"
#include "features/platforms/platform.h"

namespace wp::platforms {

class PlatformCommands;

struct MailRecipient {
  int64_t user_id = 0;
  std::string email, display_name, locale;  // locale "nl" | "en"
  std::string unsubscribe_path;             // e.g. "/afmelden/<token>": turns this topic off without signing in
};

class PlatformDirectory {
 public:
  explicit PlatformDirectory(const PlatformCommands& commands) : commands_(commands) {}

  Result<std::optional<Platform>> FindBySlug(std::string_view slug) const;
  // The platform of a page's {slug}. Errors: kNotFound (platforms.error.not_found).
  Result<Platform> PlatformOf(std::string_view slug) const;
  Result<std::optional<Platform>> FindById(PlatformId id) const;
  // Every active platform (IsActive), in the order of PlatformCommands::List.
  Result<std::vector<Platform>> Active() const;
  // Active platforms (IsActive) with at least one buurt in wijk `district_code` ("WK039201").
  Result<std::vector<Platform>> ActiveForDistrict(std::string_view district_code) const;
  Result<bool> IsMember(PlatformId id, int64_t user_id) const;
  // Members who opted in to `topic`.
  Result<std::vector<MailRecipient>> Recipients(PlatformId id, MailTopic topic) const;

  // Other features add sections to a platform's public page (at
  // registration, before serving): a section renders already escaped HTML
  // for platform `p` in `locale` ("nl" | "en") as `viewer` (nullptr: not
  // signed in) sees it, or "" to show nothing.
  using PageSection = std::function<std::string(const Platform& p, const auth::User* viewer, std::string_view locale)>;
  void AddPageSection(PageSection section) { sections_.push_back(std::move(section)); }
  // The sections' HTML for the page of `p`, in registration order.
  std::string RenderPageSections(const Platform& p, const auth::User* viewer, std::string_view locale) const;

 private:
  const PlatformCommands& commands_;
  std::vector<PageSection> sections_;
};

struct PlatformsOptions {
  AreaPolicy area_policy;  // one platform per wijk by default (Haarlem's rule)
};

// `roles` is how platforms reaches accounts (names, the kernteam role).
PlatformDirectory& RegisterPlatforms(web::FeatureRegistry&, const web::FeatureDeps&, geography::GeographyService&,
                                     const accounts::Roles& roles, const PlatformsOptions&);

}  // namespace wp::platforms
