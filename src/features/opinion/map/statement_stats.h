// Statement statistics of an opinion map: per statement and group the
// agree / disagree / pass counts and smoothed shares, the statements that unite
// every group (consensus) and those that set a group apart (representative).
// Pure functions; thread-safe.
//
// Shares use a uniform prior: p_agree = (agree + 1) / (seen + 2), where seen
// counts passes too (a pass is a real "seen, no opinion"). Tests, one-sided at
// z > 1.2816 (90 %), as in Pol.is's "repness" (Small et al. 2021):
//  - agree_test: one-proportion z of the group's agree share against 1/2,
//    2 sqrt(seen + 1) ((agree + 1) / (seen + 1) - 1/2);
//  - agree_ratio: p_agree of the group / p_agree of all other groups together;
//  - agree_rest_test: two-proportion z of the group against the other groups
//    (each count + 1), 0 when the pooled share is 1;
//  and the same for disagree.
// Representative for a group: agree_test > z and agree_rest_test > z (the group
// agrees, and more than the others), or the same for disagree; ranked by
// ratio * rest_test * p * test, at most max_representative per group.
// Consensus: a majority in every group (p > 1/2 with the prior, so a group that
// did not see the statement blocks it) and, over all participants, test > z;
// ranked by the group-aware consensus prod_g p_g, at most max_consensus per
// direction. Only grouped participants count in group statistics; `overall`
// counts every vote.
#pragma once

#include <vector>

#include "features/opinion/map/groups.h"
#include "features/opinion/map/vote_matrix.h"

namespace wp::opinion {

struct StatementSettings {
  double z = 1.2816;           // one-sided 90 %
  int max_representative = 5;  // per group
  int max_consensus = 5;       // per direction
};

struct VoteCounts {
  int agree = 0;
  int disagree = 0;
  int pass = 0;
  int seen() const { return agree + disagree + pass; }
};

enum class Direction { kAgree, kDisagree };
const char* DirectionName(Direction d);  // "agree", "disagree"

// One direction (agree or disagree) of a statement in a group.
struct Leaning {
  double p = 0.5;        // smoothed share
  double test = 0;       // one-proportion z against 1/2
  double ratio = 1;      // p / p of the other groups
  double rest_test = 0;  // two-proportion z against the other groups
};

struct GroupStatement {
  VoteCounts counts;
  Leaning agree, disagree;
};

struct StatementStats {
  VoteCounts overall;                       // every vote on the statement
  Leaning overall_agree, overall_disagree;  // p and test over everyone (ratio, rest_test unused)
  std::vector<GroupStatement> group;        // per group
  double consensus_agree = 0;               // prod_g p_agree (group-aware consensus); 0 without groups
  double consensus_disagree = 0;
};

struct RankedStatement {
  int statement = 0;
  Direction direction = Direction::kAgree;
  double metric = 0;  // representative: ratio * rest_test * p * test; consensus: prod_g p_g
};

struct MapStatements {
  std::vector<StatementStats> statement;                     // per statement
  std::vector<std::vector<RankedStatement>> representative;  // per group, best first
  std::vector<RankedStatement> consensus;                    // agree ones first, each best first
};

MapStatements ComputeStatementStats(const VoteMatrix& votes, const Grouping& groups,
                                    const StatementSettings& settings = {});

// The tests above, exposed for their own unit tests.
double OneProportionZ(int successes, int trials);
double TwoProportionZ(int successes1, int trials1, int successes2, int trials2);

}  // namespace wp::opinion
