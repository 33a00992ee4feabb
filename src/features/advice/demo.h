// Demo content (`wijkplatform serve --demo`): on the Boerhaavewijk platform
// an answered advice request (three points: adopted, partly, not the
// municipality's to decide), an open request whose deadline is a few days
// away (a PDF attached; the members asked for input, with reactions), the
// answered advice with its werkgroep and how input was gathered, and on the
// Europawijk platform an unsolicited advice to the alderman
// waiting for its answer. Idempotent: what is there by subject or title is
// not made again. Platforms the platforms demo did not create are skipped.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/advice/commands.h"

namespace wp::advice {

Result<void> LoadAdviceDemo(const web::DemoSeed& seed, AdviceCommands& commands);

}  // namespace wp::advice
