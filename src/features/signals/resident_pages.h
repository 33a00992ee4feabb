// Pages for residents: report a signal without JavaScript (the place by a
// click on a server-drawn map, an <input type="image">, or by buurt and
// street), the receipt with the number and the private follow-up link, the
// follow-up page (history, satisfaction, reopening) and e-mail verification.
// Thread-safe.
#pragma once

#include <string>

#include "core/web/web.h"
#include "features/platforms/directory.h"
#include "features/signals/commands.h"

namespace wp::signals {

class ResidentPages {
 public:
  ResidentPages(const web::Web& web, SignalCommands& commands, const platforms::PlatformDirectory& directory)
      : web_(web), commands_(commands), platforms_(directory) {}

  Result<http::Response> ReportForm(web::Context& ctx);    // GET  /meldingen/nieuw (?kaart.x&kaart.y, ?lon&lat)
  Result<http::Response> Report(web::Context& ctx);        // POST /meldingen/nieuw
  Result<http::Response> PickerMap(web::Context& ctx);     // GET  /meldingen/kaart.svg?lon&lat
  Result<http::Response> Follow(web::Context& ctx);        // GET  /meldingen/volg/{token}
  Result<http::Response> Satisfaction(web::Context& ctx);  // POST /meldingen/volg/{token}/tevreden
  Result<http::Response> Reopen(web::Context& ctx);        // POST /meldingen/volg/{token}/heropenen
  // GET shows a button only: a mail scanner that opens the link verifies
  // nothing; the POST of that button verifies.
  Result<http::Response> ConfirmForm(web::Context& ctx);  // GET  /meldingen/bevestigen/{token}
  Result<http::Response> Verify(web::Context& ctx);       // POST /meldingen/bevestigen/{token}

 private:
  http::Response ShowReportForm(web::Context& ctx, const ReportInput& in, std::vector<FieldError> errors);
  http::Response ShowFollow(web::Context& ctx, const std::string& token, const FollowView& view,
                            std::vector<FieldError> errors);

  const web::Web& web_;
  SignalCommands& commands_;
  const platforms::PlatformDirectory& platforms_;
};

}  // namespace wp::signals
