// The `wijkplatform count` command: counts a Pabulib file with one rule and
// prints the winners and the counting report.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace wp::budgets::counting {

// Runs `wijkplatform count FILE.pb --rule RULE [options]`; `args` excludes
// the word "count". Writes the report (text, or JSON with --json) to `out`
// and problems to `err`. Returns 0 on success, 2 on a usage error (unknown
// option or rule, missing file name; also --help prints usage and returns 0),
// 1 when the file cannot be read, is malformed, or does not fit the rule
// (e.g. MES on ordinal ballots).
int RunCountCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace wp::budgets::counting
