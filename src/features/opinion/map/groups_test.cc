#include "features/opinion/map/groups.h"

#include <gtest/gtest.h>

#include <cmath>

namespace wp::opinion {
namespace {

// A matrix where participant i cast votes[i] votes (on statements 0..).
VoteMatrix WithVoteCounts(const std::vector<int>& votes, int statements) {
  std::vector<VoteRow> rows;
  for (size_t p = 0; p < votes.size(); ++p) {
    for (int s = 0; s < votes[p]; ++s) rows.push_back({std::to_string(p), std::to_string(s), kAgree});
  }
  std::vector<std::string> all;
  for (int s = 0; s < statements; ++s) all.push_back(std::to_string(s));
  return *BuildVoteMatrix(rows, all);
}

// Three tight clouds of 10, 7 and 4 points.
std::vector<Point> ThreeClouds() {
  std::vector<Point> pts;
  const Point centre[3] = {{-5, 0}, {5, 1}, {0, 8}};
  const int size[3] = {10, 7, 4};
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < size[c]; ++i) pts.push_back({centre[c].x + 0.1 * (i % 3), centre[c].y + 0.1 * (i / 3)});
  }
  return pts;
}

TEST(GroupsTest, ThreeObviousCloudsAreFoundExactlyAndLabelledBySize) {
  std::vector<Point> pts = ThreeClouds();
  VoteMatrix votes = WithVoteCounts(std::vector<int>(pts.size(), 7), 7);
  Grouping g = FindGroups(votes, pts, {});
  ASSERT_EQ(g.k(), 3);
  EXPECT_EQ(g.size, (std::vector<int>{10, 7, 4}));
  for (size_t i = 0; i < pts.size(); ++i) EXPECT_EQ(g.group[i], i < 10 ? 0 : i < 17 ? 1 : 2) << i;
  EXPECT_GT(g.chosen_silhouette, 0.9);
  EXPECT_GT(g.chosen_silhouette, g.silhouette[0]);  // k = 2 scores lower
}

TEST(GroupsTest, SameSeedSameGroups) {
  std::vector<Point> pts = ThreeClouds();
  VoteMatrix votes = WithVoteCounts(std::vector<int>(pts.size(), 7), 7);
  GroupSettings s;
  s.seed = 42;
  Grouping a = FindGroups(votes, pts, s), b = FindGroups(votes, pts, s);
  EXPECT_EQ(a.group, b.group);
  EXPECT_EQ(a.silhouette, b.silhouette);
}

TEST(GroupsTest, FewerThanTwoDistinctPointsGiveNoGroups) {
  std::vector<Point> pts(5, Point{1, 1});
  Grouping g = FindGroups(WithVoteCounts(std::vector<int>(5, 3), 3), pts, {});
  EXPECT_EQ(g.k(), 0);
  EXPECT_EQ(g.group, std::vector<int>(5, -1));
  EXPECT_EQ(g.nearest_group, std::vector<int>(5, -1));
  EXPECT_TRUE(std::isnan(g.silhouette[0]));
}

TEST(GroupsTest, FewVotesPlaceButDoNotGroupAndTopUpToTheMinimum) {
  GroupSettings s;
  s.min_grouped = 0;
  VoteMatrix votes = WithVoteCounts({7, 3, 9, 6, 10}, 10);
  EXPECT_EQ(GroupedParticipants(votes, s), (std::vector<int>{0, 2, 4}));
  s.min_grouped = 4;  // the most active of the others first: participant 3 (6 votes)
  EXPECT_EQ(GroupedParticipants(votes, s), (std::vector<int>{0, 2, 3, 4}));
  s.min_grouped = 0;
  s.min_votes = 20;  // more than there are statements: every statement (10) is needed
  EXPECT_EQ(GroupedParticipants(votes, s), (std::vector<int>{4}));
}

TEST(GroupsTest, ParticipantNotGroupedIsToldTheNearestGroup) {
  std::vector<Point> pts = ThreeClouds();
  std::vector<int> counts(pts.size(), 7);
  pts.push_back({4.5, 1.2});
  counts.push_back(1);
  GroupSettings s;
  s.min_grouped = 0;
  Grouping g = FindGroups(WithVoteCounts(counts, 7), pts, s);
  EXPECT_EQ(g.group.back(), -1);
  EXPECT_EQ(g.nearest_group.back(), 1);
  EXPECT_EQ(g.size, (std::vector<int>{10, 7, 4}));
}

TEST(GroupsTest, SilhouetteOfTwoPairs) {
  // a = 1, b = (10 + sqrt(101)) / 2 for every point.
  double b = (10 + std::sqrt(101.0)) / 2;
  EXPECT_NEAR(MeanSilhouette({{0, 0}, {0, 1}, {10, 0}, {10, 1}}, {0, 0, 1, 1}, 2), (b - 1) / b, 1e-12);
  EXPECT_EQ(MeanSilhouette({{0, 0}, {5, 5}}, {0, 1}, 2), 0);  // singletons score 0
}

TEST(GroupsTest, RejectsBadSettings) {
  GroupSettings s;
  s.min_k = 1;
  EXPECT_FALSE(CheckGroupSettings(s).has_value());
  s = {};
  s.max_k = 1;
  EXPECT_FALSE(CheckGroupSettings(s).has_value());
  s = {};
  s.min_votes = 0;
  EXPECT_FALSE(CheckGroupSettings(s).has_value());
  EXPECT_TRUE(CheckGroupSettings({}).has_value());
}

}  // namespace
}  // namespace wp::opinion
