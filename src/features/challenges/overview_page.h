// The officials' overview across challenges (/beheer/uitdaagrecht): every
// challenge with its stage, next step and since when, the municipality's
// turns and overdue reports first, filtered by stadsdeel. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/challenges/commands.h"

namespace wp::challenges {

inline constexpr const char* kOverviewPath = "/beheer/uitdaagrecht";

class OverviewPage {
 public:
  OverviewPage(const web::Web& web, ChallengeCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Show(web::Context& ctx);  // GET /beheer/uitdaagrecht[?stadsdeel=slug]

 private:
  const web::Web& web_;
  ChallengeCommands& commands_;
};

}  // namespace wp::challenges
