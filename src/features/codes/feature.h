// RegisterCodes: voting codes (stemcodes) of a Wijk aan Zet edition:
// addresses, generation, letters, revocation (#6). CodeBook (code_book.h) is
// the interface voting uses; CodeCommands (commands.h) has the use cases.
#pragma once

#include "core/web/registry.h"
#include "features/codes/code_book.h"
#include "features/codes/commands.h"

namespace wp::budgets {
class EditionDirectory;
}

namespace wp::codes {

// What the app keeps of the codes feature.
struct CodesFeature {
  CodeBook& book;          // for voting
  CodeCommands& commands;  // for `wijkplatform codes`
};

// Registers the codes feature: tables, pages under
// /beheer/wijkbudget/{slug}/stemcodes..., the generation job, a metric and
// demo codes. Throws std::runtime_error (a start-up error) when
// options.voting_key is empty and the key file cannot be read or created.
CodesFeature RegisterCodes(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                           budgets::EditionDirectory& editions, const CodesOptions& options);

}  // namespace wp::codes
