// ContractStore: all SQL of neighbourhood contracts (contracts with their
// approvals, themes, commitments, progress updates, amendments and the
// append-only history). Functions take the caller's connection so commands
// control transactions. Thread-safe (no state).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/contracts/contract.h"

namespace wp::contracts {

class ContractStore {
 public:
  // Inserts a contract; returns its id. Errors: kConflict
  // (contracts.error.year_taken) when the platform has a contract for that year.
  static Result<int64_t> InsertContract(db::Connection& c, const Contract& k);
  // Saves status, approvals, signed_at, signed_version and review.
  static Result<void> SaveContractState(db::Connection& c, const Contract& k);
  static Result<std::optional<Contract>> FindContract(db::Connection& c, int64_t id);
  static Result<std::optional<Contract>> FindByYear(db::Connection& c, int64_t platform_id, int year);
  // Contracts of a platform (platform_id > 0) or all, newest year first.
  static Result<std::vector<Contract>> Contracts(db::Connection& c, int64_t platform_id);

  static Result<int64_t> InsertTheme(db::Connection& c, const Theme& t);
  static Result<std::vector<Theme>> Themes(db::Connection& c, int64_t contract_id);

  static Result<int64_t> InsertCommitment(db::Connection& c, const Commitment& m);
  // Saves text, party, owner, due date, status and reminded_due_at.
  static Result<void> SaveCommitment(db::Connection& c, const Commitment& m);
  static Result<std::optional<Commitment>> FindCommitment(db::Connection& c, int64_t id);
  // The commitments of a contract, by theme position, then due date.
  static Result<std::vector<Commitment>> Commitments(db::Connection& c, int64_t contract_id);
  // Commitments of signed contracts, not done or dropped, due before `before`, earliest first.
  static Result<std::vector<Commitment>> OpenDueBefore(db::Connection& c, int64_t before, int limit);

  // Inserts an update (without its evidence); returns its id.
  static Result<int64_t> InsertUpdate(db::Connection& c, const Update& u);
  // Updates of a commitment with their evidence (without bytes), oldest first (actor_name empty).
  static Result<std::vector<Update>> Updates(db::Connection& c, int64_t commitment_id);

  static Result<void> InsertEvidence(db::Connection& c, const Evidence& e, const std::string& data, int64_t now);
  // The evidence `id` with its bytes and the contract it belongs to, or nullopt.
  struct StoredEvidence {
    Evidence evidence;
    std::string data;
    int64_t contract_id = 0;
  };
  static Result<std::optional<StoredEvidence>> FindEvidence(db::Connection& c, int64_t id);

  static Result<void> InsertAmendment(db::Connection& c, const Amendment& a);
  // Amendments of a contract, oldest first (actor_name empty).
  static Result<std::vector<Amendment>> Amendments(db::Connection& c, int64_t contract_id);

  static Result<void> AppendHistory(db::Connection& c, int64_t contract_id, const HistoryEntry& e);
  // The history of a contract, oldest first (actor_name empty).
  static Result<std::vector<HistoryEntry>> History(db::Connection& c, int64_t contract_id);

  static Result<int64_t> CountSigned(db::Connection& c);
};

}  // namespace wp::contracts
