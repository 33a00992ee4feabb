// TalkStore: all SQL of the rounds of talks (rounds, meetings, agenda items,
// agreements and the append-only history). Functions take the caller's
// connection so commands control transactions. Thread-safe (no state).
#pragma once

#include <optional>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/talks/talk.h"

namespace wp::talks {

class TalkStore {
 public:
  static Result<std::optional<Round>> FindRound(db::Connection& c, int year, Half half, const std::string& borough);
  static Result<std::optional<Round>> RoundById(db::Connection& c, int64_t id);
  static Result<int64_t> InsertRound(db::Connection& c, const Round& r);
  // Every round, the newest first.
  static Result<std::vector<Round>> Rounds(db::Connection& c);

  static Result<int64_t> InsertMeeting(db::Connection& c, const Meeting& m);
  static Result<std::optional<Meeting>> FindMeeting(db::Connection& c, int64_t id);
  // Saves status, starts_at, place, reason, minutes and updated_at.
  static Result<void> SaveMeeting(db::Connection& c, const Meeting& m);
  // True when platform `platform_id` has a meeting in `year`/`half`.
  static Result<bool> HasMeeting(db::Connection& c, int64_t platform_id, int year, Half half);
  // The meetings of a round (round_id > 0) or of every round, by platform.
  static Result<std::vector<Meeting>> Meetings(db::Connection& c, int64_t round_id);
  // The meetings of a platform, the newest round first.
  static Result<std::vector<Meeting>> OfPlatform(db::Connection& c, int64_t platform_id);

  // Inserts an item at the end of the agenda; returns its position.
  static Result<int> AppendItem(db::Connection& c, const AgendaItem& item);
  static Result<std::vector<AgendaItem>> Items(db::Connection& c, int64_t meeting_id);

  static Result<int64_t> InsertAgreement(db::Connection& c, const Agreement& a);
  static Result<std::vector<Agreement>> Agreements(db::Connection& c, int64_t meeting_id);
  // Removes a draft agreement (no promise yet) of the meeting; false when there is none.
  static Result<bool> RemoveDraftAgreement(db::Connection& c, int64_t meeting_id, int64_t agreement_id);
  static Result<void> SetPromise(db::Connection& c, int64_t agreement_id, int64_t promise_id);

  static Result<void> Append(db::Connection& c, int64_t meeting_id, const Entry& e);
  // The history of a meeting, oldest first (actor_name empty).
  static Result<std::vector<Entry>> History(db::Connection& c, int64_t meeting_id);

  static Result<int64_t> CountUpcoming(db::Connection& c);
};

}  // namespace wp::talks
