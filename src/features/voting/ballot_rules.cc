#include "features/voting/ballot_rules.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace wp::voting {

std::string_view ProblemKey(BallotProblem p) {
  switch (p) {
    case BallotProblem::kEmpty:
      return "voting.ballot.empty";
    case BallotProblem::kUnknownPlan:
      return "voting.ballot.unknown_plan";
    case BallotProblem::kDuplicate:
      return "voting.ballot.duplicate";
    case BallotProblem::kOverBudget:
      return "voting.ballot.over_budget";
    case BallotProblem::kOverMaxSpend:
      return "voting.ballot.over_max_spend";
    case BallotProblem::kUnderMinSpend:
      return "voting.ballot.under_min_spend";
    case BallotProblem::kTooManyPlans:
      return "voting.ballot.too_many_plans";
  }
  return "voting.ballot.empty";
}

BallotCheck CheckBallot(const BallotRules& rules, const std::vector<PlanCost>& on_ballot,
                        const std::vector<int64_t>& chosen) {
  BallotCheck out;
  std::set<int64_t> seen;
  bool unknown = false, duplicate = false;
  for (int64_t id : chosen) {
    auto it = std::find_if(on_ballot.begin(), on_ballot.end(), [id](const PlanCost& p) { return p.plan_id == id; });
    if (it == on_ballot.end()) {
      unknown = true;
      continue;
    }
    if (!seen.insert(id).second) {
      duplicate = true;
      continue;
    }
    out.total_cents += it->cost_cents;
    ++out.count;
  }
  out.plan_ids.assign(seen.begin(), seen.end());
  if (unknown) out.problems.push_back(BallotProblem::kUnknownPlan);
  if (duplicate) out.problems.push_back(BallotProblem::kDuplicate);
  if (out.count == 0 && !unknown) {
    out.problems.push_back(BallotProblem::kEmpty);
    return out;
  }
  if (rules.split_budget && out.total_cents > rules.budget_cents) out.problems.push_back(BallotProblem::kOverBudget);
  if (!rules.split_budget && rules.max_plans > 0 && out.count > rules.max_plans) {
    out.problems.push_back(BallotProblem::kTooManyPlans);
  }
  if (rules.max_spend_cents && out.total_cents > *rules.max_spend_cents &&
      !(rules.split_budget && *rules.max_spend_cents >= rules.budget_cents)) {
    out.problems.push_back(BallotProblem::kOverMaxSpend);
  }
  if (rules.min_spend_cents && out.total_cents < *rules.min_spend_cents && out.count > 0) {
    out.problems.push_back(BallotProblem::kUnderMinSpend);
  }
  return out;
}

std::vector<FieldError> BallotErrors(const BallotRules& rules, const BallotCheck& check) {
  std::vector<FieldError> errors;
  for (BallotProblem p : check.problems) {
    errors.push_back({"plans",
                      std::string(ProblemKey(p)),
                      {{"total", Money{check.total_cents}},
                       {"budget", Money{rules.budget_cents}},
                       {"min", Money{rules.min_spend_cents.value_or(0)}},
                       {"max", Money{rules.max_spend_cents.value_or(0)}},
                       {"k", int64_t{rules.max_plans}},
                       {"count", int64_t{check.count}}}});
  }
  return errors;
}

std::optional<std::vector<int64_t>> ParsePlanIds(const std::vector<std::string>& values) {
  std::vector<int64_t> out;
  for (const auto& v : values) {
    int64_t id = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
    if (v.empty() || ec != std::errc() || p != v.data() + v.size() || id <= 0) return std::nullopt;
    out.push_back(id);
  }
  return out;
}

std::string EncodePlanIds(const std::vector<int64_t>& ids) {
  std::vector<int64_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string out;
  for (int64_t id : sorted) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

std::optional<std::vector<int64_t>> DecodePlanIds(std::string_view text) {
  std::vector<std::string> parts;
  if (text.empty()) return std::vector<int64_t>{};
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    parts.emplace_back(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return ParsePlanIds(parts);
}

Decision Decide(Action action, const Situation& s) {
  const bool open_reached = s.window.published && s.now >= s.window.voting_open;
  const bool closed = s.now >= s.window.voting_close;
  switch (action) {
    case Action::kVoteOnline:
      if (!open_reached) return Decision::kNotYetOpen;
      if (closed || s.counted) return Decision::kClosed;
      return Decision::kAllowed;
    case Action::kEnterPaper:
      if (!s.signed_in) return Decision::kNotSignedIn;
      if (!s.manages) return Decision::kNotAllowed;
      if (!open_reached) return Decision::kNotYetOpen;
      if (s.counted) return Decision::kClosed;
      return Decision::kAllowed;
    case Action::kCount:
      if (!s.signed_in) return Decision::kNotSignedIn;
      if (!s.manages) return Decision::kNotAllowed;
      if (!open_reached) return Decision::kNotYetOpen;
      if (s.counted) return Decision::kAlreadyCounted;
      if (!closed) return Decision::kNotYetClosed;
      return Decision::kAllowed;
    case Action::kViewCountPage:
      if (!s.signed_in) return Decision::kNotSignedIn;
      if (!s.manages) return Decision::kNotAllowed;
      return Decision::kAllowed;
    case Action::kViewResults:
      if (!s.counted) return Decision::kNotCounted;
      return Decision::kAllowed;
  }
  return Decision::kNotAllowed;
}

std::string_view DecisionKey(Decision d) {
  switch (d) {
    case Decision::kAllowed:
      return "voting.decision.allowed";
    case Decision::kNotSignedIn:
      return "voting.decision.not_signed_in";
    case Decision::kNotAllowed:
      return "voting.decision.not_allowed";
    case Decision::kNotYetOpen:
      return "voting.decision.not_yet_open";
    case Decision::kClosed:
      return "voting.decision.closed";
    case Decision::kNotYetClosed:
      return "voting.decision.not_yet_closed";
    case Decision::kAlreadyCounted:
      return "voting.decision.already_counted";
    case Decision::kNotCounted:
      return "voting.decision.not_counted";
  }
  return "voting.decision.not_allowed";
}

}  // namespace wp::voting
