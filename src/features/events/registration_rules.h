// Registration for a platform event (themabijeenkomst, spreekuur, walk) with
// an optional capacity and a waiting list. Pure functions over a value (the
// event's registrations), so the store can load, apply and save them inside
// one transaction. Thread-safe.
//
// Invariants (CheckRoster): at most `capacity` confirmed registrations; nobody
// waits while a place is free; a person (account, or e-mail address for
// one-off participants) has at most one live (confirmed or waiting)
// registration. Waiting people move up in order of registration: when a place
// frees up, the earliest waiting registration is confirmed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace wp::events {

enum class RegistrationState { kConfirmed, kWaiting, kCancelled };
std::string_view RegistrationStateName(RegistrationState s);  // "confirmed", "waiting", "cancelled"
std::optional<RegistrationState> ParseRegistrationState(std::string_view name);

// Who registers: a user with an account, or a one-off participant (Haarlem
// welcomes help "eenmalig") known only by name and e-mail, who need not be a member.
struct Participant {
  std::optional<int64_t> user_id;  // nullopt: one-off participant
  std::string name;
  std::string email;  // stored trimmed and lower case
  bool operator==(const Participant&) const = default;
};

struct Registration {
  int64_t id = 0;  // unique within the event, assigned by Register (1, 2, ...)
  Participant participant;
  RegistrationState state = RegistrationState::kConfirmed;
  int64_t registered_at = 0;  // unix seconds, UTC
  int64_t cancelled_at = 0;   // 0 unless cancelled
  bool operator==(const Registration&) const = default;
};

struct EventRoster {
  std::optional<int> capacity;              // nullopt: unlimited
  bool waiting_list = true;                 // false: a full event refuses further registrations
  std::optional<int64_t> closes_at_utc;     // registration (not cancellation) closes then; nullopt: never
  std::vector<Registration> registrations;  // in registration order, cancelled ones kept
};

enum class RegistrationProblem {
  kClosed,             // now_utc >= closes_at_utc
  kMissingName,        // a one-off participant without a name
  kBadEmail,           // a one-off participant without a plausible e-mail address
  kAlreadyRegistered,  // the person has a live registration
  kFull,               // no place and no waiting list
  kNotFound,           // no live registration with that id
  kBadCapacity,        // capacity below 0 or below the number already confirmed
};
std::string_view RegistrationProblemKey(RegistrationProblem p);  // "events.registration.full", ...

struct RegisterOutcome {
  EventRoster roster;
  Registration registration;  // the new one: kConfirmed or kWaiting
};
// Registers `who` at `now_utc`: confirmed while places are free, else on the
// waiting list. Returns the first problem in enum order.
Expected<RegisterOutcome, RegistrationProblem> AddRegistration(EventRoster roster, Participant who, int64_t now_utc);

struct CancelOutcome {
  EventRoster roster;
  std::optional<Registration> promoted;  // the waiting registration that got the place, if any
};
// Cancels live registration `registration_id`; when it held a place, the first
// waiting registration is confirmed (and returned so it can be told).
// Cancelling stays possible after registration closed.
Expected<CancelOutcome, RegistrationProblem> CancelRegistration(EventRoster roster, int64_t registration_id,
                                                                int64_t now_utc);

struct CapacityOutcome {
  EventRoster roster;
  std::vector<Registration> promoted;  // confirmed from the waiting list, in order
};
// Changes the capacity; a larger one confirms waiting people in order. It may
// not drop below the number already confirmed (nobody loses a place).
Expected<CapacityOutcome, RegistrationProblem> SetCapacity(EventRoster roster, std::optional<int> capacity);

// The live registration of `who`, or nullptr; points into `roster`. Two
// participants are the same person when both have accounts with the same user
// id, or when one of them is a one-off participant and their e-mail addresses
// are equal ignoring case and surrounding spaces.
const Registration* FindLiveRegistration(const EventRoster& roster, const Participant& who);
int ConfirmedCount(const EventRoster& roster);
int WaitingCount(const EventRoster& roster);
// True when the invariants above hold (for tests and for data read back from storage).
bool CheckRoster(const EventRoster& roster);

}  // namespace wp::events
