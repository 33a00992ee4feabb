// Needs and offers use cases: the initiator adds, changes and closes the
// needs of an initiative (through the initiatives feature's InitiatorKey);
// anyone offers something (with or without an account; without one the
// offer is public only after the address was confirmed by the link in a
// mail) and withdraws it by its private link; both sides see suggested
// matches (matching.h) and ask to get in touch; the other side accepts or
// declines by the link in its mail, and only then both get each other's
// name and address by mail; administrators and desk staff keep the funds
// directory. Each command is one transaction with its mail queued inside
// it; bad input is kInvalidInput with fields and changes nothing. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/random.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/geography/service.h"
#include "features/initiatives/commands.h"
#include "features/initiatives/initiative.h"
#include "features/offers/contact_flow.h"
#include "features/offers/matching.h"
#include "features/offers/offer.h"
#include "features/offers/offer_store.h"

namespace wp::offers {

struct OffersSettings {
  std::string base_url = "http://127.0.0.1:8080";  // for links in e-mails
  std::string site_name = "Wijkplatform";
  // Requests to get in touch one initiative (all its needs) or one offer may
  // make in 24 hours. Default 5.
  int64_t max_contact_requests_per_day = 5;
  // Offers one e-mail address may make in 24 hours (the form cannot flood an
  // address with check mails). Default 5.
  int64_t max_offers_per_address_per_day = 5;
  size_t suggestions = 5;  // suggested matches shown per need or offer
};

// An offer or need with its suggested counterparts.
struct Suggestion {
  Ranked ranked;
  std::optional<Offer> offer;  // for a need
  std::optional<Need> need;    // for an offer
  std::string initiative_title;
  bool pending = false;  // a request between the two waits for an answer
};

// The initiator's page: the initiative, its needs and what matches them.
struct InitiatorNeeds {
  initiatives::Initiative initiative;
  bool closed = false;
  bool is_public = false;
  std::vector<Need> needs;
  std::vector<std::vector<Suggestion>> suggestions;  // per need, for the open and current ones
  std::vector<ContactRequest> contacts;              // newest first; addresses are not filled in
};

// The offerer's page.
struct OffererView {
  Offer offer;
  bool by_mail_link = false;
  std::vector<Suggestion> suggestions;   // public needs that match
  std::vector<ContactRequest> contacts;  // newest first; addresses are not filled in
  std::vector<std::string> need_texts;   // per contact: the need's text
};

// What the answering side sees of a request (no addresses).
struct ContactView {
  ContactRequest request;  // initiator_email cleared
  Need need;
  Offer offer;
  std::string initiative_title;
  Side answerer = Side::kOfferer;
  bool expired = false;
};

struct OfferCreated {
  int64_t id = 0;
  std::string manage_token;  // raw; the page is /vraag-en-aanbod/aanbod/beheer/<token>
  bool confirmed = false;
};

struct ContactAsked {
  int64_t id = 0;
  // The other side's link, raw: for the demo and tests only; pages never show it.
  std::string answer_token;
};

// A public need with its initiative.
struct PublicNeed {
  Need need;
  int64_t initiative_id = 0;
  std::string initiative_title;
};

// The public board: public needs and offers, filtered, and suggested pairs.
struct Board {
  std::vector<PublicNeed> needs;
  std::vector<Offer> offers;
  struct Pair {
    PublicNeed need;
    Offer offer;
    MatchScore match;
  };
  std::vector<Pair> matches;
};
struct BoardFilter {
  std::optional<Kind> kind;
  std::string district_code;  // empty: every wijk
};

// The public needs of one initiative, with the offers that match each.
struct InitiativeBoard {
  int64_t initiative_id = 0;
  std::string title;
  std::vector<Need> needs;
  std::vector<std::vector<Suggestion>> suggestions;
};

class OfferCommands {
 public:
  OfferCommands(db::Database& db, const Clock& clock, Random& random, const time::TimeZone& zone,
                const i18n::Catalog& catalog, const geography::GeographyService& geography,
                initiatives::InitiativeCommands& initiatives, OffersSettings settings);

  // --- the initiator (the initiatives feature checks the key)
  // Errors: kNotFound "initiatives.follow.unknown".
  Result<InitiatorNeeds> ForInitiator(const initiatives::InitiatorKey& key);
  // Adds a need; `until_day` "YYYY-MM-DD" or empty. Errors: kNotFound;
  // kConflict "offers.need.closed_initiative"; kInvalidInput with fields
  // (CheckNeed; "until" kBadDate or kDateRange).
  Result<int64_t> AddNeed(const initiatives::InitiatorKey& key, const NeedInput& in, const std::string& until_day);
  // Errors as AddNeed, and kNotFound for a need of another initiative.
  Result<void> EditNeed(const initiatives::InitiatorKey& key, int64_t need_id, const NeedInput& in,
                        const std::string& until_day);
  Result<void> CloseNeed(const initiatives::InitiatorKey& key, int64_t need_id);
  // Asks the offerer of `offer_id` to get in touch about `need_id` and mails
  // them. Errors: kNotFound; kInvalidInput with field "message" (too long)
  // or "contact" AskProblemKey (kRateLimited for too many requests).
  Result<ContactAsked> AskOfferer(const initiatives::InitiatorKey& key, int64_t need_id, int64_t offer_id,
                                  const std::string& message);

  // --- the offerer
  // Stores an offer and mails the private link (a link that confirms the
  // address, unless the account's address is verified: then the offer is
  // public at once). Errors: kInvalidInput with fields (CheckOffer;
  // "district" kUnknownDistrict; "until"); kRateLimited with field "form"
  // "offers.offer.too_many". Nothing is stored on any error.
  Result<OfferCreated> CreateOffer(const OfferInput& in, const std::string& until_day, const std::string& locale,
                                   const std::optional<auth::User>& user);
  // The offerer's page by a private link; a link from a mail confirms the
  // address and makes the offer public. Errors: kNotFound "offers.offer.unknown".
  Result<OffererView> ForOfferer(const std::string& token);
  // Errors: kNotFound; kConflict "offers.offer.already_withdrawn".
  Result<void> WithdrawOffer(const std::string& token);
  // Asks the initiator of `need_id` (a need on a public page) to get in
  // touch. Errors as AskOfferer.
  Result<ContactAsked> AskInitiator(const std::string& token, int64_t need_id, const std::string& message);

  // --- the side that is asked (the link in its mail)
  // Errors: kNotFound "offers.contact.unknown".
  Result<ContactView> Contact(const std::string& answer_token);
  // Accepts (both get the other's name and address by mail) or declines
  // (the asker hears no; nothing is shown). Errors: kNotFound; kConflict
  // ContactProblemKey.
  Result<ContactState> Answer(const std::string& answer_token, bool accept);

  // --- public
  Result<Board> PublicBoard(const BoardFilter& filter);
  // Errors: kNotFound "offers.initiative.unknown" unless the initiative is public.
  Result<InitiativeBoard> PublicInitiative(int64_t initiative_id);
  Result<std::vector<Fund>> Funds();

  // --- the funds directory: kForbidden without CanManageFunds.
  Result<int64_t> AddFund(const auth::User& actor, const Fund& in);
  // Errors also: kNotFound.
  Result<void> SaveFund(const auth::User& actor, const Fund& in);
  Result<void> RemoveFund(const auth::User& actor, int64_t id);
  Result<Fund> FundForEdit(const auth::User& actor, int64_t id);

  int64_t Now() const { return clock_.NowUnixSeconds(); }
  const time::TimeZone& zone() const { return zone_; }
  const geography::GeographyService& geography() const { return geography_; }
  const OffersSettings& settings() const { return settings_; }

 private:
  struct Placed {
    std::string district_code, borough_slug;
  };
  // The wijk and stadsdeel of an initiative's buurt.
  Placed PlaceOf(const initiatives::Initiative& i) const;
  // "until" of a form: nullopt for empty; adds kBadDate/kDateRange to `errors`.
  std::optional<int64_t> ReadUntil(const std::string& day, std::vector<FieldError>& errors) const;
  // The public title of an initiative, or nullopt when it is not public.
  std::optional<initiatives::Initiative> PublicInitiativeOf(int64_t id) const;
  std::vector<Suggestion> OffersFor(const Need& need, const std::vector<Offer>& offers,
                                    const std::vector<ContactRequest>& contacts) const;
  Result<Offer> LoadForOfferer(db::Connection& c, const std::string& token, bool* by_mail_link) const;
  Result<ContactAsked> Ask(db::Connection& c, ContactRequest r, const ContactAsk& check, const std::string& to,
                           const std::string& to_locale, i18n::Args args);
  Result<void> Mail(db::Connection& c, const std::string& to, const std::string& locale, const std::string& key,
                    i18n::Args args, bool proves_control = false) const;

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const time::TimeZone& zone_;
  const i18n::Catalog& catalog_;
  const geography::GeographyService& geography_;
  initiatives::InitiativeCommands& initiatives_;
  OffersSettings settings_;
};

}  // namespace wp::offers
