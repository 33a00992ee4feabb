#include "features/budgets/counting/phragmen.h"

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <cstdio>

namespace wp::budgets::counting {
namespace {

using Rational = boost::multiprecision::cpp_rational;
constexpr double kTolerance = 1e-9;

struct PhragmenOutput {
  bool ambiguous = false;
  std::vector<int> selected;
  std::vector<double> max_load;  // per selected project, in cents per voter
  int stop_project = -1;         // a tied project that did not fit, when counting stopped
  std::vector<std::string> tie_notes;
};

template <typename Num>
PhragmenOutput RunPhragmen(const Election& e, const std::vector<std::vector<int>>& supporters,
                           const std::vector<int>& rank, const std::vector<int>& candidates, bool check) {
  constexpr bool kExact = std::is_same_v<Num, Rational>;
  PhragmenOutput out;
  std::vector<Num> load(e.groups.size(), Num(0));
  std::vector<Num> load_sum(e.projects.size(), Num(0));  // sum of supporters' loads (weighted)
  std::vector<int> cands = candidates;
  int64_t spent = 0;
  while (!cands.empty()) {
    // value = (load_sum + cost) / votes; +infinity without votes.
    std::vector<int> tied;
    Num best{};
    bool best_inf = true;
    bool has_second = false;
    Num second{};
    for (int p : cands) {
      const Project& pj = e.projects[p];
      if (pj.votes == 0) {
        if (best_inf) tied.push_back(p);
        continue;
      }
      Num v = (load_sum[p] + Num(pj.cost_cents)) / Num(pj.votes);
      if (best_inf || v < best) {
        if (!best_inf) {
          has_second = true;
          second = best;
        }
        best = v;
        best_inf = false;
        tied.assign(1, p);
      } else if (v == best) {
        tied.push_back(p);
      } else if (!has_second || v < second) {
        has_second = true;
        second = v;
      }
    }
    if constexpr (!kExact) {
      if (check && !best_inf &&
          (tied.size() > 1 || (has_second && second <= best * (1 + kTolerance)))) {
        out.ambiguous = true;
        return out;
      }
    }
    for (int p : tied) {
      if (spent + e.projects[p].cost_cents > e.budget_cents) {
        out.stop_project = p;
        return out;
      }
    }
    int winner = *std::min_element(tied.begin(), tied.end(), [&](int a, int b) { return rank[a] < rank[b]; });
    if (tied.size() > 1) {
      std::string note = "equal value for";
      for (int p : tied) note += " " + e.projects[p].id;
      out.tie_notes.push_back(note + "; " + e.projects[winner].id + " wins the tie-break");
    }
    out.selected.push_back(winner);
    spent += e.projects[winner].cost_cents;
    if (best_inf) {
      out.max_load.push_back(-1);
    } else {
      if constexpr (kExact) out.max_load.push_back(best.template convert_to<double>());
      else out.max_load.push_back(best);
      for (int g : supporters[winner]) {
        Num delta = (best - load[g]) * Num(e.groups[g].weight);
        for (int q : e.groups[g].projects) load_sum[q] += delta;
        load[g] = best;
      }
    }
    cands.erase(std::find(cands.begin(), cands.end(), winner));
  }
  return out;
}

}  // namespace

CountResult CountPhragmen(const Election& e, const PhragmenOptions& o) {
  CountResult result;
  result.rule = "phragmen";
  result.tie_break = std::string(TieBreakName(o.tie_break));
  std::vector<int> rank = TieBreakRanks(e, o.tie_break);
  std::vector<int> candidates;
  for (size_t p = 0; p < e.projects.size(); ++p) {
    const Project& pj = e.projects[p];
    int ip = static_cast<int>(p);
    if (pj.cost_cents > e.budget_cents) {
      result.Reject(ip, Verdict::kCostsMoreThanBudget, "costs more than the whole budget");
    } else if (pj.votes < o.min_votes) {
      result.Reject(ip, Verdict::kNoSupport, "no ballot names it");
    } else {
      candidates.push_back(ip);
    }
  }
  auto supporters = SupportersByProject(e);
  PhragmenOutput out;
  if (o.arithmetic == Arithmetic::kExact) {
    out = RunPhragmen<Rational>(e, supporters, rank, candidates, false);
  } else {
    out = RunPhragmen<double>(e, supporters, rank, candidates, o.arithmetic == Arithmetic::kAuto);
    if (out.ambiguous) {
      ++result.exact_recounts;
      out = RunPhragmen<Rational>(e, supporters, rank, candidates, false);
      result.notes.push_back("recounted with exact fractions because two values were too close for doubles");
    }
  }
  for (std::string& t : out.tie_notes) result.notes.push_back(std::move(t));
  for (size_t i = 0; i < out.selected.size(); ++i) {
    int p = out.selected[i];
    std::string why = out.max_load[i] < 0 ? "no supporters; funded because nothing else was left"
                                          : "its supporters' loads rise to " + FormatCents(out.max_load[i]) + " each";
    result.Fund(e, p, "phragmen", why);
  }
  if (out.stop_project >= 0) {
    result.notes.push_back("stopped: project " + e.projects[out.stop_project].id +
                           " came next but does not fit in the money left");
    for (int p : candidates) {
      if (std::find(out.selected.begin(), out.selected.end(), p) != out.selected.end()) continue;
      result.Reject(p, p == out.stop_project ? Verdict::kDoesNotFit : Verdict::kNotReached,
                    p == out.stop_project ? "came next but does not fit in the money left"
                                          : "counting stopped before its turn");
    }
  }
  result.Finish(e);
  return result;
}

}  // namespace wp::budgets::counting
