// The municipality's overview: overdue commitments of the signed contracts
// of the platforms the signed-in gebiedsverbinder works for, and the
// contracts still in draft there. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/contracts/commands.h"

namespace wp::contracts {

class OfficialPages {
 public:
  OfficialPages(const web::Web& web, ContractCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Overdue(web::Context& ctx);  // GET /beheer/wijkcontracten

 private:
  const web::Web& web_;
  ContractCommands& commands_;
};

}  // namespace wp::contracts
