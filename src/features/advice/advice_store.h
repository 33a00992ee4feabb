// AdviceStore: all SQL of advice (requests with their platforms, advices
// with their points, the append-only history). Functions take the caller's
// connection so commands control transactions. Thread-safe (no state).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/advice/advice.h"

namespace wp::advice {

// Which thing a history line belongs to: a request or an advice.
struct HistoryOf {
  std::optional<int64_t> request_id, advice_id;
};

class AdviceStore {
 public:
  // Inserts a request with its platforms; returns its id.
  static Result<int64_t> InsertRequest(db::Connection& c, const AdviceRequest& r);
  static Result<void> SetRequestStatus(db::Connection& c, int64_t id, RequestStatus s, int64_t now);
  // Saves a draft request's content: subject, questions, level, deadline,
  // contact, confidentiality, updated_at and its platforms (replaced by
  // `r.platform_ids`). Errors: kConflict (advice.error.request_not_draft)
  // when the request is not (or no longer) a draft.
  static Result<void> SaveDraftRequest(db::Connection& c, const AdviceRequest& r);
  static Result<std::optional<AdviceRequest>> FindRequest(db::Connection& c, int64_t id);
  // Every request, newest first; `platform_id` > 0: only those asking that platform.
  static Result<std::vector<AdviceRequest>> Requests(db::Connection& c, int64_t platform_id);

  // Inserts an advice with its points; returns its id.
  static Result<int64_t> InsertAdvice(db::Connection& c, const Advice& a);
  // Saves status, submitted_at, answer_due_at, answered_at and the points' verdicts and reasons.
  static Result<void> SaveAdviceState(db::Connection& c, const Advice& a);
  // Saves a draft's content: title, addressee, input fields, and its points
  // (replaced by `a.points`). Errors: kConflict (advice.error.edit_submitted)
  // when the advice is not (or no longer) a draft.
  static Result<void> SaveDraftContent(db::Connection& c, const Advice& a);
  static Result<std::optional<Advice>> FindAdvice(db::Connection& c, int64_t id);
  // Advices of a request (request_id > 0), of a platform (platform_id > 0), or every advice, newest first.
  static Result<std::vector<Advice>> Advices(db::Connection& c, int64_t request_id, int64_t platform_id);
  // Submitted advices waiting for their answer, the earliest due first.
  static Result<std::vector<Advice>> AwaitingAnswer(db::Connection& c);

  static Result<void> AppendHistory(db::Connection& c, const HistoryOf& of, const HistoryEntry& e);
  // The history of a request or an advice, oldest first (actor_name empty).
  static Result<std::vector<HistoryEntry>> History(db::Connection& c, const HistoryOf& of);

  static Result<int64_t> CountAdvices(db::Connection& c);
};

}  // namespace wp::advice
