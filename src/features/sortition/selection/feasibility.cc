#include "features/sortition/selection/feasibility.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "core/strings.h"

namespace wp::sortition {
namespace {

std::optional<Relaxation> SolveRelaxation(const Instance& inst, const TypeModel& types, MipSolver& mip, bool use_flex) {
  const int n_types = static_cast<int>(types.types.size());
  const int n_features = static_cast<int>(inst.quotas.features.size());
  const int k = inst.panel_size;
  LpProblem ilp;
  for (int t = 0; t < n_types; ++t) ilp.AddColumn(0, 0, static_cast<double>(types.types[t].members.size()), true);
  std::vector<int> lower_slack(n_features), upper_slack(n_features);
  for (int f = 0; f < n_features; ++f) {
    const Feature& feature = inst.quotas.features[f];
    const int min_floor = use_flex && feature.min_flex >= 0 ? feature.min_flex : 0;
    const int max_ceiling = use_flex && feature.max_flex >= 0 ? feature.max_flex : std::max(k, feature.max);
    const double weight = feature.min == 0 ? 0 : 1 + 2.0 / feature.min;
    lower_slack[f] = ilp.AddColumn(weight, 0, feature.min - min_floor, true);
    upper_slack[f] = ilp.AddColumn(1, 0, max_ceiling - feature.max, true);
  }
  LpRow size{static_cast<double>(k), static_cast<double>(k), {}, {}};
  std::vector<LpRow> low(n_features), high(n_features);
  for (int t = 0; t < n_types; ++t) {
    size.index.push_back(t);
    size.value.push_back(1);
    for (int f : types.types[t].features) {
      low[f].index.push_back(t);
      low[f].value.push_back(1);
    }
  }
  ilp.AddRow(std::move(size));
  for (int f = 0; f < n_features; ++f) {
    high[f] = low[f];
    low[f].index.push_back(lower_slack[f]);
    low[f].value.push_back(1);
    low[f].lower = inst.quotas.features[f].min;
    high[f].index.push_back(upper_slack[f]);
    high[f].value.push_back(-1);
    high[f].upper = inst.quotas.features[f].max;
    ilp.AddRow(std::move(low[f]));
    ilp.AddRow(std::move(high[f]));
  }
  for (const std::vector<int>& household : types.households) {
    ilp.AddRow(LpRow{-kLpInfinity, 1, household, std::vector<double>(household.size(), 1.0)});
  }
  LpSolution s = mip.Solve(ilp);
  if (s.status != LpStatus::kOptimal) return std::nullopt;
  Relaxation r;
  r.found = true;
  r.within_flex = use_flex;
  for (int f = 0; f < n_features; ++f) {
    const int a = static_cast<int>(std::lround(s.x[lower_slack[f]]));
    const int b = static_cast<int>(std::lround(s.x[upper_slack[f]]));
    if (a == 0 && b == 0) continue;
    const Feature& feature = inst.quotas.features[f];
    r.changes.push_back(QuotaChange{f, feature.min, feature.min - a, feature.max, feature.max + b});
  }
  return r;
}

}  // namespace

std::vector<DrawProblem> FindCountingProblems(const Instance& inst) {
  std::vector<DrawProblem> problems;
  const int k = inst.panel_size;
  const int n = static_cast<int>(inst.agents.size());
  if (k <= 0) problems.push_back({DrawErrorKind::kPanelSizeTooSmall, ""});
  if (n < k) problems.push_back({DrawErrorKind::kPoolTooSmall, "", k, n, k - n});
  std::vector<int> have(inst.quotas.features.size(), 0);
  for (const Agent& a : inst.agents) {
    for (int f : a.features) ++have[f];
  }
  for (size_t f = 0; f < have.size(); ++f) {
    const Feature& feature = inst.quotas.features[f];
    if (have[f] < feature.min) {
      problems.push_back({DrawErrorKind::kFeatureShort, feature.Name(), feature.min, have[f], feature.min - have[f]});
    }
  }
  for (const Category& c : inst.quotas.categories) {
    int sum_min = 0, sum_max = 0;
    for (int f : c.features) {
      sum_min += inst.quotas.features[f].min;
      sum_max += std::min(inst.quotas.features[f].max, have[f]);
    }
    if (sum_min > k) problems.push_back({DrawErrorKind::kMinimumsTooHigh, c.name, k, sum_min, sum_min - k});
    if (sum_max < k) problems.push_back({DrawErrorKind::kMaximumsTooLow, c.name, k, sum_max, k - sum_max});
  }
  if (inst.household_rule) {
    std::set<std::string> households;
    int singles = 0;
    for (const Agent& a : inst.agents) {
      if (a.household.empty()) {
        ++singles;
      } else {
        households.insert(a.household);
      }
    }
    const int distinct = singles + static_cast<int>(households.size());
    if (distinct < k) problems.push_back({DrawErrorKind::kHouseholdsTooFew, "", k, distinct, k - distinct});
  }
  return problems;
}

std::vector<std::string> CountingProblems(const Instance& inst) {
  std::vector<std::string> out;
  for (const DrawProblem& p : FindCountingProblems(inst)) out.push_back(DescribeInEnglish(p));
  return out;
}

Relaxation FindRelaxation(const Instance& instance, const TypeModel& types, MipSolver& mip) {
  if (auto r = SolveRelaxation(instance, types, mip, /*use_flex=*/true)) return *r;
  if (auto r = SolveRelaxation(instance, types, mip, /*use_flex=*/false)) return *r;
  return Relaxation{};
}

Error InfeasibilityError(const Instance& instance, const TypeModel& types, MipSolver& mip) {
  std::vector<DrawProblem> problems = FindCountingProblems(instance);
  if (!problems.empty()) return DrawFailure("the quotas cannot be met", problems);
  Relaxation r = FindRelaxation(instance, types, mip);
  if (!r.found) return DrawFailure("", {{DrawErrorKind::kNoRelaxation, ""}});
  DrawProblem conflict{DrawErrorKind::kQuotasConflict, ""};
  conflict.outside_flex = !r.within_flex;
  problems.push_back(conflict);
  for (const QuotaChange& c : r.changes) {
    const std::string name = instance.quotas.features[c.feature].Name();
    if (c.new_min != c.old_min) {
      DrawProblem p{DrawErrorKind::kLowerMinimum, name};
      p.from = c.old_min;
      p.to = c.new_min;
      problems.push_back(p);
    }
    if (c.new_max != c.old_max) {
      DrawProblem p{DrawErrorKind::kRaiseMaximum, name};
      p.from = c.old_max;
      p.to = c.new_max;
      problems.push_back(p);
    }
  }
  return DrawFailure("", problems);
}

std::string ExplainInfeasibility(const Instance& instance, const TypeModel& types, MipSolver& mip) {
  return InfeasibilityError(instance, types, mip).detail;
}

}  // namespace wp::sortition
