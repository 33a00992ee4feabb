#include "features/events/registration_rules.h"

#include <algorithm>

#include "core/strings.h"

namespace wp::events {
namespace {

bool IsLive(const Registration& r) { return r.state != RegistrationState::kCancelled; }

bool SamePerson(const Participant& a, const Participant& b) {
  if (a.user_id && b.user_id) return *a.user_id == *b.user_id;
  std::string_view ea = Trim(a.email);
  std::string_view eb = Trim(b.email);
  return !ea.empty() && EqualsIgnoreCase(ea, eb);
}

bool HasFreePlace(const EventRoster& roster) { return !roster.capacity || ConfirmedCount(roster) < *roster.capacity; }

// Confirms waiting registrations in order while places are free; returns them.
std::vector<Registration> PromoteWaiting(EventRoster& roster) {
  std::vector<Registration> promoted;
  for (auto& r : roster.registrations) {
    if (!HasFreePlace(roster)) break;
    if (r.state == RegistrationState::kWaiting) {
      r.state = RegistrationState::kConfirmed;
      promoted.push_back(r);
    }
  }
  return promoted;
}

}  // namespace

std::string_view RegistrationStateName(RegistrationState s) {
  switch (s) {
    case RegistrationState::kConfirmed:
      return "confirmed";
    case RegistrationState::kWaiting:
      return "waiting";
    case RegistrationState::kCancelled:
      return "cancelled";
  }
  return "confirmed";
}

std::optional<RegistrationState> ParseRegistrationState(std::string_view name) {
  for (auto s : {RegistrationState::kConfirmed, RegistrationState::kWaiting, RegistrationState::kCancelled}) {
    if (RegistrationStateName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view RegistrationProblemKey(RegistrationProblem p) {
  switch (p) {
    case RegistrationProblem::kClosed:
      return "events.registration.closed";
    case RegistrationProblem::kMissingName:
      return "events.registration.missing_name";
    case RegistrationProblem::kBadEmail:
      return "events.registration.bad_email";
    case RegistrationProblem::kAlreadyRegistered:
      return "events.registration.already";
    case RegistrationProblem::kFull:
      return "events.registration.full";
    case RegistrationProblem::kNotFound:
      return "events.registration.not_found";
    case RegistrationProblem::kBadCapacity:
      return "events.field.capacity_below";
  }
  return "events.registration.not_found";
}

int ConfirmedCount(const EventRoster& roster) {
  return static_cast<int>(
      std::count_if(roster.registrations.begin(), roster.registrations.end(),
                    [](const Registration& r) { return r.state == RegistrationState::kConfirmed; }));
}

int WaitingCount(const EventRoster& roster) {
  return static_cast<int>(std::count_if(roster.registrations.begin(), roster.registrations.end(),
                                        [](const Registration& r) { return r.state == RegistrationState::kWaiting; }));
}

const Registration* FindLiveRegistration(const EventRoster& roster, const Participant& who) {
  for (const auto& r : roster.registrations) {
    if (IsLive(r) && SamePerson(r.participant, who)) return &r;
  }
  return nullptr;
}

bool CheckRoster(const EventRoster& roster) {
  if (roster.capacity && (*roster.capacity < 0 || ConfirmedCount(roster) > *roster.capacity)) return false;
  if (WaitingCount(roster) > 0 && HasFreePlace(roster)) return false;
  for (size_t i = 0; i < roster.registrations.size(); ++i) {
    const auto& a = roster.registrations[i];
    for (size_t j = i + 1; j < roster.registrations.size(); ++j) {
      const auto& b = roster.registrations[j];
      if (a.id == b.id) return false;
      if (IsLive(a) && IsLive(b) && SamePerson(a.participant, b.participant)) return false;
    }
  }
  return true;
}

Expected<RegisterOutcome, RegistrationProblem> AddRegistration(EventRoster roster, Participant who, int64_t now_utc) {
  if (roster.closes_at_utc && now_utc >= *roster.closes_at_utc) return RegistrationProblem::kClosed;
  who.name = std::string(Trim(who.name));
  who.email = ToLower(Trim(who.email));
  if (!who.user_id) {
    if (who.name.empty()) return RegistrationProblem::kMissingName;
    if (!IsPlausibleEmail(who.email)) return RegistrationProblem::kBadEmail;
  }
  if (FindLiveRegistration(roster, who) != nullptr) return RegistrationProblem::kAlreadyRegistered;
  RegistrationState state = RegistrationState::kConfirmed;
  if (!HasFreePlace(roster)) {
    if (!roster.waiting_list) return RegistrationProblem::kFull;
    state = RegistrationState::kWaiting;
  }
  int64_t next_id = 1;
  for (const auto& r : roster.registrations) next_id = std::max(next_id, r.id + 1);
  Registration registration{next_id, std::move(who), state, now_utc, 0};
  roster.registrations.push_back(registration);
  return RegisterOutcome{std::move(roster), std::move(registration)};
}

Expected<CancelOutcome, RegistrationProblem> CancelRegistration(EventRoster roster, int64_t registration_id,
                                                                int64_t now_utc) {
  auto it = std::find_if(roster.registrations.begin(), roster.registrations.end(),
                         [&](const Registration& r) { return r.id == registration_id && IsLive(r); });
  if (it == roster.registrations.end()) return RegistrationProblem::kNotFound;
  it->state = RegistrationState::kCancelled;
  it->cancelled_at = now_utc;
  std::vector<Registration> promoted = PromoteWaiting(roster);
  CancelOutcome out{std::move(roster), std::nullopt};
  if (!promoted.empty()) out.promoted = promoted.front();
  return out;
}

Expected<CapacityOutcome, RegistrationProblem> SetCapacity(EventRoster roster, std::optional<int> capacity) {
  if (capacity && (*capacity < 0 || *capacity < ConfirmedCount(roster))) return RegistrationProblem::kBadCapacity;
  roster.capacity = capacity;
  std::vector<Registration> promoted = PromoteWaiting(roster);
  return CapacityOutcome{std::move(roster), std::move(promoted)};
}

}  // namespace wp::events
