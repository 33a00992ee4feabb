#include "features/sortition/selection/panel_oracle.h"

#include <cmath>

namespace wp::sortition {

PanelOracle::PanelOracle(const Instance& instance, const TypeModel& types, MipSolver& mip) : types_(types), mip_(mip) {
  problem_.sense = LpSense::kMaximize;
  const int n_types = static_cast<int>(types.types.size());
  LpRow size{static_cast<double>(instance.panel_size), static_cast<double>(instance.panel_size), {}, {}};
  std::vector<LpRow> feature_rows(instance.quotas.features.size());
  for (size_t f = 0; f < feature_rows.size(); ++f) {
    feature_rows[f].lower = instance.quotas.features[f].min;
    feature_rows[f].upper = instance.quotas.features[f].max;
  }
  for (int t = 0; t < n_types; ++t) {
    problem_.AddColumn(0, 0, static_cast<double>(types.types[t].members.size()), true);
    size.index.push_back(t);
    size.value.push_back(1);
    for (int f : types.types[t].features) {
      feature_rows[f].index.push_back(t);
      feature_rows[f].value.push_back(1);
    }
  }
  problem_.AddRow(std::move(size));
  for (LpRow& row : feature_rows) problem_.AddRow(std::move(row));
  for (const std::vector<int>& household : types.households) {
    problem_.AddRow(LpRow{-kLpInfinity, 1, household, std::vector<double>(household.size(), 1.0)});
  }
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

}  // namespace wp::sortition
