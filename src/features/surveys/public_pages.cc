#include "features/surveys/public_pages.h"

#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/surveys/answer_form.h"
#include "features/surveys/result_view.h"

namespace wp::surveys {

namespace {

using nlohmann::json;
using web::Context;

std::string PathOf(int64_t id) { return "/peilingen/" + std::to_string(id); }

json Item(const Survey& s) {
  return {{"title", s.title},
          {"path", PathOf(s.id)},
          {"open", s.status == Status::kOpen},
          {"results", s.status == Status::kPublished}};
}

}  // namespace

Result<http::Response> PublicPages::Index(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto all, commands_.List(std::nullopt));
  json open = json::array(), done = json::array();
  for (const auto& s : all) (s.status == Status::kOpen ? open : done).push_back(Item(s));
  json data = {{"open", open},
               {"done", done},
               {"has_open", !open.empty()},
               {"has_done", !done.empty()},
               {"empty", web::EmptyState(ctx.T("surveys.index.empty"))}};
  return web_.Render(ctx, "surveys/index.html", "surveys.index.title", data);
}

Result<http::Response> PublicPages::ShowForm(Context& ctx, const Survey& s, const Answers& answers,
                                             const std::string& code, std::vector<FieldError> errors,
                                             const std::string& notice) {
  WP_ASSIGN_OR_RETURN(Questionnaire qn, commands_.Questions(s.id));
  web::FormView form(ctx, errors);
  if (s.mode != Mode::kOpen) {
    form.Field({.name = "code",
                .label_key = "surveys.answer.code",
                .value = code,
                .autocomplete = "off",
                .description_key = "surveys.answer.code_hint"});
  }
  json data = {{"title", s.title},
               {"intro", s.intro},
               {"action", PathOf(s.id)},
               {"with_code", s.mode != Mode::kOpen},
               {"breadcrumb", web::Breadcrumb({{ctx.T("surveys.index.title"), "/peilingen"}, {s.title, ""}})}};
  if (!notice.empty()) data["notice"] = ctx.T(notice);
  AddQuestions(ctx, qn, answers, form, data);
  form.AppendTo(data);
  return web_.Render(ctx, "surveys/answer.html", "surveys.answer.title", data,
                     errors.empty() && notice.empty() ? 200 : 422);
}

Result<http::Response> PublicPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Survey s, commands_.Get(id));
  if (s.status == Status::kPublished) return web_.Redirect(ctx, PathOf(id) + "/uitslag");
  if (s.status != Status::kOpen) return web_.Message(ctx, 404, "surveys.answer.title", "surveys.error.not_open");
  return ShowForm(ctx, s, {}, ctx.Query("code").value_or(""), {}, "");
}

Result<http::Response> PublicPages::Answer(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Survey s, commands_.Get(id));
  if (s.status != Status::kOpen) return web_.Message(ctx, 409, "surveys.answer.title", "surveys.error.not_open");
  WP_ASSIGN_OR_RETURN(Questionnaire qn, commands_.Questions(id));
  Answers answers = ReadAnswers(qn, ctx.form);
  std::string code = ctx.form.Get("code");
  // A question that depends on an answer on this page shows first; nothing is stored yet.
  if (HasNewQuestions(qn, answers, ReadShown(ctx.form))) {
    return ShowForm(ctx, s, answers, code, {}, "surveys.answer.more_questions");
  }
  Respondent who;
  if (ctx.user)
    who.user_id = ctx.user->id;
  else
    who.browser_token = ctx.session_token;
  who.code = code;
  auto sent = commands_.Submit(id, who, answers);
  if (!sent.has_value()) {
    if (sent.error().has_fields()) return ShowForm(ctx, s, answers, code, sent.error().fields, "");
    if (sent.error().code == ErrorCode::kConflict) {
      return web_.Message(ctx, 409, "surveys.answer.title", sent.error().user_message_key);
    }
    return sent.error();
  }
  return web_.Message(ctx, 200, "surveys.thanks.title", "surveys.thanks.text");
}

Result<http::Response> PublicPages::Results(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto r, commands_.ResultsOf(ctx.user, id));
  json data = ResultsView(ctx, r);
  data["title"] = r.survey.title;
  data["intro"] = r.survey.intro;
  data["csv"] = PathOf(id) + "/uitslag.csv";
  data["published"] = r.survey.status == Status::kPublished;
  data["breadcrumb"] = web::Breadcrumb({{ctx.T("surveys.index.title"), "/peilingen"}, {r.survey.title, ""}});
  return web_.Render(ctx, "surveys/results.html", "surveys.results.title", data);
}

Result<http::Response> PublicPages::Csv(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto r, commands_.ResultsOf(ctx.user, id));
  http::Response resp;
  resp.body = SurveyCommands::ResultsCsv(r, CsvLabelsFor(ctx));
  resp.headers.Set("Content-Type", "text/csv; charset=utf-8");
  resp.headers.Set("Content-Disposition", "attachment; filename=\"peiling-" + std::to_string(id) + ".csv\"");
  resp.headers.Set("Cache-Control", "private,no-store");
  return resp;
}

}  // namespace wp::surveys
