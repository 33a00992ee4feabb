// Officials' pages of Wijk aan Zet editions (/beheer/wijkbudget): the list
// of editions, and the form to create or change one (settings, area, rules,
// phase dates, publishing). Thread-safe.
#pragma once

#include "core/http/form.h"
#include "core/web/web.h"
#include "features/budgets/page_data.h"

namespace wp::budgets {

class AdminEditionPages {
 public:
  explicit AdminEditionPages(PageDeps deps) : d_(std::move(deps)) {}

  Result<http::Response> Editions(web::Context& ctx);  // GET  /beheer/wijkbudget
  Result<http::Response> NewForm(web::Context& ctx);   // GET  /beheer/wijkbudget/nieuw
  Result<http::Response> Create(web::Context& ctx);    // POST /beheer/wijkbudget/nieuw
  Result<http::Response> EditForm(web::Context& ctx);  // GET  /beheer/wijkbudget/{slug}
  Result<http::Response> Update(web::Context& ctx);    // POST /beheer/wijkbudget/{slug}

 private:
  // The form for a new edition (`stored` null) or for `stored`, with `form`'s
  // values and the fields of `error`.
  Result<http::Response> ShowForm(web::Context& ctx, const Edition* stored, const http::FormData& form,
                                  const Error* error);
  Result<http::Response> Save(web::Context& ctx, const Edition* stored);

  PageDeps d_;
};

}  // namespace wp::budgets
