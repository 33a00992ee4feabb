#include "features/platforms/invitation_pages.h"

#include "core/http/form.h"
#include "core/strings.h"
#include "features/platforms/page_data.h"

namespace wp::platforms {

using nlohmann::json;
using web::Context;

Result<http::Response> InvitationPages::Show(Context& ctx) {
  std::string token(ctx.Param("token"));
  auto found = invitations_.Find(token);
  if (!found.has_value()) {
    if (found.error().code != ErrorCode::kNotFound) return found.error();
    return web_.Render(ctx, "platforms/invitation.html", "platforms.invitation.title", json{{"unknown", true}}, 404);
  }
  const InvitationView& v = *found;
  bool mine = ctx.user && EqualsIgnoreCase(ctx.user->email, v.invitation.email);
  json data = {
      {"platform", v.platform.name},
      {"platform_url", PlatformPath(v.platform)},
      {"intro", ctx.T("platforms.invitation.intro", {{"inviter", v.inviter_name}, {"platform", v.platform.name}})},
      {"closed", !v.open},
      {"sign_in", v.open && !ctx.user},
      {"sign_in_url", "/inloggen?next=" + http::PercentEncode("/uitnodiging/" + token)},
      {"other_address", v.open && ctx.user && !mine},
      {"answer", v.open && mine},
      {"action", "/uitnodiging/" + token}};
  return web_.Render(ctx, "platforms/invitation.html", "platforms.invitation.title", data);
}

Result<http::Response> InvitationPages::Answer(Context& ctx) {
  std::string token(ctx.Param("token"));
  bool accept = ctx.form.Get("answer") == "ja";
  WP_TRY_VOID(invitations_.Answer(*ctx.user, token, accept));
  WP_ASSIGN_OR_RETURN(InvitationView v, invitations_.Find(token));
  if (!accept)
    return web_.Redirect(ctx, PlatformPath(v.platform), web::Flash{"success", "platforms.invitation.declined"});
  return web_.Redirect(ctx, PlatformPath(v.platform) + "/beheer",
                       web::Flash{"success", "platforms.invitation.accepted"});
}

}  // namespace wp::platforms
