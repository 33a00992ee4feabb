// `wijkplatform opinion-map`: recompute an opinion map from the published
// anonymous vote matrix, as text or JSON. See --help.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace wp::opinion {

// Runs the command. `args` exclude the word "opinion-map". Writes the summary
// (text, or JSON with --json) to `out` and messages to `err`. Returns 0 on
// success, 2 on a usage error, 1 on an unreadable or malformed file.
int RunOpinionMapCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace wp::opinion
