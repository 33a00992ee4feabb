#include "features/livepolls/poll_pages.h"

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/codes/letters.h"
#include "features/livepolls/results_view.h"
#include "wp_livepolls_files.h"

namespace wp::livepolls {

namespace {

using nlohmann::json;
using web::Context;

std::string PollPath(int64_t id) { return "/peiling/" + std::to_string(id); }

// The join link as an SVG QR code (dark modules as rectangles, 4-module quiet zone).
std::string QrSvg(const std::string& link, const std::string& label) {
  auto qr = codes::EncodeQr(link);
  if (!qr.has_value()) return "";
  int size = qr->width + 2 * codes::kQrQuietZoneModules;
  std::string svg = "<svg class=\"wp-poll-qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                    std::to_string(size) + " " + std::to_string(size) + "\" role=\"img\" aria-label=\"";
  AppendHtmlEscaped(svg, label);
  svg += "\"><rect width=\"" + std::to_string(size) + "\" height=\"" + std::to_string(size) + "\" fill=\"#fff\"/>";
  for (int y = 0; y < qr->width; ++y) {
    for (int x = 0; x < qr->width; ++x) {
      if (!qr->dark[static_cast<size_t>(y * qr->width + x)]) continue;
      svg += "<rect x=\"" + std::to_string(x + codes::kQrQuietZoneModules) + "\" y=\"" +
             std::to_string(y + codes::kQrQuietZoneModules) + "\" width=\"1\" height=\"1\"/>";
    }
  }
  return svg + "</svg>";
}

json PollSummary(const Context& ctx, const Poll& p) {
  return {{"title", p.title},
          {"meeting", p.meeting},
          {"code", p.join_code},
          {"status", ctx.T("livepolls.status." + std::string(StatusName(p.status)))},
          {"manage_path", PollPath(p.id) + "/beheer"},
          {"results_path", PollPath(p.id) + "/uitslag"},
          {"closed", p.status == PollStatus::kClosed}};
}

std::string_view FileText(std::string_view path) {
  for (const auto& f : LivepollsFiles()) {
    if (f.path == path) return f.data;
  }
  return "";
}

}  // namespace

Result<http::Response> PollPages::ShowList(Context& ctx, const std::vector<FieldError>& errors, int status) {
  const auth::User* viewer = ctx.user ? &*ctx.user : nullptr;
  WP_ASSIGN_OR_RETURN(auto list, commands_.PollsOf(viewer, std::string(ctx.Param("slug"))));
  json polls = json::array();
  for (const auto& p : list.polls) polls.push_back(PollSummary(ctx, p));
  json data = {{"platform", list.platform.name},
               {"action", "/wijkplatform/" + list.platform.slug + "/peilingen"},
               {"polls", polls},
               {"has_polls", !polls.empty()},
               {"presents", list.presents},
               {"empty", web::EmptyState(ctx.T("livepolls.list.empty"))},
               {"breadcrumb", web::Breadcrumb({{list.platform.name, "/wijkplatform/" + list.platform.slug},
                                               {ctx.T("livepolls.list.title"), ""}})}};
  web::FormView form(ctx, errors);
  form.Field({.name = "title", .label_key = "livepolls.form.title", .value = ctx.form.Get("title")});
  form.Field({.name = "meeting", .label_key = "livepolls.form.meeting", .value = ctx.form.Get("meeting"),
              .description_key = "livepolls.form.meeting_hint", .required = false});
  form.AppendTo(data);
  if (list.presents) WP_TRY_VOID(AddMeetingChoices(ctx, list.platform, errors, data));
  return web_.Render(ctx, "livepolls/list.html", "livepolls.list.title", data, status);
}

Result<void> PollPages::AddMeetingChoices(const Context& ctx, const platforms::Platform& platform,
                                          const std::vector<FieldError>& errors, json& data) const {
  WP_ASSIGN_OR_RETURN(auto choices, commands_.MeetingChoices(platform));
  std::string chosen = ctx.form.Get("event");
  json options = json::array({{{"value", ""}, {"label", ctx.T("livepolls.form.event_none")}, {"selected", chosen.empty()}}});
  for (const auto& m : choices) {
    std::string value = std::to_string(m.id);
    options.push_back({{"value", value},
                       {"label", m.title + " (" + time::FormatDateTime(zone_, m.starts_at, ctx.locale) + ")"},
                       {"selected", value == chosen}});
  }
  data["event_options"] = options;
  data["has_event_options"] = !choices.empty();
  for (const auto& e : errors) {
    if (e.field == "event") data["event_error"] = ctx.T(e.message_key);
  }
  return Ok();
}

Result<http::Response> PollPages::List(Context& ctx) { return ShowList(ctx, {}, 200); }

Result<http::Response> PollPages::Create(Context& ctx) {
  std::optional<int64_t> event_id;
  if (std::string event = ctx.form.Get("event"); !event.empty()) event_id = ParseId(event).value_or(0);
  auto id = commands_.CreatePoll(*ctx.user, std::string(ctx.Param("slug")), ctx.form.Get("title"),
                                 ctx.form.Get("meeting"), event_id);
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowList(ctx, id.error().fields, 422);
    return id.error();
  }
  return web_.Redirect(ctx, PollPath(*id) + "/beheer", web::Flash{"success", "livepolls.form.created"});
}

Result<http::Response> PollPages::ShowManage(Context& ctx, int64_t id, const std::vector<FieldError>& errors,
                                             int status) {
  WP_ASSIGN_OR_RETURN(auto r, commands_.Results(&*ctx.user, id));
  if (!r.presents) return Forbidden("not a presenter", "livepolls.error.forbidden");
  json questions = json::array();
  for (const auto& q : r.questions) {
    json x = QuestionJson(ctx, q, true);
    x["active"] = q.question.position == r.poll.active;
    x["hide_base"] = PollPath(id) + "/antwoorden/";
    questions.push_back(std::move(x));
  }
  json data = PollSummary(ctx, r.poll);
  data["questions"] = questions;
  data["has_questions"] = !questions.empty();
  data["draft"] = r.poll.status == PollStatus::kDraft;
  data["running"] = r.poll.status == PollStatus::kRunning;
  data["show_results"] = r.poll.show_results;
  data["step_action"] = PollPath(id) + "/stap";
  data["question_action"] = PollPath(id) + "/vragen";
  data["screen_path"] = PollPath(id) + "/scherm";
  data["participants"] = ctx.T("livepolls.results.participants", {{"count", r.participants}});
  data["breadcrumb"] = web::Breadcrumb({{r.platform.name, "/wijkplatform/" + r.platform.slug},
                                        {ctx.T("livepolls.list.title"), "/wijkplatform/" + r.platform.slug +
                                                                            "/peilingen"},
                                        {r.poll.title, ""}});
  json kinds = json::array();
  std::string chosen = ctx.form.Get("kind");
  for (auto k : {QuestionKind::kSingle, QuestionKind::kMultiple, QuestionKind::kScale, QuestionKind::kOpen}) {
    std::string name(KindName(k));
    kinds.push_back({{"value", name}, {"label", ctx.T("livepolls.kind." + name)}, {"selected", name == chosen}});
  }
  data["kinds"] = kinds;
  web::FormView form(ctx, errors);
  form.Field({.name = "text", .label_key = "livepolls.question.text", .value = ctx.form.Get("text")});
  form.Field({.name = "options", .label_key = "livepolls.question.options", .value = ctx.form.Get("options"),
              .description_key = "livepolls.question.options_hint", .required = false, .textarea = true});
  form.Field({.name = "scale", .label_key = "livepolls.question.scale", .type = "number",
              .value = ctx.form.Has("scale") ? ctx.form.Get("scale") : "5", .required = false,
              .inputmode = "numeric"});
  form.AppendTo(data);
  return web_.Render(ctx, "livepolls/manage.html", "livepolls.manage.title", data, status);
}

Result<http::Response> PollPages::Manage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowManage(ctx, id, {}, 200);
}

Result<http::Response> PollPages::AddQuestion(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  Question q;
  auto kind = ParseKind(ctx.form.Get("kind"));
  if (!kind) return ShowManage(ctx, id, {{"kind", "livepolls.error.missing"}}, 422);
  q.kind = *kind;
  q.text = ctx.form.Get("text");
  q.options = OptionLines(ctx.form.Get("options"));
  q.scale_max = static_cast<int>(ParseId(ctx.form.Get("scale")).value_or(0));
  auto added = commands_.AddQuestion(*ctx.user, id, q);
  if (!added.has_value()) {
    if (added.error().has_fields()) return ShowManage(ctx, id, added.error().fields, 422);
    return added.error();
  }
  return web_.Redirect(ctx, PollPath(id) + "/beheer", web::Flash{"success", "livepolls.question.added"});
}

Result<http::Response> PollPages::Step(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto action = ParseAction(ctx.form.Get("action"));
  if (!action) return InvalidInput("unknown action", "livepolls.flow.not_allowed");
  WP_TRY_VOID(commands_.Act(*ctx.user, id, *action));
  std::string back = ctx.form.Get("back") == "scherm" ? PollPath(id) + "/scherm" : PollPath(id) + "/beheer";
  return web_.Redirect(ctx, back);
}

Result<http::Response> PollPages::Hide(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t answer, ctx.IdParam("answer"));
  WP_TRY_VOID(commands_.HideAnswer(*ctx.user, id, answer));
  return web_.Redirect(ctx, PollPath(id) + "/beheer", web::Flash{"success", "livepolls.moderate.hidden"});
}

Result<http::Response> PollPages::Screen(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto r, commands_.Results(&*ctx.user, id));
  if (!r.presents) return Forbidden("not a presenter", "livepolls.error.forbidden");
  bool live = ctx.Query("live").value_or("") == "1";
  bool paused = ctx.Query("ververs").value_or("") == "nee";
  std::string link = web_.options().base_url + "/doe-mee/" + r.poll.join_code;
  json data = PollSummary(ctx, r.poll);
  data["results"] = ResultsJson(ctx, r, false);
  data["join_link"] = link;
  data["qr_html"] = QrSvg(link, ctx.T("livepolls.screen.qr_label", {{"code", r.poll.join_code}}));
  data["running"] = r.poll.status == PollStatus::kRunning;
  data["step_action"] = PollPath(id) + "/stap";
  data["show_results"] = r.poll.show_results;
  data["refresh_path"] = PollPath(id) + "/scherm";
  data["json_path"] = PollPath(id) + "/uitslag.json";
  data["paused"] = paused;
  data["live"] = live;
  http::Response resp = web_.Render(ctx, "livepolls/screen.html", "livepolls.screen.title", data);
  resp.headers.Set("Cache-Control", "private,no-store");
  // Without JavaScript the browser reloads the page every 5 seconds; live.js
  // moves to ?live=1 (no Refresh header) and updates the results itself.
  if (!live && !paused) resp.headers.Set("Refresh", "5");
  return resp;
}

Result<http::Response> PollPages::Json(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto r, commands_.Results(ctx.user ? &*ctx.user : nullptr, id));
  json data = ResultsJson(ctx, r, false);
  std::string body = data.dump();
  std::string etag = "\"" + Sha256Hex(body).substr(0, 20) + "\"";
  http::Response resp = ctx.request->headers.Get("if-none-match") == etag ? http::Response{304, {}, ""}
                                                                          : http::Response::Json(body);
  resp.headers.Set("ETag", etag);
  resp.headers.Set("Cache-Control", "private,no-cache");
  return resp;
}

Result<http::Response> PollPages::Script(Context&) {
  http::Response resp{200, {}, std::string(FileText("views/live.js"))};
  resp.headers.Set("Content-Type", "text/javascript; charset=utf-8");
  resp.headers.Set("Cache-Control", "public,max-age=300");
  return resp;
}

Result<http::Response> PollPages::Results(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto r, commands_.Results(ctx.user ? &*ctx.user : nullptr, id));
  json data = PollSummary(ctx, r.poll);
  data["results"] = ResultsJson(ctx, r, false);
  data["participants"] = ctx.T("livepolls.results.participants", {{"count", r.participants}});
  data["platform_path"] = "/wijkplatform/" + r.platform.slug + "/peilingen";
  data["csv_path"] = PollPath(id) + "/uitslag.csv";
  WP_ASSIGN_OR_RETURN(auto activity, commands_.MeetingOf(r.poll));
  if (activity) data["activity_path"] = activity->path;
  data["breadcrumb"] = web::Breadcrumb({{r.platform.name, "/wijkplatform/" + r.platform.slug},
                                        {ctx.T("livepolls.list.title"), "/wijkplatform/" + r.platform.slug +
                                                                            "/peilingen"},
                                        {r.poll.title, ""}});
  return web_.Render(ctx, "livepolls/results.html", "livepolls.results.title", data);
}

namespace {

// The rows of one question: each choice or scale value with its count; for an
// open question the words of the cloud (hidden answers are left out).
void AppendCsvRows(const QuestionResult& q, std::string& out) {
  std::string prefix = std::to_string(q.question.position + 1) + "," + CsvText(q.question.text) + "," +
                       std::string(KindName(q.question.kind)) + ",";
  if (q.question.kind == QuestionKind::kOpen) {
    for (const auto& w : q.words) out += prefix + CsvText(w.word) + "," + std::to_string(w.count) + "\r\n";
    return;
  }
  for (size_t i = 0; i < q.counts.size(); ++i) {
    std::string label = q.question.kind == QuestionKind::kScale ? std::to_string(i + 1)
                        : i < q.question.options.size()          ? q.question.options[i]
                                                                 : std::to_string(i + 1);
    out += prefix + CsvText(label) + "," + std::to_string(q.counts[i]) + "\r\n";
  }
}

}  // namespace

Result<http::Response> PollPages::Csv(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto r, commands_.Results(ctx.user ? &*ctx.user : nullptr, id));
  std::string body = ctx.locale == "en" ? "question_number,question,kind,answer,count\r\n"
                                        : "vraag_nummer,vraag,soort,antwoord,aantal\r\n";
  for (const auto& q : r.questions) AppendCsvRows(q, body);
  http::Response resp{200, {}, std::move(body)};
  resp.headers.Set("Content-Type", "text/csv; charset=utf-8");
  resp.headers.Set("Content-Disposition", "attachment; filename=\"peiling-" + std::to_string(id) + ".csv\"");
  resp.headers.Set("Cache-Control", r.poll.status == PollStatus::kClosed ? "public, max-age=300" : "no-store");
  return resp;
}

}  // namespace wp::livepolls
