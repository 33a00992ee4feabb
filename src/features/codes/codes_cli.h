// `wijkplatform codes import|generate|revoke|erase|status`: the officials'
// work on voting codes from the command line, through the same CodeCommands
// as the pages, acting with administrator rights. See --help.
#pragma once

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "core/flags.h"
#include "core/result.h"
#include "features/codes/commands.h"

namespace wp::codes {

// What the command needs from the application (app/cli.cc gives it): the
// flags every command shares (--config, --database, --json, --help), and a
// way to open the application those flags configure and reach its codes
// commands (database, key file, print folder). The commands stay valid until
// the command returns.
struct CodesCliHost {
  std::vector<FlagSpec> common_flags;
  std::function<Result<CodeCommands*>(const Flags& flags)> open;
};

// Runs the command; `args` exclude the word "codes". Writes the result (text,
// or JSON with --json) to `out`, progress and problems to `err`; `in` is the
// address list for `import --file -`. Returns 0 on success, 2 on a usage
// error (unknown subcommand or flag, a missing required flag; --help prints
// the usage and returns 0), 1 when the work itself fails (no such edition,
// an unreadable file, a refused command).
int RunCodesCommand(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
                    const CodesCliHost& host);

}  // namespace wp::codes
