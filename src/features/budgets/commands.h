// BudgetCommands: the use cases of Wijk aan Zet (issue #6 items 1-4 and 9):
// create and edit editions, submit and edit plans with photos, send back,
// merge with consent, like, review feasibility, record the vote's selection,
// and follow funded plans to done. Every command checks permission and phase,
// changes nothing on failure, and queues e-mail in the same transaction.
// Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/random.h"
#include "core/result.h"
#include "features/budgets/edition.h"
#include "features/budgets/edition_directory.h"
#include "features/budgets/plan.h"
#include "features/budgets/plan_check.h"
#include "features/budgets/upload_check.h"

namespace wp::budgets {

struct BudgetsOptions {
  std::string upload_dir = "data/uploads";         // photos go to <upload_dir>/budgets/
  std::string base_url = "http://127.0.0.1:8080";  // links in e-mails
  std::string site_name = "Wijkplatform";          // signature of e-mails
  size_t max_photo_bytes = kMaxPhotoBytes;         // per photo
  // EditionDirectory: how long an edition and its ballot plans read by
  // codes and voting may be kept (config edition_cache_ms; 0 = off).
  int edition_cache_ms = 0;
};

// A plan with everything its page shows.
struct PlanDetails {
  Plan plan;
  std::vector<PlanEvent> history;
  std::vector<Photo> photos;
  std::vector<MergeProposal> merges;
  std::vector<Milestone> milestones;
  std::vector<ProgressUpdate> progress;
};

// Who a staff page of an edition is for.
enum class Staff {
  kOfficials,            // officials of the edition's stadsdeel
  kOfficialsAndExperts,  // and municipal experts (feasibility reviews)
};

class BudgetCommands {
 public:
  BudgetCommands(db::Database& db, const Clock& clock, Random& random, const i18n::Catalog& catalog,
                 BudgetsOptions options);

  const BudgetsOptions& options() const { return options_; }
  int64_t Now() const { return clock_.NowUnixSeconds(); }
  const Clock& clock() const { return clock_; }

  // Editions. SaveEdition creates (e.id == 0) or updates one.
  // Errors: kForbidden unless an official of e.borough_slug (and of the stored
  // edition's stadsdeel when updating); kInvalidInput with the fields of
  // CheckEdition, or slug "budgets.edition.error.slug_taken".
  Result<int64_t> SaveEdition(const auth::User& actor, Edition e,
                              const std::map<std::string, std::string>& borough_of_buurt);
  Result<std::optional<Edition>> FindEdition(std::string_view slug) const;
  Result<std::optional<Edition>> FindEditionById(int64_t id) const;
  // Published editions, or all for officials of their stadsdeel when `viewer` may manage them.
  Result<std::vector<Edition>> ListEditions(const auth::User* viewer) const;
  // The edition at `slug` as `viewer` (nullptr: a visitor) may see it, with
  // its phase ends applied (Settle). Errors: kNotFound
  // "budgets.error.edition_not_found", also for a draft the viewer may not manage.
  Result<Edition> VisibleEdition(std::string_view slug, const auth::User* viewer);
  // The edition at `slug` for its staff `who`, with its phase ends applied.
  // Errors: kNotFound "budgets.error.edition_not_found"; kForbidden
  // "budgets.error.forbidden" for anyone else.
  Result<Edition> StaffEdition(std::string_view slug, const auth::User& actor, Staff who);

  // Applies the phase ends that changed plan statuses: at the start of the
  // review phase, plans go on (enough likes) or stop (below threshold); at the
  // start of voting, feasible plans go on the ballot. Idempotent.
  Result<void> Settle(const Edition& e);
  Result<void> SettleIn(db::Connection& c, const Edition& e);
  // Settles every edition (background task).
  Result<void> SettleAll();

  // Plans.
  Result<std::vector<Plan>> Plans(int64_t edition_id) const;
  // Errors: kNotFound when the plan is not in the edition.
  Result<PlanDetails> Details(const Edition& e, int64_t plan_id) const;
  Result<bool> HasLiked(int64_t plan_id, int64_t user_id) const;
  // Errors: kConflict "budgets.error.phase_closed" outside the plan phase;
  // kInvalidInput with the fields of CheckPlanInput (title, description,
  // theme, neighbourhood, cost_N, photos).
  Result<int64_t> SubmitPlan(const auth::User& actor, const Edition& e, const PlanInput& in,
                             const std::vector<std::string>& photos);
  // The submitter edits until the plan phase closes; a plan that was sent
  // back becomes resubmitted. `remove_photo_ids` are deleted. Errors as
  // SubmitPlan, plus kNotFound for a plan of another edition and kForbidden
  // "budgets.error.forbidden" for anyone but the submitter.
  Result<void> EditPlan(const auth::User& actor, const Edition& e, int64_t plan_id, const PlanInput& in,
                        const std::vector<std::string>& photos, const std::vector<int64_t>& remove_photo_ids);
  Result<void> WithdrawPlan(const auth::User& actor, const Edition& e, int64_t plan_id);
  // An official sends a plan back with tips (field "tips", required), in the
  // plan phase.
  Result<void> SendBack(const auth::User& actor, const Edition& e, int64_t plan_id, const std::string& tips);
  // An official proposes to merge `source` into `target` (plan phase; fields
  // "target" and "note"). Takes effect when both submitters agreed (AnswerMerge).
  Result<int64_t> ProposeMerge(const auth::User& actor, const Edition& e, int64_t source, int64_t target,
                               const std::string& note);
  // A submitter of one of the two plans agrees (`agree`) or declines. Returns
  // true when this made the merge take effect.
  Result<bool> AnswerMerge(const auth::User& actor, const Edition& e, int64_t merge_id, bool agree);

  // Likes (like phase only; one per account per plan).
  Result<void> Like(const auth::User& actor, const Edition& e, int64_t plan_id);
  Result<void> Unlike(const auth::User& actor, const Edition& e, int64_t plan_id);

  // An expert records the feasibility outcome (review phase). Conditions, the
  // reason or the department (field "review_note") are required except for
  // kFeasible.
  Result<void> Review(const auth::User& actor, const Edition& e, int64_t plan_id, ReviewOutcome outcome,
                      const std::string& note);

  // True once the vote's result is published: voting records the selection
  // in the transaction that stores the result (RecordSelection).
  Result<bool> ResultPublished(int64_t edition_id) const;
  // Called by voting: see EditionDirectory::RecordSelection.
  Result<void> RecordSelection(db::Connection& c, int64_t edition_id, const std::vector<int64_t>& selected);
  Result<std::vector<BallotPlan>> BallotPlans(int64_t edition_id) const;
  // A plan of any edition by id, or nullopt.
  Result<std::optional<Plan>> FindPlan(int64_t plan_id) const;
  Result<std::vector<int64_t>> PlanIdsOf(int64_t submitter_id) const;

  // Implementation of funded plans: an official adds a milestone (fields
  // "milestone_title", "milestone_due").
  Result<void> AddMilestone(const auth::User& actor, const Edition& e, int64_t plan_id, const std::string& title,
                            int64_t due_at);
  // Submitter or official: a progress note (field "note"), optionally a
  // milestone done (field "milestone") and/or the plan done.
  Result<void> PostProgress(const auth::User& actor, const Edition& e, int64_t plan_id, const std::string& note,
                            std::optional<int64_t> milestone_done, bool plan_done);

  // A stored photo: its content type and bytes, or nullopt.
  struct PhotoFile {
    std::string content_type;
    std::string bytes;
    int64_t plan_id = 0;
  };
  Result<std::optional<PhotoFile>> ReadPhoto(const std::string& stored_name) const;
  // The photo `stored_name` of plan `plan_id` of the published edition at
  // `slug`, or nullopt when any of them does not match.
  Result<std::optional<PhotoFile>> PublishedPhoto(std::string_view slug, int64_t plan_id,
                                                  const std::string& stored_name) const;

 private:
  Result<Plan> LoadPlan(db::Connection& c, const Edition& e, int64_t plan_id) const;
  Result<std::vector<std::string>> StorePhotos(const std::vector<std::string>& photos) const;
  void RemoveFiles(const std::vector<std::string>& names) const;
  Result<void> Notify(db::Connection& c, const Edition& e, const Plan& p, std::string_view what,
                      const std::string& note) const;
  std::string PlanUrl(const Edition& e, int64_t plan_id) const;

  // db_.Write, then NoteBudgetsChanged (edition_directory.h), also when it
  // failed: a kept copy is never newer than the tables.
  template <class F>
  auto Write(F&& f) const {
    auto r = db_.Write(std::forward<F>(f));
    NoteBudgetsChanged();
    return r;
  }

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  const i18n::Catalog& catalog_;
  BudgetsOptions options_;
};

}  // namespace wp::budgets
