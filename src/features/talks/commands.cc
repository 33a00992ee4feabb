#include "features/talks/commands.h"

#include <map>
#include <set>

#include "core/mail/outbox.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "features/talks/search_entries.h"
#include "features/talks/talk_store.h"

namespace wp::talks {

namespace {

Error MeetingNotFound() { return NotFound("meeting", "talks.meeting.not_found"); }
Error NotPlanner() { return Forbidden("not a planner of these talks", "talks.error.forbidden"); }
Error NotAllowed() { return Conflict("status change not allowed", "talks.flow.not_allowed"); }

// "2026-09-15 19:30, Buurthuis": a date in the history, the same in every language.
std::string When(const time::TimeZone& zone, int64_t at, const std::string& place) {
  return time::DateInputValue(zone, at) + " " + time::TimeInputValue(zone, at) + ", " + place;
}

}  // namespace

TalkCommands::TalkCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
                           const platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                           const time::TimeZone& zone, const promises::PromiseCommands& promises,
                           TalksSettings settings, const search::Index* index)
    : db_(db),
      clock_(clock),
      catalog_(catalog),
      directory_(directory),
      roles_(roles),
      zone_(zone),
      promises_(promises),
      settings_(std::move(settings)),
      index_(index) {}

std::string TalkCommands::RoundName(const Round& r, std::string_view locale) const {
  return catalog_.Format(locale, "talks.half." + std::string(HalfName(r.half)), {{"year", std::to_string(r.year)}});
}

Result<std::vector<search::Entry>> TalkCommands::SearchEntriesOf(db::Connection& c, const Meeting& m) const {
  if (!IsPublished(m.status)) return std::vector<search::Entry>();
  WP_ASSIGN_OR_RETURN(auto agreements, TalkStore::Agreements(c, m.id));
  Round round;
  round.year = m.year;
  round.half = m.half;
  std::string title = catalog_.Format("nl", "talks.search.title", {{"round", RoundName(round, "nl")}});
  return MinutesEntries(m, agreements, title);
}

Result<void> TalkCommands::IndexMeeting(db::Connection& c, const Meeting& m) const {
  if (!index_) return Ok();
  WP_ASSIGN_OR_RETURN(auto entries, SearchEntriesOf(c, m));
  return index_->Replace(c, kMinutesSource, m.id, entries);
}

Result<TalkCommands::Loaded> TalkCommands::Load(db::Connection& c, int64_t meeting_id) const {
  WP_ASSIGN_OR_RETURN(auto found, TalkStore::FindMeeting(c, meeting_id));
  if (!found) return MeetingNotFound();
  WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(found->platform_id));
  if (!platform) return MeetingNotFound();
  return Loaded{std::move(*found), std::move(*platform)};
}

Result<TalkCommands::Loaded> TalkCommands::LoadForPlanner(db::Connection& c, const auth::User& user,
                                                          int64_t meeting_id) const {
  WP_ASSIGN_OR_RETURN(Loaded l, Load(c, meeting_id));
  if (!CanPlan(user, l.platform.borough_slug)) return NotPlanner();
  return l;
}

Result<void> TalkCommands::MailKernteam(db::Connection& c, const Loaded& l, const std::string& subject_key,
                                        const std::string& body_key, const std::string& reason) {
  const Meeting& m = l.meeting;
  auto args = [&](const std::string& locale) {
    i18n::Args a = {{"platform", l.platform.name},
                    {"place", m.place},
                    {"reason", reason},
                    {"url", settings_.base_url + "/gesprekken/" + std::to_string(m.id)}};
    if (m.starts_at) {
      a.push_back({"date", time::FormatWeekdayDate(zone_, *m.starts_at, locale)});
      a.push_back({"time", time::FormatTime(zone_, *m.starts_at)});
    }
    return a;
  };
  auto send = [&](const std::string& to, const std::string& locale) -> Result<void> {
    mail::OutgoingMail out;
    out.to = to;
    out.subject = settings_.site_name + ": " + catalog_.Format(locale, subject_key, args(locale));
    out.body_text = catalog_.Format(locale, body_key, args(locale)) + "\n";
    WP_TRY_VOID(mail::Enqueue(c, out, clock_.NowUnixSeconds()));
    return Ok();
  };
  WP_ASSIGN_OR_RETURN(auto kernteam,
                      roles_.Holders(c, auth::Role::kKernteamMember, platforms::PlatformScope(l.platform.id)));
  std::set<std::string> sent;
  for (const auto& person : kernteam) {
    if (sent.insert(ToLower(person.email)).second) WP_TRY_VOID(send(person.email, person.locale));
  }
  if (IsPlausibleEmail(l.platform.contact_email) && sent.insert(ToLower(l.platform.contact_email)).second) {
    WP_TRY_VOID(send(l.platform.contact_email, "nl"));
  }
  return Ok();
}

Result<PlannedRound> TalkCommands::PlanRound(const auth::User& user, const RoundForm& form) {
  int64_t now = clock_.NowUnixSeconds();
  CheckedRound checked = CheckRoundForm(form, zone_.ToLocal(now).year);
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
  Round r = checked.round;
  if (r.borough.empty() ? !CanPlanCity(user) : !CanPlan(user, r.borough)) return NotPlanner();
  WP_ASSIGN_OR_RETURN(auto active, directory_.Active());
  std::vector<platforms::Platform> platforms;
  for (auto& p : active) {
    bool in_scope = r.borough.empty() || p.borough_slug == r.borough;
    if (p.status == platforms::PlatformStatus::kRecognised && in_scope) platforms.push_back(std::move(p));
  }
  return db_.Write([&](db::Connection& c) -> Result<PlannedRound> {
    WP_ASSIGN_OR_RETURN(auto existing, TalkStore::FindRound(c, r.year, r.half, r.borough));
    PlannedRound out;
    if (existing) {
      out.round_id = existing->id;
    } else {
      r.created_by = user.id;
      r.created_at = now;
      WP_ASSIGN_OR_RETURN(out.round_id, TalkStore::InsertRound(c, r));
    }
    for (const auto& p : platforms) {
      WP_ASSIGN_OR_RETURN(bool has, TalkStore::HasMeeting(c, p.id, r.year, r.half));
      if (has) continue;
      Meeting m{0, out.round_id, p.id, r.year, r.half, Status::kToPlan, std::nullopt, "", "", "", now, now};
      WP_ASSIGN_OR_RETURN(int64_t id, TalkStore::InsertMeeting(c, m));
      WP_TRY_VOID(TalkStore::Append(c, id, {now, user.id, "", EntryKind::kCreated, ""}));
      ++out.meetings;
    }
    if (out.meetings == 0) return FormInvalid({{"half", "talks.error.nothing_new"}});
    return out;
  });
}

Result<void> TalkCommands::Schedule(const auth::User& user, int64_t meeting_id, const ScheduleForm& form) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Loaded l, LoadForPlanner(c, user, meeting_id));
    Meeting& m = l.meeting;
    if (m.status != Status::kToPlan && !IsUpcoming(m.status)) return NotAllowed();
    CheckedSchedule s = CheckScheduleForm(form, m, settings_.rules, zone_);
    if (!s.errors.empty()) return FormInvalid(std::move(s.errors));
    int64_t now = clock_.NowUnixSeconds();
    Entry e{now, user.id, "", EntryKind::kEdited, When(zone_, s.starts_at, s.place)};
    if (m.status == Status::kToPlan) {
      e.kind = EntryKind::kPlanned;
      m.status = Status::kPlanned;
    } else if (s.moved) {
      e.kind = EntryKind::kMoved;
      e.text = When(zone_, *m.starts_at, m.place) + " → " + e.text;
      m.status = Status::kMoved;
    }
    if (!s.reason.empty()) e.text += " — " + s.reason;
    m.starts_at = s.starts_at;
    m.place = s.place;
    if (!s.reason.empty() || e.kind != EntryKind::kEdited) m.reason = s.reason;
    m.updated_at = now;
    WP_TRY_VOID(TalkStore::SaveMeeting(c, m));
    WP_TRY_VOID(TalkStore::Append(c, m.id, e));
    if (e.kind == EntryKind::kPlanned) return MailKernteam(c, l, "talks.mail.planned_subject", "talks.mail.planned_body", "");
    if (e.kind == EntryKind::kMoved) return MailKernteam(c, l, "talks.mail.moved_subject", "talks.mail.moved_body", s.reason);
    return Ok();
  });
}

Result<void> TalkCommands::ProposeItem(const auth::User& user, int64_t meeting_id, const std::string& text) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Loaded l, Load(c, meeting_id));
    bool kernteam = IsKernteam(user, platforms::PlatformScope(l.platform.id));
    if (!kernteam && !CanPlan(user, l.platform.borough_slug)) {
      return Forbidden("not the kernteam or a planner", "talks.error.not_kernteam");
    }
    int64_t now = clock_.NowUnixSeconds();
    if (!ProposalsOpen(l.meeting, settings_.rules, zone_, now)) {
      return Conflict("proposing closed", "talks.error.agenda_closed");
    }
    std::vector<FieldError> errors;
    std::string item_text = CheckAgendaText(text, errors);
    if (!errors.empty()) return FormInvalid(std::move(errors));
    AgendaItem item{0, meeting_id, 0, kernteam ? Proposer::kKernteam : Proposer::kMunicipality, user.id, "", item_text,
                    now};
    WP_TRY_VOID(TalkStore::AppendItem(c, item));
    return TalkStore::Append(c, meeting_id, {now, user.id, "", EntryKind::kAgenda, item_text});
  });
}

Result<void> TalkCommands::SaveMinutes(const auth::User& user, int64_t meeting_id, const std::string& text) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Loaded l, LoadForPlanner(c, user, meeting_id));
    Meeting& m = l.meeting;
    if (!IsUpcoming(m.status) && m.status != Status::kHeld) return NotAllowed();
    std::vector<FieldError> errors;
    m.minutes = CheckMinutes(text, m.status == Status::kHeld, errors);
    if (!errors.empty()) return FormInvalid(std::move(errors));
    int64_t now = clock_.NowUnixSeconds();
    m.updated_at = now;
    WP_TRY_VOID(TalkStore::SaveMeeting(c, m));
    WP_TRY_VOID(IndexMeeting(c, m));
    return TalkStore::Append(c, m.id, {now, user.id, "", EntryKind::kMinutes, ""});
  });
}

Result<void> TalkCommands::AddAgreement(const auth::User& user, int64_t meeting_id, const AgreementForm& form) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Loaded l, LoadForPlanner(c, user, meeting_id));
    if (!IsUpcoming(l.meeting.status)) return NotAllowed();
    int64_t now = clock_.NowUnixSeconds();
    CheckedAgreement checked = CheckAgreementForm(form, zone_, now);
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    Agreement a = std::move(checked.agreement);
    a.meeting_id = meeting_id;
    a.created_at = now;
    WP_TRY_VOID(TalkStore::InsertAgreement(c, a));
    return TalkStore::Append(c, meeting_id, {now, user.id, "", EntryKind::kAgreement, a.text});
  });
}

Result<void> TalkCommands::RemoveAgreement(const auth::User& user, int64_t meeting_id, int64_t agreement_id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Loaded l, LoadForPlanner(c, user, meeting_id));
    if (!IsUpcoming(l.meeting.status)) return NotAllowed();
    WP_ASSIGN_OR_RETURN(auto agreements, TalkStore::Agreements(c, meeting_id));
    std::string text;
    for (const auto& a : agreements) {
      if (a.id == agreement_id) text = a.text;
    }
    WP_ASSIGN_OR_RETURN(bool removed, TalkStore::RemoveDraftAgreement(c, meeting_id, agreement_id));
    if (!removed) return NotFound("agreement", "talks.agreement.not_found");
    return TalkStore::Append(c, meeting_id, {clock_.NowUnixSeconds(), user.id, "", EntryKind::kRemoved, text});
  });
}

Result<void> TalkCommands::MakePromises(db::Connection& c, const auth::User& user, const Loaded& l) {
  const Meeting& m = l.meeting;
  WP_ASSIGN_OR_RETURN(auto round, TalkStore::RoundById(c, m.round_id));
  std::string note = round ? RoundName(*round, "nl") : "";
  if (m.starts_at) note += ", " + time::FormatDate(zone_, *m.starts_at, "nl");
  WP_ASSIGN_OR_RETURN(auto agreements, TalkStore::Agreements(c, m.id));
  for (const auto& a : agreements) {
    promises::PromiseForm form{a.text, "", "", a.department, a.person, time::DateInputValue(zone_, a.due_at - 1)};
    auto promise = promises_.CreateFromMeeting(c, user, l.platform, m.id, note, form);
    if (!promise.has_value()) {
      if (!promise.error().has_fields()) return promise.error();
      return Conflict("agreement " + std::to_string(a.id) + " refused by promises", "talks.error.agreement_past_due");
    }
    WP_TRY_VOID(TalkStore::SetPromise(c, a.id, *promise));
  }
  return Ok();
}

Result<void> TalkCommands::MarkHeld(const auth::User& user, int64_t meeting_id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Loaded l, LoadForPlanner(c, user, meeting_id));
    Meeting& m = l.meeting;
    int64_t now = clock_.NowUnixSeconds();
    if (auto problem = CheckHeld(m, now)) return Conflict("cannot be held", std::string(*problem));
    std::vector<FieldError> errors;
    CheckMinutes(m.minutes, true, errors);
    if (!errors.empty()) return FormInvalid(std::move(errors));
    m.status = Status::kHeld;
    m.updated_at = now;
    WP_TRY_VOID(TalkStore::SaveMeeting(c, m));
    WP_TRY_VOID(MakePromises(c, user, l));
    WP_TRY_VOID(IndexMeeting(c, m));
    return TalkStore::Append(c, m.id, {now, user.id, "", EntryKind::kHeld, ""});
  });
}

Result<void> TalkCommands::Cancel(const auth::User& user, int64_t meeting_id, const std::string& reason) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Loaded l, LoadForPlanner(c, user, meeting_id));
    Meeting& m = l.meeting;
    if (CheckTransition(m.status, Status::kCancelled)) return NotAllowed();
    std::vector<FieldError> errors;
    std::string why = CheckReason(reason, errors);
    if (!errors.empty()) return FormInvalid(std::move(errors));
    bool was_planned = IsUpcoming(m.status);
    int64_t now = clock_.NowUnixSeconds();
    m.status = Status::kCancelled;
    m.reason = why;
    m.updated_at = now;
    WP_TRY_VOID(TalkStore::SaveMeeting(c, m));
    WP_TRY_VOID(TalkStore::Append(c, m.id, {now, user.id, "", EntryKind::kCancelled, why}));
    if (!was_planned) return Ok();
    return MailKernteam(c, l, "talks.mail.cancelled_subject", "talks.mail.cancelled_body", why);
  });
}

Result<void> TalkCommands::Close(const auth::User& user, int64_t meeting_id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Loaded l, LoadForPlanner(c, user, meeting_id));
    Meeting& m = l.meeting;
    if (CheckTransition(m.status, Status::kClosed)) return NotAllowed();
    int64_t now = clock_.NowUnixSeconds();
    m.status = Status::kClosed;
    m.updated_at = now;
    WP_TRY_VOID(TalkStore::SaveMeeting(c, m));
    WP_TRY_VOID(IndexMeeting(c, m));
    return TalkStore::Append(c, m.id, {now, user.id, "", EntryKind::kClosed, ""});
  });
}

}  // namespace wp::talks
