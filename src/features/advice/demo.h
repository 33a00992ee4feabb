// Demo content (`wijkplatform serve --demo`): on the Boerhaavewijk platform
// an answered advice request (three points: adopted, partly, not the
// municipality's to decide), an open request whose deadline is a few days
// away (a PDF attached; the members asked for input, with reactions), the
// answered advice with its werkgroep and how input was gathered, and on the
// Europawijk platform an unsolicited advice to the alderman
// waiting for its answer. Two more Boerhaavewijk advices wait for an answer:
// one due in three days (the reminder was sent), one ten days late (the
// overdue mail was sent; the lists mark it). Idempotent: what is there by subject or title is
// not made again. Platforms the platforms demo did not create are skipped.
#pragma once

#include "core/result.h"
#include "core/web/registry.h"
#include "features/advice/commands.h"

namespace wp::advice {

Result<void> LoadAdviceDemo(const web::DemoSeed& seed, AdviceCommands& commands, db::Database& db);

}  // namespace wp::advice
