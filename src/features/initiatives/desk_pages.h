// Pages for the municipality: the desk's list of open initiatives with the
// escalation list (no contact after 5 working days, answer due soon or
// late) and the departments' open input tasks; one initiative's case page
// with its clock, full history and the actions of the check (contact person,
// start, department tasks, the answer, conditions). Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/web.h"
#include "features/initiatives/commands.h"

namespace wp::initiatives {

class DeskPages {
 public:
  DeskPages(const web::Web& web, InitiativeCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> List(web::Context& ctx);          // GET  /beheer/initiatieven
  Result<http::Response> Show(web::Context& ctx);          // GET  /beheer/initiatieven/{id}
  Result<http::Response> Contact(web::Context& ctx);       // POST /beheer/initiatieven/{id}/contactpersoon
  Result<http::Response> StartCheck(web::Context& ctx);    // POST /beheer/initiatieven/{id}/toets
  Result<http::Response> AddTask(web::Context& ctx);       // POST /beheer/initiatieven/{id}/taak
  Result<http::Response> AnswerTask(web::Context& ctx);    // POST /beheer/initiatieven/{id}/taak/{task}
  Result<http::Response> Answer(web::Context& ctx);        // POST /beheer/initiatieven/{id}/besluit
  Result<http::Response> SetCondition(web::Context& ctx);  // POST /beheer/initiatieven/{id}/voorwaarde/{condition}
  Result<http::Response> File(web::Context& ctx);  // GET /beheer/initiatieven/{id}/bestand/{file} (files_pages.cc)
  // The start subsidy (subsidy_pages.cc), under /beheer/initiatieven/{id}/subsidie/{subsidy}.
  Result<http::Response> DecideSubsidy(web::Context& ctx);  // POST .../besluit (decision, amount, reason)
  Result<http::Response> PaySubsidy(web::Context& ctx);     // POST .../betaald (reference)
  Result<http::Response> SettleSubsidy(web::Context& ctx);  // POST .../vaststellen (amount, reason)

 private:
  http::Response ShowCase(web::Context& ctx, const CaseView& view, std::vector<FieldError> errors);
  nlohmann::json SubsidyData(const web::Context& ctx, const CaseView& v, const std::string& base, bool can_run) const;
  Result<http::Response> After(web::Context& ctx, int64_t id, const Result<void>& done, const char* flash_key);

  const web::Web& web_;
  InitiativeCommands& commands_;
};

}  // namespace wp::initiatives
