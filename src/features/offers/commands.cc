#include "features/offers/commands.h"

#include <algorithm>
#include <map>

#include "core/auth/tokens.h"
#include "core/mail/addresses.h"
#include "core/mail/outbox.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "features/offers/permissions.h"

namespace wp::offers {

namespace {

constexpr int kListLimit = 500;
constexpr int64_t kDay = 86400;

std::string Trimmed(const std::string& s) { return std::string(Trim(s)); }

NeedInput Clean(NeedInput in) {
  in.text = Trimmed(in.text);
  in.amount = Trimmed(in.amount);
  return in;
}

OfferInput Clean(OfferInput in) {
  in.text = Trimmed(in.text);
  in.name = Trimmed(in.name);
  in.district_code = Trimmed(in.district_code);
  in.email = ToLower(Trim(in.email));
  return in;
}

// Nothing is stored and nothing changed: the form comes back with this field's problem.
Error Refused(ErrorCode code, const std::string& field, const std::string& key, std::string detail) {
  Error e{code, std::move(detail), {}};
  e.fields.push_back({field, key});
  return e;
}

bool PendingBetween(const std::vector<ContactRequest>& contacts, int64_t need_id, int64_t offer_id, int64_t now) {
  return std::any_of(contacts.begin(), contacts.end(), [&](const ContactRequest& r) {
    return r.need_id == need_id && r.offer_id == offer_id && r.state == ContactState::kAsked &&
           !IsExpired(r.state, r.asked_at, now);
  });
}

void HideAddresses(std::vector<ContactRequest>& contacts) {
  for (auto& r : contacts) r.initiator_email.clear();
}

}  // namespace

OfferCommands::OfferCommands(db::Database& db, const Clock& clock, Random& random, const time::TimeZone& zone,
                             const i18n::Catalog& catalog, const geography::GeographyService& geography,
                             initiatives::InitiativeCommands& initiatives, OffersSettings settings)
    : db_(db),
      clock_(clock),
      random_(random),
      zone_(zone),
      catalog_(catalog),
      geography_(geography),
      initiatives_(initiatives),
      settings_(std::move(settings)) {}

OfferCommands::Placed OfferCommands::PlaceOf(const initiatives::Initiative& i) const {
  return {i.district_code, i.borough_slug};
}

std::optional<int64_t> OfferCommands::ReadUntil(const std::string& raw, std::vector<FieldError>& errors) const {
  std::string day = Trimmed(raw);
  if (day.empty()) return std::nullopt;
  auto date = time::ParseDateInput(day);
  if (!date) {
    errors.push_back({"until", kBadDate});
    return std::nullopt;
  }
  int64_t end = time::EndOfDay(zone_, *date);
  int64_t now = clock_.NowUnixSeconds();
  if (end <= now || end > now + kMaxDaysAhead * kDay) {
    errors.push_back({"until", kDateRange});
    return std::nullopt;
  }
  return end;
}

std::optional<initiatives::Initiative> OfferCommands::PublicInitiativeOf(int64_t id) const {
  auto view = initiatives_.Public(id);
  if (!view.has_value()) return std::nullopt;
  if (initiatives::IsClosed(view->initiative.status, view->initiative.answer)) return std::nullopt;
  return view->initiative;
}

Result<void> OfferCommands::Mail(db::Connection& c, const std::string& to, const std::string& locale,
                                 const std::string& key, i18n::Args args, bool proves_control) const {
  if (to.empty()) return Ok();
  args.push_back({"site", settings_.site_name});
  mail::OutgoingMail m;
  m.to = to;
  m.subject = catalog_.Format(locale, "offers.mail." + key + ".subject", args);
  m.body_text = catalog_.Format(locale, "offers.mail." + key + ".body", args);
  m.proves_control = proves_control;
  WP_TRY_VOID(mail::Enqueue(c, m, clock_.NowUnixSeconds()));
  return Ok();
}

std::vector<Suggestion> OfferCommands::OffersFor(const Need& need, const std::vector<Offer>& offers,
                                                 const std::vector<ContactRequest>& contacts) const {
  int64_t now = clock_.NowUnixSeconds();
  std::vector<MatchFacts> facts;
  std::map<int64_t, const Offer*> by_id;
  for (const auto& o : offers) {
    facts.push_back(FactsOf(o));
    by_id[o.id] = &o;
  }
  std::vector<Suggestion> out;
  for (auto& r : BestOffers(FactsOf(need), facts, settings_.suggestions)) {
    Suggestion s;
    s.offer = *by_id[r.id];
    s.pending = PendingBetween(contacts, need.id, r.id, now);
    s.ranked = std::move(r);
    out.push_back(std::move(s));
  }
  return out;
}

// --- the initiator

Result<InitiatorNeeds> OfferCommands::ForInitiator(const initiatives::InitiatorKey& key) {
  WP_ASSIGN_OR_RETURN(auto view, initiatives_.ForInitiator(key));
  int64_t now = clock_.NowUnixSeconds();
  InitiatorNeeds out;
  out.initiative = view.initiative;
  out.closed = initiatives::IsClosed(view.initiative.status, view.initiative.answer);
  out.is_public = PublicInitiativeOf(view.initiative.id).has_value();
  std::vector<Offer> offers;
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(out.needs, OfferStore::NeedsOf(c, view.initiative.id));
    WP_ASSIGN_OR_RETURN(offers, OfferStore::ConfirmedOffers(c, kListLimit));
    WP_ASSIGN_OR_RETURN(out.contacts, OfferStore::ContactsOfInitiative(c, view.initiative.id));
    return Ok();
  }));
  std::erase_if(offers, [&](const Offer& o) { return !IsOfferPublic(o, now); });
  for (const auto& n : out.needs) {
    bool current = IsCurrent(n.open, n.until, now) && !out.closed;
    out.suggestions.push_back(current ? OffersFor(n, offers, out.contacts) : std::vector<Suggestion>{});
  }
  HideAddresses(out.contacts);
  return out;
}

Result<int64_t> OfferCommands::AddNeed(const initiatives::InitiatorKey& key, const NeedInput& raw,
                                       const std::string& until_day) {
  NeedInput in = Clean(raw);
  std::vector<FieldError> errors = CheckNeed(in);
  std::optional<int64_t> until = ReadUntil(until_day, errors);
  WP_ASSIGN_OR_RETURN(auto view, initiatives_.ForInitiator(key));
  if (!errors.empty()) return FormInvalid(errors, "need form has errors");
  const initiatives::Initiative& i = view.initiative;
  if (!CanManageNeeds(true, initiatives::IsClosed(i.status, i.answer))) {
    return Conflict("initiative closed", "offers.need.closed_initiative");
  }
  int64_t now = clock_.NowUnixSeconds();
  Placed where = PlaceOf(i);
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    Need n;
    n.initiative_id = i.id;
    n.what = in;
    n.until = until;
    n.district_code = where.district_code;
    n.borough_slug = where.borough_slug;
    n.created_at = n.updated_at = now;
    return OfferStore::InsertNeed(c, n);
  });
}

Result<void> OfferCommands::EditNeed(const initiatives::InitiatorKey& key, int64_t need_id, const NeedInput& raw,
                                     const std::string& until_day) {
  NeedInput in = Clean(raw);
  std::vector<FieldError> errors = CheckNeed(in);
  std::optional<int64_t> until = ReadUntil(until_day, errors);
  WP_ASSIGN_OR_RETURN(auto view, initiatives_.ForInitiator(key));
  const initiatives::Initiative& i = view.initiative;
  int64_t now = clock_.NowUnixSeconds();
  Placed where = PlaceOf(i);
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto n, OfferStore::FindNeed(c, need_id));
    if (!n || n->initiative_id != i.id) return NotFound("no such need of this initiative", "offers.need.unknown");
    if (!errors.empty()) return FormInvalid(errors, "need form has errors");
    if (!CanManageNeeds(true, initiatives::IsClosed(i.status, i.answer))) {
      return Conflict("initiative closed", "offers.need.closed_initiative");
    }
    n->what = in;
    n->until = until;
    n->district_code = where.district_code;
    n->borough_slug = where.borough_slug;
    n->updated_at = now;
    WP_TRY_VOID(OfferStore::UpdateNeed(c, *n));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> OfferCommands::CloseNeed(const initiatives::InitiatorKey& key, int64_t need_id) {
  WP_ASSIGN_OR_RETURN(auto view, initiatives_.ForInitiator(key));
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto n, OfferStore::FindNeed(c, need_id));
    if (!n || n->initiative_id != view.initiative.id) return NotFound("no such need", "offers.need.unknown");
    if (!n->open) return Conflict("need closed already", "offers.need.closed_already");
    n->open = false;
    n->updated_at = now;
    WP_TRY_VOID(OfferStore::UpdateNeed(c, *n));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<ContactAsked> OfferCommands::Ask(db::Connection& c, ContactRequest r, const ContactAsk& check,
                                        const std::string& to, const std::string& to_locale, i18n::Args args) {
  if (auto problem = CheckAsk(check)) {
    ErrorCode code = *problem == AskProblem::kTooMany ? ErrorCode::kRateLimited : ErrorCode::kInvalidInput;
    return Refused(code, "contact", std::string(AskProblemKey(*problem)), "contact request refused");
  }
  std::string token = auth::NewToken(random_);
  WP_ASSIGN_OR_RETURN(int64_t id, OfferStore::InsertContact(c, r, auth::TokenHash(token)));
  args.push_back({"message", r.message});
  args.push_back({"link", settings_.base_url + "/vraag-en-aanbod/contact/" + token});
  args.push_back({"days", kContactAnswerSeconds / kDay});
  WP_TRY_VOID(Mail(c, to, to_locale, "ask", args));
  return ContactAsked{id, token};
}

Result<ContactAsked> OfferCommands::AskOfferer(const initiatives::InitiatorKey& key, int64_t need_id,
                                               int64_t offer_id, const std::string& raw_message) {
  std::string message = Trimmed(raw_message);
  if (CountChars(message) > kMaxMessageChars) {
    return FormInvalid({{"message", kTooLong, {{"max", static_cast<int64_t>(kMaxMessageChars)}}}}, "too long");
  }
  WP_ASSIGN_OR_RETURN(auto view, initiatives_.ForInitiator(key));
  const initiatives::Initiative& i = view.initiative;
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<ContactAsked> {
    WP_ASSIGN_OR_RETURN(auto need, OfferStore::FindNeed(c, need_id));
    if (!need || need->initiative_id != i.id) return NotFound("no such need", "offers.need.unknown");
    WP_ASSIGN_OR_RETURN(auto offer, OfferStore::FindOffer(c, offer_id));
    if (!offer) return NotFound("no such offer", "offers.offer.unknown");
    ContactAsk check{.by = Side::kInitiator,
                     .need_current = IsCurrent(need->open, need->until, now),
                     .offer_current = IsCurrent(!offer->withdrawn, offer->until, now),
                     .offer_confirmed = offer->confirmed,
                     .initiative_public = true,
                     .initiative_closed = initiatives::IsClosed(i.status, i.answer),
                     .same_kind = need->what.kind == offer->what.kind,
                     .max_per_day = settings_.max_contact_requests_per_day};
    WP_ASSIGN_OR_RETURN(check.pending_between, OfferStore::HasPending(c, need->id, offer->id, now));
    WP_ASSIGN_OR_RETURN(check.asked_recently, OfferStore::CountAskedSince(c, Side::kInitiator, i.id, now - kDay));
    ContactRequest r{.need_id = need->id,
                     .offer_id = offer->id,
                     .initiative_id = i.id,
                     .asked_by = Side::kInitiator,
                     .message = message,
                     .initiator_name = i.compass.initiator_name,
                     .initiator_email = i.email,
                     .initiator_locale = i.locale,
                     .asked_at = now};
    WP_ASSIGN_OR_RETURN(std::string to, OfferStore::EmailOf(c, offer->id));
    WP_ASSIGN_OR_RETURN(auto asked, Ask(c, r, check, to, offer->locale,
                                        {{"from", i.compass.title}, {"need", need->what.text},
                                         {"offer", offer->what.text}}));
    WP_TRY_VOID(Mail(c, i.email, i.locale, "asked", {{"name", offer->what.name}, {"need", need->what.text}}));
    return asked;
  });
}

// --- the offerer

Result<OfferCreated> OfferCommands::CreateOffer(const OfferInput& raw, const std::string& until_day,
                                                const std::string& locale, const std::optional<auth::User>& user) {
  OfferInput in = Clean(raw);
  bool signed_in = user && user->id != 0;
  if (signed_in) in.email = mail::AddressKey(user->email);
  std::vector<FieldError> errors = CheckOffer(in, !signed_in);
  std::string borough;
  if (!in.district_code.empty()) {
    auto m = geography_.current();
    auto code = geography::DistrictCode::Parse(in.district_code);
    const geography::District* d = code ? geography::FindDistrict(*m, *code) : nullptr;
    const geography::Borough* b = d ? geography::FindBorough(*m, d->borough) : nullptr;
    if (!d) errors.push_back({"district", kUnknownDistrict});
    if (b) borough = b->slug;
  }
  std::optional<int64_t> until = ReadUntil(until_day, errors);
  if (!errors.empty()) return FormInvalid(errors, "offer form has errors");
  int64_t now = clock_.NowUnixSeconds();
  std::string manage = auth::NewToken(random_);
  std::string mail_token = auth::NewToken(random_);
  return db_.Write([&](db::Connection& c) -> Result<OfferCreated> {
    WP_ASSIGN_OR_RETURN(int64_t recent, OfferStore::CountOffersByEmailSince(c, in.email, now - kDay));
    if (recent >= settings_.max_offers_per_address_per_day) {
      return Refused(ErrorCode::kRateLimited, "form", "offers.offer.too_many", "offers rate limited");
    }
    Offer o;
    o.what = in;
    o.borough_slug = borough;
    o.until = until;
    if (signed_in) o.user_id = user->id;
    o.locale = i18n::IsSupportedLocale(locale) ? locale : "nl";
    if (signed_in) {
      WP_ASSIGN_OR_RETURN(o.confirmed, mail::IsVerified(c, in.email));
    }
    o.created_at = o.updated_at = now;
    WP_ASSIGN_OR_RETURN(o.id, OfferStore::InsertOffer(c, o));
    WP_TRY_VOID(OfferStore::InsertLink(c, auth::TokenHash(manage), o.id, "manage", now));
    WP_TRY_VOID(OfferStore::InsertLink(c, auth::TokenHash(mail_token), o.id, "mail", now));
    std::string link = settings_.base_url + "/vraag-en-aanbod/aanbod/beheer/" + mail_token;
    // The first mail proves control of the address (its link confirms it); it goes to an unverified address.
    WP_TRY_VOID(Mail(c, in.email, o.locale, o.confirmed ? "offer_live" : "offer_check",
                     {{"link", link}, {"offer", in.text}}, true));
    return OfferCreated{o.id, manage, o.confirmed};
  });
}

Result<Offer> OfferCommands::LoadForOfferer(db::Connection& c, const std::string& token, bool* by_mail_link) const {
  if (!auth::LooksLikeToken(token)) return NotFound("bad offer token", "offers.offer.unknown");
  WP_ASSIGN_OR_RETURN(auto link, OfferStore::ByLink(c, auth::TokenHash(token)));
  if (!link) return NotFound("unknown offer token", "offers.offer.unknown");
  if (by_mail_link) *by_mail_link = link->second == "mail";
  WP_ASSIGN_OR_RETURN(auto offer, OfferStore::FindOffer(c, link->first));
  if (!offer) return NotFound("offer gone", "offers.offer.unknown");
  return *offer;
}

Result<OffererView> OfferCommands::ForOfferer(const std::string& token) {
  OffererView v;
  std::vector<Need> needs;
  int64_t now = clock_.NowUnixSeconds();
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(v.offer, LoadForOfferer(c, token, &v.by_mail_link));
    WP_ASSIGN_OR_RETURN(v.contacts, OfferStore::ContactsOfOffer(c, v.offer.id));
    WP_ASSIGN_OR_RETURN(needs, OfferStore::OpenNeeds(c, kListLimit));
    return Ok();
  }));
  if (v.by_mail_link && !v.offer.confirmed && !v.offer.withdrawn) {
    // A link from a mail reached its owner: the address is confirmed and the offer public.
    WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
      WP_ASSIGN_OR_RETURN(std::string email, OfferStore::EmailOf(c, v.offer.id));
      v.offer.confirmed = true;
      v.offer.updated_at = now;
      WP_TRY_VOID(OfferStore::UpdateOfferState(c, v.offer));
      return mail::MarkVerified(c, email, now);
    }));
  }
  std::map<int64_t, std::optional<initiatives::Initiative>> initiatives;
  std::vector<MatchFacts> facts;
  std::map<int64_t, const Need*> by_id;
  for (const auto& n : needs) {
    if (!initiatives.count(n.initiative_id)) initiatives[n.initiative_id] = PublicInitiativeOf(n.initiative_id);
    if (!initiatives[n.initiative_id] || !IsCurrent(n.open, n.until, now)) continue;
    facts.push_back(FactsOf(n));
    by_id[n.id] = &n;
  }
  if (IsOfferPublic(v.offer, now)) {
    for (auto& r : BestNeeds(FactsOf(v.offer), facts, settings_.suggestions)) {
      Suggestion s;
      s.need = *by_id[r.id];
      s.initiative_title = initiatives[s.need->initiative_id]->compass.title;
      s.pending = PendingBetween(v.contacts, r.id, v.offer.id, now);
      s.ranked = std::move(r);
      v.suggestions.push_back(std::move(s));
    }
  }
  for (const auto& r : v.contacts) {
    auto found = std::find_if(needs.begin(), needs.end(), [&](const Need& n) { return n.id == r.need_id; });
    v.need_texts.push_back(found == needs.end() ? "" : found->what.text);
  }
  HideAddresses(v.contacts);
  return v;
}

Result<void> OfferCommands::WithdrawOffer(const std::string& token) {
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Offer o, LoadForOfferer(c, token, nullptr));
    if (o.withdrawn) return Conflict("withdrawn already", "offers.offer.already_withdrawn");
    o.withdrawn = true;
    o.updated_at = now;
    WP_TRY_VOID(OfferStore::UpdateOfferState(c, o));
    WP_ASSIGN_OR_RETURN(std::string email, OfferStore::EmailOf(c, o.id));
    WP_TRY_VOID(Mail(c, email, o.locale, "withdrawn", {{"offer", o.what.text}}));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<ContactAsked> OfferCommands::AskInitiator(const std::string& token, int64_t need_id,
                                                 const std::string& raw_message) {
  std::string message = Trimmed(raw_message);
  if (CountChars(message) > kMaxMessageChars) {
    return FormInvalid({{"message", kTooLong, {{"max", static_cast<int64_t>(kMaxMessageChars)}}}}, "too long");
  }
  WP_ASSIGN_OR_RETURN(auto found, db_.Read([&](db::Connection& c) { return OfferStore::FindNeed(c, need_id); }));
  if (!found) return NotFound("no such need", "offers.need.unknown");
  std::optional<initiatives::Initiative> i = PublicInitiativeOf(found->initiative_id);
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<ContactAsked> {
    WP_ASSIGN_OR_RETURN(Offer offer, LoadForOfferer(c, token, nullptr));
    WP_ASSIGN_OR_RETURN(auto need, OfferStore::FindNeed(c, need_id));
    if (!need) return NotFound("no such need", "offers.need.unknown");
    ContactAsk check{.by = Side::kOfferer,
                     .need_current = IsCurrent(need->open, need->until, now),
                     .offer_current = IsCurrent(!offer.withdrawn, offer.until, now),
                     .offer_confirmed = offer.confirmed,
                     .initiative_public = i.has_value(),
                     .initiative_closed = false,
                     .same_kind = need->what.kind == offer.what.kind,
                     .max_per_day = settings_.max_contact_requests_per_day};
    WP_ASSIGN_OR_RETURN(check.pending_between, OfferStore::HasPending(c, need->id, offer.id, now));
    WP_ASSIGN_OR_RETURN(check.asked_recently, OfferStore::CountAskedSince(c, Side::kOfferer, offer.id, now - kDay));
    ContactRequest r{.need_id = need->id,
                     .offer_id = offer.id,
                     .initiative_id = need->initiative_id,
                     .asked_by = Side::kOfferer,
                     .message = message,
                     .asked_at = now};
    if (i) {
      r.initiator_name = i->compass.initiator_name;
      r.initiator_email = i->email;
      r.initiator_locale = i->locale;
    }
    WP_ASSIGN_OR_RETURN(auto asked, Ask(c, r, check, r.initiator_email, r.initiator_locale,
                                        {{"from", offer.what.name}, {"need", need->what.text},
                                         {"offer", offer.what.text}}));
    WP_ASSIGN_OR_RETURN(std::string email, OfferStore::EmailOf(c, offer.id));
    WP_TRY_VOID(Mail(c, email, offer.locale, "asked",
                     {{"name", i ? i->compass.title : std::string()}, {"need", need->what.text}}));
    return asked;
  });
}

// --- the side that is asked

Result<ContactView> OfferCommands::Contact(const std::string& token) {
  if (!auth::LooksLikeToken(token)) return NotFound("bad contact token", "offers.contact.unknown");
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(auto v, db_.Read([&](db::Connection& c) -> Result<ContactView> {
    ContactView v;
    WP_ASSIGN_OR_RETURN(auto r, OfferStore::ContactByToken(c, auth::TokenHash(token)));
    if (!r) return NotFound("unknown contact token", "offers.contact.unknown");
    v.request = *r;
    WP_ASSIGN_OR_RETURN(auto need, OfferStore::FindNeed(c, r->need_id));
    WP_ASSIGN_OR_RETURN(auto offer, OfferStore::FindOffer(c, r->offer_id));
    if (!need || !offer) return NotFound("contact without need or offer", "offers.contact.unknown");
    v.need = *need;
    v.offer = *offer;
    return v;
  }));
  v.request.initiator_email.clear();
  v.answerer = v.request.asked_by == Side::kInitiator ? Side::kOfferer : Side::kInitiator;
  v.expired = IsExpired(v.request.state, v.request.asked_at, now);
  auto initiative = initiatives_.Public(v.need.initiative_id);
  if (initiative.has_value()) v.initiative_title = initiative->initiative.compass.title;
  return v;
}

Result<ContactState> OfferCommands::Answer(const std::string& token, bool accept) {
  if (!auth::LooksLikeToken(token)) return NotFound("bad contact token", "offers.contact.unknown");
  int64_t now = clock_.NowUnixSeconds();
  ContactState to = accept ? ContactState::kAccepted : ContactState::kDeclined;
  return db_.Write([&](db::Connection& c) -> Result<ContactState> {
    WP_ASSIGN_OR_RETURN(auto r, OfferStore::ContactByToken(c, auth::TokenHash(token)));
    if (!r) return NotFound("unknown contact token", "offers.contact.unknown");
    Side answerer = r->asked_by == Side::kInitiator ? Side::kOfferer : Side::kInitiator;
    if (auto problem = CheckContactStep(r->state, to, r->asked_by, answerer, r->asked_at, now)) {
      return Conflict("contact step refused", std::string(ContactProblemKey(*problem)));
    }
    WP_TRY_VOID(OfferStore::SetContactState(c, r->id, to, now));
    WP_ASSIGN_OR_RETURN(auto need, OfferStore::FindNeed(c, r->need_id));
    WP_ASSIGN_OR_RETURN(auto offer, OfferStore::FindOffer(c, r->offer_id));
    if (!need || !offer) return NotFound("contact without need or offer", "offers.contact.unknown");
    WP_ASSIGN_OR_RETURN(std::string offer_email, OfferStore::EmailOf(c, offer->id));
    i18n::Args about = {{"need", need->what.text}, {"offer", offer->what.text}};
    if (accept) {
      // Both agreed: now, and only now, each side gets the other's name and address.
      i18n::Args to_initiator = about, to_offerer = about;
      to_initiator.push_back({"name", offer->what.name});
      to_initiator.push_back({"email", offer_email});
      to_offerer.push_back({"name", r->initiator_name});
      to_offerer.push_back({"email", r->initiator_email});
      WP_TRY_VOID(Mail(c, r->initiator_email, r->initiator_locale, "accepted", to_initiator));
      WP_TRY_VOID(Mail(c, offer_email, offer->locale, "accepted", to_offerer));
    } else if (r->asked_by == Side::kInitiator) {
      WP_TRY_VOID(Mail(c, r->initiator_email, r->initiator_locale, "declined", about));
    } else {
      WP_TRY_VOID(Mail(c, offer_email, offer->locale, "declined", about));
    }
    return to;
  });
}

// --- public

Result<Board> OfferCommands::PublicBoard(const BoardFilter& filter) {
  int64_t now = clock_.NowUnixSeconds();
  std::vector<Need> needs;
  std::vector<Offer> offers;
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(needs, OfferStore::OpenNeeds(c, kListLimit));
    WP_ASSIGN_OR_RETURN(offers, OfferStore::ConfirmedOffers(c, kListLimit));
    return Ok();
  }));
  Board b;
  std::map<int64_t, std::optional<initiatives::Initiative>> initiatives;
  for (const auto& n : needs) {
    if (!IsCurrent(n.open, n.until, now)) continue;
    if (filter.kind && n.what.kind != *filter.kind) continue;
    if (!filter.district_code.empty() && n.district_code != filter.district_code) continue;
    if (!initiatives.count(n.initiative_id)) initiatives[n.initiative_id] = PublicInitiativeOf(n.initiative_id);
    const auto& i = initiatives[n.initiative_id];
    if (i) b.needs.push_back({n, i->id, i->compass.title});
  }
  for (const auto& o : offers) {
    if (!IsOfferPublic(o, now)) continue;
    if (filter.kind && o.what.kind != *filter.kind) continue;
    if (!filter.district_code.empty() && !o.what.district_code.empty() &&
        o.what.district_code != filter.district_code) {
      continue;
    }
    b.offers.push_back(o);
  }
  for (const auto& n : b.needs) {
    for (const auto& o : b.offers) {
      MatchScore s = Score(FactsOf(n.need), FactsOf(o));
      if (s.suggested()) b.matches.push_back({n, o, std::move(s)});
    }
  }
  std::stable_sort(b.matches.begin(), b.matches.end(),
                   [](const Board::Pair& x, const Board::Pair& y) { return x.match.score > y.match.score; });
  if (b.matches.size() > 10) b.matches.resize(10);
  return b;
}

Result<InitiativeBoard> OfferCommands::PublicInitiative(int64_t initiative_id) {
  std::optional<initiatives::Initiative> i = PublicInitiativeOf(initiative_id);
  if (!i) return NotFound("initiative not public", "offers.initiative.unknown");
  int64_t now = clock_.NowUnixSeconds();
  InitiativeBoard b{i->id, i->compass.title, {}, {}};
  std::vector<Need> needs;
  std::vector<Offer> offers;
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(needs, OfferStore::NeedsOf(c, initiative_id));
    WP_ASSIGN_OR_RETURN(offers, OfferStore::ConfirmedOffers(c, kListLimit));
    return Ok();
  }));
  std::erase_if(offers, [&](const Offer& o) { return !IsOfferPublic(o, now); });
  for (const auto& n : needs) {
    if (!IsCurrent(n.open, n.until, now)) continue;
    b.needs.push_back(n);
    b.suggestions.push_back(OffersFor(n, offers, {}));
  }
  return b;
}

Result<std::vector<Fund>> OfferCommands::Funds() {
  return db_.Read([](db::Connection& c) { return OfferStore::Funds(c); });
}

// --- the funds directory

Result<int64_t> OfferCommands::AddFund(const auth::User& actor, const Fund& raw) {
  if (!CanManageFunds(actor)) return Forbidden("not desk staff");
  Fund f = raw;
  for (std::string* s : {&f.name, &f.what, &f.amounts, &f.url, &f.areas}) *s = Trimmed(*s);
  auto errors = CheckFund(f);
  if (!errors.empty()) return FormInvalid(errors, "fund form has errors");
  f.created_at = f.updated_at = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) { return OfferStore::InsertFund(c, f); });
}

Result<void> OfferCommands::SaveFund(const auth::User& actor, const Fund& raw) {
  if (!CanManageFunds(actor)) return Forbidden("not desk staff");
  Fund f = raw;
  for (std::string* s : {&f.name, &f.what, &f.amounts, &f.url, &f.areas}) *s = Trimmed(*s);
  auto errors = CheckFund(f);
  if (!errors.empty()) return FormInvalid(errors, "fund form has errors");
  f.updated_at = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(int64_t changed, db_.Write([&](db::Connection& c) { return OfferStore::UpdateFund(c, f); }));
  if (changed == 0) return NotFound("no such fund");
  return Ok();
}

Result<void> OfferCommands::RemoveFund(const auth::User& actor, int64_t id) {
  if (!CanManageFunds(actor)) return Forbidden("not desk staff");
  WP_ASSIGN_OR_RETURN(int64_t changed, db_.Write([&](db::Connection& c) { return OfferStore::DeleteFund(c, id); }));
  if (changed == 0) return NotFound("no such fund");
  return Ok();
}

Result<Fund> OfferCommands::FundForEdit(const auth::User& actor, int64_t id) {
  if (!CanManageFunds(actor)) return Forbidden("not desk staff");
  WP_ASSIGN_OR_RETURN(auto f, db_.Read([&](db::Connection& c) { return OfferStore::FindFund(c, id); }));
  if (!f) return NotFound("no such fund");
  return *f;
}

}  // namespace wp::offers
