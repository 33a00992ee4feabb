// Demo content that spans features: the 2025 Wijk aan Zet edition of the
// budgets demo ("Schalkwijk aan Zet 2025", voting closed long ago, plans on
// the ballot) is played through the real commands of codes, voting and
// budgets, each at the moment it would have happened (a clock set to that
// moment): codes for 40 demo addresses while voting was open, 30 ballots
// online and 10 on paper, the count with the edition's rule and its
// publication, then milestones and progress of the funded plans. The result
// page, the counting report and the Pabulib download are therefore real.
// Idempotent: does nothing once the edition has codes or a result, or when
// the edition does not exist (another municipality).
#pragma once

#include <ostream>

#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/random.h"
#include "core/time/time_zone.h"
#include "core/web/registry.h"
#include "features/budgets/commands.h"
#include "features/codes/code_book.h"

namespace wp::app {

inline constexpr std::string_view kCountedDemoEditionSlug = "schalkwijk-aan-zet-2025";

struct CountedEditionDemoDeps {
  db::Database& db;
  Random& random;
  const i18n::Catalog& catalog;
  const codes::CodeBook& code_book;
  const time::TimeZone& zone;
  budgets::BudgetsOptions budgets_options;
  codes::CodesOptions codes_options;
  std::ostream& log;  // the voting feature's log
};

Result<void> LoadCountedEditionDemo(const CountedEditionDemoDeps& deps, const web::DemoSeed& seed);

}  // namespace wp::app
