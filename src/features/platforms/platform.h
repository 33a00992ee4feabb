// Plain types of a wijkplatform (neighbourhood platform): the platform itself,
// its members, werkgroepen (working groups) and spreekuren (office hours),
// with the checks of the forms that create them. Pure values.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace wp::platforms {

// Database id of a platform. Its decimal text is the scope of kernteam and
// platform-member role grants (auth::RoleGrant::scope).
using PlatformId = int64_t;
std::string PlatformScope(PlatformId id);

// Recognition status; the allowed changes are in recognition.h.
enum class PlatformStatus {
  kSubmitted,    // aangemeld: an application, not yet looked at
  kInFormation,  // in oprichting: accepted as a platform being formed, supported by the municipality
  kRecognised,   // erkend
  kEnded,        // beeindigd (after recognition)
  kWithdrawn,    // ingetrokken by the applicants before recognition
  kRefused,      // afgewezen by the municipality before recognition
};
inline constexpr PlatformStatus kAllPlatformStatuses[] = {PlatformStatus::kSubmitted,  PlatformStatus::kInFormation,
                                                          PlatformStatus::kRecognised, PlatformStatus::kEnded,
                                                          PlatformStatus::kWithdrawn,  PlatformStatus::kRefused};
// Stable names for storage and URLs: "submitted", "in_formation", "recognised",
// "ended", "withdrawn", "refused".
std::string_view PlatformStatusName(PlatformStatus s);
std::optional<PlatformStatus> ParsePlatformStatus(std::string_view name);
// Active platforms claim their area (area_rules.h): submitted, in formation
// and recognised. Ended, withdrawn and refused platforms free their area.
bool IsActive(PlatformStatus s);

struct Platform {
  PlatformId id = 0;
  std::string slug;  // unique, from the name: public page /wijkplatform/{slug}
  std::string name;
  std::string description;
  std::vector<std::string> themes;  // chosen by the platform itself (Haarlem's rule)
  std::string contact_email;
  std::set<std::string> area;  // CBS buurtcodes "BU03920101"; see area_rules.h
  std::string borough_slug;    // the stadsdeel of the area ("schalkwijk"), from CheckArea
  PlatformStatus status = PlatformStatus::kSubmitted;
  int64_t created_at = 0;  // unix seconds, UTC
  // Name of the former wijkraad this platform continues (CouncilMapping::council_name),
  // or nullopt. Accepted only before the conversion deadline: recognition.h.
  std::optional<std::string> converted_from_council;
};

// Members: anyone may join, for a long time or once (Haarlem: "voor korte of
// langere tijd of eenmalig"). One-off participants in a single event are not
// members (events/registration_rules.h).
enum class MemberKind { kResident, kEntrepreneur, kOrganisation };
inline constexpr MemberKind kAllMemberKinds[] = {MemberKind::kResident, MemberKind::kEntrepreneur,
                                                 MemberKind::kOrganisation};
std::string_view MemberKindName(MemberKind k);  // "resident", "entrepreneur", "organisation"
std::optional<MemberKind> ParseMemberKind(std::string_view name);

struct Member {
  PlatformId platform_id = 0;
  int64_t user_id = 0;
  MemberKind kind = MemberKind::kResident;
  std::string organisation_name;  // business or organisation; empty for residents
  int64_t joined_at = 0;          // unix seconds, UTC
  // E-mail the member chose to get (both on when joining).
  bool mail_newsletter = true;
  bool mail_events = true;
};

// The e-mail a member can choose: the newsletter, announcements of new events.
enum class MailTopic { kNewsletter, kEvents };
std::string_view MailTopicName(MailTopic t);  // "newsletter", "events"

struct ContactPerson {
  std::string name;
  std::string email;
  std::optional<int64_t> user_id;  // when the contact has an account
};

// A werkgroep: people of the platform working on one theme.
struct WorkingGroup {
  int64_t id = 0;
  PlatformId platform_id = 0;
  std::string theme;  // "Groen", "Verkeer"
  std::string description;
  ContactPerson contact;
};

// A werkgroep as lists show it: with how many members take part.
struct ListedWorkingGroup {
  WorkingGroup group;
  int64_t member_count = 0;
  // The contact confirmed the address (and so their consent to be shown as
  // the contact): until then pages leave the name and address out.
  bool contact_confirmed = false;
};

enum class Weekday { kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };
std::string_view WeekdayName(Weekday d);  // "monday" ... "sunday"
std::optional<Weekday> ParseWeekday(std::string_view name);

// A weekly spreekuur (office hours) where residents can walk in.
struct OfficeHours {
  int64_t id = 0;
  PlatformId platform_id = 0;
  Weekday weekday = Weekday::kMonday;
  int start_minute = 0;  // minutes after local midnight, 0..1439
  int end_minute = 0;    // minutes after local midnight, start_minute < end_minute <= 1440
  std::string place;     // "Buurthuis De Ringvaart, Ringvaartlaan 1"
};

// Limits for form fields, in UTF-8 bytes.
inline constexpr size_t kMaxNameBytes = 120;
inline constexpr size_t kMaxDescriptionBytes = 10000;
inline constexpr size_t kMaxThemeBytes = 60;
inline constexpr size_t kMaxThemes = 20;
inline constexpr size_t kMaxPlaceBytes = 200;

// The problems a form field can have; each is the i18n key that explains it.
inline constexpr const char* kMissing = "platforms.field.missing";
inline constexpr const char* kTooLong = "platforms.field.too_long";
inline constexpr const char* kBadEmail = "platforms.field.bad_email";
inline constexpr const char* kBadCharacters = "platforms.field.bad_characters";
inline constexpr const char* kDuplicate = "platforms.field.duplicate";
inline constexpr const char* kTooMany = "platforms.field.too_many";
inline constexpr const char* kBadTimeRange = "platforms.field.bad_time_range";

// Checks the fields "name", "description", "themes" and "contact_email" of a
// platform (not the area: area_rules.h). Empty result: valid. Name,
// description and e-mail are required; themes may be empty but not blank,
// duplicated (ignoring case) or more than kMaxThemes.
std::vector<FieldError> CheckPlatformDetails(const Platform& p);
// The werkgroep form: "group_theme" and the contact's "group_contact_name"
// and "group_contact_email" are required; "group_description" is optional.
std::vector<FieldError> CheckWorkingGroup(const WorkingGroup& g);
// The spreekuur form: "hours_place" is required; "hours_time" within the day,
// start before end.
std::vector<FieldError> CheckOfficeHours(const OfficeHours& h);

// The themes typed in a textarea: one per line, trimmed, blank lines left out.
std::vector<std::string> ParseThemes(std::string_view text);
// The minutes after midnight of a time of day as people type it: "9:30",
// "09.30" or "0930" (up to "24:00"); -1 when it cannot be read.
int ParseMinutes(std::string_view text);
// A spreekuur's "19:00-20:30" into `h` (start and end minute; -1 for a part
// that cannot be read, which CheckOfficeHours refuses).
void ParseOfficeHoursTime(std::string_view text, OfficeHours& h);

}  // namespace wp::platforms
