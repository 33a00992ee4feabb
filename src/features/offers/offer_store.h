// OfferStore: all SQL of the needs and offers feature, as functions on the
// caller's connection so commands decide the transactions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/offers/contact_flow.h"
#include "features/offers/offer.h"

namespace wp::offers {

// A request to get in touch (offer_contacts).
struct ContactRequest {
  int64_t id = 0;
  int64_t need_id = 0;
  int64_t offer_id = 0;
  int64_t initiative_id = 0;
  Side asked_by = Side::kInitiator;
  std::string message;
  ContactState state = ContactState::kAsked;
  std::string initiator_name, initiator_email, initiator_locale = "nl";
  int64_t asked_at = 0;
  std::optional<int64_t> answered_at;
};

class OfferStore {
 public:
  static Result<int64_t> InsertNeed(db::Connection& c, const Need& n);
  // Writes every field but id, initiative_id and created_at.
  static Result<void> UpdateNeed(db::Connection& c, const Need& n);
  static Result<std::optional<Need>> FindNeed(db::Connection& c, int64_t id);
  // The needs of an initiative, oldest first.
  static Result<std::vector<Need>> NeedsOf(db::Connection& c, int64_t initiative_id);
  // Open needs (their date may be past), newest first, at most `limit`.
  static Result<std::vector<Need>> OpenNeeds(db::Connection& c, int limit);
  static Result<int64_t> CountNeeds(db::Connection& c);

  static Result<int64_t> InsertOffer(db::Connection& c, const Offer& o);
  // Writes confirmed, withdrawn and updated_at.
  static Result<void> UpdateOfferState(db::Connection& c, const Offer& o);
  static Result<std::optional<Offer>> FindOffer(db::Connection& c, int64_t id);
  // The address of an offer; never shown on a page.
  static Result<std::string> EmailOf(db::Connection& c, int64_t offer_id);
  // Confirmed offers not withdrawn (their date may be past), newest first, at most `limit`.
  static Result<std::vector<Offer>> ConfirmedOffers(db::Connection& c, int limit);
  // Offers made with `email` since `since` (the rate limit of the form).
  static Result<int64_t> CountOffersByEmailSince(db::Connection& c, const std::string& email, int64_t since);
  static Result<int64_t> CountOffers(db::Connection& c);

  // Private links: purpose "manage" or "mail".
  static Result<void> InsertLink(db::Connection& c, const std::string& token_hash, int64_t offer_id,
                                 const std::string& purpose, int64_t now);
  // (offer id, purpose) of a link.
  static Result<std::optional<std::pair<int64_t, std::string>>> ByLink(db::Connection& c,
                                                                       const std::string& token_hash);

  static Result<int64_t> InsertContact(db::Connection& c, const ContactRequest& r, const std::string& token_hash);
  static Result<std::optional<ContactRequest>> ContactByToken(db::Connection& c, const std::string& token_hash);
  static Result<void> SetContactState(db::Connection& c, int64_t id, ContactState state, int64_t now);
  // Requests about the needs of an initiative, or about an offer, newest first.
  static Result<std::vector<ContactRequest>> ContactsOfInitiative(db::Connection& c, int64_t initiative_id);
  static Result<std::vector<ContactRequest>> ContactsOfOffer(db::Connection& c, int64_t offer_id);
  // Requests `side` made since `since`: by the initiative (initiator) or by the offer (offerer).
  static Result<int64_t> CountAskedSince(db::Connection& c, Side side, int64_t asker_id, int64_t since);
  // True when a request between this need and offer still waits for an answer (asked, not expired at `now`).
  static Result<bool> HasPending(db::Connection& c, int64_t need_id, int64_t offer_id, int64_t now);

  static Result<int64_t> InsertFund(db::Connection& c, const Fund& f);
  static Result<int64_t> UpdateFund(db::Connection& c, const Fund& f);
  static Result<int64_t> DeleteFund(db::Connection& c, int64_t id);
  static Result<std::optional<Fund>> FindFund(db::Connection& c, int64_t id);
  // Every fund, by name.
  static Result<std::vector<Fund>> Funds(db::Connection& c);
};

}  // namespace wp::offers
