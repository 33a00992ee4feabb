#include "features/sortition/selection/leximin.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <optional>
#include <set>

#include "features/sortition/selection/panel_oracle.h"
#include "features/sortition/selection/relaxation.h"

namespace wp::sortition {
namespace {

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
  const std::vector<Composition>& panels() const { return panels_; }

 private:
  std::set<Composition> seen_;
  std::vector<Composition> panels_;
};

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

// A dual this small counts as zero when fixing types.
constexpr double kDualEps = 1e-9;

// Extra pricing calls per master solve (AddMoreColumns).
constexpr int kExtraColumns = 8;

// The relaxation path's target counts as reached when the master's z (the
// share of the target every type gets at once) is this close to 1.
constexpr double kReachTolerance = 1e-9;

// One run of FindFairDistribution: the column set of candidate panels, and per
// type whether its probability is fixed yet (`fixed`) and at what value (`q`).
// The master LP (max z s.t. pi_t - z >= 0 for open types, pi_t >= q_t for
// fixed ones, sum x <= 1) stays loaded: column 0.. are z of each level (only
// the current one free), then one column per panel; rows 0..T-1 are the
// types, row T the convexity row.
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
        oracle_(instance, types, solvers.mip, &solvers.lp),
        covered_(n_types_, false),
        fixed_(n_types_, false),
        q_(n_types_, 0.0),
        start_(std::chrono::steady_clock::now()) {}

  Result<Distribution> Run() {
    st_.types = n_types_;
    if (options_.objective == Fairness::kLeximin && options_.relaxation_first) {
      WP_ASSIGN_OR_RETURN(std::optional<Distribution> fast, ByRelaxation());
      if (fast) return std::move(*fast);
    }
    // Feasibility.
    std::optional<Composition> first = oracle_.Best(std::vector<double>(n_types_, 0.0));
    if (!first) return InvalidInput("no panel satisfies all quotas");
    columns_.Add(*first);
    WP_TRY_VOID(WarmStart());
    WP_TRY_VOID(CoverTypes());
    LoadMaster();
    // Outer loop: maximise the lowest probability among open types, fix.
    while (std::count(fixed_.begin(), fixed_.end(), false) > 0) {
      ++st_.outer_rounds;
      WP_TRY_VOID(FixLowest());
      Report();
    }
    return Decompose();
  }

 private:
  // The fast path (relaxation.h): LEXIMIN over the relaxation, decomposed
  // into panels by the walk, whose panels start a master LP that asks for
  // the target itself (ReachTarget; the walk alone loses precision as the
  // share left shrinks, and may step outside what panels reach). Its answer
  // when the target is reached; otherwise nullopt, the master is dropped and
  // its panels stay as columns for the column generation that follows.
  Result<std::optional<Distribution>> ByRelaxation() {
    const LpProblem panel = PanelProblem(instance_, types_);
    WP_ASSIGN_OR_RETURN(RelaxedLeximin relaxed, LeximinOverRelaxation(panel, types_, solvers_.lp));
    st_.lp_solves += relaxed.lp_solves;
    // Progress: every level known (over R), then the walk's panels.
    st_.levels = relaxed.levels;
    fixed_.assign(n_types_, true);
    Report();
    Walk walk = DecomposeByWalk(panel, types_, solvers_.lp, solvers_.mip, relaxed.probability);
    st_.lp_solves += walk.lp_solves;
    walk_ilp_calls_ = walk.ilp_calls;
    st_.walk_steps = walk.steps;
    for (const Composition& p : walk.panels) columns_.Add(p);
    Report();
    if (columns_.panels().empty()) return FallBack();
    LoadMaster();
    WP_ASSIGN_OR_RETURN(bool reached, ReachTarget(relaxed.probability));
    if (reached) {
      for (int t = 0; t < n_types_; ++t) covered_[t] = relaxed.probability[t] > 0;
      q_ = relaxed.level;
      WP_ASSIGN_OR_RETURN(Distribution d, Decompose());
      if (st_.decomposition_error <= kPricingTolerance) {
        st_.outer_rounds = static_cast<int>(relaxed.levels.size());
        st_.by_relaxation = true;
        Report();
        return std::optional<Distribution>(std::move(d));
      }
    }
    return FallBack();
  }

  // Column generation starts over, keeping the panels found so far.
  std::optional<Distribution> FallBack() {
    master_.reset();
    master_column_.clear();
    z_ = -1;
    covered_.assign(n_types_, false);
    fixed_.assign(n_types_, false);
    q_.assign(n_types_, 0.0);
    st_.levels.clear();
    st_.decomposition_error = 0;
    return std::nullopt;
  }

  // Column generation for max z s.t. sum_P x_P pi_P - z target >= 0 and
  // sum_P x_P <= 1: true as soon as z reaches 1 (within kReachTolerance; the
  // solution is in last_x_), false when pricing proves it cannot.
  Result<bool> ReachTarget(const std::vector<double>& target) {
    std::vector<int> rows;
    std::vector<double> values;
    for (int t = 0; t < n_types_; ++t) {
      if (target[t] <= 0) continue;
      rows.push_back(t);
      values.push_back(-target[t]);
    }
    const int z = master_->AddColumn(1, -kLpInfinity, kLpInfinity, rows, values);
    for (;;) {
      LpSolution s = SolveMaster();
      if (s.status != LpStatus::kOptimal) return false;
      last_x_ = s.x;
      if (s.x[z] >= 1 - kReachTolerance) return true;
      WP_ASSIGN_OR_RETURN(std::optional<Pricing> p, PriceAndAdd(s));
      if (!p) return false;
    }
  }

  // Warm start with multiplicative weights (per member of each type).
  Result<void> WarmStart() {
    const double n = static_cast<double>(instance_.agents.size());
    std::vector<double> w(n_types_, 1.0);
    const int rounds = options_.warm_start_rounds >= 0 ? options_.warm_start_rounds : n_types_;
    int stale = 0;
    for (int r = 0; r < rounds && stale < options_.warm_start_patience; ++r) {
      std::optional<Pricing> p = oracle_.Price(w, -kLpInfinity);
      if (!p || !p->panel) return Internal("the panel ILP failed during the warm start");
      const Composition& panel = *p->panel;
      if (columns_.Add(panel)) {
        stale = 0;
        for (int t = 0; t < n_types_; ++t) {
          w[t] *= 1.0 - 0.2 * panel[t] / static_cast<double>(types_.types[t].members.size());
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

  void LoadMaster() {
    LpProblem lp;
    lp.sense = LpSense::kMaximize;
    for (int t = 0; t < n_types_; ++t) lp.AddRow(LpRow{0, kLpInfinity, {}, {}});
    convexity_row_ = lp.AddRow(LpRow{-kLpInfinity, 1, {}, {}});
    master_ = solvers_.lp.Load(lp);
    for (const Composition& panel : columns_.panels()) AddMasterColumn(panel);
  }

  void AddMasterColumn(const Composition& panel) {
    std::vector<int> rows;
    std::vector<double> values;
    for (int t = 0; t < n_types_; ++t) {
      if (panel[t] == 0) continue;
      rows.push_back(t);
      values.push_back(static_cast<double>(panel[t]) / types_.types[t].members.size());
    }
    rows.push_back(convexity_row_);
    values.push_back(1);
    master_column_.push_back(master_->AddColumn(0, 0, kLpInfinity, rows, values));
  }

  // The z column covers the open types; a type fixed since the last level
  // leaves it (its row becomes pi_t >= q_t). The last basis stays (q_t never
  // exceeds what the last solution achieves); the LP adapter goes on from it
  // with the dual simplex, which needs fewer iterations to the new level's
  // optimum than the primal simplex.
  void StartLevel() {
    if (z_ < 0) {
      std::vector<int> rows;
      for (int t = 0; t < n_types_; ++t) {
        if (!fixed_[t]) rows.push_back(t);
      }
      z_ = master_->AddColumn(1, -kLpInfinity, kLpInfinity, rows, std::vector<double>(rows.size(), -1.0));
      in_z_ = fixed_;
      in_z_.flip();
      return;
    }
    for (int t = 0; t < n_types_; ++t) {
      if (!fixed_[t]) continue;
      if (in_z_[t]) {
        master_->SetCoefficient(t, z_, 0);
        in_z_[t] = false;
      }
      master_->SetRowBounds(t, q_[t], kLpInfinity);
    }
  }

  // Column generation on the master LP until the pricing problem proves that
  // no panel has a reduced cost above kPricingTolerance, then fixes the types
  // whose duals are positive (at least one) at the optimum.
  Result<void> FixLowest() {
    StartLevel();
    for (int retry = 0;;) {
      LpSolution s = SolveMaster();
      if (s.status != LpStatus::kOptimal) {
        // Floating-point artefact after fixing: relax the fixed values by far
        // less than the tolerance anyone could see, and say so if that fails.
        if (++retry > 5) return Internal("the master LP stays " + LpStatusName(s.status));
        for (int t = 0; t < n_types_; ++t) {
          if (fixed_[t]) master_->SetRowBounds(t, q_[t] -= 1e-10, kLpInfinity);
        }
        continue;
      }
      WP_ASSIGN_OR_RETURN(std::optional<Pricing> p, PriceAndAdd(s));
      if (p) continue;
      last_x_ = s.x;
      std::vector<double> y(n_types_);
      for (int t = 0; t < n_types_; ++t) y[t] = std::max(0.0, -s.row_duals[t]);
      const double y_hat = std::max(0.0, s.row_duals[convexity_row_]);
      Fix(y, s.x[z_], s.x[z_] + std::max(0.0, last_bound_ - y_hat), AchievedProbabilities(s.x));
      return Ok();
    }
  }

  LpSolution SolveMaster() {
    std::clock_t lp_start = std::clock();
    LpSolution s = master_->Solve();
    st_.master_seconds += static_cast<double>(std::clock() - lp_start) / CLOCKS_PER_SEC;
    ++st_.lp_solves;
    return s;
  }

  // Prices at the master solution `s`'s duals: nullopt when no panel has a
  // reduced cost above kPricingTolerance (the bound proved is in
  // last_bound_), else the pricing whose panel and more (AddMoreColumns)
  // were added to the master.
  Result<std::optional<Pricing>> PriceAndAdd(const LpSolution& s) {
    std::vector<double> weight(n_types_);
    for (int t = 0; t < n_types_; ++t) {
      weight[t] = std::max(0.0, -s.row_duals[t]) / static_cast<double>(types_.types[t].members.size());
    }
    const double y_hat = std::max(0.0, s.row_duals[convexity_row_]);
    std::optional<Pricing> p = oracle_.Price(weight, y_hat + kPricingTolerance);
    if (!p) return Internal("the pricing ILP failed");
    if (p->bound <= y_hat + kPricingTolerance) {
      last_bound_ = p->bound;
      return std::optional<Pricing>();
    }
    if (!p->panel || !columns_.Add(*p->panel)) {
      return Internal("pricing found no new panel but cannot prove the level optimal");
    }
    AddMasterColumn(*p->panel);
    WP_TRY_VOID(AddMoreColumns(weight, y_hat, *p->panel));
    if (columns_.panels().size() % 50 == 0) Report();
    return p;
  }

  // More improving columns per master solve. A master solve costs far more
  // than pricing (its basis is dense), so after the best panel, price again
  // with the weights of the types already taken halved (times the share of
  // the type the panel takes) and keep each new panel whose reduced cost at
  // the master's own duals is above the tolerance; stop at the first that is
  // not. Only adds columns: the level is still proved optimal by pricing at
  // the master's duals.
  Result<void> AddMoreColumns(const std::vector<double>& weight, double y_hat, Composition panel) {
    std::vector<double> w = weight;
    for (int i = 0; i < kExtraColumns; ++i) {
      for (int t = 0; t < n_types_; ++t) {
        w[t] *= 1.0 - 0.5 * panel[t] / static_cast<double>(types_.types[t].members.size());
      }
      std::optional<Pricing> p = oracle_.Price(w, -kLpInfinity);
      if (!p || !p->panel) return Internal("the pricing ILP failed");
      panel = *p->panel;
      double value = 0;
      for (int t = 0; t < n_types_; ++t) value += weight[t] * panel[t];
      if (value <= y_hat + kPricingTolerance) return Ok();
      if (columns_.Add(panel)) AddMasterColumn(panel);
    }
    return Ok();
  }

  // The type probabilities of the master solution `x`, scaled down if its
  // panel weights sum to more than 1 (within the solver's tolerance).
  std::vector<double> AchievedProbabilities(const std::vector<double>& x) const {
    std::vector<double> weight(columns_.panels().size());
    double total = 0;
    for (size_t p = 0; p < weight.size(); ++p) total += weight[p] = std::max(0.0, x[master_column_[p]]);
    for (double& w : weight) w /= std::max(1.0, total);
    return TypeProbabilities(types_, columns_.panels(), weight);
  }

  // Fixes the open types with a positive dual `y` at the optimum `d` (the
  // one with the largest dual when none is positive; all with maximin). The
  // fixed lower bounds never exceed what the solution `pi` achieves: a bound
  // above it by the solver's tolerance would make the master infeasible, and
  // Clp then answers with duals of 1e13.
  void Fix(const std::vector<double>& y, double d, double upper_bound, const std::vector<double>& pi) {
    FixedLevel level{d, upper_bound, 0, static_cast<int>(columns_.panels().size())};
    // No chance exceeds 1, so once the lowest open one is within the pricing
    // tolerance of 1, every open type is there (with MAXIMIN, all stop here).
    const bool fix_all = options_.objective == Fairness::kMaximin || d >= 1 - kPricingTolerance;
    int best = -1;
    for (int t = 0; t < n_types_; ++t) {
      if (fixed_[t]) {
        q_[t] = std::min(q_[t], pi[t]);
        continue;
      }
      if (best < 0 || y[t] > y[best]) best = t;
      if (y[t] > kDualEps || fix_all) {
        fixed_[t] = true;
        q_[t] = std::clamp(std::min(d, pi[t]), 0.0, 1.0);
        ++level.types_fixed;
      }
    }
    if (level.types_fixed == 0) {
      fixed_[best] = true;
      q_[best] = std::clamp(std::min(d, pi[best]), 0.0, 1.0);
      level.types_fixed = 1;
    }
    st_.levels.push_back(level);
  }

  void Report() {
    if (!options_.progress) return;
    FairnessProgress p;
    p.levels_fixed = static_cast<int>(st_.levels.size());
    p.types_fixed = static_cast<int>(std::count(fixed_.begin(), fixed_.end(), true));
    p.types = n_types_;
    p.columns = static_cast<int>(columns_.panels().size());
    p.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    options_.progress(p);
  }

  // The distribution: the last master solution, scaled to sum to 1 (a larger
  // sum only raises probabilities), without negligible panels.
  Result<Distribution> Decompose() {
    const std::vector<Composition>& panels = columns_.panels();
    Distribution out;
    double total = 0;
    for (size_t p = 0; p < panels.size(); ++p) {
      double x = std::clamp(last_x_[master_column_[p]], 0.0, 1.0);
      if (x < kSupportEps) continue;
      out.panels.push_back(panels[p]);
      out.weights.push_back(x);
      total += x;
    }
    if (total <= 0) return Internal("the master LP gave an empty distribution");
    for (double& x : out.weights) x /= total;
    out.type_probability = TypeProbabilities(types_, out.panels, out.weights);
    st_.decomposition_error = 0;
    for (int t = 0; t < n_types_; ++t) {
      st_.decomposition_error = std::max(st_.decomposition_error, q_[t] - out.type_probability[t]);
    }
    out.agent_probability.resize(instance_.agents.size());
    out.min_probability = 1;
    for (size_t i = 0; i < instance_.agents.size(); ++i) {
      double pi = out.type_probability[types_.type_of_agent[i]];
      out.agent_probability[i] = pi;
      out.min_probability = std::min(out.min_probability, pi);
      if (pi <= 0 && !covered_[types_.type_of_agent[i]]) out.unreachable_agents.push_back(static_cast<int>(i));
    }
    st_.columns = static_cast<int>(columns_.panels().size());
    st_.ilp_calls = walk_ilp_calls_ + oracle_.calls();
    st_.lp_relaxations = oracle_.relaxations();
    st_.relaxation_seconds = oracle_.relaxation_seconds();
    st_.ilp_seconds = oracle_.ilp_seconds();
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
  std::unique_ptr<LpModel> master_;
  std::vector<int> master_column_;  // master column of each panel
  int convexity_row_ = -1;
  int z_ = -1;
  std::vector<bool> in_z_;  // rows with a -1 in the z column
  std::vector<double> last_x_;
  int walk_ilp_calls_ = 0;
  double last_bound_ = 0;  // the pricing bound of the last proof (PriceAndAdd)
  std::chrono::steady_clock::time_point start_;
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
