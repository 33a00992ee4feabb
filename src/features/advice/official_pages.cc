#include "features/advice/official_pages.h"

#include <algorithm>

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/advice/advice_view.h"
#include "features/advice/deadlines.h"

namespace wp::advice {

namespace {

using nlohmann::json;
using web::Context;

RequestForm FormFromPost(const http::FormData& f) {
  RequestForm r{f.Get("subject"),
                f.Get("questions"),
                f.Get("level"),
                f.Get("deadline"),
                f.Get("contact_name"),
                f.Get("contact_email"),
                false,
                f.Get("confidential_reason"),
                {}};
  r.confidential = f.Get("confidential") == "1";
  for (const auto& v : f.GetAll("platform")) {
    if (auto id = ParseId(v)) r.platform_ids.push_back(*id);
  }
  return r;
}

std::vector<PointAnswer> AnswersFromPost(const http::FormData& f, size_t count) {
  std::vector<PointAnswer> out;
  for (size_t i = 1; i <= count; ++i) {
    out.push_back({f.Get("verdict_" + std::to_string(i)), f.Get("reason_" + std::to_string(i))});
  }
  return out;
}

Result<int64_t> IdOf(Context& ctx) { return ctx.IdParam("id"); }

// The participation levels to choose from, `f`'s selected.
json LevelChoices(const Context& ctx, const RequestForm& f) {
  json levels = json::array();
  for (ParticipationLevel l : kAllLevels) {
    std::string name(LevelName(l));
    levels.push_back({{"value", name}, {"label", ctx.T("advice.level." + name)}, {"selected", name == f.level}});
  }
  return levels;
}

// The active platforms the user may ask, those of `f` ticked. A platform `f`
// asks that is no longer active stays in the list, ticked and marked, so that
// saving a draft does not drop it unseen; the official may untick it.
Result<json> PlatformChoices(const Context& ctx, const AdviceCommands& commands, const RequestForm& f) {
  WP_ASSIGN_OR_RETURN(auto listed, commands.directory().Active());
  for (int64_t id : f.platform_ids) {
    if (std::any_of(listed.begin(), listed.end(), [&](const platforms::Platform& p) { return p.id == id; })) continue;
    WP_ASSIGN_OR_RETURN(auto p, commands.directory().FindById(id));
    if (p) listed.push_back(std::move(*p));
  }
  json platforms = json::array();
  for (const auto& p : listed) {
    if (!Can(*ctx.user, Action::kAskAdvice, platforms::PlatformScope(p.id), p.borough_slug)) continue;
    bool chosen = std::find(f.platform_ids.begin(), f.platform_ids.end(), p.id) != f.platform_ids.end();
    // The first box carries the field's id, where the error summary links.
    std::string element_id = platforms.empty() ? "f-platforms" : "f-platform-" + std::to_string(p.id);
    std::string name =
        platforms::IsActive(p.status) ? p.name : p.name + " (" + ctx.T("advice.request.platform_inactive") + ")";
    platforms.push_back({{"id", p.id}, {"element_id", element_id}, {"name", name}, {"checked", chosen}});
  }
  return platforms;
}

// The form as a draft request fills it.
RequestForm FormOf(const AdviceCommands& commands, const AdviceRequest& r) {
  return {r.subject,
          r.questions,
          std::string(LevelName(r.level)),
          time::LastDayInputValue(commands.zone(), r.deadline_at),
          r.contact_name,
          r.contact_email,
          r.confidential,
          r.confidential_reason,
          r.platform_ids};
}

}  // namespace

Result<http::Response> OfficialPages::Overview(Context& ctx) {
  if (!IsOfficial(*ctx.user)) return Forbidden("not an official", "advice.error.forbidden");
  WP_ASSIGN_OR_RETURN(auto awaiting, commands_.AwaitingAnswer(*ctx.user));
  int64_t now = commands_.Now();
  std::vector<Advice> overdue;
  for (const auto& a : awaiting) {
    if (IsAnswerOverdue(a.status, a.answer_due_at, now)) overdue.push_back(a);
  }
  WP_ASSIGN_OR_RETURN(auto requests, commands_.Requests(ctx.user, 0));
  std::erase_if(requests, [](const AdviceRequest& r) {
    return r.status == RequestStatus::kClosed || r.status == RequestStatus::kWithdrawn;
  });
  json data = {
      {"new", web::ActionLink(ctx.T("advice.official.new"), std::string(kOfficialPath) + "/aanvraag/nieuw",
                              web::ActionKind::kPrimary)},
      {"overdue", AdvicesTable(ctx, commands_, overdue, "advice.official.overdue", "advice.official.none_overdue")},
      {"awaiting", AdvicesTable(ctx, commands_, awaiting, "advice.official.awaiting", "advice.official.none_awaiting")},
      {"requests", RequestsTable(ctx, commands_, requests, "advice.official.requests", "advice.official.no_requests")},
      {"breadcrumb",
       web::Breadcrumb({{ctx.T("advice.index.title"), kIndexPath}, {ctx.T("advice.official.title"), kOfficialPath}})}};
  return web_.Render(ctx, "advice/official.html", "advice.official.title", data);
}

Result<http::Response> OfficialPages::ShowRequestForm(Context& ctx, const RequestForm& f, const Error* error,
                                                      const AdviceRequest* editing) {
  if (!IsOfficial(*ctx.user)) return Forbidden("not an official", "advice.error.forbidden");
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "subject", .label_key = "advice.field.subject", .value = f.subject});
  form.Field({.name = "questions",
              .label_key = "advice.field.questions",
              .value = f.questions,
              .description_key = "advice.field.questions_hint",
              .textarea = true,
              .rows = 8});
  form.Label("level", "advice.field.level");
  form.Label("platforms", "advice.field.platforms");
  form.Field({.name = "deadline",
              .label_key = "advice.field.deadline",
              .type = "date",
              .value = f.deadline,
              .description_key = "advice.field.deadline_hint"});
  form.Field({.name = "contact_name", .label_key = "advice.field.contact_name", .value = f.contact_name});
  form.Field({.name = "contact_email",
              .label_key = "advice.field.contact_email",
              .type = "email",
              .value = f.contact_email,
              .autocomplete = "email"});
  form.Field({.name = "confidential_reason",
              .label_key = "advice.field.confidential_reason",
              .value = f.confidential_reason,
              .description_key = "advice.field.confidential_reason_hint",
              .required = false,
              .textarea = true,
              .rows = 3});
  WP_ASSIGN_OR_RETURN(json platforms, PlatformChoices(ctx, commands_, f));
  json data = {{"levels", LevelChoices(ctx, f)},
               {"level_error", form.ErrorFor("level")},
               {"platforms", platforms},
               {"platforms_error", form.ErrorFor("platforms")},
               {"no_platforms", platforms.empty()},
               {"confidential", f.confidential}};
  std::string action = editing ? EditRequestPath(editing->id) : std::string(kOfficialPath) + "/aanvraag/nieuw";
  std::vector<web::Crumb> crumbs = {{ctx.T("advice.official.title"), kOfficialPath}};
  if (editing) {
    data["intro"] = ctx.T("advice.request_edit.intro");
    data["save_label"] = ctx.T("advice.edit.save");
    data["back"] = RequestPath(editing->id);
    data["back_label"] = ctx.T("advice.request_edit.cancel");
    crumbs.push_back({editing->subject, RequestPath(editing->id)});
    crumbs.push_back({ctx.T("advice.request_edit.title"), action});
  } else {
    data["files_field"] = FilesFieldJson(ctx, error);
    form.Label("files", "advice.attachments.field");
    data["intro"] = ctx.T("advice.official.new_intro");
    data["save_label"] = ctx.T("advice.official.save_draft");
    crumbs.push_back({ctx.T("advice.official.new"), action});
  }
  data["action"] = action;
  data["breadcrumb"] = web::Breadcrumb(crumbs);
  form.AppendTo(data);
  return web_.Render(ctx, "advice/request_form.html", editing ? "advice.request_edit.title" : "advice.official.new",
                     data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::NewRequest(Context& ctx) {
  RequestForm f;
  f.level = LevelName(ParticipationLevel::kAdvise);
  f.contact_name = ctx.user->display_name;
  f.contact_email = ctx.user->email;
  f.deadline = time::LastDayInputValue(
      commands_.zone(), DefaultRequestDeadline(commands_.zone(), commands_.working_days(), commands_.Now()));
  return ShowRequestForm(ctx, f, nullptr);
}

Result<http::Response> OfficialPages::CreateRequest(Context& ctx) {
  RequestForm f = FormFromPost(ctx.form);
  auto id = commands_.CreateRequest(*ctx.user, f, UploadsOf(ctx));
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowRequestForm(ctx, f, &id.error());
    return id.error();
  }
  return web_.Redirect(ctx, RequestPath(*id), web::Flash{"success", "advice.request.created"});
}

Result<RequestThread> OfficialPages::EditableRequest(Context& ctx) const {
  if (!IsOfficial(*ctx.user)) return Forbidden("not an official", "advice.error.forbidden");
  WP_ASSIGN_OR_RETURN(int64_t id, IdOf(ctx));
  WP_ASSIGN_OR_RETURN(RequestThread t, commands_.Request(ctx.user, id));
  WP_TRY_VOID(commands_.CheckRequestEditable(*ctx.user, t.request, t.platforms));
  return t;
}

Result<http::Response> OfficialPages::EditRequest(Context& ctx) {
  WP_ASSIGN_OR_RETURN(RequestThread t, EditableRequest(ctx));
  return ShowRequestForm(ctx, FormOf(commands_, t.request), nullptr, &t.request);
}

Result<http::Response> OfficialPages::UpdateRequest(Context& ctx) {
  WP_ASSIGN_OR_RETURN(RequestThread t, EditableRequest(ctx));
  RequestForm f = FormFromPost(ctx.form);
  auto changed = commands_.EditRequest(*ctx.user, t.request.id, f);
  if (!changed.has_value()) {
    if (changed.error().has_fields()) return ShowRequestForm(ctx, f, &changed.error(), &t.request);
    return changed.error();
  }
  return web_.Redirect(ctx, RequestPath(t.request.id),
                       web::Flash{*changed ? "success" : "info",
                                  *changed ? "advice.request_edit.saved" : "advice.request_edit.unchanged"});
}

Result<http::Response> OfficialPages::Send(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, IdOf(ctx));
  auto sent = commands_.SendRequest(*ctx.user, id);
  if (!sent.has_value()) {
    // A deadline that passed while it was a draft: say so on the request page.
    if (sent.error().has_fields())
      return web_.Redirect(ctx, RequestPath(id), web::Flash{"error", "advice.error.past_deadline"});
    return sent.error();
  }
  return web_.Redirect(ctx, RequestPath(id), web::Flash{"success", "advice.request.sent"});
}

Result<http::Response> OfficialPages::Withdraw(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, IdOf(ctx));
  auto r = commands_.WithdrawRequest(*ctx.user, id, ctx.form.Get("reason"));
  if (!r.has_value()) {
    if (r.error().has_fields()) return public_pages_.ShowRequest(ctx, id, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, RequestPath(id), web::Flash{"success", "advice.request.withdrawn"});
}

Result<http::Response> OfficialPages::Close(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, IdOf(ctx));
  WP_TRY_VOID(commands_.CloseRequest(*ctx.user, id));
  return web_.Redirect(ctx, RequestPath(id), web::Flash{"success", "advice.request.closed"});
}

Result<http::Response> OfficialPages::ShowAnswer(Context& ctx, int64_t id, const std::vector<PointAnswer>& typed,
                                                 const Error* error) {
  WP_ASSIGN_OR_RETURN(AdviceThread t, commands_.AdviceOf(ctx.user, id));
  if (!Can(*ctx.user, Action::kAnswer, platforms::PlatformScope(t.platform.id), t.platform.borough_slug)) {
    return Forbidden("may not answer", "advice.error.forbidden");
  }
  if (t.advice.status != AdviceStatus::kSubmitted) return Conflict("not waiting", "advice.error.not_waiting");
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  json points = json::array();
  for (size_t i = 0; i < t.advice.points.size(); ++i) {
    const AdvicePoint& p = t.advice.points[i];
    std::string n = std::to_string(p.number);
    PointAnswer a = i < typed.size() ? typed[i] : PointAnswer{};
    form.Label("verdict_" + n, "advice.answer.verdict");
    form.Field(
        {.name = "reason_" + n, .label_key = "advice.answer.reason", .value = a.reason, .textarea = true, .rows = 4});
    json verdicts = json::array();
    for (Verdict v : kAllVerdicts) {
      std::string name(VerdictName(v));
      verdicts.push_back({{"value", name},
                          {"label", ctx.T("advice.verdict." + name)},
                          {"checked", name == a.verdict},
                          // The first radio carries the field's id, where the error summary links.
                          {"id", v == kAllVerdicts[0] ? "f-verdict_" + n : "f-verdict_" + n + "-" + name}});
    }
    points.push_back({{"number", p.number},
                      {"paragraphs", Paragraphs(p.text)},
                      {"verdicts", verdicts},
                      {"verdict_name", "verdict_" + n},
                      {"verdict_error", form.ErrorFor("verdict_" + n)},
                      {"legend", ctx.T("advice.answer.point", {{"number", static_cast<int64_t>(p.number)}})}});
  }
  json data = {{"title", ctx.T("advice.answer.heading", {{"title", t.advice.title}})},
               {"facts", AdviceFacts(ctx, commands_, t)},
               {"points", points},
               {"action", AnswerPath(id)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("advice.official.title"), kOfficialPath},
                                               {t.advice.title, AdvicePath(id)},
                                               {ctx.T("advice.answer.title"), AnswerPath(id)}})}};
  form.AppendTo(data);
  // Each point's reason field is rendered inside its own fieldset.
  for (auto& p : data["points"]) p["reason"] = data["fields"]["reason_" + std::to_string(p["number"].get<int>())];
  return web_.Render(ctx, "advice/answer_form.html", "advice.answer.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::AnswerForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, IdOf(ctx));
  return ShowAnswer(ctx, id, {}, nullptr);
}

Result<http::Response> OfficialPages::Answer(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, IdOf(ctx));
  WP_ASSIGN_OR_RETURN(AdviceThread t, commands_.AdviceOf(ctx.user, id));
  auto answers = AnswersFromPost(ctx.form, t.advice.points.size());
  auto r = commands_.AnswerAdvice(*ctx.user, id, answers);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowAnswer(ctx, id, answers, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, AdvicePath(id), web::Flash{"success", "advice.answer.saved"});
}

}  // namespace wp::advice
