#include "features/codes/overview_pages.h"

#include "core/http/error_response.h"
#include "core/i18n/catalog.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "features/codes/file_tables.h"
#include "features/codes/links.h"

namespace wp::codes {

namespace {

using nlohmann::json;
using web::Cell;
using web::Context;

std::string Num(const Context& ctx, int64_t n) { return i18n::FormatInteger(n, ctx.locale); }

json CountsTable(const Context& ctx, const CodesStatus& s) {
  std::vector<std::vector<Cell>> rows;
  auto row = [&](const char* key, int64_t n) { rows.push_back({{ctx.T(key)}, {Num(ctx, n), "", true}}); };
  row("codes.count.addresses", s.addresses);
  row("codes.count.waiting", s.waiting);
  row("codes.count.unused", s.unused);
  row("codes.count.used_online", s.used_online);
  row("codes.count.used_paper", s.used_paper);
  row("codes.count.revoked", s.revoked);
  return web::Table(ctx.T("codes.overview.counts_caption"),
                    {ctx.T("codes.overview.what"), ctx.T("codes.overview.number")}, rows);
}

json RunsTable(const Context& ctx, const budgets::Edition& e, const std::vector<RunInfo>& runs,
               const time::TimeZone& zone) {
  std::vector<std::vector<Cell>> rows;
  for (const auto& r : runs) {
    rows.push_back({{std::to_string(r.id), CodesPath(e) + "/runs/" + std::to_string(r.id)},
                    {ctx.T("codes.run.kind." + std::string(RunKindName(r.kind)))},
                    {ctx.T("codes.run.state." + std::string(RunStateName(r.state)))},
                    {ctx.T("codes.run.progress", {{"done", r.done}, {"total", r.total}})},
                    {time::FormatDateTime(zone, r.created_at, ctx.locale)}});
  }
  return web::Table(ctx.T("codes.runs.caption"),
                    {ctx.T("codes.runs.number"), ctx.T("codes.runs.kind"), ctx.T("codes.runs.state"),
                     ctx.T("codes.runs.progress"), ctx.T("codes.runs.started")},
                    rows);
}

// The generate form's texts, for `waiting` addresses.
void AddGenerate(json& data, const Context& ctx, int64_t waiting) {
  data["generate_button"] = ctx.T("codes.generate.button", {{"count", waiting}});
  data["waiting_text"] = ctx.T("codes.generate.waiting", {{"count", waiting}});
}

}  // namespace

Result<http::Response> OverviewPages::ShowOverview(Context& ctx, const budgets::Edition& e, const Error* error) {
  WP_ASSIGN_OR_RETURN(CodesStatus s, commands_.Status(e));
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Label("adressen", "codes.import.field").Label("bevestig", "codes.erase.confirm");
  json data = {{"title", ctx.T("codes.overview.title", {{"edition", e.title}})},
               {"breadcrumb", CodesTrail(ctx, e)},
               {"base", CodesPath(e)},
               {"counts", CountsTable(ctx, s)},
               {"erased", s.erased_at.has_value()},
               {"busy", s.busy()},
               {"waiting", s.waiting > 0},
               {"runs", s.runs.empty() ? json(nullptr) : RunsTable(ctx, e, s.runs, zone_)},
               {"no_runs", web::EmptyState(ctx.T("codes.runs.none"))},
               {"files", s.files.empty() ? json(nullptr) : FilesTable(ctx, e, s.files, false)},
               {"downloads", DownloadsTable(ctx, s.downloads, zone_)},
               {"no_files", web::EmptyState(ctx.T("codes.files.none"))},
               {"delete_files", web::ActionButton(ctx.T("codes.files.delete"), CodesPath(e) + "/bestanden/verwijderen",
                                                  ctx.csrf_token)},
               {"file_error", form.ErrorFor("adressen")},
               {"confirm_error", form.ErrorFor("bevestig")}};
  AddGenerate(data, ctx, s.waiting);
  if (s.erased_at) {
    data["erased_text"] =
        ctx.T("codes.erase.erased_on", {{"date", time::FormatDateTime(zone_, *s.erased_at, ctx.locale)}});
  }
  form.AppendTo(data);
  return web_.Render(ctx, "codes/overview.html", "codes.overview.title_short", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> OverviewPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  return ShowOverview(ctx, e, nullptr);
}

Result<http::Response> OverviewPages::ImportAddresses(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  const http::UploadedFile* file = ctx.form.File("adressen");
  if (!file || file->data.empty()) {
    Error missing = FormInvalid({{"adressen", "codes.import.no_file"}});
    return ShowOverview(ctx, e, &missing);
  }
  if (commands_.VotingOpen(e)) {  // a second official confirms (issue #11 item 4)
    auto asked = commands_.AskImport(*ctx.user, e, file->data);
    if (!asked.has_value()) {
      if (asked.error().has_fields()) return ShowOverview(ctx, e, &asked.error());
      return asked.error();
    }
    return web_.Redirect(ctx, CodesPath(e), web::Flash{"info", "codes.four_eyes.asked"});
  }
  auto summary = commands_.ImportAddresses(*ctx.user, e, file->data);
  if (!summary.has_value()) {
    if (summary.error().has_fields()) return ShowOverview(ctx, e, &summary.error());
    return summary.error();
  }
  return web_.Redirect(ctx, CodesPath(e) + "/adressen/" + std::to_string(summary->report_id));
}

Result<http::Response> OverviewPages::ImportReport(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(ImportSummary s, commands_.ImportReport(e, id));
  WP_ASSIGN_OR_RETURN(CodesStatus status, commands_.Status(e));
  json lines = json::array();
  auto line = [&](const std::string& text) { lines.push_back({{"text", text}}); };
  line(ctx.T("codes.import.in_file", {{"count", s.in_file}}));
  line(ctx.T("codes.import.added", {{"count", s.added}}));
  if (s.already_known > 0) line(ctx.T("codes.import.already_known", {{"count", s.already_known}}));
  line(ctx.T("codes.import.total", {{"count", s.total}}));
  json problems = json::array();
  if (!s.ignored_columns.empty()) {
    problems.push_back(
        {{"text", ctx.T("codes.import.ignored_columns", {{"columns", JoinStrings(s.ignored_columns, ", ")}})}});
  }
  for (int l : s.empty_lines) problems.push_back({{"text", ctx.T("codes.import.empty_line", {{"line", l}})}});
  for (const auto& d : s.duplicates) {
    problems.push_back({{"text", ctx.T("codes.import.duplicate", {{"line", d.line}, {"first", d.first_line}})}});
  }
  const std::string title = ctx.T("codes.import.report_title");
  json data = {{"title", title},
               {"breadcrumb", CodesTrail(ctx, e, {{title, CodesPath(e) + "/adressen/" + std::to_string(id)}})},
               {"edition_title", e.title},
               {"base", CodesPath(e)},
               {"lines", lines},
               {"problems", problems},
               {"has_problems", !problems.empty()},
               {"waiting", status.waiting > 0 && !status.busy()}};
  AddGenerate(data, ctx, status.waiting);
  return web_.Render(ctx, "codes/import_report.html", "codes.import.report_title", data);
}

Result<http::Response> OverviewPages::EraseAddresses(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  auto erased = commands_.EraseAddresses(*ctx.user, e, ctx.form.Get("bevestig") == "ja");
  if (!erased.has_value()) {
    if (erased.error().has_fields()) return ShowOverview(ctx, e, &erased.error());
    return erased.error();
  }
  return web_.Redirect(ctx, CodesPath(e), web::Flash{"success", "codes.erase.done_flash"});
}

}  // namespace wp::codes
