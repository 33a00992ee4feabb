#include "features/opinion/map/projection.h"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>

#include "features/opinion/map/example_votes_test.h"
#include "features/opinion/map/synthetic_votes.h"

namespace wp::opinion {
namespace {

VoteMatrix Matrix(const std::vector<VoteRow>& rows, const std::vector<std::string>& extra = {}) {
  auto m = BuildVoteMatrix(rows, extra);
  EXPECT_TRUE(m.has_value());
  return *m;
}

void ExpectNear(const std::vector<double>& got, const std::vector<double>& want, double tol) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "entry " << i;
}

// The notes' worked example, section 7 (their values, rounded to 4 decimals).
TEST(ProjectionTest, WorkedExampleOfTheNotes) {
  Projection p = Project(Matrix(testdata::WorkedExample()));
  ExpectNear(p.mean, {0.1250, 0, 0.1429, 1, 0, 0.6667}, 1e-4);
  EXPECT_NEAR(p.components.eigenvalue[0], 17.6764, 1e-3);
  EXPECT_NEAR(p.components.eigenvalue[1], 5.0233, 1e-3);
  ExpectNear(p.components.axis[0], {0.5951, 0.5346, -0.5715, 0, -0.0822, -0.1632}, 1e-3);
  ExpectNear(p.components.axis[1], {0.1810, -0.3469, -0.3440, 0, 0.7863, 0.3321}, 1e-3);
  const double x[8] = {1.6541, 1.9616, 1.0373, 1.4541, -1.7484, -2.0053, -1.2397, -1.2037};
  const double y[8] = {0.3152, -0.6373, 1.4485, -0.8129, -0.0408, 0.8166, -1.2861, 0.0323};
  for (int i = 0; i < 8; ++i) {
    EXPECT_NEAR(p.participant[i].x, x[i], 1e-3) << "P" << i + 1;
    EXPECT_NEAR(p.participant[i].y, y[i], 1e-3) << "P" << i + 1;
  }
  EXPECT_NEAR(p.statement[0].x, 1.2756, 1e-3);
  EXPECT_NEAR(p.statement[4].y, 1.9260, 1e-3);
  EXPECT_NEAR(std::hypot(p.statement[1].x, p.statement[1].y), 1.5611, 1e-3);  // extremity of S2
  EXPECT_EQ(p.statement[3].x, 0);                                             // S4: everyone agrees, no extremity
}

// The sparse iteration finds the axes a full dense eigendecomposition of
// Z'Z finds (up to sign, which both fix the same way).
TEST(ProjectionTest, SparseIterationMatchesDenseEigendecomposition) {
  SyntheticSpec spec;
  spec.participants = 300;
  spec.statements = 60;
  spec.min_share = 0.1;
  spec.max_share = 0.4;
  VoteMatrix m = Matrix(MakeSyntheticVotes(spec).rows);
  std::vector<double> mean = StatementMeans(m);
  Eigen::MatrixXd z = Eigen::MatrixXd::Zero(m.Participants(), m.Statements());
  for (int i = 0; i < m.Participants(); ++i) {
    for (int64_t e = m.row_start[i]; e < m.row_start[i + 1]; ++e) z(i, m.column[e]) = m.value[e] - mean[m.column[e]];
  }
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> dense(z.transpose() * z);
  Components want;
  for (int c = 0; c < 2; ++c) {
    Eigen::VectorXd v = dense.eigenvectors().col(m.Statements() - 1 - c);
    want.axis[c].assign(v.data(), v.data() + v.size());
    want.eigenvalue[c] = dense.eigenvalues()(m.Statements() - 1 - c);
  }
  NormaliseSigns(want);
  Components got = TopComponents(m, mean, {});
  EXPECT_TRUE(got.converged);
  EXPECT_LT(got.iterations, 300);
  for (int c = 0; c < 2; ++c) {
    EXPECT_NEAR(got.eigenvalue[c], want.eigenvalue[c], 1e-8 * want.eigenvalue[0]);
    ExpectNear(got.axis[c], want.axis[c], 1e-6);
  }
}

// Someone who votes like P1 on fewer statements lands near P1, not near the
// centre: the sqrt(M / n) scale.
TEST(ProjectionTest, SparseVoterIsNotPulledToTheCentre) {
  auto rows = testdata::WorkedExample();
  rows.push_back({"P9", "S1", 1});
  rows.push_back({"P9", "S2", 1});
  rows.push_back({"P9", "S3", -1});
  Projection p = Project(Matrix(rows));
  const Point& p1 = p.participant[0];
  const Point& p9 = p.participant[8];
  EXPECT_GT(p9.x * p1.x, 0);  // the same side
  EXPECT_GT(std::abs(p9.x), 0.8 * std::abs(p1.x));
  EXPECT_GT(std::hypot(p9.x, p9.y), 1.0);
}

TEST(ProjectionTest, StatementNobodyVotedOnSitsAtTheCentreAndChangesNothing) {
  Projection without = Project(Matrix(testdata::WorkedExample()));
  Projection with = Project(Matrix(testdata::WorkedExample(), {"S7"}));
  ASSERT_EQ(with.statement.size(), 7u);
  EXPECT_EQ(with.statements_voted, 6);
  EXPECT_EQ(with.mean[6], 0);
  EXPECT_EQ(with.components.axis[0][6], 0);
  EXPECT_EQ(with.statement[6].x, 0);
  for (int i = 0; i < 8; ++i) {
    EXPECT_NEAR(with.participant[i].x, without.participant[i].x, 1e-9);
    EXPECT_NEAR(with.participant[i].y, without.participant[i].y, 1e-9);
  }
}

TEST(ProjectionTest, UnanimousVotesGiveZeroAxesAndEveryoneAtTheCentre) {
  Projection p = Project(Matrix({{"1", "a", 1}, {"2", "a", 1}, {"2", "b", -1}, {"3", "b", -1}}));
  EXPECT_EQ(p.components.eigenvalue[0], 0);
  for (const Point& at : p.participant) {
    EXPECT_EQ(at.x, 0);
    EXPECT_EQ(at.y, 0);
  }
}

TEST(ProjectionTest, SingleStatementHasOneAxis) {
  Projection p = Project(Matrix({{"1", "a", 1}, {"2", "a", -1}, {"3", "a", 0}}));
  EXPECT_NEAR(p.components.axis[0][0], 1.0, 1e-12);
  EXPECT_EQ(p.components.axis[1][0], 0);
  EXPECT_NEAR(p.participant[0].x, 1.0, 1e-12);
  EXPECT_NEAR(p.participant[1].x, -1.0, 1e-12);
}

}  // namespace
}  // namespace wp::opinion
