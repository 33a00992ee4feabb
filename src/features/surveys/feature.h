// RegisterSurveys: surveys and support polls (peilingen, #17 item 1). An
// official builds a questionnaire; residents answer openly or with a
// personal code from a letter; the public sees only aggregates with small
// groups hidden, after publication.
#pragma once

#include "core/web/registry.h"
#include "features/surveys/commands.h"

namespace wp::surveys {

SurveyCommands& RegisterSurveys(web::FeatureRegistry& registry, const web::FeatureDeps& deps);

}  // namespace wp::surveys
