#include "features/talks/public_pages.h"

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/web/forms.h"
#include "features/talks/talk_view.h"

namespace wp::talks {

using nlohmann::json;
using web::Context;

Result<http::Response> PublicPages::Index(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto rounds, commands_.Rounds(nullptr));
  json list = json::array();
  for (const auto& r : rounds) {
    list.push_back({{"title", RoundTitle(ctx, commands_, r.round)}, {"table", MeetingsTable(ctx, commands_, r, false)}});
  }
  json data = {{"rounds", list},
               {"none", list.empty() ? json(web::EmptyState(ctx.T("talks.index.none"))) : json()},
               {"breadcrumb", web::Breadcrumb({{ctx.T("talks.index.title"), kPublicPath}})}};
  if (ctx.user && IsPlanner(*ctx.user)) {
    data["manage"] = web::ActionLink(ctx.T("talks.official.title"), kOfficialPath, web::ActionKind::kPrimary);
  }
  return web_.Render(ctx, "talks/index.html", "talks.index.title", data);
}

Result<http::Response> PublicPages::ShowMeeting(Context& ctx, int64_t id, const Error* error) {
  const auth::User* viewer = ctx.user ? &*ctx.user : nullptr;
  WP_ASSIGN_OR_RETURN(MeetingView v, commands_.MeetingOf(viewer, id));
  const talks::Meeting& m = v.meeting;
  json data = {{"title", ctx.T("talks.meeting.heading", {{"platform", v.platform.name}})},
               {"status", Badge(ctx, m.status)},
               {"facts", Facts(ctx, commands_, v)},
               {"agenda", Agenda(ctx, v.agenda)},
               {"history", HistoryTable(ctx, commands_, v.history)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("talks.index.title"), kPublicPath},
                                               {ctx.T("talks.meeting.title"), MeetingPath(id)}})}};
  data["has_agenda"] = !v.agenda.empty();
  data["drafts"] = v.reads_drafts;
  if (v.reads_drafts) {
    json paragraphs = json::array();
    for (const auto& line : Split(m.minutes, '\n')) {
      if (!Trim(line).empty()) paragraphs.push_back(std::string(Trim(line)));
    }
    data["has_minutes"] = !paragraphs.empty();
    data["minutes"] = paragraphs;
    data["draft"] = !IsPublished(m.status);
    data["agreements"] = AgreementsTable(ctx, commands_, v.agreements);
  }
  if (v.plans) data["manage"] = web::ActionLink(ctx.T("talks.meeting.manage"), RecordPath(id), web::ActionKind::kPrimary);
  if (v.proposes) {
    web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
    form.Field({.name = "text",
                .label_key = "talks.agenda.text",
                .value = ctx.form.Get("text"),
                .description_key = "talks.agenda.text_hint",
                .textarea = true,
                .rows = 3});
    form.AppendTo(data);
    data["propose_action"] = MeetingPath(id) + "/agenda";
  }
  return web_.Render(ctx, "talks/meeting.html", "talks.meeting.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::Meeting(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowMeeting(ctx, id, nullptr);
}

Result<http::Response> PublicPages::Propose(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto r = commands_.ProposeItem(*ctx.user, id, ctx.form.Get("text"));
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowMeeting(ctx, id, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, MeetingPath(id), web::Flash{"success", "talks.agenda.saved"});
}

}  // namespace wp::talks
