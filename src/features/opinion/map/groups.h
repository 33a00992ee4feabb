// Opinion groups: k-means on the 2-D map, k chosen by the mean silhouette.
// Pure and deterministic: the randomness is a seeded generator whose seed is a
// setting, so the same votes and seed give the same groups.
//
// Who is grouped: participants with at least min(min_votes, M) votes (M =
// statements with a vote); if fewer than min_grouped qualify, the most active
// of the others are added (most votes first, then participant order) up to
// min_grouped. Everyone else is still placed on the map and told the nearest
// group, but does not shape the groups nor count in their statistics: a
// person with two votes carries too little information to define a group.
//
// How: for each k in min_k..max_k (at most the number of distinct points),
// `restarts` runs of Lloyd's k-means from k-means++ seeds (Arthur and
// Vassilvitskii 2007), keeping the run with the smallest sum of squared
// distances (first run on a tie); an empty cluster restarts at the point
// farthest from its centre. k is the one with the highest mean silhouette
// (Rousseeuw 1987; a participant alone in its group scores 0), computed on all
// grouped participants, or on every s-th one in participant order when there
// are more than silhouette_sample; a tie goes to the smaller k. Groups are
// then numbered by size, largest first (0 = A), ties by their first member.
// Fewer than two distinct points: no groups.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "features/opinion/map/projection.h"
#include "features/opinion/map/vote_matrix.h"

namespace wp::opinion {

struct GroupSettings {
  int min_votes = 7;     // votes needed to shape the groups (or all statements if fewer)
  int min_grouped = 15;  // top-up: at least this many grouped participants when there are
  int min_k = 2;
  int max_k = 5;
  int restarts = 10;             // k-means++ runs per k
  int max_iterations = 100;      // Lloyd iterations per run
  int silhouette_sample = 2000;  // at most this many points in the silhouette
  uint64_t seed = 1;
};

// Errors (kInvalidInput): min_votes < 1, min_grouped < 0, min_k < 2,
// max_k < min_k, max_k > 26, restarts < 1, max_iterations < 1,
// silhouette_sample < 2.
Result<void> CheckGroupSettings(const GroupSettings& settings);

struct Grouping {
  int vote_threshold = 0;          // min(min_votes, M)
  std::vector<int> grouped;        // participants that shape the groups, ascending
  std::vector<int> group;          // per participant: its group, or -1 when not grouped
  std::vector<int> nearest_group;  // per participant: the group whose centre is nearest (-1: no groups)
  std::vector<Point> centre;       // per group
  std::vector<int> size;           // per group: grouped members
  std::vector<double> silhouette;  // per k from min_k (NaN where k was not possible)
  double chosen_silhouette = 0;
  int k() const { return static_cast<int>(centre.size()); }
};

// The participants that shape the groups (see above), ascending.
std::vector<int> GroupedParticipants(const VoteMatrix& votes, const GroupSettings& settings);

// REQUIRES: CheckGroupSettings(settings) is ok; positions.size() ==
// votes.Participants().
Grouping FindGroups(const VoteMatrix& votes, const std::vector<Point>& positions, const GroupSettings& settings);

// Mean silhouette of `labels` (0..k-1) over `points`.
double MeanSilhouette(const std::vector<Point>& points, const std::vector<int>& labels, int k);

}  // namespace wp::opinion
