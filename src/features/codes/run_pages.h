// The officials' pages of code runs and print files: start a run, follow its
// progress (the page refreshes itself without JavaScript) and delete the
// print files (the edition's managers); list and download the print files
// before voting opens (the print officer only, every download recorded).
// Thread-safe.
#pragma once

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/codes/commands.h"

namespace wp::codes {

class RunPages {
 public:
  RunPages(const web::Web& web, CodeCommands& commands, const time::TimeZone& zone)
      : web_(web), commands_(commands), zone_(zone) {}

  Result<http::Response> Generate(web::Context& ctx);     // POST /beheer/wijkbudget/{slug}/stemcodes/maken
  Result<http::Response> Show(web::Context& ctx);         // GET  .../stemcodes/runs/{id}
  Result<http::Response> PrintFiles(web::Context& ctx);   // GET  .../stemcodes/drukwerk (the print officer)
  Result<http::Response> Download(web::Context& ctx);     // GET  .../stemcodes/bestanden/{name} (the print officer)
  Result<http::Response> DeleteFiles(web::Context& ctx);  // POST .../stemcodes/bestanden/verwijderen

 private:
  const web::Web& web_;
  CodeCommands& commands_;
  const time::TimeZone& zone_;
};

}  // namespace wp::codes
