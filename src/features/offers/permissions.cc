#include "features/offers/permissions.h"

namespace wp::offers {

bool CanManageFunds(const std::optional<auth::User>& user) {
  if (!user) return false;
  for (const auto& g : user->grants) {
    if (g.role == auth::Role::kAdministrator || g.role == auth::Role::kInitiativeDesk) return true;
  }
  return false;
}

bool CanManageOffer(const std::optional<auth::User>& user, const Offer& offer, bool holds_link) {
  if (holds_link) return true;
  return user && user->id != 0 && offer.user_id && *offer.user_id == user->id;
}

bool CanManageNeeds(bool is_initiator, bool initiative_closed) { return is_initiator && !initiative_closed; }

bool IsOfferPublic(const Offer& offer, int64_t now) {
  return offer.confirmed && IsCurrent(!offer.withdrawn, offer.until, now);
}

}  // namespace wp::offers
