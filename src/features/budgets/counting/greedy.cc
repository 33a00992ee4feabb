#include "features/budgets/counting/greedy.h"

#include <algorithm>
#include <numeric>

namespace wp::budgets::counting {
namespace {

int64_t KeyVotes(const Project& p, GreedyKey key) { return key == GreedyKey::kScore ? p.score : p.votes; }

// True when a's key is strictly greater than b's.
bool KeyGreater(const Project& a, const Project& b, GreedyKey key) {
  if (key != GreedyKey::kVotesPerCost) return KeyVotes(a, key) > KeyVotes(b, key);
  // votes/cost; a free project with support comes first, a free one without is 0.
  __int128 ca = a.cost_cents, cb = b.cost_cents;
  __int128 va = a.votes, vb = b.votes;
  if (ca == 0 && va == 0) ca = 1;
  if (cb == 0 && vb == 0) cb = 1;
  return va * cb > vb * ca;
}

}  // namespace

std::string_view GreedyKeyName(GreedyKey key) {
  switch (key) {
    case GreedyKey::kVotes: return "greedy-cost";
    case GreedyKey::kVotesPerCost: return "greedy-card";
    case GreedyKey::kScore: return "greedy-points";
  }
  return "greedy-cost";
}

void CompleteGreedily(const Election& e, const GreedyOptions& o, const std::string& stage, CountResult& result) {
  std::vector<int> rank = TieBreakRanks(e, o.tie_break);
  std::vector<int> order(e.projects.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (KeyGreater(e.projects[a], e.projects[b], o.key)) return true;
    if (KeyGreater(e.projects[b], e.projects[a], o.key)) return false;
    return rank[a] < rank[b];
  });
  std::vector<bool> taken(e.projects.size(), false);
  for (int p : result.selected) taken[p] = true;
  int64_t left = e.budget_cents - e.TotalCost(result.selected);
  const char* unit = o.key == GreedyKey::kScore ? " points" : " votes";
  bool stopped = false;
  for (int p : order) {
    if (taken[p]) continue;
    const Project& pr = e.projects[p];
    int64_t support = KeyVotes(pr, o.key);
    if (support < o.min_votes) {
      if (pr.votes == 0) result.Reject(p, Verdict::kNoSupport, "no ballot names it");
      else result.Reject(p, Verdict::kBelowThreshold, std::to_string(support) + unit + ", fewer than the " +
                                                           std::to_string(o.min_votes) + " needed");
      continue;
    }
    if (stopped) {
      result.Reject(p, Verdict::kNotReached, "counting stopped at an earlier project that did not fit");
      continue;
    }
    if (pr.cost_cents > e.budget_cents) {
      result.Reject(p, Verdict::kCostsMoreThanBudget, "costs more than the whole budget");
      if (!o.skip) stopped = true;
      continue;
    }
    if (pr.cost_cents > left) {
      result.Reject(p, Verdict::kDoesNotFit, std::to_string(support) + unit + ", but it needs " +
                                                 FormatAmount(pr.cost_cents) + " and only " + FormatAmount(left) +
                                                 " was left",
                    left);
      if (!o.skip) stopped = true;
      continue;
    }
    left -= pr.cost_cents;
    result.Fund(e, p, stage, std::to_string(support) + unit + "; " + FormatAmount(left) + " left after it");
  }
}

CountResult CountGreedy(const Election& e, const GreedyOptions& o) {
  CountResult r;
  r.rule = std::string(GreedyKeyName(o.key)) + (o.skip ? "" : "-no-skip");
  r.tie_break = std::string(TieBreakName(o.tie_break));
  if (o.min_votes > 1) r.notes.push_back("projects need at least " + std::to_string(o.min_votes) + " votes");
  if (o.min_votes <= 0) r.notes.push_back("projects without votes may be funded (pabutools behaviour)");
  CompleteGreedily(e, o, "greedy", r);
  r.Finish(e);
  return r;
}

}  // namespace wp::budgets::counting
