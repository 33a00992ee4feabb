// The pages of residents who challenge: submit a challenge (the signed-in
// resident becomes its contact person), write the business case, and report
// on a running challenge. The commands check the rights. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/challenges/commands.h"
#include "features/challenges/public_pages.h"

namespace wp::challenges {

class GroupPages {
 public:
  GroupPages(const web::Web& web, ChallengeCommands& commands, PublicPages& open)
      : web_(web), commands_(commands), open_(open) {}

  Result<http::Response> NewForm(web::Context& ctx);   // GET  /uitdaagrecht/nieuw
  Result<http::Response> Create(web::Context& ctx);    // POST /uitdaagrecht/nieuw
  Result<http::Response> CaseForm(web::Context& ctx);  // GET  /uitdaagrecht/{id}/businesscase
  Result<http::Response> SaveCase(web::Context& ctx);  // POST /uitdaagrecht/{id}/businesscase
  Result<http::Response> Report(web::Context& ctx);    // POST /uitdaagrecht/{id}/rapportage

 private:
  Result<http::Response> ShowNew(web::Context& ctx, const ChallengeForm& f, const Error* error);
  Result<http::Response> ShowCase(web::Context& ctx, const Challenge& c, const BusinessCaseForm& f, const Error* error);

  const web::Web& web_;
  ChallengeCommands& commands_;
  PublicPages& open_;
};

// The officials' actions, posted from the challenge page: a gate check and a
// go/no-go decision.
class OfficialPages {
 public:
  OfficialPages(const web::Web& web, ChallengeCommands& commands, PublicPages& open)
      : web_(web), commands_(commands), open_(open) {}

  Result<http::Response> Check(web::Context& ctx);   // POST /uitdaagrecht/{id}/toets
  Result<http::Response> Decide(web::Context& ctx);  // POST /uitdaagrecht/{id}/besluit

 private:
  const web::Web& web_;
  ChallengeCommands& commands_;
  PublicPages& open_;
};

}  // namespace wp::challenges
