// The record page of a meeting (OfficialPages): the minutes, the agreements,
// held, cancelled, closed.
#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/web/forms.h"
#include "features/talks/official_pages.h"
#include "features/talks/talk_view.h"

namespace wp::talks {

namespace {

using nlohmann::json;
using web::Context;

// The agreement form and the agreements with their remove buttons.
void AddAgreementForms(Context& ctx, const MeetingView& v, bool typed, web::FormView& form, json& data) {
  auto value = [&](const std::string& name) { return typed ? ctx.form.Get(name) : std::string(); };
  form.Field({.name = "text", .label_key = "talks.agreement.text", .value = value("text"),
              .description_key = "talks.agreement.text_hint", .textarea = true, .rows = 3});
  form.Field({.name = "department", .label_key = "talks.agreement.department", .value = value("department")});
  form.Field({.name = "person", .label_key = "talks.agreement.person", .value = value("person")});
  form.Field({.name = "due", .label_key = "talks.agreement.due", .type = "date", .value = value("due")});
  json removable = json::array();
  int64_t id = v.meeting.id;
  for (const auto& a : v.agreements) {
    removable.push_back({{"text", a.text},
                         {"remove", web::ActionButton(ctx.T("talks.agreement.remove"),
                                                      ManagePath(id, "afspraken/" + std::to_string(a.id) + "/verwijderen"),
                                                      ctx.csrf_token, web::ActionKind::kSubtle)}});
  }
  data["has_agreements"] = !removable.empty();
  data["agreement_list"] = removable;
  data["agreement_action"] = ManagePath(id, "afspraken");
  data["held"] = web::ActionButton(ctx.T("talks.record.mark_held"), ManagePath(id, "gehouden"), ctx.csrf_token,
                                   web::ActionKind::kPrimary);
}

// True when the refused form had `field`: its typed value is shown again.
bool Posted(const Context& ctx, const Error* error, const char* field) {
  return error && ctx.form.Has(field);
}

}  // namespace

Result<http::Response> OfficialPages::ShowRecord(Context& ctx, int64_t id, const Error* error) {
  WP_ASSIGN_OR_RETURN(MeetingView v, commands_.MeetingOf(&*ctx.user, id));
  if (!v.plans) return Forbidden("not a planner", "talks.error.forbidden");
  const talks::Meeting& m = v.meeting;
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  json data = {{"title", ctx.T("talks.record.heading", {{"platform", v.platform.name}})},
               {"status", Badge(ctx, m.status)},
               {"facts", Facts(ctx, commands_, v)},
               {"public", web::ActionLink(ctx.T("talks.record.public"), MeetingPath(id))},
               {"breadcrumb", web::Breadcrumb({{ctx.T("talks.official.title"), kOfficialPath},
                                               {ctx.T("talks.record.title"), RecordPath(id)}})}};
  if (m.status == Status::kToPlan || IsUpcoming(m.status)) {
    data["schedule"] = web::ActionLink(ctx.T(m.status == Status::kToPlan ? "talks.record.plan" : "talks.record.move"),
                                       SchedulePath(id), web::ActionKind::kPrimary);
    form.Field({.name = "reason", .label_key = "talks.record.cancel_reason",
                .value = Posted(ctx, error, "reason") ? ctx.form.Get("reason") : "", .textarea = true, .rows = 3});
    data["cancel_action"] = ManagePath(id, "afgelasten");
  }
  if (IsUpcoming(m.status) || m.status == Status::kHeld) {
    form.Field({.name = "minutes", .label_key = "talks.record.minutes",
                .value = Posted(ctx, error, "minutes") ? ctx.form.Get("minutes") : m.minutes,
                .description_key = "talks.record.minutes_hint", .required = m.status == Status::kHeld,
                .textarea = true, .rows = 10});
    data["minutes_action"] = RecordPath(id);
  }
  if (IsUpcoming(m.status)) AddAgreementForms(ctx, v, Posted(ctx, error, "due"), form, data);
  if (m.status == Status::kHeld) {
    data["agreements"] = AgreementsTable(ctx, commands_, v.agreements);
    data["close"] = web::ActionButton(ctx.T("talks.record.close"), ManagePath(id, "sluiten"), ctx.csrf_token);
  }
  form.AppendTo(data);
  return web_.Render(ctx, "talks/record.html", "talks.record.title", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::Record(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowRecord(ctx, id, nullptr);
}

Result<http::Response> OfficialPages::After(Context& ctx, int64_t id, const Result<void>& done, const char* flash_key) {
  if (!done.has_value()) {
    if (done.error().has_fields()) return ShowRecord(ctx, id, &done.error());
    return done.error();
  }
  return web_.Redirect(ctx, RecordPath(id), web::Flash{"success", flash_key});
}

Result<http::Response> OfficialPages::SaveMinutes(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return After(ctx, id, commands_.SaveMinutes(*ctx.user, id, ctx.form.Get("minutes")), "talks.record.minutes_saved");
}

Result<http::Response> OfficialPages::AddAgreement(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  AgreementForm f{ctx.form.Get("text"), ctx.form.Get("department"), ctx.form.Get("person"), ctx.form.Get("due")};
  return After(ctx, id, commands_.AddAgreement(*ctx.user, id, f), "talks.agreement.saved");
}

Result<http::Response> OfficialPages::RemoveAgreement(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t agreement, ctx.IdParam("agreement"));
  return After(ctx, id, commands_.RemoveAgreement(*ctx.user, id, agreement), "talks.agreement.removed");
}

Result<http::Response> OfficialPages::MarkHeld(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return After(ctx, id, commands_.MarkHeld(*ctx.user, id), "talks.record.held");
}

Result<http::Response> OfficialPages::Cancel(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return After(ctx, id, commands_.Cancel(*ctx.user, id, ctx.form.Get("reason")), "talks.record.cancelled");
}

Result<http::Response> OfficialPages::Close(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return After(ctx, id, commands_.Close(*ctx.user, id), "talks.record.closed");
}

}  // namespace wp::talks
