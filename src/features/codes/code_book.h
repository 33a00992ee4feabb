// CodeBook: checks voting codes and marks them used; the interface the voting
// feature uses. Codes are stored only as HMAC-SHA256 hashes keyed with a
// secret kept outside the database (config `voting_key_file`); the ballot key
// is a second HMAC with a different key derived from the same secret, so a
// dump of the database and the logs cannot link a ballot to a code or an
// address. No timestamp of use is stored (secret ballot). Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/db/database.h"
#include "core/result.h"
#include "features/codes/code_state.h"

namespace wp::codes {

struct CodeCheck {
  CodeState state = CodeState::kUnknown;
  int64_t code_id = 0;     // for MarkUsed; 0 unless known
  std::string ballot_key;  // keyed hash of (edition, code) with a key different from the stored code hash;
                           // set for known, unrevoked codes; voting keys the ballot with it
};

// Settings of the codes feature (from the app's Config).
struct CodesOptions {
  // voting_key_file: file with the secret for code hashes and ballot keys
  // (64 hex characters). Created with mode 0600 when missing. Default data/voting.key.
  std::string voting_key_file = "data/voting.key";
  // voting_key: the secret's bytes when the caller has read the file already
  // (LoadOrCreateVotingKey); empty = RegisterCodes reads or creates it.
  std::string voting_key;
  // print_dir: folder for print files and letters, one subfolder per edition
  // (<print_dir>/<edition-slug>/). Default data/print.
  std::string print_dir = "data/print";
  // base_url: public address, for the voting link in letters. No trailing '/'.
  std::string base_url = "http://127.0.0.1:8080";
  // municipality_name: shown on the letters. Default Haarlem.
  std::string municipality_name = "Haarlem";
};

class CodeBook {  // thread-safe
 public:
  // `secret`: the raw bytes read from voting_key_file (at least 32).
  explicit CodeBook(std::string_view secret);

  // Normalises what a person typed (see NormaliseTyped) and looks it up.
  // kMalformed needs no database access.
  Result<CodeCheck> Check(db::Connection& c, int64_t edition_id, std::string_view typed) const;
  // Inside the caller's transaction. Returns true the first time. Same channel again: false (ballot change).
  // Errors: kConflict when used via the other channel or revoked; kNotFound for an unknown id.
  // Stores no timestamp (secret ballot).
  Result<bool> MarkUsed(db::Connection& c, int64_t code_id, Channel channel) const;
  Result<int64_t> CountUsed(db::Connection& c, int64_t edition_id, Channel channel) const;

  // The stored hash of a canonical code (hex), and the ballot key (hex).
  std::string CodeHash(int64_t edition_id, std::string_view canonical_code) const;
  std::string BallotKey(int64_t edition_id, std::string_view canonical_code) const;
  // A third key from the same secret (32 bytes): voting seals ballots that
  // wait to be mixed with it (voting/ballot_mixer.h).
  const std::string& seal_key() const { return seal_key_; }

 private:
  std::string hash_key_;
  std::string ballot_key_;
  std::string seal_key_;
};

}  // namespace wp::codes
