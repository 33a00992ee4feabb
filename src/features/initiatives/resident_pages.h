// Pages for initiators: the guided form (the initiatievenkompas) to save a
// draft or submit, the receipt with the private link, the initiator's page
// (clock, contact person, answer, conditions, progress, history) reached by
// the private link (/initiatieven/volg/{token}) or, signed in, by
// /initiatieven/mijn/{id}, with its actions, and the list of one's own
// initiatives. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
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
  // POST /initiatieven/uit-wijkbudget/{plan} (signed in): a Wijk aan Zet plan
  // that was not chosen goes on as a draft initiative.
  Result<http::Response> FromPlan(web::Context& ctx);
  // Photos and attachments (files_pages.cc).
  Result<http::Response> AddFiles(web::Context& ctx);    // POST .../bestanden (multipart, files)
  Result<http::Response> RemoveFile(web::Context& ctx);  // POST .../bestand/{file}/verwijderen
  Result<http::Response> File(web::Context& ctx);        // GET  .../bestand/{file}
  // The start subsidy (subsidy_pages.cc).
  Result<http::Response> ApplySubsidy(web::Context& ctx);     // POST .../subsidie (purpose, budget)
  Result<http::Response> WithdrawSubsidy(web::Context& ctx);  // POST .../subsidie/{subsidy}/intrekken
  Result<http::Response> ReportSubsidy(web::Context& ctx);    // POST .../subsidie/{subsidy}/verantwoording

 private:
  http::Response ShowForm(web::Context& ctx, const NewInitiative& in, const std::string& action,
                          std::vector<FieldError> errors, bool is_draft, const nlohmann::json& extra = nullptr);
  // The photos and attachments section (views/files.html), with the upload form when `can_upload`.
  nlohmann::json FilesSection(const web::Context& ctx, const InitiatorView& v, const std::string& base,
                              const std::vector<FieldError>& errors, bool can_upload) const;
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
