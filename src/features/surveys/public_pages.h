// Pages for residents: the list of surveys (/peilingen), answering one
// (/peilingen/{id}, once per browser or account, or with a code), and the
// published results with charts, tables and CSV (/peilingen/{id}/uitslag).
// Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/surveys/commands.h"

namespace wp::surveys {

class PublicPages {
 public:
  PublicPages(const web::Web& web, SurveyCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Index(web::Context& ctx);    // GET  /peilingen
  Result<http::Response> Show(web::Context& ctx);     // GET  /peilingen/{id}[?code=]
  Result<http::Response> Answer(web::Context& ctx);   // POST /peilingen/{id}
  Result<http::Response> Results(web::Context& ctx);  // GET  /peilingen/{id}/uitslag
  Result<http::Response> Csv(web::Context& ctx);      // GET  /peilingen/{id}/uitslag.csv

 private:
  Result<http::Response> ShowForm(web::Context& ctx, const Survey& s, const Answers& answers, const std::string& code,
                                  std::vector<FieldError> errors, const std::string& notice);

  const web::Web& web_;
  SurveyCommands& commands_;
};

}  // namespace wp::surveys
