// Pages for officials: the form with which a gebiedsverbinder (for their own
// stadsdeel) or an administrator publishes the stadsdeel's contact.
// Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/geography/commands.h"
#include "features/geography/service.h"

namespace wp::geography {

class ContactPages {
 public:
  ContactPages(const web::Web& web, GeographyService& geography, GeographyCommands& commands)
      : web_(web), geography_(geography), commands_(commands) {}

  Result<http::Response> EditForm(web::Context& ctx);  // GET  /stadsdeel/{slug}/contact
  Result<http::Response> Save(web::Context& ctx);      // POST /stadsdeel/{slug}/contact

 private:
  // The stadsdeel of the URL, if `ctx.user` may edit its contact. Errors:
  // kNotFound for an unknown stadsdeel, kForbidden otherwise.
  Result<Borough> EditableBorough(const web::Context& ctx) const;
  http::Response ShowForm(web::Context& ctx, const Borough& b, const BoroughContact& contact, const Error* error);

  const web::Web& web_;
  GeographyService& geography_;
  GeographyCommands& commands_;
};

}  // namespace wp::geography
