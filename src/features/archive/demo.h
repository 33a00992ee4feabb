// The archive's demo content (`serve --demo`): documents with real text in
// their PDFs on two platforms, one withdrawn, and a council member who
// follows a platform. Loads nothing when the documents are there.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/archive/commands.h"

namespace wp::archive {

Result<void> LoadArchiveDemo(const web::DemoSeed& seed, ArchiveCommands& commands, const Clock& clock);

}  // namespace wp::archive
