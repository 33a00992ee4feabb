// Pages for initiators: the guided form (the initiatievenkompas) to save a
// draft or submit, the receipt with the private link, the initiator's page
// (clock, contact person, answer, conditions, progress, history) reached by
// the private link (/initiatieven/volg/{token}) or, signed in, by
// /initiatieven/mijn/{id}, with its actions, and the list of one's own
// initiatives. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/web/web.h"
#include "features/initiatives/commands.h"

namespace wp::initiatives {

class ResidentPages {
 public:
  ResidentPages(const web::Web& web, InitiativeCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> NewForm(web::Context& ctx);  // GET  /initiatieven/nieuw
  Result<http::Response> Create(web::Context& ctx);   // POST /initiatieven/nieuw
  Result<http::Response> Mine(web::Context& ctx);     // GET  /initiatieven/mijn (signed in)
  // The initiator's page and actions, under /initiatieven/volg/{token} and /initiatieven/mijn/{id}.
  Result<http::Response> Show(web::Context& ctx);          // GET  .../
  Result<http::Response> SaveDraft(web::Context& ctx);     // POST .../concept (submit=ja submits)
  Result<http::Response> Withdraw(web::Context& ctx);      // POST .../intrekken
  Result<http::Response> Progress(web::Context& ctx);      // POST .../voortgang (status)
  Result<http::Response> PostUpdate(web::Context& ctx);    // POST .../bericht
  Result<http::Response> ConditionMet(web::Context& ctx);  // POST .../voorwaarde/{condition} (status)
  // The start subsidy (subsidy_pages.cc).
  Result<http::Response> ApplySubsidy(web::Context& ctx);     // POST .../subsidie (purpose, budget)
  Result<http::Response> WithdrawSubsidy(web::Context& ctx);  // POST .../subsidie/{subsidy}/intrekken
  Result<http::Response> ReportSubsidy(web::Context& ctx);    // POST .../subsidie/{subsidy}/verantwoording

 private:
  http::Response ShowForm(web::Context& ctx, const NewInitiative& in, const std::string& action,
                          std::vector<FieldError> errors, bool is_draft);
  http::Response ShowInitiator(web::Context& ctx, const InitiatorView& view, std::vector<FieldError> errors);
  // After an initiator's action: back to their page, or the page again with the errors.
  Result<http::Response> After(web::Context& ctx, const Result<void>& done, const char* flash_key);

  const web::Web& web_;
  InitiativeCommands& commands_;
};

// The initiative a request names: its private link, or the signed-in initiator and the id.
Result<InitiatorKey> InitiatorKeyOf(const web::Context& ctx);
// The base path of the initiator's pages for `key`.
std::string InitiatorBase(const InitiatorKey& key);
// The compass fields of the form.
Compass ReadCompass(const web::Context& ctx);

}  // namespace wp::initiatives
