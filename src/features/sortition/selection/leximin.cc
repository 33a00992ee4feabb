#include "features/sortition/selection/leximin.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "features/sortition/selection/panel_oracle.h"

namespace wp::sortition {
namespace {

// Pricing and fixing tolerance, as in the reference implementation.
constexpr double kEps = 5e-4;
// Panels with less probability than this are dropped from the support.
constexpr double kSupportEps = 1e-8;

class ColumnSet {
 public:
  // Returns false if the panel is already known.
  bool Add(const Composition& panel) {
    if (!seen_.insert(panel).second) return false;
    panels_.push_back(panel);
    return true;
  }
  bool Contains(const Composition& panel) const { return seen_.count(panel) > 0; }
  const std::vector<Composition>& panels() const { return panels_; }

 private:
  std::set<Composition> seen_;
  std::vector<Composition> panels_;
};

double Value(const std::vector<double>& weight, const Composition& panel) {
  double v = 0;
  for (size_t t = 0; t < panel.size(); ++t) v += weight[t] * panel[t];
  return v;
}

// Adds the rows sum_P (c_{P,t}/n_t) x_P (+ extra_coef * extra) >= rhs[t], one
// per type, to `lp` over the panel columns 0..panels.size()-1.
void AddTypeRows(const TypeModel& types, const std::vector<Composition>& panels, LpProblem& lp,
                 const std::vector<double>& lower, int extra_col, const std::vector<double>& extra_coef) {
  const int n_types = static_cast<int>(types.types.size());
  std::vector<LpRow> rows(n_types);
  for (size_t p = 0; p < panels.size(); ++p) {
    for (int t = 0; t < n_types; ++t) {
      if (panels[p][t] == 0) continue;
      rows[t].index.push_back(static_cast<int>(p));
      rows[t].value.push_back(static_cast<double>(panels[p][t]) / types.types[t].members.size());
    }
  }
  for (int t = 0; t < n_types; ++t) {
    rows[t].lower = lower[t];
    rows[t].upper = kLpInfinity;
    if (extra_coef[t] != 0) {
      rows[t].index.push_back(extra_col);
      rows[t].value.push_back(extra_coef[t]);
    }
    lp.AddRow(std::move(rows[t]));
  }
}

}  // namespace

std::vector<double> TypeProbabilities(const TypeModel& types, const std::vector<Composition>& panels,
                                      const std::vector<double>& weights) {
  std::vector<double> pi(types.types.size(), 0.0);
  for (size_t p = 0; p < panels.size(); ++p) {
    for (size_t t = 0; t < pi.size(); ++t) {
      pi[t] += weights[p] * panels[p][t] / static_cast<double>(types.types[t].members.size());
    }
  }
  return pi;
}

namespace {

// One run of FindFairDistribution: the column set of candidate panels, and per
// type whether its probability is fixed yet (`fixed`) and at what value (`q`).
class FairSolver {
 public:
  FairSolver(const Instance& instance, const TypeModel& types, Solvers solvers, const FairnessOptions& options,
             FairnessStats& st)
      : instance_(instance),
        types_(types),
        solvers_(solvers),
        options_(options),
        st_(st),
        n_types_(static_cast<int>(types.types.size())),
        oracle_(instance, types, solvers.mip),
        covered_(n_types_, false),
        fixed_(n_types_, false),
        q_(n_types_, 0.0) {}

  Result<Distribution> Run() {
    st_.types = n_types_;
    // Feasibility.
    std::optional<Composition> first = oracle_.Best(std::vector<double>(n_types_, 0.0));
    if (!first) return InvalidInput("no panel satisfies all quotas");
    columns_.Add(*first);
    WP_TRY_VOID(WarmStart());
    WP_TRY_VOID(CoverTypes());
    // Outer loop: maximise the lowest probability among unfixed types, fix.
    while (std::count(fixed_.begin(), fixed_.end(), false) > 0) {
      ++st_.outer_rounds;
      WP_TRY_VOID(FixLowest());
    }
    return Decompose();
  }

 private:
  // Warm start with multiplicative weights (per member of each type).
  Result<void> WarmStart() {
    const double n = static_cast<double>(instance_.agents.size());
    std::vector<double> w(n_types_, 1.0);
    const int rounds = options_.warm_start_rounds >= 0 ? options_.warm_start_rounds : n_types_;
    int stale = 0;
    for (int r = 0; r < rounds && stale < options_.warm_start_patience; ++r) {
      std::optional<Composition> panel = oracle_.Best(w);
      if (!panel) return Internal("the panel ILP failed during the warm start");
      if (columns_.Add(*panel)) {
        stale = 0;
        for (int t = 0; t < n_types_; ++t) {
          w[t] *= 1.0 - 0.2 * (*panel)[t] / static_cast<double>(types_.types[t].members.size());
        }
      } else {
        ++stale;
        for (double& x : w) x = 0.9 * x + 0.1;
      }
      double total = 0;
      for (int t = 0; t < n_types_; ++t) total += w[t] * types_.types[t].members.size();
      for (double& x : w) x *= n / total;
    }
    return Ok();
  }

  // Cover every type that some feasible panel contains; a type in no feasible
  // panel is fixed at probability 0.
  Result<void> CoverTypes() {
    for (const Composition& p : columns_.panels()) {
      for (int t = 0; t < n_types_; ++t) covered_[t] = covered_[t] || p[t] > 0;
    }
    for (int t = 0; t < n_types_; ++t) {
      if (covered_[t]) continue;
      std::vector<double> e(n_types_, 0.0);
      e[t] = 1;
      std::optional<Composition> panel = oracle_.Best(e);
      if (!panel) return Internal("the panel ILP failed while covering types");
      if ((*panel)[t] == 0) {
        fixed_[t] = true;
        continue;
      }
      columns_.Add(*panel);
      for (int u = 0; u < n_types_; ++u) covered_[u] = covered_[u] || (*panel)[u] > 0;
    }
    return Ok();
  }

  // Column generation on the master LP until no panel prices out, then fixes
  // the types whose duals are positive (at least one) at the optimum.
  Result<void> FixLowest() {
    for (;;) {
      const std::vector<Composition>& panels = columns_.panels();
      const int n_panels = static_cast<int>(panels.size());
      LpProblem lp;
      lp.sense = LpSense::kMaximize;
      for (int p = 0; p < n_panels; ++p) lp.AddColumn(0, 0, kLpInfinity);
      const int z = lp.AddColumn(1, -kLpInfinity, kLpInfinity);
      std::vector<double> lower(n_types_);
      std::vector<double> z_coef(n_types_);
      for (int t = 0; t < n_types_; ++t) {
        lower[t] = fixed_[t] ? q_[t] : 0.0;
        z_coef[t] = fixed_[t] ? 0.0 : -1.0;
      }
      AddTypeRows(types_, panels, lp, lower, z, z_coef);
      const int convexity_row = lp.AddRow(ConvexityRow(n_panels, -kLpInfinity));
      LpSolution s = solvers_.lp.Solve(lp);
      ++st_.lp_solves;
      if (s.status != LpStatus::kOptimal) {
        // Floating-point artefact after fixing: relax the fixed values a little.
        if (++guard_retries_ > 20) return Internal("the master LP stays " + LpStatusName(s.status));
        for (int t = 0; t < n_types_; ++t) q_[t] = std::max(0.0, q_[t] - 1e-4);
        continue;
      }
      std::vector<double> y(n_types_);
      std::vector<double> weight(n_types_);
      for (int t = 0; t < n_types_; ++t) {
        y[t] = std::max(0.0, -s.row_duals[t]);
        weight[t] = y[t] / static_cast<double>(types_.types[t].members.size());
      }
      std::optional<Composition> panel = oracle_.Best(weight);
      if (!panel) return Internal("the pricing ILP failed");
      if (Value(weight, *panel) <= s.row_duals[convexity_row] + kEps || columns_.Contains(*panel)) {
        Fix(y, s.x[z]);
        return Ok();
      }
      columns_.Add(*panel);
    }
  }

  // Fixes the unfixed types with a positive dual `y` at the optimum `d` (the
  // one with the largest dual when none is positive; all with maximin).
  void Fix(const std::vector<double>& y, double d) {
    int best = -1;
    bool any = false;
    for (int t = 0; t < n_types_; ++t) {
      if (fixed_[t]) continue;
      if (best < 0 || y[t] > y[best]) best = t;
      if (y[t] > kEps) {
        fixed_[t] = true;
        q_[t] = std::max(0.0, d);
        any = true;
      }
    }
    if (!any) {
      fixed_[best] = true;
      q_[best] = std::max(0.0, d);
    }
    if (options_.objective != Fairness::kMaximin) return;
    for (int t = 0; t < n_types_; ++t) {
      if (!fixed_[t]) {
        fixed_[t] = true;
        q_[t] = std::max(0.0, d);
      }
    }
  }

  static LpRow ConvexityRow(int n_panels, double lower) {
    LpRow convexity{lower, 1, {}, {}};
    for (int p = 0; p < n_panels; ++p) {
      convexity.index.push_back(p);
      convexity.value.push_back(1);
    }
    return convexity;
  }

  // Final decomposition: min eps s.t. sum x = 1, pi_t >= q_t - eps.
  Result<Distribution> Decompose() {
    const std::vector<Composition>& panels = columns_.panels();
    const int n_panels = static_cast<int>(panels.size());
    LpProblem lp;
    for (int p = 0; p < n_panels; ++p) lp.AddColumn(0, 0, kLpInfinity);
    const int eps = lp.AddColumn(1, 0, kLpInfinity);
    AddTypeRows(types_, panels, lp, q_, eps, std::vector<double>(n_types_, 1.0));
    lp.AddRow(ConvexityRow(n_panels, 1));
    LpSolution s = solvers_.lp.Solve(lp);
    ++st_.lp_solves;
    if (s.status != LpStatus::kOptimal) return Internal("the decomposition LP is " + LpStatusName(s.status));
    st_.decomposition_error = s.x[eps];

    Distribution out;
    double total = 0;
    for (int p = 0; p < n_panels; ++p) {
      double x = std::clamp(s.x[p], 0.0, 1.0);
      if (x < kSupportEps) continue;
      out.panels.push_back(panels[p]);
      out.weights.push_back(x);
      total += x;
    }
    for (double& x : out.weights) x /= total;
    out.type_probability = TypeProbabilities(types_, out.panels, out.weights);
    out.agent_probability.resize(instance_.agents.size());
    out.min_probability = 1;
    for (size_t i = 0; i < instance_.agents.size(); ++i) {
      double pi = out.type_probability[types_.type_of_agent[i]];
      out.agent_probability[i] = pi;
      out.min_probability = std::min(out.min_probability, pi);
      if (pi <= 0 && !covered_[types_.type_of_agent[i]]) out.unreachable_agents.push_back(static_cast<int>(i));
    }
    st_.columns = static_cast<int>(columns_.panels().size());
    st_.ilp_calls = oracle_.calls();
    return out;
  }

  const Instance& instance_;
  const TypeModel& types_;
  Solvers solvers_;
  const FairnessOptions& options_;
  FairnessStats& st_;
  const int n_types_;
  PanelOracle oracle_;
  ColumnSet columns_;
  std::vector<bool> covered_, fixed_;
  std::vector<double> q_;
  int guard_retries_ = 0;
};

}  // namespace

Result<Distribution> FindFairDistribution(const Instance& instance, const TypeModel& types, Solvers solvers,
                                          const FairnessOptions& options, FairnessStats* stats) {
  FairnessStats local;
  FairnessStats& st = stats ? *stats : local;
  st = FairnessStats{};
  return FairSolver(instance, types, solvers, options, st).Run();
}

}  // namespace wp::sortition
