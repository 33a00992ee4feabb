// PollStore: all SQL of live polls, as functions on the caller's connection
// so commands decide the transactions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/livepolls/poll.h"

namespace wp::livepolls {

struct StoredAnswer {
  int64_t id = 0;
  int64_t question_id = 0;
  std::string value;
  bool hidden = false;
};

class PollStore {
 public:
  static Result<int64_t> InsertPoll(db::Connection& c, const Poll& p);
  // Writes status, active, show_results and closed_at.
  static Result<void> UpdateState(db::Connection& c, const Poll& p);
  static Result<std::optional<Poll>> FindPoll(db::Connection& c, int64_t id);
  static Result<std::optional<Poll>> FindByCode(db::Connection& c, const std::string& code);
  // The polls of a platform, newest first.
  static Result<std::vector<Poll>> PollsOf(db::Connection& c, int64_t platform_id);
  // Closed polls held at activity `event_id`, oldest first.
  static Result<std::vector<Poll>> ClosedPollsOfEvent(db::Connection& c, int64_t event_id);
  static Result<int64_t> CountPolls(db::Connection& c);

  static Result<int64_t> InsertQuestion(db::Connection& c, const Question& q);
  // In order of position.
  static Result<std::vector<Question>> QuestionsOf(db::Connection& c, int64_t poll_id);

  // Stores or replaces the answer of `participant` (a token hash) to a question.
  static Result<void> UpsertAnswer(db::Connection& c, int64_t poll_id, int64_t question_id,
                                   const std::string& participant, const std::string& value, int64_t now);
  static Result<std::optional<std::string>> AnswerOf(db::Connection& c, int64_t question_id,
                                                     const std::string& participant);
  static Result<std::vector<StoredAnswer>> AnswersOf(db::Connection& c, int64_t poll_id);
  static Result<int64_t> CountParticipants(db::Connection& c, int64_t poll_id);
  // Hides an answer of the poll; returns the rows changed (0: no such answer).
  static Result<int64_t> HideAnswer(db::Connection& c, int64_t poll_id, int64_t answer_id);

  static Result<void> RecordWrongCode(db::Connection& c, const std::string& client, int64_t now);
  static Result<int64_t> CountWrongCodesSince(db::Connection& c, const std::string& client, int64_t since);
};

}  // namespace wp::livepolls
