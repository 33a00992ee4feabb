// VotingCommands: the voting use cases. A resident enters a code and casts
// (or changes) a ballot; an official enters paper ballots, counts and
// publishes. Marking the code used and holding the sealed ballot happen in
// one transaction; the ballot reaches voting_ballots later, mixed with those
// of other voters (ballot_mixer.h), so no transaction writes both a code and
// its ballot. Failed code checks are rate limited per client address and
// per edition, and logged (address and edition, never the typed code).
// Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/result.h"
#include "features/budgets/edition.h"
#include "features/budgets/edition_directory.h"
#include "features/codes/code_book.h"
#include "features/codes/four_eyes.h"
#include "features/voting/ballot_mixer.h"
#include "features/voting/ballot_rules.h"
#include "features/voting/ballot_store.h"
#include "features/voting/outcome.h"

namespace wp::voting {

struct VotingLimits {
  int per_address = 10;              // failed checks per client address ...
  int64_t address_window = 15 * 60;  // ... within this many seconds
  // Failed checks per edition (all addresses) within edition_window raise an
  // alarm in the log (distributed guessing) but block nobody: a ceiling that
  // refused every voter would let anyone stop an election with a thousand
  // requests, while with 68-bit codes each guess has a chance of about
  // issued/2^68 (5e-16 for 150,000 codes).
  int per_edition = 1000;
  int64_t edition_window = 3600;
  int per_official = 50;  // paper entry: failed checks per official per address_window
  // Valid codes: different codes one client address may use online within
  // codes_window; one more is refused and raises an alarm in the log (whoever
  // holds a pile of letters votes with them all). Counted in memory per
  // process, so no table records which address used a code.
  int codes_per_address = 20;
  int64_t codes_window = 3600;
  // Ballots are mixed into voting_ballots in batches of at least this many
  // voters (k; ballot_mixer.h): the most a physical trace can narrow a
  // ballot down to.
  int mix_batch = 20;
  // How long "not counted yet" may be kept without reading it again (config
  // edition_cache_ms; 0 = off); kept only while nothing changed the budgets
  // tables through this process, and counting records its selection there.
  // A cast checks it again inside its own transaction.
  int counted_cache_ms = 0;
};

// A code accepted for online voting. Whether it voted before, never what it
// chose: whoever holds the letter must not be able to read a ballot back.
struct CodeEntry {
  bool voted_before = false;
};

// A counted result with its outcome read back.
struct PublishedResult {
  StoredResult stored;
  Outcome outcome;
};

struct Turnout {
  int64_t used_online = 0, used_on_paper = 0, ballots = 0;
};

class VotingCommands {
 public:
  VotingCommands(db::Database& db, const Clock& clock, const budgets::EditionDirectory& editions,
                 const codes::CodeBook& codes, VotingLimits limits, std::ostream& log);

  static BallotRules RulesFor(const budgets::Edition& e);
  static VotingWindow WindowFor(const budgets::Edition& e);
  int64_t now() const;

  Result<bool> Counted(int64_t edition_id) const;
  // Decision for `action` on `e` by `user` (nullopt: anonymous visitor).
  Result<Decision> Decide(Action action, const budgets::Edition& e, const std::optional<auth::User>& user) const;
  // Ok when Decide allows `action`; otherwise DecisionError (kForbidden for
  // a visitor or user who may not, kConflict with the phase's key).
  Result<void> Require(Action action, const budgets::Edition& e, const std::optional<auth::User>& user) const;
  // The edition of `slug` as `user` may see it: published, or any edition
  // for one who manages it. Errors: kNotFound (web.not_found).
  Result<budgets::Edition> VisibleEdition(std::string_view slug, const std::optional<auth::User>& user) const;

  // Step 1 of online voting. Errors about the code carry it as the error of
  // form field "code" (field key = user_message_key): kRateLimited
  // voting.code.too_many; kInvalidInput voting.code.malformed,
  // voting.code.unknown, voting.code.revoked; kConflict
  // voting.code.used_on_paper. A phase refusal is a DecisionError (no field).
  Result<CodeEntry> EnterCode(const budgets::Edition& e, std::string_view typed, const std::string& remote_addr);

  // Casts (online: or replaces) a ballot. Returns true for a first ballot,
  // false for a changed one (online). Errors as EnterCode, plus a ballot
  // that breaks the rules as FormInvalid with BallotErrors (field "plans"),
  // kConflict voting.paper.used_online / voting.paper.already_entered on
  // field "code" for paper, and kForbidden for a user who may not enter
  // paper ballots.
  // `plans`: the ballot plans of `e` when the caller has just read them
  // (Plans); null: Cast reads them.
  Result<bool> Cast(const budgets::Edition& e, std::string_view typed, const std::vector<int64_t>& chosen,
                    codes::Channel channel, const std::optional<auth::User>& official, const std::string& remote_addr,
                    const std::vector<budgets::BallotPlan>* plans = nullptr);

  // Counts the ballots with the edition's rule, stores the outcome, records
  // the selection with the budgets feature and publishes, in one transaction.
  Result<StoredResult> CountAndPublish(const auth::User& official, const budgets::Edition& e);
  Result<std::optional<StoredResult>> FindResult(int64_t edition_id) const;
  // The published result of `e`. Errors: kNotFound (voting.decision.not_counted)
  // before the count, kInternal for an unreadable stored outcome.
  Result<PublishedResult> Published(const budgets::Edition& e) const;
  Result<Turnout> TurnoutOf(const budgets::Edition& e) const;
  // Ballot plans as the rules need them.
  Result<std::vector<budgets::BallotPlan>> Plans(const budgets::Edition& e) const;

  Result<int64_t> PurgeAttempts();

  // A paper ballot waiting for a second official (issue #11 item 4), sealed
  // like a waiting ballot (key K3, one size), as text; and opened again:
  // the typed code and the plan ids. Errors: kInternal when it does not open.
  std::string SealPaperBallot(std::string_view typed, const std::vector<int64_t>& chosen) const;
  Result<std::pair<std::string, std::vector<int64_t>>> OpenPaperBallot(std::string_view sealed) const;

 private:
  // What a code check or a cast needs to know first, read in one
  // transaction: the phase decision for `action` and, when allowed, the
  // failed checks of `address_key` and of the edition within their windows
  // and (with `typed`) the state of the code.
  struct Gate {
    Decision decision = Decision::kAllowed;
    int64_t by_address = 0, by_edition = 0;
    std::optional<codes::CodeCheck> code;
  };
  Result<Gate> ReadGate(Action action, const budgets::Edition& e, const std::optional<auth::User>& user,
                        const std::string& address_key, std::optional<std::string_view> typed) const;
  // kRateLimited (field "code") when the gate's count for the address
  // reached `limit`; logs an alarm when the edition's count is high.
  Result<void> CheckRateLimit(const budgets::Edition& e, const Gate& gate, int limit, const std::string& remote_addr);
  void RecordFailure(const budgets::Edition& e, const std::string& address_key, const std::string& remote_addr,
                     std::string_view reason);
  void Log(std::string_view event, const budgets::Edition& e, const std::string& remote_addr, std::string_view reason);
  // Counts a valid code for `remote_addr`; kRateLimited (field "code",
  // voting.code.too_many_codes) and an alarm when it is one code too many.
  Result<void> CountValidCode(const budgets::Edition& e, int64_t code_id, const std::string& remote_addr);
  // After a cast: mixes waiting ballots of the edition when enough wait (one
  // mixer at a time in this process; a failure is logged, the vote is safe).
  void MixIfReady(const budgets::Edition& e);
  // Whether edition `id` is counted, as last read, when that may still be
  // used: counted stays counted; "not yet" see counted_cache_ms.
  std::optional<bool> KeptCounted(int64_t id) const;
  void KeepCounted(int64_t id, bool counted, uint64_t generation) const;

  db::Database& db_;
  const Clock& clock_;
  const budgets::EditionDirectory& editions_;
  const codes::CodeBook& codes_;
  VotingLimits limits_;
  std::ostream& log_;
  struct KeptCount {
    bool counted = false;
    uint64_t generation = 0;  // budgets::BudgetsGeneration() before reading
    TimePoint at;
  };
  mutable std::mutex counted_mu_;
  mutable std::map<int64_t, KeptCount> counted_;
  BallotMixer mixer_;
  std::mutex mix_mu_;
  std::mutex codes_mu_;
  std::map<std::string, std::map<int64_t, int64_t>> codes_seen_;  // client address -> code id -> last use
};

// Error for a decision other than kAllowed.
Error DecisionError(Decision d);

// Registers with `four_eyes` how a confirmed paper ballot (its sealed
// payload, SealPaperBallot) and a confirmed count are carried out: by
// `commands` for the confirming official (issue #11 item 4).
void RegisterRiskyActs(codes::FourEyes& four_eyes, VotingCommands& commands);

}  // namespace wp::voting
