// BallotStore: the SQL of the voting feature (ballots, failed code checks,
// results). Static functions on a connection, used inside the caller's
// transaction. Ballot rows carry no id, time, order or channel.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::voting {

struct StoredResult {
  int64_t edition_id = 0;
  std::string rule;
  std::string outcome_json;  // OutcomeJson (outcome.h)
  std::string report_text;
  std::string pabulib;
  int64_t ballots = 0, used_online = 0, used_on_paper = 0;
  int64_t counted_at = 0, counted_by = 0;
};

class BallotStore {
 public:
  // Inserts the ballot or replaces the plans of the ballot with the same key.
  static Result<void> Put(db::Connection& c, int64_t edition_id, const std::string& ballot_key,
                          const std::string& plan_ids);
  // Plan ids of every ballot, in ballot-key order.
  static Result<std::vector<std::string>> All(db::Connection& c, int64_t edition_id);
  static Result<int64_t> Count(db::Connection& c, int64_t edition_id);

  static Result<int64_t> CountAttempts(db::Connection& c, const std::string& key, int64_t since);
  static Result<void> AddAttempt(db::Connection& c, const std::string& key, int64_t now);
  static Result<int64_t> PurgeAttempts(db::Connection& c, int64_t before);

  static Result<void> SaveResult(db::Connection& c, const StoredResult& r);
  static Result<std::optional<StoredResult>> FindResult(db::Connection& c, int64_t edition_id);
};

}  // namespace wp::voting
