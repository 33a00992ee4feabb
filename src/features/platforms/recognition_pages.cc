#include "features/platforms/recognition_pages.h"

#include "core/http/error_response.h"
#include "core/time/format.h"
#include "core/web/forms.h"
#include "features/platforms/page_data.h"

namespace wp::platforms {

namespace {

using nlohmann::json;
using web::Context;

json HistoryTable(const Context& ctx, const std::vector<HistoryEntry>& history, const time::TimeZone& zone) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& h : history) {
    // The status is the row's heading: the date alone says little.
    rows.push_back({{StatusLabel(ctx, h.change.to)},
                    {time::FormatDate(zone, h.change.changed_at, ctx.locale)},
                    {h.actor_name},
                    {h.change.reason}});
  }
  return web::Table(ctx.T("platforms.status.history_caption"),
                    {ctx.T("platforms.status.col_to"), ctx.T("platforms.status.col_date"),
                     ctx.T("platforms.status.col_actor"), ctx.T("platforms.status.col_reason")},
                    rows);
}

// The statuses the viewer may choose from the current one.
json StatusOptions(const Context& ctx, const Platform& p) {
  json options = json::array();
  for (const auto& rule : RecognitionFlow()) {
    if (rule.from != p.status) continue;
    // Any reason: the form asks for it; only who may choose counts here.
    if (!CanTransition(p.status, rule.to, Viewer(ctx), p.borough_slug, p.id, "x").has_value()) continue;
    std::string name(PlatformStatusName(rule.to));
    options.push_back({{"value", name},
                       {"label", ctx.T("platforms.transition_to." + name)},
                       {"selected", ctx.form.Get("to") == name}});
  }
  return options;
}

}  // namespace

Result<http::Response> RecognitionPages::Show(Context& ctx, const Platform& p, const Error* error) {
  if (!MaySeeRecognition(ctx, p)) return Forbidden("not allowed", "platforms.error.forbidden");
  WP_ASSIGN_OR_RETURN(auto history, commands_.History(p.id));
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Label("to", "platforms.field_label.to");
  form.Field({.name = "reason",
              .label_key = "platforms.field_label.reason",
              .value = ctx.form.Get("reason"),
              .description_key = "platforms.status.reason_hint",
              .required = false,
              .textarea = true,
              .rows = 4});
  json options = StatusOptions(ctx, p);
  json data = {
      {"platform", {{"slug", p.slug}, {"name", p.name}}},
      {"badge", web::StatusBadge(StatusLabel(ctx, p.status), StatusTone(p.status))},
      {"history", HistoryTable(ctx, history, zone_)},
      {"options", options},
      {"can_change", !options.empty()},
      {"to_error", form.ErrorFor("to")},
      {"title", ctx.T("platforms.status.title", {{"name", p.name}})},
      {"breadcrumb", PlatformCrumbs(ctx, p, ctx.T("platforms.page.status_link"), PlatformPath(p) + "/status")}};
  form.AppendTo(data);
  return web_.Render(ctx, "platforms/status.html", "", data, error ? http::StatusForError(*error) : 200);
}

Result<http::Response> RecognitionPages::Status(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  return Show(ctx, p, nullptr);
}

Result<http::Response> RecognitionPages::ChangeStatus(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  auto to = ParsePlatformStatus(ctx.form.Get("to"));
  auto changed = to ? commands_.ChangeStatus(*ctx.user, p.id, *to, ctx.form.Get("reason"))
                    : Result<void>(FormInvalid({{"to", kMissing}}));
  if (!changed.has_value()) {
    if (changed.error().has_fields()) return Show(ctx, p, &changed.error());
    return changed.error();
  }
  return web_.Redirect(ctx, PlatformPath(p) + "/status", web::Flash{"success", "platforms.status.changed"});
}

}  // namespace wp::platforms
