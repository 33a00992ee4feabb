// BudgetCommands: the plan use cases: submit, edit, withdraw, photos, send
// back, merge with consent, likes. Editions, phases, reviews and
// implementation are in commands.cc.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/image/photo.h"
#include "features/budgets/budget_store.h"
#include "features/budgets/command_errors.h"
#include "features/budgets/commands.h"
#include "features/budgets/permissions.h"

namespace wp::budgets {

namespace {

Result<void> InsertPhotoRows(db::Connection& c, int64_t plan_id, const std::vector<std::string>& names, int64_t now) {
  for (const auto& n : names) {
    auto type = ImageTypeFromExtension(n.substr(n.rfind('.') + 1));
    if (!type) return Internal("stored photo without a known extension: " + n);
    WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t photo_id,
                        BudgetStore::InsertPhoto(c, plan_id, n, std::string(ImageContentType(*type)), now));
  }
  return Ok();
}

bool Contains(const std::vector<int64_t>& ids, int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

// ---------------------------------------------------------------- reading

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

// ---------------------------------------------------------------- photos

Result<std::vector<std::string>> BudgetCommands::StorePhotos(const std::vector<std::string>& photos) const {
  std::vector<std::string> names;
  if (photos.empty()) return names;
  std::filesystem::path dir = std::filesystem::path(options_.upload_dir) / "budgets";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Internal("cannot create " + dir.string() + ": " + ec.message());
  for (const auto& data : photos) {
    // Stored re-encoded: EXIF (camera, GPS position, time) and every other
    // piece of metadata are gone; always a JPEG.
    auto photo = image::ReencodePhoto(data, image::PhotoLimits{.max_bytes = options_.max_photo_bytes});
    if (!photo.has_value()) {
      RemoveFiles(names);
      return FormInvalid({{"photos", std::string(image::PhotoProblemKey(photo.error()))}}, "photo refused");
    }
    std::string name = random_.Hex(16) + "." + std::string(ImageExtension(ImageType::kJpeg));
    std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
    out.write(photo->jpeg.data(), static_cast<std::streamsize>(photo->jpeg.size()));
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

Result<std::optional<BudgetCommands::PhotoFile>> BudgetCommands::ReadPhoto(const std::string& stored_name) const {
  WP_ASSIGN_OR_RETURN(auto photo, db_.Read([&](db::Connection& c) { return BudgetStore::FindPhoto(c, stored_name); }));
  if (!photo) return std::optional<PhotoFile>();
  std::ifstream in(std::filesystem::path(options_.upload_dir) / "budgets" / photo->stored_name, std::ios::binary);
  if (!in) return std::optional<PhotoFile>();
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return std::optional<PhotoFile>(PhotoFile{photo->content_type, std::move(bytes), photo->plan_id});
}

Result<std::optional<BudgetCommands::PhotoFile>> BudgetCommands::PublishedPhoto(std::string_view slug, int64_t plan_id,
                                                                                const std::string& stored_name) const {
  WP_ASSIGN_OR_RETURN(auto e, FindEdition(slug));
  if (!e || !e->published) return std::optional<PhotoFile>();
  auto plan = db_.Read([&](db::Connection& c) { return LoadPlan(c, *e, plan_id); });
  if (!plan.has_value()) {
    if (plan.error().code == ErrorCode::kNotFound) return std::optional<PhotoFile>();
    return plan.error();
  }
  WP_ASSIGN_OR_RETURN(auto photo, ReadPhoto(stored_name));
  if (!photo || photo->plan_id != plan_id) return std::optional<PhotoFile>();
  return photo;
}

// ---------------------------------------------------------------- plans

Result<int64_t> BudgetCommands::SubmitPlan(const auth::User& actor, const Edition& e, const PlanInput& in,
                                           const std::vector<std::string>& photos) {
  if (!Can(&actor, Action::kSubmitPlan, e)) return NotAllowed();
  if (PhaseAt(e, Now()) != Phase::kPlans) return PhaseClosed();
  CheckedPlan checked = CheckPlanInput(e, in, photos, options_.max_photo_bytes);
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors), "plan rejected");
  Plan p = std::move(checked.content);
  p.edition_id = e.id;
  p.submitter_id = actor.id;
  p.submitter_name = actor.display_name;
  p.submitter_email = actor.email;
  p.submitter_locale = actor.locale.empty() ? "nl" : actor.locale;
  p.status = PlanStatus::kSubmitted;
  WP_ASSIGN_OR_RETURN(auto names, StorePhotos(photos));
  int64_t now = Now();
  auto id = Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(int64_t plan_id, BudgetStore::InsertPlan(c, p, now));
    WP_TRY_VOID(InsertPhotoRows(c, plan_id, names, now));
    return plan_id;
  });
  if (!id.has_value()) RemoveFiles(names);
  return id;
}

Result<void> BudgetCommands::EditPlan(const auth::User& actor, const Edition& e, int64_t plan_id, const PlanInput& in,
                                      const std::vector<std::string>& photos,
                                      const std::vector<int64_t>& remove_photo_ids) {
  WP_ASSIGN_OR_RETURN(Plan stored, db_.Read([&](db::Connection& c) { return LoadPlan(c, e, plan_id); }));
  if (!Can(&actor, Action::kEditPlan, e, stored.submitter_id)) return NotAllowed();
  if (PhaseAt(e, Now()) != Phase::kPlans || !IsEditable(stored.status)) return PhaseClosed();
  CheckedPlan checked = CheckPlanInput(e, in, photos, options_.max_photo_bytes);
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors), "plan rejected");
  Plan p = std::move(checked.content);
  p.id = stored.id;
  WP_ASSIGN_OR_RETURN(auto existing, db_.Read([&](db::Connection& c) { return BudgetStore::Photos(c, plan_id); }));
  size_t kept = std::count_if(existing.begin(), existing.end(),
                              [&](const Photo& ph) { return !Contains(remove_photo_ids, ph.id); });
  if (static_cast<int>(kept + photos.size()) > kMaxPhotosPerPlan) {
    return FormInvalid({{"photos", kPlanPhotoCount}}, "too many photos");
  }
  WP_ASSIGN_OR_RETURN(auto names, StorePhotos(photos));
  int64_t now = Now();
  std::vector<std::string> removed_files;
  auto r = Write([&](db::Connection& c) -> Result<void> {
    removed_files.clear();
    WP_TRY_VOID(BudgetStore::UpdatePlanContent(c, p, now));
    WP_TRY_VOID(InsertPhotoRows(c, plan_id, names, now));
    for (const auto& ph : existing) {
      if (!Contains(remove_photo_ids, ph.id)) continue;
      WP_ASSIGN_OR_RETURN(bool gone, BudgetStore::DeletePhoto(c, plan_id, ph.id));
      if (gone) removed_files.push_back(ph.stored_name);
    }
    if (stored.status == PlanStatus::kSentBack) {
      return BudgetStore::ChangeStatus(c, plan_id, stored.status, PlanStatus::kResubmitted, "", actor.id,
                                       actor.display_name, now);
    }
    return BudgetStore::AppendHistory(
        c, plan_id, {now, actor.display_name, stored.status, stored.status, std::string(kEditedNote)}, actor.id);
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
  return Write([&](db::Connection& c) -> Result<void> {
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
  if (tips.empty()) return FormInvalid({{"tips", "budgets.sendback.error.tips"}});
  if (tips.size() > kMaxNote) return FormInvalid({{"tips", kNoteTooLong}});
  int64_t now = Now();
  return Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (PhaseAt(e, now) != Phase::kPlans || !CanTransition(p.status, PlanStatus::kSentBack)) return PhaseClosed();
    WP_TRY_VOID(BudgetStore::ChangeStatus(c, plan_id, p.status, PlanStatus::kSentBack, tips, actor.id,
                                          actor.display_name, now));
    return Notify(c, e, p, "sent_back", tips);
  });
}

// ---------------------------------------------------------------- merges

Result<int64_t> BudgetCommands::ProposeMerge(const auth::User& actor, const Edition& e, int64_t source, int64_t target,
                                             const std::string& note_raw) {
  if (!Can(&actor, Action::kManageEdition, e)) return NotAllowed();
  if (source == target) return FormInvalid({{"target", "budgets.merge.error.same"}});
  std::string note = Trimmed(note_raw);
  if (note.size() > kMaxNote) return FormInvalid({{"note", kNoteTooLong}});
  int64_t now = Now();
  return Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Plan a, LoadPlan(c, e, source));
    WP_ASSIGN_OR_RETURN(Plan b, LoadPlan(c, e, target));
    if (PhaseAt(e, now) != Phase::kPlans || !CanTransition(a.status, PlanStatus::kMerged) || !IsEditable(b.status)) {
      return PhaseClosed();
    }
    WP_ASSIGN_OR_RETURN(auto existing, BudgetStore::MergesOf(c, source));
    for (const auto& m : existing) {
      if (m.state == MergeState::kPending) return Conflict("a merge is pending", "budgets.merge.error.pending");
    }
    WP_ASSIGN_OR_RETURN(int64_t id, BudgetStore::InsertMerge(c, e.id, source, target, actor.id, note, now));
    WP_TRY_VOID(Notify(c, e, a, "merge_proposed", note));
    if (b.submitter_id != a.submitter_id) WP_TRY_VOID(Notify(c, e, b, "merge_proposed", note));
    return id;
  });
}

Result<bool> BudgetCommands::AnswerMerge(const auth::User& actor, const Edition& e, int64_t merge_id, bool agree) {
  int64_t now = Now();
  return Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto m, BudgetStore::FindMerge(c, merge_id));
    if (!m) return NotFound("no such merge", "budgets.error.merge_not_found");
    WP_ASSIGN_OR_RETURN(Plan a, LoadPlan(c, e, m->source_plan_id));
    WP_ASSIGN_OR_RETURN(Plan b, LoadPlan(c, e, m->target_plan_id));
    bool is_a = Can(&actor, Action::kEditPlan, e, a.submitter_id);
    bool is_b = Can(&actor, Action::kEditPlan, e, b.submitter_id);
    if (!is_a && !is_b) return NotAllowed();
    if (m->state != MergeState::kPending) return Conflict("merge answered", "budgets.merge.error.closed");
    if (PhaseAt(e, now) != Phase::kPlans) return PhaseClosed();
    if (!agree) {
      m->state = MergeState::kDeclined;
      WP_TRY_VOID(BudgetStore::UpdateMerge(c, *m));
      return false;
    }
    if (is_a) m->source_consent = true;
    if (is_b) m->target_consent = true;
    bool both = m->source_consent && m->target_consent;
    if (both) {
      if (!CanTransition(a.status, PlanStatus::kMerged) || !IsEditable(b.status)) return PhaseClosed();
      m->state = MergeState::kDone;
      std::string note = "#" + std::to_string(b.id) + " " + b.title;
      WP_TRY_VOID(
          BudgetStore::ChangeStatus(c, a.id, a.status, PlanStatus::kMerged, note, actor.id, actor.display_name, now));
      WP_TRY_VOID(BudgetStore::SetMergedInto(c, a.id, b.id));
      WP_TRY_VOID(BudgetStore::CopyLikes(c, e.id, a.id, b.id, now));
      WP_TRY_VOID(BudgetStore::AppendHistory(c, b.id,
                                             {now, actor.display_name, b.status, b.status,
                                              std::string(kMergedInNote) + "#" + std::to_string(a.id) + " " + a.title},
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
  return Write([&](db::Connection& c) -> Result<void> {
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
  return Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Plan p, LoadPlan(c, e, plan_id));
    if (PhaseAt(e, now) != Phase::kLikes) return Conflict("not in the like phase", "budgets.like.error.phase");
    WP_ASSIGN_OR_RETURN(bool removed, BudgetStore::DeleteLike(c, plan_id, actor.id));
    if (!removed) return Conflict("no like to undo", "budgets.like.error.none");
    return Ok();
  });
}

}  // namespace wp::budgets
