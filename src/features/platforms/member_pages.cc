#include "features/platforms/member_pages.h"

#include "features/platforms/page_data.h"

namespace wp::platforms {

namespace {

using nlohmann::json;
using web::Context;

}  // namespace

Result<http::Response> MemberPages::Done(Context& ctx, const Platform& p, const Result<void>& done,
                                         const char* flash_key) const {
  if (!done.has_value()) return done.error();
  return web_.Redirect(ctx, PlatformPath(p), web::Flash{"success", flash_key});
}

Result<http::Response> MemberPages::Join(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  auto kind = ParseMemberKind(ctx.form.Get("kind"));
  if (!kind) return InvalidInput("bad member kind", "platforms.member.bad_kind");
  return Done(ctx, p, commands_.Join(*ctx.user, p.id, *kind, ctx.form.Get("organisation_name")),
              "platforms.member.joined");
}

Result<http::Response> MemberPages::Leave(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  return Done(ctx, p, commands_.Leave(*ctx.user, p.id), "platforms.member.left");
}

Result<http::Response> MemberPages::SetMail(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  bool newsletter = ctx.form.Get("newsletter") == "1", events = ctx.form.Get("events") == "1";
  return Done(ctx, p, commands_.SetMail(*ctx.user, p.id, newsletter, events), "platforms.member.mail_saved");
}

Result<http::Response> MemberPages::JoinGroup(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return Done(ctx, p, commands_.JoinWorkingGroup(*ctx.user, p.id, id), "platforms.group.joined");
}

Result<http::Response> MemberPages::LeaveGroup(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  return Done(ctx, p, commands_.LeaveWorkingGroup(*ctx.user, p.id, id), "platforms.group.left");
}

http::Response MemberPages::ShowUnsubscribe(Context& ctx, const UnsubscribeLink& link, bool done) const {
  json data = {{"token", std::string(ctx.Param("token"))},
               {"platform", {{"name", link.platform.name}, {"slug", link.platform.slug}}},
               {"topic", ctx.T("platforms.mail_topic." + std::string(MailTopicName(link.topic)))},
               {"subscribed", link.subscribed},
               {"done", done}};
  return web_.Render(ctx, "platforms/unsubscribe.html", "platforms.unsubscribe.title", data);
}

Result<http::Response> MemberPages::UnsubscribeForm(Context& ctx) {
  WP_ASSIGN_OR_RETURN(UnsubscribeLink link, commands_.FindUnsubscribeLink(ctx.Param("token")));
  return ShowUnsubscribe(ctx, link, false);
}

Result<http::Response> MemberPages::Unsubscribe(Context& ctx) {
  WP_ASSIGN_OR_RETURN(UnsubscribeLink link, commands_.Unsubscribe(ctx.Param("token")));
  return ShowUnsubscribe(ctx, link, true);
}

}  // namespace wp::platforms
