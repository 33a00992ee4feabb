// Plain types of needs and offers (vraag en aanbod, #15 item 5): what an
// initiative needs (volunteers, materials, a space, money from a sponsor,
// knowledge), what residents, entrepreneurs and organisations offer, the
// fixed list of themes and skills both are tagged with, the funds and
// sponsors directory, and the checks of each form. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/strings.h"

namespace wp::offers {

// The problems a field can have; each is the i18n key that explains it.
inline constexpr const char* kMissing = "web.required";
inline constexpr const char* kTooLong = "offers.error.too_long";
inline constexpr const char* kBadEmail = "offers.error.bad_email";
inline constexpr const char* kBadCharacters = "offers.error.bad_characters";
inline constexpr const char* kUnknownChoice = "offers.error.unknown_choice";
inline constexpr const char* kUnknownDistrict = "offers.error.unknown_district";
inline constexpr const char* kTooManyThemes = "offers.error.too_many_themes";
inline constexpr const char* kBadDate = "offers.error.bad_date";
inline constexpr const char* kDateRange = "offers.error.date_range";
inline constexpr const char* kBadUrl = "offers.error.bad_url";

inline constexpr size_t kMaxTextChars = 300;  // characters (code points), not bytes
inline constexpr size_t kMaxShortChars = 80;
inline constexpr size_t kMaxMessageChars = 500;
inline constexpr size_t kMaxThemes = 4;
inline constexpr int kMaxDaysAhead = 366;  // "until" at most a year ahead

// What is asked or offered.
enum class Kind { kVolunteers, kMaterials, kSpace, kMoney, kKnowledge };
inline constexpr Kind kAllKinds[] = {Kind::kVolunteers, Kind::kMaterials, Kind::kSpace, Kind::kMoney,
                                     Kind::kKnowledge};
// "volunteers", "materials", "space", "money", "knowledge".
std::string_view KindName(Kind k);
std::optional<Kind> ParseKind(std::string_view name);

// Themes and skills, one fixed list for needs and offers (the site has no
// site-wide theme list: budgets and platforms choose their own).
inline constexpr const char* kThemes[] = {"green",   "play", "meeting", "clean",   "safety", "culture",
                                          "sport",   "care", "repairs", "cooking", "organising"};
bool IsTheme(std::string_view slug);
// Themes as stored: slugs joined by ',' in kThemes order, unknown and double ones dropped.
std::string ThemesText(const std::vector<std::string>& themes);
std::vector<std::string> ParseThemes(std::string_view text);

// Who offers.
enum class OffererType { kResident, kEntrepreneur, kOrganisation };
inline constexpr OffererType kAllOffererTypes[] = {OffererType::kResident, OffererType::kEntrepreneur,
                                                   OffererType::kOrganisation};
std::string_view OffererTypeName(OffererType t);  // "resident", "entrepreneur", "organisation"
std::optional<OffererType> ParseOffererType(std::string_view name);

// What the need form sends.
struct NeedInput {
  Kind kind = Kind::kVolunteers;
  std::string text;                 // what exactly, in a sentence or two
  std::vector<std::string> themes;  // of kThemes
  std::string amount;               // how many or how much, in words ("4 mensen", "€ 250")
};
// Checks of a need: a text of at most kMaxTextChars, known themes (at most
// kMaxThemes), an amount of at most kMaxShortChars on one line.
std::vector<FieldError> CheckNeed(const NeedInput& in);

// A need of an initiative as stored.
struct Need {
  int64_t id = 0;
  int64_t initiative_id = 0;
  NeedInput what;
  std::optional<int64_t> until;  // the end (exclusive local midnight) of its last day
  bool open = true;              // false once the initiator closed it
  std::string district_code;     // of the initiative's buurt; empty when it has none
  std::string borough_slug;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// What the offer form sends.
struct OfferInput {
  Kind kind = Kind::kVolunteers;
  std::string text;
  std::vector<std::string> themes;
  std::string district_code;  // a wijk ("WK039201"), or empty for the whole city
  std::string name;           // shown publicly: a first name, a shop, an organisation
  OffererType type = OffererType::kResident;
  std::string email;  // required without an account; never shown
};
// Checks of an offer: text and themes as CheckNeed; a name of at most
// kMaxShortChars on one line; a plausible e-mail address when `needs_email`.
std::vector<FieldError> CheckOffer(const OfferInput& in, bool needs_email);

// An offer as stored.
struct Offer {
  int64_t id = 0;
  OfferInput what;
  std::string borough_slug;  // of the wijk; empty for the whole city
  std::optional<int64_t> until;
  std::optional<int64_t> user_id;
  std::string locale = "nl";
  bool confirmed = false;  // the address was confirmed (a mail link, or a verified account): shown publicly
  bool withdrawn = false;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// True while a need or offer can be matched at `now`: open, and its last day not past.
bool IsCurrent(bool open, const std::optional<int64_t>& until, int64_t now);

// A local fund or sponsor in the directory.
struct Fund {
  int64_t id = 0;
  std::string name;
  std::string what;     // what they fund
  std::string amounts;  // "tot € 2.500 per plan"
  std::string url;      // https:// or http://, optional
  std::string areas;    // "heel Haarlem", "Schalkwijk"
  int64_t created_at = 0;
  int64_t updated_at = 0;
};
// Checks of a fund: name and what required; lengths; a url starting with
// http:// or https:// without spaces, when given.
std::vector<FieldError> CheckFund(const Fund& f);

// E-mail addresses, lengths and control characters are checked with
// IsPlausibleEmail, CountChars and HasControlCharacters of core/strings.h.

}  // namespace wp::offers
