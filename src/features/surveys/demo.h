// Demo content of surveys for `serve --demo`: a finished survey with
// published results (one cell hidden as fewer than 10), held through `past`
// (commands at a clock about 120 days back, so it closed in a quarter that
// has ended and the dashboards count its respondents), an open survey, a code
// survey with its letters made, and a concept.
#pragma once

#include "core/web/registry.h"
#include "features/surveys/commands.h"

namespace wp::surveys {

Result<void> LoadSurveysDemo(const web::DemoSeed& seed, SurveyCommands& commands, SurveyCommands& past);

}  // namespace wp::surveys
