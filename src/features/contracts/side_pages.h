// The pages of the two sides of a contract, the platform's kernteam and the
// gebiedsverbinder: start a draft, add themes and commitments, approve,
// report progress, amend a signed contract with a reason, write the year
// review and start next year's contract. The commands check the rights
// (403 for others, 404 for a draft the user may not read). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/contracts/commands.h"
#include "features/contracts/public_pages.h"

namespace wp::contracts {

class SidePages {
 public:
  SidePages(const web::Web& web, ContractCommands& commands, PublicPages& open)
      : web_(web), commands_(commands), open_(open) {}

  Result<http::Response> NewForm(web::Context& ctx);         // GET  /wijkplatform/{slug}/wijkcontract/nieuw
  Result<http::Response> Create(web::Context& ctx);          // POST /wijkplatform/{slug}/wijkcontract/nieuw
  Result<http::Response> AddTheme(web::Context& ctx);        // POST /wijkcontract/{id}/thema
  Result<http::Response> CommitmentForm(web::Context& ctx);  // GET  /wijkcontract/{id}/afspraak/nieuw
  Result<http::Response> AddCommitment(web::Context& ctx);   // POST /wijkcontract/{id}/afspraak/nieuw
  Result<http::Response> Approve(web::Context& ctx);         // POST /wijkcontract/{id}/goedkeuren
  Result<http::Response> Report(web::Context& ctx);          // POST /wijkcontract/{id}/afspraak/{cid}/voortgang
  Result<http::Response> AmendForm(web::Context& ctx);       // GET  /wijkcontract/{id}/afspraak/{cid}/wijzigen
  Result<http::Response> Amend(web::Context& ctx);           // POST /wijkcontract/{id}/afspraak/{cid}/wijzigen
  Result<http::Response> WriteReview(web::Context& ctx);     // POST /wijkcontract/{id}/terugblik
  Result<http::Response> NextYear(web::Context& ctx);        // POST /wijkcontract/{id}/volgend-jaar

 private:
  // The platform of {slug} when the user is a side of its contracts. Errors: kNotFound, kForbidden.
  Result<platforms::Platform> Managed(web::Context& ctx) const;
  Result<http::Response> ShowNew(web::Context& ctx, const platforms::Platform& p, const ContractForm& f,
                                 const Error* error);
  Result<http::Response> ShowCommitmentForm(web::Context& ctx, const ContractView& v,
                                            const contracts::CommitmentForm& f, const Error* error);
  Result<http::Response> ShowAmend(web::Context& ctx, const CommitmentView& v, const contracts::AmendForm& f,
                                   const Error* error);
  // The commitment {cid} of contract {id} as `ctx.user` sees it. Errors: kNotFound.
  Result<CommitmentView> CommitmentOf(web::Context& ctx) const;

  const web::Web& web_;
  ContractCommands& commands_;
  PublicPages& open_;
};

}  // namespace wp::contracts
