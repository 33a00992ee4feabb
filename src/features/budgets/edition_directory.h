// EditionDirectory: what other features (codes, voting) may read and do with
// Wijk aan Zet editions and their plans. Thread-safe; reads and writes the
// budgets tables only through the given database or connection.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/db/database.h"
#include "core/result.h"
#include "features/budgets/edition.h"

namespace wp::budgets {

class BudgetCommands;

// How many times the budgets tables were changed through this process
// (BudgetCommands, the demo, and voting after recording a selection): a
// kept copy read before the last change is never used.
uint64_t BudgetsGeneration();
void NoteBudgetsChanged();

// Whether a copy read when BudgetsGeneration() was `generation`, at `at` by
// the app clock, may still be used at `now` for a setting of `cache_ms`: no
// budgets change through this process since, younger than cache_ms, and the
// clock not gone back. The rule of EditionDirectory and of voting's count.
bool StillFresh(uint64_t generation, std::chrono::system_clock::time_point at,
                std::chrono::system_clock::time_point now, int cache_ms);

class EditionDirectory {
 public:
  // Reads every time.
  explicit EditionDirectory(BudgetCommands& commands) : commands_(commands) {}
  // Keeps what FindBySlug, FindById and BallotPlans read (a voter passes
  // them on every step) while nothing changed the budgets tables through
  // this process and for at most `cache_ms` by the commands' clock: the
  // bound on how late a change made through another process shows. 0 = off.
  EditionDirectory(BudgetCommands& commands, int cache_ms) : commands_(commands), cache_ms_(cache_ms) {}

  // The edition (published or not), or nullopt.
  Result<std::optional<Edition>> FindBySlug(std::string_view slug) const;
  Result<std::optional<Edition>> FindById(int64_t id) const;
  // Plans on the ballot (enough likes, found feasible with or without
  // conditions), in ballot order (theme, then title, then id).
  Result<std::vector<BallotPlan>> BallotPlans(int64_t edition_id) const;
  // The same, always read from the tables (for counting).
  Result<std::vector<BallotPlan>> ReadBallotPlans(int64_t edition_id) const;
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
  // To be called after a transaction that changed budgets tables through
  // this directory's connection commits (RecordSelection).
  static void Changed() { NoteBudgetsChanged(); }

 private:
  template <class T>
  struct Kept {
    T value;
    uint64_t generation = 0;
    std::chrono::system_clock::time_point at;
  };
  template <class Key, class T, class Load>
  Result<T> Memo(std::map<Key, Kept<T>>& kept, const Key& key, Load load) const;

  BudgetCommands& commands_;
  const int cache_ms_ = 0;
  mutable std::mutex mu_;
  mutable std::map<std::string, Kept<std::optional<Edition>>> by_slug_;
  mutable std::map<int64_t, Kept<std::optional<Edition>>> by_id_;
  mutable std::map<int64_t, Kept<std::vector<BallotPlan>>> plans_;
};

}  // namespace wp::budgets
