#include "features/challenges/gate.h"

namespace wp::challenges {

bool LegalEntityRequired(int64_t amount_cents, int64_t threshold_cents) { return amount_cents > threshold_cents; }

std::optional<GateCheck> LatestCheck(const std::vector<GateCheck>& checks, Criterion c) {
  std::optional<GateCheck> out;
  for (const auto& g : checks) {
    if (g.criterion == c) out = g;
  }
  return out;
}

GateState EvaluateGate(const std::vector<GateCheck>& checks, int64_t amount_cents, int64_t threshold_cents) {
  GateState s;
  for (Criterion c : kAllCriteria) {
    if (c == Criterion::kLegalEntity && !LegalEntityRequired(amount_cents, threshold_cents)) continue;
    auto latest = LatestCheck(checks, c);
    if (!latest) {
      s.open.push_back(c);
    } else if (!latest->met) {
      s.failed.push_back(c);
    }
  }
  return s;
}

std::string_view DecisionProblemKey(DecisionProblem p) {
  switch (p) {
    case DecisionProblem::kWrongMoment:
      return "challenges.decision.wrong_moment";
    case DecisionProblem::kGateNotReady:
      return "challenges.decision.gate_not_ready";
    case DecisionProblem::kNoBusinessCase:
      return "challenges.decision.no_business_case";
    case DecisionProblem::kCostTooHigh:
      return "challenges.decision.cost_too_high";
    case DecisionProblem::kNeedsEntity:
      return "challenges.decision.needs_entity";
  }
  return "challenges.decision.wrong_moment";
}

std::optional<Moment> MomentOf(Stage s) {
  switch (s) {
    case Stage::kGate:
      return Moment::kGate;
    case Stage::kBusinessCase:
      return Moment::kBusinessCase;
    case Stage::kAgreement:
      return Moment::kStart;
    case Stage::kRunning:
    case Stage::kStopped:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<DecisionProblem> CheckDecision(const Challenge& c, Moment moment, bool go,
                                             const std::vector<GateCheck>& checks,
                                             const std::optional<BusinessCase>& business_case,
                                             int64_t threshold_cents) {
  if (MomentOf(c.stage) != moment) return DecisionProblem::kWrongMoment;
  if (!go) return std::nullopt;
  if (moment == Moment::kGate) {
    if (!EvaluateGate(checks, c.estimate_cents, threshold_cents).ready()) return DecisionProblem::kGateNotReady;
    return std::nullopt;
  }
  if (moment == Moment::kBusinessCase) {
    if (!business_case) return DecisionProblem::kNoBusinessCase;
    if (business_case->total_cents() > business_case->current_cost_cents) return DecisionProblem::kCostTooHigh;
    if (LegalEntityRequired(business_case->total_cents(), threshold_cents) && !c.legal_entity) {
      return DecisionProblem::kNeedsEntity;
    }
  }
  return std::nullopt;
}

Stage StageAfter(Moment moment, bool go) {
  if (!go) return Stage::kStopped;
  switch (moment) {
    case Moment::kGate:
      return Stage::kBusinessCase;
    case Moment::kBusinessCase:
      return Stage::kAgreement;
    case Moment::kStart:
      return Stage::kRunning;
  }
  return Stage::kStopped;
}

bool AcceptsBusinessCase(Stage s) { return s == Stage::kBusinessCase; }
bool AcceptsReports(Stage s) { return s == Stage::kRunning; }

}  // namespace wp::challenges
