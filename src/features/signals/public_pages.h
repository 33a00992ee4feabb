// Public pages of signals, without personal data: the overview per wijk, a
// wijk's open and recently closed signals as a list and a server-drawn map,
// and one signal (its description and photos only when the reporter allowed
// it). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/geography/map_cache.h"
#include "features/platforms/directory.h"
#include "features/signals/commands.h"

namespace wp::signals {

class PublicPages {
 public:
  PublicPages(const web::Web& web, SignalCommands& commands, const platforms::PlatformDirectory& directory)
      : web_(web), commands_(commands), platforms_(directory) {}

  Result<http::Response> Overview(web::Context& ctx);  // GET /meldingen
  Result<http::Response> District(web::Context& ctx);  // GET /meldingen/wijk/{code}
  Result<http::Response> Show(web::Context& ctx);      // GET /meldingen/{id}
  Result<http::Response> Photo(web::Context& ctx);     // GET /meldingen/foto/{id}

 private:
  const web::Web& web_;
  SignalCommands& commands_;
  const platforms::PlatformDirectory& platforms_;
  geography::RenderedMapCache maps_;  // the wijk maps without markers
};

}  // namespace wp::signals
