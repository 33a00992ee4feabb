#include "features/talks/talk.h"

#include "core/strings.h"
#include "core/time/format.h"

namespace wp::talks {

namespace {

// A required text field; appends to `errors`.
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

template <typename E, size_t N>
std::optional<E> ParseName(const E (&all)[N], std::string_view (*name)(E), std::string_view text) {
  for (E e : all) {
    if (name(e) == text) return e;
  }
  return std::nullopt;
}

constexpr Proposer kAllProposers[] = {Proposer::kKernteam, Proposer::kMunicipality};
constexpr EntryKind kAllKinds[] = {EntryKind::kCreated,   EntryKind::kPlanned, EntryKind::kMoved,  EntryKind::kEdited,
                                   EntryKind::kAgenda,    EntryKind::kMinutes, EntryKind::kAgreement,
                                   EntryKind::kRemoved,   EntryKind::kHeld,    EntryKind::kClosed,
                                   EntryKind::kCancelled};

}  // namespace

std::string_view HalfName(Half h) { return h == Half::kSpring ? "spring" : "autumn"; }
std::optional<Half> ParseHalf(std::string_view name) { return ParseName(kAllHalves, &HalfName, name); }

std::pair<int64_t, int64_t> RoundWindow(const RoundRules& rules, int year, Half half, const time::TimeZone& zone) {
  int first = half == Half::kSpring ? rules.spring_first_month : rules.autumn_first_month;
  int last = half == Half::kSpring ? rules.spring_last_month : rules.autumn_last_month;
  time::LocalDateTime start{year, first, 1};
  time::LocalDateTime after_last = last == 12 ? time::LocalDateTime{year + 1, 1, 1} : time::LocalDateTime{year, last + 1, 1};
  return {zone.StartOfDay(start), zone.StartOfDay(after_last)};
}

std::string_view StatusName(Status s) {
  switch (s) {
    case Status::kToPlan:
      return "to_plan";
    case Status::kPlanned:
      return "planned";
    case Status::kMoved:
      return "moved";
    case Status::kHeld:
      return "held";
    case Status::kClosed:
      return "closed";
    case Status::kCancelled:
      return "cancelled";
  }
  return "to_plan";
}

std::optional<Status> ParseStatus(std::string_view name) { return ParseName(kAllStatuses, &StatusName, name); }

bool IsUpcoming(Status s) { return s == Status::kPlanned || s == Status::kMoved; }
bool IsPublished(Status s) { return s == Status::kHeld || s == Status::kClosed; }

std::optional<std::string_view> CheckTransition(Status from, Status to) {
  bool allowed = false;
  switch (from) {
    case Status::kToPlan:
      allowed = to == Status::kPlanned || to == Status::kCancelled;
      break;
    case Status::kPlanned:
    case Status::kMoved:
      allowed = to == Status::kMoved || to == Status::kHeld || to == Status::kCancelled;
      break;
    case Status::kHeld:
      allowed = to == Status::kClosed;
      break;
    case Status::kClosed:
    case Status::kCancelled:
      break;
  }
  if (!allowed) return "talks.flow.not_allowed";
  return std::nullopt;
}

std::string_view ProposerName(Proposer p) { return p == Proposer::kKernteam ? "kernteam" : "municipality"; }
std::optional<Proposer> ParseProposer(std::string_view name) { return ParseName(kAllProposers, &ProposerName, name); }

std::string_view EntryKindName(EntryKind k) {
  switch (k) {
    case EntryKind::kCreated:
      return "created";
    case EntryKind::kPlanned:
      return "planned";
    case EntryKind::kMoved:
      return "moved";
    case EntryKind::kEdited:
      return "edited";
    case EntryKind::kAgenda:
      return "agenda";
    case EntryKind::kMinutes:
      return "minutes";
    case EntryKind::kAgreement:
      return "agreement";
    case EntryKind::kRemoved:
      return "removed";
    case EntryKind::kHeld:
      return "held";
    case EntryKind::kClosed:
      return "closed";
    case EntryKind::kCancelled:
      return "cancelled";
  }
  return "edited";
}

std::optional<EntryKind> ParseEntryKind(std::string_view name) { return ParseName(kAllKinds, &EntryKindName, name); }

CheckedRound CheckRoundForm(const RoundForm& form, int this_year) {
  CheckedRound out;
  auto year = ParseId(Trim(form.year));
  if (!year || *year < this_year - 2 || *year > this_year + 2) {
    out.errors.push_back({"year", kBadYear, {{"from", std::to_string(this_year - 2)}, {"to", std::to_string(this_year + 2)}}});
  } else {
    out.round.year = static_cast<int>(*year);
  }
  auto half = ParseHalf(Trim(form.half));
  if (!half) {
    out.errors.push_back({"half", kBadHalf});
  } else {
    out.round.half = *half;
  }
  out.round.borough = std::string(Trim(form.borough));
  return out;
}

CheckedSchedule CheckScheduleForm(const ScheduleForm& form, const Meeting& m, const RoundRules& rules,
                                  const time::TimeZone& zone) {
  CheckedSchedule out;
  auto date = time::ParseDateInput(form.date);
  auto clock = time::ParseTimeInput(form.time);
  if (!date) out.errors.push_back({"date", kBadDate});
  if (!clock) out.errors.push_back({"time", kBadTime});
  out.place = Required(form.place, "place", kMissingPlace, kMaxShortBytes, out.errors);
  std::string_view reason = Trim(form.reason);
  if (reason.size() > kMaxTextBytes || !IsValidUtf8(reason)) {
    out.errors.push_back({"reason", kTooLong, {{"max", static_cast<int64_t>(kMaxTextBytes)}}});
  }
  out.reason = std::string(reason);
  if (!date || !clock) return out;
  time::LocalDateTime local = *date;
  local.hour = clock->hour;
  local.minute = clock->minute;
  out.starts_at = zone.ToUtc(local);
  out.moved = IsUpcoming(m.status) && m.starts_at && *m.starts_at != out.starts_at;
  auto [start, end] = RoundWindow(rules, m.year, m.half, zone);
  if (reason.empty() && (out.starts_at < start || out.starts_at >= end)) {
    out.errors.push_back({"reason", kReasonOutside});
  } else if (reason.empty() && out.moved) {
    out.errors.push_back({"reason", kReasonMoved});
  }
  return out;
}

int64_t ProposalsCloseAt(int64_t starts_at, const RoundRules& rules, const time::TimeZone& zone) {
  time::LocalDateTime day = zone.ToLocal(starts_at);
  day.hour = day.minute = day.second = 0;
  return zone.StartOfDay(time::AddDays(day, -rules.agenda_close_days));
}

bool ProposalsOpen(const Meeting& m, const RoundRules& rules, const time::TimeZone& zone, int64_t now) {
  return IsUpcoming(m.status) && m.starts_at && now < ProposalsCloseAt(*m.starts_at, rules, zone);
}

std::string CheckAgendaText(std::string_view text, std::vector<FieldError>& errors) {
  return Required(text, "text", kMissingItem, kMaxTextBytes, errors);
}

std::string CheckMinutes(std::string_view text, bool required, std::vector<FieldError>& errors) {
  std::string_view v = Trim(text);
  if (v.empty()) {
    if (required) errors.push_back({"minutes", kMissingMinutes});
    return "";
  }
  return Required(v, "minutes", kMissingMinutes, kMaxMinutesBytes, errors);
}

std::string CheckReason(std::string_view text, std::vector<FieldError>& errors) {
  return Required(text, "reason", kMissingReason, kMaxTextBytes, errors);
}

CheckedAgreement CheckAgreementForm(const AgreementForm& form, const time::TimeZone& zone, int64_t now) {
  CheckedAgreement out;
  Agreement& a = out.agreement;
  a.text = Required(form.text, "text", kMissingAgreement, kMaxTextBytes, out.errors);
  a.department = Required(form.department, "department", kMissingDepartment, kMaxShortBytes, out.errors);
  a.person = Required(form.person, "person", kMissingPerson, kMaxShortBytes, out.errors);
  auto due = time::ParseDateInput(form.due);
  if (!due) {
    out.errors.push_back({"due", kBadDate});
  } else {
    a.due_at = time::EndOfDay(zone, *due);
    if (a.due_at <= now) out.errors.push_back({"due", kPastDate});
  }
  return out;
}

std::optional<std::string_view> CheckHeld(const Meeting& m, int64_t now) {
  if (!IsUpcoming(m.status)) return "talks.flow.not_allowed";
  if (!m.starts_at || *m.starts_at > now) return "talks.error.not_yet";
  return std::nullopt;
}

}  // namespace wp::talks
