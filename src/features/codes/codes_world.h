// CodesWorld: the codes feature on a PageHarness, for handler and command
// tests without a server: the budgets and codes tables next to the tested
// feature's own, an edition of stadsdeel Schalkwijk made through the budgets
// feature's own commands (optionally with plans on its ballot, played through
// the phases), and the codes feature's commands with a key and print folder
// in the harness's temporary folder. Tests only.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "features/budgets/commands.h"
#include "features/budgets/edition_directory.h"
#include "features/codes/code_book.h"
#include "features/codes/commands.h"
#include "testing/page_harness.h"
#include "testing/temp_dir.h"

namespace wp::codes {

class CodesWorld {
 public:
  // For the codes feature's own tests.
  CodesWorld();
  // `feature` and `files`: the feature whose handlers are tested (its views,
  // messages and tables); the budgets and codes tables are added.
  CodesWorld(const std::string& feature, std::span<const EmbeddedFile> files);
  ~CodesWorld();

  wp::testing::PageHarness& harness() { return *harness_; }
  budgets::BudgetCommands& budgets() { return *budgets_; }
  budgets::EditionDirectory& editions() { return *editions_; }
  const CodeBook& book() const { return *book_; }
  CodeCommands& commands() { return *commands_; }
  const std::string& print_dir() const { return print_dir_; }
  // Europe/Amsterdam (the built-in rule), as the app has it.
  const time::TimeZone& zone() const { return zone_; }

  // A published edition in its voting phase (voting closes in 20 days), of
  // stadsdeel "schalkwijk", with a ballot plan per cost in `plan_costs_cents`
  // (submitted, liked and found feasible through the budgets commands while
  // the clock moves through the phases). The clock ends in the voting phase.
  budgets::Edition VotingEdition(const std::string& slug, const std::vector<int64_t>& plan_costs_cents = {});
  // The edition as stored now.
  budgets::Edition Edition(const std::string& slug);
  // Imports `n` new addresses for `e` and returns their codes in canonical form.
  std::vector<std::string> IssueCodes(const budgets::Edition& e, int n);

  // Users: an administrator, the gebiedsverbinder of Schalkwijk, one of
  // another stadsdeel, and a resident.
  static const auth::User kAdmin, kLiaison, kOtherLiaison, kResident;

 private:
  wp::testing::TempDir dir_;
  std::unique_ptr<wp::testing::PageHarness> harness_;
  std::string print_dir_;
  time::TimeZone zone_;
  std::unique_ptr<budgets::BudgetCommands> budgets_;
  std::unique_ptr<budgets::EditionDirectory> editions_;
  std::unique_ptr<CodeBook> book_;
  std::unique_ptr<CodeCommands> commands_;
  int next_address_ = 1;
};

}  // namespace wp::codes
