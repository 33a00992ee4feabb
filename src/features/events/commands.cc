#include "features/events/commands.h"

#include "core/mail/outbox.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "features/accounts/address_check.h"
#include "features/events/ical.h"
#include "features/platforms/permissions.h"

namespace wp::events {

EventRoster RosterOf(const Event& e, const std::vector<StoredRegistration>& stored) {
  EventRoster roster;
  roster.capacity = e.capacity;
  roster.waiting_list = true;
  roster.closes_at_utc = e.starts_at_utc;
  for (const auto& s : stored) roster.registrations.push_back(s.registration);
  return roster;
}

namespace {

// The error of a registration the roster rules refused: a form field to
// correct, or a state that does not allow it.
Error ProblemError(RegistrationProblem p) {
  std::string key(RegistrationProblemKey(p));
  switch (p) {
    case RegistrationProblem::kMissingName:
      return FormInvalid({{"name", key}});
    case RegistrationProblem::kBadEmail:
    case RegistrationProblem::kAlreadyRegistered:
      return FormInvalid({{"email", key}});
    case RegistrationProblem::kBadCapacity:
      return FormInvalid({{"capacity", key}});
    case RegistrationProblem::kNotFound:
      return NotFound("no live registration", key);
    case RegistrationProblem::kClosed:
    case RegistrationProblem::kFull:
      return Conflict("registration not possible", key);
  }
  return Internal("unknown registration problem");
}

}  // namespace

EventCommands::EventCommands(db::Database& db, const Clock& clock, Random& random, const i18n::Catalog& catalog,
                             const platforms::PlatformDirectory& directory, const time::TimeZone& zone,
                             EventsSettings settings)
    : db_(db),
      clock_(clock),
      random_(random),
      catalog_(catalog),
      directory_(directory),
      zone_(zone),
      settings_(std::move(settings)) {}

bool EventCommands::Manages(const std::optional<auth::User>& user, const platforms::Platform& p) {
  return user && platforms::Can(*user, platforms::Action::kCreateEvent, p);
}

std::string EventCommands::Host() const {
  std::string_view u = settings_.base_url;
  size_t scheme = u.find("://");
  if (scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
  size_t end = u.find_first_of("/:");
  return std::string(u.substr(0, end));
}

std::string EventCommands::FormatWhen(const Event& e, const std::string& locale) const {
  time::LocalDateTime s = zone_.ToLocal(e.starts_at_utc), en = zone_.ToLocal(e.ends_at_utc);
  std::string out = time::FormatWeekdayDate(s, locale) + ", " + time::FormatTime(s) + " - ";
  if (s.year != en.year || s.month != en.month || s.day != en.day) out += time::FormatWeekdayDate(en, locale) + ", ";
  return out + time::FormatTime(en);
}

Result<void> EventCommands::Mail(db::Connection& c, const std::string& to, const std::string& locale,
                                 const std::string& subject_key, const std::string& body_key, const Event& e,
                                 const std::string& extra_line) {
  i18n::Args args = {{"event", e.title}, {"when", FormatWhen(e, locale)}, {"place", e.place}, {"url", EventUrl(e.id)}};
  mail::OutgoingMail m;
  m.to = to;
  m.subject = settings_.site_name + ": " + catalog_.Format(locale, subject_key, args);
  m.body_text = catalog_.Format(locale, body_key, args) + "\n";
  if (!extra_line.empty()) m.body_text += "\n" + extra_line + "\n";
  WP_TRY_VOID(mail::Enqueue(c, m, clock_.NowUnixSeconds()));
  return Ok();
}

Result<int64_t> EventCommands::Create(const auth::User& user, const platforms::Platform& p, const EventForm& form) {
  if (!platforms::Can(user, platforms::Action::kCreateEvent, p)) {
    return Forbidden("may not create events", "events.error.forbidden");
  }
  CheckedEvent checked = CheckEventForm(form, zone_);
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
  Event e = checked.event;
  e.platform_id = p.id;
  e.status = EventStatus::kDraft;
  e.created_at = e.updated_at = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) { return EventStore::Insert(c, e, user.id); });
}

Result<Event> EventCommands::LoadForChange(db::Connection& c, const platforms::Platform& p, int64_t event_id) {
  WP_ASSIGN_OR_RETURN(auto found, EventStore::Find(c, event_id));
  if (!found || found->platform_id != p.id) return NotFound("event", "events.not_found");
  return *found;
}

std::vector<Registration> EventCommands::Promoted(const EventRoster& before, const EventRoster& after) const {
  std::vector<Registration> out;
  for (size_t i = 0; i < after.registrations.size() && i < before.registrations.size(); ++i) {
    if (before.registrations[i].state == RegistrationState::kWaiting &&
        after.registrations[i].state == RegistrationState::kConfirmed) {
      out.push_back(after.registrations[i]);
    }
  }
  return out;
}

Result<void> EventCommands::ChangeRoster(db::Connection& c, const Event& e, const EventRoster& before,
                                         const EventRoster& after, const std::vector<StoredRegistration>& stored) {
  for (size_t i = 0; i < after.registrations.size() && i < before.registrations.size(); ++i) {
    if (!(after.registrations[i] == before.registrations[i])) {
      WP_TRY_VOID(EventStore::SaveState(c, e.id, after.registrations[i]));
    }
  }
  for (const auto& r : Promoted(before, after)) {
    std::string locale = "nl";
    for (const auto& s : stored) {
      if (s.registration.id == r.id) locale = s.locale;
    }
    WP_TRY_VOID(
        Mail(c, r.participant.email, locale, "events.mail.promoted_subject", "events.mail.promoted_body", e, ""));
  }
  return Ok();
}

Result<void> EventCommands::Update(const auth::User& user, const platforms::Platform& p, int64_t event_id,
                                   const EventForm& form) {
  if (!platforms::Can(user, platforms::Action::kCreateEvent, p)) {
    return Forbidden("may not edit events", "events.error.forbidden");
  }
  CheckedEvent checked = CheckEventForm(form, zone_);
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Event e, LoadForChange(c, p, event_id));
    if (!IsEditable(e)) return Conflict("event cancelled", "events.error.cancelled");
    WP_TRY_VOID(EventStore::LockRoster(c, e.id));
    WP_ASSIGN_OR_RETURN(auto stored, EventStore::Registrations(c, e.id));
    EventRoster before = RosterOf(e, stored);
    auto changed = SetCapacity(before, checked.event.capacity);
    if (!changed.has_value()) return ProblemError(changed.error());
    Event next = checked.event;
    next.id = e.id;
    next.platform_id = e.platform_id;
    next.status = e.status;
    next.created_at = e.created_at;
    next.sequence = e.status == EventStatus::kPublished ? e.sequence + 1 : e.sequence;
    next.updated_at = clock_.NowUnixSeconds();
    WP_TRY_VOID(EventStore::Update(c, next));
    return ChangeRoster(c, next, before, changed->roster, stored);
  });
}

Result<void> EventCommands::Publish(const auth::User& user, const platforms::Platform& p, int64_t event_id) {
  if (!platforms::Can(user, platforms::Action::kPublishEvent, p)) {
    return Forbidden("may not publish events", "events.error.forbidden");
  }
  // Members who chose e-mail about new activities hear of it, in the same
  // transaction as the publication (each with a link that stops these mails).
  WP_ASSIGN_OR_RETURN(auto recipients, directory_.Recipients(p.id, platforms::MailTopic::kEvents));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Event e, LoadForChange(c, p, event_id));
    if (!CanChangeStatus(e.status, EventStatus::kPublished)) return Conflict("not a draft", "events.error.not_draft");
    e.status = EventStatus::kPublished;
    e.updated_at = clock_.NowUnixSeconds();
    WP_TRY_VOID(EventStore::Update(c, e));
    for (const auto& r : recipients) {
      i18n::Args args = {{"event", e.title},
                         {"when", FormatWhen(e, r.locale)},
                         {"place", e.place},
                         {"url", EventUrl(e.id)},
                         {"platform", p.name}};
      std::string unsubscribe = settings_.base_url + r.unsubscribe_path;
      mail::OutgoingMail m;
      m.to = r.email;
      m.subject = settings_.site_name + ": " + catalog_.Format(r.locale, "events.mail.announce_subject", args);
      m.body_text = catalog_.Format(r.locale, "events.mail.announce_body", args) + "\n\n" +
                    catalog_.Format(r.locale, "events.mail.announce_unsubscribe", {{"url", unsubscribe}}) + "\n";
      m.list_unsubscribe_url = unsubscribe;
      m.list_unsubscribe_one_click = true;
      WP_TRY_VOID(mail::Enqueue(c, m, clock_.NowUnixSeconds()));
    }
    return Ok();
  });
}

Result<int> EventCommands::Cancel(const auth::User& user, const platforms::Platform& p, int64_t event_id) {
  if (!platforms::Can(user, platforms::Action::kPublishEvent, p)) {
    return Forbidden("may not cancel events", "events.error.forbidden");
  }
  return db_.Write([&](db::Connection& c) -> Result<int> {
    WP_ASSIGN_OR_RETURN(Event e, LoadForChange(c, p, event_id));
    if (!CanChangeStatus(e.status, EventStatus::kCancelled))
      return Conflict("already cancelled", "events.error.cancelled");
    bool was_published = e.status == EventStatus::kPublished;
    e.status = EventStatus::kCancelled;
    if (was_published) ++e.sequence;
    e.updated_at = clock_.NowUnixSeconds();
    WP_TRY_VOID(EventStore::LockRoster(c, e.id));
    WP_TRY_VOID(EventStore::Update(c, e));
    WP_ASSIGN_OR_RETURN(auto stored, EventStore::Registrations(c, e.id));
    int told = 0;
    for (const auto& s : stored) {
      if (s.registration.state == RegistrationState::kCancelled) continue;
      WP_TRY_VOID(Mail(c, s.registration.participant.email, s.locale, "events.mail.cancelled_subject",
                       "events.mail.cancelled_body", e, ""));
      ++told;
    }
    return told;
  });
}

Result<std::optional<Event>> EventCommands::Find(int64_t event_id) const {
  return db_.Read([&](db::Connection& c) { return EventStore::Find(c, event_id); });
}

Result<std::vector<Event>> EventCommands::OfPlatform(int64_t platform_id, bool include_drafts) const {
  return db_.Read([&](db::Connection& c) { return EventStore::OfPlatforms(c, {platform_id}, include_drafts); });
}

Result<std::vector<StoredRegistration>> EventCommands::Registrations(int64_t event_id) const {
  return db_.Read([&](db::Connection& c) { return EventStore::Registrations(c, event_id); });
}

Result<RegistrationOutcome> EventCommands::Register(int64_t event_id, Participant who, const std::string& locale) {
  std::string token = random_.Token(32);
  return db_.Write([&](db::Connection& c) -> Result<RegistrationOutcome> {
    WP_ASSIGN_OR_RETURN(auto found, EventStore::Find(c, event_id));
    if (!found || found->status == EventStatus::kDraft) return NotFound("event", "events.not_found");
    const Event& e = *found;
    int64_t now = clock_.NowUnixSeconds();
    if (!CanRegister(e, now)) return Conflict("registration not open", "events.registration.closed");
    WP_TRY_VOID(EventStore::LockRoster(c, e.id));
    WP_ASSIGN_OR_RETURN(auto stored, EventStore::Registrations(c, e.id));
    auto outcome = AddRegistration(RosterOf(e, stored), std::move(who), now);
    if (!outcome.has_value()) return ProblemError(outcome.error());
    const Registration& r = outcome->registration;
    WP_TRY_VOID(EventStore::InsertRegistration(c, e.id, r, locale, Sha256Hex(token)));
    if (!r.participant.user_id) {
      // A one-off participant's address is checked first; the confirmation
      // below waits in the outbox until then (core/mail/addresses.h).
      WP_ASSIGN_OR_RETURN([[maybe_unused]] bool asked,
                          accounts::QueueAddressCheck(c, random_, catalog_, {settings_.base_url, settings_.site_name},
                                                      r.participant.email, locale, now));
    }
    std::string cancel_line = catalog_.Format(locale, "events.mail.cancel_link") + "\n" + CancelUrl(token);
    if (r.state == RegistrationState::kConfirmed) {
      WP_TRY_VOID(Mail(c, r.participant.email, locale, "events.mail.confirmed_subject", "events.mail.confirmed_body", e,
                       cancel_line));
    } else {
      WP_TRY_VOID(Mail(c, r.participant.email, locale, "events.mail.waiting_subject", "events.mail.waiting_body", e,
                       cancel_line));
    }
    return RegistrationOutcome{r.state};
  });
}

Result<void> EventCommands::CancelRegistrationOf(int64_t event_id, int64_t user_id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto found, EventStore::Find(c, event_id));
    if (!found) return NotFound("event", "events.not_found");
    if (!CanCancelRegistration(*found, clock_.NowUnixSeconds())) {
      return Conflict("event over", "events.registration.cancel_closed");
    }
    WP_TRY_VOID(EventStore::LockRoster(c, event_id));
    WP_ASSIGN_OR_RETURN(auto stored, EventStore::Registrations(c, event_id));
    EventRoster before = RosterOf(*found, stored);
    const Registration* mine = FindLiveRegistration(before, Participant{user_id, "", ""});
    if (!mine) return NotFound("no live registration", "events.registration.not_found");
    auto outcome = CancelRegistration(before, mine->id, clock_.NowUnixSeconds());
    if (!outcome.has_value()) return ProblemError(outcome.error());
    return ChangeRoster(c, *found, before, outcome->roster, stored);
  });
}

Result<std::optional<TokenRegistration>> EventCommands::FindByToken(const std::string& token) const {
  if (token.size() < 20 || token.size() > 100) return std::optional<TokenRegistration>();
  return db_.Read([&](db::Connection& c) -> Result<std::optional<TokenRegistration>> {
    WP_ASSIGN_OR_RETURN(auto reg, EventStore::FindByTokenHash(c, Sha256Hex(token)));
    if (!reg) return std::optional<TokenRegistration>();
    WP_ASSIGN_OR_RETURN(auto e, EventStore::Find(c, reg->event_id));
    if (!e) return std::optional<TokenRegistration>();
    return std::optional<TokenRegistration>(TokenRegistration{*e, *reg});
  });
}

Result<void> EventCommands::CancelByToken(const std::string& token) {
  if (token.size() < 20 || token.size() > 100) return NotFound("token", "events.registration.bad_link");
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto reg, EventStore::FindByTokenHash(c, Sha256Hex(token)));
    if (!reg || reg->registration.state == RegistrationState::kCancelled) {
      return NotFound("token", "events.registration.bad_link");
    }
    WP_ASSIGN_OR_RETURN(auto found, EventStore::Find(c, reg->event_id));
    if (!found) return NotFound("event", "events.not_found");
    if (!CanCancelRegistration(*found, clock_.NowUnixSeconds())) {
      return Conflict("event over", "events.registration.cancel_closed");
    }
    WP_TRY_VOID(EventStore::LockRoster(c, found->id));
    WP_ASSIGN_OR_RETURN(auto stored, EventStore::Registrations(c, found->id));
    EventRoster before = RosterOf(*found, stored);
    auto outcome = CancelRegistration(before, reg->registration.id, clock_.NowUnixSeconds());
    if (!outcome.has_value()) return ProblemError(outcome.error());
    return ChangeRoster(c, *found, before, outcome->roster, stored);
  });
}

Result<std::string> EventCommands::Calendar(const std::string& name,
                                            const std::vector<platforms::Platform>& platforms) const {
  std::vector<int64_t> ids;
  for (const auto& p : platforms) ids.push_back(p.id);
  WP_ASSIGN_OR_RETURN(auto list, db_.Read([&](db::Connection& c) { return EventStore::OfPlatforms(c, ids, false); }));
  events::Calendar cal;
  cal.name = name;
  std::string host = Host();
  for (const auto& e : list) {
    CalendarEvent ce;
    ce.uid = EventUid(e.id, host);
    ce.starts_at_utc = e.starts_at_utc;
    ce.ends_at_utc = e.ends_at_utc;
    ce.created_at_utc = e.created_at;
    ce.modified_at_utc = e.updated_at;
    ce.sequence = e.sequence;
    ce.cancelled = e.status == EventStatus::kCancelled;
    ce.summary = e.title;
    ce.description = e.description;
    ce.location = e.place;
    ce.url = EventUrl(e.id);
    for (const auto& p : platforms) {
      if (p.id == e.platform_id) ce.category = p.name;
    }
    cal.events.push_back(std::move(ce));
  }
  return WriteCalendar(cal);
}

Result<std::string> EventCommands::PlatformCalendar(const platforms::Platform& p) const {
  return Calendar(catalog_.Format("nl", "events.feed.platform_name", {{"platform", p.name}}), {p});
}

Result<std::string> EventCommands::DistrictCalendar(const std::string& district_code,
                                                    const std::string& district_name) const {
  WP_ASSIGN_OR_RETURN(auto platforms, directory_.ActiveForDistrict(district_code));
  return Calendar(catalog_.Format("nl", "events.feed.district_name", {{"district", district_name}}), platforms);
}

}  // namespace wp::events
