#include "features/signals/admin_pages.h"

#include <algorithm>
#include <charconv>

#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/signals/signal_view.h"

namespace wp::signals {

namespace {

using nlohmann::json;
using web::Context;
using web::FormView;

int DaysOr(const std::string& text, int fallback) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc() && end == text.data() + text.size() ? v : fallback;
}

}  // namespace

http::Response AdminPages::Show(Context& ctx, const Category& c, std::vector<FieldError> errors, const Department& d) {
  FormView form(ctx, errors);
  form.Field({.name = "name", .label_key = "signals.admin.name", .value = c.name});
  form.Field({.name = "name_en", .label_key = "signals.admin.name_en", .value = c.name_en, .required = false});
  form.Field({.name = "slug",
              .label_key = "signals.admin.slug",
              .value = c.slug,
              .description_key = "signals.admin.slug_hint",
              .required = false});
  form.Field({.name = "description",
              .label_key = "signals.field.description",
              .value = c.description,
              .required = false,
              .textarea = true,
              .rows = 3});
  form.Label("parent", "signals.admin.parent");
  form.Label("department", "signals.queue.department");
  form.Field({.name = "handling_days",
              .label_key = "signals.admin.handling_days",
              .type = "number",
              .value = std::to_string(c.handling_days),
              .inputmode = "numeric"});
  form.Field({.name = "update_interval_days",
              .label_key = "signals.admin.update_interval_days",
              .type = "number",
              .value = std::to_string(c.update_interval_days),
              .description_key = "signals.admin.update_interval_hint",
              .inputmode = "numeric"});
  form.Field({.name = "dept_name", .label_key = "signals.admin.department_name", .value = d.name});
  auto categories = commands_.Categories();
  auto departments = commands_.Departments();
  std::vector<std::vector<web::Cell>> rows;
  json parents =
      json::array({{{"value", ""}, {"label", ctx.T("signals.admin.no_parent")}, {"selected", !c.parent_id}}});
  if (categories.has_value()) {
    for (const auto& x : *categories) {
      rows.push_back({{CategoryLabel(ctx, *categories, x.id), "/beheer/meldingen/onderwerpen/" + std::to_string(x.id)},
                      {x.department_slug},
                      {std::to_string(x.handling_days), "", true},
                      {x.active ? ctx.T("signals.follow.yes") : ctx.T("signals.follow.no")}});
      if (!x.parent_id && x.id != c.id) {
        parents.push_back(
            {{"value", std::to_string(x.id)}, {"label", x.NameIn(ctx.locale)}, {"selected", c.parent_id == x.id}});
      }
    }
  }
  json dept_options = json::array();
  json dept_rows = json::array();
  if (departments.has_value()) {
    for (const auto& x : *departments) {
      dept_options.push_back({{"value", x.slug}, {"label", x.name}, {"selected", x.slug == c.department_slug}});
    }
  }
  json data = {{"table", web::Table(ctx.T("signals.admin.caption"),
                                    {ctx.T("signals.field.category"), ctx.T("signals.queue.department"),
                                     ctx.T("signals.admin.handling_days"), ctx.T("signals.admin.active")},
                                    rows)},
               {"editing", c.id != 0},
               {"questions_link", ctx.T("signals.admin.questions_link", {{"name", c.NameIn(ctx.locale)}})},
               {"action", c.id ? "/beheer/meldingen/onderwerpen/" + std::to_string(c.id)
                               : std::string("/beheer/meldingen/onderwerpen")},
               {"parents", parents},
               {"departments", dept_options},
               {"active", c.active},
               {"external", d.external},
               {"parent_error", form.ErrorFor("parent")},
               {"department_error", form.ErrorFor("department")}};
  form.AppendTo(data);
  return web_.Render(ctx, "signals/admin_categories.html", "signals.admin.title", data, errors.empty() ? 200 : 422);
}

Result<http::Response> AdminPages::Categories(Context& ctx) { return Show(ctx, Category{}, {}, Department{}); }

Result<http::Response> AdminPages::EditCategory(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto all, commands_.Categories());
  for (const auto& c : all) {
    if (c.id == id) return Show(ctx, c, {}, Department{});
  }
  return NotFound("no such category");
}

Result<http::Response> AdminPages::SaveCategory(Context& ctx) {
  Category c;
  if (!ctx.Param("id").empty()) {
    WP_ASSIGN_OR_RETURN(c.id, ctx.IdParam("id"));
  }
  c.name = ctx.form.Get("name");
  c.name_en = ctx.form.Get("name_en");
  c.slug = ctx.form.Get("slug");
  c.description = ctx.form.Get("description");
  c.department_slug = ctx.form.Get("department");
  c.handling_days = DaysOr(ctx.form.Get("handling_days"), 0);
  c.update_interval_days = DaysOr(ctx.form.Get("update_interval_days"), 0);
  c.active = ctx.form.Get("active") == "ja";
  if (int64_t parent = DaysOr(ctx.form.Get("parent"), 0); parent > 0) c.parent_id = parent;
  auto saved = commands_.SaveCategory(*ctx.user, c);
  if (!saved.has_value()) {
    if (saved.error().has_fields()) return Show(ctx, c, saved.error().fields, Department{});
    return saved.error();
  }
  return web_.Redirect(ctx, "/beheer/meldingen/onderwerpen", web::Flash{"success", "signals.admin.saved"});
}

Result<http::Response> AdminPages::SaveDepartment(Context& ctx) {
  Department d{"", ctx.form.Get("dept_name"), ctx.form.Get("external") == "ja"};
  auto saved = commands_.SaveDepartment(*ctx.user, d);
  if (!saved.has_value()) {
    if (!saved.error().has_fields()) return saved.error();
    std::vector<FieldError> errors;
    for (auto e : saved.error().fields) {
      e.field = "dept_" + e.field;
      errors.push_back(e);
    }
    return Show(ctx, Category{}, errors, d);
  }
  return web_.Redirect(ctx, "/beheer/meldingen/onderwerpen", web::Flash{"success", "signals.admin.saved"});
}

Result<http::Response> AdminPages::ShowQuestions(Context& ctx, const Category& category, const Question& q,
                                                 std::vector<FieldError> errors) {
  WP_ASSIGN_OR_RETURN(auto questions, commands_.QuestionsOf(category.id));
  FormView form(ctx, errors);
  form.Field({.name = "text", .label_key = "signals.admin.question_text", .value = q.text});
  form.Field({.name = "text_en", .label_key = "signals.admin.question_text_en", .value = q.text_en, .required = false});
  form.Field({.name = "code",
              .label_key = "signals.admin.question_code",
              .value = q.code,
              .description_key = "signals.admin.question_code_hint",
              .required = false});
  form.Label("kind", "signals.admin.question_kind");
  form.Field({.name = "choices",
              .label_key = "signals.admin.question_choices",
              .value = ChoiceLines(q.choices),
              .description_key = "signals.admin.question_choices_hint",
              .required = false,
              .textarea = true,
              .rows = 5});
  std::vector<std::vector<web::Cell>> rows;
  std::string base = "/beheer/meldingen/onderwerpen/" + std::to_string(category.id) + "/vragen";
  for (const auto& x : questions) {
    rows.push_back({{x.TextIn(ctx.locale), base + "?vraag=" + std::to_string(x.id)},
                    {x.code},
                    {ctx.T("signals.question.kind." + std::string(QuestionKindName(x.kind)))},
                    {x.required ? ctx.T("signals.follow.yes") : ctx.T("signals.follow.no")},
                    {x.active ? ctx.T("signals.follow.yes") : ctx.T("signals.follow.no")}});
  }
  json kinds = json::array();
  for (QuestionKind k : kAllQuestionKinds) {
    std::string name(QuestionKindName(k));
    kinds.push_back({{"value", name}, {"label", ctx.T("signals.question.kind." + name)}, {"selected", k == q.kind}});
  }
  json data = {{"category", category.NameIn(ctx.locale)},
               {"has_questions", !rows.empty()},
               {"table", web::Table(ctx.T("signals.admin.questions_caption"),
                                    {ctx.T("signals.admin.question_text"), ctx.T("signals.admin.question_code"),
                                     ctx.T("signals.admin.question_kind"), ctx.T("signals.admin.question_required"),
                                     ctx.T("signals.admin.active")},
                                    rows)},
               {"editing", q.id != 0},
               {"action", q.id ? base + "?vraag=" + std::to_string(q.id) : base},
               {"question_id", q.id},
               {"kinds", kinds},
               {"required", q.required},
               {"active", q.active},
               {"kind_error", form.ErrorFor("kind")},
               {"back", "/beheer/meldingen/onderwerpen/" + std::to_string(category.id)}};
  data["breadcrumb"] =
      web::Breadcrumb({{ctx.T("signals.admin.title"), "/beheer/meldingen/onderwerpen"},
                       {category.NameIn(ctx.locale), "/beheer/meldingen/onderwerpen/" + std::to_string(category.id)},
                       {ctx.T("signals.admin.questions"), ""}});
  form.AppendTo(data);
  return web_.Render(ctx, "signals/admin_questions.html", "signals.admin.questions", data, errors.empty() ? 200 : 422);
}

namespace {

Result<Category> FindCategoryIn(SignalCommands& commands, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto all, commands.Categories());
  for (const auto& c : all) {
    if (c.id == id) return c;
  }
  return NotFound("no such category");
}

}  // namespace

Result<http::Response> AdminPages::Questions(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Category category, FindCategoryIn(commands_, id));
  Question q;
  if (auto wanted = ctx.Query("vraag"); wanted && !wanted->empty()) {
    WP_ASSIGN_OR_RETURN(auto questions, commands_.QuestionsOf(id));
    auto it = std::find_if(questions.begin(), questions.end(),
                           [&](const Question& x) { return std::to_string(x.id) == *wanted; });
    if (it == questions.end()) return NotFound("no such question");
    q = *it;
  }
  return ShowQuestions(ctx, category, q, {});
}

Result<http::Response> AdminPages::SaveQuestion(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Category category, FindCategoryIn(commands_, id));
  Question q;
  q.category_id = id;
  q.id = DaysOr(ctx.Query("vraag").value_or(""), 0);
  q.text = ctx.form.Get("text");
  q.text_en = ctx.form.Get("text_en");
  q.code = ctx.form.Get("code");
  auto kind = ParseQuestionKind(ctx.form.Get("kind"));
  q.kind = kind.value_or(QuestionKind::kString);
  q.required = ctx.form.Get("required") == "ja";
  q.active = q.id == 0 || ctx.form.Get("active") == "ja";
  q.choices = ParseChoiceLines(ctx.form.Get("choices"));
  if (!kind) return ShowQuestions(ctx, category, q, {{"kind", "signals.question.bad_kind"}});
  auto saved = commands_.SaveQuestion(*ctx.user, q);
  if (!saved.has_value()) {
    if (saved.error().has_fields()) return ShowQuestions(ctx, category, q, saved.error().fields);
    return saved.error();
  }
  return web_.Redirect(ctx, "/beheer/meldingen/onderwerpen/" + std::to_string(id) + "/vragen",
                       web::Flash{"success", "signals.admin.question_saved"});
}

}  // namespace wp::signals
