// The rules of a challenge's path, as pure functions: the state of the gate
// (per criterion the latest check counts; a legal entity is only required
// above the threshold), which go/no-go decision may be taken in which stage
// and what it requires, and where it leads. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "features/challenges/challenge.h"

namespace wp::challenges {

struct GateState {
  std::vector<Criterion> open;    // required criteria without a check yet
  std::vector<Criterion> failed;  // required criteria whose latest check is "not met"
  bool ready() const { return open.empty() && failed.empty(); }
};
// True when the group must be a legal entity for `amount_cents`.
bool LegalEntityRequired(int64_t amount_cents, int64_t threshold_cents);
// The gate of a challenge with `checks` (oldest first) for `amount_cents`.
GateState EvaluateGate(const std::vector<GateCheck>& checks, int64_t amount_cents, int64_t threshold_cents);
// The latest check of `c`, or nullopt.
std::optional<GateCheck> LatestCheck(const std::vector<GateCheck>& checks, Criterion c);

enum class DecisionProblem {
  kWrongMoment,     // this moment is not the one of the challenge's stage
  kGateNotReady,    // go at the gate while criteria are open or not met
  kNoBusinessCase,  // go on the business case before there is one
  kCostTooHigh,     // go on a business case that costs more than the municipality spends now
  kNeedsEntity,     // go on a business case above the threshold for a group that is not a legal entity
};
// "challenges.decision.<name>": wrong_moment, gate_not_ready, no_business_case, cost_too_high, needs_entity.
std::string_view DecisionProblemKey(DecisionProblem p);

// The moment of a stage (nullopt for running and stopped: no decision left).
std::optional<Moment> MomentOf(Stage s);
// nullopt when `go` may be decided at `moment` for `c` with its `checks` and
// `business_case`. A no-go needs only the right moment.
std::optional<DecisionProblem> CheckDecision(const Challenge& c, Moment moment, bool go,
                                             const std::vector<GateCheck>& checks,
                                             const std::optional<BusinessCase>& business_case, int64_t threshold_cents);
// The stage after a decision: a no-go stops; a go moves on one stage.
Stage StageAfter(Moment moment, bool go);

// True when the group may change its business case (only in that stage)
// and when reports may be written (only when running).
bool AcceptsBusinessCase(Stage s);
bool AcceptsReports(Stage s);

}  // namespace wp::challenges
