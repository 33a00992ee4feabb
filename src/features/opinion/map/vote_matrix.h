// VoteMatrix: the anonymous participant x statement vote matrix of an opinion
// map, stored sparse (one entry per vote cast; a missing entry means the
// participant never saw the statement). Immutable once built; thread-safe to
// read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace wp::opinion {

// Vote values: +1 agree, -1 disagree, 0 pass ("seen, no opinion").
inline constexpr int kAgree = 1;
inline constexpr int kDisagree = -1;
inline constexpr int kPass = 0;

// One published vote.
struct VoteRow {
  std::string participant;
  std::string statement;
  int vote = kPass;
};

struct VoteMatrix {
  // Ids in natural order (numbers by value, then text), so the result does
  // not depend on the order of the input rows.
  std::vector<std::string> participants;
  std::vector<std::string> statements;
  // Compressed rows: the votes of participant p are entries
  // row_start[p] .. row_start[p+1]-1, statement indexes ascending.
  std::vector<int64_t> row_start;
  std::vector<int32_t> column;
  std::vector<int8_t> value;

  int Participants() const { return static_cast<int>(participants.size()); }
  int Statements() const { return static_cast<int>(statements.size()); }
  int64_t Votes() const { return static_cast<int64_t>(column.size()); }
  int VotesOf(int p) const { return static_cast<int>(row_start[p + 1] - row_start[p]); }
  // Statements with at least one vote (the M of the projection).
  int StatementsVoted() const;
};

// Natural order of ids: two ids of digits only compare by value, anything
// else as bytes (digits before other text).
bool NaturalLess(std::string_view a, std::string_view b);

// Builds the matrix from `rows` plus `extra_statements` (statements nobody
// voted on yet, e.g. from the statements file). Errors (kInvalidInput, detail
// names the row): no rows; an empty participant or statement id; a vote other
// than -1, 0 or 1; the same (participant, statement) pair twice. A duplicate is
// an error rather than "last wins": the published matrix holds each person's
// latest vote once, and a rule based on row order would make the map depend on
// how the file happens to be sorted.
Result<VoteMatrix> BuildVoteMatrix(const std::vector<VoteRow>& rows,
                                   const std::vector<std::string>& extra_statements = {});

}  // namespace wp::opinion
