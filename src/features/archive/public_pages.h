// The archive pages everyone reads: a platform's archive with its search
// form, the search across platforms, a document and its file. Those who
// keep the archive see the upload link and the withdraw form; a council
// member sees the follow button. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/archive/commands.h"

namespace wp::archive {

class PublicPages {
 public:
  PublicPages(const web::Web& web, ArchiveCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Platform(web::Context& ctx);  // GET /wijkplatform/{slug}/archief
  Result<http::Response> Search(web::Context& ctx);    // GET /archief
  Result<http::Response> Document(web::Context& ctx);  // GET /archief/{id}
  Result<http::Response> File(web::Context& ctx);      // GET /archief/{id}/bestand

  // The document page; `error` (a refused withdrawal) shows the form again.
  Result<http::Response> ShowDocument(web::Context& ctx, int64_t id, const Error* error);

 private:
  SearchQuery QueryOf(const web::Context& ctx) const;

  const web::Web& web_;
  ArchiveCommands& commands_;
};

}  // namespace wp::archive
