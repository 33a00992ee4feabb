#include "features/surveys/official_pages.h"

#include "core/strings.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/codes/print_file.h"
#include "features/surveys/answer_form.h"

namespace wp::surveys {

namespace {

using nlohmann::json;
using web::Context;

std::string Base(int64_t id) { return "/beheer/peilingen/" + std::to_string(id); }

int IntField(const Context& ctx, const std::string& name, int fallback) {
  std::string v(Trim(ctx.form.Get(name)));
  if (v == "0") return 0;
  auto n = ParseId(v);
  return n && *n < 100000 ? static_cast<int>(*n) : fallback;
}

Question ReadQuestion(const Context& ctx) {
  Question q;
  q.kind = ParseKind(ctx.form.Get("kind")).value_or(QuestionKind::kSingle);
  q.text = std::string(Trim(ctx.form.Get("text")));
  const std::string options = ctx.form.Get("options");
  for (auto line : Split(options, '\n')) {
    std::string o(Trim(line));
    if (!o.empty()) q.options.push_back(o);
  }
  q.min_choices = IntField(ctx, "min_choices", 0);
  q.max_choices = IntField(ctx, "max_choices", static_cast<int>(q.options.size()));
  q.scale_points = IntField(ctx, "scale_points", 5);
  q.low_label = ctx.form.Get("low_label");
  q.high_label = ctx.form.Get("high_label");
  q.max_length = IntField(ctx, "max_length", 500);
  q.required = ctx.form.Has("required");
  const std::string condition = ctx.form.Get("condition");
  auto cond = Split(condition, ':');
  if (cond.size() == 2) {
    auto on = ParseId(cond[0]);
    std::string option(cond[1]);
    auto n = option == "0" ? std::optional<int64_t>(0) : ParseId(option);
    if (on && n) q.condition = Condition{*on, static_cast<int>(*n)};
  }
  return q;
}

// What the official typed (the form again after an error), else `fallback`.
std::string Typed(const Context& ctx, const std::string& name, const std::string& fallback = "") {
  return ctx.form.Has(name) ? ctx.form.Get(name) : fallback;
}

void QuestionForm(const Context& ctx, const Questionnaire& qn, web::FormView& form, json& data) {
  form.Field(
      {.name = "text", .label_key = "surveys.question.text", .value = Typed(ctx, "text"), .textarea = true, .rows = 2});
  form.Field({.name = "options",
              .label_key = "surveys.question.options",
              .value = Typed(ctx, "options"),
              .description_key = "surveys.question.options_hint",
              .required = false,
              .textarea = true,
              .rows = 4});
  form.Field({.name = "min_choices",
              .label_key = "surveys.question.min_choices",
              .type = "number",
              .value = Typed(ctx, "min_choices", "0"),
              .required = false,
              .inputmode = "numeric"});
  form.Field({.name = "max_choices",
              .label_key = "surveys.question.max_choices",
              .type = "number",
              .value = Typed(ctx, "max_choices"),
              .required = false,
              .inputmode = "numeric"});
  form.Field({.name = "scale_points",
              .label_key = "surveys.question.scale_points",
              .type = "number",
              .value = Typed(ctx, "scale_points", "5"),
              .required = false,
              .inputmode = "numeric"});
  form.Field({.name = "low_label",
              .label_key = "surveys.question.low_label",
              .value = Typed(ctx, "low_label"),
              .required = false});
  form.Field({.name = "high_label",
              .label_key = "surveys.question.high_label",
              .value = Typed(ctx, "high_label"),
              .required = false});
  form.Field({.name = "max_length",
              .label_key = "surveys.question.max_length",
              .type = "number",
              .value = Typed(ctx, "max_length", "500"),
              .required = false,
              .inputmode = "numeric"});
  form.Label("condition", "surveys.question.condition");
  json kinds = json::array();
  for (QuestionKind k : kAllKinds) {
    kinds.push_back({{"value", KindName(k)},
                     {"label", ctx.T("surveys.kind." + std::string(KindName(k)))},
                     {"selected", ctx.form.Get("kind") == KindName(k)}});
  }
  json conditions = json::array();
  for (const auto& q : qn.questions) {
    if (q.kind != QuestionKind::kSingle && q.kind != QuestionKind::kMultiple) continue;
    for (size_t k = 0; k < q.options.size(); ++k) {
      conditions.push_back(
          {{"value", std::to_string(q.id) + ":" + std::to_string(k)},
           {"label", ctx.T("surveys.question.when", {{"question", q.text}, {"option", q.options[k]}})}});
    }
  }
  data["kinds"] = kinds;
  data["conditions"] = conditions;
  data["condition_error"] = form.ErrorFor("condition");
}

json QuestionRows(const Context& ctx, const Survey& s, const Questionnaire& qn) {
  json rows = json::array();
  bool edit = Allows(s.status, Action::kEditQuestions);
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    const Question& q = qn.questions[i];
    std::string path = Base(s.id) + "/vragen/" + std::to_string(q.id);
    json row = {{"number", i + 1},
                {"text", q.text},
                {"kind", ctx.T("surveys.kind." + std::string(KindName(q.kind)))},
                {"options", JoinStrings(q.options, ", ")}};
    if (q.condition) {
      const Question* on = qn.Find(q.condition->question_id);
      if (on != nullptr && q.condition->option < static_cast<int>(on->options.size())) {
        row["condition"] =
            ctx.T("surveys.question.when",
                  {{"question", on->text}, {"option", on->options[static_cast<size_t>(q.condition->option)]}});
      }
    }
    row["has_actions"] = edit;
    if (edit) {
      row["actions"] =
          json::array({web::ActionButton(ctx.T("surveys.manage.up"), path + "/omhoog", ctx.csrf_token),
                       web::ActionButton(ctx.T("surveys.manage.down"), path + "/omlaag", ctx.csrf_token),
                       web::ActionButton(ctx.T("surveys.manage.remove"), path + "/verwijderen", ctx.csrf_token)});
    }
    rows.push_back(row);
  }
  return rows;
}

json StatusActions(const Context& ctx, const Survey& s) {
  json out = json::array();
  auto add = [&](Action a, const char* key, const char* path) {
    if (Allows(s.status, a)) {
      out.push_back(web::ActionButton(ctx.T(key), Base(s.id) + path, ctx.csrf_token, web::ActionKind::kPrimary));
    }
  };
  add(Action::kOpen, "surveys.manage.open", "/openen");
  add(Action::kClose, "surveys.manage.close", "/sluiten");
  add(Action::kPublish, "surveys.manage.publish", "/publiceren");
  return out;
}

}  // namespace

Result<http::Response> OfficialPages::ShowList(Context& ctx, const SurveyInput& in, std::vector<FieldError> errors) {
  if (!CanManage(ctx.user)) return Forbidden("not an official");
  WP_ASSIGN_OR_RETURN(auto all, commands_.List(ctx.user));
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& s : all) {
    rows.push_back({{s.title, Base(s.id)},
                    {ctx.T("surveys.status." + std::string(StatusName(s.status))), ""},
                    {ctx.T("surveys.mode." + std::string(ModeName(s.mode))), ""}});
  }
  web::FormView form(ctx, errors);
  form.Field({.name = "title", .label_key = "surveys.new.title_field", .value = in.title});
  form.Field({.name = "intro",
              .label_key = "surveys.new.intro",
              .value = in.intro,
              .required = false,
              .textarea = true,
              .rows = 3});
  form.Field({.name = "district",
              .label_key = "surveys.new.district",
              .value = in.district_code,
              .description_key = "surveys.new.district_hint",
              .required = false});
  json modes = json::array();
  for (Mode m : {Mode::kOpen, Mode::kCode}) {
    modes.push_back({{"value", ModeName(m)},
                     {"label", ctx.T("surveys.mode." + std::string(ModeName(m)))},
                     {"checked", m == in.mode},
                     {"id", "mode-" + std::string(ModeName(m))}});
  }
  json data = {{"table", rows.empty() ? json(nullptr)
                                      : web::Table(ctx.T("surveys.official.caption"),
                                                   {ctx.T("surveys.official.survey"), ctx.T("surveys.official.status"),
                                                    ctx.T("surveys.official.mode")},
                                                   rows)},
               {"empty", rows.empty() ? web::EmptyState(ctx.T("surveys.official.empty")) : json(nullptr)},
               {"modes", modes}};
  form.AppendTo(data);
  return web_.Render(ctx, "surveys/official.html", "surveys.official.title", data, errors.empty() ? 200 : 422);
}

Result<http::Response> OfficialPages::List(Context& ctx) { return ShowList(ctx, SurveyInput{}, {}); }

Result<http::Response> OfficialPages::Create(Context& ctx) {
  SurveyInput in{ctx.form.Get("title"), ctx.form.Get("intro"), ctx.form.Get("district"),
                 ParseMode(ctx.form.Get("mode")).value_or(Mode::kOpen)};
  auto id = commands_.Create(ctx.user, in);
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowList(ctx, in, id.error().fields);
    return id.error();
  }
  return web_.Redirect(ctx, Base(*id), web::Flash{"success", "surveys.new.done"});
}

Result<http::Response> OfficialPages::ShowManage(Context& ctx, int64_t id, std::vector<FieldError> errors,
                                                 const std::string& error_key) {
  if (!CanManage(ctx.user)) return Forbidden("not an official");
  WP_ASSIGN_OR_RETURN(Survey s, commands_.Get(id));
  WP_ASSIGN_OR_RETURN(Questionnaire qn, commands_.Questions(id));
  web::FormView form(ctx, errors);
  json data = {
      {"title", s.title},
      {"base", Base(id)},
      {"status", web::StatusBadge(ctx.T("surveys.status." + std::string(StatusName(s.status))), web::Tone::kInfo)},
      {"mode", ctx.T("surveys.mode." + std::string(ModeName(s.mode)))},
      {"questions", QuestionRows(ctx, s, qn)},
      {"edit", Allows(s.status, Action::kEditQuestions)},
      {"status_actions", StatusActions(ctx, s)},
      {"letters", s.mode == Mode::kCode && Allows(s.status, Action::kMakeLetters)},
      {"letter_count", ctx.T("surveys.manage.letter_count", {{"count", s.letters}})},
      {"with_letters", s.mode != Mode::kOpen},
      {"paper", Allows(s.status, Action::kEnterPaper)},
      {"results", Allows(s.status, Action::kSeeResults)},
      {"public_path", "/peilingen/" + std::to_string(id)},
      {"public", s.status == Status::kOpen || s.status == Status::kPublished},  // the others have no public page
      {"breadcrumb", web::Breadcrumb({{ctx.T("surveys.official.title"), "/beheer/peilingen"}, {s.title, ""}})}};
  if (!error_key.empty()) data["error"] = ctx.T(error_key);
  if (Allows(s.status, Action::kModerate)) {
    WP_ASSIGN_OR_RETURN(auto open, commands_.OpenAnswers(ctx.user, id));
    json pending = json::array();
    for (const auto& a : open) {
      if (a.moderation != "pending") continue;
      std::string path = Base(id) + "/open-antwoorden/" + std::to_string(a.id);
      pending.push_back(
          {{"text", a.text},
           {"accept", web::ActionButton(ctx.T("surveys.moderate.accept"), path + "/goed", ctx.csrf_token)},
           {"reject", web::ActionButton(ctx.T("surveys.moderate.reject"), path + "/afwijzen", ctx.csrf_token)}});
    }
    data["moderation"] = true;
    data["pending"] = pending;
    data["no_pending"] = pending.empty();
  }
  if (Allows(s.status, Action::kEditQuestions)) QuestionForm(ctx, qn, form, data);
  form.AppendTo(data);
  int status = errors.empty() && error_key.empty() ? 200 : (errors.empty() ? 409 : 422);
  return web_.Render(ctx, "surveys/manage.html", "surveys.manage.title", data, status);
}

Result<http::Response> OfficialPages::Manage(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return ShowManage(ctx, id, {}, "");
}

Result<http::Response> OfficialPages::AddQuestion(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto added = commands_.AddQuestion(ctx.user, id, ReadQuestion(ctx));
  if (!added.has_value()) {
    if (added.error().has_fields()) return ShowManage(ctx, id, added.error().fields, "");
    if (added.error().code == ErrorCode::kConflict) return ShowManage(ctx, id, {}, added.error().user_message_key);
    return added.error();
  }
  return web_.Redirect(ctx, Base(id), web::Flash{"success", "surveys.question.added"});
}

Result<http::Response> OfficialPages::Move(Context& ctx, int by) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t q, ctx.IdParam("q"));
  auto moved = commands_.MoveQuestion(ctx.user, id, q, by);
  if (!moved.has_value()) {
    if (moved.error().code == ErrorCode::kConflict) return ShowManage(ctx, id, {}, moved.error().user_message_key);
    return moved.error();
  }
  return web_.Redirect(ctx, Base(id));
}

Result<http::Response> OfficialPages::MoveUp(Context& ctx) { return Move(ctx, -1); }
Result<http::Response> OfficialPages::MoveDown(Context& ctx) { return Move(ctx, 1); }

Result<http::Response> OfficialPages::Remove(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t q, ctx.IdParam("q"));
  auto removed = commands_.RemoveQuestion(ctx.user, id, q);
  if (!removed.has_value()) {
    if (removed.error().code == ErrorCode::kConflict) return ShowManage(ctx, id, {}, removed.error().user_message_key);
    return removed.error();
  }
  return web_.Redirect(ctx, Base(id), web::Flash{"success", "surveys.question.removed"});
}

Result<http::Response> OfficialPages::ChangeStatus(Context& ctx, Action action, const std::string& done_key) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto changed = commands_.Change(ctx.user, id, action);
  if (!changed.has_value()) {
    if (changed.error().code == ErrorCode::kConflict) return ShowManage(ctx, id, {}, changed.error().user_message_key);
    if (changed.error().has_fields()) return ShowManage(ctx, id, {}, "surveys.error.questionnaire");
    return changed.error();
  }
  return web_.Redirect(ctx, Base(id), web::Flash{"success", done_key});
}

Result<http::Response> OfficialPages::Open(Context& ctx) {
  return ChangeStatus(ctx, Action::kOpen, "surveys.manage.opened");
}
Result<http::Response> OfficialPages::Close(Context& ctx) {
  return ChangeStatus(ctx, Action::kClose, "surveys.manage.closed");
}
Result<http::Response> OfficialPages::Publish(Context& ctx) {
  return ChangeStatus(ctx, Action::kPublish, "surveys.manage.published");
}

Result<http::Response> OfficialPages::Letters(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto letters = commands_.MakeLetters(ctx.user, id, ctx.form.Get("addresses"), IntField(ctx, "sample", 0));
  if (!letters.has_value()) {
    if (letters.error().has_fields()) return ShowManage(ctx, id, letters.error().fields, "");
    if (!letters.error().user_message_key.empty() && letters.error().code != ErrorCode::kForbidden) {
      return ShowManage(ctx, id, {}, letters.error().user_message_key);
    }
    return letters.error();
  }
  // The print file for the mailing house (codes' row format): the only place the codes are in clear text.
  std::string csv = "briefnummer,adres,code,link\r\n";
  int64_t number = 0;
  for (const auto& l : *letters) {
    csv += codes::PrintFileRow(++number, l.address, l.code,
                               web_.options().base_url + "/peilingen/" + std::to_string(id) + "?code=" + l.code);
  }
  http::Response resp;
  resp.body = std::move(csv);
  resp.headers.Set("Content-Type", "text/csv; charset=utf-8");
  resp.headers.Set("Content-Disposition", "attachment; filename=\"peiling-" + std::to_string(id) + "-brieven.csv\"");
  resp.headers.Set("Cache-Control", "private,no-store");
  return resp;
}

Result<http::Response> OfficialPages::ShowPaper(Context& ctx, const Survey& s, const Answers& answers,
                                                const std::string& code, std::vector<FieldError> errors,
                                                const std::string& notice) {
  WP_ASSIGN_OR_RETURN(Questionnaire qn, commands_.Questions(s.id));
  web::FormView form(ctx, errors);
  if (s.mode != Mode::kOpen) form.Field({.name = "code", .label_key = "surveys.answer.code", .value = code});
  json data = {{"title", s.title},
               {"action", Base(s.id) + "/papier"},
               {"breadcrumb", web::Breadcrumb({{ctx.T("surveys.official.title"), "/beheer/peilingen"},
                                               {s.title, Base(s.id)},
                                               {ctx.T("surveys.paper.title"), ""}})}};
  if (!notice.empty()) data["notice"] = ctx.T(notice);
  AddQuestions(ctx, qn, answers, form, data);
  form.AppendTo(data);
  return web_.Render(ctx, "surveys/paper.html", "surveys.paper.title", data,
                     errors.empty() && notice.empty() ? 200 : 422);
}

Result<http::Response> OfficialPages::PaperForm(Context& ctx) {
  if (!CanManage(ctx.user)) return Forbidden("not an official");
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Survey s, commands_.Get(id));
  return ShowPaper(ctx, s, {}, "", {}, "");
}

Result<http::Response> OfficialPages::Paper(Context& ctx) {
  if (!CanManage(ctx.user)) return Forbidden("not an official");
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Survey s, commands_.Get(id));
  WP_ASSIGN_OR_RETURN(Questionnaire qn, commands_.Questions(id));
  Answers answers = ReadAnswers(qn, ctx.form);
  std::string code = ctx.form.Get("code");
  if (HasNewQuestions(qn, answers, ReadShown(ctx.form))) {
    return ShowPaper(ctx, s, answers, code, {}, "surveys.answer.more_questions");
  }
  auto entered = commands_.EnterPaper(ctx.user, id, code, answers);
  if (!entered.has_value()) {
    if (entered.error().has_fields()) return ShowPaper(ctx, s, answers, code, entered.error().fields, "");
    if (entered.error().code == ErrorCode::kConflict) {
      return ShowPaper(ctx, s, answers, code, {}, entered.error().user_message_key);
    }
    return entered.error();
  }
  return web_.Redirect(ctx, Base(id) + "/papier", web::Flash{"success", "surveys.paper.done"});
}

Result<http::Response> OfficialPages::ModerateOne(Context& ctx, bool accept) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t a, ctx.IdParam("a"));
  WP_TRY_VOID(commands_.Moderate(ctx.user, id, a, accept));
  return web_.Redirect(ctx, Base(id),
                       web::Flash{"success", accept ? "surveys.moderate.accepted" : "surveys.moderate.rejected"});
}

Result<http::Response> OfficialPages::Accept(Context& ctx) { return ModerateOne(ctx, true); }
Result<http::Response> OfficialPages::Reject(Context& ctx) { return ModerateOne(ctx, false); }

}  // namespace wp::surveys
