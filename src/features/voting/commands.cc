#include "features/voting/commands.h"

#include <mutex>
#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "features/voting/outcome.h"
#include "features/voting/tally.h"

namespace wp::voting {

namespace {

std::mutex g_log_mu;

// The refusal of a code as the error of the form's "code" field.
Error CodeError(codes::CodeState state, codes::Channel channel) {
  using codes::CodeState;
  auto on_code = [](Error e) {
    e.fields = {{"code", e.user_message_key}};
    return e;
  };
  switch (state) {
    case CodeState::kMalformed:
      return on_code(InvalidInput("malformed code", "voting.code.malformed"));
    case CodeState::kUnknown:
      return on_code(InvalidInput("unknown code", "voting.code.unknown"));
    case CodeState::kRevoked:
      return on_code(InvalidInput("revoked code", "voting.code.revoked"));
    case CodeState::kUsedOnPaper:
      return on_code(Conflict("code used on paper", channel == codes::Channel::kPaper ? "voting.paper.already_entered"
                                                                                      : "voting.code.used_on_paper"));
    case CodeState::kUsedOnline:
      return on_code(Conflict("code used online", "voting.paper.used_online"));
    case CodeState::kUnused:
      break;
  }
  return Internal("no error for this code state");
}

Error CodeConflict(std::string detail, const std::string& key) {
  Error e = Conflict(std::move(detail), key);
  e.fields = {{"code", key}};
  return e;
}

// What the results page shows, from the tally and the plans on the ballot
// (in the same order).
Outcome OutcomeOf(const Tally& tally, const std::vector<budgets::BallotPlan>& plans) {
  Outcome o{tally.selected, tally.total_cost_cents, tally.leftover_cents, {}, tally.explanation};
  for (size_t i = 0; i < tally.plans.size(); ++i) {
    const auto& p = tally.plans[i];
    o.plans.push_back({p.plan_id, p.title, plans[i].theme, plans[i].summary, p.cost_cents, p.votes, p.selected,
                       p.euros_cents, p.verdict});
  }
  return o;
}

bool IsGuess(codes::CodeState s) {
  return s == codes::CodeState::kMalformed || s == codes::CodeState::kUnknown || s == codes::CodeState::kRevoked;
}

std::string_view StateName(codes::CodeState s) {
  switch (s) {
    case codes::CodeState::kMalformed:
      return "malformed";
    case codes::CodeState::kUnknown:
      return "unknown";
    case codes::CodeState::kRevoked:
      return "revoked";
    case codes::CodeState::kUnused:
      return "unused";
    case codes::CodeState::kUsedOnline:
      return "used_online";
    case codes::CodeState::kUsedOnPaper:
      return "used_on_paper";
  }
  return "unknown";
}

}  // namespace

Error DecisionError(Decision d) {
  std::string key(DecisionKey(d));
  switch (d) {
    case Decision::kNotSignedIn:
    case Decision::kNotAllowed:
      return Forbidden("not allowed", key);
    default:
      return Conflict("not in this phase", key);
  }
}

VotingCommands::VotingCommands(db::Database& db, const Clock& clock, const budgets::EditionDirectory& editions,
                               const codes::CodeBook& codes, VotingLimits limits, std::ostream& log)
    : db_(db),
      clock_(clock),
      editions_(editions),
      codes_(codes),
      limits_(limits),
      log_(log),
      mixer_(codes.seal_key(), limits.mix_batch) {}

int64_t VotingCommands::now() const { return clock_.NowUnixSeconds(); }

BallotRules VotingCommands::RulesFor(const budgets::Edition& e) {
  BallotRules r;
  r.split_budget = e.ballot_kind == budgets::BallotKind::kSplitBudget;
  r.budget_cents = e.budget_cents;
  r.max_plans = e.max_plans;
  r.min_spend_cents = e.min_spend_cents;
  r.max_spend_cents = e.max_spend_cents;
  return r;
}

VotingWindow VotingCommands::WindowFor(const budgets::Edition& e) {
  return VotingWindow{e.dates.voting_open, e.dates.voting_close, e.published};
}

std::optional<bool> VotingCommands::KeptCounted(int64_t id) const {
  std::lock_guard<std::mutex> lock(counted_mu_);
  auto it = counted_.find(id);
  if (it == counted_.end()) return std::nullopt;
  if (it->second.counted) return true;
  if (!budgets::StillFresh(it->second.generation, it->second.at, clock_.Now(), limits_.counted_cache_ms)) {
    return std::nullopt;
  }
  return false;
}

void VotingCommands::KeepCounted(int64_t id, bool counted, uint64_t generation) const {
  if (limits_.counted_cache_ms <= 0) return;
  std::lock_guard<std::mutex> lock(counted_mu_);
  if (counted_.size() >= 256) counted_.clear();
  counted_[id] = KeptCount{counted, generation, clock_.Now()};
}

Result<bool> VotingCommands::Counted(int64_t edition_id) const {
  if (std::optional<bool> kept = KeptCounted(edition_id)) return *kept;
  const uint64_t generation = budgets::BudgetsGeneration();
  WP_ASSIGN_OR_RETURN(bool counted, db_.Read([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto r, BallotStore::FindResult(c, edition_id));
    return r.has_value();
  }));
  KeepCounted(edition_id, counted, generation);
  return counted;
}

Result<Decision> VotingCommands::Decide(Action action, const budgets::Edition& e,
                                        const std::optional<auth::User>& user) const {
  WP_ASSIGN_OR_RETURN(bool counted, Counted(e.id));
  Situation s;
  s.window = WindowFor(e);
  s.now = now();
  s.counted = counted;
  s.signed_in = user.has_value();
  s.manages = user && budgets::EditionDirectory::CanManage(*user, e);
  return voting::Decide(action, s);
}

Result<void> VotingCommands::Require(Action action, const budgets::Edition& e,
                                     const std::optional<auth::User>& user) const {
  WP_ASSIGN_OR_RETURN(Decision d, Decide(action, e, user));
  if (d != Decision::kAllowed) return DecisionError(d);
  return Ok();
}

Result<budgets::Edition> VotingCommands::VisibleEdition(std::string_view slug,
                                                        const std::optional<auth::User>& user) const {
  WP_ASSIGN_OR_RETURN(auto found, editions_.FindBySlug(slug));
  if (!found || (!found->published && !(user && budgets::EditionDirectory::CanManage(*user, *found)))) {
    return NotFound("no such edition", "web.not_found");
  }
  return *found;
}

void VotingCommands::Log(std::string_view event, const budgets::Edition& e, const std::string& remote_addr,
                         std::string_view reason) {
  nlohmann::json line = {{"event", event}, {"edition", e.slug}, {"remote_addr", remote_addr}, {"reason", reason}};
  std::lock_guard<std::mutex> lock(g_log_mu);
  log_ << line.dump() << "\n";
  log_.flush();
}

Result<VotingCommands::Gate> VotingCommands::ReadGate(Action action, const budgets::Edition& e,
                                                      const std::optional<auth::User>& user,
                                                      const std::string& address_key,
                                                      std::optional<std::string_view> typed) const {
  const int64_t t = now();
  const std::string edition_key = "edition:" + std::to_string(e.id);
  // One read transaction (one snapshot, one connection) for the phase, the
  // failed-check counts and the code: on PostgreSQL each transaction costs
  // round trips, and a voter passes here on every step.
  std::optional<bool> kept = KeptCounted(e.id);
  const uint64_t generation = budgets::BudgetsGeneration();
  return db_.Read([&](db::Connection& c) -> Result<Gate> {
    Gate g;
    Situation s;
    if (kept) {
      s.counted = *kept;
    } else {
      WP_ASSIGN_OR_RETURN(auto result, BallotStore::FindResult(c, e.id));
      s.counted = result.has_value();
      KeepCounted(e.id, s.counted, generation);
    }
    s.window = WindowFor(e);
    s.now = t;
    s.signed_in = user.has_value();
    s.manages = user && budgets::EditionDirectory::CanManage(*user, e);
    g.decision = voting::Decide(action, s);
    if (g.decision != Decision::kAllowed) return g;
    WP_ASSIGN_OR_RETURN(g.by_address, BallotStore::CountAttempts(c, address_key, t - limits_.address_window));
    WP_ASSIGN_OR_RETURN(g.by_edition, BallotStore::CountAttempts(c, edition_key, t - limits_.edition_window));
    if (typed) {
      WP_ASSIGN_OR_RETURN(codes::CodeCheck check, codes_.Check(c, e.id, *typed));
      g.code = check;
    }
    return g;
  });
}

Result<void> VotingCommands::CheckRateLimit(const budgets::Edition& e, const Gate& g, int limit,
                                            const std::string& remote_addr) {
  if (g.by_edition >= limits_.per_edition) {
    // Many failures from many addresses: tell the operators, refuse no one.
    Log("voting.guessing_alarm", e, remote_addr,
        "failed checks of the edition over " + std::to_string(limits_.per_edition) + " per " +
            std::to_string(limits_.edition_window) + " s");
  }
  if (g.by_address >= limit) {
    Log("voting.code_refused", e, remote_addr, "rate_limited");
    Error e = RateLimited("too many failed code checks", "voting.code.too_many");
    e.fields = {{"code", e.user_message_key}};
    return e;
  }
  return Ok();
}

void VotingCommands::RecordFailure(const budgets::Edition& e, const std::string& address_key,
                                   const std::string& remote_addr, std::string_view reason) {
  const int64_t t = now();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_TRY_VOID(BallotStore::AddAttempt(c, address_key, t));
    WP_TRY_VOID(BallotStore::AddAttempt(c, "edition:" + std::to_string(e.id), t));
    return true;
  });
  Log("voting.code_refused", e, remote_addr, r.has_value() ? reason : std::string_view("unrecorded"));
}

Result<std::vector<budgets::BallotPlan>> VotingCommands::Plans(const budgets::Edition& e) const {
  return editions_.BallotPlans(e.id);
}

void VotingCommands::MixIfReady(const budgets::Edition& e) {
  std::unique_lock<std::mutex> lock(mix_mu_, std::try_to_lock);
  if (!lock.owns_lock()) return;  // another request mixes now; the next cast tries again
  auto waiting = db_.Read([&](db::Connection& c) { return BallotMixer::CountWaiting(c, e.id); });
  if (!waiting.has_value() || *waiting < 2 * static_cast<int64_t>(mixer_.batch())) return;
  auto mixed = db_.Write([&](db::Connection& c) { return mixer_.Mix(c, e.id); });
  if (!mixed.has_value() && mixed.error().code != ErrorCode::kConflict) {
    Log("voting.mix_failed", e, "", mixed.error().detail);
  }
}

Result<void> VotingCommands::CountValidCode(const budgets::Edition& e, int64_t code_id,
                                            const std::string& remote_addr) {
  const int64_t t = now();
  std::lock_guard<std::mutex> lock(codes_mu_);
  auto prune = [&](std::map<int64_t, int64_t>& seen) {
    std::erase_if(seen, [&](const auto& entry) { return entry.second <= t - limits_.codes_window; });
  };
  if (codes_seen_.size() > 10000) {
    for (auto& [addr, seen] : codes_seen_) prune(seen);
    std::erase_if(codes_seen_, [](const auto& entry) { return entry.second.empty(); });
  }
  auto& seen = codes_seen_[remote_addr];
  // Old entries only matter when the address is at its limit: pruning on
  // every call walked all of them each time (an address behind which many
  // voters share one public address, with a raised limit, made that slow).
  const bool known = seen.contains(code_id);
  if (!known && static_cast<int>(seen.size()) >= limits_.codes_per_address) prune(seen);
  if (!known && static_cast<int>(seen.size()) >= limits_.codes_per_address) {
    Log("voting.many_codes_alarm", e, remote_addr,
        "more than " + std::to_string(limits_.codes_per_address) + " valid codes per " +
            std::to_string(limits_.codes_window) + " s");
    Error error = RateLimited("too many different codes from one address", "voting.code.too_many_codes");
    error.fields = {{"code", error.user_message_key}};
    return error;
  }
  seen[code_id] = t;
  return Ok();
}

Result<CodeEntry> VotingCommands::EnterCode(const budgets::Edition& e, std::string_view typed,
                                            const std::string& remote_addr) {
  const std::string address_key = "addr:" + remote_addr;
  WP_ASSIGN_OR_RETURN(Gate gate, ReadGate(Action::kVoteOnline, e, std::nullopt, address_key, typed));
  if (gate.decision != Decision::kAllowed) return DecisionError(gate.decision);
  WP_TRY_VOID(CheckRateLimit(e, gate, limits_.per_address, remote_addr));
  const codes::CodeCheck& check = *gate.code;
  if (IsGuess(check.state)) {
    RecordFailure(e, address_key, remote_addr, StateName(check.state));
    return CodeError(check.state, codes::Channel::kOnline);
  }
  if (check.state == codes::CodeState::kUsedOnPaper) {
    Log("voting.code_refused", e, remote_addr, "used_on_paper");
    return CodeError(check.state, codes::Channel::kOnline);
  }
  WP_TRY_VOID(CountValidCode(e, check.code_id, remote_addr));
  // The stored ballot is never read back (issue #11 item 2).
  return CodeEntry{check.state == codes::CodeState::kUsedOnline};
}

Result<bool> VotingCommands::Cast(const budgets::Edition& e, std::string_view typed, const std::vector<int64_t>& chosen,
                                  codes::Channel channel, const std::optional<auth::User>& official,
                                  const std::string& remote_addr, const std::vector<budgets::BallotPlan>* plans) {
  const bool paper = channel == codes::Channel::kPaper;
  const std::string address_key =
      paper ? "official:" + std::to_string(official ? official->id : 0) : "addr:" + remote_addr;
  WP_ASSIGN_OR_RETURN(Gate gate, ReadGate(paper ? Action::kEnterPaper : Action::kVoteOnline, e, official,
                                          address_key, std::nullopt));
  if (gate.decision != Decision::kAllowed) return DecisionError(gate.decision);
  WP_TRY_VOID(CheckRateLimit(e, gate, paper ? limits_.per_official : limits_.per_address, remote_addr));
  std::vector<budgets::BallotPlan> loaded;
  if (!plans) {
    WP_ASSIGN_OR_RETURN(loaded, editions_.BallotPlans(e.id));
    plans = &loaded;
  }
  std::vector<PlanCost> costs;
  for (const auto& p : *plans) costs.push_back({p.plan_id, p.cost_cents});
  BallotCheck check = CheckBallot(RulesFor(e), costs, chosen);
  const int64_t edition_id = e.id;
  std::optional<codes::CodeState> refused;
  auto cast = db_.Write([&](db::Connection& c) -> Result<bool> {
    refused.reset();
    // Counting closes paper entry; checked inside the transaction so that a
    // ballot can never slip in after the count.
    WP_ASSIGN_OR_RETURN(auto result, BallotStore::FindResult(c, edition_id));
    if (result) return DecisionError(Decision::kClosed);
    WP_ASSIGN_OR_RETURN(codes::CodeCheck code, codes_.Check(c, edition_id, typed));
    if (code.state != codes::CodeState::kUnused && code.state != codes::CodeState::kUsedOnline &&
        code.state != codes::CodeState::kUsedOnPaper) {
      refused = code.state;
      return CodeError(code.state, channel);
    }
    if (!paper && code.state != codes::CodeState::kUsedOnPaper) {
      WP_TRY_VOID(CountValidCode(e, code.code_id, remote_addr));
    }
    if (!check.ok()) return FormInvalid(BallotErrors(RulesFor(e), check));
    WP_ASSIGN_OR_RETURN(bool first, codes_.MarkUsed(c, code.code_id, channel));
    if (!first && paper) return CodeConflict("paper ballot entered twice", "voting.paper.already_entered");
    WP_TRY_VOID(mixer_.Hold(c, edition_id, code.ballot_key, EncodePlanIds(check.plan_ids)));
    return first;
  });
  if (cast.has_value()) MixIfReady(e);
  if (!cast.has_value()) {
    if (refused && IsGuess(*refused)) {
      RecordFailure(e, address_key, remote_addr, StateName(*refused));
    } else if (cast.error().code == ErrorCode::kConflict && cast.error().user_message_key.rfind("voting.", 0) == 0) {
      Log("voting.code_refused", e, remote_addr, cast.error().user_message_key);
    }
    // MarkUsed reports the other channel as a conflict without our key.
    if (cast.error().code == ErrorCode::kConflict && cast.error().user_message_key.rfind("voting.", 0) != 0) {
      return CodeConflict(cast.error().detail, paper ? "voting.paper.used_online" : "voting.code.used_on_paper");
    }
  }
  return cast;
}

Result<StoredResult> VotingCommands::CountAndPublish(const auth::User& official, const budgets::Edition& e) {
  WP_ASSIGN_OR_RETURN(Decision d, Decide(Action::kCount, e, official));
  if (d != Decision::kAllowed) return DecisionError(d);
  // Read now, not kept: the count takes the plans as they are.
  WP_ASSIGN_OR_RETURN(auto plans, editions_.ReadBallotPlans(e.id));
  const int64_t t = now();
  auto stored = db_.Write([&](db::Connection& c) -> Result<StoredResult> {
    WP_ASSIGN_OR_RETURN(auto existing, BallotStore::FindResult(c, e.id));
    if (existing) return DecisionError(Decision::kAlreadyCounted);
    // A paper ballot entered but not yet confirmed would be left out for ever.
    WP_ASSIGN_OR_RETURN(int64_t paper_waiting, codes::FourEyes::CountWaiting(c, e.id, codes::RiskyAct::kPaperBallot));
    if (paper_waiting > 0) return Conflict("paper ballots wait for a second official", "voting.count.paper_waiting");
    // Voting is over: every waiting ballot joins the count (one last batch).
    WP_TRY_VOID(mixer_.Drain(c, e.id));
    WP_ASSIGN_OR_RETURN(auto rows, BallotStore::All(c, e.id));
    TallyInput in;
    in.edition_slug = e.slug;
    in.edition_title = e.title;
    in.rules = RulesFor(e);
    in.equal_shares = e.counting_rule == budgets::CountingRule::kEqualShares;
    for (const auto& p : plans) in.plans.push_back({p.plan_id, p.title, p.cost_cents});
    for (const auto& row : rows) {
      auto ids = DecodePlanIds(row);
      if (!ids) return Internal("unreadable ballot row");
      in.ballots.push_back(*ids);
    }
    WP_ASSIGN_OR_RETURN(Tally tally, CountBallots(in));
    StoredResult r;
    r.edition_id = e.id;
    r.rule = std::string(budgets::CountingRuleName(e.counting_rule));
    r.outcome_json = OutcomeJson(OutcomeOf(tally, plans));
    r.report_text = tally.report_text;
    r.pabulib = tally.pabulib;
    r.ballots = tally.ballots;
    WP_ASSIGN_OR_RETURN(r.used_online, codes_.CountUsed(c, e.id, codes::Channel::kOnline));
    WP_ASSIGN_OR_RETURN(r.used_on_paper, codes_.CountUsed(c, e.id, codes::Channel::kPaper));
    if (r.used_online + r.used_on_paper != r.ballots) {
      return Internal("ballots and used codes differ: " + std::to_string(r.ballots) + " ballots, " +
                      std::to_string(r.used_online + r.used_on_paper) + " used codes");
    }
    r.counted_at = t;
    r.counted_by = official.id;
    WP_TRY_VOID(BallotStore::SaveResult(c, r));
    WP_TRY_VOID(editions_.RecordSelection(c, e.id, tally.selected));
    return r;
  });
  budgets::EditionDirectory::Changed();
  if (stored.has_value()) KeepCounted(e.id, true, budgets::BudgetsGeneration());
  return stored;
}

Result<std::optional<StoredResult>> VotingCommands::FindResult(int64_t edition_id) const {
  return db_.Read([&](db::Connection& c) { return BallotStore::FindResult(c, edition_id); });
}

Result<PublishedResult> VotingCommands::Published(const budgets::Edition& e) const {
  WP_ASSIGN_OR_RETURN(auto stored, FindResult(e.id));
  if (!stored) return NotFound("not counted yet", "voting.decision.not_counted");
  WP_ASSIGN_OR_RETURN(Outcome outcome, ParseOutcomeJson(stored->outcome_json));
  return PublishedResult{std::move(*stored), std::move(outcome)};
}

Result<Turnout> VotingCommands::TurnoutOf(const budgets::Edition& e) const {
  return db_.Read([&](db::Connection& c) -> Result<Turnout> {
    Turnout t;
    WP_ASSIGN_OR_RETURN(t.used_online, codes_.CountUsed(c, e.id, codes::Channel::kOnline));
    WP_ASSIGN_OR_RETURN(t.used_on_paper, codes_.CountUsed(c, e.id, codes::Channel::kPaper));
    WP_ASSIGN_OR_RETURN(t.ballots, BallotStore::Count(c, e.id));
    WP_ASSIGN_OR_RETURN(int64_t waiting, mixer_.CountWaitingVoters(c, e.id));
    t.ballots += waiting;
    return t;
  });
}

Result<int64_t> VotingCommands::PurgeAttempts() {
  const int64_t t = now();
  return db_.Write([&](db::Connection& c) { return BallotStore::PurgeAttempts(c, t - 24 * 3600); });
}

std::string VotingCommands::SealPaperBallot(std::string_view typed, const std::vector<int64_t>& chosen) const {
  return ToHex(mixer_.Seal(std::string(typed), EncodePlanIds(chosen)));
}

Result<std::pair<std::string, std::vector<int64_t>>> VotingCommands::OpenPaperBallot(std::string_view sealed) const {
  auto bytes = FromHex(sealed);
  if (!bytes) return Internal("a pending paper ballot is not hex");
  WP_ASSIGN_OR_RETURN(WaitingBallot opened, mixer_.Open(0, *bytes));
  auto plans = DecodePlanIds(opened.plan_ids);
  if (!plans) return Internal("a pending paper ballot has bad plan ids");
  return std::make_pair(opened.ballot_key, *plans);
}

void RegisterRiskyActs(codes::FourEyes& four_eyes, VotingCommands& commands) {
  four_eyes.SetExecutor(
      codes::RiskyAct::kPaperBallot,
      [&commands](const budgets::Edition& e, const codes::PendingAct& act, const auth::User& official,
                  const codes::FourEyesConfirmed&) -> Result<void> {
        WP_ASSIGN_OR_RETURN(auto ballot, commands.OpenPaperBallot(act.payload));
        WP_TRY_VOID(commands.Cast(e, ballot.first, ballot.second, codes::Channel::kPaper, official, "four-eyes"));
        return Ok();
      });
  four_eyes.SetExecutor(codes::RiskyAct::kPublishCount,
                        [&commands](const budgets::Edition& e, const codes::PendingAct&, const auth::User& official,
                                    const codes::FourEyesConfirmed&) -> Result<void> {
                          WP_TRY_VOID(commands.CountAndPublish(official, e));
                          return Ok();
                        });
}

}  // namespace wp::voting
