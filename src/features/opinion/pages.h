// The pages of opinion-map conversations. Everyone: the list, a
// conversation (the next statement to vote on, one button per answer, a form
// for a new statement, the visitor's own votes with buttons to change them),
// the map (SVG plus the same groups in a table, consensus, what sets each
// group apart, where the visitor stands) and the published data with its
// downloads. Organisers: their overview with a form for a new conversation,
// and per conversation the status buttons, seed statements and moderation.
// The visitor is a random token in the wp_opinion cookie, made on the first
// vote or statement. Thread-safe.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/random.h"
#include "core/web/web.h"
#include "features/opinion/commands.h"

namespace wp::opinion {

class PublicPages {
 public:
  PublicPages(const web::Web& web, OpinionCommands& commands, Random& random)
      : web_(web), commands_(commands), random_(random) {}

  Result<http::Response> List(web::Context& ctx);     // GET  /meningen
  Result<http::Response> Show(web::Context& ctx);     // GET  /meningen/{id}
  Result<http::Response> Vote(web::Context& ctx);     // POST /meningen/{id}/stem
  Result<http::Response> Submit(web::Context& ctx);   // POST /meningen/{id}/stelling
  Result<http::Response> Map(web::Context& ctx);      // GET  /meningen/{id}/kaart
  Result<http::Response> Data(web::Context& ctx);     // GET  /meningen/{id}/gegevens
  Result<http::Response> Votes(web::Context& ctx);    // GET  /meningen/{id}/stemmen.csv
  Result<http::Response> Texts(web::Context& ctx);    // GET  /meningen/{id}/stellingen.csv

 private:
  Result<http::Response> ShowPage(web::Context& ctx, const Conversation& c, const std::string& typed,
                                  const Error* error);
  // The visitor of this request (the cookie's token, the account).
  Visitor VisitorOf(const web::Context& ctx) const;
  // Adds the cookie with `token` to `resp` when the request had none.
  void KeepToken(const web::Context& ctx, const std::string& token, http::Response& resp) const;
  Result<http::Response> Csv(web::Context& ctx, bool votes);

  const web::Web& web_;
  OpinionCommands& commands_;
  Random& random_;
};

class OrganiserPages {
 public:
  // `areas` lists the choices of the area field: (code, name) pairs.
  using AreaChoices = std::function<std::vector<std::pair<std::string, std::string>>()>;
  OrganiserPages(const web::Web& web, OpinionCommands& commands, AreaChoices areas)
      : web_(web), commands_(commands), areas_(std::move(areas)) {}

  Result<http::Response> Overview(web::Context& ctx);  // GET  /beheer/meningen
  Result<http::Response> Create(web::Context& ctx);    // POST /beheer/meningen
  Result<http::Response> Manage(web::Context& ctx);    // GET  /beheer/meningen/{id}
  Result<http::Response> Status(web::Context& ctx);    // POST /beheer/meningen/{id}/status
  Result<http::Response> Seed(web::Context& ctx);      // POST /beheer/meningen/{id}/stelling
  Result<http::Response> Moderate(web::Context& ctx);  // POST /beheer/meningen/{id}/moderatie/{statement}

 private:
  Result<http::Response> ShowOverview(web::Context& ctx, const ConversationForm& form, const Error* error);
  Result<http::Response> ShowManage(web::Context& ctx, int64_t id, const std::string& typed, const Error* error);

  const web::Web& web_;
  OpinionCommands& commands_;
  AreaChoices areas_;
};

// Every URL of the feature.
void AddOpinionRoutes(http::Router& router, const web::Web& web, PublicPages& open, OrganiserPages& organiser);

}  // namespace wp::opinion
