#include "features/codes/run_pages.h"

#include "core/time/format.h"
#include "core/web/components.h"
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
  WP_ASSIGN_OR_RETURN(RunInfo run, commands_.StartGeneration(*ctx.user, e, ctx.form.Get("brieven") == "ja"));
  return web_.Redirect(ctx, CodesPath(e) + "/runs/" + std::to_string(run.id));
}

Result<http::Response> RunPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(RunInfo run, commands_.Run(e, id));
  const std::string self = CodesPath(e) + "/runs/" + std::to_string(run.id);
  const std::string kind = ctx.T("codes.run.kind." + std::string(RunKindName(run.kind)));
  json files = json::array();
  for (const auto& f : run.files) files.push_back({{"name", f}, {"href", CodesPath(e) + "/bestanden/" + f}});
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

Result<http::Response> RunPages::Download(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
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
