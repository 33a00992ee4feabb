// PlatformDirectory: what other features (events, news) read about wijkplatforms.
// PlatformDirectory reads the platforms tables; it is thread-safe (every call
// runs in its own read transaction). Returned by RegisterPlatforms.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "core/web/registry.h"
#include "features/geography/service.h"
#include "features/platforms/area_rules.h"
#include "features/platforms/platform.h"

namespace wp::platforms {

enum class MailTopic { kNewsletter, kEvents };  // newsletter; announcements of new events
std::string_view MailTopicName(MailTopic t);     // "newsletter", "events"

struct MailRecipient {
  int64_t user_id = 0;
  std::string email, display_name, locale;  // locale "nl" | "en"
  std::string unsubscribe_path;             // e.g. "/afmelden/<token>": turns this topic off without signing in
};

class PlatformDirectory {  // thread-safe; reads the platforms tables
 public:
  explicit PlatformDirectory(db::Database& db) : db_(db) {}

  Result<std::optional<Platform>> FindBySlug(std::string_view slug) const;
  Result<std::optional<Platform>> FindById(PlatformId id) const;
  // Active platforms (IsActive) with at least one buurt in wijk `district_code` ("WK039201").
  Result<std::vector<Platform>> ActiveForDistrict(std::string_view district_code) const;
  Result<bool> IsMember(PlatformId id, int64_t user_id) const;
  // Members who opted in to `topic`.
  Result<std::vector<MailRecipient>> Recipients(PlatformId id, MailTopic topic) const;

 private:
  db::Database& db_;
};

struct PlatformsOptions {
  AreaPolicy area_policy;  // one platform per wijk by default (Haarlem's rule)
};

PlatformDirectory& RegisterPlatforms(web::FeatureRegistry&, const web::FeatureDeps&, geography::GeographyService&,
                                     const PlatformsOptions&);

}  // namespace wp::platforms
