#include "features/offers/offer_store.h"

namespace wp::offers {

namespace {

db::Value Flag(bool b) { return db::Int(b ? 1 : 0); }

constexpr const char* kNeedColumns =
    "id, initiative_id, kind, text, themes, amount, until_at, is_open, district_code, borough_slug, created_at, "
    "updated_at";

Need ToNeed(const db::Row& r) {
  Need n;
  n.id = r.Int(0);
  n.initiative_id = r.Int(1);
  n.what.kind = ParseKind(r.Text(2)).value_or(Kind::kVolunteers);
  n.what.text = r.Text(3);
  n.what.themes = ParseThemes(r.Text(4));
  n.what.amount = r.Text(5);
  n.until = r.OptInt(6);
  n.open = r.Bool(7);
  n.district_code = r.Text(8);
  n.borough_slug = r.Text(9);
  n.created_at = r.Int(10);
  n.updated_at = r.Int(11);
  return n;
}

std::vector<Need> ToNeeds(const db::Rows& rows) {
  std::vector<Need> out;
  for (const auto& r : rows) out.push_back(ToNeed(r));
  return out;
}

// Every column but the address: pages and matching never read it.
constexpr const char* kOfferColumns =
    "id, kind, text, themes, district_code, borough_slug, name, offerer_type, locale, user_id, confirmed, withdrawn, "
    "until_at, created_at, updated_at";

Offer ToOffer(const db::Row& r) {
  Offer o;
  o.id = r.Int(0);
  o.what.kind = ParseKind(r.Text(1)).value_or(Kind::kVolunteers);
  o.what.text = r.Text(2);
  o.what.themes = ParseThemes(r.Text(3));
  o.what.district_code = r.Text(4);
  o.borough_slug = r.Text(5);
  o.what.name = r.Text(6);
  o.what.type = ParseOffererType(r.Text(7)).value_or(OffererType::kResident);
  o.locale = r.Text(8);
  o.user_id = r.OptInt(9);
  o.confirmed = r.Bool(10);
  o.withdrawn = r.Bool(11);
  o.until = r.OptInt(12);
  o.created_at = r.Int(13);
  o.updated_at = r.Int(14);
  return o;
}

constexpr const char* kContactColumns =
    "id, need_id, offer_id, initiative_id, asked_by, message, state, initiator_name, initiator_email, "
    "initiator_locale, asked_at, answered_at";

ContactRequest ToContact(const db::Row& r) {
  ContactRequest x;
  x.id = r.Int(0);
  x.need_id = r.Int(1);
  x.offer_id = r.Int(2);
  x.initiative_id = r.Int(3);
  x.asked_by = ParseSide(r.Text(4)).value_or(Side::kInitiator);
  x.message = r.Text(5);
  x.state = ParseContactState(r.Text(6)).value_or(ContactState::kCancelled);
  x.initiator_name = r.Text(7);
  x.initiator_email = r.Text(8);
  x.initiator_locale = r.Text(9);
  x.asked_at = r.Int(10);
  x.answered_at = r.OptInt(11);
  return x;
}

std::vector<ContactRequest> ToContacts(const db::Rows& rows) {
  std::vector<ContactRequest> out;
  for (const auto& r : rows) out.push_back(ToContact(r));
  return out;
}

constexpr const char* kFundColumns = "id, name, what, amounts, url, areas, created_at, updated_at";

Fund ToFund(const db::Row& r) {
  return {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6), r.Int(7)};
}

}  // namespace

// --- needs

Result<int64_t> OfferStore::InsertNeed(db::Connection& c, const Need& n) {
  return c.Insert(
      "INSERT INTO offer_needs (initiative_id, kind, text, themes, amount, until_at, is_open, district_code, "
      "borough_slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {n.initiative_id, std::string(KindName(n.what.kind)), n.what.text, ThemesText(n.what.themes), n.what.amount,
       db::OptInt(n.until), Flag(n.open), n.district_code, n.borough_slug, n.created_at, n.updated_at});
}

Result<void> OfferStore::UpdateNeed(db::Connection& c, const Need& n) {
  WP_TRY_VOID(c.Execute(
      "UPDATE offer_needs SET kind = ?, text = ?, themes = ?, amount = ?, until_at = ?, is_open = ?, "
      "district_code = ?, borough_slug = ?, updated_at = ? WHERE id = ?",
      {std::string(KindName(n.what.kind)), n.what.text, ThemesText(n.what.themes), n.what.amount,
       db::OptInt(n.until), Flag(n.open), n.district_code, n.borough_slug, n.updated_at, n.id}));
  return Ok();
}

Result<std::optional<Need>> OfferStore::FindNeed(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kNeedColumns + " FROM offer_needs WHERE id = ?", {id}));
  if (!row) return std::optional<Need>();
  return std::optional<Need>(ToNeed(*row));
}

Result<std::vector<Need>> OfferStore::NeedsOf(db::Connection& c, int64_t initiative_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kNeedColumns +
                                                 " FROM offer_needs WHERE initiative_id = ? ORDER BY id",
                                             {initiative_id}));
  return ToNeeds(rows);
}

Result<std::vector<Need>> OfferStore::OpenNeeds(db::Connection& c, int limit) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kNeedColumns +
                                                 " FROM offer_needs WHERE is_open = 1 ORDER BY id DESC LIMIT ?",
                                             {db::Int(limit)}));
  return ToNeeds(rows);
}

Result<int64_t> OfferStore::CountNeeds(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM offer_needs"));
  return row.Int(0);
}

// --- offers

Result<int64_t> OfferStore::InsertOffer(db::Connection& c, const Offer& o) {
  return c.Insert(
      "INSERT INTO offers (kind, text, themes, district_code, borough_slug, name, offerer_type, email, locale, "
      "user_id, confirmed, withdrawn, until_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?) RETURNING id",
      {std::string(KindName(o.what.kind)), o.what.text, ThemesText(o.what.themes), o.what.district_code,
       o.borough_slug, o.what.name, std::string(OffererTypeName(o.what.type)), o.what.email, o.locale,
       db::OptInt(o.user_id), Flag(o.confirmed), Flag(o.withdrawn), db::OptInt(o.until), o.created_at,
       o.updated_at});
}

Result<void> OfferStore::UpdateOfferState(db::Connection& c, const Offer& o) {
  WP_TRY_VOID(c.Execute("UPDATE offers SET confirmed = ?, withdrawn = ?, updated_at = ? WHERE id = ?",
                        {Flag(o.confirmed), Flag(o.withdrawn), o.updated_at, o.id}));
  return Ok();
}

Result<std::optional<Offer>> OfferStore::FindOffer(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kOfferColumns + " FROM offers WHERE id = ?", {id}));
  if (!row) return std::optional<Offer>();
  return std::optional<Offer>(ToOffer(*row));
}

Result<std::string> OfferStore::EmailOf(db::Connection& c, int64_t offer_id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT email FROM offers WHERE id = ?", {offer_id}));
  return row.Text(0);
}

Result<std::vector<Offer>> OfferStore::ConfirmedOffers(db::Connection& c, int limit) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query(std::string("SELECT ") + kOfferColumns +
                                  " FROM offers WHERE confirmed = 1 AND withdrawn = 0 ORDER BY id DESC LIMIT ?",
                              {db::Int(limit)}));
  std::vector<Offer> out;
  for (const auto& r : rows) out.push_back(ToOffer(r));
  return out;
}

Result<int64_t> OfferStore::CountOffersByEmailSince(db::Connection& c, const std::string& email, int64_t since) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOne("SELECT COUNT(*) FROM offers WHERE email = ? AND created_at >= ?", {email, since}));
  return row.Int(0);
}

Result<int64_t> OfferStore::CountOffers(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM offers"));
  return row.Int(0);
}

// --- links

Result<void> OfferStore::InsertLink(db::Connection& c, const std::string& token_hash, int64_t offer_id,
                                    const std::string& purpose, int64_t now) {
  WP_TRY_VOID(c.Execute("INSERT INTO offer_links (token_hash, offer_id, purpose, created_at) VALUES (?, ?, ?, ?)",
                        {token_hash, offer_id, purpose, now}));
  return Ok();
}

Result<std::optional<std::pair<int64_t, std::string>>> OfferStore::ByLink(db::Connection& c,
                                                                          const std::string& token_hash) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional("SELECT offer_id, purpose FROM offer_links WHERE token_hash = ?", {token_hash}));
  if (!row) return std::optional<std::pair<int64_t, std::string>>();
  return std::optional(std::make_pair(row->Int(0), row->Text(1)));
}

// --- contact requests

Result<int64_t> OfferStore::InsertContact(db::Connection& c, const ContactRequest& r, const std::string& token_hash) {
  return c.Insert(
      "INSERT INTO offer_contacts (need_id, offer_id, initiative_id, asked_by, message, state, initiator_name, "
      "initiator_email, initiator_locale, answer_token_hash, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {r.need_id, r.offer_id, r.initiative_id, std::string(SideName(r.asked_by)), r.message,
       std::string(ContactStateName(r.state)), r.initiator_name, r.initiator_email, r.initiator_locale, token_hash,
       r.asked_at});
}

Result<std::optional<ContactRequest>> OfferStore::ContactByToken(db::Connection& c, const std::string& token_hash) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kContactColumns +
                                                    " FROM offer_contacts WHERE answer_token_hash = ?",
                                                {token_hash}));
  if (!row) return std::optional<ContactRequest>();
  return std::optional<ContactRequest>(ToContact(*row));
}

Result<void> OfferStore::SetContactState(db::Connection& c, int64_t id, ContactState state, int64_t now) {
  WP_TRY_VOID(c.Execute("UPDATE offer_contacts SET state = ?, answered_at = ? WHERE id = ?",
                        {std::string(ContactStateName(state)), now, id}));
  return Ok();
}

Result<std::vector<ContactRequest>> OfferStore::ContactsOfInitiative(db::Connection& c, int64_t initiative_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kContactColumns +
                                                 " FROM offer_contacts WHERE initiative_id = ? ORDER BY id DESC",
                                             {initiative_id}));
  return ToContacts(rows);
}

Result<std::vector<ContactRequest>> OfferStore::ContactsOfOffer(db::Connection& c, int64_t offer_id) {
  WP_ASSIGN_OR_RETURN(db::Rows rows, c.Query(std::string("SELECT ") + kContactColumns +
                                                 " FROM offer_contacts WHERE offer_id = ? ORDER BY id DESC",
                                             {offer_id}));
  return ToContacts(rows);
}

Result<int64_t> OfferStore::CountAskedSince(db::Connection& c, Side side, int64_t asker_id, int64_t since) {
  const char* sql = side == Side::kInitiator
                        ? "SELECT COUNT(*) FROM offer_contacts WHERE asked_by = 'initiator' AND initiative_id = ? "
                          "AND asked_at >= ?"
                        : "SELECT COUNT(*) FROM offer_contacts WHERE asked_by = 'offerer' AND offer_id = ? "
                          "AND asked_at >= ?";
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql, {asker_id, since}));
  return row.Int(0);
}

Result<bool> OfferStore::HasPending(db::Connection& c, int64_t need_id, int64_t offer_id, int64_t now) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM offer_contacts WHERE need_id = ? AND offer_id = ? "
                                           "AND state = 'asked' AND asked_at > ?",
                                           {need_id, offer_id, now - kContactAnswerSeconds}));
  return row.Int(0) > 0;
}

// --- funds

Result<int64_t> OfferStore::InsertFund(db::Connection& c, const Fund& f) {
  return c.Insert(
      "INSERT INTO offer_funds (name, what, amounts, url, areas, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {f.name, f.what, f.amounts, f.url, f.areas, f.created_at, f.updated_at});
}

Result<int64_t> OfferStore::UpdateFund(db::Connection& c, const Fund& f) {
  return c.Execute("UPDATE offer_funds SET name = ?, what = ?, amounts = ?, url = ?, areas = ?, updated_at = ? "
                   "WHERE id = ?",
                   {f.name, f.what, f.amounts, f.url, f.areas, f.updated_at, f.id});
}

Result<int64_t> OfferStore::DeleteFund(db::Connection& c, int64_t id) {
  return c.Execute("DELETE FROM offer_funds WHERE id = ?", {id});
}

Result<std::optional<Fund>> OfferStore::FindFund(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row,
                      c.QueryOptional(std::string("SELECT ") + kFundColumns + " FROM offer_funds WHERE id = ?", {id}));
  if (!row) return std::optional<Fund>();
  return std::optional<Fund>(ToFund(*row));
}

Result<std::vector<Fund>> OfferStore::Funds(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(db::Rows rows,
                      c.Query(std::string("SELECT ") + kFundColumns + " FROM offer_funds ORDER BY name, id"));
  std::vector<Fund> out;
  for (const auto& r : rows) out.push_back(ToFund(r));
  return out;
}

}  // namespace wp::offers
