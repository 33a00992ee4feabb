#include "features/events/event.h"

#include <charconv>

#include "core/strings.h"
#include "core/time/format.h"

namespace wp::events {

std::string_view EventStatusName(EventStatus s) {
  switch (s) {
    case EventStatus::kDraft:
      return "draft";
    case EventStatus::kPublished:
      return "published";
    case EventStatus::kCancelled:
      return "cancelled";
  }
  return "draft";
}

std::optional<EventStatus> ParseEventStatus(std::string_view name) {
  for (auto s : {EventStatus::kDraft, EventStatus::kPublished, EventStatus::kCancelled}) {
    if (EventStatusName(s) == name) return s;
  }
  return std::nullopt;
}

bool CanChangeStatus(EventStatus from, EventStatus to) {
  return (from == EventStatus::kDraft && (to == EventStatus::kPublished || to == EventStatus::kCancelled)) ||
         (from == EventStatus::kPublished && to == EventStatus::kCancelled);
}

std::string_view EventKindName(EventKind k) {
  switch (k) {
    case EventKind::kThemeMeeting:
      return "theme_meeting";
    case EventKind::kOfficeHours:
      return "office_hours";
    case EventKind::kNeighbourhoodWalk:
      return "neighbourhood_walk";
    case EventKind::kOther:
      return "other";
  }
  return "other";
}

std::optional<EventKind> ParseEventKind(std::string_view name) {
  for (EventKind k : kAllEventKinds) {
    if (EventKindName(k) == name) return k;
  }
  return std::nullopt;
}

namespace {

bool Digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool HasControl(std::string_view s, bool allow_newlines) {
  for (unsigned char c : s) {
    if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) continue;
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

CheckedEvent CheckEventForm(const EventForm& form, const time::TimeZone& zone) {
  CheckedEvent out;
  auto add = [&](const char* field, const char* key) { out.errors.push_back({field, key}); };
  Event& e = out.event;
  e.title = std::string(Trim(form.title));
  e.description = std::string(Trim(form.description));
  e.place = std::string(Trim(form.place));
  auto one_line = [&](const char* field, const std::string& v, size_t max, bool required) {
    if (v.empty()) {
      if (required) add(field, kMissing);
    } else if (!IsValidUtf8(v) || HasControl(v, false)) {
      add(field, kBadCharacters);
    } else if (v.size() > max) {
      add(field, kTooLong);
    }
  };
  one_line("title", e.title, kMaxTitleBytes, true);
  std::string_view kind = Trim(form.kind);
  if (kind.empty())
    add("kind", kMissing);
  else if (auto k = ParseEventKind(kind))
    e.kind = *k;
  else
    add("kind", kBadKind);
  if (!IsValidUtf8(e.description) || HasControl(e.description, true)) {
    add("description", kBadCharacters);
  } else if (e.description.size() > kMaxDescriptionBytes) {
    add("description", kTooLong);
  }
  one_line("place", e.place, kMaxPlaceBytes, true);

  auto date = [&](const char* field, const std::string& text) -> std::optional<time::LocalDateTime> {
    if (Trim(text).empty()) {
      add(field, kMissing);
      return std::nullopt;
    }
    auto d = time::ParseDateInput(text);
    if (!d) add(field, kBadDate);
    return d;
  };
  auto clock = [&](const char* field, const std::string& text) -> std::optional<time::LocalDateTime> {
    if (Trim(text).empty()) {
      add(field, kMissing);
      return std::nullopt;
    }
    auto t = time::ParseTimeInput(text);
    if (!t) add(field, kBadTime);
    return t;
  };
  auto start_date = date("start_date", form.start_date);
  auto start_time = clock("start_time", form.start_time);
  auto end_date = Trim(form.end_date).empty() ? start_date : date("end_date", form.end_date);
  auto end_time = clock("end_time", form.end_time);
  if (start_date && start_time && end_date && end_time) {
    time::LocalDateTime s = *start_date, en = *end_date;
    s.hour = start_time->hour;
    s.minute = start_time->minute;
    en.hour = end_time->hour;
    en.minute = end_time->minute;
    e.starts_at_utc = zone.ToUtc(s);
    e.ends_at_utc = zone.ToUtc(en);
    if (e.ends_at_utc <= e.starts_at_utc)
      add("end_time", kEndBeforeStart);
    else if (e.ends_at_utc - e.starts_at_utc > kMaxDurationSeconds)
      add("end_date", kTooLongDuration);
  }
  std::string_view cap = Trim(form.capacity);
  if (!cap.empty()) {
    int n = 0;
    if (!Digits(cap, n) || n < 1 || n > kMaxCapacity)
      add("capacity", kBadCapacity);
    else
      e.capacity = n;
  }
  return out;
}

EventForm FormFromEvent(const Event& e, const time::TimeZone& zone) {
  time::LocalDateTime s = zone.ToLocal(e.starts_at_utc), en = zone.ToLocal(e.ends_at_utc);
  EventForm f;
  f.title = e.title;
  f.kind = EventKindName(e.kind);
  f.description = e.description;
  f.start_date = time::DateInputValue(s);
  f.start_time = time::TimeInputValue(s);
  f.end_date = time::DateInputValue(en) == f.start_date ? "" : time::DateInputValue(en);
  f.end_time = time::TimeInputValue(en);
  f.place = e.place;
  f.capacity = e.capacity ? std::to_string(*e.capacity) : "";
  return f;
}

bool CanSeeEvent(const Event& e, bool manages) { return manages || e.status != EventStatus::kDraft; }

bool CanRegister(const Event& e, int64_t now_utc) {
  return e.status == EventStatus::kPublished && now_utc < e.starts_at_utc;
}

bool CanCancelRegistration(const Event& e, int64_t now_utc) {
  return e.status == EventStatus::kPublished && now_utc < e.ends_at_utc;
}

bool IsEditable(const Event& e) { return e.status != EventStatus::kCancelled; }

std::string EventUid(int64_t id, std::string_view host) {
  return "event-" + std::to_string(id) + "@" + std::string(host);
}

}  // namespace wp::events
