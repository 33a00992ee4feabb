// The pages everyone reads: the list of challenges, a challenge with its
// stage, gate checks, business case, decisions and reports (the officials
// and the contact person see their forms on the same page), and the
// cooperation agreement as a PDF. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/challenges/commands.h"

namespace wp::challenges {

class PublicPages {
 public:
  PublicPages(const web::Web& web, ChallengeCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Index(web::Context& ctx);      // GET /uitdaagrecht
  Result<http::Response> Show(web::Context& ctx);       // GET /uitdaagrecht/{id}
  Result<http::Response> Agreement(web::Context& ctx);  // GET /uitdaagrecht/{id}/overeenkomst.pdf

  // The challenge page; `error` (a failed form named `form`: "check", "decision", "report") shows it again.
  Result<http::Response> ShowChallenge(web::Context& ctx, int64_t id, const std::string& form, const Error* error);

 private:
  const web::Web& web_;
  ChallengeCommands& commands_;
};

}  // namespace wp::challenges
