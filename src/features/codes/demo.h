// The codes feature's demo content, and IssueCodes, which demo content and
// tests use to get codes in hand.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/result.h"
#include "core/web/registry.h"
#include "features/budgets/edition.h"
#include "features/codes/commands.h"

namespace wp::codes {

// The slug of the budgets feature's demo edition in the voting phase.
inline constexpr std::string_view kDemoEditionSlug = "schalkwijk-aan-zet-2026";

// Demo content: a few demo addresses of the demo edition get codes (without
// letters), printed to `out` so a visitor can vote. Idempotent: does nothing
// when the edition already has addresses; skips when the edition is absent.
Result<void> LoadCodesDemo(CodeCommands& commands, std::ostream& out);

// Demo content of issue #11: the demo edition's print officer
// (drukwerk@demo.wijkplatform.invalid) downloaded its print file before
// voting opened (the download record); the demo gebiedsverbinder asked for a
// new letter 3 during voting and a second one rejected it (the audit log),
// then asked for a new letter 2, which still waits for a second official.
// Run after LoadCodesDemo, once (does nothing when the record exists).
Result<void> LoadFourEyesDemo(CodeCommands& commands, const web::DemoSeed& seed);

// Imports `addresses` for `e`, generates their codes without letters and
// returns the codes in canonical form, read back from the print file (the
// only place a code exists in plain text). For demo content and tests that
// need codes in hand; `manager` must manage the edition (the import and the
// run are then done as the command line does them). `buurt_codes`, when not
// empty, gives each address its CBS buurt code (the list's "buurtcode" column).
Result<std::vector<std::string>> IssueCodes(CodeCommands& commands, const auth::User& manager,
                                            const budgets::Edition& e, const std::vector<std::string>& addresses,
                                            const std::vector<std::string>& buurt_codes = {});

}  // namespace wp::codes
