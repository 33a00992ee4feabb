// VotingWorld: the real app (AppHarness: in-process, real SQLite, FakeClock)
// with an edition in its voting phase and as many voting codes as a test or
// the benchmark needs. It uses only real parts: the budgets demo edition
// (`--demo` content: "Schalkwijk aan Zet 2026", voting open, plans on the
// ballot) and the codes feature's own import and generation commands on the
// same database and key file. For tests and bench/voting only.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "features/budgets/commands.h"
#include "features/budgets/edition_directory.h"
#include "features/codes/code_book.h"
#include "features/codes/commands.h"
#include "testing/app_harness.h"
#include "testing/temp_dir.h"

namespace wp::voting {

class VotingWorld {
 public:
  static constexpr const char* kSlug = "schalkwijk-aan-zet-2026";

  explicit VotingWorld(std::function<void(app::Config&)> customize = {});
  ~VotingWorld();

  wp::testing::AppHarness& harness() { return *harness_; }
  db::Database& db() { return harness_->app().db(); }
  // The edition as stored now.
  budgets::Edition edition();
  std::vector<budgets::BallotPlan> plans();
  // Imports `n` new addresses and generates their codes; returns the codes
  // in canonical form (as in the QR link).
  std::vector<std::string> IssueCodes(int n, const std::string& slug = kSlug);
  // The budgets feature's commands on the same database (for a full cycle
  // from edition creation on).
  budgets::BudgetCommands& budgets() { return *budgets_; }
  // The editions directory and code book of this world (to build commands
  // with other settings in a test).
  budgets::EditionDirectory& editions() { return *editions_; }
  codes::CodeBook& code_book() { return *book_; }
  // CBS buurtcode -> stadsdeel slug, as the edition form passes it.
  std::map<std::string, std::string> BoroughOfBuurt();
  // Changes the edition through the budgets feature's own SaveEdition (as
  // an administrator would on its edit page).
  void UpdateEdition(const std::function<void(budgets::Edition&)>& change);
  // A well-formed code (right check character) that was never issued.
  static std::string UnissuedCode();
  // The key file the app uses.
  const std::string& key_file() const { return key_file_; }

 private:
  wp::testing::TempDir dir_;
  std::string key_file_;
  std::unique_ptr<wp::testing::AppHarness> harness_;
  i18n::Catalog catalog_;
  SecureRandom random_;
  std::unique_ptr<budgets::BudgetCommands> budgets_;
  std::unique_ptr<budgets::EditionDirectory> editions_;
  std::unique_ptr<codes::CodeBook> book_;
  std::unique_ptr<jobs::JobRunner> jobs_;  // runs this world's code generation in the foreground
  std::unique_ptr<codes::CodeCommands> codes_;
  int next_address_ = 1;
};

}  // namespace wp::voting
