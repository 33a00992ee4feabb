// Attachments on the advice pages: an official adds PDFs to a draft request,
// the kernteam to a draft advice (multipart forms, without JavaScript), and
// everyone who may read the request or advice downloads them. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/advice/commands.h"
#include "features/advice/public_pages.h"

namespace wp::advice {

class AttachmentPages {
 public:
  AttachmentPages(const web::Web& web, AdviceCommands& commands, PublicPages& public_pages)
      : web_(web), commands_(commands), public_pages_(public_pages) {}

  Result<http::Response> AddToRequest(web::Context& ctx);  // POST /beheer/advies/aanvraag/{id}/bijlagen
  Result<http::Response> AddToAdvice(web::Context& ctx);   // POST /wijkplatform/{slug}/advies/{id}/bijlagen
  Result<http::Response> Download(web::Context& ctx);      // GET  /advies/bijlage/{id}

 private:
  const web::Web& web_;
  AdviceCommands& commands_;
  PublicPages& public_pages_;
};

}  // namespace wp::advice
