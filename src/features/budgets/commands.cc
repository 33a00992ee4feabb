#include "features/budgets/commands.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/mail/outbox.h"
#include "core/money.h"
#include "core/strings.h"
#include "features/budgets/budget_store.h"
#include "features/budgets/cost_breakdown.h"
#include "features/budgets/edition_check.h"
#include "features/budgets/permissions.h"

namespace wp::budgets {

namespace {

constexpr size_t kMaxTitle = 120;
constexpr size_t kMaxDescription = 5000;
constexpr size_t kMaxNote = 2000;

Error PhaseClosed() { return Conflict("not in this phase", "budgets.error.phase_closed"); }
Error NotAllowed() { return Forbidden("not allowed", "budgets.error.forbidden"); }
Error PlanNotFound() { return NotFound("no such plan", "budgets.error.plan_not_found"); }

bool PhaseIsAtLeast(Phase now, Phase p) { return static_cast<int>(now) >= static_cast<int>(p); }

std::string Trimmed(const std::string& s) { return std::string(Trim(s)); }

}  // namespace

std::optional<ReviewOutcome> ParseReviewOutcome(std::string_view s) {
  if (s == "feasible") return ReviewOutcome::kFeasible;
  if (s == "feasible_with_conditions") return ReviewOutcome::kFeasibleWithConditions;
  if (s == "not_feasible") return ReviewOutcome::kNotFeasible;
  if (s == "municipal_duty") return ReviewOutcome::kMunicipalDuty;
  return std::nullopt;
}

BudgetCommands::BudgetCommands(db::Database& db, const Clock& clock, Random& random, const i18n::Catalog& catalog,
                               BudgetsOptions options)
    : db_(db), clock_(clock), random_(random), catalog_(catalog), options_(std::move(options)) {}

// ---------------------------------------------------------------- editions

Result<int64_t> BudgetCommands::SaveEdition(const auth::User& actor, Edition e,
                                            const std::map<std::string, std::string>& borough_of_buurt,
                                            Rejected* rejected) {
  if (!IsOfficial(actor, e.borough_slug)) return NotAllowed();
  e.title = Trimmed(e.title);
  e.description = Trimmed(e.description);
  std::vector<std::string> themes;
  for (const auto& t : e.themes) {
    std::string x = Trimmed(t);
    if (!x.empty() && std::find(themes.begin(), themes.end(), x) == themes.end()) themes.push_back(x);
  }
  e.themes = themes;
  auto problems = CheckEdition(e, borough_of_buurt);
  if (e.title.size() > kMaxTitle) problems.push_back({EditionProblem::kTitleMissing, "title"});
  if (!problems.empty()) {
    if (rejected) {
      for (const auto& p : problems) rejected->problems.push_back({p.field, std::string(EditionProblemKey(p.problem))});
    }
    return InvalidInput("edition settings rejected", "budgets.edition.error.summary");
  }
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto same_slug, BudgetStore::FindEditionBySlug(c, e.slug));
    if (same_slug && same_slug->id != e.id) {
      if (rejected) rejected->problems.push_back({"slug", "budgets.edition.error.slug_taken"});
      return Conflict("slug taken", "budgets.edition.error.slug_taken");
    }
    if (e.id == 0) return BudgetStore::InsertEdition(c, e, now);
    WP_ASSIGN_OR_RETURN(auto stored, BudgetStore::FindEdition(c, e.id));
    if (!stored) return NotFound("no such edition", "budgets.error.edition_not_found");
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

// ---------------------------------------------------------------- phases

Result<void> BudgetCommands::Settle(const Edition& e) {
  Phase phase = PhaseAt(e, Now());
  if (!PhaseIsAtLeast(phase, Phase::kReview)) return Ok();
  WP_ASSIGN_OR_RETURN(auto flags, db_.Read([&](db::Connection& c) { return BudgetStore::Flags(c, e.id); }));
  bool pending = !flags.likes_settled || (PhaseIsAtLeast(phase, Phase::kVoting) && !flags.ballot_settled);
  if (!pending) return Ok();
  return db_.Write([&](db::Connection& c) { return SettleIn(c, e); });
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
    WP_TRY_VOID(BudgetStore::SetFlag(c, e.id, "likes_settled"));
  }
  if (PhaseIsAtLeast(phase, Phase::kVoting) && !flags.ballot_settled) {
    WP_ASSIGN_OR_RETURN(auto plans, BudgetStore::ListPlans(c, e.id));
    for (const auto& p : plans) {
      if (!IsFeasible(p.status)) continue;
      WP_TRY_VOID(BudgetStore::ChangeStatus(c, p.id, p.status, PlanStatus::kOnBallot, p.status_note, 0,
                                            options_.site_name, now));
    }
    WP_TRY_VOID(BudgetStore::SetFlag(c, e.id, "ballot_settled"));
  }
  return Ok();
}

Result<void> BudgetCommands::SettleAll() {
  WP_ASSIGN_OR_RETURN(auto all, db_.Read([](db::Connection& c) { return BudgetStore::ListEditions(c); }));
  for (const auto& e : all) WP_TRY_VOID(Settle(e));
  return Ok();
}

// ---------------------------------------------------------------- plans

Result<std::vector<Plan>> BudgetCommands::Plans(int64_t edition_id) const {
  return db_.Read([&](db::Connection& c) { return BudgetStore::ListPlans(c, edition_id); });
}

Result<Plan> BudgetCommands::LoadPlan(db::Connection& c, const Edition& e, int64_t plan_id) const {
  WP_ASSIGN_OR_RETURN(auto p, BudgetStore::FindPlan(c, plan_id));
  if (!p || p->edition_id != e.id) return PlanNotFound();
  return std::move(*p);
}

Result<PlanDetails> BudgetCommands::Details(const Edition& e, int64_t plan_id) const {
  return db_.Read([&](db::Connection& c) -> Result<PlanDetails> {
    PlanDetails d;
    WP_ASSIGN_OR_RETURN(d.plan, LoadPlan(c, e, plan_id));
    WP_ASSIGN_OR_RETURN(d.history, BudgetStore::History(c, plan_id));
    WP_ASSIGN_OR_RETURN(d.photos, BudgetStore::Photos(c, plan_id));
    WP_ASSIGN_OR_RETURN(d.merges, BudgetStore::MergesOf(c, plan_id));
    WP_ASSIGN_OR_RETURN(d.milestones, BudgetStore::Milestones(c, plan_id));
    WP_ASSIGN_OR_RETURN(d.progress, BudgetStore::Progress(c, plan_id));
    return d;
  });
}

Result<bool> BudgetCommands::HasLiked(int64_t plan_id, int64_t user_id) const {
  return db_.Read([&](db::Connection& c) { return BudgetStore::HasLiked(c, plan_id, user_id); });
}

Result<void> BudgetCommands::CheckPlanInput(const Edition& e, const PlanInput& in,
                                            const std::vector<std::string>& photos, Plan& out,
                                            Rejected* rejected) const {
  std::vector<FieldProblem> problems;
  out.title = Trimmed(in.title);
  for (char& ch : out.title) {
    if (static_cast<unsigned char>(ch) < 0x20) ch = ' ';  // one line: it goes into e-mail subjects
  }
  out.description = Trimmed(in.description);
  out.theme = Trimmed(in.theme);
  out.neighbourhood_code = Trimmed(in.neighbourhood_code);
  out.lon = in.lon;
  out.lat = in.lat;
  if (out.title.empty()) problems.push_back({"title", "web.required"});
  else if (out.title.size() > kMaxTitle) problems.push_back({"title", "budgets.plan.error.title_long"});
  if (out.description.empty()) problems.push_back({"description", "web.required"});
  else if (out.description.size() > kMaxDescription) problems.push_back({"description", "budgets.plan.error.description_long"});
  if (std::find(e.themes.begin(), e.themes.end(), out.theme) == e.themes.end()) {
    problems.push_back({"theme", "budgets.plan.error.theme"});
  }
  if (!e.area.count(out.neighbourhood_code)) problems.push_back({"neighbourhood", "budgets.plan.error.neighbourhood"});
  ParsedCosts costs = ParseCostLines(in.cost_lines);
  for (const auto& p : costs.problems) {
    problems.push_back({"cost_" + std::to_string(std::max(1, p.line)), std::string(CostProblemKey(p.problem))});
  }
  if (costs.problems.empty() && costs.total_cents > e.budget_cents) {
    problems.push_back({"cost_1", "budgets.plan.error.cost_over_budget"});
  }
  out.cost_lines = costs.lines;
  out.cost_cents = costs.total_cents;
  for (const auto& data : photos) {
    if (auto problem = CheckPhoto(data, options_.max_photo_bytes)) {
      problems.push_back({"photos", std::string(UploadProblemKey(*problem))});
      break;
    }
  }
  if (static_cast<int>(photos.size()) > kMaxPhotosPerPlan) problems.push_back({"photos", "budgets.photo.error.count"});
  if (!problems.empty()) {
    if (rejected) rejected->problems = problems;
    return InvalidInput("plan rejected", "budgets.plan.error.summary");
  }
  return Ok();
}

Result<std::vector<std::string>> BudgetCommands::StorePhotos(const std::vector<std::string>& photos) const {
  std::vector<std::string> names;
  if (photos.empty()) return names;
  std::filesystem::path dir = std::filesystem::path(options_.upload_dir) / "budgets";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Internal("cannot create " + dir.string() + ": " + ec.message());
  for (const auto& data : photos) {
    auto type = DetectImageType(data);
    if (!type) {
      RemoveFiles(names);
      return InvalidInput("not an image", "budgets.photo.error.type");
    }
    std::string name = random_.Hex(16) + "." + std::string(ImageExtension(*type));
    std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out) {
      RemoveFiles(names);
      return Internal("cannot write photo " + name);
    }
    names.push_back(name);
  }
  return names;
}

void BudgetCommands::RemoveFiles(const std::vector<std::string>& names) const {
  std::filesystem::path dir = std::filesystem::path(options_.upload_dir) / "budgets";
  for (const auto& n : names) {
    std::error_code ec;
    std::filesystem::remove(dir / n, ec);
  }
}

Result<int64_t> BudgetCommands::SubmitPlan(const auth::User& actor, const Edition& e, const PlanInput& in,
                                           const std::vector<std::string>& photos, Rejected* rejected) {
  if (!Can(&actor, Action::kSubmitPlan, e)) return NotAllowed();
  if (PhaseAt(e, Now()) != Phase::kPlans) return PhaseClosed();
  Plan p;
  WP_TRY_VOID(CheckPlanInput(e, in, photos, p, rejected));
  p.edition_id = e.id;
  p.submitter_id = actor.id;
  p.submitter_name = actor.display_name;
  p.submitter_email = actor.email;
  p.submitter_locale = actor.locale.empty() ? "nl" : actor.locale;
  p.status = PlanStatus::kSubmitted;
  WP_ASSIGN_OR_RETURN(auto names, StorePhotos(photos));
  int64_t now = Now();
  auto id = db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(int64_t plan_id, BudgetStore::InsertPlan(c, p, now));
    for (const auto& n : names) {
      auto type = ImageTypeFromExtension(n.substr(n.rfind('.') + 1));
      WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t photo_id,
                          BudgetStore::InsertPhoto(c, plan_id, n, std::string(ImageContentType(*type)), now));
    }
    return plan_id;
  });
  if (!id.has_value()) RemoveFiles(names);
  return id;
}

Result<void> BudgetCommands::EditPlan(const auth::User& actor, const Edition& e, int64_t plan_id, const PlanInput& in,
                                      const std::vector<std::string>& photos,
                                      const std::vector<int64_t>& remove_photo_ids, Rejected* rejected) {
  WP_ASSIGN_OR_RETURN(Plan stored, db_.Read([&](db::Connection& c) { return LoadPlan(c, e, plan_id); }));
  if (!Can(&actor, Action::kEditPlan, e, stored.submitter_id)) return NotAllowed();
  if (PhaseAt(e, Now()) != Phase::kPlans || !IsEditable(stored.status)) return PhaseClosed();
  Plan p = stored;
  WP_TRY_VOID(CheckPlanInput(e, in, photos, p, rejected));
  WP_ASSIGN_OR_RETURN(auto existing, db_.Read([&](db::Connection& c) { return BudgetStore::Photos(c, plan_id); }));
  size_t kept = 0;
  for (const auto& ph : existing) {
    if (std::find(remove_photo_ids.begin(), remove_photo_ids.end(), ph.id) == remove_photo_ids.end()) ++kept;
  }
  if (static_cast<int>(kept + photos.size()) > kMaxPhotosPerPlan) {
    if (rejected) rejected->problems.push_back({"photos", "budgets.photo.error.count"});
    return InvalidInput("too many photos", "budgets.plan.error.summary");
  }
  WP_ASSIGN_OR_RETURN(auto names, StorePhotos(photos));
  int64_t now = Now();
  std::vector<std::string> removed_files;
  auto r = db_.Write([&](db::Connection& c) -> Result<void> {
    removed_files.clear();
    WP_TRY_VOID(BudgetStore::UpdatePlanContent(c, p, now));
    for (const auto& n : names) {
      auto type = ImageTypeFromExtension(n.substr(n.rfind('.') + 1));
      WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t photo_id,
                          BudgetStore::InsertPhoto(c, plan_id, n, std::string(ImageContentType(*type)), now));
    }
    for (const auto& ph : existing) {
      if (std::find(remove_photo_ids.begin(), remove_photo_ids.end(), ph.id) == remove_photo_ids.end()) continue;
      WP_ASSIGN_OR_RETURN(bool gone, BudgetStore::DeletePhoto(c, plan_id, ph.id));
      if (gone) removed_files.push_back(ph.stored_name);
    }
    if (stored.status == PlanStatus::kSentBack) {
      WP_TRY_VOID(BudgetStore::ChangeStatus(c, plan_id, stored.status, PlanStatus::kResubmitted, "", actor.id,
                                            actor.display_name, now));
    } else {
      WP_TRY_VOID(BudgetStore::AppendHistory(
          c, plan_id, {now, actor.display_name, std::string(PlanStatusName(stored.status)),
                       std::string(PlanStatusName(stored.status)), "edited"},
          actor.id));
    }
    return Ok();
  });
  if (!r.has_value()) {
    RemoveFiles(names);
    return r;
  }
  RemoveFiles(removed_files);
  return Ok();
}

Result<void> BudgetCommands::WithdrawPlan(const auth::User& actor, const Edition& e, int64_t plan_id) {
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (!Can(&actor, Action::kEditPlan, e, p.submitter_id)) return NotAllowed();
    Phase phase = PhaseAt(e, now);
    if ((phase != Phase::kPlans && phase != Phase::kLikes) || !CanTransition(p.status, PlanStatus::kWithdrawn)) {
      return PhaseClosed();
    }
    return BudgetStore::ChangeStatus(c, plan_id, p.status, PlanStatus::kWithdrawn, "", actor.id, actor.display_name,
                                     now);
  });
}

Result<void> BudgetCommands::SendBack(const auth::User& actor, const Edition& e, int64_t plan_id,
                                      const std::string& tips_raw) {
  if (!Can(&actor, Action::kManageEdition, e)) return NotAllowed();
  std::string tips = Trimmed(tips_raw);
  if (tips.empty()) return InvalidInput("tips required", "budgets.sendback.error.tips");
  if (tips.size() > kMaxNote) return InvalidInput("tips too long", "budgets.error.note_long");
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (PhaseAt(e, now) != Phase::kPlans || !CanTransition(p.status, PlanStatus::kSentBack)) return PhaseClosed();
    WP_TRY_VOID(BudgetStore::ChangeStatus(c, plan_id, p.status, PlanStatus::kSentBack, tips, actor.id,
                                          actor.display_name, now));
    return Notify(c, e, p, "sent_back", tips);
  });
}

Result<int64_t> BudgetCommands::ProposeMerge(const auth::User& actor, const Edition& e, int64_t source,
                                             int64_t target, const std::string& note_raw) {
  if (!Can(&actor, Action::kManageEdition, e)) return NotAllowed();
  if (source == target) return InvalidInput("same plan", "budgets.merge.error.same");
  std::string note = Trimmed(note_raw);
  if (note.size() > kMaxNote) return InvalidInput("note too long", "budgets.error.note_long");
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Plan a, LoadPlan(c, e, source));
    WP_ASSIGN_OR_RETURN(Plan b, LoadPlan(c, e, target));
    if (PhaseAt(e, now) != Phase::kPlans || !CanTransition(a.status, PlanStatus::kMerged) || !IsEditable(b.status)) {
      return PhaseClosed();
    }
    WP_ASSIGN_OR_RETURN(auto existing, BudgetStore::MergesOf(c, source));
    for (const auto& m : existing) {
      if (m.state == "pending") return Conflict("a merge is pending", "budgets.merge.error.pending");
    }
    WP_ASSIGN_OR_RETURN(int64_t id, BudgetStore::InsertMerge(c, e.id, source, target, actor.id, note, now));
    WP_TRY_VOID(Notify(c, e, a, "merge_proposed", note));
    if (b.submitter_id != a.submitter_id) WP_TRY_VOID(Notify(c, e, b, "merge_proposed", note));
    return id;
  });
}

Result<bool> BudgetCommands::AnswerMerge(const auth::User& actor, const Edition& e, int64_t merge_id, bool agree) {
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto m, BudgetStore::FindMerge(c, merge_id));
    if (!m) return NotFound("no such merge", "budgets.error.merge_not_found");
    WP_ASSIGN_OR_RETURN(Plan a, LoadPlan(c, e, m->source_plan_id));
    WP_ASSIGN_OR_RETURN(Plan b, LoadPlan(c, e, m->target_plan_id));
    bool is_a = Can(&actor, Action::kEditPlan, e, a.submitter_id);
    bool is_b = Can(&actor, Action::kEditPlan, e, b.submitter_id);
    if (!is_a && !is_b) return NotAllowed();
    if (m->state != "pending") return Conflict("merge answered", "budgets.merge.error.closed");
    if (PhaseAt(e, now) != Phase::kPlans) return PhaseClosed();
    if (!agree) {
      m->state = "declined";
      WP_TRY_VOID(BudgetStore::UpdateMerge(c, *m));
      return false;
    }
    if (is_a) m->source_consent = true;
    if (is_b) m->target_consent = true;
    bool both = m->source_consent && m->target_consent;
    if (both) {
      if (!CanTransition(a.status, PlanStatus::kMerged) || !IsEditable(b.status)) return PhaseClosed();
      m->state = "done";
      std::string note = "#" + std::to_string(b.id) + " " + b.title;
      WP_TRY_VOID(BudgetStore::ChangeStatus(c, a.id, a.status, PlanStatus::kMerged, note, actor.id,
                                            actor.display_name, now));
      WP_TRY_VOID(BudgetStore::SetMergedInto(c, a.id, b.id));
      WP_TRY_VOID(BudgetStore::CopyLikes(c, e.id, a.id, b.id, now));
      WP_TRY_VOID(BudgetStore::AppendHistory(
          c, b.id, {now, actor.display_name, std::string(PlanStatusName(b.status)),
                    std::string(PlanStatusName(b.status)), "merged: #" + std::to_string(a.id) + " " + a.title},
          actor.id));
    }
    WP_TRY_VOID(BudgetStore::UpdateMerge(c, *m));
    return both;
  });
}

// ---------------------------------------------------------------- likes

Result<void> BudgetCommands::Like(const auth::User& actor, const Edition& e, int64_t plan_id) {
  if (!Can(&actor, Action::kLike, e)) return NotAllowed();
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (PhaseAt(e, now) != Phase::kLikes || !IsLikeable(p.status)) {
      return Conflict("not in the like phase", "budgets.like.error.phase");
    }
    return BudgetStore::InsertLike(c, e.id, plan_id, actor.id, now);
  });
}

Result<void> BudgetCommands::Unlike(const auth::User& actor, const Edition& e, int64_t plan_id) {
  if (!Can(&actor, Action::kLike, e)) return NotAllowed();
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (PhaseAt(e, now) != Phase::kLikes) return Conflict("not in the like phase", "budgets.like.error.phase");
    WP_ASSIGN_OR_RETURN(bool removed, BudgetStore::DeleteLike(c, plan_id, actor.id));
    if (!removed) return Conflict("no like to undo", "budgets.like.error.none");
    return Ok();
  });
}

// ---------------------------------------------------------------- review

Result<void> BudgetCommands::Review(const auth::User& actor, const Edition& e, int64_t plan_id,
                                    ReviewOutcome outcome, const std::string& note_raw) {
  if (!Can(&actor, Action::kReviewPlan, e)) return NotAllowed();
  PlanStatus to = PlanStatus::kFeasible;
  const char* missing_key = "";
  switch (outcome) {
    case ReviewOutcome::kFeasible: to = PlanStatus::kFeasible; break;
    case ReviewOutcome::kFeasibleWithConditions:
      to = PlanStatus::kFeasibleWithConditions;
      missing_key = "budgets.review.error.conditions";
      break;
    case ReviewOutcome::kNotFeasible:
      to = PlanStatus::kNotFeasible;
      missing_key = "budgets.review.error.reason";
      break;
    case ReviewOutcome::kMunicipalDuty:
      to = PlanStatus::kMunicipalDuty;
      missing_key = "budgets.review.error.department";
      break;
  }
  std::string note = Trimmed(note_raw);
  if (NeedsReason(to) && note.empty()) return InvalidInput("reason required", missing_key);
  if (note.size() > kMaxNote) return InvalidInput("note too long", "budgets.error.note_long");
  WP_TRY_VOID(Settle(e));
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (PhaseAt(e, now) != Phase::kReview) return PhaseClosed();
    if (!CanTransition(p.status, to)) return Conflict("not on to review", "budgets.review.error.status");
    WP_TRY_VOID(BudgetStore::ChangeStatus(c, plan_id, p.status, to, note, actor.id, actor.display_name, now));
    p.status = to;
    return Notify(c, e, p, PlanStatusName(to), note);
  });
}

// ---------------------------------------------------------------- vote results

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

Result<void> BudgetCommands::RecordSelection(db::Connection& c, int64_t edition_id,
                                             const std::vector<int64_t>& selected) {
  WP_ASSIGN_OR_RETURN(auto e, BudgetStore::FindEdition(c, edition_id));
  if (!e) return NotFound("no such edition", "budgets.error.edition_not_found");
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
      WP_TRY_VOID(BudgetStore::ChangeStatus(c, p.id, from, PlanStatus::kOnBallot, p.status_note, 0,
                                            options_.site_name, now));
      from = PlanStatus::kOnBallot;
    }
    PlanStatus to = chosen.count(p.id) ? PlanStatus::kSelected : PlanStatus::kNotSelected;
    WP_TRY_VOID(BudgetStore::ChangeStatus(c, p.id, from, to, "", 0, options_.site_name, now));
    Plan q = p;
    q.status = to;
    WP_TRY_VOID(Notify(c, *e, q, PlanStatusName(to), ""));
  }
  return BudgetStore::SetFlag(c, edition_id, "selection_recorded");
}

// ---------------------------------------------------------------- implementation

Result<void> BudgetCommands::AddMilestone(const auth::User& actor, const Edition& e, int64_t plan_id,
                                          const std::string& title_raw, int64_t due_at) {
  if (!Can(&actor, Action::kManageEdition, e)) return NotAllowed();
  std::string title = Trimmed(title_raw);
  if (title.empty()) return InvalidInput("title required", "budgets.milestone.error.title");
  if (title.size() > kMaxTitle) return InvalidInput("title too long", "budgets.plan.error.title_long");
  if (due_at <= 0) return InvalidInput("bad date", "budgets.milestone.error.due");
  return db_.Write([&](db::Connection& c) -> Result<void> {
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
  if (note.empty()) return InvalidInput("note required", "budgets.progress.error.note");
  if (note.size() > kMaxNote) return InvalidInput("note too long", "budgets.error.note_long");
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (!Can(&actor, Action::kUpdateProgress, e, p.submitter_id)) return NotAllowed();
    if (p.status != PlanStatus::kSelected && p.status != PlanStatus::kInProgress) {
      return Conflict("not funded", "budgets.progress.error.status");
    }
    WP_TRY_VOID(BudgetStore::InsertProgress(c, plan_id, actor.id, actor.display_name, note, now));
    if (milestone_done) {
      WP_ASSIGN_OR_RETURN(bool marked, BudgetStore::MarkMilestoneDone(c, plan_id, *milestone_done, now));
      if (!marked) return InvalidInput("no such open milestone", "budgets.milestone.error.unknown");
    }
    PlanStatus from = p.status;
    if (from == PlanStatus::kSelected) {
      WP_TRY_VOID(BudgetStore::ChangeStatus(c, plan_id, from, PlanStatus::kInProgress, "", actor.id,
                                            actor.display_name, now));
      from = PlanStatus::kInProgress;
    }
    if (plan_done) {
      WP_TRY_VOID(BudgetStore::ChangeStatus(c, plan_id, from, PlanStatus::kDone, note, actor.id, actor.display_name,
                                            now));
    }
    return Ok();
  });
}

Result<std::optional<BudgetCommands::PhotoFile>> BudgetCommands::ReadPhoto(const std::string& stored_name) const {
  WP_ASSIGN_OR_RETURN(auto photo, db_.Read([&](db::Connection& c) { return BudgetStore::FindPhoto(c, stored_name); }));
  if (!photo) return std::optional<PhotoFile>();
  std::ifstream in(std::filesystem::path(options_.upload_dir) / "budgets" / photo->stored_name, std::ios::binary);
  if (!in) return std::optional<PhotoFile>();
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return std::optional<PhotoFile>(PhotoFile{photo->content_type, std::move(bytes), photo->plan_id});
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
