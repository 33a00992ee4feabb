// EventCommands: the use cases of events: create, edit, publish and cancel
// an event (kernteam), register and cancel a registration (anyone, also
// without an account through the link in the confirmation e-mail), and the
// iCalendar feeds. Every change runs in one transaction together with the
// e-mails it causes (outbox). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/random.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/events/event.h"
#include "features/events/event_store.h"
#include "features/events/registration_rules.h"
#include "features/platforms/directory.h"

namespace wp::events {

struct EventsSettings {
  std::string base_url = "http://127.0.0.1:8080";  // absolute links in e-mails and feeds
  std::string site_name = "Wijkplatform Haarlem";  // e-mail subjects
};

struct RegistrationOutcome {
  RegistrationState state = RegistrationState::kConfirmed;
};

// A registration found by the token of its cancel link.
struct TokenRegistration {
  Event event;
  StoredRegistration registration;
};

class EventCommands {
 public:
  EventCommands(db::Database& db, const Clock& clock, Random& random, const i18n::Catalog& catalog,
                const platforms::PlatformDirectory& directory, const time::TimeZone& zone, EventsSettings settings);

  const time::TimeZone& zone() const { return zone_; }
  const EventsSettings& settings() const { return settings_; }
  const platforms::PlatformDirectory& directory() const { return directory_; }
  int64_t Now() const { return clock_.NowUnixSeconds(); }

  // True when `user` may create and edit events of `p` (platforms kCreateEvent).
  static bool Manages(const std::optional<auth::User>& user, const platforms::Platform& p);

  // Creates a draft. Errors: kForbidden; kInvalidInput with the fields to
  // correct (CheckEventForm).
  Result<int64_t> Create(const auth::User& user, const platforms::Platform& p, const EventForm& form);
  // Edits a draft or published event; a capacity that grows confirms people
  // from the waiting list (they get an e-mail). Errors: kForbidden, kNotFound,
  // kConflict (cancelled), kInvalidInput with the fields to correct (also
  // "capacity" below the number already confirmed).
  Result<void> Update(const auth::User& user, const platforms::Platform& p, int64_t event_id, const EventForm& form);
  // Draft -> published. Errors: kForbidden (platforms kPublishEvent), kNotFound, kConflict.
  Result<void> Publish(const auth::User& user, const platforms::Platform& p, int64_t event_id);
  // -> cancelled; e-mails everyone with a live registration. Returns how many
  // were told. Errors as Publish.
  Result<int> Cancel(const auth::User& user, const platforms::Platform& p, int64_t event_id);

  Result<std::optional<Event>> Find(int64_t event_id) const;
  Result<std::vector<Event>> OfPlatform(int64_t platform_id, bool include_drafts) const;
  Result<std::vector<StoredRegistration>> Registrations(int64_t event_id) const;

  // Registers `who` (an account holder or a one-off participant with name
  // and e-mail); sends a confirmation with a cancel link. Errors:
  // kNotFound; kConflict events.registration.closed|full when registration
  // is not open (draft, cancelled, started) or the event is full;
  // kInvalidInput with field "name" (missing_name) or "email" (bad_email,
  // already: the person is registered).
  Result<RegistrationOutcome> Register(int64_t event_id, Participant who, const std::string& locale);
  // Cancels the live registration of `user`. The first waiting person moves up
  // and gets an e-mail. Errors: kNotFound (no live registration), kConflict (event over).
  Result<void> CancelRegistrationOf(int64_t event_id, int64_t user_id);
  // The registration of a cancel-link token, or nullopt.
  Result<std::optional<TokenRegistration>> FindByToken(const std::string& token) const;
  // Cancels the registration of a cancel-link token (no sign-in needed).
  // Errors: kNotFound for an unknown or already cancelled token; kConflict when the event is over.
  Result<void> CancelByToken(const std::string& token);

  // iCalendar of a platform's published and cancelled events.
  Result<std::string> PlatformCalendar(const platforms::Platform& p) const;
  // iCalendar of the events of every active platform in wijk `district_code`.
  Result<std::string> DistrictCalendar(const std::string& district_code, const std::string& district_name) const;

  std::string EventUrl(int64_t event_id) const {
    return settings_.base_url + "/activiteit/" + std::to_string(event_id);
  }
  // "dinsdag 3 december 2026, 19:30 - 21:30" in the locale.
  std::string FormatWhen(const Event& e, const std::string& locale) const;

 private:
  Result<Event> LoadForChange(db::Connection& c, const platforms::Platform& p, int64_t event_id);
  Result<void> ChangeRoster(db::Connection& c, const Event& e, const EventRoster& before, const EventRoster& after,
                            const std::vector<StoredRegistration>& stored);
  Result<void> Mail(db::Connection& c, const std::string& to, const std::string& locale, const std::string& subject_key,
                    const std::string& body_key, const Event& e, const std::string& extra_line);
  std::string CancelUrl(const std::string& token) const { return settings_.base_url + "/activiteit/afmelden/" + token; }
  std::vector<Registration> Promoted(const EventRoster& before, const EventRoster& after) const;
  std::string Host() const;
  Result<std::string> Calendar(const std::string& name, const std::vector<platforms::Platform>& platforms) const;

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const i18n::Catalog& catalog_;
  const platforms::PlatformDirectory& directory_;
  const time::TimeZone& zone_;
  EventsSettings settings_;
};

// The roster of `e` from its stored registrations (capacity, waiting list,
// registration closing at the start).
EventRoster RosterOf(const Event& e, const std::vector<StoredRegistration>& stored);

}  // namespace wp::events
