// `wijkplatform signals export --format csv|json --from DATE --to DATE`: the
// signals reported in a period without personal data (export.h), for
// researchers and the council. See --help.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/flags.h"
#include "core/result.h"
#include "features/signals/commands.h"

namespace wp::signals {

// What the command needs from the application (app/cli.cc gives it): the
// flags every command shares (--config, --database, --json, --help) and a
// way to open the application those flags configure and reach its signal
// commands. The commands stay valid until the command returns.
struct SignalsCliHost {
  std::vector<FlagSpec> common_flags;
  std::function<Result<SignalCommands*>(const Flags& flags)> open;
};

// Runs the command; `args` exclude the word "signals". Writes the export to
// `out`, problems to `err`. Returns 0 on success, 2 on a usage error (unknown
// subcommand or flag, a missing or malformed date, --to before --from, an
// unknown format; --help prints the usage and returns 0), 1 when the work
// fails (the database cannot be opened or read).
int RunSignalsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                      const SignalsCliHost& host);

}  // namespace wp::signals
