// The `wijkplatform` command line: one binary, several commands. Each
// command documents its flags in --help and offers --json output.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace wp::app {

// Runs the command line `args` (without the program name). Returns the exit
// status: 0 success, 1 failure, 2 usage error.
int RunCli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace wp::app
