// CodeStore: all SQL of the codes feature (addresses, import reports, runs,
// codes, erasure), as static functions on a connection, used inside the
// caller's transaction. Codes are stored only as keyed hashes and carry no
// time of use (secret ballot).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/codes/address_list.h"
#include "features/codes/code_state.h"
#include "features/codes/download_record.h"
#include "features/codes/run.h"

namespace wp::codes {

// An address of the list that has no valid code yet.
struct WaitingAddress {
  int64_t id = 0;
  std::string address;
};

// A stored code as a lookup finds it.
struct StoredCode {
  int64_t id = 0;
  CodeState state = CodeState::kUnused;
  std::optional<int64_t> address_id;  // nullopt after erasure
  std::string address;                // empty after erasure
  int64_t letter_number = 0;
};

struct NewRun {
  int64_t edition_id = 0;
  RunKind kind = RunKind::kGenerate;
  RunState state = RunState::kQueued;
  int64_t total = 0;
  bool with_letters = true;
  std::optional<int64_t> created_by;  // nullopt: the command line or demo content
  int64_t created_at = 0;
};

class CodeStore {
 public:
  // --- addresses and their erasure.
  // Adds an address; returns 1 when it is new for the edition, 0 when known.
  // `buurt_code`: the address's CBS buurt, "" when the list gives none.
  static Result<int64_t> AddAddress(db::Connection& c, int64_t edition_id, std::string_view address,
                                    std::string_view buurt_code = {});
  static Result<int64_t> CountAddresses(db::Connection& c, int64_t edition_id);
  // Addresses without a valid (unrevoked) code, in list order.
  static Result<std::vector<WaitingAddress>> Waiting(db::Connection& c, int64_t edition_id);
  static Result<int64_t> CountWaiting(db::Connection& c, int64_t edition_id);
  // When the edition's address list was erased, or nullopt.
  static Result<std::optional<int64_t>> ErasedAt(db::Connection& c, int64_t edition_id);
  // Detaches the codes from their addresses, deletes the addresses and
  // records the erasure at `now`. Returns how many addresses were deleted.
  static Result<int64_t> EraseAddresses(db::Connection& c, int64_t edition_id, int64_t now);

  // --- import reports.
  // Stores `summary` (its report_id is ignored); returns the report id.
  static Result<int64_t> SaveImportReport(db::Connection& c, int64_t edition_id, const ImportSummary& summary,
                                          int64_t now);
  static Result<std::optional<ImportSummary>> FindImportReport(db::Connection& c, int64_t edition_id,
                                                               int64_t report_id);

  // --- runs.
  static Result<int64_t> InsertRun(db::Connection& c, const NewRun& run);
  static Result<std::optional<RunInfo>> FindRun(db::Connection& c, int64_t run_id);
  // The newest `limit` runs of the edition, newest first.
  static Result<std::vector<RunInfo>> RecentRuns(db::Connection& c, int64_t edition_id, int limit);
  // True while a run of the edition (of `kind`, or of any kind) is queued or running.
  static Result<bool> HasActiveRun(db::Connection& c, int64_t edition_id, std::optional<RunKind> kind);
  static Result<void> StartRun(db::Connection& c, int64_t run_id, int64_t total);
  static Result<void> SetProgress(db::Connection& c, int64_t run_id, int64_t done);
  // Back to kQueued with nothing done (a taken-over run starts afresh).
  static Result<void> RequeueRun(db::Connection& c, int64_t run_id);
  static Result<void> FinishRun(db::Connection& c, int64_t run_id, const std::vector<std::string>& files, int64_t now);
  static Result<void> FailRun(db::Connection& c, int64_t run_id, std::string_view error, int64_t now);

  // --- codes.
  // The next free letter number of the edition (letters are numbered 1, 2, ...).
  static Result<int64_t> NextLetterNumber(db::Connection& c, int64_t edition_id);
  // Inserts an unused code. Returns false, inserting nothing, when the
  // edition has a code with this hash already (draw again).
  static Result<bool> InsertCode(db::Connection& c, int64_t edition_id, std::string_view code_hash,
                                 std::optional<int64_t> address_id, int64_t letter_number, int64_t run_id);
  // The code with this hash: only its id and state (the voting path reads
  // no address).
  static Result<std::optional<StoredCode>> FindByHash(db::Connection& c, int64_t edition_id,
                                                      std::string_view code_hash);
  static Result<std::optional<StoredCode>> FindByLetter(db::Connection& c, int64_t edition_id, int64_t letter_number);
  // Letters whose address key contains `key_part` (already lower case), at most `limit`, by address.
  static Result<std::vector<StoredCode>> FindByAddress(db::Connection& c, int64_t edition_id, std::string_view key_part,
                                                       int limit);
  static Result<std::optional<CodeState>> StateOf(db::Connection& c, int64_t code_id);
  // Moves an unused code to `to`; returns false when it was not unused any more.
  static Result<bool> UseUnused(db::Connection& c, int64_t code_id, CodeState to);
  static Result<void> Revoke(db::Connection& c, int64_t code_id);
  // Revokes the codes of run `run_id` that are still unused (all of them
  // when `only_unused` is false); returns how many.
  static Result<int64_t> RevokeRun(db::Connection& c, int64_t run_id, bool only_unused = true);
  static Result<int64_t> CountInState(db::Connection& c, int64_t edition_id, CodeState state);
  static Result<std::map<CodeState, int64_t>> CountByState(db::Connection& c, int64_t edition_id);
  // Every code of every edition, revoked included (the metrics page).
  static Result<int64_t> CountAll(db::Connection& c);

  // --- downloads of print files (append only).
  static Result<void> RecordDownload(db::Connection& c, int64_t edition_id, std::string_view file_name,
                                     std::optional<int64_t> user_id, std::string_view user_name, int64_t now);
  // The edition's downloads, newest first.
  static Result<std::vector<DownloadRecord>> Downloads(db::Connection& c, int64_t edition_id);
};

}  // namespace wp::codes
