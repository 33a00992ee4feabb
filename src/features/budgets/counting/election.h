// Election: the input of every counting rule. Projects with exact costs,
// the budget, and the ballots with identical ballots merged (a
// "multiprofile"). Built from a parsed Pabulib instance or directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "features/budgets/counting/pabulib.h"

namespace wp::budgets::counting {

struct Project {
  std::string id;
  std::string name;
  int64_t cost_cents = 0;
  int64_t votes = 0;  // ballots naming the project, counted from VOTES
  int64_t score = 0;  // points: equals votes for approval; see ElectionFromPabulib
};

// Identical ballots merged into one group with a weight.
struct BallotGroup {
  std::vector<int> projects;    // indices into Election::projects; sorted for approval
  std::vector<int64_t> points;  // parallel to projects (score per project); 1 for approval
  int64_t weight = 1;
};

struct Election {
  std::vector<Project> projects;
  int64_t budget_cents = 0;
  int64_t num_ballots = 0;  // includes blank ballots (they count in MES's B/n)
  VoteType vote_type = VoteType::kApproval;
  std::vector<BallotGroup> groups;
  // Knapsack ballots: each voter picks plans whose total cost is at most this
  // (Amsterdam, Haarlem). nullopt when the file sets no limit.
  std::optional<int64_t> max_sum_cost_cents;
  // META min_project_score_threshold, when present.
  std::optional<int64_t> min_project_score_threshold;

  // Approval and choose-1 ballots: what the MES, Phragmen and welfare rules need.
  bool IsApproval() const { return vote_type == VoteType::kApproval || vote_type == VoteType::kChooseOne; }
  // Approval ballots limited to the budget: a voter splits the budget over plans.
  bool IsKnapsack() const {
    return IsApproval() && max_sum_cost_cents.has_value() && *max_sum_cost_cents <= budget_cents;
  }
  int64_t TotalCost(const std::vector<int>& selected) const;
};

// Counts the ballots of `instance`. Scores: approval and choose-1 count 1 per
// ballot; cumulative and scoring add the points (scoring adds META
// default_score for every ballot that does not name the project); ordinal
// gives L - position points (position 0 = first), where L is META max_length
// or, without it, the ballot's length (Borda on the ballot; 3/2/1 in Krakow).
// Returns kInvalidInput for a negative score or an unusable max_sum_cost.
Result<Election> ElectionFromPabulib(const PbInstance& instance);

// An approval election from plain data (tests, the voting feature). Ballots
// list project indices; duplicates inside a ballot are ignored.
// REQUIRES: every index is in range.
Election MakeApprovalElection(int64_t budget_cents, const std::vector<std::pair<std::string, int64_t>>& projects,
                              const std::vector<std::vector<int>>& ballots);

// Per-project supporters as (group index) lists, for the rules that iterate
// over voters.
std::vector<std::vector<int>> SupportersByProject(const Election& election);

}  // namespace wp::budgets::counting
