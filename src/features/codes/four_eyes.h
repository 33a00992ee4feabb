// FourEyes: the risky acts of an edition's vote need a second, different
// official (issue #11 item 4). One official asks (the act waits as a pending
// act); another official confirms it (the act is done then, by the executor
// its feature registered) or rejects it. The official who asked can neither
// confirm nor reject it. Every step goes into the append-only audit log
// (codes_audit_log: the database refuses UPDATE and DELETE on it), shown on
// the count page. Which acts: importing addresses or making codes once voting
// is open (codes), entering a paper ballot and publishing the count (voting).
// Who may ask and confirm is the features' rule (their permissions); FourEyes
// keeps the two apart. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/result.h"
#include "features/budgets/edition.h"

namespace wp::codes {

enum class RiskyAct { kImportAddresses, kGenerateCodes, kReissueLetter, kPaperBallot, kPublishCount };

std::string_view RiskyActName(RiskyAct act);  // "import_addresses", ...
std::optional<RiskyAct> ParseRiskyAct(std::string_view name);

struct PendingAct {
  int64_t id = 0;
  int64_t edition_id = 0;
  RiskyAct act = RiskyAct::kImportAddresses;
  std::string payload;              // what the executor needs; empty once decided
  std::string summary;              // for people: what is asked (no code, no choice)
  std::optional<int64_t> asked_by;  // nullopt: the command line
  std::string asked_by_name;
  int64_t asked_at = 0;
};

struct AuditEntry {
  int64_t at = 0;
  std::string who;
  std::string event;  // asked, confirmed, rejected, failed
  RiskyAct act = RiskyAct::kImportAddresses;
  std::string summary;
};

// Proof, for the commands that carry out a risky act, that a second official
// confirmed it: only FourEyes makes one, while it runs the executor.
class FourEyesConfirmed {
 public:
  int64_t pending_id() const { return pending_id_; }

 private:
  friend class FourEyes;
  explicit FourEyesConfirmed(int64_t id) : pending_id_(id) {}
  int64_t pending_id_;
};

// Carries out a confirmed act for `confirmer`; an error leaves it failed.
using RiskyActExecutor = std::function<Result<void>(const budgets::Edition& e, const PendingAct& act,
                                                    const auth::User& confirmer, const FourEyesConfirmed& proof)>;

class FourEyes {
 public:
  FourEyes(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Registration, before serving: who carries out `act` once confirmed.
  void SetExecutor(RiskyAct act, RiskyActExecutor fn) { executors_[act] = std::move(fn); }

  // Records `act` as pending, asked by `user`, and the audit entry "asked".
  // Returns its id.
  Result<int64_t> Ask(const auth::User& user, const budgets::Edition& e, RiskyAct act, std::string payload,
                      std::string summary);
  // `user` confirms pending act `id` of `e`: the executor carries it out and
  // the audit log records "confirmed" (or "failed" with the executor's error,
  // which is returned). Errors: kNotFound (codes.four_eyes.not_found),
  // kForbidden (codes.four_eyes.own) for the official who asked or the
  // command line, kConflict (codes.four_eyes.decided) once decided.
  Result<PendingAct> Confirm(const auth::User& user, const budgets::Edition& e, int64_t id);
  // `user` rejects pending act `id`; errors as Confirm.
  Result<void> Reject(const auth::User& user, const budgets::Edition& e, int64_t id);

  // The acts of `e` still waiting, oldest first.
  Result<std::vector<PendingAct>> Pending(const budgets::Edition& e) const;
  // Within the caller's transaction: how many `act`s of edition
  // `edition_id` wait for a second official or are being carried out (the
  // count refuses while paper ballots wait).
  static Result<int64_t> CountWaiting(db::Connection& c, int64_t edition_id, RiskyAct act);
  // The same in a read of its own (a page that refuses early).
  Result<int64_t> CountWaiting(const budgets::Edition& e, RiskyAct act) const;
  // The audit log of `e`, oldest first.
  Result<std::vector<AuditEntry>> Log(const budgets::Edition& e) const;

 private:
  // Moves act `id` from pending to `to` for `user` (not the asker); returns it.
  Result<PendingAct> Decide(db::Connection& c, const auth::User& user, const budgets::Edition& e, int64_t id,
                            std::string_view to);
  Result<void> Audit(db::Connection& c, const budgets::Edition& e, const auth::User& who, std::string_view event,
                     const PendingAct& act);

  db::Database& db_;
  const Clock& clock_;
  std::map<RiskyAct, RiskyActExecutor> executors_;
};

// "Name (e-mail)" of an official, or "command line" for the system user.
std::string OfficialName(const auth::User& user);

}  // namespace wp::codes
