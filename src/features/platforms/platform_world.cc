#include "features/platforms/platform_world.h"

#include "core/db/database.h"
#include "features/platforms/platform_store.h"
#include "testing/db_queries.h"

namespace wp::platforms::testing {

Platform TerKleef() {
  Platform p;
  p.slug = "ter-kleef";
  p.name = "Wijkplatform Ter Kleef";
  p.description = "Voor en door de buurt";
  p.contact_email = "terkleef@example.nl";
  p.area = {"BU03920101"};
  p.borough_slug = "centrum";
  p.status = PlatformStatus::kRecognised;
  p.created_at = 1790000000;
  return p;
}

Result<int64_t> AddPlatform(wp::testing::AppHarness& h, const Platform& p, const std::string& founder_email) {
  h.SignedInClient(founder_email);
  int64_t founder = wp::testing::UserId(h.app().db(), founder_email);
  return h.app().db().Write([&](db::Connection& c) { return PlatformStore::Insert(c, p, founder); });
}

}  // namespace wp::platforms::testing
