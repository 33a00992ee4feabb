// RegisterEvents: Events of wijkplatforms: create, publish, register with capacity and waiting list, iCalendar feeds (issue 3).
#pragma once

#include "core/web/registry.h"

namespace wp::events {

void RegisterEvents(web::FeatureRegistry& registry, const web::FeatureDeps& deps);

}  // namespace wp::events
