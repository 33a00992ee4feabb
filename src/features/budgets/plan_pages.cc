#include "features/budgets/plan_pages.h"

#include "core/http/error_response.h"
#include "core/http/local_path.h"
#include "core/strings.h"
#include "core/web/forms.h"
#include "features/budgets/permissions.h"
#include "features/budgets/plan_views.h"

namespace wp::budgets {

using nlohmann::json;
using web::Context;

Result<Edition> PlanPages::FindEdition(const Context& ctx) {
  return d_.commands.VisibleEdition(ctx.Param("slug"), ctx.user ? &*ctx.user : nullptr);
}

// ---------------------------------------------------------------- the plan page

Result<http::Response> PlanPages::ShowPlan(Context& ctx, const Edition& e, int64_t plan_id, const Error* error) {
  WP_ASSIGN_OR_RETURN(PlanDetails d, d_.commands.Details(e, plan_id));
  Phase phase = PhaseAt(e, d_.commands.Now());
  std::optional<bool> liked;
  if (phase == Phase::kLikes && ctx.user && IsLikeable(d.plan.status)) {
    WP_ASSIGN_OR_RETURN(liked, d_.commands.HasLiked(d.plan.id, ctx.user->id));
  }
  auto m = d_.municipality();
  json data = PlanPageData(ctx, {e, d, phase, liked, *m, d_.zone});
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "note",
              .label_key = "budgets.progress.field.note",
              .value = error ? ctx.form.Get("note") : "",
              .textarea = true,
              .rows = 4});
  form.Label("milestone", "budgets.progress.field.milestone");
  data["milestone_error"] = form.ErrorFor("milestone");
  form.AppendTo(data);
  return d_.web.Render(ctx, "budgets/plan.html", "", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PlanPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, FindEdition(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowPlan(ctx, e, id, nullptr);
}

Result<http::Response> PlanPages::PostProgress(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, FindEdition(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  std::optional<int64_t> milestone;
  if (std::string m = ctx.form.Get("milestone"); !m.empty()) {
    auto parsed = ParseId(m);
    if (!parsed) {
      Error bad = FormInvalid({{"milestone", "budgets.milestone.error.unknown"}});
      return ShowPlan(ctx, e, id, &bad);
    }
    milestone = *parsed;
  }
  bool done = ctx.form.Get("plan_done") == "1";
  auto r = d_.commands.PostProgress(*ctx.user, e, id, ctx.form.Get("note"), milestone, done);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowPlan(ctx, e, id, &r.error());
    return r.error();
  }
  return d_.web.Redirect(ctx, PlanPath(e, id), web::Flash{"success", "budgets.progress.saved"});
}

// ---------------------------------------------------------------- small actions

Result<http::Response> PlanPages::Act(Context& ctx, const char* flash_key,
                                      const std::function<Result<void>(const Edition&, int64_t)>& action) {
  WP_ASSIGN_OR_RETURN(Edition e, FindEdition(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_TRY_VOID(action(e, id));
  std::string back = PlanPath(e, id);
  if (auto next = http::SafeLocalPath(ctx.form.Get("next"))) back = *next;
  return d_.web.Redirect(ctx, back, web::Flash{"success", flash_key});
}

Result<http::Response> PlanPages::Withdraw(Context& ctx) {
  return Act(ctx, "budgets.plan.withdrawn",
             [&](const Edition& e, int64_t id) { return d_.commands.WithdrawPlan(*ctx.user, e, id); });
}

Result<http::Response> PlanPages::Like(Context& ctx) {
  return Act(ctx, "budgets.like.done",
             [&](const Edition& e, int64_t id) { return d_.commands.Like(*ctx.user, e, id); });
}

Result<http::Response> PlanPages::Unlike(Context& ctx) {
  return Act(ctx, "budgets.like.undone",
             [&](const Edition& e, int64_t id) { return d_.commands.Unlike(*ctx.user, e, id); });
}

Result<http::Response> PlanPages::AnswerMerge(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t merge_id, ctx.IdParam("merge"));
  bool agree = ctx.form.Get("answer") == "yes";
  return Act(ctx, "budgets.merge.answered", [&](const Edition& e, int64_t) -> Result<void> {
    WP_ASSIGN_OR_RETURN([[maybe_unused]] bool merged, d_.commands.AnswerMerge(*ctx.user, e, merge_id, agree));
    return Ok();
  });
}

// ---------------------------------------------------------------- the plan form

Result<http::Response> PlanPages::ShowForm(Context& ctx, const Edition& e, const PlanDetails* existing,
                                           const PlanInput& in, const Error* error) {
  auto m = d_.municipality();
  json data = PlanFormData(ctx, e, existing, in, *m, error ? error->fields : std::vector<FieldError>{});
  return d_.web.Render(ctx, "budgets/plan_form.html", "", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PlanPages::NewForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, FindEdition(ctx));
  if (PhaseAt(e, d_.commands.Now()) != Phase::kPlans) return Conflict("closed", "budgets.error.phase_closed");
  return ShowForm(ctx, e, nullptr, PlanInput{}, nullptr);
}

Result<http::Response> PlanPages::Submit(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, FindEdition(ctx));
  PlanInput in = PlanInputOf(ctx.form);
  auto id = d_.commands.SubmitPlan(*ctx.user, e, in, PhotosOf(ctx.form));
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowForm(ctx, e, nullptr, in, &id.error());
    return id.error();
  }
  return d_.web.Redirect(ctx, PlanPath(e, *id), web::Flash{"success", "budgets.plan.submitted"});
}

Result<http::Response> PlanPages::EditForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, FindEdition(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(PlanDetails d, d_.commands.Details(e, id));
  if (!Can(&*ctx.user, Action::kEditPlan, e, d.plan.submitter_id)) {
    return Forbidden("not the submitter", "budgets.error.forbidden");
  }
  if (PhaseAt(e, d_.commands.Now()) != Phase::kPlans || !IsEditable(d.plan.status)) {
    return Conflict("closed", "budgets.error.phase_closed");
  }
  return ShowForm(ctx, e, &d, InputOfPlan(d.plan, ctx.locale), nullptr);
}

Result<http::Response> PlanPages::Edit(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Edition e, FindEdition(ctx));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  PlanInput in = PlanInputOf(ctx.form);
  std::vector<int64_t> remove;
  for (const auto& v : ctx.form.GetAll("remove_photo")) {
    if (auto photo_id = ParseId(v)) remove.push_back(*photo_id);
  }
  auto r = d_.commands.EditPlan(*ctx.user, e, id, in, PhotosOf(ctx.form), remove);
  if (!r.has_value()) {
    if (!r.error().has_fields()) return r.error();
    WP_ASSIGN_OR_RETURN(PlanDetails d, d_.commands.Details(e, id));
    return ShowForm(ctx, e, &d, in, &r.error());
  }
  return d_.web.Redirect(ctx, PlanPath(e, id), web::Flash{"success", "budgets.plan.saved"});
}

// ---------------------------------------------------------------- photos

http::Response PlanPages::Photo(http::Request& req) {
  auto id = ParseId(req.Param("id"));
  auto photo = id ? d_.commands.PublishedPhoto(req.Param("slug"), *id, std::string(req.Param("name")))
                  : Result<std::optional<BudgetCommands::PhotoFile>>(std::nullopt);
  if (!photo.has_value()) return http::PlainErrorResponse(photo.error());
  if (!*photo) return http::PlainErrorResponse(NotFound("no such photo"));
  http::Response resp;
  resp.status = 200;
  resp.body = std::move((*photo)->bytes);
  resp.headers.Set("Content-Type", (*photo)->content_type);
  resp.headers.Set("X-Content-Type-Options", "nosniff");
  resp.headers.Set("Cache-Control", "public, max-age=86400");
  resp.headers.Set("Content-Disposition", "inline");
  return resp;
}

}  // namespace wp::budgets
