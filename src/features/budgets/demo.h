// Demo content (`wijkplatform serve --demo`): "Schalkwijk aan Zet 2026", now in
// its voting phase with plans on the ballot (so codes and voting can be tried),
// and the finished 2025 edition with funded plans in implementation.
// Idempotent: does nothing when the editions exist.
#pragma once

#include "core/db/database.h"
#include "core/time/time_zone.h"
#include "core/web/registry.h"
#include "features/budgets/commands.h"
#include "features/geography/service.h"

namespace wp::budgets {

// Phase dates are local midnights in `zone`, counted from the seed's clock.
Result<void> LoadBudgetsDemo(db::Database& db, geography::GeographyService& geography, const web::DemoSeed& seed,
                             const time::TimeZone& zone);

}  // namespace wp::budgets
