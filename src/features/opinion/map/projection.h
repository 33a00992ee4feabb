// The 2-D opinion map: principal component analysis of the vote matrix with
// missing votes handled, computed on the sparse matrix. Pure functions of
// their arguments; deterministic (same input, same bytes out).
//
// Method (the "sparsity-aware" PCA of Pol.is, Small et al. 2021):
//  - mean imputation: a missing vote counts as the statement's mean vote mu_j
//    (the mean of its agree +1 / disagree -1 / pass 0 votes), so after centring
//    every missing cell is exactly 0 and the centred matrix Z keeps the
//    sparsity of the votes (z_ij = r_ij - mu_j where i voted on j, else 0);
//  - the top two eigenvectors of Z'Z (the principal axes) by block subspace
//    iteration with Rayleigh-Ritz on products with the sparse Z, from a fixed
//    start (cosine basis), until the residual |Z'Z v - lambda v| is below
//    tolerance * lambda_1; each axis is signed so its largest entry is positive
//    (lowest index on a tie);
//  - participant i sits at sqrt(M / n_i) * sum_j z_ij (pc1_j, pc2_j) over the
//    n_i statements i voted on (M = statements with at least one vote), so
//    people who voted on few statements are not pulled to the centre;
//  - statement j sits where a participant who only agreed with j would:
//    sqrt(M) * (1 - mu_j) * (pc1_j, pc2_j); its distance from the centre is its
//    extremity.
// The invariant the tests check: on a small matrix the axes equal those of a
// full eigendecomposition of Z'Z, and a missing vote moves nobody the way a
// disagree would.
#pragma once

#include <array>
#include <vector>

#include "features/opinion/map/vote_matrix.h"

namespace wp::opinion {

struct Point {
  double x = 0;
  double y = 0;
};

struct ProjectionSettings {
  int block = 6;             // vectors iterated together (2 wanted + 4 to speed up convergence)
  int max_iterations = 300;  // the result says whether it converged before this
  double tolerance = 1e-10;  // relative residual at which an axis counts as converged
};

// Two principal axes over the statements and their eigenvalues of Z'Z. An
// axis whose eigenvalue is 0 (or below 1e-12 * lambda_1) is all zeros: the
// votes do not spread in that direction.
struct Components {
  std::array<std::vector<double>, 2> axis;
  std::array<double, 2> eigenvalue{};
  int iterations = 0;
  bool converged = true;
};

struct Projection {
  int statements_voted = 0;  // M
  std::vector<double> mean;  // mu_j per statement; 0 for a statement nobody voted on
  Components components;
  std::vector<Point> participant;  // per participant, in VoteMatrix order
  std::vector<Point> statement;    // per statement
};

// mu_j: the mean vote on each statement (0 when nobody voted on it).
std::vector<double> StatementMeans(const VoteMatrix& votes);

// The two principal axes of the centred sparse matrix, signed (see above).
Components TopComponents(const VoteMatrix& votes, const std::vector<double>& mean, const ProjectionSettings& settings);

// Signs each axis so that its entry of largest magnitude is positive.
void NormaliseSigns(Components& components);

// Places participants and statements with the given axes (used by Project
// and by the dense baseline of bench/opinion).
Projection ProjectWith(const VoteMatrix& votes, std::vector<double> mean, Components components);

// StatementMeans, TopComponents and ProjectWith.
Projection Project(const VoteMatrix& votes, const ProjectionSettings& settings = {});

}  // namespace wp::opinion
