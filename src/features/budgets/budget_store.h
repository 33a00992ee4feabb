// BudgetStore: the SQL for editions, plans, likes, history, photos, merges and
// implementation. Static functions on a Connection, used inside the caller's
// transaction (Database::Read/Write); implemented in budget_store.cc and
// plan_parts_store.cc. Errors: those of core/db.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/budgets/edition.h"
#include "features/budgets/plan.h"

namespace wp::budgets {

// What has been applied to an edition once: the end of the like phase, the
// ballot at the start of voting, and the vote's selection.
struct EditionFlags {
  bool likes_settled = false, ballot_settled = false, selection_recorded = false;
};
enum class EditionFlag { kLikesSettled, kBallotSettled, kSelectionRecorded };

class BudgetStore {
 public:
  // Editions.
  static Result<int64_t> InsertEdition(db::Connection& c, const Edition& e, int64_t now);
  static Result<void> UpdateEdition(db::Connection& c, const Edition& e, int64_t now);
  static Result<std::optional<Edition>> FindEdition(db::Connection& c, int64_t id);
  static Result<std::optional<Edition>> FindEditionBySlug(db::Connection& c, std::string_view slug);
  // All editions, newest plan phase first.
  static Result<std::vector<Edition>> ListEditions(db::Connection& c);
  static Result<EditionFlags> Flags(db::Connection& c, int64_t edition_id);
  static Result<void> SetFlag(db::Connection& c, int64_t edition_id, EditionFlag flag);

  // Plans (with cost lines and like counts).
  static Result<int64_t> InsertPlan(db::Connection& c, const Plan& p, int64_t now);
  // Title, description, theme, place and costs.
  static Result<void> UpdatePlanContent(db::Connection& c, const Plan& p, int64_t now);
  static Result<std::optional<Plan>> FindPlan(db::Connection& c, int64_t id);
  // Plans of an edition, by theme then title then id.
  static Result<std::vector<Plan>> ListPlans(db::Connection& c, int64_t edition_id);
  // The ids of the plans an account submitted, oldest first.
  static Result<std::vector<int64_t>> PlanIdsOfSubmitter(db::Connection& c, int64_t user_id);
  // Sets the status and its note and appends a history entry.
  static Result<void> ChangeStatus(db::Connection& c, int64_t plan_id, PlanStatus from, PlanStatus to,
                                   const std::string& note, int64_t actor_id, const std::string& actor_name,
                                   int64_t now);
  static Result<void> AppendHistory(db::Connection& c, int64_t plan_id, const PlanEvent& ev, int64_t actor_id);
  static Result<std::vector<PlanEvent>> History(db::Connection& c, int64_t plan_id);
  static Result<void> SetMergedInto(db::Connection& c, int64_t plan_id, int64_t target_id);

  // Likes. InsertLike returns kConflict when the account liked the plan already.
  static Result<void> InsertLike(db::Connection& c, int64_t edition_id, int64_t plan_id, int64_t user_id, int64_t now);
  static Result<bool> DeleteLike(db::Connection& c, int64_t plan_id, int64_t user_id);
  static Result<bool> HasLiked(db::Connection& c, int64_t plan_id, int64_t user_id);
  static Result<int64_t> CountLikes(db::Connection& c, int64_t plan_id);
  // Copies the likes of `from` to `to` (an account that liked both counts once).
  static Result<void> CopyLikes(db::Connection& c, int64_t edition_id, int64_t from, int64_t to, int64_t now);

  // Photos.
  static Result<int64_t> InsertPhoto(db::Connection& c, int64_t plan_id, const std::string& stored_name,
                                     const std::string& content_type, int64_t now);
  static Result<std::vector<Photo>> Photos(db::Connection& c, int64_t plan_id);
  static Result<std::optional<Photo>> FindPhoto(db::Connection& c, const std::string& stored_name);
  static Result<bool> DeletePhoto(db::Connection& c, int64_t plan_id, int64_t photo_id);

  // Merge proposals.
  static Result<int64_t> InsertMerge(db::Connection& c, int64_t edition_id, int64_t source, int64_t target,
                                     int64_t proposed_by, const std::string& note, int64_t now);
  static Result<std::optional<MergeProposal>> FindMerge(db::Connection& c, int64_t id);
  // Proposals that involve `plan_id` as source or target.
  static Result<std::vector<MergeProposal>> MergesOf(db::Connection& c, int64_t plan_id);
  static Result<void> UpdateMerge(db::Connection& c, const MergeProposal& m);

  // Implementation.
  static Result<int64_t> InsertMilestone(db::Connection& c, int64_t plan_id, const std::string& title, int64_t due_at);
  static Result<std::vector<Milestone>> Milestones(db::Connection& c, int64_t plan_id);
  static Result<bool> MarkMilestoneDone(db::Connection& c, int64_t plan_id, int64_t milestone_id, int64_t now);
  static Result<void> InsertProgress(db::Connection& c, int64_t plan_id, int64_t author_id,
                                     const std::string& author_name, const std::string& note, int64_t now);
  static Result<std::vector<ProgressUpdate>> Progress(db::Connection& c, int64_t plan_id);
};

}  // namespace wp::budgets
