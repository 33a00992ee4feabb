// EventStore: SQL for events and registrations. Functions take the caller's
// connection so commands control transactions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/events/event.h"
#include "features/events/registration_rules.h"

namespace wp::events {

struct StoredRegistration {
  int64_t event_id = 0;
  Registration registration;
  std::string locale;
};

class EventStore {
 public:
  static Result<int64_t> Insert(db::Connection& c, const Event& e, int64_t created_by);
  // Saves every field but id, platform and created_at.
  static Result<void> Update(db::Connection& c, const Event& e);
  static Result<std::optional<Event>> Find(db::Connection& c, int64_t id);
  // Events of the platforms, by start time. `include_drafts` false: published and cancelled only.
  static Result<std::vector<Event>> OfPlatforms(db::Connection& c, const std::vector<int64_t>& platform_ids,
                                                bool include_drafts);
  // Takes the event's row lock (PostgreSQL) before a roster change.
  static Result<void> LockRoster(db::Connection& c, int64_t event_id);
  // All registrations (cancelled ones too) in registration order, with their locales.
  static Result<std::vector<StoredRegistration>> Registrations(db::Connection& c, int64_t event_id);
  static Result<void> InsertRegistration(db::Connection& c, int64_t event_id, const Registration& r,
                                         const std::string& locale, const std::string& token_hash);
  static Result<void> SaveState(db::Connection& c, int64_t event_id, const Registration& r);
  static Result<std::optional<StoredRegistration>> FindByTokenHash(db::Connection& c, const std::string& token_hash);
  static Result<int64_t> CountPublished(db::Connection& c);
};

}  // namespace wp::events
