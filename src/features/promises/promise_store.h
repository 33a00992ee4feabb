// PromiseStore: all SQL of the promises log (promises and their append-only
// history). Functions take the caller's connection so commands control
// transactions. Thread-safe (no state).
#pragma once

#include <optional>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/promises/promise.h"

namespace wp::promises {

class PromiseStore {
 public:
  // Inserts a promise; returns its id.
  static Result<int64_t> Insert(db::Connection& c, const Promise& p);
  // Saves owner, status, status_reason and updated_at.
  static Result<void> SaveState(db::Connection& c, const Promise& p);
  static Result<std::optional<Promise>> Find(db::Connection& c, int64_t id);
  // The promises of a platform (platform_id > 0) or of every platform, the earliest due first.
  static Result<std::vector<Promise>> OfPlatform(db::Connection& c, int64_t platform_id);
  // Open promises due at or before `now` (late), the earliest due first.
  static Result<std::vector<Promise>> Late(db::Connection& c, int64_t now);
  // Promises made from point `point` of advice `advice_id`.
  static Result<std::vector<Promise>> FromAnswer(db::Connection& c, int64_t advice_id, int point);

  static Result<void> Append(db::Connection& c, int64_t promise_id, const Entry& e);
  // The history of a promise, oldest first (actor_name empty).
  static Result<std::vector<Entry>> History(db::Connection& c, int64_t promise_id);

  static Result<int64_t> CountOpen(db::Connection& c);
};

}  // namespace wp::promises
