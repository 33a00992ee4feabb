// The kernteam's trends page: reports per main category per month in the
// area of their platform, the last twelve local months, as SVG bar charts
// with every number in a table. For the platform's kernteam, the
// gebiedsverbinders of its stadsdeel and administrators (CanViewTrends).
// Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/platforms/directory.h"
#include "features/signals/commands.h"

namespace wp::signals {

inline constexpr int kTrendMonths = 12;

// "/wijkplatform/{slug}/meldingen/trends"
std::string TrendsPath(const std::string& platform_slug);

class TrendsPages {
 public:
  TrendsPages(const web::Web& web, SignalCommands& commands, const platforms::PlatformDirectory& platforms)
      : web_(web), commands_(commands), platforms_(platforms) {}

  // GET /wijkplatform/{slug}/meldingen/trends. Errors: kNotFound for an
  // unknown platform; kForbidden unless CanViewTrends.
  Result<http::Response> Show(web::Context& ctx);

 private:
  const web::Web& web_;
  SignalCommands& commands_;
  const platforms::PlatformDirectory& platforms_;
};

}  // namespace wp::signals
