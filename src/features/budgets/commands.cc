// BudgetCommands: editions, phases, the vote's selection, feasibility reviews,
// implementation and e-mail. The plan use cases are in plan_commands.cc.
#include "features/budgets/commands.h"

#include <algorithm>
#include <set>

#include "core/mail/outbox.h"
#include "core/strings.h"
#include "features/budgets/budget_store.h"
#include "features/budgets/command_errors.h"
#include "features/budgets/edition_check.h"
#include "features/budgets/permissions.h"

namespace wp::budgets {

namespace {

bool PhaseIsAtLeast(Phase now, Phase p) { return static_cast<int>(now) >= static_cast<int>(p); }

Error EditionNotFound() { return NotFound("no such edition", "budgets.error.edition_not_found"); }

// The key of the note a review outcome needs (conditions, reason, department).
const char* MissingNoteKey(ReviewOutcome o) {
  switch (o) {
    case ReviewOutcome::kFeasible:
      return "";
    case ReviewOutcome::kFeasibleWithConditions:
      return "budgets.review.error.conditions";
    case ReviewOutcome::kNotFeasible:
      return "budgets.review.error.reason";
    case ReviewOutcome::kMunicipalDuty:
      return "budgets.review.error.department";
  }
  return "";
}

}  // namespace

BudgetCommands::BudgetCommands(db::Database& db, const Clock& clock, Random& random, const i18n::Catalog& catalog,
                               BudgetsOptions options)
    : db_(db), clock_(clock), random_(random), catalog_(catalog), options_(std::move(options)) {}

// ---------------------------------------------------------------- editions

Result<int64_t> BudgetCommands::SaveEdition(const auth::User& actor, Edition e,
                                            const std::map<std::string, std::string>& borough_of_buurt) {
  if (!IsOfficial(actor, e.borough_slug)) return NotAllowed();
  e.title = Trimmed(e.title);
  e.description = Trimmed(e.description);
  std::vector<std::string> themes;
  for (const auto& t : e.themes) {
    std::string x = Trimmed(t);
    if (!x.empty() && std::find(themes.begin(), themes.end(), x) == themes.end()) themes.push_back(x);
  }
  e.themes = themes;
  std::vector<FieldError> problems = CheckEdition(e, borough_of_buurt);
  if (!problems.empty()) return FormInvalid(std::move(problems), "edition settings rejected");
  int64_t now = Now();
  return Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto same_slug, BudgetStore::FindEditionBySlug(c, e.slug));
    if (same_slug && same_slug->id != e.id) {
      return FormInvalid({{"slug", "budgets.edition.error.slug_taken"}}, "slug taken");
    }
    if (e.id == 0) return BudgetStore::InsertEdition(c, e, now);
    WP_ASSIGN_OR_RETURN(auto stored, BudgetStore::FindEdition(c, e.id));
    if (!stored) return EditionNotFound();
    if (!IsOfficial(actor, stored->borough_slug)) return NotAllowed();
    WP_TRY_VOID(BudgetStore::UpdateEdition(c, e, now));
    return e.id;
  });
}

Result<std::optional<Edition>> BudgetCommands::FindEdition(std::string_view slug) const {
  return db_.Read([&](db::Connection& c) { return BudgetStore::FindEditionBySlug(c, slug); });
}

Result<std::optional<Edition>> BudgetCommands::FindEditionById(int64_t id) const {
  return db_.Read([&](db::Connection& c) { return BudgetStore::FindEdition(c, id); });
}

Result<std::vector<Edition>> BudgetCommands::ListEditions(const auth::User* viewer) const {
  WP_ASSIGN_OR_RETURN(auto all, db_.Read([](db::Connection& c) { return BudgetStore::ListEditions(c); }));
  std::vector<Edition> out;
  for (auto& e : all) {
    if (e.published || (viewer && IsOfficial(*viewer, e.borough_slug))) out.push_back(std::move(e));
  }
  return out;
}

Result<Edition> BudgetCommands::VisibleEdition(std::string_view slug, const auth::User* viewer) {
  WP_ASSIGN_OR_RETURN(auto e, FindEdition(slug));
  if (!e || (!e->published && !(viewer && IsOfficial(*viewer, e->borough_slug)))) return EditionNotFound();
  WP_TRY_VOID(Settle(*e));
  return std::move(*e);
}

Result<Edition> BudgetCommands::StaffEdition(std::string_view slug, const auth::User& actor, Staff who) {
  WP_ASSIGN_OR_RETURN(auto e, FindEdition(slug));
  if (!e) return EditionNotFound();
  bool allowed = Can(&actor, Action::kManageEdition, *e) ||
                 (who == Staff::kOfficialsAndExperts && Can(&actor, Action::kReviewPlan, *e));
  if (!allowed) return NotAllowed();
  WP_TRY_VOID(Settle(*e));
  return std::move(*e);
}

// ---------------------------------------------------------------- phases

Result<void> BudgetCommands::Settle(const Edition& e) {
  Phase phase = PhaseAt(e, Now());
  if (!PhaseIsAtLeast(phase, Phase::kReview)) return Ok();
  WP_ASSIGN_OR_RETURN(auto flags, db_.Read([&](db::Connection& c) { return BudgetStore::Flags(c, e.id); }));
  bool pending = !flags.likes_settled || (PhaseIsAtLeast(phase, Phase::kVoting) && !flags.ballot_settled);
  if (!pending) return Ok();
  return Write([&](db::Connection& c) { return SettleIn(c, e); });
}

Result<void> BudgetCommands::SettleIn(db::Connection& c, const Edition& e) {
  int64_t now = Now();
  Phase phase = PhaseAt(e, now);
  if (!PhaseIsAtLeast(phase, Phase::kReview)) return Ok();
  WP_ASSIGN_OR_RETURN(auto flags, BudgetStore::Flags(c, e.id));
  if (!flags.likes_settled) {
    WP_ASSIGN_OR_RETURN(auto plans, BudgetStore::ListPlans(c, e.id));
    for (const auto& p : plans) {
      if (!IsLikeable(p.status)) continue;
      bool enough = p.likes >= e.like_threshold && p.status != PlanStatus::kSentBack;
      PlanStatus to = enough ? PlanStatus::kOnToReview : PlanStatus::kBelowThreshold;
      std::string note = std::to_string(p.likes) + " / " + std::to_string(e.like_threshold);
      WP_TRY_VOID(BudgetStore::ChangeStatus(c, p.id, p.status, to, note, 0, options_.site_name, now));
      if (!enough) {
        Plan q = p;
        q.status = to;
        WP_TRY_VOID(Notify(c, e, q, "below_threshold", note));
      }
    }
    WP_TRY_VOID(BudgetStore::SetFlag(c, e.id, EditionFlag::kLikesSettled));
  }
  if (PhaseIsAtLeast(phase, Phase::kVoting) && !flags.ballot_settled) {
    WP_ASSIGN_OR_RETURN(auto plans, BudgetStore::ListPlans(c, e.id));
    for (const auto& p : plans) {
      if (!IsFeasible(p.status)) continue;
      WP_TRY_VOID(BudgetStore::ChangeStatus(c, p.id, p.status, PlanStatus::kOnBallot, p.status_note, 0,
                                            options_.site_name, now));
    }
    WP_TRY_VOID(BudgetStore::SetFlag(c, e.id, EditionFlag::kBallotSettled));
  }
  return Ok();
}

Result<void> BudgetCommands::SettleAll() {
  WP_ASSIGN_OR_RETURN(auto all, db_.Read([](db::Connection& c) { return BudgetStore::ListEditions(c); }));
  for (const auto& e : all) WP_TRY_VOID(Settle(e));
  return Ok();
}

// ---------------------------------------------------------------- review

Result<void> BudgetCommands::Review(const auth::User& actor, const Edition& e, int64_t plan_id, ReviewOutcome outcome,
                                    const std::string& note_raw) {
  if (!Can(&actor, Action::kReviewPlan, e)) return NotAllowed();
  PlanStatus to = ReviewedStatus(outcome);
  std::string note = Trimmed(note_raw);
  if (NeedsReason(to) && note.empty()) return FormInvalid({{"review_note", MissingNoteKey(outcome)}});
  if (note.size() > kMaxNote) return FormInvalid({{"review_note", kNoteTooLong}});
  WP_TRY_VOID(Settle(e));
  int64_t now = Now();
  return Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (PhaseAt(e, now) != Phase::kReview) return PhaseClosed();
    if (!CanTransition(p.status, to)) return Conflict("not on to review", "budgets.review.error.status");
    WP_TRY_VOID(BudgetStore::ChangeStatus(c, plan_id, p.status, to, note, actor.id, actor.display_name, now));
    p.status = to;
    return Notify(c, e, p, PlanStatusName(to), note);
  });
}

// ---------------------------------------------------------------- vote results

Result<std::optional<Plan>> BudgetCommands::FindPlan(int64_t plan_id) const {
  return db_.Read([&](db::Connection& c) { return BudgetStore::FindPlan(c, plan_id); });
}

Result<std::vector<int64_t>> BudgetCommands::PlanIdsOf(int64_t submitter_id) const {
  return db_.Read([&](db::Connection& c) { return BudgetStore::PlanIdsOfSubmitter(c, submitter_id); });
}

Result<std::vector<BallotPlan>> BudgetCommands::BallotPlans(int64_t edition_id) const {
  return db_.Read([&](db::Connection& c) -> Result<std::vector<BallotPlan>> {
    WP_ASSIGN_OR_RETURN(auto plans, BudgetStore::ListPlans(c, edition_id));
    std::vector<BallotPlan> out;
    for (const auto& p : plans) {
      if (!IsFeasible(p.status) && p.status != PlanStatus::kOnBallot) continue;
      std::string summary = p.description.substr(0, 200);
      if (summary.size() < p.description.size()) {
        // Cut at a character boundary, then mark the cut.
        while (!summary.empty() && (static_cast<unsigned char>(summary.back()) & 0xC0) == 0x80) summary.pop_back();
        if (!summary.empty()) summary.pop_back();
        summary += "...";
      }
      out.push_back({p.id, p.title, p.theme, summary, p.cost_cents});
    }
    return out;
  });
}

Result<bool> BudgetCommands::ResultPublished(int64_t edition_id) const {
  WP_ASSIGN_OR_RETURN(EditionFlags flags,
                      db_.Read([&](db::Connection& c) { return BudgetStore::Flags(c, edition_id); }));
  return flags.selection_recorded;
}

Result<void> BudgetCommands::RecordSelection(db::Connection& c, int64_t edition_id,
                                             const std::vector<int64_t>& selected) {
  WP_ASSIGN_OR_RETURN(auto e, BudgetStore::FindEdition(c, edition_id));
  if (!e) return EditionNotFound();
  WP_ASSIGN_OR_RETURN(auto flags, BudgetStore::Flags(c, edition_id));
  if (flags.selection_recorded) return Conflict("selection recorded already", "budgets.error.selection_recorded");
  WP_TRY_VOID(SettleIn(c, *e));
  WP_ASSIGN_OR_RETURN(auto plans, BudgetStore::ListPlans(c, edition_id));
  std::set<int64_t> chosen(selected.begin(), selected.end());
  std::set<int64_t> on_ballot;
  for (const auto& p : plans) {
    if (p.status == PlanStatus::kOnBallot || IsFeasible(p.status)) on_ballot.insert(p.id);
  }
  for (int64_t id : chosen) {
    if (!on_ballot.count(id)) return InvalidInput("plan " + std::to_string(id) + " is not on the ballot");
  }
  int64_t now = Now();
  for (const auto& p : plans) {
    if (!on_ballot.count(p.id)) continue;
    PlanStatus from = p.status;
    if (from != PlanStatus::kOnBallot) {
      // Voting recorded before the ballot was settled (e.g. a short voting window).
      WP_TRY_VOID(
          BudgetStore::ChangeStatus(c, p.id, from, PlanStatus::kOnBallot, p.status_note, 0, options_.site_name, now));
      from = PlanStatus::kOnBallot;
    }
    PlanStatus to = chosen.count(p.id) ? PlanStatus::kSelected : PlanStatus::kNotSelected;
    WP_TRY_VOID(BudgetStore::ChangeStatus(c, p.id, from, to, "", 0, options_.site_name, now));
    Plan q = p;
    q.status = to;
    WP_TRY_VOID(Notify(c, *e, q, PlanStatusName(to), ""));
  }
  return BudgetStore::SetFlag(c, edition_id, EditionFlag::kSelectionRecorded);
}

// ---------------------------------------------------------------- implementation

Result<void> BudgetCommands::AddMilestone(const auth::User& actor, const Edition& e, int64_t plan_id,
                                          const std::string& title_raw, int64_t due_at) {
  if (!Can(&actor, Action::kManageEdition, e)) return NotAllowed();
  std::string title = Trimmed(title_raw);
  std::vector<FieldError> errors;
  if (title.empty()) errors.push_back({"milestone_title", "budgets.milestone.error.title"});
  if (title.size() > kMaxPlanTitle) errors.push_back({"milestone_title", kPlanTitleLong});
  if (due_at <= 0) errors.push_back({"milestone_due", "budgets.milestone.error.due"});
  if (!errors.empty()) return FormInvalid(std::move(errors), "milestone rejected");
  return Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (p.status != PlanStatus::kSelected && p.status != PlanStatus::kInProgress) {
      return Conflict("not funded", "budgets.progress.error.status");
    }
    WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t id, BudgetStore::InsertMilestone(c, plan_id, title, due_at));
    return Ok();
  });
}

Result<void> BudgetCommands::PostProgress(const auth::User& actor, const Edition& e, int64_t plan_id,
                                          const std::string& note_raw, std::optional<int64_t> milestone_done,
                                          bool plan_done) {
  std::string note = Trimmed(note_raw);
  if (note.empty()) return FormInvalid({{"note", "budgets.progress.error.note"}});
  if (note.size() > kMaxNote) return FormInvalid({{"note", kNoteTooLong}});
  int64_t now = Now();
  return Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (!Can(&actor, Action::kUpdateProgress, e, p.submitter_id)) return NotAllowed();
    if (p.status != PlanStatus::kSelected && p.status != PlanStatus::kInProgress) {
      return Conflict("not funded", "budgets.progress.error.status");
    }
    WP_TRY_VOID(BudgetStore::InsertProgress(c, plan_id, actor.id, actor.display_name, note, now));
    if (milestone_done) {
      WP_ASSIGN_OR_RETURN(bool marked, BudgetStore::MarkMilestoneDone(c, plan_id, *milestone_done, now));
      if (!marked) return FormInvalid({{"milestone", "budgets.milestone.error.unknown"}});
    }
    PlanStatus from = p.status;
    if (from == PlanStatus::kSelected) {
      WP_TRY_VOID(
          BudgetStore::ChangeStatus(c, plan_id, from, PlanStatus::kInProgress, "", actor.id, actor.display_name, now));
      from = PlanStatus::kInProgress;
    }
    if (plan_done) {
      WP_TRY_VOID(
          BudgetStore::ChangeStatus(c, plan_id, from, PlanStatus::kDone, note, actor.id, actor.display_name, now));
    }
    return Ok();
  });
}

// ---------------------------------------------------------------- e-mail

std::string BudgetCommands::PlanUrl(const Edition& e, int64_t plan_id) const {
  return options_.base_url + "/wijkbudget/" + e.slug + "/plannen/" + std::to_string(plan_id);
}

Result<void> BudgetCommands::Notify(db::Connection& c, const Edition& e, const Plan& p, std::string_view what,
                                    const std::string& note) const {
  if (p.submitter_email.empty()) return Ok();
  std::string locale = p.submitter_locale.empty() ? "nl" : p.submitter_locale;
  std::string other_support;
  if (NeedsOtherSupport(p.status) || p.status == PlanStatus::kMunicipalDuty) {
    other_support = catalog_.Format(locale, "budgets.mail.other_support");
  }
  i18n::Args args = {{"name", p.submitter_name},
                     {"plan", p.title},
                     {"edition", e.title},
                     {"note", note},
                     {"link", PlanUrl(e, p.id)},
                     {"site", options_.site_name},
                     {"other_support", other_support},
                     {"likes", p.likes},
                     {"threshold", e.like_threshold}};
  std::string key = "budgets.mail." + std::string(what);
  mail::OutgoingMail m;
  m.to = p.submitter_email;
  m.subject = catalog_.Format(locale, key + ".subject", args);
  m.body_text = catalog_.Format(locale, key + ".body", args);
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t id, mail::Enqueue(c, m, Now()));
  return Ok();
}

}  // namespace wp::budgets
