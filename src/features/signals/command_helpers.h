// Small helpers shared by the .cc files of SignalCommands (not a public
// interface of the feature). Pure.
#pragma once

#include <optional>
#include <string>

#include "core/auth/user.h"
#include "core/error.h"
#include "core/strings.h"
#include "features/signals/signal.h"
#include "features/signals/signal_store.h"

namespace wp::signals::internal {

inline std::string TrimmedText(const std::string& s) { return std::string(Trim(s)); }

// `e` with one field error.
inline Error WithField(Error e, const std::string& field, const std::string& key) {
  e.fields = {{field, key}};
  return e;
}

// A staff or reporter text (note, message, reason): required or not, at most
// kMaxStaffTextChars characters.
inline std::optional<FieldError> CheckStaffText(const std::string& field, const std::string& text, bool required) {
  if (required && text.empty()) return FieldError{field, kMissing};
  if (CountChars(text) > kMaxStaffTextChars) {
    return FieldError{field, kTooLong, {{"max", static_cast<int64_t>(kMaxStaffTextChars)}}};
  }
  return std::nullopt;
}

// A history event of `s` at `now`; `actor` may be null (the system, or the reporter).
inline Event MakeEvent(const Signal& s, int64_t now, std::string kind, const auth::User* actor) {
  Event e;
  e.signal_id = s.id;
  e.at = now;
  e.kind = std::move(kind);
  if (actor && actor->id != 0) e.actor_user_id = actor->id;
  if (actor) e.actor_name = actor->display_name;
  return e;
}

}  // namespace wp::signals::internal
