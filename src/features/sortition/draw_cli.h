// `wijkplatform draw`: select a lottery forum or panel from a pool of
// volunteers, or replace drop-outs, from the command line. See --help.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "features/sortition/draw_report.h"
#include "features/sortition/selection/draw.h"

namespace wp::sortition {

// Runs the draw command. `args` exclude the word "draw". Writes the report
// (text, or JSON with --json) to `out` and messages to `err`. Returns 0 on
// success, 2 on a usage error, 1 on unreadable, malformed or infeasible input.
// The `draw --json` report of a new panel (without the --explain story):
// seed, algorithm, inputs (named and hashed as in `inputs`), panel, quotas,
// everyone's chances and the lottery. --publish writes it as result.json and
// --verify compares a replay with it; the site publishes the same.
nlohmann::json DrawResultJson(const Instance& instance, const DrawOptions& options, const DrawOutcome& outcome,
                              const ReportInputs& inputs);

// The `draw --replace --json` report: the header as above, the new panel and
// its quotas, and under "replacement" the panel before, the drop-outs, who
// stay, the replacements, the remaining pool and the replacement draw's
// chances and lottery (ids of `instance`). `panel` and `dropouts` are agent
// indices of `instance`, ascending. --publish writes it as result.json and
// --verify compares a replay with it; the site publishes the same.
nlohmann::json ReplacementResultJson(const Instance& instance, const DrawOptions& options,
                                     const ReplacementOutcome& outcome, const std::vector<int>& panel,
                                     const std::vector<int>& dropouts, const ReportInputs& inputs);

int RunDrawCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace wp::sortition
