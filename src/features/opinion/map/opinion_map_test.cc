#include "features/opinion/map/opinion_map.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "features/opinion/map/example_votes_test.h"
#include "features/opinion/map/synthetic_votes.h"

namespace wp::opinion {
namespace {

OpinionMap MapOf(const std::vector<VoteRow>& rows, const MapSettings& settings = {}) {
  auto votes = BuildVoteMatrix(rows);
  EXPECT_TRUE(votes.has_value());
  auto map = BuildOpinionMap(*votes, settings);
  EXPECT_TRUE(map.has_value());
  return *map;
}

// The partition as sets of participant indexes (group ids do not matter).
std::set<std::set<int>> Partition(const Grouping& g) {
  std::map<int, std::set<int>> by_group;
  for (size_t p = 0; p < g.group.size(); ++p) {
    if (g.group[p] >= 0) by_group[g.group[p]].insert(static_cast<int>(p));
  }
  std::set<std::set<int>> out;
  for (auto& [group, members] : by_group) out.insert(members);
  return out;
}

std::set<std::pair<int, Direction>> Listed(const std::vector<RankedStatement>& list) {
  std::set<std::pair<int, Direction>> out;
  for (const RankedStatement& r : list) out.insert({r.statement, r.direction});
  return out;
}

TEST(OpinionMapTest, WorkedExampleOfTheNotes) {
  OpinionMap map = MapOf(testdata::WorkedExample());
  EXPECT_EQ(map.groups.grouped.size(), 8u);  // 3 with 6 votes, topped up to all 8
  ASSERT_EQ(map.groups.k(), 2);
  EXPECT_EQ(Partition(map.groups), (std::set<std::set<int>>{{0, 1, 2, 3}, {4, 5, 6, 7}}));
  EXPECT_NEAR(map.groups.chosen_silhouette, 0.5935, 1e-3);
  const int a = map.groups.group[0], b = map.groups.group[4];
  EXPECT_NEAR(map.groups.centre[a].x, 1.5268, 1e-3);
  EXPECT_NEAR(map.groups.centre[b].y, -0.1195, 1e-3);
  const GroupStatement& a_s1 = map.statements.statement[0].group[a];
  EXPECT_NEAR(a_s1.agree.ratio, 5.0, 1e-4);
  EXPECT_NEAR(a_s1.agree.rest_test, 2.5820, 1e-4);
  using D = Direction;
  EXPECT_EQ(Listed(map.statements.representative[a]),
            (std::set<std::pair<int, D>>{{0, D::kAgree}, {1, D::kAgree}, {2, D::kDisagree}}));
  EXPECT_EQ(Listed(map.statements.representative[b]),
            (std::set<std::pair<int, D>>{{2, D::kAgree}, {1, D::kDisagree}, {0, D::kDisagree}}));
  EXPECT_EQ(map.statements.representative[a][0].statement, 0);  // S1 has the highest metric
  EXPECT_NEAR(map.statements.representative[a][0].metric, 24.056, 1e-2);
  ASSERT_EQ(map.statements.consensus.size(), 2u);
  EXPECT_EQ(map.statements.consensus[0].statement, 3);  // S4, then S6
  EXPECT_EQ(map.statements.consensus[1].statement, 5);
  EXPECT_NEAR(map.statements.statement[3].consensus_agree, 0.6667, 1e-4);
  EXPECT_NEAR(map.statements.statement[5].consensus_agree, 0.4800, 1e-4);
}

TEST(OpinionMapTest, InvertedVotesKeepTheGroupsAndSwapDirections) {
  auto rows = testdata::WorkedExample();
  for (VoteRow& r : rows) r.vote = -r.vote;
  OpinionMap map = MapOf(rows);
  EXPECT_EQ(Partition(map.groups), (std::set<std::set<int>>{{0, 1, 2, 3}, {4, 5, 6, 7}}));
  ASSERT_EQ(map.statements.consensus.size(), 2u);
  EXPECT_EQ(map.statements.consensus[0].direction, Direction::kDisagree);
  const int a = map.groups.group[0];
  using D = Direction;
  EXPECT_EQ(Listed(map.statements.representative[a]),
            (std::set<std::pair<int, D>>{{0, D::kDisagree}, {1, D::kDisagree}, {2, D::kAgree}}));
}

// Silhouette scores 1 for camps of identical voters; the worked example
// covers holes that differ from person to person.
TEST(OpinionMapTest, ThreeCampsWithAHoleAreFoundExactly) {
  OpinionMap map = MapOf(testdata::ThreeCamps());
  ASSERT_EQ(map.groups.k(), 3);
  std::set<std::set<int>> want;
  for (int g = 0; g < 3; ++g) want.insert({6 * g, 6 * g + 1, 6 * g + 2, 6 * g + 3, 6 * g + 4, 6 * g + 5});
  EXPECT_EQ(Partition(map.groups), want);
  for (int g = 0; g < 3; ++g) {
    const int label = map.groups.group[6 * g];
    auto listed = Listed(map.statements.representative[label]);
    for (int s = 3 * g; s < 3 * g + 3; ++s) EXPECT_TRUE(listed.count({s, Direction::kAgree})) << g << " " << s;
  }
  EXPECT_NEAR(map.groups.chosen_silhouette, 1.0, 1e-12);
  EXPECT_TRUE(map.statements.consensus.empty());
}

// Camp A agrees with statements 1-5, camp B disagrees with them; Q agreed with
// statement 1 and saw nothing else. With the mean of each statement filled in
// for a missing vote, Q is nearest to A. Were missing votes read as disagree,
// Q would have four disagrees out of five and land with B.
TEST(OpinionMapTest, MissingVotesAreNotDisagree) {
  std::vector<VoteRow> rows;
  for (int m = 0; m < 6; ++m) {
    for (int s = 1; s <= 5; ++s) {
      rows.push_back({"a" + std::to_string(m), "s" + std::to_string(s), kAgree});
      rows.push_back({"b" + std::to_string(m), "s" + std::to_string(s), m == 0 && s == 5 ? kPass : kDisagree});
    }
  }
  rows.push_back({"q", "s1", kAgree});
  MapSettings settings;
  settings.groups.min_grouped = 0;
  OpinionMap map = MapOf(rows, settings);
  ASSERT_EQ(map.groups.k(), 2);
  const int q = 12;                    // ids a0..a5, b0..b5, q
  EXPECT_EQ(map.groups.group[q], -1);  // one vote: placed, not grouped
  EXPECT_EQ(map.groups.nearest_group[q], map.groups.group[0]);
  EXPECT_NE(map.groups.nearest_group[q], map.groups.group[6]);
  EXPECT_GT(map.projection.participant[q].x * map.projection.participant[0].x, 0);  // same side as A
}

TEST(OpinionMapTest, SameInputAndSeedGiveTheSameMapWhateverTheRowOrder) {
  SyntheticSpec spec;
  spec.participants = 400;
  spec.statements = 80;
  auto rows = MakeSyntheticVotes(spec).rows;
  OpinionMap a = MapOf(rows);
  std::reverse(rows.begin(), rows.end());
  OpinionMap b = MapOf(rows);
  EXPECT_EQ(a.groups.group, b.groups.group);
  for (size_t p = 0; p < a.projection.participant.size(); ++p) {
    EXPECT_EQ(a.projection.participant[p].x, b.projection.participant[p].x);
    EXPECT_EQ(a.projection.participant[p].y, b.projection.participant[p].y);
  }
}

TEST(OpinionMapTest, RecoversTheLatentGroupsOfASyntheticConversation) {
  SyntheticSpec spec;
  spec.participants = 600;
  spec.statements = 100;
  spec.min_share = 0.15;
  spec.max_share = 0.3;
  SyntheticVotes synthetic = MakeSyntheticVotes(spec);
  OpinionMap map = MapOf(synthetic.rows);
  ASSERT_EQ(map.groups.k(), 3);
  std::map<std::pair<int, int>, int> overlap;
  for (size_t p = 0; p < synthetic.latent_group.size(); ++p)
    ++overlap[{map.groups.group[p], synthetic.latent_group[p]}];
  int agreeing = 0;  // each found group counted with the latent group it overlaps most
  for (int g = 0; g < 3; ++g) {
    int best = 0;
    for (int l = 0; l < 3; ++l) best = std::max(best, overlap[{g, l}]);
    agreeing += best;
  }
  EXPECT_GT(agreeing, 0.95 * 600);
}

TEST(OpinionMapTest, RejectsBadSettings) {
  auto votes = *BuildVoteMatrix(testdata::WorkedExample());
  MapSettings s;
  s.groups.max_k = 30;
  EXPECT_FALSE(BuildOpinionMap(votes, s).has_value());
  s = {};
  s.projection.block = 1;
  EXPECT_FALSE(BuildOpinionMap(votes, s).has_value());
  s = {};
  s.statements.z = 0;
  EXPECT_FALSE(BuildOpinionMap(votes, s).has_value());
}

}  // namespace
}  // namespace wp::opinion
