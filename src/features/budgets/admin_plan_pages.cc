#include "features/budgets/admin_plan_pages.h"

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/forms.h"
#include "features/budgets/edition_directory.h"
#include "features/budgets/permissions.h"

namespace wp::budgets {

using nlohmann::json;
using web::Context;

namespace {

json PlanFacts(const Context& ctx, const Edition& e, const Plan& p) {
  std::string status = PlanStatusLabel(ctx, p.status);
  if (!p.status_note.empty()) status += ": " + p.status_note;
  return web::SummaryList({{ctx.T("budgets.plan.status"), status, ""},
                           {ctx.T("budgets.plan.submitted_by"), p.submitter_name, ""},
                           {ctx.T("budgets.field.theme"), p.theme, ""},
                           {ctx.T("budgets.plan.cost"), MoneyText(ctx, p.cost_cents), ""},
                           {ctx.T("budgets.likes.heading"), LikesText(ctx, e, p), ""}});
}

// The plans `p` may be merged into: the other plans still being edited.
json MergeTargets(const Plan& p, const std::vector<Plan>& plans, const std::string& chosen) {
  json targets = json::array();
  for (const auto& other : plans) {
    if (other.id == p.id || !IsEditable(other.status)) continue;
    targets.push_back({{"id", other.id}, {"title", other.title}, {"selected", chosen == std::to_string(other.id)}});
  }
  return targets;
}

json Outcomes(const Context& ctx, const std::string& chosen) {
  json outcomes = json::array();
  for (ReviewOutcome o : kAllReviewOutcomes) {
    std::string value(PlanStatusName(ReviewedStatus(o)));
    outcomes.push_back(
        {{"value", value}, {"label", PlanStatusLabel(ctx, ReviewedStatus(o))}, {"checked", chosen == value}});
  }
  return outcomes;
}

// The fields of the four staff forms, with what was sent when shown again.
void AddFormFields(web::FormView& form, const http::FormData& sent) {
  form.Field({.name = "tips",
              .label_key = "budgets.sendback.field.tips",
              .value = sent.Get("tips"),
              .description_key = "budgets.sendback.field.tips_hint",
              .textarea = true,
              .rows = 4});
  form.Label("target", "budgets.merge.field.target");
  form.Field({.name = "note",
              .label_key = "budgets.merge.field.note",
              .value = sent.Get("note"),
              .required = false,
              .textarea = true,
              .rows = 3});
  form.Label("outcome", "budgets.review.field.outcome");
  form.Field({.name = "review_note",
              .label_key = "budgets.review.field.note",
              .value = sent.Get("review_note"),
              .description_key = "budgets.review.field.note_hint",
              .required = false,
              .textarea = true,
              .rows = 4});
  form.Field(
      {.name = "milestone_title", .label_key = "budgets.milestone.field.title", .value = sent.Get("milestone_title")});
  form.Field({.name = "milestone_due",
              .label_key = "budgets.milestone.field.due",
              .type = "date",
              .value = sent.Get("milestone_due")});
}

}  // namespace

Result<Edition> AdminPlanPages::FindEdition(const Context& ctx) {
  return d_.commands.StaffEdition(ctx.Param("slug"), *ctx.user, Staff::kOfficialsAndExperts);
}

Result<http::Response> AdminPlanPages::PlanList(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, FindEdition(ctx));
  WP_ASSIGN_OR_RETURN(auto plans, d_.commands.Plans(e.id));
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& p : plans) {
    rows.push_back({{p.title, AdminPlanPath(e, p.id)},
                    {p.submitter_name},
                    {p.theme},
                    {MoneyText(ctx, p.cost_cents), "", true},
                    {LikesText(ctx, e, p), "", true},
                    {PlanStatusLabel(ctx, p.status)}});
  }
  json table =
      web::Table(ctx.T("budgets.admin.plans_caption"),
                 {ctx.T("budgets.plan.field.title"), ctx.T("budgets.plan.submitted_by"), ctx.T("budgets.field.theme"),
                  ctx.T("budgets.plan.cost"), ctx.T("budgets.likes.heading"), ctx.T("budgets.plan.status")},
                 rows);
  Phase phase = PhaseAt(e, d_.commands.Now());
  json data = {{"edition", EditionData(ctx, e, phase, d_.zone)},
               {"title", ctx.T("budgets.admin.plans_title", {{"edition", e.title}})},
               {"breadcrumb", web::Breadcrumb({AdminCrumb(ctx), EditionCrumb(e), AdminPlansCrumb(ctx, e)})},
               {"plans", rows.empty() ? json(nullptr) : table},
               {"empty", web::EmptyState(ctx.T("budgets.plans.none"))}};
  return d_.web.Render(ctx, "budgets/admin_plans.html", "", data);
}

Result<http::Response> AdminPlanPages::ShowPlan(Context& ctx, const Edition& e, int64_t plan_id, const Error* error) {
  WP_ASSIGN_OR_RETURN(PlanDetails d, d_.commands.Details(e, plan_id));
  WP_ASSIGN_OR_RETURN(auto plans, d_.commands.Plans(e.id));
  const Plan& p = d.plan;
  Phase phase = PhaseAt(e, d_.commands.Now());
  bool manage = EditionDirectory::CanManage(*ctx.user, e);
  bool expert = Can(&*ctx.user, Action::kReviewPlan, e);
  http::FormData none;
  const http::FormData& sent = error ? ctx.form : none;
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  AddFormFields(form, sent);
  json data = {
      {"title", ctx.T("budgets.admin.plan_title", {{"plan", p.title}})},
      {"breadcrumb",
       web::Breadcrumb({AdminCrumb(ctx), EditionCrumb(e), AdminPlansCrumb(ctx, e), {p.title, AdminPlanPath(e, p.id)}})},
      {"status", PlanStatusBadge(ctx, p.status)},
      {"facts", PlanFacts(ctx, e, p)},
      {"description", p.description},
      {"public_page", web::ActionLink(ctx.T("budgets.admin.public_page"), PlanPath(e, p.id))},
      {"base_url", AdminPlanPath(e, p.id)},
      {"can_send_back", manage && phase == Phase::kPlans && CanTransition(p.status, PlanStatus::kSentBack)},
      {"can_merge", manage && phase == Phase::kPlans && CanTransition(p.status, PlanStatus::kMerged)},
      {"can_review", expert && phase == Phase::kReview && p.status == PlanStatus::kOnToReview},
      {"can_milestone", manage && (p.status == PlanStatus::kSelected || p.status == PlanStatus::kInProgress)},
      {"merge_targets", MergeTargets(p, plans, sent.Get("target"))},
      {"target_error", form.ErrorFor("target")},
      {"outcomes", Outcomes(ctx, sent.Get("outcome"))},
      {"outcome_error", form.ErrorFor("outcome")}};
  form.AppendTo(data);
  return d_.web.Render(ctx, "budgets/admin_plan.html", "", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> AdminPlanPages::PlanPage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, FindEdition(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowPlan(ctx, e, id, nullptr);
}

Result<http::Response> AdminPlanPages::Act(Context& ctx, const char* flash_key,
                                           const std::function<Result<void>(const Edition&, int64_t)>& action) {
  WP_ASSIGN_OR_RETURN(Edition e, FindEdition(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto r = action(e, id);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowPlan(ctx, e, id, &r.error());
    return r.error();
  }
  return d_.web.Redirect(ctx, AdminPlanPath(e, id), web::Flash{"success", flash_key});
}

Result<http::Response> AdminPlanPages::SendBack(Context& ctx) {
  return Act(ctx, "budgets.sendback.done", [&](const Edition& e, int64_t id) {
    return d_.commands.SendBack(*ctx.user, e, id, ctx.form.Get("tips"));
  });
}

Result<http::Response> AdminPlanPages::ProposeMerge(Context& ctx) {
  return Act(ctx, "budgets.merge.proposed", [&](const Edition& e, int64_t id) -> Result<void> {
    auto target = ParseId(ctx.form.Get("target"));
    if (!target) return FormInvalid({{"target", "budgets.merge.error.target"}});
    WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t merge_id,
                        d_.commands.ProposeMerge(*ctx.user, e, id, *target, ctx.form.Get("note")));
    return Ok();
  });
}

Result<http::Response> AdminPlanPages::Review(Context& ctx) {
  return Act(ctx, "budgets.review.done", [&](const Edition& e, int64_t id) -> Result<void> {
    auto outcome = ParseReviewOutcome(ctx.form.Get("outcome"));
    if (!outcome) return FormInvalid({{"outcome", "budgets.review.error.outcome"}});
    return d_.commands.Review(*ctx.user, e, id, *outcome, ctx.form.Get("review_note"));
  });
}

Result<http::Response> AdminPlanPages::AddMilestone(Context& ctx) {
  return Act(ctx, "budgets.milestone.added", [&](const Edition& e, int64_t id) -> Result<void> {
    auto due = time::ParseDateInput(ctx.form.Get("milestone_due"));
    if (!due) return FormInvalid({{"milestone_due", "budgets.milestone.error.due"}});
    return d_.commands.AddMilestone(*ctx.user, e, id, ctx.form.Get("milestone_title"), d_.zone.StartOfDay(*due));
  });
}

}  // namespace wp::budgets
