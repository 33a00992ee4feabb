// The officials' pages (gebiedsverbinders, municipal experts and staff,
// administrators; permissions.h): what waits for an answer and what is
// overdue, the requests, a new request to one or more platforms, changing
// it while it is a draft, sending, withdrawing and closing it, and the
// answer to an advice point by point. The commands check the rights per platform (403 otherwise). Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/advice/commands.h"
#include "features/advice/public_pages.h"

namespace wp::advice {

class OfficialPages {
 public:
  OfficialPages(const web::Web& web, AdviceCommands& commands, PublicPages& public_pages)
      : web_(web), commands_(commands), public_pages_(public_pages) {}

  Result<http::Response> Overview(web::Context& ctx);       // GET  /beheer/advies
  Result<http::Response> NewRequest(web::Context& ctx);     // GET  /beheer/advies/aanvraag/nieuw
  Result<http::Response> CreateRequest(web::Context& ctx);  // POST /beheer/advies/aanvraag/nieuw
  Result<http::Response> EditRequest(web::Context& ctx);    // GET  /beheer/advies/aanvraag/{id}/wijzigen
  Result<http::Response> UpdateRequest(web::Context& ctx);  // POST /beheer/advies/aanvraag/{id}/wijzigen
  Result<http::Response> Send(web::Context& ctx);           // POST /beheer/advies/aanvraag/{id}/versturen
  Result<http::Response> Withdraw(web::Context& ctx);       // POST /beheer/advies/aanvraag/{id}/intrekken
  Result<http::Response> Close(web::Context& ctx);          // POST /beheer/advies/aanvraag/{id}/sluiten
  Result<http::Response> AnswerForm(web::Context& ctx);     // GET  /beheer/advies/{id}/antwoord
  Result<http::Response> Answer(web::Context& ctx);         // POST /beheer/advies/{id}/antwoord

 private:
  // The new-request form, or with `editing` the edit form of that draft request.
  Result<http::Response> ShowRequestForm(web::Context& ctx, const RequestForm& form, const Error* error,
                                         const AdviceRequest* editing = nullptr);
  // The request {id} while the user may edit it (CheckRequestEditable).
  // Errors: kForbidden (not an official, or not of its platforms), kNotFound, kConflict.
  Result<RequestThread> EditableRequest(web::Context& ctx) const;
  Result<http::Response> ShowAnswer(web::Context& ctx, int64_t id, const std::vector<PointAnswer>& typed,
                                    const Error* error);

  const web::Web& web_;
  AdviceCommands& commands_;
  PublicPages& public_pages_;
};

}  // namespace wp::advice
