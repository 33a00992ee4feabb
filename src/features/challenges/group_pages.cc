#include "features/challenges/group_pages.h"

#include "core/http/error_response.h"
#include "core/web/forms.h"
#include "features/challenges/challenge_view.h"

namespace wp::challenges {

namespace {

using nlohmann::json;
using web::Context;

template <typename F>
Result<http::Response> FormOr(const Error& e, F show) {
  if (e.has_fields()) return show(&e);
  return e;
}

// An amount as the form reads it back: "4000" or "4000,50".
std::string AmountInput(int64_t cents) {
  std::string out = std::to_string(cents / 100);
  if (cents % 100 != 0) {
    out += ',';
    out += static_cast<char>('0' + (cents % 100) / 10);
    out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

// "Maaien;4000" lines of a business case, to fill the form again.
std::string LinesText(const BusinessCase& b) {
  std::string out;
  for (const auto& l : b.lines) out += l.description + ";" + AmountInput(l.amount_cents) + "\n";
  return out;
}

}  // namespace

Result<http::Response> GroupPages::ShowNew(Context& ctx, const ChallengeForm& f, const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "task",
              .label_key = "challenges.field.task",
              .value = f.task,
              .description_key = "challenges.field.task_hint",
              .textarea = true,
              .rows = 4});
  form.Field({.name = "area",
              .label_key = "challenges.field.area",
              .value = f.area,
              .description_key = "challenges.field.area_hint"});
  form.Label("borough", "challenges.field.borough");
  form.Field({.name = "group_name", .label_key = "challenges.field.group_name", .value = f.group_name});
  form.Field({.name = "estimate",
              .label_key = "challenges.field.estimate",
              .value = f.estimate,
              .description_key = "challenges.field.estimate_hint",
              .inputmode = "decimal"});
  form.Field({.name = "contact_name", .label_key = "challenges.field.contact_name", .value = f.contact_name});
  form.Field({.name = "contact_email",
              .label_key = "challenges.field.contact_email",
              .type = "email",
              .value = f.contact_email,
              .autocomplete = "email"});
  json data;
  form.AppendTo(data);
  data["boroughs"] = Options(commands_.Boroughs(), f.borough);
  data["borough_error"] = form.ErrorFor("borough");
  data["legal_entity"] = f.legal_entity == "1";
  data["breadcrumb"] =
      web::Breadcrumb({{ctx.T("challenges.index.title"), kIndexPath}, {ctx.T("challenges.new.title"), kNewPath}});
  return web_.Render(ctx, "challenges/challenge_form.html", "challenges.new.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> GroupPages::NewForm(Context& ctx) {
  ChallengeForm f;
  f.contact_name = ctx.user->display_name;
  f.contact_email = ctx.user->email;
  return ShowNew(ctx, f, nullptr);
}

Result<http::Response> GroupPages::Create(Context& ctx) {
  const auto& in = ctx.form;
  ChallengeForm f{in.Get("task"),         in.Get("area"),     in.Get("borough"),      in.Get("group_name"),
                  in.Get("legal_entity"), in.Get("estimate"), in.Get("contact_name"), in.Get("contact_email")};
  auto id = commands_.Submit(*ctx.user, f);
  if (!id.has_value()) return FormOr(id.error(), [&](const Error* e) { return ShowNew(ctx, f, e); });
  return web_.Redirect(ctx, ChallengePath(*id), web::Flash{"success", "challenges.new.saved"});
}

Result<http::Response> GroupPages::ShowCase(Context& ctx, const Challenge& c, const BusinessCaseForm& f,
                                            const Error* error) {
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "lines",
              .label_key = "challenges.field.lines",
              .value = f.lines,
              .description_key = "challenges.field.lines_hint",
              .textarea = true,
              .rows = 8});
  form.Field({.name = "current_cost",
              .label_key = "challenges.field.current_cost",
              .value = f.current_cost,
              .description_key = "challenges.field.current_cost_hint",
              .inputmode = "decimal"});
  form.Field({.name = "risks", .label_key = "challenges.field.risks", .value = f.risks, .textarea = true, .rows = 4});
  form.Field({.name = "quality",
              .label_key = "challenges.field.quality",
              .value = f.quality,
              .description_key = "challenges.field.quality_hint",
              .textarea = true,
              .rows = 4});
  json data;
  form.AppendTo(data);
  data["action"] = ChallengePath(c.id) + "/businesscase";
  data["title"] = c.task;
  data["breadcrumb"] = web::Breadcrumb({{ctx.T("challenges.index.title"), kIndexPath},
                                        {c.task, ChallengePath(c.id)},
                                        {ctx.T("challenges.case.title"), ChallengePath(c.id) + "/businesscase"}});
  return web_.Render(ctx, "challenges/case_form.html", "challenges.case.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> GroupPages::CaseForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(ChallengeView v, commands_.View(id));
  if (!UserCan(ctx, Action::kWriteBusinessCase, v.challenge)) {
    return Forbidden("may not", "challenges.error.forbidden");
  }
  BusinessCaseForm f;
  if (v.business_case) {
    f = {LinesText(*v.business_case), AmountInput(v.business_case->current_cost_cents), v.business_case->risks,
         v.business_case->quality};
  }
  return ShowCase(ctx, v.challenge, f, nullptr);
}

Result<http::Response> GroupPages::SaveCase(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  BusinessCaseForm f{ctx.form.Get("lines"), ctx.form.Get("current_cost"), ctx.form.Get("risks"),
                     ctx.form.Get("quality")};
  auto saved = commands_.SaveBusinessCase(*ctx.user, id, f);
  if (!saved.has_value()) {
    return FormOr(saved.error(), [&](const Error* e) -> Result<http::Response> {
      WP_ASSIGN_OR_RETURN(ChallengeView v, commands_.View(id));
      return ShowCase(ctx, v.challenge, f, e);
    });
  }
  return web_.Redirect(ctx, ChallengePath(id), web::Flash{"success", "challenges.case.saved"});
}

Result<http::Response> GroupPages::Report(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto done = commands_.AddReport(*ctx.user, id, ctx.form.Get("period"), ctx.form.Get("text"), ctx.form.Get("spent"));
  if (!done.has_value()) {
    return FormOr(done.error(), [&](const Error* e) { return open_.ShowChallenge(ctx, id, "report", e); });
  }
  return web_.Redirect(ctx, ChallengePath(id), web::Flash{"success", "challenges.reports.saved"});
}

Result<http::Response> OfficialPages::Check(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto done =
      commands_.RecordCheck(*ctx.user, id, ctx.form.Get("criterion"), ctx.form.Get("met"), ctx.form.Get("reason"));
  if (!done.has_value()) {
    return FormOr(done.error(), [&](const Error* e) { return open_.ShowChallenge(ctx, id, "check", e); });
  }
  return web_.Redirect(ctx, ChallengePath(id), web::Flash{"success", "challenges.check.saved"});
}

Result<http::Response> OfficialPages::Decide(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto done =
      commands_.Decide(*ctx.user, id, ctx.form.Get("moment"), ctx.form.Get("decision"), ctx.form.Get("reasons"));
  if (!done.has_value()) {
    return FormOr(done.error(), [&](const Error* e) { return open_.ShowChallenge(ctx, id, "decision", e); });
  }
  return web_.Redirect(ctx, ChallengePath(id), web::Flash{"success", "challenges.decisions.saved"});
}

}  // namespace wp::challenges
