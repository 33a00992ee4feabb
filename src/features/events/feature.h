// RegisterEvents: events of wijkplatforms: create, publish, register with
// capacity and waiting list, cancel; agenda pages and iCalendar feeds (#3).
#pragma once

#include <string>

#include "core/web/registry.h"
#include "features/events/commands.h"
#include "features/events/meetings.h"
#include "features/geography/service.h"
#include "features/platforms/directory.h"

namespace wp::events {

struct EventsOptions {
  EventsSettings settings;
};

// Returns what other features read about activities and add to their pages.
EventMeetings& RegisterEvents(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                              platforms::PlatformDirectory& directory, geography::GeographyService& geography,
                              const EventsOptions& options);

}  // namespace wp::events
