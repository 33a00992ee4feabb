// Events of a wijkplatform (themabijeenkomst, spreekuur, buurtwandeling): the
// plain type, its status flow, the checks of the event form, and who may see
// an event or register for it. Pure; thread-safe.
//
// Status flow: draft -> published -> cancelled; a draft may also be
// cancelled (dropped). Cancelled is final. Edits are allowed in draft and
// published; every change to a published event bumps its iCalendar SEQUENCE.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/time/time_zone.h"

namespace wp::events {

enum class EventStatus { kDraft, kPublished, kCancelled };
std::string_view EventStatusName(EventStatus s);  // "draft", "published", "cancelled"
std::optional<EventStatus> ParseEventStatus(std::string_view name);
// True when an event may go from `from` to `to`.
bool CanChangeStatus(EventStatus from, EventStatus to);

// What kind of event it is; shown on the event and in the agenda.
enum class EventKind { kThemeMeeting, kOfficeHours, kNeighbourhoodWalk, kOther };
inline constexpr EventKind kAllEventKinds[] = {EventKind::kThemeMeeting, EventKind::kOfficeHours,
                                               EventKind::kNeighbourhoodWalk, EventKind::kOther};
// "theme_meeting", "office_hours", "neighbourhood_walk", "other"
std::string_view EventKindName(EventKind k);
std::optional<EventKind> ParseEventKind(std::string_view name);

struct Event {
  int64_t id = 0;
  int64_t platform_id = 0;
  std::string title;
  EventKind kind = EventKind::kThemeMeeting;
  std::string description;  // Markdown
  int64_t starts_at_utc = 0;
  int64_t ends_at_utc = 0;
  std::string place;
  std::optional<int> capacity;  // nullopt: unlimited
  EventStatus status = EventStatus::kDraft;
  int sequence = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// Limits in UTF-8 bytes.
inline constexpr size_t kMaxTitleBytes = 150;
inline constexpr size_t kMaxDescriptionBytes = 10000;
inline constexpr size_t kMaxPlaceBytes = 200;
inline constexpr int kMaxCapacity = 100000;
inline constexpr int64_t kMaxDurationSeconds = 14 * 86400;

// What the event form sends, as typed. Dates "YYYY-MM-DD", times "HH:MM",
// both in local time of the platform (Europe/Amsterdam).
struct EventForm {
  std::string title, kind, description, start_date, start_time, end_date, end_time, place, capacity;
};

// The problems an event form field can have; each is the i18n key that explains it.
inline constexpr const char* kMissing = "events.field.missing";
inline constexpr const char* kTooLong = "events.field.too_long";
inline constexpr const char* kBadCharacters = "events.field.bad_characters";  // invalid UTF-8 or control characters
inline constexpr const char* kBadDate = "events.field.bad_date";
inline constexpr const char* kBadTime = "events.field.bad_time";
inline constexpr const char* kEndBeforeStart = "events.field.end_before_start";
inline constexpr const char* kTooLongDuration = "events.field.too_long_duration";
inline constexpr const char* kBadCapacity = "events.field.bad_capacity";
inline constexpr const char* kBadKind = "events.field.bad_kind";

// The checked fields of an event: title, description, place and capacity are
// trimmed; the times are converted to UTC with `zone`. An empty end date
// means the start date. Returns the problems (field names as in the form),
// or the event fields (id, platform, status, sequence and stamps left at
// their defaults).
struct CheckedEvent {
  Event event;
  std::vector<FieldError> errors;  // empty: valid
};
CheckedEvent CheckEventForm(const EventForm& form, const time::TimeZone& zone);

// The form values of a stored event, in local time of `zone`.
EventForm FormFromEvent(const Event& e, const time::TimeZone& zone);

// Who may do what with an event. `manages` is true for people who may edit
// the platform's events (platforms::Can(kCreateEvent)).
// - Drafts are seen only by managers; published and cancelled events by all.
// - Registering is open to everyone (members, residents, one-off visitors)
//   while the event is published and has not started.
// - Cancelling one's own registration is possible while the event is
//   published and has not ended (a cancelled event needs no cancelling).
bool CanSeeEvent(const Event& e, bool manages);
bool CanRegister(const Event& e, int64_t now_utc);
bool CanCancelRegistration(const Event& e, int64_t now_utc);
// Editing: draft or published, by managers (the caller checks the rights).
bool IsEditable(const Event& e);

// Stable iCalendar UID of event `id` on site `host`: "event-12@host".
std::string EventUid(int64_t id, std::string_view host);

}  // namespace wp::events
