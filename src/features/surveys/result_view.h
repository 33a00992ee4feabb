// The view of published results: per question a bar chart (SVG made here)
// and an accessible table with the same numbers; hidden cells say "fewer
// than 10" and get no bar. Thread-safe (no state).
#pragma once

#include <nlohmann/json.hpp>

#include "core/web/web.h"
#include "features/surveys/commands.h"

namespace wp::surveys {

// "questions": [{text, chart_html, table, mean?, texts[]}], "responses", "rate".
nlohmann::json ResultsView(const web::Context& ctx, const Results& r);

// The labels of the CSV export in the request's language.
SurveyCommands::CsvLabels CsvLabelsFor(const web::Context& ctx);

}  // namespace wp::surveys
