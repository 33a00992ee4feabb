// Pages about the website itself, for everyone: the accessibility statement
// and what the site is. Thread-safe.
#pragma once

#include "core/web/web.h"

namespace wp::site {

class SitePages {
 public:
  explicit SitePages(const web::Web& web) : web_(web) {}

  Result<http::Response> Accessibility(web::Context& ctx);  // GET /toegankelijkheid
  Result<http::Response> About(web::Context& ctx);          // GET /over

 private:
  const web::Web& web_;
};

}  // namespace wp::site
