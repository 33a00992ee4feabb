#include "features/platforms/platform.h"

#include <string>

#include "core/strings.h"

namespace wp::platforms {
namespace {

template <typename E, size_t N>
std::optional<E> ParseByName(std::string_view name, const E (&all)[N], std::string_view (*to_name)(E)) {
  for (E e : all) {
    if (to_name(e) == name) return e;
  }
  return std::nullopt;
}

inline constexpr Weekday kAllWeekdays[] = {Weekday::kMonday,   Weekday::kTuesday, Weekday::kWednesday,
                                           Weekday::kThursday, Weekday::kFriday,  Weekday::kSaturday,
                                           Weekday::kSunday};

// Control characters other than tab and newline never belong in a form field.
bool HasBadCharacters(std::string_view s) {
  if (!IsValidUtf8(s)) return true;
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
    if (c == 0x7f) return true;
  }
  return false;
}

// Appends the problem of a text field, if any: missing (blank), bad characters, too long.
void CheckText(std::vector<FieldError>& out, std::string_view field, std::string_view value, size_t max_bytes,
               bool required) {
  if (Trim(value).empty()) {
    if (required) out.push_back({std::string(field), kMissing});
    return;
  }
  if (HasBadCharacters(value)) {
    out.push_back({std::string(field), kBadCharacters});
  } else if (value.size() > max_bytes) {
    out.push_back({std::string(field), kTooLong});
  }
}

void CheckEmail(std::vector<FieldError>& out, std::string_view field, std::string_view value) {
  if (Trim(value).empty()) {
    out.push_back({std::string(field), kMissing});
  } else if (!IsPlausibleEmail(Trim(value))) {
    out.push_back({std::string(field), kBadEmail});
  }
}

}  // namespace

std::string PlatformScope(PlatformId id) { return std::to_string(id); }

std::string_view PlatformStatusName(PlatformStatus s) {
  switch (s) {
    case PlatformStatus::kSubmitted:
      return "submitted";
    case PlatformStatus::kInFormation:
      return "in_formation";
    case PlatformStatus::kRecognised:
      return "recognised";
    case PlatformStatus::kEnded:
      return "ended";
    case PlatformStatus::kWithdrawn:
      return "withdrawn";
    case PlatformStatus::kRefused:
      return "refused";
  }
  return "submitted";
}

std::optional<PlatformStatus> ParsePlatformStatus(std::string_view name) {
  return ParseByName(name, kAllPlatformStatuses, &PlatformStatusName);
}

bool IsActive(PlatformStatus s) {
  return s == PlatformStatus::kSubmitted || s == PlatformStatus::kInFormation || s == PlatformStatus::kRecognised;
}

std::string_view MemberKindName(MemberKind k) {
  switch (k) {
    case MemberKind::kResident:
      return "resident";
    case MemberKind::kEntrepreneur:
      return "entrepreneur";
    case MemberKind::kOrganisation:
      return "organisation";
  }
  return "resident";
}

std::optional<MemberKind> ParseMemberKind(std::string_view name) {
  return ParseByName(name, kAllMemberKinds, &MemberKindName);
}

std::string_view MailTopicName(MailTopic t) {
  switch (t) {
    case MailTopic::kNewsletter:
      return "newsletter";
    case MailTopic::kEvents:
      return "events";
  }
  return "newsletter";
}

std::string_view WeekdayName(Weekday d) {
  switch (d) {
    case Weekday::kMonday:
      return "monday";
    case Weekday::kTuesday:
      return "tuesday";
    case Weekday::kWednesday:
      return "wednesday";
    case Weekday::kThursday:
      return "thursday";
    case Weekday::kFriday:
      return "friday";
    case Weekday::kSaturday:
      return "saturday";
    case Weekday::kSunday:
      return "sunday";
  }
  return "monday";
}

std::optional<Weekday> ParseWeekday(std::string_view name) { return ParseByName(name, kAllWeekdays, &WeekdayName); }

std::vector<FieldError> CheckPlatformDetails(const Platform& p) {
  std::vector<FieldError> out;
  CheckText(out, "name", p.name, kMaxNameBytes, true);
  CheckText(out, "description", p.description, kMaxDescriptionBytes, true);
  if (p.themes.size() > kMaxThemes) {
    out.push_back({"themes", kTooMany});
  } else {
    std::set<std::string> seen;
    for (const auto& theme : p.themes) {
      size_t before = out.size();
      CheckText(out, "themes", theme, kMaxThemeBytes, true);
      if (out.size() != before) break;
      if (!seen.insert(ToLower(Trim(theme))).second) {
        out.push_back({"themes", kDuplicate});
        break;
      }
    }
  }
  CheckEmail(out, "contact_email", p.contact_email);
  return out;
}

std::vector<FieldError> CheckWorkingGroup(const WorkingGroup& g) {
  std::vector<FieldError> out;
  CheckText(out, "group_theme", g.theme, kMaxThemeBytes, true);
  CheckText(out, "group_description", g.description, kMaxDescriptionBytes, false);
  CheckText(out, "group_contact_name", g.contact.name, kMaxNameBytes, true);
  CheckEmail(out, "group_contact_email", g.contact.email);
  return out;
}

std::vector<FieldError> CheckOfficeHours(const OfficeHours& h) {
  std::vector<FieldError> out;
  if (h.start_minute < 0 || h.start_minute >= 24 * 60 || h.end_minute <= h.start_minute || h.end_minute > 24 * 60) {
    out.push_back({"hours_time", kBadTimeRange});
  }
  CheckText(out, "hours_place", h.place, kMaxPlaceBytes, true);
  return out;
}

std::vector<std::string> ParseThemes(std::string_view text) {
  std::vector<std::string> out;
  for (auto line : Split(text, '\n')) {
    auto theme = Trim(line);
    if (!theme.empty()) out.emplace_back(theme);
  }
  return out;
}

int ParseMinutes(std::string_view text) {
  std::string digits;
  for (char ch : Trim(text)) {
    if (ch >= '0' && ch <= '9')
      digits += ch;
    else if (ch != ':' && ch != '.')
      return -1;
  }
  if (digits.size() < 3 || digits.size() > 4) return -1;
  int h = std::stoi(digits.substr(0, digits.size() - 2));
  int m = std::stoi(digits.substr(digits.size() - 2));
  if (m >= 60 || h > 24 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

void ParseOfficeHoursTime(std::string_view text, OfficeHours& h) {
  size_t dash = text.find('-');
  h.start_minute = dash == std::string_view::npos ? -1 : ParseMinutes(text.substr(0, dash));
  h.end_minute = dash == std::string_view::npos ? -1 : ParseMinutes(text.substr(dash + 1));
}

}  // namespace wp::platforms
