#include "features/codes/run_pages.h"

#include "core/time/format.h"
#include "core/web/components.h"
#include "features/codes/file_tables.h"
#include "features/codes/links.h"

namespace wp::codes {

namespace {

using nlohmann::json;
using web::Context;

web::Tone ToneOf(RunState s) {
  switch (s) {
    case RunState::kQueued:
      return web::Tone::kNeutral;
    case RunState::kRunning:
      return web::Tone::kInfo;
    case RunState::kFinished:
      return web::Tone::kSuccess;
    case RunState::kFailed:
      return web::Tone::kDanger;
  }
  return web::Tone::kNeutral;
}

}  // namespace

Result<http::Response> RunPages::Generate(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  const bool letters = ctx.form.Get("brieven") == "ja";
  if (commands_.VotingOpen(e)) {  // a second official confirms (issue #11 item 4)
    WP_TRY_VOID(commands_.AskGeneration(*ctx.user, e, letters));
    return web_.Redirect(ctx, CodesPath(e), web::Flash{"info", "codes.four_eyes.asked"});
  }
  WP_ASSIGN_OR_RETURN(RunInfo run, commands_.StartGeneration(*ctx.user, e, letters));
  return web_.Redirect(ctx, CodesPath(e) + "/runs/" + std::to_string(run.id));
}

Result<http::Response> RunPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(RunInfo run, commands_.Run(e, id));
  const std::string self = CodesPath(e) + "/runs/" + std::to_string(run.id);
  const std::string kind = ctx.T("codes.run.kind." + std::string(RunKindName(run.kind)));
  json files = json::array();
  for (const auto& f : run.files) files.push_back({{"name", f}});
  json data = {
      {"title", ctx.T("codes.run.title")},
      {"kind", kind},
      {"id", run.id},
      {"breadcrumb", CodesTrail(ctx, e, {{kind + " " + std::to_string(run.id), self}})},
      {"edition_title", e.title},
      {"state", web::StatusBadge(ctx.T("codes.run.state." + std::string(RunStateName(run.state))), ToneOf(run.state))},
      {"progress", ctx.T("codes.run.progress", {{"done", run.done}, {"total", run.total}})},
      {"created", time::FormatDateTime(zone_, run.created_at, ctx.locale)},
      {"active", run.active()},
      {"failed", run.state == RunState::kFailed},
      {"files", files},
      {"has_files", !files.empty()},
      {"self", self}};
  http::Response resp = web_.Render(ctx, "codes/run.html", "codes.run.title", data);
  // Refreshes itself without JavaScript while the run is under way.
  if (run.active()) resp.headers.Set("Refresh", "2");
  return resp;
}

Result<http::Response> RunPages::PrintFiles(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.PrintEdition(ctx.Param("slug"), *ctx.user));
  WP_ASSIGN_OR_RETURN(CodesStatus s, commands_.Status(e));
  const bool open = commands_.DownloadsOpen(e);
  const std::string title = ctx.T("codes.print.title");
  json data = {
      {"title", title},
      {"breadcrumb", web::Breadcrumb({{e.title, "/wijkbudget/" + e.slug}, {title, CodesPath(e) + "/drukwerk"}})},
      {"edition_title", e.title},
      {"open", open},
      {"files", s.files.empty() ? json(nullptr) : FilesTable(ctx, e, s.files, open)},
      {"no_files", web::EmptyState(ctx.T("codes.files.none"))},
      {"downloads", DownloadsTable(ctx, s.downloads, zone_)}};
  return web_.Render(ctx, "codes/print_files.html", "codes.print.title", data);
}

Result<http::Response> RunPages::Download(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.PrintEdition(ctx.Param("slug"), *ctx.user));
  const std::string name(ctx.Param("name"));
  WP_ASSIGN_OR_RETURN(std::string content, commands_.ReadPrintFile(*ctx.user, e, name));
  http::Response resp;
  resp.status = 200;
  resp.body = std::move(content);
  const bool pdf = name.size() > 4 && name.substr(name.size() - 4) == ".pdf";
  resp.headers.Set("Content-Type", pdf ? "application/pdf" : "text/csv; charset=utf-8");
  resp.headers.Set("Content-Disposition", "attachment; filename=\"" + name + "\"");
  resp.headers.Set("Cache-Control", "no-store");
  return resp;
}

Result<http::Response> RunPages::DeleteFiles(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t removed, commands_.DeletePrintFiles(*ctx.user, e));
  return web_.Redirect(ctx, CodesPath(e), web::Flash{"success", "codes.files.deleted"});
}

}  // namespace wp::codes
