#include "features/offers/contact_flow.h"

namespace wp::offers {

std::string_view SideName(Side s) { return s == Side::kInitiator ? "initiator" : "offerer"; }

std::optional<Side> ParseSide(std::string_view name) {
  if (name == "initiator") return Side::kInitiator;
  if (name == "offerer") return Side::kOfferer;
  return std::nullopt;
}

std::string_view ContactStateName(ContactState s) {
  switch (s) {
    case ContactState::kAsked:
      return "asked";
    case ContactState::kAccepted:
      return "accepted";
    case ContactState::kDeclined:
      return "declined";
    case ContactState::kCancelled:
      return "cancelled";
  }
  return "asked";
}

std::optional<ContactState> ParseContactState(std::string_view name) {
  for (ContactState s : kAllContactStates) {
    if (ContactStateName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view ContactProblemKey(ContactProblem p) {
  switch (p) {
    case ContactProblem::kAlreadyAnswered:
      return "offers.contact.problem.already_answered";
    case ContactProblem::kExpired:
      return "offers.contact.problem.expired";
    case ContactProblem::kNotYourStep:
      return "offers.contact.problem.not_your_step";
    case ContactProblem::kNotAllowed:
      return "offers.contact.problem.not_allowed";
  }
  return "offers.contact.problem.not_allowed";
}

bool IsExpired(ContactState s, int64_t asked_at, int64_t now) {
  return s == ContactState::kAsked && now >= asked_at + kContactAnswerSeconds;
}

std::optional<ContactProblem> CheckContactStep(ContactState from, ContactState to, Side asked_by, Side actor,
                                               int64_t asked_at, int64_t now) {
  if (to == ContactState::kAsked) return ContactProblem::kNotAllowed;
  if (from != ContactState::kAsked) return ContactProblem::kAlreadyAnswered;
  bool asker = actor == asked_by;
  if (to == ContactState::kCancelled) {
    if (!asker) return ContactProblem::kNotYourStep;
    return std::nullopt;
  }
  if (asker) return ContactProblem::kNotYourStep;
  if (IsExpired(from, asked_at, now)) return ContactProblem::kExpired;
  return std::nullopt;
}

bool ExposesAddresses(ContactState s) { return s == ContactState::kAccepted; }

std::string_view AskProblemKey(AskProblem p) {
  switch (p) {
    case AskProblem::kNeedClosed:
      return "offers.contact.refused.need_closed";
    case AskProblem::kOfferClosed:
      return "offers.contact.refused.offer_closed";
    case AskProblem::kNotConfirmed:
      return "offers.contact.refused.not_confirmed";
    case AskProblem::kNotPublic:
      return "offers.contact.refused.not_public";
    case AskProblem::kKindDiffers:
      return "offers.contact.refused.kind_differs";
    case AskProblem::kPending:
      return "offers.contact.refused.pending";
    case AskProblem::kTooMany:
      return "offers.contact.refused.too_many";
  }
  return "offers.contact.refused.need_closed";
}

std::optional<AskProblem> CheckAsk(const ContactAsk& a) {
  if (!a.need_current || a.initiative_closed) return AskProblem::kNeedClosed;
  if (!a.offer_current) return AskProblem::kOfferClosed;
  if (!a.offer_confirmed) return AskProblem::kNotConfirmed;
  if (a.by == Side::kOfferer && !a.initiative_public) return AskProblem::kNotPublic;
  if (!a.same_kind) return AskProblem::kKindDiffers;
  if (a.pending_between) return AskProblem::kPending;
  if (a.asked_recently >= a.max_per_day) return AskProblem::kTooMany;
  return std::nullopt;
}

}  // namespace wp::offers
