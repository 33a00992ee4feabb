// Pages for administrators: the category tree of signals (each category
// with its department, handling time and update interval) and the
// departments and outside parties signals go to. Thread-safe.
#pragma once

#include "core/web/web.h"
#include "features/signals/commands.h"

namespace wp::signals {

class AdminPages {
 public:
  AdminPages(const web::Web& web, SignalCommands& commands) : web_(web), commands_(commands) {}

  Result<http::Response> Categories(web::Context& ctx);      // GET  /beheer/meldingen/onderwerpen
  Result<http::Response> EditCategory(web::Context& ctx);    // GET  /beheer/meldingen/onderwerpen/{id}
  Result<http::Response> SaveCategory(web::Context& ctx);    // POST /beheer/meldingen/onderwerpen[/{id}]
  Result<http::Response> SaveDepartment(web::Context& ctx);  // POST /beheer/meldingen/afdelingen
  // The extra questions of a category: the list and a form to add one, or
  // (?vraag={qid}) to change one.
  Result<http::Response> Questions(web::Context& ctx);     // GET  /beheer/meldingen/onderwerpen/{id}/vragen
  Result<http::Response> SaveQuestion(web::Context& ctx);  // POST /beheer/meldingen/onderwerpen/{id}/vragen

 private:
  http::Response Show(web::Context& ctx, const Category& form_category, std::vector<FieldError> errors,
                      const Department& form_department);
  Result<http::Response> ShowQuestions(web::Context& ctx, const Category& category, const Question& form_question,
                                       std::vector<FieldError> errors);

  const web::Web& web_;
  SignalCommands& commands_;
};

}  // namespace wp::signals
