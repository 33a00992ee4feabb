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

inline constexpr Weekday kAllWeekdays[] = {Weekday::kMonday,   Weekday::kTuesday,  Weekday::kWednesday,
                                           Weekday::kThursday, Weekday::kFriday,   Weekday::kSaturday,
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
    if (required) out.push_back({std::string(field), FieldProblem::kMissing});
    return;
  }
  if (HasBadCharacters(value)) {
    out.push_back({std::string(field), FieldProblem::kBadCharacters});
  } else if (value.size() > max_bytes) {
    out.push_back({std::string(field), FieldProblem::kTooLong});
  }
}

void CheckEmail(std::vector<FieldError>& out, std::string_view field, std::string_view value) {
  if (Trim(value).empty()) {
    out.push_back({std::string(field), FieldProblem::kMissing});
  } else if (!IsPlausibleEmail(Trim(value))) {
    out.push_back({std::string(field), FieldProblem::kBadEmail});
  }
}

}  // namespace

std::string PlatformScope(PlatformId id) { return std::to_string(id); }

std::string_view PlatformStatusName(PlatformStatus s) {
  switch (s) {
    case PlatformStatus::kSubmitted: return "submitted";
    case PlatformStatus::kInFormation: return "in_formation";
    case PlatformStatus::kRecognised: return "recognised";
    case PlatformStatus::kEnded: return "ended";
    case PlatformStatus::kWithdrawn: return "withdrawn";
    case PlatformStatus::kRefused: return "refused";
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
    case MemberKind::kResident: return "resident";
    case MemberKind::kEntrepreneur: return "entrepreneur";
    case MemberKind::kOrganisation: return "organisation";
  }
  return "resident";
}

std::optional<MemberKind> ParseMemberKind(std::string_view name) {
  return ParseByName(name, kAllMemberKinds, &MemberKindName);
}

std::string_view WeekdayName(Weekday d) {
  switch (d) {
    case Weekday::kMonday: return "monday";
    case Weekday::kTuesday: return "tuesday";
    case Weekday::kWednesday: return "wednesday";
    case Weekday::kThursday: return "thursday";
    case Weekday::kFriday: return "friday";
    case Weekday::kSaturday: return "saturday";
    case Weekday::kSunday: return "sunday";
  }
  return "monday";
}

std::optional<Weekday> ParseWeekday(std::string_view name) { return ParseByName(name, kAllWeekdays, &WeekdayName); }

std::string_view EventKindName(EventKind k) {
  switch (k) {
    case EventKind::kThemeMeeting: return "theme_meeting";
    case EventKind::kOfficeHours: return "office_hours";
    case EventKind::kNeighbourhoodWalk: return "neighbourhood_walk";
    case EventKind::kOther: return "other";
  }
  return "other";
}

std::optional<EventKind> ParseEventKind(std::string_view name) {
  return ParseByName(name, kAllEventKinds, &EventKindName);
}

std::string_view FieldProblemKey(FieldProblem problem) {
  switch (problem) {
    case FieldProblem::kMissing: return "platforms.field.missing";
    case FieldProblem::kTooLong: return "platforms.field.too_long";
    case FieldProblem::kBadEmail: return "platforms.field.bad_email";
    case FieldProblem::kBadCharacters: return "platforms.field.bad_characters";
    case FieldProblem::kDuplicate: return "platforms.field.duplicate";
    case FieldProblem::kTooMany: return "platforms.field.too_many";
    case FieldProblem::kBadTimeRange: return "platforms.field.bad_time_range";
  }
  return "platforms.field.missing";
}

std::vector<FieldError> CheckPlatformDetails(const Platform& p) {
  std::vector<FieldError> out;
  CheckText(out, "name", p.name, kMaxNameBytes, true);
  CheckText(out, "description", p.description, kMaxDescriptionBytes, true);
  if (p.themes.size() > kMaxThemes) {
    out.push_back({"themes", FieldProblem::kTooMany});
  } else {
    std::set<std::string> seen;
    for (const auto& theme : p.themes) {
      size_t before = out.size();
      CheckText(out, "themes", theme, kMaxThemeBytes, true);
      if (out.size() != before) break;
      if (!seen.insert(ToLower(Trim(theme))).second) {
        out.push_back({"themes", FieldProblem::kDuplicate});
        break;
      }
    }
  }
  CheckEmail(out, "contact_email", p.contact_email);
  return out;
}

std::vector<FieldError> CheckWorkingGroup(const WorkingGroup& g) {
  std::vector<FieldError> out;
  CheckText(out, "theme", g.theme, kMaxThemeBytes, true);
  CheckText(out, "description", g.description, kMaxDescriptionBytes, false);
  CheckText(out, "contact_name", g.contact.name, kMaxNameBytes, true);
  CheckEmail(out, "contact_email", g.contact.email);
  return out;
}

std::vector<FieldError> CheckOfficeHours(const OfficeHours& h) {
  std::vector<FieldError> out;
  if (h.start_minute < 0 || h.start_minute >= 24 * 60 || h.end_minute <= h.start_minute || h.end_minute > 24 * 60) {
    out.push_back({"time", FieldProblem::kBadTimeRange});
  }
  CheckText(out, "place", h.place, kMaxPlaceBytes, true);
  return out;
}

}  // namespace wp::platforms
