#include "features/sortition/selection/feasibility.h"

#include <gtest/gtest.h>

namespace wp::sortition {
namespace {

Instance Make(const std::string& categories, const std::string& respondents, int k) {
  Instance inst;
  inst.quotas = *ParseCategoriesCsv(categories);
  inst.agents = *ParseRespondentsCsv(respondents, inst.quotas, {});
  inst.panel_size = k;
  return inst;
}

std::string Pool(int female, int male) {
  std::string s = "id,gender,age\n";
  for (int i = 0; i < female + male; ++i) {
    s += "p" + std::to_string(i) + "," + (i < female ? "female" : "male") + "," + (i % 2 ? "young" : "old") + "\n";
  }
  return s;
}

TEST(CountingProblemsTest, NamesTheQuotaAndTheShortfall) {
  Instance inst = Make("feature,value,min,max\ngender,female,10,12\ngender,male,0,20\nage,young,0,20\nage,old,0,20\n",
                       Pool(7, 20), 20);
  std::vector<std::string> p = CountingProblems(inst);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "gender=female needs at least 10 but only 7 volunteers have it (short by 3)");
}

TEST(CountingProblemsTest, MinimumsAboveThePanelSize) {
  Instance inst = Make("feature,value,min,max\ngender,female,6,8\ngender,male,6,8\nage,young,0,20\nage,old,0,20\n",
                       Pool(10, 10), 10);
  std::vector<std::string> p = CountingProblems(inst);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "the minimums of gender add up to 12, more than the panel size 10 (over by 2)");
}

TEST(CountingProblemsTest, PoolTooSmallAndMaximumsTooLow) {
  Instance inst =
      Make("feature,value,min,max\ngender,female,0,1\ngender,male,0,1\nage,young,0,5\nage,old,0,5\n", Pool(1, 1), 3);
  std::vector<std::string> p = CountingProblems(inst);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0], "the pool has 2 volunteers, the panel needs 3");
  EXPECT_EQ(p[1],
            "the maximums of gender (limited to the volunteers available) add up to 2, less than the panel "
            "size 3 (short by 1)");
  EXPECT_NE(p[2].find("maximums of age"), std::string::npos);
}

TEST(FindRelaxationTest, JointInfeasibilityGetsTheSmallestChange) {
  // Each category alone is fine, but the only young people are men: with
  // young >= 2 and male <= 1 no panel exists. Raising male max to 2 (cost 1)
  // is cheaper than lowering young min to 1 (cost 1 + 2/2 = 2).
  Instance inst = Make("feature,value,min,max\ngender,female,1,3\ngender,male,0,1\nage,young,2,3\nage,old,0,3\n",
                       "id,gender,age\na,female,old\nb,female,old\nc,male,young\nd,male,young\n", 3);
  EXPECT_TRUE(CountingProblems(inst).empty());
  TypeModel types = GroupAgentsByType(inst);
  auto mip = NewCbcSolver();
  Relaxation r = FindRelaxation(inst, types, *mip);
  ASSERT_TRUE(r.found);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(inst.quotas.features[r.changes[0].feature].Name(), "gender=male");
  EXPECT_EQ(r.changes[0].new_max, 2);
  EXPECT_EQ(ExplainInfeasibility(inst, types, *mip),
            "no panel meets all quotas together; the smallest change that makes one possible: raise the maximum of "
            "gender=male from 1 to 2");
}

TEST(FindRelaxationTest, RespectsFlexThenGoesBeyond) {
  // max_flex forbids raising male; the relaxation must lower young instead.
  Instance inst = Make(
      "feature,value,min,max,min_flex,max_flex\ngender,female,1,3,0,3\ngender,male,0,1,0,1\nage,young,2,3,0,3\n"
      "age,old,0,3,0,3\n",
      "id,gender,age\na,female,old\nb,female,old\nc,male,young\nd,male,young\n", 3);
  TypeModel types = GroupAgentsByType(inst);
  auto mip = NewCbcSolver();
  Relaxation r = FindRelaxation(inst, types, *mip);
  ASSERT_TRUE(r.found);
  EXPECT_TRUE(r.within_flex);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(inst.quotas.features[r.changes[0].feature].Name(), "age=young");
  EXPECT_EQ(r.changes[0].new_min, 1);
}

}  // namespace
}  // namespace wp::sortition
