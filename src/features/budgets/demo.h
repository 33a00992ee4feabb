// Demo content (`wijkplatform serve --demo`): "Schalkwijk aan Zet 2026", now in
// its voting phase with plans on the ballot (so codes and voting can be tried),
// and the 2025 edition, whose voting closed long ago, with its plans on the
// ballot; its ballots, count and implementation are added through the real
// commands afterwards (app/counted_edition_demo.h).
// Idempotent: does nothing when the editions exist.
#pragma once

#include "core/db/database.h"
#include "core/time/time_zone.h"
#include "core/web/registry.h"
#include "features/budgets/commands.h"
#include "features/geography/geography.h"

namespace wp::budgets {

// Phase dates are local midnights in `zone`, counted from the seed's clock.
// Nothing is loaded for a municipality without the stadsdeel Schalkwijk.
Result<void> LoadBudgetsDemo(db::Database& db, const geography::Municipality& m, const web::DemoSeed& seed,
                             const time::TimeZone& zone);

}  // namespace wp::budgets
