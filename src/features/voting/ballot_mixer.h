// BallotMixer: keeps a cast ballot apart from the code that cast it (issue
// #11 item 1). Casting marks the code used and Holds the ballot, sealed, in
// voting_waiting, in one transaction: acknowledged means durable, and one
// code gives one ballot. Mix, in a later transaction of its own, opens the
// oldest waiting ballots once at least 2k voters wait, writes the ballots of
// all but the newest k voters into voting_ballots in random order and deletes
// their waiting rows; Drain (at the count) mixes them all. So no transaction
// writes both a code and its ballot, every mixing transaction writes the
// ballots of at least k voters (unless the whole edition has fewer), and the
// rows of one batch are stored in random order. See docs/secret-ballot.md.
// The sealed rows are padded to one size, so their length tells nothing
// about the choice. Thread-safe (no state besides the key).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::voting {

// A waiting ballot as opened.
struct WaitingBallot {
  int64_t id = 0;
  std::string ballot_key;
  std::string plan_ids;
};

class BallotMixer {
 public:
  // `seal_key`: 32 bytes (codes::CodeBook::seal_key()); `batch`: k, at least 1.
  BallotMixer(std::string seal_key, int batch);

  int batch() const { return batch_; }

  // Seals the ballot and adds it to the waiting rows (caller's transaction).
  Result<void> Hold(db::Connection& c, int64_t edition_id, const std::string& ballot_key,
                    const std::string& plan_ids) const;
  // Number of waiting rows of the edition (no opening needed).
  static Result<int64_t> CountWaiting(db::Connection& c, int64_t edition_id);
  // Mixes when at least 2k distinct voters wait: all waiting rows but those
  // of the newest k voters. Returns the number of ballots written (0: not
  // yet). Errors: kConflict when another mixer took rows meanwhile (nothing
  // written), kInternal for a row that does not open.
  Result<int64_t> Mix(db::Connection& c, int64_t edition_id) const;
  // Mixes every waiting row of the edition (the count, after voting).
  Result<int64_t> Drain(db::Connection& c, int64_t edition_id) const;
  // Voters whose first ballot still waits (not yet in voting_ballots), for
  // the turnout.
  Result<int64_t> CountWaitingVoters(db::Connection& c, int64_t edition_id) const;

  // The sealed form of a ballot, and back (for tests of the seal itself).
  std::string Seal(const std::string& ballot_key, const std::string& plan_ids) const;
  Result<WaitingBallot> Open(int64_t id, const std::string& sealed) const;

 private:
  Result<std::vector<WaitingBallot>> Waiting(db::Connection& c, int64_t edition_id) const;
  // Writes `rows` (in id order; a later row of the same voter wins) in
  // random order and deletes them from the waiting rows.
  Result<int64_t> Write(db::Connection& c, int64_t edition_id, const std::vector<WaitingBallot>& rows) const;

  std::string key_;
  int batch_;
};

}  // namespace wp::voting
