// The pages everyone reads: the list of advice requests, a request with its
// advices, answers and history (the whole thread), an advice with its
// answer point by point, and a platform's advice. Confidential requests and
// drafts answer 404 to those who may not read them; officials and the
// kernteam see their actions on the same pages. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/advice/commands.h"

namespace wp::advice {

class PublicPages {
 public:
  PublicPages(const web::Web& web, AdviceCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Index(web::Context& ctx);     // GET /advies
  Result<http::Response> Request(web::Context& ctx);   // GET /advies/aanvraag/{id}
  Result<http::Response> Advice(web::Context& ctx);    // GET /advies/{id}
  Result<http::Response> Platform(web::Context& ctx);  // GET /wijkplatform/{slug}/advies

  // The request page; `error` (a failed withdrawal) shows the reason field again.
  Result<http::Response> ShowRequest(web::Context& ctx, int64_t id, const Error* error);
  // The advice page; `error` (a refused upload or drafter) shows the form again.
  Result<http::Response> ShowAdvice(web::Context& ctx, int64_t id, const Error* error);

 private:
  const web::Web& web_;
  AdviceCommands& commands_;
};

}  // namespace wp::advice
