#include <algorithm>

#include "core/auth/tokens.h"
#include "core/mail/outbox.h"
#include "core/time/format.h"
#include "features/signals/command_helpers.h"
#include "features/signals/commands.h"
#include "features/signals/deadlines.h"

// The staff side of SignalCommands: status changes, notes, messages to the
// reporter, assignment, merging and forwarding, and the mails they cause.

namespace wp::signals {

namespace {

// The mail about a change to `to` (MailsReporter(to) is true).
MailKeys StatusMailKeys(SignalStatus to) {
  switch (to) {
    case SignalStatus::kInProgress:
      return {"signals.mail.status.in_progress.subject", "signals.mail.status.in_progress.body"};
    case SignalStatus::kScheduled:
      return {"signals.mail.status.scheduled.subject", "signals.mail.status.scheduled.body"};
    case SignalStatus::kDone:
      return {"signals.mail.status.done.subject", "signals.mail.status.done.body"};
    case SignalStatus::kForwarded:
      return {"signals.mail.status.forwarded.subject", "signals.mail.status.forwarded.body"};
    case SignalStatus::kCancelled:
      return {"signals.mail.status.cancelled.subject", "signals.mail.status.cancelled.body"};
    case SignalStatus::kReopened:
    case SignalStatus::kReported:
    case SignalStatus::kMerged:
      break;
  }
  return {"signals.mail.status.reopened.subject", "signals.mail.status.reopened.body"};
}

}  // namespace

using internal::CheckStaffText;
using internal::MakeEvent;
using internal::TrimmedText;

// --- staff

Result<Signal> SignalCommands::LoadForStaff(db::Connection& c, const auth::User& actor, int64_t id) const {
  WP_ASSIGN_OR_RETURN(auto s, SignalStore::FindSignal(c, id));
  if (!s) return NotFound("no such signal", "signals.staff.unknown");
  if (!CanHandle(actor, s->department_slug, s->borough_slug)) return Forbidden("not this handler's signal");
  return *s;
}

Result<int> SignalCommands::UpdateIntervalOf(db::Connection& c, int64_t category_id) const {
  WP_ASSIGN_OR_RETURN(auto category, SignalStore::FindCategory(c, category_id));
  return category ? category->update_interval_days : 7;
}

std::string SignalCommands::FollowLink(const std::string& token) const {
  return settings_.base_url + "/meldingen/volg/" + token;
}

std::string SignalCommands::CategoryName(db::Connection& c, int64_t category_id, const std::string& locale) const {
  auto category = SignalStore::FindCategory(c, category_id);
  if (!category.has_value() || !*category) return "";
  return (*category)->NameIn(locale);
}

Result<void> SignalCommands::MailReporters(db::Connection& c, const Signal& s, const MailKeys& keys, i18n::Args extra,
                                           int64_t now, const DayEnds& day_ends) const {
  WP_ASSIGN_OR_RETURN(auto reporters, SignalStore::ReportersOf(c, s.id));
  for (const auto& rep : reporters) {
    // Only verified addresses get anything besides the verification question.
    if (rep.email.empty() || !rep.verified) continue;
    // Only hashes are stored, so every mail carries a new follow-up link.
    std::string token = auth::NewToken(random_);
    WP_TRY_VOID(SignalStore::InsertLink(c, auth::TokenHash(token), rep.id, "follow", now));
    i18n::Args args = extra;
    args.push_back({"number", SignalNumber(s.id)});
    args.push_back({"own_number", SignalNumber(rep.original_signal_id)});
    args.push_back({"category", CategoryName(c, s.category_id, rep.locale)});
    args.push_back({"site", settings_.site_name});
    args.push_back({"link", FollowLink(token)});
    // Dates in the reporter's language: the day that ends at each moment.
    for (const auto& [name, end] : day_ends) args.push_back({name, time::FormatPeriodEnd(zone_, end, rep.locale)});
    mail::OutgoingMail m;
    m.to = rep.email;
    m.subject = catalog_.Format(rep.locale, keys.subject, args);
    m.body_text = catalog_.Format(rep.locale, keys.body, args) + "\n\n" +
                  catalog_.Format(rep.locale, "signals.mail.footer", args);
    WP_TRY_VOID(mail::Enqueue(c, m, now));
  }
  return Ok();
}

void SignalCommands::ToldReporter(db::Connection& c, Signal& s, int64_t now) const {
  s.last_reporter_message_at = now;
  if (!IsOpen(s.status)) {
    s.next_update_at.reset();
    return;
  }
  auto interval = UpdateIntervalOf(c, s.category_id);
  s.next_update_at = NextUpdateAt(zone_, now, interval.has_value() ? *interval : 7);
}

Result<void> SignalCommands::ChangeStatus(const auth::User& actor, int64_t id, const StatusChange& change) {
  std::string text = TrimmedText(change.text);
  std::vector<FieldError> errors;
  if (change.to == SignalStatus::kForwarded) errors.push_back({"status", "signals.flow.use_forward"});
  if (auto problem = CheckStaffText("text", text, NeedsReporterText(change.to))) errors.push_back(*problem);
  std::optional<time::LocalDateTime> planned;
  if (NeedsPlannedDate(change.to)) {
    planned = time::ParseDateInput(change.planned_day);
    if (!planned) errors.push_back({"planned_day", "signals.error.bad_date"});
  }
  int64_t now = clock_.NowUnixSeconds();
  if (planned && zone_.StartOfDay(*planned) < zone_.StartOfDay(zone_.ToLocal(now))) {
    errors.push_back({"planned_day", "signals.error.date_past"});
  }
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Signal s, LoadForStaff(c, actor, id));
    if (auto problem = CheckTransition(s.status, change.to, Actor::kStaff)) {
      errors.insert(errors.begin(), {"status", std::string(FlowProblemKey(*problem))});
    }
    if (!errors.empty()) return FormInvalid(errors, "status change refused");
    WP_ASSIGN_OR_RETURN(auto category, SignalStore::FindCategory(c, s.category_id));
    SignalStatus from = s.status;
    s.status = change.to;
    s.updated_at = now;
    s.needs_attention = false;
    if (!IsOpen(change.to)) {
      s.closed_at = now;
    } else if (!IsOpen(from)) {
      s.closed_at.reset();
      s.deadline_at = DeadlineAt(zone_, now, category ? category->handling_days : 5);
    }
    s.planned_for = planned ? std::optional<int64_t>(zone_.StartOfDay(*planned)) : std::nullopt;
    Event e = MakeEvent(s, now, "status", &actor);
    e.status = change.to;
    e.text = text;
    e.is_public = true;
    WP_TRY_VOID(SignalStore::InsertEvent(c, e));
    if (MailsReporter(change.to)) {
      DayEnds days;
      if (s.planned_for) days.push_back({"planned_at", zone_.StartOfDay(time::AddDays(*planned, 1))});
      WP_TRY_VOID(MailReporters(c, s, StatusMailKeys(change.to), {{"text", text}}, now, days));
      ToldReporter(c, s, now);
    } else if (!IsOpen(s.status)) {
      s.next_update_at.reset();
    }
    WP_TRY_VOID(SignalStore::UpdateSignal(c, s));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> SignalCommands::AddNote(const auth::User& actor, int64_t id, const std::string& raw) {
  std::string text = TrimmedText(raw);
  if (auto problem = CheckStaffText("note", text, true)) return FormInvalid({*problem});
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Signal s, LoadForStaff(c, actor, id));
    Event e = MakeEvent(s, now, "note", &actor);
    e.text = text;
    WP_TRY_VOID(SignalStore::InsertEvent(c, e));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> SignalCommands::MessageReporter(const auth::User& actor, int64_t id, const std::string& raw) {
  std::string text = TrimmedText(raw);
  if (auto problem = CheckStaffText("message", text, true)) return FormInvalid({*problem});
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Signal s, LoadForStaff(c, actor, id));
    Event e = MakeEvent(s, now, "message", &actor);
    e.text = text;
    e.is_public = true;
    WP_TRY_VOID(SignalStore::InsertEvent(c, e));
    WP_TRY_VOID(
        MailReporters(c, s, {"signals.mail.message.subject", "signals.mail.message.body"}, {{"text", text}}, now));
    s.updated_at = now;
    s.needs_attention = false;
    ToldReporter(c, s, now);
    WP_TRY_VOID(SignalStore::UpdateSignal(c, s));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> SignalCommands::Assign(const auth::User& actor, int64_t id, std::optional<int64_t> user_id,
                                    const std::string& name) {
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Signal s, LoadForStaff(c, actor, id));
    s.assigned_user_id = user_id;
    s.assigned_name = user_id ? name : "";
    s.updated_at = now;
    Event e = MakeEvent(s, now, "assign", &actor);
    e.text = s.assigned_name;
    WP_TRY_VOID(SignalStore::InsertEvent(c, e));
    WP_TRY_VOID(SignalStore::UpdateSignal(c, s));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> SignalCommands::Merge(const auth::User& actor, int64_t duplicate_id, int64_t into_id) {
  if (duplicate_id == into_id) return FormInvalid({{"into", "signals.merge.same"}});
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Signal dup, LoadForStaff(c, actor, duplicate_id));
    WP_ASSIGN_OR_RETURN(auto into, SignalStore::FindSignal(c, into_id));
    if (!into) return FormInvalid({{"into", "signals.merge.unknown"}});
    if (!CanHandle(actor, into->department_slug, into->borough_slug)) return Forbidden("not this handler's signal");
    if (!IsOpen(dup.status) || !IsOpen(into->status)) return FormInvalid({{"into", "signals.merge.closed"}});
    dup.status = SignalStatus::kMerged;
    dup.merged_into = into->id;
    dup.closed_at = now;
    dup.updated_at = now;
    dup.needs_attention = false;
    dup.next_update_at.reset();
    Event on_dup = MakeEvent(dup, now, "merge", &actor);
    on_dup.status = SignalStatus::kMerged;
    on_dup.text = SignalNumber(into->id);
    on_dup.is_public = true;
    WP_TRY_VOID(SignalStore::InsertEvent(c, on_dup));
    Event on_into = MakeEvent(*into, now, "merge", &actor);
    on_into.text = SignalNumber(dup.id);
    WP_TRY_VOID(SignalStore::InsertEvent(c, on_into));
    // The duplicate's reporters hear of the merge, then follow the other signal.
    WP_TRY_VOID(MailReporters(c, dup, {"signals.mail.merged.subject", "signals.mail.merged.body"},
                              {{"other", SignalNumber(into->id)}}, now));
    WP_TRY_VOID(SignalStore::MoveReporters(c, dup.id, into->id));
    dup.last_reporter_message_at = now;
    WP_TRY_VOID(SignalStore::UpdateSignal(c, dup));
    into->updated_at = now;
    WP_TRY_VOID(SignalStore::UpdateSignal(c, *into));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> SignalCommands::Forward(const auth::User& actor, int64_t id, const std::string& department,
                                     const std::string& raw_reason) {
  std::string reason = TrimmedText(raw_reason);
  std::vector<FieldError> errors;
  if (auto problem = CheckStaffText("reason", reason, true)) errors.push_back(*problem);
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Signal s, LoadForStaff(c, actor, id));
    WP_ASSIGN_OR_RETURN(auto departments, SignalStore::Departments(c));
    auto target =
        std::find_if(departments.begin(), departments.end(), [&](const Department& d) { return d.slug == department; });
    if (target == departments.end())
      errors.insert(errors.begin(), {"department", "signals.forward.unknown"});
    else if (target->slug == s.department_slug)
      errors.insert(errors.begin(), {"department", "signals.forward.same"});
    if (!IsOpen(s.status)) errors.insert(errors.begin(), {"department", "signals.forward.closed"});
    if (!errors.empty()) return FormInvalid(errors, "forward refused");
    Event e = MakeEvent(s, now, "forward", &actor);
    s.updated_at = now;
    if (target->external) {
      s.status = SignalStatus::kForwarded;
      s.forwarded_to = target->name;
      s.closed_at = now;
      s.needs_attention = false;
      e.status = SignalStatus::kForwarded;
      e.text = target->name + ": " + reason;
      e.is_public = true;
      WP_TRY_VOID(SignalStore::InsertEvent(c, e));
      WP_TRY_VOID(MailReporters(c, s, {"signals.mail.forwarded.subject", "signals.mail.forwarded.body"},
                                {{"party", target->name}, {"text", reason}}, now));
      ToldReporter(c, s, now);
    } else {
      // Inside the municipality: the other department takes it over; the
      // reporter's signal simply stays open.
      e.text = target->name + ": " + reason;
      s.department_slug = target->slug;
      s.assigned_user_id.reset();
      s.assigned_name.clear();
      s.needs_attention = true;
      WP_TRY_VOID(SignalStore::InsertEvent(c, e));
    }
    WP_TRY_VOID(SignalStore::UpdateSignal(c, s));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

}  // namespace wp::signals
