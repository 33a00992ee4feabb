#include "features/sortition/selection/nash.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "features/sortition/selection/panel_oracle.h"

namespace wp::sortition {

double NashWelfare(const std::vector<double>& agent_probability) {
  double w = 0;
  for (double p : agent_probability) {
    if (p > 0) w += std::log(p);
  }
  return w;
}

Result<Distribution> FindNashDistribution(const Instance& instance, const TypeModel& types, Solvers solvers,
                                          const NashOptions& options, double* gap_out) {
  FairnessOptions leximin;
  leximin.relaxation_first = options.relaxation_first;
  WP_ASSIGN_OR_RETURN(Distribution d, FindFairDistribution(instance, types, solvers, leximin));
  const int n_types = static_cast<int>(types.types.size());
  std::vector<double> size(n_types);
  for (int t = 0; t < n_types; ++t) size[t] = static_cast<double>(types.types[t].members.size());
  std::vector<double> pi = d.type_probability;
  std::vector<bool> active(n_types);
  double reachable = 0;
  for (int t = 0; t < n_types; ++t) {
    active[t] = pi[t] > 1e-12;
    if (active[t]) reachable += size[t];
  }
  PanelOracle oracle(instance, types, solvers.mip);
  double gap = 0;
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    std::vector<double> weight(n_types, 0.0);
    for (int t = 0; t < n_types; ++t) weight[t] = active[t] ? 1.0 / pi[t] : 0.0;
    std::optional<Composition> panel = oracle.Best(weight);
    if (!panel) return Internal("the panel ILP failed during Nash welfare iterations");
    double value = 0;
    for (int t = 0; t < n_types; ++t) value += weight[t] * (*panel)[t];
    gap = value - reachable;  // gradient . (vertex - current)
    if (gap <= options.gap_tolerance) break;
    std::vector<double> a(n_types);
    for (int t = 0; t < n_types; ++t) a[t] = (*panel)[t] / size[t];
    // Exact line search on the concave welfare along the segment: bisection
    // on its derivative.
    auto slope = [&](double g) {
      double s = 0;
      for (int t = 0; t < n_types; ++t) {
        if (active[t]) s += size[t] * (a[t] - pi[t]) / ((1 - g) * pi[t] + g * a[t]);
      }
      return s;
    };
    double lo = 0, hi = 1;
    if (slope(1 - 1e-12) > 0) {
      lo = 1;
    } else {
      for (int step = 0; step < 60; ++step) {
        double mid = (lo + hi) / 2;
        (slope(mid) > 0 ? lo : hi) = mid;
      }
    }
    const double gamma = lo;
    if (gamma <= 0) break;
    for (double& x : d.weights) x *= 1 - gamma;
    auto it = std::find(d.panels.begin(), d.panels.end(), *panel);
    if (it == d.panels.end()) {
      d.panels.push_back(*panel);
      d.weights.push_back(gamma);
    } else {
      d.weights[it - d.panels.begin()] += gamma;
    }
    for (int t = 0; t < n_types; ++t) pi[t] = (1 - gamma) * pi[t] + gamma * a[t];
  }
  // Drop negligible panels, renormalise and recompute the probabilities.
  Distribution out;
  double total = 0;
  for (size_t p = 0; p < d.panels.size(); ++p) {
    if (d.weights[p] < 1e-9) continue;
    out.panels.push_back(d.panels[p]);
    out.weights.push_back(d.weights[p]);
    total += d.weights[p];
  }
  for (double& x : out.weights) x /= total;
  out.type_probability = TypeProbabilities(types, out.panels, out.weights);
  out.agent_probability.resize(instance.agents.size());
  out.min_probability = 1;
  for (size_t i = 0; i < instance.agents.size(); ++i) {
    out.agent_probability[i] = out.type_probability[types.type_of_agent[i]];
    out.min_probability = std::min(out.min_probability, out.agent_probability[i]);
  }
  out.unreachable_agents = d.unreachable_agents;
  if (gap_out) *gap_out = gap;
  return out;
}

}  // namespace wp::sortition
