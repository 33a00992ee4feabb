// `wijkplatform geo import|show`: load a municipality's CBS geography and
// print what is loaded, from the command line. See --help.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/flags.h"
#include "core/result.h"
#include "features/geography/service.h"

namespace wp::geography {

// What the command needs from the application (app/cli.cc gives it): the
// flags every command shares (--config, --database, --json, --help), and a
// way to open the application those flags configure and reach its geography.
// `import_default` false opens it without importing the default geography
// first (`geo import` imports its own). The service stays valid until the
// command returns.
struct GeoCliHost {
  std::vector<FlagSpec> common_flags;
  std::function<Result<GeographyService*>(const Flags& flags, bool import_default)> open;
};

// Runs the command; `args` exclude the word "geo". Writes the result (text,
// or JSON with --json) to `out` and problems to `err`. Returns 0 on success,
// 2 on a usage error (unknown subcommand or flag, a missing --dir; --help
// prints the usage and returns 0), 1 when the work fails (unreadable or
// invalid files, an import that exists without --replace).
int RunGeoCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const GeoCliHost& host);

}  // namespace wp::geography
