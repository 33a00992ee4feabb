#include "features/sortition/selection/nash.h"

#include <gtest/gtest.h>

#include <numeric>

namespace wp::sortition {
namespace {

// Two categories where LEXIMIN and Nash differ: the lone young woman must be
// on every panel LEXIMIN-wise only as far as the minimums force.
Instance Make() {
  Instance inst;
  inst.quotas = *ParseCategoriesCsv("feature,value,min,max\ng,f,1,2\ng,m,1,2\na,young,1,2\na,old,0,2\n");
  inst.agents = *ParseRespondentsCsv(
      "id,g,a\nv0,f,young\nv1,m,old\nv2,m,old\nv3,m,young\nv4,f,old\nv5,m,old\nv6,m,old\n", inst.quotas, {});
  inst.panel_size = 3;
  return inst;
}

TEST(NashTest, ImprovesWelfareAndKeepsInvariants) {
  Instance inst = Make();
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  auto leximin = FindFairDistribution(inst, types, Solvers{*lp, *mip}, FairnessOptions{});
  ASSERT_TRUE(leximin.has_value());
  double gap = 1;
  auto nash = FindNashDistribution(inst, types, Solvers{*lp, *mip}, NashOptions{}, &gap);
  ASSERT_TRUE(nash.has_value()) << nash.error().detail;
  EXPECT_LE(gap, 1e-3);
  EXPECT_GE(NashWelfare(nash->agent_probability), NashWelfare(leximin->agent_probability) - 1e-9);
  EXPECT_NEAR(std::accumulate(nash->agent_probability.begin(), nash->agent_probability.end(), 0.0), 3, 1e-6);
  EXPECT_NEAR(std::accumulate(nash->weights.begin(), nash->weights.end(), 0.0), 1, 1e-9);
  for (const Composition& c : nash->panels) {
    std::vector<int> members;
    for (size_t t = 0; t < c.size(); ++t) {
      for (int j = 0; j < c[t]; ++j) members.push_back(types.types[t].members[j]);
    }
    EXPECT_TRUE(CheckPanel(inst, members).empty());
  }
  // Nash never lowers the minimum below what the quotas force to zero.
  EXPECT_GT(nash->min_probability, 0);
}

TEST(NashTest, ForcedChancesAreKept) {
  Instance inst;
  inst.quotas = *ParseCategoriesCsv("feature,value,min,max\ng,f,1,1\ng,m,1,1\n");
  inst.agents = *ParseRespondentsCsv("id,g\na,f\nb,m\nc,m\nd,m\n", inst.quotas, {});
  inst.panel_size = 2;
  TypeModel types = GroupAgentsByType(inst);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  auto nash = FindNashDistribution(inst, types, Solvers{*lp, *mip}, NashOptions{});
  ASSERT_TRUE(nash.has_value());
  EXPECT_NEAR(nash->agent_probability[0], 1.0, 1e-9);
  EXPECT_NEAR(nash->agent_probability[1], 1.0 / 3, 1e-6);
}

}  // namespace
}  // namespace wp::sortition
