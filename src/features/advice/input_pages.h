// The members' input on advice: the kernteam opens a round about a request
// or a draft advice, members react on the round's page (the kernteam reads
// every reaction), and the kernteam names the werkgroep of a draft advice.
// The commands check the rights (403 otherwise). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/advice/commands.h"
#include "features/advice/public_pages.h"

namespace wp::advice {

class InputPages {
 public:
  InputPages(const web::Web& web, AdviceCommands& commands, PublicPages& public_pages)
      : web_(web), commands_(commands), public_pages_(public_pages) {}

  // GET and POST /wijkplatform/{slug}/advies/inbreng/nieuw?aanvraag=ID or ?advies=ID
  Result<http::Response> NewRound(web::Context& ctx);
  Result<http::Response> OpenRound(web::Context& ctx);
  Result<http::Response> Round(web::Context& ctx);       // GET  /wijkplatform/{slug}/advies/inbreng/{id}
  Result<http::Response> React(web::Context& ctx);       // POST /wijkplatform/{slug}/advies/inbreng/{id}
  Result<http::Response> AddDrafter(web::Context& ctx);  // POST /wijkplatform/{slug}/advies/{id}/werkgroep

 private:
  // What ?aanvraag= or ?advies= names, with its title and page. Errors: kNotFound.
  struct About {
    HistoryOf of;
    std::string title, url, query;
  };
  Result<About> AboutOf(web::Context& ctx, const platforms::Platform& p) const;
  Result<http::Response> ShowNewRound(web::Context& ctx, const platforms::Platform& p, const About& about,
                                      const RoundForm& form, const Error* error);
  Result<http::Response> ShowRound(web::Context& ctx, const platforms::Platform& p, int64_t id, const Error* error);

  const web::Web& web_;
  AdviceCommands& commands_;
  PublicPages& public_pages_;
};

}  // namespace wp::advice
