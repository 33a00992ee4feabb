// `wijkplatform draw`: select a lottery forum or panel from a pool of
// volunteers, or replace drop-outs, from the command line. See --help.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace wp::sortition {

// Runs the draw command. `args` exclude the word "draw". Writes the report
// (text, or JSON with --json) to `out` and messages to `err`. Returns 0 on
// success, 2 on a usage error, 1 on unreadable, malformed or infeasible input.
int RunDrawCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace wp::sortition
