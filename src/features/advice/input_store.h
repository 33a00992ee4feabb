// InputStore: the SQL of what goes with an advice thread besides its points:
// attachments, input rounds with their reactions, the werkgroep, and the
// claims of reminders. Functions take the caller's connection so commands
// control transactions. Thread-safe (no state).
#pragma once

#include <optional>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/advice/advice_store.h"
#include "features/advice/input.h"

namespace wp::advice {

class InputStore {
 public:
  static Result<int64_t> InsertAttachment(db::Connection& c, const Attachment& a);
  static Result<std::optional<Attachment>> FindAttachment(db::Connection& c, int64_t id);
  // The attachments of a request or an advice, in upload order.
  static Result<std::vector<Attachment>> Attachments(db::Connection& c, const HistoryOf& of);

  static Result<int64_t> InsertRound(db::Connection& c, const InputRound& r);
  static Result<std::optional<InputRound>> FindRound(db::Connection& c, int64_t id);
  // The rounds of `platform_id` about a request or an advice, oldest first.
  static Result<std::vector<InputRound>> Rounds(db::Connection& c, int64_t platform_id, const HistoryOf& of);
  // The rounds of `platform_id` still open at `now`, closing soonest first.
  static Result<std::vector<InputRound>> OpenRounds(db::Connection& c, int64_t platform_id, int64_t now);
  static Result<int64_t> InsertReaction(db::Connection& c, const Reaction& r);
  // The reactions of a round, oldest first (author_name empty).
  static Result<std::vector<Reaction>> Reactions(db::Connection& c, int64_t round_id);

  // Adds a drafter; false when the person was one already.
  static Result<bool> AddDrafter(db::Connection& c, int64_t advice_id, int64_t user_id, int64_t now);
  static Result<std::vector<int64_t>> Drafters(db::Connection& c, int64_t advice_id);
  // Everyone who reacted in a round of `platform_id` about the advice or its request.
  static Result<std::vector<int64_t>> Reactors(db::Connection& c, const Advice& a);

  // Records that the reminder (overdue: the one after the due date) of a
  // submitted advice is sent at `now`; false when it was recorded already
  // (another process was first): one conditional UPDATE, so it is a claim.
  static Result<bool> ClaimReminder(db::Connection& c, int64_t advice_id, bool overdue, int64_t now);
};

}  // namespace wp::advice
