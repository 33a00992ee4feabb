// Plain types of a Wijk aan Zet plan and what hangs off it: likes, history,
// photos, merge proposals, milestones and progress updates. Pure values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/budgets/cost_breakdown.h"
#include "features/budgets/plan_flow.h"

namespace wp::budgets {

struct Plan {
  int64_t id = 0;
  int64_t edition_id = 0;
  int64_t submitter_id = 0;
  std::string submitter_name, submitter_email, submitter_locale;  // copied at submission, for e-mails
  std::string title, description, theme;
  std::string neighbourhood_code;  // CBS buurtcode inside the edition's area
  std::optional<double> lon, lat;  // optional point on the map (WGS84)
  int64_t cost_cents = 0;          // = TotalCents(cost_lines)
  std::vector<CostLine> cost_lines;
  PlanStatus status = PlanStatus::kSubmitted;
  std::string status_note;             // tips, conditions, reason or department of the last change
  std::optional<int64_t> merged_into;  // plan id, when merged
  int64_t likes = 0;                   // filled by queries
  int64_t created_at = 0, updated_at = 0;
};

// One entry of a plan's append-only history: a status change, the
// submission (no `from`), or an event that left the status as it was (from ==
// to), whose note then says what happened: kEditedNote, or kMergedInNote
// followed by "#<id> <title>" of the plan merged into this one.
struct PlanEvent {
  int64_t at = 0;
  std::string actor_name;
  std::optional<PlanStatus> from;
  PlanStatus to = PlanStatus::kSubmitted;
  std::string note;
};
inline constexpr std::string_view kEditedNote = "edited";
inline constexpr std::string_view kMergedInNote = "merged: ";

struct Photo {
  int64_t id = 0;
  int64_t plan_id = 0;
  std::string stored_name;  // random hex + "." + extension
  std::string content_type;
};

// Where a merge proposal stands: waiting for both submitters, carried out, or
// declined by one of them.
enum class MergeState { kPending, kDone, kDeclined };
// Stable names ("pending", "done", "declined") for the database.
std::string_view MergeStateName(MergeState s);
std::optional<MergeState> ParseMergeState(std::string_view name);

// An official's proposal to merge `source` into `target`; it takes effect only
// when both submitters agreed.
struct MergeProposal {
  int64_t id = 0;
  int64_t source_plan_id = 0, target_plan_id = 0;
  bool source_consent = false, target_consent = false;
  MergeState state = MergeState::kPending;
  std::string note;
};

struct Milestone {
  int64_t id = 0;
  int64_t plan_id = 0;
  std::string title;
  int64_t due_at = 0;
  std::optional<int64_t> done_at;
};

struct ProgressUpdate {
  int64_t at = 0;
  std::string author_name;
  std::string note;
};

}  // namespace wp::budgets
