#include "features/signals/resident_pages.h"

#include <algorithm>

#include "core/http/error_response.h"
#include "core/http/form.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/signals/deadlines.h"
#include "features/signals/signal_view.h"

namespace wp::signals {

namespace {

using nlohmann::json;
using web::Context;
using web::FormView;

int StatusOf(const std::vector<FieldError>& errors, const Error* error) {
  if (error) return http::StatusForError(*error);
  return errors.empty() ? 200 : 422;
}

ReportInput ReadReport(const Context& ctx) {
  ReportInput in;
  in.category_slug = ctx.form.Get("category");
  in.description = ctx.form.Get("description");
  in.share_publicly = ctx.form.Get("share") == "ja";
  in.email = ctx.form.Get("email");
  in.locale = ctx.locale;
  in.form_nonce = ctx.form.Get("nonce");
  // On behalf of a platform (its kernteam); the command checks the grant.
  if (std::string platform = ctx.form.Get("platform"); !platform.empty()) {
    in.platform_id = ParseId(platform).value_or(-1);
  }
  in.location.neighbourhood_code = ctx.form.Get("neighbourhood");
  in.location.street = ctx.form.Get("street");
  // A buurt chosen from the list wins over a point clicked before.
  if (in.location.neighbourhood_code.empty()) {
    in.location.lon = ParseCoordinate(ctx.form.Get("lon"));
    in.location.lat = ParseCoordinate(ctx.form.Get("lat"));
    if (!in.location.lon || !in.location.lat) in.location.lon = in.location.lat = std::nullopt;
  }
  return in;
}

// The answers posted for `questions` (fields "q_<code>").
Answers ReadAnswers(const Context& ctx, const std::vector<Question>& questions) {
  Answers out;
  for (const auto& q : questions) out[q.code] = ctx.form.GetAll("q_" + q.code);
  return out;
}

json ChoiceQuestionJson(const Context& ctx, const Question& q, const std::vector<std::string>& given) {
  std::string name = "q_" + q.code;
  bool multi = q.kind == QuestionKind::kMultiChoice;
  json j = {{"choice", true},
            {"id", "f-" + name},
            {"name", name},
            {"label", q.TextIn(ctx.locale)},
            {"required", q.required},
            {"input", multi ? "checkbox" : "radio"},
            {"input_class", multi ? "checkbox" : "radio-button"}};
  json choices = json::array();
  for (const auto& c : q.choices) {
    bool checked = std::find(given.begin(), given.end(), c.key) != given.end();
    choices.push_back(
        {{"id", "f-" + name + "-" + c.key}, {"value", c.key}, {"label", c.NameIn(ctx.locale)}, {"checked", checked}});
  }
  j["choices"] = choices;
  return j;
}

// The extra questions of the chosen category as rendered by
// signals/questions.html, with the answers given so far and their errors.
json QuestionsJson(const Context& ctx, const std::vector<Question>& questions, const Answers& answers, FormView& form) {
  json out = json::array();
  static const std::vector<std::string> kNone;
  for (const auto& q : questions) {
    std::string name = "q_" + q.code;
    form.Label(name, "signals.report.questions");
    auto it = answers.find(q.code);
    const std::vector<std::string>& given = it == answers.end() ? kNone : it->second;
    json j = IsChoiceKind(q.kind)
                 ? ChoiceQuestionJson(ctx, q, given)
                 : web::FieldJson(ctx, {.name = name,
                                        .label_key = "signals.report.questions",
                                        .value = given.empty() ? "" : given[0],
                                        .required = q.required,
                                        .textarea = q.kind == QuestionKind::kText,
                                        .rows = 3,
                                        .inputmode = q.kind == QuestionKind::kNumber ? "decimal" : ""});
    j["label"] = q.TextIn(ctx.locale);
    if (std::string error = form.ErrorFor(name); !error.empty()) {
      j["error"] = error;
      std::string describedby = j.value("describedby", "");
      j["describedby"] = describedby + (describedby.empty() ? "" : " ") + "f-" + name + "-error";
    }
    out.push_back(std::move(j));
  }
  return out;
}

std::string PickerSrc(const Location& loc) {
  if (!loc.lon || !loc.lat) return "/meldingen/kaart.svg";
  return "/meldingen/kaart.svg?lon=" + CoordinateText(*loc.lon) + "&lat=" + CoordinateText(*loc.lat);
}

}  // namespace

http::Response ResidentPages::ShowReportForm(Context& ctx, const ReportInput& in, std::vector<FieldError> errors) {
  const Error* none = nullptr;
  int status = StatusOf(errors, none);
  for (const auto& e : errors) {
    if (e.field == "form" && e.message_key == "signals.report.rate_limited") status = 429;
  }
  FormView form(ctx, errors);
  form.Label("location", "signals.report.location");
  form.Label("category", "signals.report.category");
  form.Field({.name = "description",
              .label_key = "signals.report.description",
              .value = in.description,
              .description_key = "signals.report.description_hint",
              .textarea = true});
  form.Label("neighbourhood", "signals.report.neighbourhood");
  form.Field({.name = "street",
              .label_key = "signals.report.street",
              .value = in.location.street,
              .autocomplete = "street-address",
              .description_key = "signals.report.street_hint",
              .required = false});
  form.Field({.name = "email",
              .label_key = "signals.report.email",
              .type = "email",
              .value = in.email,
              .autocomplete = "email",
              .description_key = "signals.report.email_hint",
              .required = false});
  form.Label("photos", "signals.report.photos");
  form.Label("form", "signals.report.title");
  auto m = commands_.geography().current();
  json neighbourhoods = json::array();
  for (const auto& n : m->neighbourhoods) {
    neighbourhoods.push_back(
        {{"value", n.code.str()}, {"label", n.name}, {"selected", n.code.str() == in.location.neighbourhood_code}});
  }
  auto categories = commands_.Categories();
  auto questions = commands_.QuestionsFor(in.category_slug);
  auto all_questions = commands_.AllQuestions();
  form.Label("questions", "signals.report.questions");
  json data = {
      {"categories", categories.has_value() ? CategoryGroups(ctx, *categories, in.category_slug) : json::array()},
      {"questions", questions.has_value() ? QuestionsJson(ctx, *questions, in.answers, form) : json::array()},
      {"has_questions", questions.has_value() && !questions->empty()},
      {"questions_for", in.category_slug},
      {"questions_intro",
       ctx.T("signals.report.questions_intro",
             {{"count", questions.has_value() ? static_cast<int64_t>(questions->size()) : int64_t{0}}})},
      {"questions_error", form.ErrorFor("questions")},
      {"any_questions", all_questions.has_value() && std::any_of(all_questions->begin(), all_questions->end(),
                                                                 [](const Question& q) { return q.active; })},
      {"neighbourhoods", neighbourhoods},
      {"share", in.share_publicly},
      {"nonce", in.form_nonce.empty() ? commands_.NewFormNonce() : in.form_nonce},
      {"picker_src", PickerSrc(in.location)},
      {"max_photos", commands_.settings().max_photos},
      {"category_error", form.ErrorFor("category")},
      {"location_error", form.ErrorFor("location")},
      {"neighbourhood_error", form.ErrorFor("neighbourhood")},
      {"photos_error", form.ErrorFor("photos")}};
  if (in.location.lon && in.location.lat) {
    data["lon"] = CoordinateText(*in.location.lon);
    data["lat"] = CoordinateText(*in.location.lat);
    if (const auto* n = geography::FindNeighbourhoodAt(*m, *in.location.lon, *in.location.lat)) {
      data["chosen"] = ctx.T("signals.report.chosen", {{"buurt", n->name}});
    }
  }
  if (ctx.user) {
    json choices = json::array();
    for (const auto& [id, name] : PlatformsToReportFor(platforms_, *ctx.user)) {
      choices.push_back({{"id", id},
                         {"label", ctx.T("signals.report.as_platform", {{"platform", name}})},
                         {"checked", in.platform_id == id}});
    }
    data["has_platforms"] = !choices.empty();
    data["for_platforms"] = choices;
    data["platform_chosen"] = in.platform_id.has_value();
  }
  data["breadcrumb"] =
      web::Breadcrumb({{ctx.T("signals.nav.signals"), "/meldingen"}, {ctx.T("signals.report.title"), ""}});
  form.AppendTo(data);
  return web_.Render(ctx, "signals/report.html", "signals.report.title", data, status);
}

Result<http::Response> ResidentPages::ReportForm(Context& ctx) {
  ReportInput in;
  in.category_slug = ctx.Query("onderwerp").value_or("");
  return ShowReportForm(ctx, in, {});
}

Result<http::Response> ResidentPages::Report(Context& ctx) {
  ReportInput in = ReadReport(ctx);
  WP_ASSIGN_OR_RETURN(auto questions, commands_.QuestionsFor(in.category_slug));
  in.answers = ReadAnswers(ctx, questions);
  // "Show the questions of this category": the same form again, nothing stored.
  if (ctx.form.Get("step") == "onderwerp") return ShowReportForm(ctx, in, {});
  if (!questions.empty() && ctx.form.Get("questions_for") != in.category_slug && !ctx.form.Has("kaart.x")) {
    return ShowReportForm(ctx, in, {{"questions", "signals.report.answer_questions"}});
  }
  if (ctx.form.Has("kaart.x") && ctx.form.Has("kaart.y")) {
    // A click on the map: the point it names, then the same form again.
    auto x = ParseCoordinate(ctx.form.Get("kaart.x"));
    auto y = ParseCoordinate(ctx.form.Get("kaart.y"));
    if (!x || !y) return InvalidInput("bad map click");
    auto m = commands_.geography().current();
    geography::Point p = signals::PickerMap(*m, std::nullopt, "").frame.ToPoint(*x, *y);
    in.location.neighbourhood_code.clear();
    if (!geography::FindNeighbourhoodAt(*m, p.lon, p.lat)) {
      in.location.lon = in.location.lat = std::nullopt;
      return ShowReportForm(ctx, in, {{"location", kOutsideMunicipality}});
    }
    in.location.lon = p.lon;
    in.location.lat = p.lat;
    return ShowReportForm(ctx, in, {});
  }
  std::vector<std::string> photos;
  for (const auto& f : ctx.form.Files()) {
    if (f.field == "photos") photos.push_back(f.data);
  }
  Intake intake{ctx.request->remote_addr, ctx.user, std::nullopt, "web"};
  auto receipt = commands_.Report(in, photos, intake);
  if (!receipt.has_value()) {
    if (receipt.error().has_fields()) return ShowReportForm(ctx, in, receipt.error().fields);
    return receipt.error();
  }
  json data = {{"number", receipt->number},
               {"link", commands_.settings().base_url + "/meldingen/volg/" + receipt->follow_token},
               {"path", "/meldingen/volg/" + receipt->follow_token},
               {"verification_sent", receipt->verification_sent}};
  return web_.Render(ctx, "signals/receipt.html", "signals.receipt.title", data);
}

Result<http::Response> ResidentPages::PickerMap(Context& ctx) {
  std::optional<geography::Point> chosen;
  auto lon = ParseCoordinate(ctx.Query("lon").value_or(""));
  auto lat = ParseCoordinate(ctx.Query("lat").value_or(""));
  if (lon && lat) chosen = geography::Point{*lon, *lat};
  auto map = signals::PickerMap(*commands_.geography().current(), chosen, ctx.T("signals.report.chosen_marker"));
  http::Response r;
  r.headers.Set("Content-Type", "image/svg+xml; charset=utf-8");
  r.headers.Set("Cache-Control", "public, max-age=3600");
  r.body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + map.svg;
  return r;
}

http::Response ResidentPages::ShowFollow(Context& ctx, const std::string& token, const FollowView& v,
                                         std::vector<FieldError> errors) {
  const Signal& s = v.signal;
  FormView form(ctx, errors);
  form.Field({.name = "text",
              .label_key = "signals.follow.satisfaction_text",
              .required = false,
              .textarea = true,
              .rows = 3});
  form.Field({.name = "reason", .label_key = "signals.follow.reopen_reason", .textarea = true, .rows = 3});
  auto categories = commands_.Categories();
  const time::TimeZone& zone = commands_.zone();
  json data = {{"number", SignalNumber(s.id)},
               {"own_number", SignalNumber(v.original_signal_id)},
               {"merged", v.original_signal_id != s.id},
               {"status", StatusBadgeFor(ctx, s.status)},
               {"category", categories.has_value() ? CategoryLabel(ctx, *categories, s.category_id) : ""},
               {"description", s.description},
               {"reported_for", ReportedFor(platforms_, s)},
               {"street", s.street},
               {"reported_on", time::FormatDateTime(zone, s.created_at, ctx.locale)},
               {"history", HistoryJson(ctx, zone, v.events, false)},
               {"photo_count", static_cast<int64_t>(v.photos.size())},
               {"has_email", !v.email.empty()},
               {"email_verified", v.email_verified},
               {"can_react", v.can_react},
               {"action", "/meldingen/volg/" + token}};
  if (IsOpen(s.status)) data["expected"] = time::FormatPeriodEnd(zone, s.deadline_at, ctx.locale);
  if (v.can_react) data["react_until"] = time::FormatPeriodEnd(zone, v.react_until, ctx.locale);
  if (auto n = geography::NeighbourhoodCode::Parse(s.neighbourhood_code)) {
    if (const auto* b = geography::FindNeighbourhood(*commands_.geography().current(), *n)) data["buurt"] = b->name;
  }
  form.AppendTo(data);
  return web_.Render(ctx, "signals/follow.html", "signals.follow.title", data, StatusOf(errors, nullptr));
}

Result<http::Response> ResidentPages::Follow(Context& ctx) {
  std::string token(ctx.Param("token"));
  WP_ASSIGN_OR_RETURN(auto view, commands_.Follow(token));
  return ShowFollow(ctx, token, view, {});
}

Result<http::Response> ResidentPages::Satisfaction(Context& ctx) {
  std::string token(ctx.Param("token"));
  std::string answer = ctx.form.Get("satisfied");
  if (answer != "ja" && answer != "nee") {
    WP_ASSIGN_OR_RETURN(auto view, commands_.Follow(token));
    return ShowFollow(ctx, token, view, {{"satisfied", "web.required"}});
  }
  auto done = commands_.GiveSatisfaction(token, answer == "ja", ctx.form.Get("text"));
  if (!done.has_value()) {
    if (!done.error().has_fields()) return done.error();
    WP_ASSIGN_OR_RETURN(auto view, commands_.Follow(token));
    return ShowFollow(ctx, token, view, done.error().fields);
  }
  return web_.Redirect(ctx, "/meldingen/volg/" + token, web::Flash{"success", "signals.follow.thanks"});
}

Result<http::Response> ResidentPages::Reopen(Context& ctx) {
  std::string token(ctx.Param("token"));
  auto done = commands_.ReopenByReporter(token, ctx.form.Get("reason"));
  if (!done.has_value()) {
    if (!done.error().has_fields()) return done.error();
    WP_ASSIGN_OR_RETURN(auto view, commands_.Follow(token));
    return ShowFollow(ctx, token, view, done.error().fields);
  }
  return web_.Redirect(ctx, "/meldingen/volg/" + token, web::Flash{"success", "signals.follow.reopened"});
}

Result<http::Response> ResidentPages::ConfirmForm(Context& ctx) {
  std::string token(ctx.Param("token"));
  return web_.Render(ctx, "signals/confirm.html", "signals.verify.confirm_title",
                     json{{"action", "/meldingen/bevestigen/" + http::PercentEncode(token)}});
}

Result<http::Response> ResidentPages::Verify(Context& ctx) {
  WP_ASSIGN_OR_RETURN(std::string number, commands_.VerifyEmail(std::string(ctx.Param("token"))));
  return web_.Render(ctx, "signals/verified.html", "signals.verify.title", json{{"number", number}});
}

}  // namespace wp::signals
