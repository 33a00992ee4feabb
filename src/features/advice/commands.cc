#include "features/advice/commands.h"

#include <algorithm>
#include <set>

#include "core/mail/outbox.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "features/advice/search_entries.h"
#include "features/advice/status_flow.h"

namespace wp::advice {

namespace {

Error FlowError(FlowProblem p) { return Conflict("status change not allowed", std::string(FlowProblemKey(p))); }

Error RequestNotFound() { return NotFound("advice request", "advice.request.not_found"); }
Error AdviceNotFound() { return NotFound("advice", "advice.advice.not_found"); }

}  // namespace

AdviceCommands::AdviceCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
                               const platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                               const time::TimeZone& zone, const files::BlobStore& files, AdviceSettings settings,
                               const search::Index* index)
    : db_(db),
      clock_(clock),
      catalog_(catalog),
      directory_(directory),
      roles_(roles),
      zone_(zone),
      files_(files),
      settings_(std::move(settings)),
      index_(index) {}

Result<std::vector<platforms::Platform>> AdviceCommands::PlatformsOf(const std::vector<int64_t>& ids) const {
  std::vector<platforms::Platform> out;
  for (int64_t id : ids) {
    WP_ASSIGN_OR_RETURN(auto p, directory_.FindById(id));
    if (p) out.push_back(std::move(*p));
  }
  return out;
}

std::string AdviceCommands::PlatformName(int64_t platform_id) const {
  auto p = directory_.FindById(platform_id);
  return p.has_value() && *p ? (*p)->name : "";
}

bool AdviceCommands::IsOfficialOf(const auth::User& user, const std::vector<platforms::Platform>& platforms) const {
  if (platforms.empty()) return false;
  for (const auto& p : platforms) {
    if (!Can(user, Action::kAskAdvice, platforms::PlatformScope(p.id), p.borough_slug)) return false;
  }
  return true;
}

bool AdviceCommands::MayRead(const std::optional<auth::User>& user, const AdviceRequest& r,
                             const std::vector<platforms::Platform>& platforms) const {
  if (!IsPublished(r.status)) return user && IsOfficialOf(*user, platforms);
  if (!r.confidential) return true;
  if (!user) return false;
  for (const auto& p : platforms) {
    if (Can(*user, Action::kReadConfidential, platforms::PlatformScope(p.id), p.borough_slug)) return true;
  }
  return false;
}

Result<void> AdviceCommands::Mail(db::Connection& c, const std::string& to, const std::string& locale,
                                  const std::string& subject_key, const std::string& body_key, const i18n::Args& args) {
  mail::OutgoingMail m;
  m.to = to;
  m.subject = settings_.site_name + ": " + catalog_.Format(locale, subject_key, args);
  m.body_text = catalog_.Format(locale, body_key, args) + "\n";
  WP_TRY_VOID(mail::Enqueue(c, m, clock_.NowUnixSeconds()));
  return Ok();
}

Result<void> AdviceCommands::MailKernteam(db::Connection& c, const platforms::Platform& p,
                                          const std::string& subject_key, const std::string& body_key, i18n::Args args,
                                          std::optional<int64_t> date_utc, std::set<std::string>* sent_to) {
  args.push_back({"platform", p.name});
  // The date (the request's deadline) in each recipient's language.
  auto with_date = [&](const std::string& locale) {
    i18n::Args out = args;
    if (date_utc) out.push_back({"deadline", time::FormatPeriodEnd(zone_, *date_utc, locale)});
    return out;
  };
  WP_ASSIGN_OR_RETURN(auto kernteam, roles_.Holders(c, auth::Role::kKernteamMember, platforms::PlatformScope(p.id)));
  std::set<std::string> sent;
  for (const auto& person : kernteam) {
    if (!sent.insert(ToLower(person.email)).second) continue;
    WP_TRY_VOID(Mail(c, person.email, person.locale, subject_key, body_key, with_date(person.locale)));
  }
  if (IsPlausibleEmail(p.contact_email) && sent.insert(ToLower(p.contact_email)).second) {
    WP_TRY_VOID(Mail(c, p.contact_email, "nl", subject_key, body_key, with_date("nl")));
  }
  if (sent_to) sent_to->insert(sent.begin(), sent.end());
  return Ok();
}

Result<std::vector<HistoryEntry>> AdviceCommands::Named(db::Connection& c, std::vector<HistoryEntry> history) const {
  std::vector<int64_t> ids;
  for (const auto& h : history) ids.push_back(h.actor_id);
  WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
  for (auto& h : history) {
    auto it = people.find(h.actor_id);
    if (it != people.end()) h.actor_name = it->second.display_name;
  }
  return history;
}

Result<int64_t> AdviceCommands::CreateRequest(const auth::User& user, const RequestForm& form,
                                              const std::vector<Upload>& uploads) {
  int64_t now = clock_.NowUnixSeconds();
  CheckedRequest checked = CheckRequestForm(form, zone_, days_, now);
  WP_ASSIGN_OR_RETURN(auto platforms, PlatformsOf(checked.request.platform_ids));
  if (checked.errors.empty() && platforms.size() != checked.request.platform_ids.size()) {
    checked.errors.push_back({"platforms", kNoPlatform});
  }
  for (auto& e : UploadErrors(uploads, 0)) checked.errors.push_back(std::move(e));
  if (!IsOfficial(user) || (checked.errors.empty() && !IsOfficialOf(user, platforms))) {
    return Forbidden("may not ask these platforms", "advice.error.forbidden");
  }
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
  WP_ASSIGN_OR_RETURN(auto stored, PutUploads(uploads));
  AdviceRequest r = std::move(checked.request);
  r.status = RequestStatus::kDraft;
  r.created_by = user.id;
  r.created_at = r.updated_at = now;
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(int64_t id, AdviceStore::InsertRequest(c, r));
    WP_TRY_VOID(AdviceStore::AppendHistory(c, {id, std::nullopt},
                                           {now, user.id, "", "", std::string(RequestStatusName(r.status)), ""}));
    WP_TRY_VOID(SaveAttachments(c, user, {id, std::nullopt}, stored));
    return id;
  });
}

Result<std::vector<platforms::Platform>> AdviceCommands::PlatformsOfRequest(int64_t request_id) const {
  WP_ASSIGN_OR_RETURN(auto r, db_.Read([&](db::Connection& c) { return AdviceStore::FindRequest(c, request_id); }));
  if (!r) return RequestNotFound();
  return PlatformsOf(r->platform_ids);
}

Result<AdviceRequest> AdviceCommands::LoadForChange(db::Connection& c, const auth::User& user, int64_t id,
                                                    RequestStatus to,
                                                    const std::vector<platforms::Platform>& platforms) {
  WP_ASSIGN_OR_RETURN(auto found, AdviceStore::FindRequest(c, id));
  if (!found) return RequestNotFound();
  if (!IsOfficialOf(user, platforms)) {
    if (!MayRead(user, *found, platforms)) return RequestNotFound();
    return Forbidden("not an official of these platforms", "advice.error.forbidden");
  }
  if (auto problem = CheckRequestTransition(found->status, to)) return FlowError(*problem);
  return *found;
}

Result<void> AdviceCommands::ChangeRequest(db::Connection& c, const auth::User& user, const AdviceRequest& r,
                                           RequestStatus to, const std::string& note) {
  int64_t now = clock_.NowUnixSeconds();
  WP_TRY_VOID(AdviceStore::SetRequestStatus(c, r.id, to, now));
  AdviceRequest changed = r;
  changed.status = to;
  WP_TRY_VOID(IndexRequest(c, changed));
  return AdviceStore::AppendHistory(
      c, {r.id, std::nullopt},
      {now, user.id, "", std::string(RequestStatusName(r.status)), std::string(RequestStatusName(to)), note});
}

Result<void> AdviceCommands::IndexRequest(db::Connection& c, const AdviceRequest& r) const {
  if (!index_) return Ok();
  return index_->Replace(c, kRequestSource, r.id, RequestEntries(r));
}

Result<void> AdviceCommands::IndexAdvice(db::Connection& c, const Advice& a) const {
  if (!index_) return Ok();
  WP_TRY_VOID(index_->Replace(c, kAdviceSource, a.id, AdviceEntries(a)));
  return index_->Replace(c, kAnswerSource, a.id, AnswerEntries(a));
}

Result<void> AdviceCommands::SendRequest(const auth::User& user, int64_t request_id) {
  WP_ASSIGN_OR_RETURN(auto platforms, PlatformsOfRequest(request_id));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(AdviceRequest r, LoadForChange(c, user, request_id, RequestStatus::kOpen, platforms));
    if (r.deadline_at <= clock_.NowUnixSeconds()) return FormInvalid({{"deadline", kPastDeadline}});
    WP_TRY_VOID(ChangeRequest(c, user, r, RequestStatus::kOpen, ""));
    for (const auto& p : platforms) {
      i18n::Args args = {{"subject", r.subject},
                         {"contact", r.contact_name + " <" + r.contact_email + ">"},
                         {"url", RequestUrl(r.id)}};
      WP_TRY_VOID(MailKernteam(c, p, "advice.mail.request_subject", "advice.mail.request_body", args, r.deadline_at));
    }
    return Ok();
  });
}

Result<void> AdviceCommands::WithdrawRequest(const auth::User& user, int64_t request_id, const std::string& reason) {
  std::string_view why = Trim(reason);
  WP_ASSIGN_OR_RETURN(auto platforms, PlatformsOfRequest(request_id));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(AdviceRequest r, LoadForChange(c, user, request_id, RequestStatus::kWithdrawn, platforms));
    if (why.empty()) return FormInvalid({{"reason", kMissingReason}});
    if (why.size() > kMaxTextBytes || !IsValidUtf8(why)) {
      return FormInvalid({{"reason", kTooLong, {{"max", static_cast<int64_t>(kMaxTextBytes)}}}});
    }
    WP_TRY_VOID(ChangeRequest(c, user, r, RequestStatus::kWithdrawn, std::string(why)));
    if (r.status == RequestStatus::kDraft) return Ok();  // nobody was told of it
    for (const auto& p : platforms) {
      i18n::Args args = {{"subject", r.subject}, {"reason", std::string(why)}, {"url", RequestUrl(r.id)}};
      WP_TRY_VOID(MailKernteam(c, p, "advice.mail.withdrawn_subject", "advice.mail.withdrawn_body", args));
    }
    return Ok();
  });
}

Result<void> AdviceCommands::CloseRequest(const auth::User& user, int64_t request_id) {
  WP_ASSIGN_OR_RETURN(auto platforms, PlatformsOfRequest(request_id));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(AdviceRequest r, LoadForChange(c, user, request_id, RequestStatus::kClosed, platforms));
    return ChangeRequest(c, user, r, RequestStatus::kClosed, "");
  });
}

Result<int64_t> AdviceCommands::CreateAdvice(const auth::User& user, const platforms::Platform& p,
                                             std::optional<int64_t> request_id, const AdviceForm& form,
                                             const std::vector<Upload>& uploads) {
  if (!Can(user, Action::kWriteAdvice, platforms::PlatformScope(p.id), p.borough_slug)) {
    return Forbidden("not the kernteam", "advice.error.not_kernteam");
  }
  CheckedAdvice checked = CheckAdviceForm(form, !request_id.has_value());
  for (auto& e : UploadErrors(uploads, 0)) checked.errors.push_back(std::move(e));
  std::vector<Attachment> stored;
  if (checked.errors.empty()) {
    WP_ASSIGN_OR_RETURN(stored, PutUploads(uploads));
  }
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    Advice a = checked.advice;
    if (request_id) {
      WP_ASSIGN_OR_RETURN(auto r, AdviceStore::FindRequest(c, *request_id));
      if (!r || !IsPublished(r->status) ||
          std::find(r->platform_ids.begin(), r->platform_ids.end(), p.id) == r->platform_ids.end()) {
        return RequestNotFound();
      }
      if (!AcceptsAdvice(r->status)) return Conflict("request takes no advice", "advice.error.request_closed");
      WP_ASSIGN_OR_RETURN(auto existing, AdviceStore::Advices(c, r->id, 0));
      for (const auto& e : existing) {
        if (e.platform_id == p.id) return Conflict("already advised", "advice.error.already_advised");
      }
      a.confidential = r->confidential;
    }
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    a.platform_id = p.id;
    a.request_id = request_id;
    a.status = AdviceStatus::kDraft;
    a.created_by = user.id;
    a.created_at = now;
    WP_ASSIGN_OR_RETURN(int64_t id, AdviceStore::InsertAdvice(c, a));
    WP_TRY_VOID(AdviceStore::AppendHistory(c, {std::nullopt, id},
                                           {now, user.id, "", "", std::string(AdviceStatusName(a.status)), ""}));
    WP_TRY_VOID(SaveAttachments(c, user, {std::nullopt, id}, stored));
    return id;
  });
}

Result<void> AdviceCommands::FollowAdvice(db::Connection& c, const auth::User& user, int64_t request_id) {
  WP_ASSIGN_OR_RETURN(auto r, AdviceStore::FindRequest(c, request_id));
  if (!r) return RequestNotFound();
  WP_ASSIGN_OR_RETURN(auto advices, AdviceStore::Advices(c, request_id, 0));
  int submitted = 0, answered = 0;
  for (const auto& a : advices) {
    if (a.status != AdviceStatus::kDraft) ++submitted;
    if (a.status == AdviceStatus::kAnswered) ++answered;
  }
  RequestStatus next = StatusAfterAdvice(r->status, submitted, answered);
  if (next == r->status) return Ok();
  if (auto problem = CheckRequestTransition(r->status, next)) return FlowError(*problem);
  return ChangeRequest(c, user, *r, next, "");
}

Result<void> AdviceCommands::SubmitAdvice(const auth::User& user, const platforms::Platform& p, int64_t advice_id) {
  if (!Can(user, Action::kWriteAdvice, platforms::PlatformScope(p.id), p.borough_slug)) {
    return Forbidden("not the kernteam", "advice.error.not_kernteam");
  }
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto found, AdviceStore::FindAdvice(c, advice_id));
    if (!found || found->platform_id != p.id) return AdviceNotFound();
    Advice a = *found;
    if (auto problem = CheckAdviceTransition(a.status, AdviceStatus::kSubmitted)) return FlowError(*problem);
    std::optional<AdviceRequest> r;
    if (a.request_id) {
      WP_ASSIGN_OR_RETURN(r, AdviceStore::FindRequest(c, *a.request_id));
      if (!r) return RequestNotFound();
      if (!AcceptsAdvice(r->status)) return Conflict("request takes no advice", "advice.error.request_closed");
    }
    int64_t now = clock_.NowUnixSeconds();
    a.status = AdviceStatus::kSubmitted;
    a.submitted_at = now;
    a.answer_due_at = AnswerDueAt(zone_, days_, now, settings_.answer_weeks);
    WP_TRY_VOID(AdviceStore::SaveAdviceState(c, a));
    WP_TRY_VOID(IndexAdvice(c, a));
    WP_TRY_VOID(AdviceStore::AppendHistory(c, {std::nullopt, a.id}, {now, user.id, "", "draft", "submitted", ""}));
    if (r) {
      WP_TRY_VOID(FollowAdvice(c, user, r->id));
      i18n::Args args = {{"platform", p.name},
                         {"subject", r->subject},
                         {"due", time::FormatPeriodEnd(zone_, *a.answer_due_at, "nl")},
                         {"url", AdviceUrl(a.id)}};
      WP_TRY_VOID(Mail(c, r->contact_email, "nl", "advice.mail.advice_subject", "advice.mail.advice_body", args));
    }
    return Ok();
  });
}

Result<void> AdviceCommands::AnswerAdvice(const auth::User& user, int64_t advice_id,
                                          const std::vector<PointAnswer>& answers) {
  // The platform of an advice never changes: found before the transaction.
  WP_ASSIGN_OR_RETURN(auto before, db_.Read([&](db::Connection& c) { return AdviceStore::FindAdvice(c, advice_id); }));
  if (!before || before->status == AdviceStatus::kDraft) return AdviceNotFound();
  WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(before->platform_id));
  if (!platform) return AdviceNotFound();
  if (!Can(user, Action::kAnswer, platforms::PlatformScope(platform->id), platform->borough_slug)) {
    return Forbidden("may not answer", "advice.error.forbidden");
  }
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto found, AdviceStore::FindAdvice(c, advice_id));
    if (!found) return AdviceNotFound();
    Advice a = *found;
    if (auto problem = CheckAdviceTransition(a.status, AdviceStatus::kAnswered)) return FlowError(*problem);
    std::vector<AdvicePoint> verdicts;
    auto errors = CheckAnswer(answers, a.points.size(), &verdicts);
    if (!errors.empty()) return FormInvalid(std::move(errors));
    for (size_t i = 0; i < a.points.size(); ++i) {
      a.points[i].verdict = verdicts[i].verdict;
      a.points[i].reason = verdicts[i].reason;
    }
    int64_t now = clock_.NowUnixSeconds();
    a.status = AdviceStatus::kAnswered;
    a.answered_at = now;
    WP_TRY_VOID(AdviceStore::SaveAdviceState(c, a));
    WP_TRY_VOID(IndexAdvice(c, a));
    WP_TRY_VOID(AdviceStore::AppendHistory(c, {std::nullopt, a.id}, {now, user.id, "", "submitted", "answered", ""}));
    if (a.request_id) {
      WP_TRY_VOID(FollowAdvice(c, user, *a.request_id));
    }
    i18n::Args args = {{"title", a.title}, {"url", AdviceUrl(a.id)}};
    std::set<std::string> sent;
    WP_TRY_VOID(
        MailKernteam(c, *platform, "advice.mail.answer_subject", "advice.mail.answer_body", args, std::nullopt, &sent));
    return MailContributors(c, a, sent);
  });
}

Result<RequestThread> AdviceCommands::Request(const std::optional<auth::User>& user, int64_t request_id) const {
  WP_ASSIGN_OR_RETURN(auto found, db_.Read([&](db::Connection& c) { return AdviceStore::FindRequest(c, request_id); }));
  if (!found) return RequestNotFound();
  RequestThread t;
  t.request = std::move(*found);
  WP_ASSIGN_OR_RETURN(t.platforms, PlatformsOf(t.request.platform_ids));
  if (!MayRead(user, t.request, t.platforms)) return RequestNotFound();
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto advices, AdviceStore::Advices(c, request_id, 0));
    for (auto& a : advices) {
      if (a.status != AdviceStatus::kDraft) t.advices.push_back(std::move(a));
    }
    WP_ASSIGN_OR_RETURN(auto history, AdviceStore::History(c, {request_id, std::nullopt}));
    WP_ASSIGN_OR_RETURN(t.history, Named(c, std::move(history)));
    return Ok();
  }));
  return t;
}

Result<AdviceThread> AdviceCommands::AdviceOf(const std::optional<auth::User>& user, int64_t advice_id) const {
  WP_ASSIGN_OR_RETURN(auto found, db_.Read([&](db::Connection& c) { return AdviceStore::FindAdvice(c, advice_id); }));
  if (!found) return AdviceNotFound();
  AdviceThread t;
  t.advice = std::move(*found);
  WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(t.advice.platform_id));
  if (!platform) return AdviceNotFound();
  t.platform = std::move(*platform);
  std::string scope = platforms::PlatformScope(t.platform.id);
  bool kernteam = user && Can(*user, Action::kWriteAdvice, scope, t.platform.borough_slug);
  if (t.advice.status == AdviceStatus::kDraft && !kernteam) return AdviceNotFound();
  if (t.advice.confidential && !(user && Can(*user, Action::kReadConfidential, scope, t.platform.borough_slug))) {
    return AdviceNotFound();
  }
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    if (t.advice.request_id) {
      WP_ASSIGN_OR_RETURN(t.request, AdviceStore::FindRequest(c, *t.advice.request_id));
    }
    WP_ASSIGN_OR_RETURN(auto history, AdviceStore::History(c, {std::nullopt, advice_id}));
    WP_ASSIGN_OR_RETURN(t.history, Named(c, std::move(history)));
    return Ok();
  }));
  return t;
}

Result<std::vector<AdviceRequest>> AdviceCommands::Requests(const std::optional<auth::User>& user,
                                                            int64_t platform_id) const {
  WP_ASSIGN_OR_RETURN(auto all, db_.Read([&](db::Connection& c) { return AdviceStore::Requests(c, platform_id); }));
  std::vector<AdviceRequest> out;
  for (auto& r : all) {
    WP_ASSIGN_OR_RETURN(auto platforms, PlatformsOf(r.platform_ids));
    if (MayRead(user, r, platforms)) out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<Advice>> AdviceCommands::AdvicesOf(const std::optional<auth::User>& user,
                                                      const platforms::Platform& p) const {
  WP_ASSIGN_OR_RETURN(auto all, db_.Read([&](db::Connection& c) { return AdviceStore::Advices(c, 0, p.id); }));
  std::string scope = platforms::PlatformScope(p.id);
  bool kernteam = user && Can(*user, Action::kWriteAdvice, scope, p.borough_slug);
  bool confidential = user && Can(*user, Action::kReadConfidential, scope, p.borough_slug);
  std::vector<Advice> out;
  for (auto& a : all) {
    if (a.status == AdviceStatus::kDraft && !kernteam) continue;
    if (a.confidential && !confidential) continue;
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<Advice>> AdviceCommands::PublicAdvices(const std::optional<auth::User>& user) const {
  WP_ASSIGN_OR_RETURN(auto all, db_.Read([&](db::Connection& c) { return AdviceStore::Advices(c, 0, 0); }));
  std::vector<Advice> out;
  for (auto& a : all) {
    if (a.status == AdviceStatus::kDraft) continue;
    if (a.confidential) {
      WP_ASSIGN_OR_RETURN(auto p, directory_.FindById(a.platform_id));
      if (!p || !user || !Can(*user, Action::kReadConfidential, platforms::PlatformScope(p->id), p->borough_slug)) {
        continue;
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<platforms::Platform>> AdviceCommands::KernteamPlatforms(const auth::User& user) const {
  std::vector<int64_t> ids;
  for (const auto& g : user.grants) {
    if (g.role != auth::Role::kKernteamMember) continue;
    if (auto id = ParseId(g.scope)) ids.push_back(*id);
  }
  return PlatformsOf(ids);
}

Result<std::vector<Advice>> AdviceCommands::AwaitingAnswer(const auth::User& user) const {
  WP_ASSIGN_OR_RETURN(auto all, db_.Read([&](db::Connection& c) { return AdviceStore::AwaitingAnswer(c); }));
  std::vector<Advice> out;
  for (auto& a : all) {
    WP_ASSIGN_OR_RETURN(auto p, directory_.FindById(a.platform_id));
    if (p && Can(user, Action::kAnswer, platforms::PlatformScope(p->id), p->borough_slug)) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace wp::advice
