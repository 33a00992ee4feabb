// The pages everyone reads: the list of contracts, a contract with its
// themes and commitments (the frozen signed version, amendments, history),
// a commitment with its progress updates, the progress page with an SVG
// overview per theme and the same numbers as a table, and the year review.
// A draft answers 404 to all but the two sides, who see their actions on
// the same pages. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/contracts/commands.h"

namespace wp::contracts {

class PublicPages {
 public:
  PublicPages(const web::Web& web, ContractCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Index(web::Context& ctx);           // GET /wijkcontracten
  Result<http::Response> ContractPage(web::Context& ctx);    // GET /wijkcontract/{id}
  Result<http::Response> ProgressPage(web::Context& ctx);    // GET /wijkcontract/{id}/voortgang
  Result<http::Response> ReviewPage(web::Context& ctx);      // GET /wijkcontract/{id}/terugblik
  Result<http::Response> CommitmentPage(web::Context& ctx);  // GET /wijkcontract/{id}/afspraak/{cid}
  Result<http::Response> Evidence(web::Context& ctx);        // GET /wijkcontract/bewijs/{id}

  // The pages again with a failed form (`error`) of the two sides.
  Result<http::Response> ShowContract(web::Context& ctx, int64_t id, const Error* error);
  Result<http::Response> ShowReview(web::Context& ctx, int64_t id, const Error* error);
  Result<http::Response> ShowCommitment(web::Context& ctx, int64_t contract_id, int64_t id, const Error* error);

 private:
  const web::Web& web_;
  ContractCommands& commands_;
};

}  // namespace wp::contracts
