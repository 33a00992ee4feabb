#include "features/initiatives/desk_pages.h"

#include "core/i18n/locale_rules.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/initiatives/files_view.h"
#include "features/initiatives/initiative_view.h"
#include "features/initiatives/subsidy_view.h"

namespace wp::initiatives {

namespace {

using nlohmann::json;
using web::Context;
using web::FormView;

// How many condition rows the answer form offers.
constexpr int kConditionRows = 5;

std::string BoroughName(const geography::Municipality& m, const std::string& slug) {
  const geography::Borough* b = geography::FindBoroughBySlug(m, slug);
  return b ? b->name : slug;
}

// The fields of the case page's forms (contact, task, answer), for their labels and errors.
void AddCaseFields(FormView& form) {
  form.Label("contact", "initiatives.case.contact");
  form.Label("status", "initiatives.case.title");
  form.Label("department", "initiatives.task.department");
  form.Field({.name = "question", .label_key = "initiatives.task.question", .textarea = true, .rows = 3});
  form.Field({.name = "due_day",
              .label_key = "initiatives.task.due",
              .type = "date",
              .description_key = "initiatives.task.due_hint"});
  form.Label("answer", "initiatives.case.answer");
  form.Field({.name = "explanation",
              .label_key = "initiatives.case.explanation",
              .description_key = "initiatives.case.explanation_hint",
              .textarea = true,
              .rows = 4});
  form.Field({.name = "alternative",
              .label_key = "initiatives.case.alternative",
              .description_key = "initiatives.case.alternative_hint",
              .required = false,
              .textarea = true,
              .rows = 3});
  form.Label("conditions", "initiatives.case.conditions");
  for (int k = 1; k <= kConditionRows; ++k)
    form.Label("condition_text_" + std::to_string(k), "initiatives.case.condition");
}

// The department tasks with what the viewer may do with each.
json TasksJson(const Context& ctx, const time::TimeZone& zone, const CaseView& v, const std::string& base) {
  json tasks = json::array();
  for (const auto& t : v.tasks) {
    tasks.push_back({{"id", t.id},
                     {"department", ctx.T("initiatives.department." + t.department)},
                     {"question", t.question},
                     {"due", time::FormatPeriodEnd(zone, t.due_at, ctx.locale)},
                     {"answer", t.answer},
                     {"answered_by", t.answered_by},
                     {"answered_at", t.answered_at ? time::FormatDateTime(zone, *t.answered_at, ctx.locale) : ""},
                     {"can_answer", !t.answered_at && CanAnswerTask(v.relation, t.department)},
                     {"action", base + "/taak/" + std::to_string(t.id)}});
  }
  return tasks;
}

// The condition rows of the answer form, with what was typed and its errors.
json ConditionRows(const Context& ctx, const FormView& form) {
  json condition_rows = json::array();
  for (int k = 1; k <= kConditionRows; ++k) {
    std::string n = std::to_string(k);
    condition_rows.push_back({{"n", n},
                              {"text", ctx.form.Get("condition_text_" + n)},
                              {"error", form.ErrorFor("condition_text_" + n)},
                              {"municipality", ctx.form.Get("condition_owner_" + n) == "municipality"}});
  }
  return condition_rows;
}

}  // namespace

namespace {

// The desk's list of start subsidies that wait for the municipality, and this year's budget.
json SubsidiesToHandleJson(const Context& ctx, const DeskList& desk) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& [s, i] : desk.subsidies) {
    std::string next = s.status == GrantStatus::kApplied ? "decide" : s.status == GrantStatus::kGranted ? "pay" : "settle";
    rows.push_back({{InitiativeNumber(i.id), "/beheer/initiatieven/" + std::to_string(i.id) + "#startsubsidie"},
                    {i.compass.title},
                    {i18n::FormatMoney(s.granted.value_or(s.requested), ctx.locale), "", true},
                    {ctx.T("initiatives.subsidy.next." + next)}});
  }
  const SubsidyYear& y = desk.subsidy_year;
  return {{"subsidies", rows.empty() ? json(nullptr)
                                     : web::Table(ctx.T("initiatives.subsidy.desk_caption"),
                                                  {ctx.T("initiatives.desk.number"), ctx.T("initiatives.desk.initiative"),
                                                   ctx.T("initiatives.subsidy.amount_column"),
                                                   ctx.T("initiatives.subsidy.next_column")},
                                                  rows)},
          {"subsidy_year", ctx.T("initiatives.subsidy.year_line", {{"year", static_cast<int64_t>(y.year)},
                                                                   {"committed", y.committed},
                                                                   {"budget", y.budget}})}};
}

}  // namespace

Result<http::Response> DeskPages::List(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto desk, commands_.Desk(*ctx.user));
  const time::TimeZone& zone = commands_.zone();
  auto m = commands_.geography().current();
  std::vector<std::vector<web::Cell>> rows, escalated;
  for (const auto& i : desk.open) {
    ClockView clock = commands_.ClockOf(i);
    json clock_json = ClockJson(ctx, zone, clock);
    std::vector<web::Cell> row = {{InitiativeNumber(i.id), "/beheer/initiatieven/" + std::to_string(i.id)},
                                  {i.compass.title},
                                  {BoroughName(*m, i.borough_slug)},
                                  {StatusBadgeFor(ctx, i)["label"].get<std::string>()},
                                  {i.contact_name.empty() ? ctx.T("initiatives.desk.no_contact") : i.contact_name},
                                  {clock_json.is_null() ? "" : clock_json["text"].get<std::string>()}};
    if (clock.escalation != Escalation::kNone) {
      std::vector<web::Cell> e = row;
      e.push_back({ctx.T("initiatives.escalation." + std::string(EscalationName(clock.escalation)))});
      escalated.push_back(std::move(e));
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::string> heads = {ctx.T("initiatives.desk.number"),  ctx.T("initiatives.desk.initiative"),
                                    ctx.T("initiatives.desk.borough"), ctx.T("initiatives.desk.status"),
                                    ctx.T("initiatives.desk.contact"), ctx.T("initiatives.desk.clock")};
  std::vector<std::string> escalation_heads = heads;
  escalation_heads.push_back(ctx.T("initiatives.desk.why"));
  std::vector<std::vector<web::Cell>> task_rows;
  for (const auto& t : desk.tasks) {
    task_rows.push_back({{InitiativeNumber(t.initiative_id), "/beheer/initiatieven/" + std::to_string(t.initiative_id)},
                         {ctx.T("initiatives.department." + t.department)},
                         {t.question},
                         {time::FormatPeriodEnd(zone, t.due_at, ctx.locale)}});
  }
  json data = {
      {"escalated", escalated.empty()
                        ? json(nullptr)
                        : web::Table(ctx.T("initiatives.desk.escalation_caption"), escalation_heads, escalated)},
      {"table", rows.empty() ? json(nullptr) : web::Table(ctx.T("initiatives.desk.caption"), heads, rows)},
      {"empty", rows.empty() ? web::EmptyState(ctx.T("initiatives.desk.empty")) : json(nullptr)},
      {"tasks", task_rows.empty() ? json(nullptr)
                                  : web::Table(ctx.T("initiatives.desk.tasks_caption"),
                                               {ctx.T("initiatives.desk.number"), ctx.T("initiatives.task.department"),
                                                ctx.T("initiatives.task.question"), ctx.T("initiatives.task.due")},
                                               task_rows)},
      {"count", ctx.T("initiatives.desk.count", {{"count", static_cast<int64_t>(rows.size())}})}};
  data.update(SubsidiesToHandleJson(ctx, desk));
  return web_.Render(ctx, "initiatives/desk.html", "initiatives.desk.title", data);
}

// The start subsidy section of the case page.
json DeskPages::SubsidyData(const Context& ctx, const CaseView& v, const std::string& base, bool can_run) const {
  const SubsidyYear& y = v.subsidy_year;
  return {{"show_subsidy", !v.subsidies.empty()},
          {"subsidies", SubsidiesJson(ctx, commands_.zone(), v.subsidies, base,
                                      can_run ? SubsidyViewer::kStaff : SubsidyViewer::kReader)},
          {"subsidy_year", ctx.T("initiatives.subsidy.year_line", {{"year", static_cast<int64_t>(y.year)},
                                                                   {"committed", y.committed},
                                                                   {"budget", y.budget}})},
          {"decision_grant", ctx.form.Get("decision") == "grant"},
          {"decision_refuse", ctx.form.Get("decision") == "refuse"}};
}

http::Response DeskPages::ShowCase(Context& ctx, const CaseView& v, std::vector<FieldError> errors) {
  const Initiative& i = v.initiative;
  const time::TimeZone& zone = commands_.zone();
  auto m = commands_.geography().current();
  std::string base = "/beheer/initiatieven/" + std::to_string(i.id);
  FormView form(ctx, errors);
  AddCaseFields(form);
  AddStaffSubsidyFields(form, ctx);
  bool can_run = CanRunCheck(v.relation);
  bool open = !IsClosed(i.status, i.answer);
  json contacts = json::array();
  for (const auto& p : v.contacts) {
    contacts.push_back(
        {{"value", std::to_string(p.id)}, {"label", p.display_name}, {"selected", i.contact_user_id == p.id}});
  }
  json departments = json::array();
  for (const char* d : kDepartments) {
    departments.push_back({{"value", d}, {"label", ctx.T(std::string("initiatives.department.") + d)}});
  }
  json conditions = ConditionsJson(ctx, v.conditions);
  for (auto& x : conditions) {
    x["action"] = base + "/voorwaarde/" + std::to_string(x["id"].get<int64_t>());
    x["can_change"] = can_run && open;
  }
  bool can_answer = can_run && !CheckTransition(i.status, i.answer, InitiativeStatus::kAnswered, Actor::kDesk);
  json data = HeaderJson(ctx, zone, i, v.clock);
  data.update(
      {{"escalation", v.clock.escalation == Escalation::kNone
                          ? ""
                          : ctx.T("initiatives.escalation." + std::string(EscalationName(v.clock.escalation)))},
       {"summary",
        web::SummaryList({{ctx.T("initiatives.form.what"), i.compass.what, ""},
                          {ctx.T("initiatives.form.neighbourhood"), PlaceName(*m, i.compass.neighbourhood_code), ""},
                          {ctx.T("initiatives.form.place"), i.compass.place, ""},
                          {ctx.T("initiatives.form.when"), i.compass.when, ""},
                          {ctx.T("initiatives.form.helpers"), i.compass.helpers, ""},
                          {ctx.T("initiatives.form.needs"), NeedsLabel(ctx, i.compass.needs), ""},
                          {ctx.T("initiatives.form.needs_detail"), i.compass.needs_detail, ""},
                          {ctx.T("initiatives.form.initiator_name"), i.compass.initiator_name, ""},
                          {ctx.T("initiatives.case.submitted_on"),
                           i.submitted_at ? time::FormatDateTime(zone, *i.submitted_at, ctx.locale) : "", ""},
                          {ctx.T("initiatives.case.contact"),
                           i.contact_name.empty() ? ctx.T("initiatives.desk.no_contact") : i.contact_name, ""}})},
       {"answer", AnswerJson(ctx, i)},
       {"conditions", conditions},
       {"has_conditions", !v.conditions.empty()},
       {"tasks", TasksJson(ctx, zone, v, base)},
       {"has_tasks", !v.tasks.empty()},
       {"contacts", contacts},
       {"can_assign", CanAssignContact(v.relation) && CanHaveContactChanged(i.status, i.answer) && !contacts.empty()},
       {"can_start", can_run && !CheckTransition(i.status, i.answer, InitiativeStatus::kInCheck, Actor::kDesk)},
       {"can_add_task",
        can_run && (i.status == InitiativeStatus::kContactAssigned || i.status == InitiativeStatus::kInCheck)},
       {"can_answer", can_answer},
       {"departments", departments},
       {"condition_rows", ConditionRows(ctx, form)},
       {"answer_value", ctx.form.Get("answer")},
       {"contact_error", form.ErrorFor("contact")},
       {"department_error", form.ErrorFor("department")},
       {"answer_error", form.ErrorFor("answer")},
       {"decision_error", form.ErrorFor("decision")},
       {"plan_path", v.plan_path},
       {"conditions_error", form.ErrorFor("conditions")},
       {"history", HistoryJson(ctx, zone, v.history, true)},
       {"base", base},
       {"breadcrumb",
        web::Breadcrumb({{ctx.T("initiatives.desk.title"), "/beheer/initiatieven"}, {InitiativeNumber(i.id), ""}})}});
  for (const char* a : {"yes", "yes_provided", "no_because"}) {
    data[std::string("answer_") + a] = ctx.form.Get("answer") == a;
  }
  data.update(SubsidyData(ctx, v, base, can_run));
  data.update(FilesJson(ctx, v.files, i.compass.title, base + "/bestand", ""));
  form.AppendTo(data);
  return web_.Render(ctx, "initiatives/case.html", "initiatives.case.title", data, errors.empty() ? 200 : 422);
}

Result<http::Response> DeskPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto view, commands_.Case(*ctx.user, id));
  return ShowCase(ctx, view, {});
}

Result<http::Response> DeskPages::After(Context& ctx, int64_t id, const Result<void>& done, const char* flash_key) {
  if (!done.has_value()) {
    if (!done.error().has_fields()) return done.error();
    WP_ASSIGN_OR_RETURN(auto view, commands_.Case(*ctx.user, id));
    return ShowCase(ctx, view, done.error().fields);
  }
  return web_.Redirect(ctx, "/beheer/initiatieven/" + std::to_string(id), web::Flash{"success", flash_key});
}

Result<http::Response> DeskPages::Contact(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  std::string who = ctx.form.Get("contact");
  bool digits = !who.empty() && who.size() < 19 && who.find_first_not_of("0123456789") == std::string::npos;
  std::optional<int64_t> contact;
  if (digits) contact = std::stoll(who);
  if (!contact) {
    return After(ctx, id, FormInvalid({{"contact", kUnknownChoice}}), "");
  }
  return After(ctx, id, commands_.AssignContact(*ctx.user, id, *contact), "initiatives.case.contact_done");
}

Result<http::Response> DeskPages::StartCheck(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return After(ctx, id, commands_.StartCheck(*ctx.user, id), "initiatives.case.check_started");
}

Result<http::Response> DeskPages::AddTask(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return After(
      ctx, id,
      commands_.AddTask(*ctx.user, id, ctx.form.Get("department"), ctx.form.Get("question"), ctx.form.Get("due_day")),
      "initiatives.case.task_done");
}

Result<http::Response> DeskPages::AnswerTask(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t task, ctx.IdParam("task"));
  auto done = commands_.AnswerTask(*ctx.user, task, ctx.form.Get("task_answer"));
  if (!done.has_value() && done.error().has_fields()) {
    // The answer box of each task is named task_answer; the summary names the field.
    std::vector<FieldError> fields = done.error().fields;
    for (auto& f : fields) f.field = "task_answer";
    return After(ctx, id, FormInvalid(fields), "");
  }
  return After(ctx, id, done, "initiatives.case.task_answered");
}

Result<http::Response> DeskPages::Answer(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  AnswerInput in;
  in.answer = ParseAnswer(ctx.form.Get("answer")).value_or(Answer::kNone);
  in.explanation = ctx.form.Get("explanation");
  in.alternative = ctx.form.Get("alternative");
  std::vector<int> row_of;  // the form row of each condition given
  for (int k = 1; k <= kConditionRows; ++k) {
    std::string n = std::to_string(k);
    std::string text = ctx.form.Get("condition_text_" + n);
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    Condition x;
    x.text = text;
    x.owner = ParseOwner(ctx.form.Get("condition_owner_" + n)).value_or(ConditionOwner::kInitiator);
    in.conditions.push_back(x);
    row_of.push_back(k);
  }
  auto done = commands_.GiveAnswer(*ctx.user, id, in);
  if (!done.has_value() && done.error().has_fields()) {
    // CheckAnswer counts the conditions given; the form shows them in their rows.
    std::vector<FieldError> fields = done.error().fields;
    for (auto& f : fields) {
      if (f.field.rfind("condition_", 0) != 0) continue;
      size_t k = std::stoul(f.field.substr(10));
      f.field = "condition_text_" + std::to_string(k >= 1 && k <= row_of.size() ? row_of[k - 1] : 1);
    }
    return After(ctx, id, FormInvalid(fields), "");
  }
  return After(ctx, id, done, "initiatives.case.answer_done");
}

Result<http::Response> DeskPages::SetCondition(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t condition, ctx.IdParam("condition"));
  auto to = ParseConditionStatus(ctx.form.Get("status"));
  if (!to) return After(ctx, id, FormInvalid({{"status", kUnknownChoice}}), "");
  return After(ctx, id, commands_.SetCondition(*ctx.user, id, condition, *to), "initiatives.case.condition_done");
}

}  // namespace wp::initiatives
