#include "features/opinion/map/projection.h"

#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace wp::opinion {
namespace {

using SparseRows = Eigen::SparseMatrix<double, Eigen::RowMajor>;

// Z: the centred votes, with the sparsity of the votes.
SparseRows CentredMatrix(const VoteMatrix& votes, const std::vector<double>& mean) {
  std::vector<int> outer(votes.row_start.begin(), votes.row_start.end());
  std::vector<int> inner(votes.column.begin(), votes.column.end());
  std::vector<double> z(votes.column.size());
  for (size_t e = 0; e < z.size(); ++e) z[e] = votes.value[e] - mean[votes.column[e]];
  Eigen::Map<const SparseRows> view(votes.Participants(), votes.Statements(), static_cast<Eigen::Index>(z.size()),
                                    outer.data(), inner.data(), z.data());
  return SparseRows(view);
}

// Orthonormal basis of the columns of `w` (thin Q of its QR decomposition).
Eigen::MatrixXd Orthonormal(const Eigen::MatrixXd& w) {
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(w);
  return qr.householderQ() * Eigen::MatrixXd::Identity(w.rows(), w.cols());
}

// A fixed, full-rank start: the first `b` vectors of the cosine (DCT-II) basis.
Eigen::MatrixXd CosineStart(Eigen::Index m, Eigen::Index b) {
  Eigen::MatrixXd v(m, b);
  for (Eigen::Index j = 0; j < m; ++j) {
    for (Eigen::Index c = 0; c < b; ++c) {
      v(j, c) =
          std::cos(std::numbers::pi * static_cast<double>(c) * (static_cast<double>(j) + 0.5) / static_cast<double>(m));
    }
  }
  return Orthonormal(v);
}

// Ritz pairs of Z'Z on the span of v (w = Z'Z v), largest first.
struct Ritz {
  Eigen::MatrixXd vectors, images;
  Eigen::VectorXd values;
};

Ritz RayleighRitz(const Eigen::MatrixXd& v, const Eigen::MatrixXd& w) {
  Eigen::MatrixXd h = v.transpose() * w;
  h = (0.5 * (h + h.transpose())).eval();
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(h);
  Eigen::MatrixXd u = solver.eigenvectors().rowwise().reverse();
  return {v * u, w * u, solver.eigenvalues().reverse()};
}

Components FromRitz(const Ritz& ritz, int iterations, bool converged) {
  Components out;
  out.iterations = iterations;
  out.converged = converged;
  double top = ritz.values.size() > 0 ? std::max(ritz.values(0), 0.0) : 0.0;
  for (int c = 0; c < 2; ++c) {
    out.axis[c].assign(ritz.vectors.rows(), 0.0);
    if (c >= ritz.values.size() || top <= 0 || ritz.values(c) <= 1e-12 * top) continue;
    out.eigenvalue[c] = ritz.values(c);
    for (Eigen::Index j = 0; j < ritz.vectors.rows(); ++j) out.axis[c][j] = ritz.vectors(j, c);
  }
  return out;
}

}  // namespace

std::vector<double> StatementMeans(const VoteMatrix& votes) {
  std::vector<double> sum(votes.statements.size(), 0.0);
  std::vector<int64_t> count(votes.statements.size(), 0);
  for (size_t e = 0; e < votes.column.size(); ++e) {
    sum[votes.column[e]] += votes.value[e];
    ++count[votes.column[e]];
  }
  for (size_t j = 0; j < sum.size(); ++j) sum[j] = count[j] > 0 ? sum[j] / static_cast<double>(count[j]) : 0.0;
  return sum;
}

Components TopComponents(const VoteMatrix& votes, const std::vector<double>& mean, const ProjectionSettings& settings) {
  const Eigen::Index m = votes.Statements();
  const Eigen::Index b = std::min<Eigen::Index>(std::max(settings.block, 2), m);
  SparseRows z = CentredMatrix(votes, mean);
  Eigen::MatrixXd v = CosineStart(m, b);
  const Eigen::Index wanted = std::min<Eigen::Index>(2, b);
  for (int it = 1;; ++it) {
    Eigen::MatrixXd zv = z * v;
    Eigen::MatrixXd w = z.transpose() * zv;
    Ritz ritz = RayleighRitz(v, w);
    double worst = 0;
    for (Eigen::Index c = 0; c < wanted; ++c) {
      worst = std::max(worst, (ritz.images.col(c) - ritz.values(c) * ritz.vectors.col(c)).norm());
    }
    bool converged = worst <= settings.tolerance * std::max(ritz.values(0), 0.0);
    if (converged || it >= settings.max_iterations || b == m) {
      Components out = FromRitz(ritz, it, converged || b == m);
      NormaliseSigns(out);
      return out;
    }
    v = Orthonormal(ritz.images);
  }
}

void NormaliseSigns(Components& components) {
  for (std::vector<double>& axis : components.axis) {
    size_t largest = 0;
    for (size_t j = 1; j < axis.size(); ++j) {
      if (std::abs(axis[j]) > std::abs(axis[largest])) largest = j;
    }
    if (!axis.empty() && axis[largest] < 0) {
      for (double& a : axis) a = -a;
    }
  }
}

Projection ProjectWith(const VoteMatrix& votes, std::vector<double> mean, Components components) {
  Projection p;
  p.statements_voted = votes.StatementsVoted();
  p.mean = std::move(mean);
  p.components = std::move(components);
  const auto& pc1 = p.components.axis[0];
  const auto& pc2 = p.components.axis[1];
  const double m = p.statements_voted;
  p.participant.resize(votes.participants.size());
  for (int i = 0; i < votes.Participants(); ++i) {
    Point& at = p.participant[i];
    for (int64_t e = votes.row_start[i]; e < votes.row_start[i + 1]; ++e) {
      double z = votes.value[e] - p.mean[votes.column[e]];
      at.x += z * pc1[votes.column[e]];
      at.y += z * pc2[votes.column[e]];
    }
    double scale = std::sqrt(m / std::max(1, votes.VotesOf(i)));
    at = {at.x * scale, at.y * scale};
  }
  p.statement.resize(votes.statements.size());
  for (size_t j = 0; j < p.statement.size(); ++j) {
    double reach = std::sqrt(m) * (kAgree - p.mean[j]);
    p.statement[j] = {reach * pc1[j], reach * pc2[j]};
  }
  return p;
}

Projection Project(const VoteMatrix& votes, const ProjectionSettings& settings) {
  std::vector<double> mean = StatementMeans(votes);
  Components components = TopComponents(votes, mean, settings);
  return ProjectWith(votes, std::move(mean), std::move(components));
}

}  // namespace wp::opinion
