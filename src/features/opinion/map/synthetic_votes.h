// SyntheticVotes: a deterministic vote matrix with latent opinion groups, for
// the tests and bench/opinion (no real votes needed). Thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "features/opinion/map/vote_matrix.h"

namespace wp::opinion {

struct SyntheticSpec {
  int participants = 10000;
  int statements = 1000;
  int groups = 3;           // latent groups; group g has weight groups - g (3: 50 %, 33 %, 17 %)
  double min_share = 0.03;  // each participant votes on a share of the statements drawn
  double max_share = 0.10;  //   uniformly from [min_share, max_share]
  double pass = 0.1;        // chance of a pass vote
  double loyalty = 0.85;    // chance a non-pass vote follows the group's stance
  double consensus = 0.1;   // share of statements every group agrees with
  uint64_t seed = 1;
};

struct SyntheticVotes {
  std::vector<VoteRow> rows;      // participant ids "1".."N", statement ids "1".."M"
  std::vector<int> latent_group;  // per participant, in id order (= VoteMatrix order)
};

// Every participant casts at least one vote; every statement's stance per group
// is agree or disagree at random, except the consensus ones (agree for all).
SyntheticVotes MakeSyntheticVotes(const SyntheticSpec& spec);

}  // namespace wp::opinion
