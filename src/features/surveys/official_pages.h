// Pages for officials (administrators, gebiedsverbinders): the surveys and a
// form for a new one (/beheer/peilingen), one survey with its questions
// (add, reorder, remove, conditions), status buttons, codes for letters or
// by e-mail to a panel's new members, paper
// questionnaires and moderation of open answers (/beheer/peilingen/{id}/...).
// The commands check the rights. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/surveys/commands.h"

namespace wp::surveys {

class OfficialPages {
 public:
  OfficialPages(const web::Web& web, SurveyCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> List(web::Context& ctx);         // GET  /beheer/peilingen
  Result<http::Response> Create(web::Context& ctx);       // POST /beheer/peilingen
  Result<http::Response> Manage(web::Context& ctx);       // GET  /beheer/peilingen/{id}
  Result<http::Response> AddQuestion(web::Context& ctx);  // POST /beheer/peilingen/{id}/vragen
  Result<http::Response> MoveUp(web::Context& ctx);       // POST .../vragen/{q}/omhoog
  Result<http::Response> MoveDown(web::Context& ctx);     // POST .../vragen/{q}/omlaag
  Result<http::Response> Remove(web::Context& ctx);       // POST .../vragen/{q}/verwijderen
  Result<http::Response> Open(web::Context& ctx);         // POST /beheer/peilingen/{id}/openen
  Result<http::Response> Close(web::Context& ctx);        // POST /beheer/peilingen/{id}/sluiten
  Result<http::Response> Publish(web::Context& ctx);      // POST /beheer/peilingen/{id}/publiceren
  Result<http::Response> Letters(web::Context& ctx);      // POST /beheer/peilingen/{id}/brieven (CSV download)
  Result<http::Response> PanelCodes(web::Context& ctx);   // POST /beheer/peilingen/{id}/panel-codes
  Result<http::Response> PaperForm(web::Context& ctx);    // GET  /beheer/peilingen/{id}/papier
  Result<http::Response> Paper(web::Context& ctx);        // POST /beheer/peilingen/{id}/papier
  Result<http::Response> Accept(web::Context& ctx);       // POST .../open-antwoorden/{a}/goed
  Result<http::Response> Reject(web::Context& ctx);       // POST .../open-antwoorden/{a}/afwijzen

 private:
  Result<http::Response> ShowList(web::Context& ctx, const SurveyInput& in, std::vector<FieldError> errors);
  Result<http::Response> ShowManage(web::Context& ctx, int64_t id, std::vector<FieldError> errors,
                                    const std::string& error_key);
  Result<http::Response> ShowPaper(web::Context& ctx, const Survey& s, const Answers& answers, const std::string& code,
                                   std::vector<FieldError> errors, const std::string& notice);
  Result<http::Response> ChangeStatus(web::Context& ctx, Action action, const std::string& done_key);
  Result<http::Response> Move(web::Context& ctx, int by);
  Result<http::Response> ModerateOne(web::Context& ctx, bool accept);

  const web::Web& web_;
  SurveyCommands& commands_;
};

}  // namespace wp::surveys
