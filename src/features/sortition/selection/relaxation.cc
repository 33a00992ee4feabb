#include "features/sortition/selection/relaxation.h"

#include <algorithm>
#include <cmath>

namespace wp::sortition {
namespace {

// A count or row activity this close to a bound is on it (Clp's primal
// feasibility tolerance): the walk treats it as tight.
constexpr double kTight = 1e-7;
// A dual this small counts as zero when fixing types (as in leximin.cc).
constexpr double kDualEps = 1e-9;
// The walk stops when what is left to decompose weighs less than this; the
// weights found are scaled up to sum to 1.
constexpr double kNegligibleMass = 1e-12;

double Size(const TypeModel& types, int t) { return static_cast<double>(types.types[t].members.size()); }

// One level of LEXIMIN over R: the relaxed panel problem, a column z
// (maximised), and per type a row c_t / |t| - z >= 0 (open) or c_t >= q_t |t|
// (fixed).
LpProblem LevelProblem(const LpProblem& panel, const TypeModel& types, const std::vector<bool>& fixed,
                       const std::vector<double>& q) {
  const int n_types = static_cast<int>(types.types.size());
  LpProblem p = panel;
  p.sense = LpSense::kMaximize;
  p.is_integer.clear();
  p.objective.assign(n_types, 0.0);
  const int z = p.AddColumn(1, -kLpInfinity, kLpInfinity);
  for (int t = 0; t < n_types; ++t) {
    if (fixed[t]) {
      p.AddRow(LpRow{q[t] * Size(types, t), kLpInfinity, {t}, {1.0}});
    } else {
      p.AddRow(LpRow{0, kLpInfinity, {t, z}, {1.0 / Size(types, t), -1.0}});
    }
  }
  return p;
}

// Fixes the open types whose row has a positive dual at the level's optimum
// `d` (all of them once d is within the pricing tolerance of 1; the one with
// the largest dual when none is positive), as FairSolver::Fix does. Returns
// how many were fixed.
int FixLevel(const LpSolution& s, int first_type_row, double d, const std::vector<double>& pi, std::vector<bool>& fixed,
             std::vector<double>& q) {
  const int n_types = static_cast<int>(fixed.size());
  const bool fix_all = d >= 1 - kPricingTolerance;
  int best = -1, count = 0;
  for (int t = 0; t < n_types; ++t) {
    if (fixed[t]) continue;
    const double y = -s.row_duals[first_type_row + t];
    if (best < 0 || y > -s.row_duals[first_type_row + best]) best = t;
    if (y > kDualEps || fix_all) {
      fixed[t] = true;
      q[t] = std::clamp(std::min(d, pi[t]), 0.0, 1.0);
      ++count;
    }
  }
  if (count == 0 && best >= 0) {
    fixed[best] = true;
    q[best] = std::clamp(std::min(d, pi[best]), 0.0, 1.0);
    count = 1;
  }
  return count;
}

}  // namespace

LpProblem PanelProblem(const Instance& instance, const TypeModel& types) {
  LpProblem problem;
  problem.sense = LpSense::kMaximize;
  const int n_types = static_cast<int>(types.types.size());
  LpRow size{static_cast<double>(instance.panel_size), static_cast<double>(instance.panel_size), {}, {}};
  std::vector<LpRow> feature_rows(instance.quotas.features.size());
  for (size_t f = 0; f < feature_rows.size(); ++f) {
    feature_rows[f].lower = instance.quotas.features[f].min;
    feature_rows[f].upper = instance.quotas.features[f].max;
  }
  for (int t = 0; t < n_types; ++t) {
    problem.AddColumn(0, 0, Size(types, t), true);
    size.index.push_back(t);
    size.value.push_back(1);
    for (int f : types.types[t].features) {
      feature_rows[f].index.push_back(t);
      feature_rows[f].value.push_back(1);
    }
  }
  problem.AddRow(std::move(size));
  for (LpRow& row : feature_rows) problem.AddRow(std::move(row));
  for (const std::vector<int>& household : types.households) {
    problem.AddRow(LpRow{-kLpInfinity, 1, household, std::vector<double>(household.size(), 1.0)});
  }
  return problem;
}

Result<RelaxedLeximin> LeximinOverRelaxation(const LpProblem& panel_problem, const TypeModel& types, LpSolver& lp) {
  const int n_types = static_cast<int>(types.types.size());
  const int first_type_row = static_cast<int>(panel_problem.rows.size());
  std::vector<bool> fixed(n_types, false);
  std::vector<double> q(n_types, 0.0);
  RelaxedLeximin out;
  out.probability.assign(n_types, 0.0);
  int retry = 0;
  while (std::count(fixed.begin(), fixed.end(), false) > 0) {
    LpSolution s = lp.Solve(LevelProblem(panel_problem, types, fixed, q));
    ++out.lp_solves;
    if (s.status == LpStatus::kInfeasible && out.levels.empty()) {
      return InvalidInput("no panel satisfies all quotas");
    }
    if (s.status != LpStatus::kOptimal) {
      // Floating-point artefact after fixing: relax the fixed values by far
      // less than anyone could see, and say so if that fails.
      if (++retry > 5) return Internal("the relaxed LEXIMIN LP stays " + LpStatusName(s.status));
      for (int t = 0; t < n_types; ++t) {
        if (fixed[t]) q[t] = std::max(0.0, q[t] - 1e-10);
      }
      continue;
    }
    const double d = s.x[n_types];
    for (int t = 0; t < n_types; ++t) out.probability[t] = std::clamp(s.x[t] / Size(types, t), 0.0, 1.0);
    int count = FixLevel(s, first_type_row, d, out.probability, fixed, q);
    out.levels.push_back(FixedLevel{d, d, count, 0});
  }
  out.level = q;
  return out;
}

namespace {

// The walk's state: the point c (expected counts) still to decompose and the
// face of R it lies on, kept in `face` (a copy of the panel problem whose
// bounds are tightened) and in the loaded LP `relax`.
class FaceWalk {
 public:
  FaceWalk(const LpProblem& panel, const TypeModel& types, LpSolver& lp, MipSolver& mip,
           const std::vector<double>& target)
      : panel_(panel), face_(panel), mip_(mip), relax_(lp.Load(panel)), c_(target.size()), size_(target.size()) {
    for (size_t t = 0; t < c_.size(); ++t) {
      size_[t] = Size(types, static_cast<int>(t));
      c_[t] = target[t] * size_[t];
    }
  }

  Walk Run() {
    Walk walk;
    double mass = 1;
    const int max_steps = 2 * static_cast<int>(c_.size() + panel_.rows.size()) + 10;
    while (walk.steps < max_steps) {
      ++walk.steps;
      if (mass < kNegligibleMass) {
        walk.complete = true;
        break;
      }
      std::vector<double> activity = TightenFace();
      if (std::optional<Composition> whole = Integral()) {
        walk.panels.push_back(std::move(*whole));
        walk.weights.push_back(mass);
        walk.complete = true;
        break;
      }
      std::optional<Composition> v = IntegralVertex(walk);
      if (!v) break;
      const double mu = StepLength(activity, *v);
      if (!(mu > 0) || mu == kLpInfinity) break;
      walk.panels.push_back(*v);
      walk.weights.push_back(mass * mu / (1 + mu));
      mass /= 1 + mu;
      for (size_t t = 0; t < c_.size(); ++t) c_[t] += mu * (c_[t] - (*v)[t]);
    }
    double total = 0;
    for (double w : walk.weights) total += w;
    if (total > 0) {
      for (double& w : walk.weights) w /= total;
    }
    return walk;
  }

 private:
  // Snaps counts within kTight of a bound onto it and fixes them there; makes
  // rows within kTight of a bound equations. Returns the row activities.
  std::vector<double> TightenFace() {
    for (size_t t = 0; t < c_.size(); ++t) {
      if (c_[t] < kTight) c_[t] = 0;
      if (c_[t] > size_[t] - kTight) c_[t] = size_[t];
      const double lower = c_[t] == size_[t] ? size_[t] : 0;
      const double upper = c_[t] == 0 ? 0 : size_[t];
      face_.col_lower[t] = lower;
      face_.col_upper[t] = upper;
      relax_->SetColumnBounds(static_cast<int>(t), lower, upper);
    }
    std::vector<double> activity(panel_.rows.size(), 0.0);
    for (size_t r = 0; r < panel_.rows.size(); ++r) {
      const LpRow& row = panel_.rows[r];
      for (size_t j = 0; j < row.index.size(); ++j) activity[r] += c_[row.index[j]] * row.value[j];
      double lower = row.lower, upper = row.upper;
      if (activity[r] <= row.lower + kTight) {
        upper = lower;
      } else if (activity[r] >= row.upper - kTight) {
        lower = upper;
      }
      face_.rows[r].lower = lower;
      face_.rows[r].upper = upper;
      relax_->SetRowBounds(static_cast<int>(r), lower, upper);
    }
    return activity;
  }

  // c itself when it is a panel (all counts whole).
  std::optional<Composition> Integral() const {
    Composition panel(c_.size());
    for (size_t t = 0; t < c_.size(); ++t) {
      panel[t] = static_cast<int>(std::lround(c_[t]));
      if (std::abs(c_[t] - panel[t]) > kTight) return std::nullopt;
    }
    return panel;
  }

  // A panel on the face: the LP's vertex when it is integral, else Cbc. The
  // objective (each type's current chance) keeps the choice deterministic.
  std::optional<Composition> IntegralVertex(Walk& walk) {
    face_.objective.resize(c_.size());
    for (size_t t = 0; t < c_.size(); ++t) {
      face_.objective[t] = c_[t] / size_[t];
      relax_->SetCost(static_cast<int>(t), face_.objective[t]);
    }
    ++walk.lp_solves;
    LpSolution s = relax_->Solve();
    if (s.status == LpStatus::kInfeasible) return std::nullopt;
    Composition v(c_.size());
    bool integral = s.status == LpStatus::kOptimal;
    for (size_t t = 0; integral && t < c_.size(); ++t) {
      v[t] = static_cast<int>(std::lround(s.x[t]));
      integral = std::abs(s.x[t] - v[t]) <= 1e-9;
    }
    if (integral) return v;
    ++walk.ilp_calls;
    LpSolution m = mip_.Solve(face_);
    if (m.status != LpStatus::kOptimal) return std::nullopt;
    for (size_t t = 0; t < c_.size(); ++t) v[t] = static_cast<int>(std::lround(m.x[t]));
    return v;
  }

  // The largest mu with c + mu (c - v) in R. Equations of the face hold for
  // both c and v, so only the other rows and the counts bound the step.
  double StepLength(const std::vector<double>& activity, const Composition& v) const {
    double mu = kLpInfinity;
    std::vector<double> d(c_.size());
    for (size_t t = 0; t < c_.size(); ++t) {
      d[t] = c_[t] - v[t];
      if (d[t] > 1e-12) mu = std::min(mu, (size_[t] - c_[t]) / d[t]);
      if (d[t] < -1e-12) mu = std::min(mu, c_[t] / -d[t]);
    }
    for (size_t r = 0; r < panel_.rows.size(); ++r) {
      if (face_.rows[r].lower == face_.rows[r].upper) continue;
      const LpRow& row = panel_.rows[r];
      double delta = 0;
      for (size_t j = 0; j < row.index.size(); ++j) delta += d[row.index[j]] * row.value[j];
      if (delta > 1e-12 && row.upper != kLpInfinity) mu = std::min(mu, (row.upper - activity[r]) / delta);
      if (delta < -1e-12 && row.lower != -kLpInfinity) mu = std::min(mu, (activity[r] - row.lower) / -delta);
    }
    return mu;
  }

  const LpProblem& panel_;
  LpProblem face_;
  MipSolver& mip_;
  std::unique_ptr<LpModel> relax_;
  std::vector<double> c_, size_;
};

}  // namespace

Walk DecomposeByWalk(const LpProblem& panel_problem, const TypeModel& types, LpSolver& lp, MipSolver& mip,
                     const std::vector<double>& target) {
  return FaceWalk(panel_problem, types, lp, mip, target).Run();
}

}  // namespace wp::sortition
