// The cooperation agreement (samenwerkingsovereenkomst) of a challenge as a
// PDF (A4), drawn with cairo as the voting-code letters are: the parties,
// the task and area, the budget lines with their total next to the current
// cost, the quality agreements, the risks, the go decisions taken and room
// for signatures. Texts from the catalog (challenges.agreement.*). Thread-safe
// (every call draws its own document).
#pragma once

#include <string>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/challenges/challenge.h"

namespace wp::challenges {

struct AgreementTerms {
  std::string municipality;  // "Haarlem"
  Challenge challenge;
  std::string borough_name;
  BusinessCase business_case;
  std::vector<Decision> decisions;
  const time::TimeZone& zone;
};

// The PDF's bytes. Errors: kUnavailable when cairo fails.
Result<std::string> DrawAgreementPdf(const i18n::Catalog& catalog, const std::string& locale,
                                     const AgreementTerms& terms);

}  // namespace wp::challenges
