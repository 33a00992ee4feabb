#include "features/offers/offer.h"

#include <algorithm>

#include "core/text_field.h"

namespace wp::offers {

namespace {

constexpr TextFieldKeys kTextKeys{kMissing, kTooLong, kBadCharacters};

// A text field: required or not, at most `max` characters, no control
// characters (newlines only in multi-line texts).
void CheckText(std::vector<FieldError>& errors, const std::string& field, const std::string& value, size_t max,
               bool required, bool multiline) {
  CheckTextField(errors, field, value, {max, required, multiline}, kTextKeys);
}

void CheckThemes(std::vector<FieldError>& errors, const std::vector<std::string>& themes) {
  if (!std::all_of(themes.begin(), themes.end(), [](const std::string& t) { return IsTheme(t); })) {
    errors.push_back({"themes", kUnknownChoice});
  } else if (themes.size() > kMaxThemes) {
    errors.push_back({"themes", kTooManyThemes, {{"max", static_cast<int64_t>(kMaxThemes)}}});
  }
}

}  // namespace

std::string_view KindName(Kind k) {
  switch (k) {
    case Kind::kVolunteers:
      return "volunteers";
    case Kind::kMaterials:
      return "materials";
    case Kind::kSpace:
      return "space";
    case Kind::kMoney:
      return "money";
    case Kind::kKnowledge:
      return "knowledge";
  }
  return "volunteers";
}

std::optional<Kind> ParseKind(std::string_view name) {
  for (Kind k : kAllKinds) {
    if (KindName(k) == name) return k;
  }
  return std::nullopt;
}

bool IsTheme(std::string_view slug) {
  return std::any_of(std::begin(kThemes), std::end(kThemes), [&](const char* t) { return slug == t; });
}

std::string ThemesText(const std::vector<std::string>& themes) {
  std::string out;
  for (const char* t : kThemes) {
    if (std::find(themes.begin(), themes.end(), t) == themes.end()) continue;
    if (!out.empty()) out += ',';
    out += t;
  }
  return out;
}

std::vector<std::string> ParseThemes(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    if (IsTheme(part) && std::find(out.begin(), out.end(), part) == out.end()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  std::vector<std::string> ordered;
  for (const char* t : kThemes) {
    if (std::find(out.begin(), out.end(), t) != out.end()) ordered.emplace_back(t);
  }
  return ordered;
}

std::string_view OffererTypeName(OffererType t) {
  switch (t) {
    case OffererType::kResident:
      return "resident";
    case OffererType::kEntrepreneur:
      return "entrepreneur";
    case OffererType::kOrganisation:
      return "organisation";
  }
  return "resident";
}

std::optional<OffererType> ParseOffererType(std::string_view name) {
  for (OffererType t : kAllOffererTypes) {
    if (OffererTypeName(t) == name) return t;
  }
  return std::nullopt;
}

std::vector<FieldError> CheckNeed(const NeedInput& in) {
  std::vector<FieldError> errors;
  CheckText(errors, "text", in.text, kMaxTextChars, true, true);
  CheckThemes(errors, in.themes);
  CheckText(errors, "amount", in.amount, kMaxShortChars, false, false);
  return errors;
}

std::vector<FieldError> CheckOffer(const OfferInput& in, bool needs_email) {
  std::vector<FieldError> errors;
  CheckText(errors, "text", in.text, kMaxTextChars, true, true);
  CheckThemes(errors, in.themes);
  CheckText(errors, "name", in.name, kMaxShortChars, true, false);
  if (needs_email) {
    if (in.email.empty()) {
      errors.push_back({"email", kMissing});
    } else if (!IsPlausibleEmail(in.email)) {
      errors.push_back({"email", kBadEmail});
    }
  }
  return errors;
}

bool IsCurrent(bool open, const std::optional<int64_t>& until, int64_t now) { return open && (!until || *until > now); }

std::vector<FieldError> CheckFund(const Fund& f) {
  std::vector<FieldError> errors;
  CheckText(errors, "name", f.name, kMaxShortChars, true, false);
  CheckText(errors, "what", f.what, kMaxTextChars, true, true);
  CheckText(errors, "amounts", f.amounts, kMaxShortChars, false, false);
  CheckText(errors, "areas", f.areas, kMaxShortChars, false, false);
  if (!f.url.empty()) {
    bool scheme = f.url.rfind("https://", 0) == 0 || f.url.rfind("http://", 0) == 0;
    bool clean = f.url.find_first_of(" \t\r\n\"<>") == std::string::npos && f.url.size() <= 300;
    if (!scheme || !clean || f.url.find('.') == std::string::npos) errors.push_back({"url", kBadUrl});
  }
  return errors;
}

}  // namespace wp::offers
