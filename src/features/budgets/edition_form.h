// The officials' edition form (edition_form.html): reading it into an
// Edition, filling it from a stored one, and its view data. Pure functions
// of what they are given; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/http/form.h"
#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/budgets/edition.h"
#include "features/geography/geography.h"

namespace wp::budgets {

struct ParsedEdition {
  Edition edition;
  // The fields that do not parse: budget, min_spend, max_spend (amounts in
  // euros), min_age, like_threshold, max_plans (whole numbers), the five
  // dates, area (an unknown stadsdeel). CheckEdition checks the rest.
  std::vector<FieldError> errors;
};

// Reads the form. Each phase starts at local midnight in `zone` of the day
// typed; voting ends at the end of its last day (the next local midnight).
// The area is the ticked wijken, else the whole stadsdeel (or municipality).
ParsedEdition EditionFromForm(const http::FormData& form, const geography::Municipality& m, const time::TimeZone& zone);
// The form filled with `e`, amounts as typed in `locale`.
http::FormData FormOfEdition(const Edition& e, const geography::Municipality& m, const time::TimeZone& zone,
                             std::string_view locale);
// The form of a new edition: usual settings, and the stadsdeel of the
// official's own gebiedsverbinder role.
http::FormData NewEditionForm(const web::Context& ctx);
// The fields of edition_form.html with `form`'s values and the `errors`
// next to them and in the summary (not the page's title or action).
nlohmann::json EditionFormData(const web::Context& ctx, const http::FormData& form, const geography::Municipality& m,
                               const std::vector<FieldError>& errors);

}  // namespace wp::budgets
