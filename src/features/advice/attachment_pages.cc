#include "features/advice/attachment_pages.h"

#include "core/files/documents.h"
#include "features/advice/advice_view.h"

namespace wp::advice {

Result<http::Response> AttachmentPages::AddToRequest(web::Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto added = commands_.AttachToRequest(*ctx.user, id, UploadsOf(ctx));
  if (!added.has_value()) {
    if (added.error().has_fields()) return public_pages_.ShowRequest(ctx, id, &added.error());
    return added.error();
  }
  return web_.Redirect(ctx, RequestPath(id) + "#bijlagen", web::Flash{"success", "advice.attachments.added"});
}

Result<http::Response> AttachmentPages::AddToAdvice(web::Context& ctx) {
  WP_ASSIGN_OR_RETURN(platforms::Platform p, commands_.directory().PlatformOf(ctx.Param("slug")));
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto added = commands_.AttachToAdvice(*ctx.user, p, id, UploadsOf(ctx));
  if (!added.has_value()) {
    if (added.error().has_fields()) return public_pages_.ShowAdvice(ctx, id, &added.error());
    return added.error();
  }
  return web_.Redirect(ctx, AdvicePath(id) + "#bijlagen", web::Flash{"success", "advice.attachments.added"});
}

Result<http::Response> AttachmentPages::Download(web::Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(AttachmentToServe f, commands_.AttachmentFor(ctx.user, id));
  std::string etag = ctx.request ? std::string(ctx.request->Header("If-None-Match")) : "";
  return files::ServeDocument(std::move(f.bytes), {f.attachment.file_name, f.attachment.sha256, f.is_public}, etag);
}

}  // namespace wp::advice
