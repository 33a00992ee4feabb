// RegisterCodes: voting codes (stemcodes) of a Wijk aan Zet edition:
// addresses, generation, letters, revocation (#6). Declared in
// code_book.h (the CodeBook interface voting uses); CodeCommands (commands.h) has the use cases.
#pragma once

#include "core/web/registry.h"
#include "features/codes/code_book.h"
#include "features/codes/commands.h"
#include "features/codes/voting_key.h"

namespace wp::codes {

// The slug of the budgets feature's demo edition in the voting phase.
inline constexpr std::string_view kDemoEditionSlug = "schalkwijk-aan-zet-2026";

// Demo content: a few demo addresses of the demo edition get codes (without
// letters), printed to standard error so a visitor can vote. Idempotent:
// does nothing when the edition already has addresses; skips when the
// edition is absent.
Result<void> LoadCodesDemo(CodeCommands& commands, std::ostream& out);

// Imports `addresses` for `e`, generates their codes without letters and
// returns the codes in canonical form, read back from the print file (the
// only place a code exists in plain text). For demo content and tests that
// need codes in hand; `manager` must manage the edition.
Result<std::vector<std::string>> IssueCodes(CodeCommands& commands, const auth::User& manager,
                                            const budgets::Edition& e, const std::vector<std::string>& addresses);

}  // namespace wp::codes
