// Who may do what with needs, offers and the funds directory. The
// initiator (the initiative's private link, or the account that submitted
// it) keeps its needs; the offerer (the offer's private link, or the account
// that made it) keeps an offer; administrators and initiative desk staff
// (auth::Role::kInitiativeDesk, any scope) keep the funds directory. Pure.
#pragma once

#include <optional>

#include "core/auth/user.h"
#include "features/offers/offer.h"

namespace wp::offers {

// Add, change or remove funds and sponsors: administrators and desk staff.
bool CanManageFunds(const std::optional<auth::User>& user);
// Withdraw an offer, ask for contact about a need with it: whoever holds
// its private link, or the account that made it.
bool CanManageOffer(const std::optional<auth::User>& user, const Offer& offer, bool holds_link);
// Add, change or close the needs of an initiative: its initiator (the
// initiatives feature decides who that is), while the initiative is not closed.
bool CanManageNeeds(bool is_initiator, bool initiative_closed);
// An offer is on the public pages: confirmed, not withdrawn, not past its date.
bool IsOfferPublic(const Offer& offer, int64_t now);

}  // namespace wp::offers
