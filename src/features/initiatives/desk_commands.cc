// The municipality's side of InitiativeCommands: the desk list, the case
// page, contact assignment, the check with department tasks, the answer and
// the conditions.
#include <algorithm>

#include "core/mail/outbox.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "features/initiatives/commands.h"

namespace wp::initiatives {

namespace {

std::string Trimmed(const std::string& s) { return std::string(Trim(s)); }

Result<void> RequireOpen(const Initiative& i) {
  if (i.status == InitiativeStatus::kDraft || IsClosed(i.status, i.answer)) {
    return FormInvalid({{"status", std::string(FlowProblemKey(FlowProblem::kNotAllowed))}}, "initiative not open");
  }
  return Ok();
}

}  // namespace

Result<Initiative> InitiativeCommands::LoadForStaff(db::Connection& c, const auth::User& actor, int64_t id,
                                                    Relation* relation) const {
  WP_ASSIGN_OR_RETURN(auto i, InitiativeStore::Find(c, id));
  if (!i || i->status == InitiativeStatus::kDraft) return NotFound("no such initiative");
  Relation r = RelationOf(actor, *i, false);
  if (!CanViewCase(r)) return Forbidden("not the desk, contact or a department");
  if (relation) *relation = r;
  return *i;
}

Result<DeskList> InitiativeCommands::Desk(const auth::User& actor) {
  if (!WorksAtDesk(actor) && InputDepartments(actor).empty()) return Forbidden("not at the desk");
  return db_.Read([&](db::Connection& c) -> Result<DeskList> {
    DeskList out;
    WP_ASSIGN_OR_RETURN(auto open, InitiativeStore::Open(c));
    for (auto& i : open) {
      Relation r = RelationOf(actor, i, false);
      if (r.desk || r.contact) out.open.push_back(std::move(i));
    }
    WP_ASSIGN_OR_RETURN(out.tasks, InitiativeStore::OpenTasksFor(c, InputDepartments(actor)));
    WP_ASSIGN_OR_RETURN(auto waiting, InitiativeStore::SubsidiesToHandle(c));
    for (auto& s : waiting) {
      WP_ASSIGN_OR_RETURN(auto i, InitiativeStore::Find(c, s.initiative_id));
      if (!i) continue;
      Relation r = RelationOf(actor, *i, false);
      if (r.desk || r.contact) out.subsidies.push_back({std::move(s), std::move(*i)});
    }
    WP_ASSIGN_OR_RETURN(out.subsidy_year, SubsidyYearAt(c, clock_.NowUnixSeconds()));
    return out;
  });
}

Result<CaseView> InitiativeCommands::Case(const auth::User& actor, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto view, db_.Read([&](db::Connection& c) -> Result<CaseView> {
    CaseView v;
    WP_ASSIGN_OR_RETURN(v.initiative, LoadForStaff(c, actor, id, &v.relation));
    WP_ASSIGN_OR_RETURN(v.history, InitiativeStore::HistoryOf(c, id, false));
    WP_ASSIGN_OR_RETURN(v.conditions, InitiativeStore::ConditionsOf(c, id));
    WP_ASSIGN_OR_RETURN(v.tasks, InitiativeStore::TasksOf(c, id));
    WP_ASSIGN_OR_RETURN(v.subsidies, InitiativeStore::SubsidiesOf(c, id));
    WP_ASSIGN_OR_RETURN(auto plan_path, InitiativeStore::PlanPathOf(c, id));
    v.plan_path = plan_path.value_or("");
    WP_ASSIGN_OR_RETURN(v.files, InitiativeStore::FilesOf(c, id));
    WP_ASSIGN_OR_RETURN(v.subsidy_year, SubsidyYearAt(c, clock_.NowUnixSeconds()));
    if (CanAssignContact(v.relation)) {
      WP_ASSIGN_OR_RETURN(v.contacts, roles_.Holders(c, auth::Role::kInitiativeDesk, v.initiative.borough_slug));
      WP_ASSIGN_OR_RETURN(auto everywhere, roles_.Holders(c, auth::Role::kInitiativeDesk, ""));
      for (auto& p : everywhere) {
        bool known = std::any_of(v.contacts.begin(), v.contacts.end(), [&](const auto& q) { return q.id == p.id; });
        if (!known) v.contacts.push_back(std::move(p));
      }
    }
    return v;
  }));
  view.clock = ClockOf(view.initiative);
  return view;
}

Result<void> InitiativeCommands::AssignContact(const auth::User& actor, int64_t id, int64_t contact_user_id) {
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    Relation rel;
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForStaff(c, actor, id, &rel));
    if (!CanAssignContact(rel)) return Forbidden("only the desk assigns contacts");
    if (!CanHaveContactChanged(i.status, i.answer)) {
      return FormInvalid({{"status", std::string(FlowProblemKey(FlowProblem::kNotAllowed))}}, "closed");
    }
    WP_ASSIGN_OR_RETURN(auto local, roles_.Holders(c, auth::Role::kInitiativeDesk, i.borough_slug));
    WP_ASSIGN_OR_RETURN(auto everywhere, roles_.Holders(c, auth::Role::kInitiativeDesk, ""));
    local.insert(local.end(), everywhere.begin(), everywhere.end());
    auto it = std::find_if(local.begin(), local.end(), [&](const auto& p) { return p.id == contact_user_id; });
    if (it == local.end()) return FormInvalid({{"contact", kUnknownChoice}}, "not desk staff of this stadsdeel");
    if (i.contact_user_id == contact_user_id) {
      return FormInvalid({{"contact", "initiatives.case.same_contact"}}, "already the contact");
    }
    bool first = !i.contact_user_id;
    i.contact_user_id = it->id;
    i.contact_name = it->display_name;
    i.updated_at = now;
    WP_TRY_VOID(InitiativeStore::Update(c, i));
    // The history is never rewritten: a new contact reads what came before.
    WP_TRY_VOID(AddHistory(c, i, now, "contact", it->display_name, true, &actor));
    if (i.status == InitiativeStatus::kSubmitted) {
      WP_TRY_VOID(Move(c, i, InitiativeStatus::kContactAssigned, Actor::kDesk, &actor, now));
    }
    WP_TRY_VOID(MailInitiator(c, i, first ? "contact" : "contact_changed", {{"contact", it->display_name}}, now));
    i18n::Args args = {{"number", InitiativeNumber(i.id)},
                       {"title", i.compass.title},
                       {"link", settings_.base_url + "/beheer/initiatieven/" + std::to_string(i.id)},
                       {"site", settings_.site_name}};
    mail::OutgoingMail m;
    m.to = it->email;
    m.subject = catalog_.Format(it->locale, "initiatives.mail.assigned.subject", args);
    m.body_text = catalog_.Format(it->locale, "initiatives.mail.assigned.body", args);
    WP_TRY_VOID(mail::Enqueue(c, m, now));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::StartCheck(const auth::User& actor, int64_t id) {
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    Relation rel;
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForStaff(c, actor, id, &rel));
    if (!CanRunCheck(rel)) return Forbidden("not the contact or the desk");
    WP_TRY_VOID(Move(c, i, InitiativeStatus::kInCheck, rel.contact ? Actor::kContact : Actor::kDesk, &actor, now));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::AddTask(const auth::User& actor, int64_t id, const std::string& department,
                                         const std::string& raw_question, const std::string& due_day) {
  std::string question = Trimmed(raw_question);
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    Relation rel;
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForStaff(c, actor, id, &rel));
    if (!CanRunCheck(rel)) return Forbidden("not the contact or the desk");
    std::vector<FieldError> errors;
    if (!IsDepartment(department)) errors.push_back({"department", kUnknownDepartment});
    if (question.empty()) {
      errors.push_back({"question", kMissing});
    } else if (CountChars(question) > kMaxTextChars) {
      errors.push_back({"question", kTooLong, {{"max", static_cast<int64_t>(kMaxTextChars)}}});
    }
    auto day = time::ParseDateInput(due_day);
    int64_t due = day ? time::EndOfDay(zone_, *day) : 0;
    if (!day) {
      errors.push_back({"due_day", kBadDate});
    } else if (!IsTaskDeadlineValid(due, now, i.answer_due_at)) {
      errors.push_back(
          {"due_day", kTaskDeadline, {{"last", time::FormatPeriodEnd(zone_, i.answer_due_at, actor.locale)}}});
    }
    if (i.status != InitiativeStatus::kContactAssigned && i.status != InitiativeStatus::kInCheck) {
      errors.push_back({"status", std::string(FlowProblemKey(FlowProblem::kNotAllowed))});
    }
    if (!errors.empty()) return FormInvalid(errors, "task form has errors");
    if (i.status == InitiativeStatus::kContactAssigned) {
      WP_TRY_VOID(Move(c, i, InitiativeStatus::kInCheck, rel.contact ? Actor::kContact : Actor::kDesk, &actor, now));
    }
    DepartmentTask t;
    t.initiative_id = i.id;
    t.department = department;
    t.question = question;
    t.due_at = due;
    WP_TRY_VOID(InitiativeStore::InsertTask(c, t, now));
    WP_TRY_VOID(AddHistory(c, i, now, "task", department, false, &actor));
    // The department's own experts hear of it (unscoped experts see every task on the desk page).
    WP_ASSIGN_OR_RETURN(auto experts, roles_.Holders(c, auth::Role::kMunicipalExpert, "afdeling:" + department));
    for (const auto& p : experts) {
      i18n::Args args = {{"number", InitiativeNumber(i.id)},
                         {"title", i.compass.title},
                         {"due", time::FormatPeriodEnd(zone_, due, p.locale)},
                         {"link", settings_.base_url + "/beheer/initiatieven/" + std::to_string(i.id)},
                         {"site", settings_.site_name}};
      mail::OutgoingMail m;
      m.to = p.email;
      m.subject = catalog_.Format(p.locale, "initiatives.mail.task.subject", args);
      m.body_text = catalog_.Format(p.locale, "initiatives.mail.task.body", args);
      WP_TRY_VOID(mail::Enqueue(c, m, now));
    }
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::AnswerTask(const auth::User& actor, int64_t task_id, const std::string& raw) {
  std::string answer = Trimmed(raw);
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto t, InitiativeStore::FindTask(c, task_id));
    if (!t) return NotFound("no such task");
    Relation rel;
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForStaff(c, actor, t->initiative_id, &rel));
    if (!CanAnswerTask(rel, t->department)) return Forbidden("not this department");
    if (t->answered_at) return Conflict("task answered", "initiatives.task.answered");
    if (answer.empty()) return FormInvalid({{"answer", kMissing}}, "empty task answer");
    if (CountChars(answer) > kMaxTextChars) {
      return FormInvalid({{"answer", kTooLong, {{"max", static_cast<int64_t>(kMaxTextChars)}}}}, "too long");
    }
    t->answer = answer;
    t->answered_at = now;
    t->answered_by = actor.display_name;
    WP_TRY_VOID(InitiativeStore::AnswerTask(c, *t));
    WP_TRY_VOID(AddHistory(c, i, now, "task_answered", t->department, false, &actor));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::GiveAnswer(const auth::User& actor, int64_t id, const AnswerInput& raw) {
  AnswerInput in = raw;
  in.explanation = Trimmed(in.explanation);
  in.alternative = Trimmed(in.alternative);
  for (auto& x : in.conditions) x.text = Trimmed(x.text);
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    Relation rel;
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForStaff(c, actor, id, &rel));
    if (!CanRunCheck(rel)) return Forbidden("not the contact or the desk");
    auto errors = CheckAnswer(in);
    if (!errors.empty()) return FormInvalid(errors, "answer has errors");
    Actor who = rel.contact ? Actor::kContact : Actor::kDesk;
    if (auto problem = CheckTransition(i.status, i.answer, InitiativeStatus::kAnswered, who)) {
      return FormInvalid({{"status", std::string(FlowProblemKey(*problem))}}, "cannot answer now");
    }
    i.answer = in.answer;
    i.explanation = in.explanation;
    i.alternative = in.alternative;
    i.answered_at = now;
    WP_TRY_VOID(Move(c, i, InitiativeStatus::kAnswered, who, &actor, now));
    for (size_t k = 0; k < in.conditions.size(); ++k) {
      Condition x = in.conditions[k];
      x.initiative_id = i.id;
      x.status = ConditionStatus::kOpen;
      x.position = static_cast<int>(k + 1);
      WP_TRY_VOID(InitiativeStore::InsertCondition(c, x, now));
    }
    WP_TRY_VOID(AddHistory(c, i, now, "answer", std::string(AnswerName(in.answer)), true, &actor));
    WP_TRY_VOID(MailInitiator(c, i, "answer_" + std::string(AnswerName(in.answer)),
                              {{"explanation", in.explanation},
                               {"alternative", in.alternative},
                               {"conditions", static_cast<int64_t>(in.conditions.size())}},
                              now));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::SetCondition(const auth::User& actor, int64_t id, int64_t condition_id,
                                              ConditionStatus to) {
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    Relation rel;
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForStaff(c, actor, id, &rel));
    WP_TRY_VOID(RequireOpen(i));
    WP_ASSIGN_OR_RETURN(auto conditions, InitiativeStore::ConditionsOf(c, i.id));
    auto x = std::find_if(conditions.begin(), conditions.end(), [&](const auto& k) { return k.id == condition_id; });
    if (x == conditions.end()) return NotFound("no such condition");
    if (!CanChangeCondition(rel, x->owner, to)) return Forbidden("may not change this condition");
    if (x->status == to) return FormInvalid({{"status", "initiatives.flow.same_status"}}, "condition unchanged");
    WP_TRY_VOID(InitiativeStore::SetConditionStatus(c, x->id, to, now));
    std::string status(ConditionStatusName(to));
    WP_TRY_VOID(AddHistory(c, i, now, "condition_" + status, x->text, true, &actor));
    WP_TRY_VOID(MailInitiator(c, i, "condition",
                              {{"condition", x->text},
                               {"status", catalog_.Format(i.locale, "initiatives.condition." + status, i18n::Args{})}},
                              now));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

}  // namespace wp::initiatives
