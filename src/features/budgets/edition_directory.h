// EditionDirectory: what other features (codes, voting) may read and do with
// Wijk aan Zet editions and their plans. Thread-safe; reads and writes the
// budgets tables only through the given database or connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/db/database.h"
#include "core/result.h"
#include "features/budgets/edition.h"

namespace wp::budgets {

class BudgetCommands;

class EditionDirectory {
 public:
  explicit EditionDirectory(BudgetCommands& commands) : commands_(commands) {}

  // The edition (published or not), or nullopt.
  Result<std::optional<Edition>> FindBySlug(std::string_view slug) const;
  Result<std::optional<Edition>> FindById(int64_t id) const;
  // Plans on the ballot (enough likes, found feasible with or without
  // conditions), in ballot order (theme, then title, then id).
  Result<std::vector<BallotPlan>> BallotPlans(int64_t edition_id) const;
  // Called by voting inside its transaction when results are published:
  // `selected` plans go to implementation (status "selected"), the other
  // ballot plans become "not_selected" and get their next-steps e-mail.
  // Errors: kNotFound for an unknown edition; kInvalidInput when a selected id
  // is not a ballot plan of the edition; kConflict when already recorded.
  Result<void> RecordSelection(db::Connection& c, int64_t edition_id, const std::vector<int64_t>& selected) const;
  // A plan of any edition, or nullopt.
  Result<std::optional<PlanSummary>> FindPlan(int64_t plan_id) const;
  // The plans an account submitted, oldest first.
  Result<std::vector<PlanSummary>> PlansOf(int64_t submitter_id) const;
  // Who may manage the edition (create, edit, codes, paper ballots, close
  // voting): an administrator or the gebiedsverbinder of its stadsdeel.
  static bool CanManage(const auth::User& u, const Edition& e);

 private:
  BudgetCommands& commands_;
};

}  // namespace wp::budgets
