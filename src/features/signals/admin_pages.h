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

 private:
  http::Response Show(web::Context& ctx, const Category& form_category, std::vector<FieldError> errors,
                      const Department& form_department);

  const web::Web& web_;
  SignalCommands& commands_;
};

}  // namespace wp::signals
