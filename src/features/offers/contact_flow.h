// Putting the two sides of a match in touch without showing their e-mail
// addresses: one side asks ("in contact komen") with a short message, the
// other accepts or declines by the links in its e-mail; only an accepted
// request gives each side the other's name and address. The states and who
// may move a request, as one table, and the checks before asking. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace wp::offers {

inline constexpr int64_t kContactAnswerSeconds = 14 * 86400;  // no answer in 14 days: expired, nothing shown

// The two sides of a need and an offer.
enum class Side { kInitiator, kOfferer };
std::string_view SideName(Side s);  // "initiator", "offerer"
std::optional<Side> ParseSide(std::string_view name);

enum class ContactState {
  kAsked,     // waits for the other side's answer
  kAccepted,  // both agreed: each got the other's name and address
  kDeclined,  // the other side said no: nothing shown to anyone
  kCancelled, // the asker took the question back before an answer
};
inline constexpr ContactState kAllContactStates[] = {ContactState::kAsked, ContactState::kAccepted,
                                                     ContactState::kDeclined, ContactState::kCancelled};
std::string_view ContactStateName(ContactState s);  // "asked", "accepted", "declined", "cancelled"
std::optional<ContactState> ParseContactState(std::string_view name);

enum class ContactProblem {
  kAlreadyAnswered,  // the request is no longer waiting
  kExpired,          // nobody answered within kContactAnswerSeconds
  kNotYourStep,      // the asker cannot answer their own request; the other side cannot cancel it
  kNotAllowed,       // no such step
};
// "offers.contact.problem.already_answered", ".expired", ".not_your_step", ".not_allowed".
std::string_view ContactProblemKey(ContactProblem p);

// nullopt when `actor` may move a request asked by `asked_by` at `asked_at`
// from `from` to `to` at `now`. The table:
//   asked -> accepted    the side that did not ask, before it expires
//   asked -> declined    the side that did not ask, before it expires
//   asked -> cancelled   the side that asked
// Everything else is refused; a request that is not `asked` any more gives kAlreadyAnswered.
std::optional<ContactProblem> CheckContactStep(ContactState from, ContactState to, Side asked_by, Side actor,
                                               int64_t asked_at, int64_t now);
// True only for kAccepted: the one state in which either side may see the other's address.
bool ExposesAddresses(ContactState s);
// Asked and past its answer time.
bool IsExpired(ContactState s, int64_t asked_at, int64_t now);

// What a new request needs to be allowed.
struct ContactAsk {
  Side by = Side::kInitiator;
  bool need_current = false;        // open, not past its date
  bool offer_current = false;       // not withdrawn, not past its date
  bool offer_confirmed = false;     // the offerer's address is confirmed
  bool initiative_public = false;   // asked by the offerer: the need must be on a public page
  bool initiative_closed = false;   // withdrawn, done or answered "nee, want"
  bool same_kind = false;           // a need and an offer of the same kind
  bool pending_between = false;     // an open request between this need and offer exists
  int64_t asked_recently = 0;       // requests by this side (initiative or offer) in the last 24 hours
  int64_t max_per_day = 0;          // OffersSettings::max_contact_requests_per_day
};
enum class AskProblem { kNeedClosed, kOfferClosed, kNotConfirmed, kNotPublic, kKindDiffers, kPending, kTooMany };
// "offers.contact.refused.need_closed", ... ".too_many".
std::string_view AskProblemKey(AskProblem p);
// nullopt when the request may be made; else the first problem in the order of AskProblem.
std::optional<AskProblem> CheckAsk(const ContactAsk& a);

}  // namespace wp::offers
