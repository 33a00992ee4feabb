#include "features/promises/official_pages.h"

#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/forms.h"
#include "features/promises/promise_view.h"

namespace wp::promises {

namespace {

using nlohmann::json;
using web::Context;

PromiseForm FormFromPost(const http::FormData& f) {
  return {f.Get("text"), f.Get("source"), f.Get("source_note"), f.Get("department"), f.Get("person"), f.Get("due")};
}

// "haarlem-oost" -> "Haarlem oost": the stadsdeel as a heading.
std::string BoroughLabel(std::string slug) {
  for (auto& ch : slug) {
    if (ch == '-') ch = ' ';
  }
  if (!slug.empty() && slug[0] >= 'a' && slug[0] <= 'z') slug[0] = static_cast<char>(slug[0] - 'a' + 'A');
  return slug;
}

// The answer point of ?advies=&punt= (or the posted advies/punt), if any.
std::optional<std::pair<int64_t, int>> AnswerOf(std::optional<std::string> advice, std::optional<std::string> point) {
  if (!advice || !point) return std::nullopt;
  auto a = ParseId(*advice);
  auto n = ParseId(*point);
  if (!a || !n || *n > 1000) return std::nullopt;
  return std::make_pair(*a, static_cast<int>(*n));
}

std::optional<std::string> Posted(const http::FormData& f, const std::string& name) {
  std::string v = f.Get(name);
  if (v.empty()) return std::nullopt;
  return v;
}

}  // namespace

Result<http::Response> OfficialPages::Overview(Context& ctx) {
  if (!IsKeeper(*ctx.user)) return Forbidden("not a keeper", "promises.error.forbidden");
  WP_ASSIGN_OR_RETURN(auto late, commands_.LateByBorough(*ctx.user));
  json boroughs = json::array();
  for (const auto& [borough, items] : late) {
    std::vector<std::vector<web::Cell>> rows;
    for (const auto& item : items) {
      rows.push_back({{item.promise.text, PromisePath(item.promise.id)},
                      {item.platform.name, PlatformPath(item.platform)},
                      {OwnerLine(item.promise.owner)},
                      {time::FormatPeriodEnd(commands_.zone(), item.promise.due_at, ctx.locale)},
                      {std::to_string(item.working_days_late)}});
    }
    std::string name = BoroughLabel(borough);
    boroughs.push_back({{"name", name},
                        {"table", web::Table(ctx.T("promises.official.late_in", {{"borough", name}}),
                                             {ctx.T("promises.field.text"), ctx.T("promises.field.platform"),
                                              ctx.T("promises.list.owner"), ctx.T("promises.field.due"),
                                              ctx.T("promises.official.days_late")},
                                             rows, false)}});
  }
  json data = {{"new", web::ActionLink(ctx.T("promises.official.new"), kNewPath, web::ActionKind::kPrimary)},
               {"boroughs", boroughs},
               {"none", boroughs.empty() ? json(web::EmptyState(ctx.T("promises.official.none_late"))) : json()},
               {"breadcrumb", web::Breadcrumb({{ctx.T("promises.official.title"), kOfficialPath}})}};
  return web_.Render(ctx, "promises/official.html", "promises.official.title", data);
}

Result<http::Response> OfficialPages::ShowForm(Context& ctx, const PromiseForm& f, int64_t platform_id,
                                               const std::optional<FromAnswer>& answer, const Error* error) {
  if (!IsKeeper(*ctx.user)) return Forbidden("not a keeper", "promises.error.forbidden");
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "text",
              .label_key = "promises.field.text",
              .value = f.text,
              .description_key = "promises.field.text_hint",
              .textarea = true,
              .rows = 5});
  json data = {{"action", kNewPath}};
  if (answer) {
    data["answer"] = {
        {"advice_id", answer->advice_id},
        {"point", answer->point},
        {"platform", answer->platform.name},
        {"label", ctx.T("promises.source.answer_point", {{"number", static_cast<int64_t>(answer->point)}})},
        {"url", "/advies/" + std::to_string(answer->advice_id)}};
    platform_id = answer->platform.id;
  } else {
    form.Label("source", "promises.field.source");
    form.Field({.name = "source_note",
                .label_key = "promises.field.source_note",
                .value = f.source_note,
                .description_key = "promises.field.source_note_hint"});
    json sources = json::array();
    for (Source s : {Source::kMeeting, Source::kOther}) {
      std::string name(SourceName(s));
      sources.push_back({{"value", name}, {"text", ctx.T("promises.source." + name)}, {"selected", f.source == name}});
    }
    data["source"] = Select(ctx, "source", "promises.field.source", form.ErrorFor("source"), sources);
  }
  form.Label("platform", "promises.field.platform");
  form.Field({.name = "department", .label_key = "promises.field.department", .value = f.department});
  form.Field({.name = "person", .label_key = "promises.field.person", .value = f.person});
  form.Field({.name = "due", .label_key = "promises.field.due", .type = "date", .value = f.due});
  WP_ASSIGN_OR_RETURN(auto active, commands_.directory().Active());
  json platforms = json::array();
  for (const auto& p : active) {
    if (!commands_.Keeps(*ctx.user, p) || (answer && p.id != platform_id)) continue;
    platforms.push_back({{"value", std::to_string(p.id)}, {"text", p.name}, {"selected", p.id == platform_id}});
  }
  data["platform"] = Select(ctx, "platform", "promises.field.platform", form.ErrorFor("platform"), platforms);
  data["breadcrumb"] =
      web::Breadcrumb({{ctx.T("promises.official.title"), kOfficialPath}, {ctx.T("promises.official.new"), kNewPath}});
  form.AppendTo(data);
  return web_.Render(ctx, "promises/promise_form.html", "promises.official.new", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OfficialPages::NewForm(Context& ctx) {
  if (!IsKeeper(*ctx.user)) return Forbidden("not a keeper", "promises.error.forbidden");
  if (auto answer = AnswerOf(ctx.Query("advies"), ctx.Query("punt"))) {
    WP_ASSIGN_OR_RETURN(FromAnswer from, commands_.Prefill(*ctx.user, answer->first, answer->second));
    return ShowForm(ctx, from.form, from.platform.id, from, nullptr);
  }
  PromiseForm f;
  f.source = SourceName(Source::kMeeting);
  int64_t platform_id = ParseId(ctx.Query("platform").value_or("")).value_or(0);
  return ShowForm(ctx, f, platform_id, std::nullopt, nullptr);
}

Result<http::Response> OfficialPages::Create(Context& ctx) {
  PromiseForm f = FormFromPost(ctx.form);
  auto answer = AnswerOf(Posted(ctx.form, "advies"), Posted(ctx.form, "punt"));
  int64_t platform_id = ParseId(ctx.form.Get("platform")).value_or(0);
  std::optional<FromAnswer> from;
  if (answer) {
    WP_ASSIGN_OR_RETURN(FromAnswer prefilled, commands_.Prefill(*ctx.user, answer->first, answer->second));
    platform_id = prefilled.platform.id;
    from = std::move(prefilled);
  }
  if (platform_id == 0) {
    Error missing = FormInvalid({{"platform", kNoPlatform}});
    return ShowForm(ctx, f, 0, from, &missing);
  }
  auto id = commands_.Create(*ctx.user, platform_id, f, answer);
  if (!id.has_value()) {
    if (id.error().has_fields()) return ShowForm(ctx, f, platform_id, from, &id.error());
    return id.error();
  }
  return web_.Redirect(ctx, PromisePath(*id), web::Flash{"success", "promises.promise.created"});
}

Result<http::Response> OfficialPages::Update(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto r = commands_.Update(*ctx.user, id, {ctx.form.Get("text"), ctx.form.Get("status")});
  if (!r.has_value()) {
    if (r.error().has_fields()) return public_pages_.ShowPromise(ctx, id, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, PromisePath(id), web::Flash{"success", "promises.update.saved"});
}

Result<http::Response> OfficialPages::Handover(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto r =
      commands_.Handover(*ctx.user, id, {ctx.form.Get("department"), ctx.form.Get("person"), ctx.form.Get("note")});
  if (!r.has_value()) {
    if (r.error().has_fields()) return public_pages_.ShowPromise(ctx, id, &r.error());
    return r.error();
  }
  return web_.Redirect(ctx, PromisePath(id), web::Flash{"success", "promises.handover.saved"});
}

}  // namespace wp::promises
