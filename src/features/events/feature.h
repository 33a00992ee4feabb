// RegisterEvents: events of wijkplatforms: create, publish, register with
// capacity and waiting list, cancel; agenda pages and iCalendar feeds (#3).
#pragma once

#include <string>

#include "core/web/registry.h"
#include "features/events/commands.h"
#include "features/geography/service.h"
#include "features/platforms/directory.h"

namespace wp::events {

struct EventsOptions {
  EventsSettings settings;
  // TZif file of Europe/Amsterdam (Debian package tzdata). When it cannot be
  // read, the POSIX rule of the zone (valid since 1996) is used.
  std::string zoneinfo_file = "/usr/share/zoneinfo/Europe/Amsterdam";
};

// The zone of `options`, read from the tz database or its built-in rule.
TimeZone LoadAmsterdam(const std::string& zoneinfo_file);

EventCommands& RegisterEvents(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                              platforms::PlatformDirectory& directory, geography::GeographyService& geography,
                              const EventsOptions& options);

}  // namespace wp::events
