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

Result<Distribution> FindFairDistribution(const Instance& instance, const TypeModel& types, Solvers solvers,
                                          const FairnessOptions& options, FairnessStats* stats) {
  FairnessStats local;
  FairnessStats& st = stats ? *stats : local;
  st = FairnessStats{};
  const int n_types = static_cast<int>(types.types.size());
  st.types = n_types;
  PanelOracle oracle(instance, types, solvers.mip);
  ColumnSet columns;

  // Feasibility.
  std::optional<Composition> first = oracle.Best(std::vector<double>(n_types, 0.0));
  if (!first) return InvalidInput("no panel satisfies all quotas");
  columns.Add(*first);

  // Warm start with multiplicative weights (per member of each type).
  const double n = static_cast<double>(instance.agents.size());
  std::vector<double> w(n_types, 1.0);
  const int rounds = options.warm_start_rounds >= 0 ? options.warm_start_rounds : n_types;
  int stale = 0;
  for (int r = 0; r < rounds && stale < options.warm_start_patience; ++r) {
    std::optional<Composition> panel = oracle.Best(w);
    if (!panel) return Internal("the panel ILP failed during the warm start");
    if (columns.Add(*panel)) {
      stale = 0;
      for (int t = 0; t < n_types; ++t) {
        w[t] *= 1.0 - 0.2 * (*panel)[t] / static_cast<double>(types.types[t].members.size());
      }
    } else {
      ++stale;
      for (double& x : w) x = 0.9 * x + 0.1;
    }
    double total = 0;
    for (int t = 0; t < n_types; ++t) total += w[t] * types.types[t].members.size();
    for (double& x : w) x *= n / total;
  }

  // Cover every type that some feasible panel contains.
  std::vector<bool> covered(n_types, false);
  for (const Composition& p : columns.panels()) {
    for (int t = 0; t < n_types; ++t) covered[t] = covered[t] || p[t] > 0;
  }
  std::vector<bool> fixed(n_types, false);
  std::vector<double> q(n_types, 0.0);
  for (int t = 0; t < n_types; ++t) {
    if (covered[t]) continue;
    std::vector<double> e(n_types, 0.0);
    e[t] = 1;
    std::optional<Composition> panel = oracle.Best(e);
    if (!panel) return Internal("the panel ILP failed while covering types");
    if ((*panel)[t] == 0) {
      fixed[t] = true;  // in no feasible panel: probability 0
      continue;
    }
    columns.Add(*panel);
    for (int u = 0; u < n_types; ++u) covered[u] = covered[u] || (*panel)[u] > 0;
  }

  // Outer loop: maximise the lowest probability among unfixed types, fix.
  int guard_retries = 0;
  while (std::count(fixed.begin(), fixed.end(), false) > 0) {
    ++st.outer_rounds;
    for (;;) {
      const std::vector<Composition>& panels = columns.panels();
      const int n_panels = static_cast<int>(panels.size());
      LpProblem lp;
      lp.sense = LpSense::kMaximize;
      for (int p = 0; p < n_panels; ++p) lp.AddColumn(0, 0, kLpInfinity);
      const int z = lp.AddColumn(1, -kLpInfinity, kLpInfinity);
      std::vector<double> lower(n_types);
      std::vector<double> z_coef(n_types);
      for (int t = 0; t < n_types; ++t) {
        lower[t] = fixed[t] ? q[t] : 0.0;
        z_coef[t] = fixed[t] ? 0.0 : -1.0;
      }
      AddTypeRows(types, panels, lp, lower, z, z_coef);
      LpRow convexity{-kLpInfinity, 1, {}, {}};
      for (int p = 0; p < n_panels; ++p) {
        convexity.index.push_back(p);
        convexity.value.push_back(1);
      }
      const int convexity_row = lp.AddRow(std::move(convexity));
      LpSolution s = solvers.lp.Solve(lp);
      ++st.lp_solves;
      if (s.status != LpStatus::kOptimal) {
        // Floating-point artefact after fixing: relax the fixed values a little.
        if (++guard_retries > 20) return Internal("the master LP stays " + LpStatusName(s.status));
        for (int t = 0; t < n_types; ++t) q[t] = std::max(0.0, q[t] - 1e-4);
        continue;
      }
      const double d = s.x[z];
      std::vector<double> y(n_types);
      std::vector<double> weight(n_types);
      for (int t = 0; t < n_types; ++t) {
        y[t] = std::max(0.0, -s.row_duals[t]);
        weight[t] = y[t] / static_cast<double>(types.types[t].members.size());
      }
      const double y_hat = s.row_duals[convexity_row];
      std::optional<Composition> panel = oracle.Best(weight);
      if (!panel) return Internal("the pricing ILP failed");
      if (Value(weight, *panel) <= y_hat + kEps || columns.Contains(*panel)) {
        int best = -1;
        bool any = false;
        for (int t = 0; t < n_types; ++t) {
          if (fixed[t]) continue;
          if (best < 0 || y[t] > y[best]) best = t;
          if (y[t] > kEps) {
            fixed[t] = true;
            q[t] = std::max(0.0, d);
            any = true;
          }
        }
        if (!any) {
          fixed[best] = true;
          q[best] = std::max(0.0, d);
        }
        if (options.objective == Fairness::kMaximin) {
          for (int t = 0; t < n_types; ++t) {
            if (!fixed[t]) {
              fixed[t] = true;
              q[t] = std::max(0.0, d);
            }
          }
        }
        break;
      }
      columns.Add(*panel);
    }
  }

  // Final decomposition: min eps s.t. sum x = 1, pi_t >= q_t - eps.
  const std::vector<Composition>& panels = columns.panels();
  const int n_panels = static_cast<int>(panels.size());
  LpProblem lp;
  for (int p = 0; p < n_panels; ++p) lp.AddColumn(0, 0, kLpInfinity);
  const int eps = lp.AddColumn(1, 0, kLpInfinity);
  AddTypeRows(types, panels, lp, q, eps, std::vector<double>(n_types, 1.0));
  LpRow convexity{1, 1, {}, {}};
  for (int p = 0; p < n_panels; ++p) {
    convexity.index.push_back(p);
    convexity.value.push_back(1);
  }
  lp.AddRow(std::move(convexity));
  LpSolution s = solvers.lp.Solve(lp);
  ++st.lp_solves;
  if (s.status != LpStatus::kOptimal) return Internal("the decomposition LP is " + LpStatusName(s.status));
  st.decomposition_error = s.x[eps];

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
  out.type_probability = TypeProbabilities(types, out.panels, out.weights);
  out.agent_probability.resize(instance.agents.size());
  out.min_probability = 1;
  for (size_t i = 0; i < instance.agents.size(); ++i) {
    double pi = out.type_probability[types.type_of_agent[i]];
    out.agent_probability[i] = pi;
    out.min_probability = std::min(out.min_probability, pi);
    if (pi <= 0 && !covered[types.type_of_agent[i]]) out.unreachable_agents.push_back(static_cast<int>(i));
  }
  st.columns = static_cast<int>(columns.panels().size());
  st.ilp_calls = oracle.calls();
  return out;
}

}  // namespace wp::sortition
