// The published files of an opinion map, read from CSV text: the anonymous
// vote matrix (header participant,statement,vote) and the statements
// (header statement,text). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "features/opinion/map/vote_matrix.h"

namespace wp::opinion {

struct StatementText {
  std::string id;
  std::string text;
};

struct CsvRow {
  int line = 0;  // where the row starts in the file, from 1
  std::vector<std::string> fields;
};

// RFC 4180 CSV: fields separated by commas, "quoted" fields may hold commas,
// newlines and doubled quotes; CRLF or LF line ends; a UTF-8 byte-order mark
// is skipped; blank lines are skipped. Errors (kInvalidInput): an unterminated
// quote or text after a closing quote, with the line number.
Result<std::vector<CsvRow>> ParseCsv(std::string_view text);

// Votes: the first three columns must be named participant, statement, vote
// (in that order, any case; more columns are ignored); votes are 1 or +1
// (agree), -1 (disagree) or 0 (pass). Errors (kInvalidInput, "line N: ..."): a
// wrong header, a short row, an unknown vote value, no rows.
Result<std::vector<VoteRow>> ParseVotesCsv(std::string_view text);

// Statements: columns statement, text. Errors: a wrong header, a short row, an
// empty or repeated id.
Result<std::vector<StatementText>> ParseStatementsCsv(std::string_view text);

}  // namespace wp::opinion
