// Vote matrices with known answers, shared by the opinion-map tests.
#pragma once

#include <string>
#include <vector>

#include "features/opinion/map/vote_matrix.h"

namespace wp::opinion::testdata {

// The worked example of the research notes (docs of issue #17): eight
// residents, six statements, a "bike" camp P1-P4 and a "car" camp P5-P8, and
// two statements (S4 trees, S6 park lighting) everyone likes. 9 = missing.
inline std::vector<VoteRow> WorkedExample() {
  const int v[8][6] = {{1, 1, -1, 1, 0, 1},  {1, 1, -1, 1, -1, 9}, {1, 0, -1, 1, 1, 1},  {1, 1, 9, 1, 0, -1},
                       {-1, -1, 1, 1, 0, 1}, {-1, -1, 1, 9, 1, 1}, {-1, 9, 1, 1, -1, 1}, {0, -1, 1, 1, 0, 9}};
  std::vector<VoteRow> rows;
  for (int p = 0; p < 8; ++p) {
    for (int s = 0; s < 6; ++s) {
      if (v[p][s] != 9) rows.push_back({"P" + std::to_string(p + 1), "S" + std::to_string(s + 1), v[p][s]});
    }
  }
  return rows;
}

// Three camps of six over nine statements: camp g agrees with statements
// 3g+1..3g+3 and disagrees with the other six, except that nobody in camp g saw
// statement 3g+4 (wrapping round), a hole the whole camp shares.
inline std::vector<VoteRow> ThreeCamps() {
  std::vector<VoteRow> rows;
  for (int g = 0; g < 3; ++g) {
    for (int m = 0; m < 6; ++m) {
      for (int s = 0; s < 9; ++s) {
        if (s == (3 * g + 3) % 9) continue;
        rows.push_back({"c" + std::to_string(g) + "m" + std::to_string(m), "s" + std::to_string(s + 1),
                        s / 3 == g ? kAgree : kDisagree});
      }
    }
  }
  return rows;
}

}  // namespace wp::opinion::testdata
