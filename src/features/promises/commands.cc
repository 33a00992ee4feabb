#include "features/promises/commands.h"

#include "core/time/format.h"
#include "features/promises/promise_store.h"

namespace wp::promises {

namespace {

Error PromiseNotFound() { return NotFound("promise", "promises.promise.not_found"); }
Error AnswerNotFound() { return NotFound("answer point", "promises.answer.not_found"); }
Error NotKeeper() { return Forbidden("not a keeper of these promises", "promises.error.forbidden"); }

}  // namespace

PromiseCommands::PromiseCommands(db::Database& db, const Clock& clock, const platforms::PlatformDirectory& directory,
                                 const accounts::Roles& roles, const time::TimeZone& zone,
                                 const advice::AdviceCommands* advice, const contracts::ContractCommands* contracts)
    : db_(db),
      clock_(clock),
      directory_(directory),
      roles_(roles),
      zone_(zone),
      advice_(advice),
      contracts_(contracts) {}

Result<advice::AdviceThread> PromiseCommands::AnswerPoint(const auth::User& user, int64_t advice_id, int point) const {
  if (!advice_) return AnswerNotFound();
  auto thread = advice_->AdviceOf(user, advice_id);
  if (!thread.has_value()) {
    if (thread.error().code == ErrorCode::kNotFound) return AnswerNotFound();
    return thread.error();
  }
  if (point < 1 || static_cast<size_t>(point) > thread->advice.points.size()) return AnswerNotFound();
  const auto& verdict = thread->advice.points[point - 1].verdict;
  if (!verdict || (*verdict != advice::Verdict::kAdopted && *verdict != advice::Verdict::kPartly)) {
    return Conflict("point not adopted", "promises.answer.not_adopted");
  }
  return std::move(*thread);
}

Result<FromAnswer> PromiseCommands::Prefill(const auth::User& user, int64_t advice_id, int point) const {
  WP_ASSIGN_OR_RETURN(advice::AdviceThread t, AnswerPoint(user, advice_id, point));
  if (!Keeps(user, t.platform)) return NotKeeper();
  const advice::AdvicePoint& p = t.advice.points[point - 1];
  FromAnswer out;
  out.platform = t.platform;
  out.advice_id = advice_id;
  out.point = point;
  out.form.text = p.reason;
  out.form.source = SourceName(Source::kAnswer);
  return out;
}

Result<int64_t> PromiseCommands::Create(const auth::User& user, int64_t platform_id, const PromiseForm& form,
                                        std::optional<std::pair<int64_t, int>> answer) {
  WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(platform_id));
  if (!platform) return NotFound("platform", "promises.platform.not_found");
  if (!Keeps(user, *platform)) return NotKeeper();
  PromiseForm typed = form;
  if (answer) {
    WP_ASSIGN_OR_RETURN(advice::AdviceThread t, AnswerPoint(user, answer->first, answer->second));
    if (t.platform.id != platform->id) return AnswerNotFound();
    typed.source = SourceName(Source::kAnswer);
  } else if (typed.source == SourceName(Source::kAnswer) || typed.source == SourceName(Source::kTalk)) {
    typed.source = "";  // an answer or a talk is only a source with its advice point or meeting
  }
  int64_t now = clock_.NowUnixSeconds();
  CheckedPromise checked = CheckPromiseForm(typed, zone_, days_, now);
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
  Promise p = std::move(checked.promise);
  p.platform_id = platform->id;
  if (answer) {
    p.advice_id = answer->first;
    p.point_number = answer->second;
  }
  p.status = Status::kOpen;
  p.created_by = user.id;
  p.created_at = p.updated_at = now;
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(int64_t id, PromiseStore::Insert(c, p));
    WP_TRY_VOID(PromiseStore::Append(c, id, {now, user.id, "", EntryKind::kCreated, "", "open", OwnerLine(p.owner)}));
    return id;
  });
}

Result<int64_t> PromiseCommands::CreateFromMeeting(db::Connection& c, const auth::User& user,
                                                   const platforms::Platform& platform, int64_t meeting_id,
                                                   const std::string& meeting_note, const PromiseForm& form) const {
  if (!Keeps(user, platform)) return NotKeeper();
  PromiseForm typed = form;
  typed.source = SourceName(Source::kTalk);
  typed.source_note = meeting_note;
  int64_t now = clock_.NowUnixSeconds();
  CheckedPromise checked = CheckPromiseForm(typed, zone_, days_, now);
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
  Promise p = std::move(checked.promise);
  p.platform_id = platform.id;
  p.meeting_id = meeting_id;
  p.status = Status::kOpen;
  p.created_by = user.id;
  p.created_at = p.updated_at = now;
  WP_ASSIGN_OR_RETURN(int64_t id, PromiseStore::Insert(c, p));
  WP_TRY_VOID(PromiseStore::Append(c, id, {now, user.id, "", EntryKind::kCreated, "", "open", OwnerLine(p.owner)}));
  return id;
}

Result<PromiseView> PromiseCommands::LoadForChange(db::Connection& c, const auth::User& user,
                                                   int64_t promise_id) const {
  WP_ASSIGN_OR_RETURN(auto found, PromiseStore::Find(c, promise_id));
  if (!found) return PromiseNotFound();
  WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(found->platform_id));
  if (!platform) return PromiseNotFound();
  if (!Keeps(user, *platform)) return NotKeeper();
  return PromiseView{std::move(*found), std::move(*platform), {}};
}

Result<void> PromiseCommands::Update(const auth::User& user, int64_t promise_id, const UpdateForm& form) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(PromiseView v, LoadForChange(c, user, promise_id));
    Promise& p = v.promise;
    CheckedUpdate checked = CheckUpdateForm(form, p.status);
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    int64_t now = clock_.NowUnixSeconds();
    Entry e{now, user.id, "", EntryKind::kUpdate, "", "", checked.text};
    if (checked.status != p.status) {
      e.kind = EntryKind::kStatus;
      e.from = StatusName(p.status);
      e.to = StatusName(checked.status);
      p.status = checked.status;
      p.status_reason = p.status == Status::kDropped ? checked.text : "";
    }
    p.updated_at = now;
    WP_TRY_VOID(PromiseStore::SaveState(c, p));
    return PromiseStore::Append(c, p.id, e);
  });
}

Result<void> PromiseCommands::Handover(const auth::User& user, int64_t promise_id, const HandoverForm& form) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(PromiseView v, LoadForChange(c, user, promise_id));
    Promise& p = v.promise;
    if (p.status != Status::kOpen) return Conflict("promise closed", "promises.error.closed");
    CheckedHandover checked = CheckHandoverForm(form, p.owner);
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    int64_t now = clock_.NowUnixSeconds();
    Entry e{now, user.id, "", EntryKind::kHandover, OwnerLine(p.owner), OwnerLine(checked.owner), checked.note};
    p.owner = checked.owner;
    p.updated_at = now;
    WP_TRY_VOID(PromiseStore::SaveState(c, p));
    return PromiseStore::Append(c, p.id, e);
  });
}

Result<PromiseView> PromiseCommands::PromiseOf(int64_t promise_id) const {
  WP_ASSIGN_OR_RETURN(auto found, db_.Read([&](db::Connection& c) { return PromiseStore::Find(c, promise_id); }));
  if (!found) return PromiseNotFound();
  WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(found->platform_id));
  if (!platform) return PromiseNotFound();
  PromiseView v{std::move(*found), std::move(*platform), {}};
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(v.history, PromiseStore::History(c, promise_id));
    std::vector<int64_t> ids;
    for (const auto& h : v.history) ids.push_back(h.actor_id);
    WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
    for (auto& h : v.history) {
      auto it = people.find(h.actor_id);
      if (it != people.end()) h.actor_name = it->second.display_name;
    }
    return Ok();
  }));
  return v;
}

Result<std::vector<Promise>> PromiseCommands::OfPlatform(int64_t platform_id) const {
  return db_.Read([&](db::Connection& c) { return PromiseStore::OfPlatform(c, platform_id); });
}

Result<std::map<std::string, std::vector<LateItem>>> PromiseCommands::LateByBorough(const auth::User& user) const {
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(auto late, db_.Read([&](db::Connection& c) { return PromiseStore::Late(c, now); }));
  std::map<std::string, std::vector<LateItem>> out;
  for (auto& p : late) {
    WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(p.platform_id));
    if (!platform || !Keeps(user, *platform)) continue;
    int days = WorkingDaysLate(p, zone_, days_, now);
    out[platform->borough_slug].push_back({std::move(p), std::move(*platform), days});
  }
  return out;
}

Result<std::vector<contracts::Commitment>> PromiseCommands::ContractCommitments(int64_t platform_id) const {
  if (!contracts_) return std::vector<contracts::Commitment>();
  return contracts_->MunicipalCommitments(platform_id);
}

}  // namespace wp::promises
