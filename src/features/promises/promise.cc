#include "features/promises/promise.h"

#include "core/strings.h"
#include "core/time/format.h"

namespace wp::promises {

namespace {

// Checks a required one-line or longer text field; appends to `errors`.
std::string Required(std::string_view value, const char* field, const char* missing_key, size_t max,
                     std::vector<FieldError>& errors) {
  std::string_view v = Trim(value);
  if (v.empty()) {
    errors.push_back({field, missing_key});
  } else if (v.size() > max || !IsValidUtf8(v)) {
    errors.push_back({field, kTooLong, {{"max", static_cast<int64_t>(max)}}});
  }
  return std::string(v);
}

}  // namespace

std::string_view SourceName(Source s) {
  switch (s) {
    case Source::kAnswer:
      return "answer";
    case Source::kMeeting:
      return "meeting";
    case Source::kOther:
      return "other";
    case Source::kTalk:
      return "talk";
  }
  return "other";
}

std::optional<Source> ParseSource(std::string_view name) {
  for (Source s : kAllSources) {
    if (SourceName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view StatusName(Status s) {
  switch (s) {
    case Status::kOpen:
      return "open";
    case Status::kDone:
      return "done";
    case Status::kDropped:
      return "dropped";
  }
  return "open";
}

std::optional<Status> ParseStatus(std::string_view name) {
  for (Status s : kAllStatuses) {
    if (StatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view ShownName(Shown s) {
  switch (s) {
    case Shown::kOpen:
      return "open";
    case Shown::kLate:
      return "late";
    case Shown::kDone:
      return "done";
    case Shown::kDropped:
      return "dropped";
  }
  return "open";
}

std::string_view EntryKindName(EntryKind k) {
  switch (k) {
    case EntryKind::kCreated:
      return "created";
    case EntryKind::kUpdate:
      return "update";
    case EntryKind::kStatus:
      return "status";
    case EntryKind::kHandover:
      return "handover";
  }
  return "update";
}

std::optional<EntryKind> ParseEntryKind(std::string_view name) {
  for (EntryKind k : {EntryKind::kCreated, EntryKind::kUpdate, EntryKind::kStatus, EntryKind::kHandover}) {
    if (EntryKindName(k) == name) return k;
  }
  return std::nullopt;
}

CheckedPromise CheckPromiseForm(const PromiseForm& form, const time::TimeZone& zone, const time::WorkingDays& days,
                                int64_t now) {
  CheckedPromise out;
  Promise& p = out.promise;
  p.text = Required(form.text, "text", kMissingText, kMaxTextBytes, out.errors);
  auto source = ParseSource(form.source);
  if (!source) {
    out.errors.push_back({"source", kBadSource});
  } else {
    p.source = *source;
    if (*source != Source::kAnswer) {
      p.source_note = Required(form.source_note, "source_note", kMissingSourceNote, kMaxShortBytes, out.errors);
    }
  }
  p.owner.department = Required(form.department, "department", kMissingDepartment, kMaxShortBytes, out.errors);
  p.owner.person = Required(form.person, "person", kMissingPerson, kMaxShortBytes, out.errors);
  auto due = time::ParseDateInput(form.due);
  if (!due) {
    out.errors.push_back({"due", kBadDate});
  } else {
    p.due_at = time::EndOfDay(zone, days.OnOrAfter(*due));
    if (p.due_at <= now) out.errors.push_back({"due", kPastDate});
  }
  return out;
}

std::optional<std::string_view> CheckTransition(Status from, Status to) {
  if (from == to) return "promises.flow.same_status";
  bool allowed = (from == Status::kOpen && (to == Status::kDone || to == Status::kDropped)) ||
                 (from == Status::kDone && to == Status::kOpen);
  if (!allowed) return "promises.flow.not_allowed";
  return std::nullopt;
}

CheckedUpdate CheckUpdateForm(const UpdateForm& form, Status current) {
  CheckedUpdate out;
  out.status = current;
  if (!Trim(form.status).empty()) {
    auto s = ParseStatus(Trim(form.status));
    if (!s) {
      out.errors.push_back({"status", kBadStatus});
    } else if (*s != current) {
      if (auto problem = CheckTransition(current, *s)) {
        out.errors.push_back({"status", std::string(*problem)});
      } else {
        out.status = *s;
      }
    }
  }
  // Dropping a promise always says why: the text is the reason.
  const char* missing = out.status == Status::kDropped && current != Status::kDropped ? kMissingReason : kMissingText;
  out.text = Required(form.text, "text", missing, kMaxTextBytes, out.errors);
  return out;
}

CheckedHandover CheckHandoverForm(const HandoverForm& form, const Owner& current) {
  CheckedHandover out;
  out.owner.department = Required(form.department, "department", kMissingDepartment, kMaxShortBytes, out.errors);
  out.owner.person = Required(form.person, "person", kMissingPerson, kMaxShortBytes, out.errors);
  std::string_view note = Trim(form.note);
  if (note.size() > kMaxTextBytes || !IsValidUtf8(note)) {
    out.errors.push_back({"note", kTooLong, {{"max", static_cast<int64_t>(kMaxTextBytes)}}});
  }
  out.note = std::string(note);
  if (out.errors.empty() && out.owner == current) out.errors.push_back({"person", kSameOwner});
  return out;
}

bool IsLate(Status status, int64_t due_at, int64_t now) { return status == Status::kOpen && now >= due_at; }

Shown ShownStatus(const Promise& p, int64_t now) {
  switch (p.status) {
    case Status::kOpen:
      return IsLate(p.status, p.due_at, now) ? Shown::kLate : Shown::kOpen;
    case Status::kDone:
      return Shown::kDone;
    case Status::kDropped:
      return Shown::kDropped;
  }
  return Shown::kOpen;
}

int WorkingDaysLate(const Promise& p, const time::TimeZone& zone, const time::WorkingDays& days, int64_t now) {
  if (!IsLate(p.status, p.due_at, now)) return 0;
  time::LocalDateTime due_day = zone.ToLocal(p.due_at - 1);
  time::LocalDateTime today = zone.ToLocal(now);
  due_day.hour = due_day.minute = due_day.second = 0;
  today.hour = today.minute = today.second = 0;
  return days.Between(due_day, today);
}

std::string OwnerLine(const Owner& o) { return o.department + " — " + o.person; }

}  // namespace wp::promises
