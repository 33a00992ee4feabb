#include "features/sortition/selection/panel_oracle.h"

#include "features/sortition/selection/relaxation.h"

#include <algorithm>
#include <ctime>
#include <cmath>

namespace wp::sortition {
namespace {

// Processor seconds since `start` (on a shared machine the fairer figure).
double CpuSecondsSince(std::clock_t start) { return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC; }

}  // namespace

PanelOracle::PanelOracle(const Instance& instance, const TypeModel& types, MipSolver& mip, LpSolver* lp)
    : types_(types), mip_(mip), problem_(PanelProblem(instance, types)) {
  if (lp) relaxation_ = lp->Load(problem_);
}

std::optional<Composition> PanelOracle::Best(const std::vector<double>& weight) {
  problem_.objective = weight;
  ++calls_;
  LpSolution s = mip_.Solve(problem_);
  if (s.status != LpStatus::kOptimal) return std::nullopt;
  Composition panel(types_.types.size());
  for (size_t t = 0; t < panel.size(); ++t) panel[t] = static_cast<int>(std::lround(s.x[t]));
  return panel;
}

// Weak duality with the relaxation's row duals u (any u gives a valid bound):
// w.c = (w - A'u).c + u.(Ac) <= sum_t n_t max(0, (w - A'u)_t) + sum_r max(u_r L_r, u_r U_r).
double PanelOracle::RelaxationBound(const std::vector<double>& weight, const LpSolution& s) const {
  std::vector<double> reduced = weight;
  double bound = 0;
  for (size_t r = 0; r < problem_.rows.size(); ++r) {
    const LpRow& row = problem_.rows[r];
    double u = s.row_duals[r];
    if ((u > 0 && row.upper == kLpInfinity) || (u < 0 && row.lower == -kLpInfinity)) u = 0;
    if (u == 0) continue;
    bound += u > 0 ? u * row.upper : u * row.lower;
    for (size_t j = 0; j < row.index.size(); ++j) reduced[row.index[j]] -= u * row.value[j];
  }
  for (size_t t = 0; t < reduced.size(); ++t) bound += std::max(0.0, reduced[t]) * problem_.col_upper[t];
  return bound;
}

std::optional<Pricing> PanelOracle::Price(const std::vector<double>& weight, double threshold) {
  Pricing out;
  out.bound = kLpInfinity;
  const size_t n = types_.types.size();
  if (relaxation_) {
    for (size_t t = 0; t < n; ++t) relaxation_->SetCost(static_cast<int>(t), weight[t]);
    ++relaxations_;
    std::clock_t start = std::clock();
    LpSolution s = relaxation_->Solve();
    relaxation_seconds_ += CpuSecondsSince(start);
    if (s.status == LpStatus::kInfeasible) return std::nullopt;
    if (s.status == LpStatus::kOptimal) {
      out.bound = RelaxationBound(weight, s);
      if (out.bound <= threshold) return out;
      Composition panel(n);
      bool integral = true;
      for (size_t t = 0; t < n; ++t) {
        panel[t] = static_cast<int>(std::lround(s.x[t]));
        integral = integral && std::abs(s.x[t] - panel[t]) <= 1e-9;
      }
      if (integral) {
        out.value = 0;
        for (size_t t = 0; t < n; ++t) out.value += weight[t] * panel[t];
        out.panel = std::move(panel);
        if (out.value > threshold) return out;
      }
    }
  }
  // Cbc, on weights scaled to at most 1 so that its absolute gap means the same
  // on every call.
  double scale = 0;
  for (double w : weight) scale = std::max(scale, std::abs(w));
  if (scale == 0) scale = 1;
  problem_.objective.resize(n);
  for (size_t t = 0; t < n; ++t) problem_.objective[t] = weight[t] / scale;
  ++calls_;
  out.exact_ilp = true;
  std::clock_t start = std::clock();
  LpSolution s = mip_.Solve(problem_);
  ilp_seconds_ += CpuSecondsSince(start);
  if (s.status != LpStatus::kOptimal) return std::nullopt;
  Composition panel(n);
  out.value = 0;
  for (size_t t = 0; t < n; ++t) {
    panel[t] = static_cast<int>(std::lround(s.x[t]));
    out.value += weight[t] * panel[t];
  }
  out.panel = std::move(panel);
  out.bound = std::min(out.bound, std::max(out.value, s.bound * scale));
  return out;
}

}  // namespace wp::sortition
