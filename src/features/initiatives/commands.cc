#include "features/initiatives/commands.h"

#include <algorithm>

#include "core/mail/addresses.h"
#include "core/mail/outbox.h"
#include "core/strings.h"
#include "core/time/format.h"

namespace wp::initiatives {

namespace {

std::string Trimmed(const std::string& s) { return std::string(Trim(s)); }

Compass Clean(Compass c) {
  for (std::string* s :
       {&c.title, &c.what, &c.neighbourhood_code, &c.place, &c.when, &c.helpers, &c.needs_detail, &c.initiator_name}) {
    *s = Trimmed(*s);
  }
  return c;
}

// The first `max` characters (code points) of valid UTF-8 `s`.
std::string CutChars(const std::string& s, size_t max) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == max) return s.substr(0, i);
  }
  return s;
}

}  // namespace

InitiativeCommands::InitiativeCommands(db::Database& db, const Clock& clock, Random& random, const time::TimeZone& zone,
                                       const i18n::Catalog& catalog, const geography::GeographyService& geography,
                                       const platforms::PlatformDirectory& platforms, const accounts::Roles& roles,
                                       InitiativesSettings settings, const budgets::EditionDirectory* editions)
    : db_(db),
      clock_(clock),
      random_(random),
      zone_(zone),
      catalog_(catalog),
      geography_(geography),
      platforms_(platforms),
      roles_(roles),
      settings_(std::move(settings)),
      editions_(editions),
      working_days_(settings_.closed_days) {}

ClockView InitiativeCommands::ClockOf(const Initiative& i) const {
  ClockView v;
  if (!i.submitted_at) return v;
  int64_t now = clock_.NowUnixSeconds();
  v.running = IsCheckRunning(i.status);
  v.contact_due_at = i.contact_due_at;
  v.answer_due_at = i.answer_due_at;
  v.days_left = WorkingDaysLeft(zone_, working_days_, now, i.answer_due_at);
  v.days_overdue = WorkingDaysOverdue(zone_, working_days_, now, i.answer_due_at);
  v.escalation = EscalationOf(zone_, working_days_, i.status, {i.contact_due_at, i.answer_due_at}, now);
  return v;
}

Result<InitiativeCommands::Placed> InitiativeCommands::Place(const Compass& compass,
                                                             std::vector<FieldError>& errors) const {
  Placed p;
  if (compass.neighbourhood_code.empty()) return p;
  auto m = geography_.current();
  auto code = geography::NeighbourhoodCode::Parse(compass.neighbourhood_code);
  const geography::Neighbourhood* n = code ? geography::FindNeighbourhood(*m, *code) : nullptr;
  if (!n) {
    errors.push_back({"neighbourhood", kUnknownNeighbourhood});
    return p;
  }
  const geography::Borough* b = geography::FindBorough(*m, n->borough);
  p.district_code = n->district_code.str();
  p.borough_slug = b ? b->slug : "";
  if (compass.link_platform) {
    WP_ASSIGN_OR_RETURN(auto found, platforms_.ActiveForDistrict(p.district_code));
    if (!found.empty()) p.platform_id = found.front().id;
  }
  return p;
}

Result<void> InitiativeCommands::AddHistory(db::Connection& c, const Initiative& i, int64_t now,
                                            const std::string& kind, const std::string& text, bool is_public,
                                            const auth::User* who) const {
  HistoryEntry e;
  e.initiative_id = i.id;
  e.at = now;
  e.kind = kind;
  e.text = text;
  e.is_public = is_public;
  if (who && who->id != 0) e.actor_user_id = who->id;
  if (who) e.actor_name = who->display_name;
  WP_TRY_VOID(InitiativeStore::InsertHistory(c, e));
  return Ok();
}

Result<void> InitiativeCommands::Move(db::Connection& c, Initiative& i, InitiativeStatus to, Actor actor,
                                      const auth::User* who, int64_t now) const {
  if (auto problem = CheckTransition(i.status, i.answer, to, actor)) {
    return FormInvalid({{"status", std::string(FlowProblemKey(*problem))}}, "status change refused");
  }
  if (to == InitiativeStatus::kSubmitted) {
    i.submitted_at = now;
    CheckDeadlines d = DeadlinesFor(zone_, working_days_, now);
    i.contact_due_at = d.contact_due_at;
    i.answer_due_at = d.answer_due_at;
  }
  i.status = to;
  i.updated_at = now;
  WP_TRY_VOID(InitiativeStore::Update(c, i));
  return AddHistory(c, i, now, "status", std::string(StatusName(to)), true, who);
}

Result<bool> InitiativeCommands::MailInitiator(db::Connection& c, const Initiative& i, const std::string& key,
                                               i18n::Args args, int64_t now, bool always) const {
  if (i.email.empty() || (!i.email_verified && !always)) return false;
  std::string token = auth::NewToken(random_);
  WP_TRY_VOID(InitiativeStore::InsertLink(c, auth::TokenHash(token), i.id, "mail", now));
  args.push_back({"number", InitiativeNumber(i.id)});
  args.push_back({"title", i.compass.title});
  args.push_back({"link", settings_.base_url + "/initiatieven/volg/" + token});
  args.push_back({"site", settings_.site_name});
  mail::OutgoingMail m;
  m.to = i.email;
  m.subject = catalog_.Format(i.locale, "initiatives.mail." + key + ".subject", args);
  m.body_text = catalog_.Format(i.locale, "initiatives.mail." + key + ".body", args);
  // The receipt's link confirms the address (ForInitiator): it goes to an
  // unverified address as a check mail would; every later mail waits for that.
  m.proves_control = always;
  WP_TRY_VOID(mail::Enqueue(c, m, now));
  return true;
}

// --- the initiator

Result<Created> InitiativeCommands::Create(const NewInitiative& raw, const std::optional<auth::User>& user) {
  Compass compass = Clean(raw.compass);
  std::vector<FieldError> errors = raw.submit ? CheckSubmission(compass) : CheckDraft(compass);
  bool signed_in = user && user->id != 0;
  std::string email = signed_in ? user->email : ToLower(Trim(raw.email));
  if (!signed_in) {
    if (email.empty()) {
      errors.push_back({"email", kMissing});
    } else if (!IsPlausibleEmail(email)) {
      errors.push_back({"email", kBadEmail});
    }
  }
  WP_ASSIGN_OR_RETURN(Placed where, Place(compass, errors));
  if (!errors.empty()) return FormInvalid(errors, "initiative form has errors");
  int64_t now = clock_.NowUnixSeconds();
  std::string follow = auth::NewToken(random_);
  return db_.Write([&](db::Connection& c) -> Result<Created> {
    Initiative i;
    i.compass = compass;
    i.district_code = where.district_code;
    i.borough_slug = where.borough_slug;
    if (signed_in) i.user_id = user->id;
    i.email = email;
    i.locale = i18n::IsSupportedLocale(raw.locale) ? raw.locale : "nl";
    i.email_verified = signed_in;
    i.platform_id = where.platform_id;
    i.created_at = i.updated_at = now;
    WP_ASSIGN_OR_RETURN(i.id, InitiativeStore::Insert(c, i));
    WP_TRY_VOID(InitiativeStore::InsertLink(c, auth::TokenHash(follow), i.id, "follow", now));
    WP_TRY_VOID(AddHistory(c, i, now, "created", "", false, signed_in ? &*user : nullptr));
    if (raw.from_plan) {
      WP_TRY_VOID(InitiativeStore::InsertPlanSource(c, raw.from_plan->plan_id, i.id, raw.from_plan->path, now));
      WP_TRY_VOID(AddHistory(c, i, now, "from_plan", raw.from_plan->path, false, signed_in ? &*user : nullptr));
    }
    Created out{i.id, follow, raw.submit, false};
    if (raw.submit) WP_TRY_VOID(Move(c, i, InitiativeStatus::kSubmitted, Actor::kInitiator, nullptr, now));
    WP_ASSIGN_OR_RETURN(out.mail_sent,
                        MailInitiator(c, i, raw.submit ? "submitted" : "draft",
                                      {{"due", time::FormatPeriodEnd(zone_, i.answer_due_at, i.locale)}}, now, true));
    return out;
  });
}

Result<Initiative> InitiativeCommands::LoadForInitiator(db::Connection& c, const InitiatorKey& key,
                                                        bool* by_mail_link) const {
  std::optional<Initiative> found;
  if (!key.token.empty()) {
    if (!auth::LooksLikeToken(key.token)) return NotFound("bad initiative token", "initiatives.follow.unknown");
    WP_ASSIGN_OR_RETURN(auto link, InitiativeStore::ByLink(c, auth::TokenHash(key.token)));
    if (!link) return NotFound("unknown initiative token", "initiatives.follow.unknown");
    if (by_mail_link) *by_mail_link = link->second == "mail";
    WP_ASSIGN_OR_RETURN(found, InitiativeStore::Find(c, link->first));
  } else if (key.user && key.user->id != 0) {
    WP_ASSIGN_OR_RETURN(found, InitiativeStore::Find(c, key.id));
    if (found && found->user_id != key.user->id) found.reset();
  }
  if (!found) return NotFound("no such initiative of this initiator", "initiatives.follow.unknown");
  return *found;
}

Result<InitiatorView> InitiativeCommands::ForInitiator(const InitiatorKey& key) {
  bool by_mail = false;
  WP_ASSIGN_OR_RETURN(auto view, db_.Read([&](db::Connection& c) -> Result<InitiatorView> {
    InitiatorView v;
    WP_ASSIGN_OR_RETURN(v.initiative, LoadForInitiator(c, key, &by_mail));
    WP_ASSIGN_OR_RETURN(v.history, InitiativeStore::HistoryOf(c, v.initiative.id, false));
    std::erase_if(v.history, [](const HistoryEntry& e) { return e.kind == "task" || e.kind == "task_answered"; });
    WP_ASSIGN_OR_RETURN(v.conditions, InitiativeStore::ConditionsOf(c, v.initiative.id));
    WP_ASSIGN_OR_RETURN(auto tasks, InitiativeStore::TasksOf(c, v.initiative.id));
    for (const auto& t : tasks) v.open_tasks += t.answered_at ? 0 : 1;
    WP_ASSIGN_OR_RETURN(v.subsidies, InitiativeStore::SubsidiesOf(c, v.initiative.id));
    WP_ASSIGN_OR_RETURN(v.files, InitiativeStore::FilesOf(c, v.initiative.id));
    return v;
  }));
  view.may_apply = settings_.subsidy_limits.per_initiative > Money{} &&
                   MayApply(view.initiative.status, view.initiative.answer) &&
                   std::none_of(view.subsidies.begin(), view.subsidies.end(), IsOpen);
  view.subsidy_left = settings_.subsidy_limits.per_initiative - CommittedTotal(view.subsidies);
  if (by_mail && !view.initiative.email_verified) {
    // A link from a mail reached its owner: the address is confirmed (written only this once).
    WP_ASSIGN_OR_RETURN([[maybe_unused]] bool done, db_.Write([&](db::Connection& c) -> Result<bool> {
      WP_ASSIGN_OR_RETURN(auto fresh, InitiativeStore::Find(c, view.initiative.id));
      if (!fresh) return false;
      fresh->email_verified = true;
      WP_TRY_VOID(InitiativeStore::Update(c, *fresh));
      // Verified for the whole site: held mail to it goes out (core/mail/addresses.h).
      WP_TRY_VOID(mail::MarkVerified(c, fresh->email, clock_.NowUnixSeconds()));
      return true;
    }));
    view.initiative.email_verified = true;
  }
  view.clock = ClockOf(view.initiative);
  if (view.initiative.platform_id) {
    WP_ASSIGN_OR_RETURN(auto p, platforms_.FindById(*view.initiative.platform_id));
    if (p) view.platform_name = p->name;
  }
  return view;
}

Result<void> InitiativeCommands::SaveDraft(const InitiatorKey& key, const Compass& raw, bool submit) {
  Compass compass = Clean(raw);
  std::vector<FieldError> errors = submit ? CheckSubmission(compass) : CheckDraft(compass);
  WP_ASSIGN_OR_RETURN(Placed where, Place(compass, errors));
  if (!errors.empty()) return FormInvalid(errors, "initiative form has errors");
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    if (i.status != InitiativeStatus::kDraft) return Conflict("not a draft", "initiatives.draft.not_draft");
    i.compass = compass;
    i.district_code = where.district_code;
    i.borough_slug = where.borough_slug;
    i.platform_id = where.platform_id;
    i.updated_at = now;
    WP_TRY_VOID(InitiativeStore::Update(c, i));
    if (submit) {
      WP_TRY_VOID(Move(c, i, InitiativeStatus::kSubmitted, Actor::kInitiator, key.user ? &*key.user : nullptr, now));
      WP_TRY_VOID(MailInitiator(c, i, "submitted", {{"due", time::FormatPeriodEnd(zone_, i.answer_due_at, i.locale)}},
                                now, true));
    }
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::Withdraw(const InitiatorKey& key) {
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    WP_TRY_VOID(Move(c, i, InitiativeStatus::kWithdrawn, Actor::kInitiator, key.user ? &*key.user : nullptr, now));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::MarkProgress(const InitiatorKey& key, InitiativeStatus to) {
  if (to != InitiativeStatus::kInProgress && to != InitiativeStatus::kDone) {
    return FormInvalid({{"status", std::string(FlowProblemKey(FlowProblem::kNotAllowed))}}, "not a progress state");
  }
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    WP_TRY_VOID(Move(c, i, to, Actor::kInitiator, key.user ? &*key.user : nullptr, now));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::PostUpdate(const InitiatorKey& key, const std::string& raw) {
  std::string text = Trimmed(raw);
  if (text.empty()) return FormInvalid({{"text", kMissing}}, "empty update");
  if (CountChars(text) > kMaxTextChars) {
    return FormInvalid({{"text", kTooLong, {{"max", static_cast<int64_t>(kMaxTextChars)}}}}, "update too long");
  }
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    bool allowed = (i.status == InitiativeStatus::kAnswered || i.status == InitiativeStatus::kInProgress ||
                    i.status == InitiativeStatus::kDone) &&
                   i.answer != Answer::kNoBecause;
    if (!allowed) return Conflict("no updates in this state", "initiatives.update.not_now");
    WP_TRY_VOID(AddHistory(c, i, now, "update", text, true, key.user ? &*key.user : nullptr));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::SetConditionByInitiator(const InitiatorKey& key, int64_t condition_id,
                                                         ConditionStatus to) {
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    WP_ASSIGN_OR_RETURN(auto conditions, InitiativeStore::ConditionsOf(c, i.id));
    const Condition* x = nullptr;
    for (const auto& k : conditions) x = k.id == condition_id ? &k : x;
    if (!x) return NotFound("no such condition");
    Relation initiator{true, false, false, {}};
    if (!CanChangeCondition(initiator, x->owner, to)) return Forbidden("not the initiator's condition");
    if (x->status == to) return FormInvalid({{"status", "initiatives.flow.same_status"}}, "condition unchanged");
    WP_TRY_VOID(InitiativeStore::SetConditionStatus(c, x->id, to, now));
    WP_TRY_VOID(AddHistory(c, i, now, "condition_" + std::string(ConditionStatusName(to)), x->text, true,
                           key.user ? &*key.user : nullptr));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<int64_t> InitiativeCommands::FromPlan(const auth::User& user, int64_t plan_id) {
  if (!editions_) return NotFound("no Wijk aan Zet on this site");
  WP_ASSIGN_OR_RETURN(auto plan, editions_->FindPlan(plan_id));
  if (!plan) return NotFound("no such plan");
  if (plan->submitter_id == 0 || plan->submitter_id != user.id) return Forbidden("not the plan's submitter");
  WP_ASSIGN_OR_RETURN(auto existing, db_.Read([&](db::Connection& c) { return InitiativeStore::InitiativeOfPlan(c, plan_id); }));
  if (existing) return *existing;
  if (!plan->not_chosen) return Conflict("the plan is still in the running", "initiatives.from_plan.not_now");
  NewInitiative in;
  in.compass.title = CutChars(plan->title, kMaxTitleChars);
  in.compass.what = CutChars(plan->description, kMaxTextChars);
  in.compass.neighbourhood_code = plan->neighbourhood_code;
  in.compass.initiator_name = CutChars(plan->submitter_name, kMaxShortChars);
  in.locale = plan->submitter_locale;
  in.from_plan = PlanOrigin{plan_id, plan->path};
  WP_ASSIGN_OR_RETURN(Created made, Create(in, user));
  return made.id;
}

Result<std::string> InitiativeCommands::PlanPathOf(int64_t initiative_id) {
  WP_ASSIGN_OR_RETURN(auto path, db_.Read([&](db::Connection& c) { return InitiativeStore::PlanPathOf(c, initiative_id); }));
  return path.value_or("");
}

Result<std::vector<Initiative>> InitiativeCommands::OfUser(const auth::User& user) {
  return db_.Read([&](db::Connection& c) { return InitiativeStore::OfUser(c, user.id); });
}

// --- public

Result<PublicView> InitiativeCommands::Public(int64_t id) {
  WP_ASSIGN_OR_RETURN(auto view, db_.Read([&](db::Connection& c) -> Result<PublicView> {
    WP_ASSIGN_OR_RETURN(auto i, InitiativeStore::Find(c, id));
    if (!i || !i->compass.is_public || i->status == InitiativeStatus::kDraft ||
        i->status == InitiativeStatus::kWithdrawn) {
      return NotFound("no public initiative", "initiatives.public.unknown");
    }
    PublicView v;
    v.initiative = *i;
    WP_ASSIGN_OR_RETURN(v.updates, InitiativeStore::HistoryOf(c, id, true));
    // The initiator sees their contact person by name; the public does not.
    std::erase_if(v.updates, [](const HistoryEntry& e) { return e.kind == "contact"; });
    WP_ASSIGN_OR_RETURN(v.photos, InitiativeStore::FilesOf(c, id));
    std::erase_if(v.photos, [](const InitiativeFile& f) { return f.kind != FileKind::kPhoto; });
    WP_ASSIGN_OR_RETURN(v.conditions, InitiativeStore::ConditionsOf(c, id));
    return v;
  }));
  if (view.initiative.platform_id) {
    WP_ASSIGN_OR_RETURN(auto p, platforms_.FindById(*view.initiative.platform_id));
    if (p) {
      view.platform_name = p->name;
      view.platform_slug = p->slug;
    }
  }
  return view;
}

Result<std::vector<Initiative>> InitiativeCommands::PublicIn(const std::string& district_code) {
  return db_.Read([&](db::Connection& c) { return InitiativeStore::PublicIn(c, district_code, 200); });
}

Result<std::vector<DistrictCount>> InitiativeCommands::PublicPerDistrict() {
  return db_.Read([](db::Connection& c) { return InitiativeStore::PublicPerDistrict(c); });
}

// --- reminders

Result<bool> InitiativeCommands::RemindIfDue(int64_t id) {
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto i, InitiativeStore::Find(c, id));
    if (!i || i->reminder_sent || !i->contact_user_id) return false;
    Escalation e = EscalationOf(zone_, working_days_, i->status, {i->contact_due_at, i->answer_due_at}, now);
    if (e != Escalation::kAnswerSoon && e != Escalation::kAnswerLate) return false;
    WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, {*i->contact_user_id}));
    auto it = people.find(*i->contact_user_id);
    if (it == people.end()) return false;
    i18n::Args args = {{"number", InitiativeNumber(i->id)},
                       {"title", i->compass.title},
                       {"days", static_cast<int64_t>(WorkingDaysLeft(zone_, working_days_, now, i->answer_due_at))},
                       {"due", time::FormatPeriodEnd(zone_, i->answer_due_at, it->second.locale)},
                       {"link", settings_.base_url + "/beheer/initiatieven/" + std::to_string(i->id)},
                       {"site", settings_.site_name}};
    mail::OutgoingMail m;
    m.to = it->second.email;
    m.subject = catalog_.Format(it->second.locale, "initiatives.mail.reminder.subject", args);
    m.body_text = catalog_.Format(it->second.locale, "initiatives.mail.reminder.body", args);
    WP_TRY_VOID(mail::Enqueue(c, m, now));
    i->reminder_sent = true;
    WP_TRY_VOID(InitiativeStore::Update(c, *i));
    return true;
  });
}

Result<int> InitiativeCommands::SendReminders(int max) {
  // Six weeks hold at most 30 working days; 3 calendar weeks surely cover
  // kReminderWorkingDays working days, holidays included.
  int64_t before = clock_.NowUnixSeconds() + 21 * 86400;
  WP_ASSIGN_OR_RETURN(auto ids,
                      db_.Read([&](db::Connection& c) { return InitiativeStore::ReminderCandidates(c, before, max); }));
  int sent = 0;
  for (int64_t id : ids) {
    WP_ASSIGN_OR_RETURN(bool done, RemindIfDue(id));
    sent += done ? 1 : 0;
  }
  return sent;
}

}  // namespace wp::initiatives
