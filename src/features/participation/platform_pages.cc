#include "features/participation/platform_pages.h"

#include "core/time/format.h"
#include "features/participation/project_view.h"

namespace wp::participation {

namespace {

using nlohmann::json;
using web::Context;

json LogTable(const Context& ctx, const ProjectCommands& commands, const std::vector<SubscriptionChange>& log) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& line : log) {
    rows.push_back({{time::FormatDateTime(commands.zone(), line.at, ctx.locale)},
                    {line.actor_name},
                    {ctx.T(line.subscribed ? "participation.subscription.turned_on"
                                           : "participation.subscription.turned_off")}});
  }
  return web::Table(ctx.T("participation.subscription.log_caption"),
                    {ctx.T("participation.history.when"), ctx.T("participation.history.who"),
                     ctx.T("participation.history.what")},
                    rows);
}

}  // namespace

Result<http::Response> PlatformPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(auto projects, commands_.InDistricts(ProjectCommands::DistrictsOf(p)));
  WP_ASSIGN_OR_RETURN(Subscription sub, commands_.SubscriptionOf(p.id));
  auto m = commands_.municipality();
  std::string today = commands_.Today();
  json cards = json::array();
  for (const auto& project : projects) cards.push_back(ProjectCard(ctx, *m, project, today, 3));
  json data = {
      {"title", ctx.T("participation.platform.heading", {{"platform", p.name}})},
      {"cards", cards},
      {"none", cards.empty() ? json(web::EmptyState(ctx.T("participation.platform.none"))) : json()},
      {"subscribed", sub.subscribed},
      {"state", ctx.T(sub.subscribed ? "participation.subscription.on" : "participation.subscription.off")},
      {"breadcrumb", web::Breadcrumb({{p.name, "/wijkplatform/" + p.slug},
                                      {ctx.T("participation.platform.title"), PlatformPagePath(p)}})}};
  if (!sub.log.empty()) data["log"] = LogTable(ctx, commands_, sub.log);
  if (ctx.user && CanSubscribe(*ctx.user, platforms::PlatformScope(p.id))) {
    data["button"] = sub.subscribed ? web::ActionButton(ctx.T("participation.subscription.unsubscribe"),
                                                        PlatformPagePath(p) + "/afmelden", ctx.csrf_token)
                                    : web::ActionButton(ctx.T("participation.subscription.subscribe"),
                                                        PlatformPagePath(p) + "/aanmelden", ctx.csrf_token,
                                                        web::ActionKind::kPrimary);
  }
  return web_.Render(ctx, "participation/platform.html", "participation.platform.title", data);
}

Result<http::Response> PlatformPages::Set(Context& ctx, bool on) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_TRY_VOID(commands_.Subscribe(*ctx.user, p.id, on));
  return web_.Redirect(ctx, PlatformPagePath(p),
                       web::Flash{"success", on ? "participation.subscription.subscribed"
                                                : "participation.subscription.unsubscribed"});
}

Result<http::Response> PlatformPages::Subscribe(Context& ctx) { return Set(ctx, true); }
Result<http::Response> PlatformPages::Unsubscribe(Context& ctx) { return Set(ctx, false); }

}  // namespace wp::participation
