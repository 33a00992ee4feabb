// ChallengeStore: all SQL of the right to challenge. Functions take the
// caller's connection so commands control transactions. Thread-safe (no state).
#pragma once

#include <optional>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/challenges/challenge.h"

namespace wp::challenges {

class ChallengeStore {
 public:
  static Result<int64_t> Insert(db::Connection& c, const Challenge& ch);
  static Result<void> SetStage(db::Connection& c, int64_t id, Stage s);
  static Result<std::optional<Challenge>> Find(db::Connection& c, int64_t id);
  // Every challenge, newest first.
  static Result<std::vector<Challenge>> All(db::Connection& c);

  static Result<void> InsertCheck(db::Connection& c, int64_t id, const GateCheck& g);
  static Result<std::vector<GateCheck>> Checks(db::Connection& c, int64_t id);
  // Replaces the business case and its lines.
  static Result<void> SaveBusinessCase(db::Connection& c, int64_t id, const BusinessCase& b, int64_t now);
  static Result<std::optional<BusinessCase>> FindBusinessCase(db::Connection& c, int64_t id);
  static Result<void> InsertDecision(db::Connection& c, int64_t id, const Decision& d);
  static Result<std::vector<Decision>> Decisions(db::Connection& c, int64_t id);
  static Result<void> InsertReport(db::Connection& c, int64_t id, const Report& r);
  static Result<std::vector<Report>> Reports(db::Connection& c, int64_t id);

  // The challenges in `stage`, oldest first.
  static Result<std::vector<Challenge>> InStage(db::Connection& c, Stage stage);
  // The latest due date for which a monitoring mail of `kind` ("reminder",
  // "overdue") went out, or nullopt.
  static Result<std::optional<int64_t>> LastReportMail(db::Connection& c, int64_t id, std::string_view kind);
  static Result<void> InsertReportMail(db::Connection& c, int64_t id, std::string_view kind, int64_t due_at,
                                       int64_t sent_at);
};

}  // namespace wp::challenges
