#include "features/forums/workspace_pages.h"

#include "core/files/documents.h"
#include "core/http/error_response.h"
#include "core/i18n/locale_rules.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/forums/forum_view.h"

namespace wp::forums {

namespace {

using nlohmann::json;
using web::Context;

std::string WorkspacePath(const Forum& f) { return ForumPath(f) + "/werkplaats"; }
std::string AgendaPath(const Forum& f, int year) { return ForumPath(f) + "/agenda/" + std::to_string(year); }

int IntOf(std::string_view s) {
  auto v = ParseId(Trim(s));
  return v && *v < 1000000 ? static_cast<int>(*v) : 0;
}

std::string MoneyText(const Context& ctx, int64_t cents) { return i18n::FormatMoney(Money{cents}, ctx.locale); }

json ItemsTable(const Context& ctx, const struct Agenda& a) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& i : a.items) {
    rows.push_back({{i.title, "", false, ""},
                    {i.description, "", false, ""},
                    {MoneyText(ctx, i.amount_cents), "", true, ""},
                    {ctx.T("forums.item_status." + std::string(ItemStatusName(i.status))), "", false, ""},
                    {i.reason, "", false, ""}});
  }
  return web::Table(ctx.T("forums.agenda.caption", {{"year", std::to_string(a.year)}}),
                    {ctx.T("forums.agenda.item"), ctx.T("forums.agenda.description"), ctx.T("forums.agenda.amount"),
                     ctx.T("forums.agenda.status"), ctx.T("forums.agenda.reason")},
                    rows);
}

json AgendaJson(const Context& ctx, const Forum& f, const struct Agenda& a, bool editor) {
  json items = json::array();
  for (const auto& i : a.items) items.push_back({{"id", i.id}, {"title", i.title}});
  std::string base = WorkspacePath(f) + "/agenda/" + std::to_string(a.year);
  return {{"year", a.year},
          {"budget_line", ctx.T("forums.agenda.budget_line", {{"budget", Money{a.budget_cents}},
                                                              {"adopted", Money{AdoptedTotal(a.items)}}})},
          {"table", ItemsTable(ctx, a)},
          {"has_items", !a.items.empty()},
          {"published", a.published_at.has_value()},
          {"public_href", AgendaPath(f, a.year)},
          {"editable", editor && !a.published_at},
          {"items", items},
          {"item_action", base + "/punt"},
          {"decide_action", base + "/besluit"},
          {"publish_action", base + "/publiceren"}};
}

json MeetingsJson(const Context& ctx, const ForumCommands& forums, const std::vector<Meeting>& meetings) {
  json out = json::array();
  for (const auto& m : meetings) {
    out.push_back({{"when", time::FormatDateTime(forums.zone(), m.form.held_at, ctx.locale)},
                   {"place", m.form.place},
                   {"agenda", m.form.agenda},
                   {"minutes", m.form.minutes}});
  }
  return out;
}

void AddFormFields(web::FormView& form, const Context& ctx) {
  form.Field({.name = "date", .label_key = "forums.field.meeting_date", .type = "date", .value = ctx.form.Get("date")});
  form.Field({.name = "time", .label_key = "forums.field.meeting_time", .type = "time", .value = ctx.form.Get("time")});
  form.Field({.name = "place", .label_key = "forums.field.meeting_place", .value = ctx.form.Get("place")});
  form.Field({.name = "agenda",
              .label_key = "forums.field.meeting_agenda",
              .value = ctx.form.Get("agenda"),
              .textarea = true,
              .rows = 4});
  form.Field({.name = "minutes",
              .label_key = "forums.field.meeting_minutes",
              .value = ctx.form.Get("minutes"),
              .required = false,
              .textarea = true,
              .rows = 6});
  form.Field({.name = "doc_title", .label_key = "forums.field.document_title", .value = ctx.form.Get("doc_title")});
  form.Label("document", "forums.field.document");
  form.Field({.name = "year",
              .label_key = "forums.field.agenda_year",
              .type = "number",
              .value = ctx.form.Get("year"),
              .inputmode = "numeric"});
  form.Field({.name = "budget",
              .label_key = "forums.field.agenda_budget",
              .value = ctx.form.Get("budget"),
              .description_key = "forums.field.amount_hint",
              .inputmode = "decimal"});
  form.Label("item_title", "forums.field.item_title");
  form.Label("amount", "forums.field.item_amount");
  form.Label("status", "forums.field.decision");
  form.Label("reason", "forums.field.reason");
  form.Label("publish", "forums.agenda.publish");
}

}  // namespace

Result<http::Response> WorkspacePages::Render(Context& ctx, const Forum& f, const Error* error) {
  WP_ASSIGN_OR_RETURN(Workspace w, commands_.Load(f));
  bool editor = ctx.user && commands_.MayEdit(*ctx.user, f);
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  AddFormFields(form, ctx);
  json documents = json::array();
  for (const auto& d : w.documents) {
    documents.push_back({{"title", d.title},
                         {"href", WorkspacePath(f) + "/document/" + std::to_string(d.id)},
                         {"size", ctx.T("forums.workspace.kb", {{"count", (d.size_bytes + 1023) / 1024}})}});
  }
  json agendas = json::array();
  for (const auto& a : w.agendas) {
    if (editor || a.published_at) agendas.push_back(AgendaJson(ctx, f, a, editor));
  }
  json data = {{"title", ctx.T("forums.workspace.title", {{"forum", f.setup.name}})},
               {"editor", editor},
               {"members", w.member_names},
               {"has_members", !w.member_names.empty()},
               {"meetings", MeetingsJson(ctx, commands_.forums(), w.meetings)},
               {"has_meetings", !w.meetings.empty()},
               {"documents", documents},
               {"has_documents", !documents.empty()},
               {"agendas", agendas},
               {"has_agendas", !agendas.empty()},
               {"document_error", form.ErrorFor("document")},
               {"base", WorkspacePath(f)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("forums.index.title"), std::string(kIndexPath)},
                                               {f.setup.name, ForumPath(f)},
                                               {ctx.T("forums.workspace.short"), WorkspacePath(f)}})}};
  form.AppendTo(data);
  return web_.Render(ctx, "forums/workspace.html", "forums.workspace.short", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> WorkspacePages::After(Context& ctx, const Forum& f, const Result<void>& done, const char* flash) {
  if (!done.has_value()) {
    if (done.error().has_fields()) return Render(ctx, f, &done.error());
    return done.error();
  }
  return web_.Redirect(ctx, WorkspacePath(f), web::Flash{"success", flash});
}

Result<http::Response> WorkspacePages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.forums().Find(ctx.Param("slug")));
  return Render(ctx, f, nullptr);
}

Result<http::Response> WorkspacePages::AddMeeting(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.forums().Find(ctx.Param("slug")));
  MeetingForm m{0, ctx.form.Get("place"), ctx.form.Get("agenda"), ctx.form.Get("minutes")};
  auto date = time::ParseDateInput(ctx.form.Get("date"));
  auto clock = time::ParseTimeInput(ctx.form.Get("time"));
  if (date && clock) {
    date->hour = clock->hour;
    date->minute = clock->minute;
    m.held_at = commands_.forums().zone().ToUtc(*date);
  }
  auto done = commands_.AddMeeting(*ctx.user, f, m);
  return After(ctx, f, done.has_value() ? Result<void>(Ok()) : Result<void>(done.error()), "forums.workspace.meeting_added");
}

Result<http::Response> WorkspacePages::AddDocument(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.forums().Find(ctx.Param("slug")));
  const http::UploadedFile* file = ctx.form.File("document");
  std::string_view bytes = file ? std::string_view(file->data) : std::string_view();
  std::string name = file ? file->filename : "";
  auto done = commands_.AddDocument(*ctx.user, f, ctx.form.Get("doc_title"), name, bytes);
  return After(ctx, f, done.has_value() ? Result<void>(Ok()) : Result<void>(done.error()),
               "forums.workspace.document_added");
}

Result<http::Response> WorkspacePages::Document(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.forums().Find(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto file, commands_.DocumentFile(f, id));
  return files::ServeDocument(std::move(file.second), {file.first.file_name, file.first.sha256, true},
                              ctx.request->Header("If-None-Match"));
}

Result<http::Response> WorkspacePages::AddAgenda(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.forums().Find(ctx.Param("slug")));
  auto budget = ParseMoney(ctx.form.Get("budget"));
  std::optional<int64_t> cents;
  if (budget) cents = budget->cents;
  return After(ctx, f, commands_.AddAgenda(*ctx.user, f, IntOf(ctx.form.Get("year")), cents),
               "forums.workspace.agenda_added");
}

Result<http::Response> WorkspacePages::AddItem(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.forums().Find(ctx.Param("slug")));
  auto amount = ParseMoney(ctx.form.Get("amount"));
  AgendaItem item{0, ctx.form.Get("item_title"), ctx.form.Get("description"), amount ? amount->cents : 0,
                  ItemStatus::kProposed, ""};
  auto done = commands_.AddItem(*ctx.user, f, IntOf(ctx.Param("year")), item, amount.has_value());
  return After(ctx, f, done.has_value() ? Result<void>(Ok()) : Result<void>(done.error()), "forums.workspace.item_added");
}

Result<http::Response> WorkspacePages::Decide(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.forums().Find(ctx.Param("slug")));
  auto item = ParseId(Trim(ctx.form.Get("item")));
  auto status = ParseItemStatus(ctx.form.Get("status"));
  return After(ctx, f,
               commands_.Decide(*ctx.user, f, IntOf(ctx.Param("year")), item.value_or(0),
                                status.value_or(ItemStatus::kProposed), ctx.form.Get("reason")),
               "forums.workspace.decided");
}

Result<http::Response> WorkspacePages::Publish(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.forums().Find(ctx.Param("slug")));
  int year = IntOf(ctx.Param("year"));
  auto done = commands_.Publish(*ctx.user, f, year);
  if (!done.has_value()) return After(ctx, f, done, "");
  return web_.Redirect(ctx, AgendaPath(f, year), web::Flash{"success", "forums.workspace.published"});
}

Result<http::Response> WorkspacePages::Agenda(Context& ctx) {
  WP_ASSIGN_OR_RETURN(struct Forum f, commands_.forums().Find(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(struct Agenda a, commands_.PublishedAgenda(f, IntOf(ctx.Param("year"))));
  json data = {{"title", ctx.T("forums.agenda.title", {{"year", std::to_string(a.year)}, {"forum", f.setup.name}})},
               {"budget_line", ctx.T("forums.agenda.budget_line",
                                     {{"budget", Money{a.budget_cents}}, {"adopted", Money{AdoptedTotal(a.items)}}})},
               {"published", time::FormatDate(commands_.forums().zone(), *a.published_at, ctx.locale)},
               {"table", ItemsTable(ctx, a)},
               {"workspace_href", WorkspacePath(f)},
               {"breadcrumb", web::Breadcrumb({{ctx.T("forums.index.title"), std::string(kIndexPath)},
                                               {f.setup.name, ForumPath(f)},
                                               {ctx.T("forums.agenda.short", {{"year", std::to_string(a.year)}}),
                                                AgendaPath(f, a.year)}})}};
  return web_.Render(ctx, "forums/agenda.html", "forums.agenda.short_title", data);
}

}  // namespace wp::forums
