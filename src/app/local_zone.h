// The zone every time shown to residents and officials is in:
// Europe/Amsterdam. Read once at start (App::Create) from the tz database of
// the system (Debian package tzdata), so future changes to Dutch time arrive
// with operating-system updates; when the file is missing or unreadable the
// built-in rule time::kAmsterdamRule (valid since 1996) is used instead.
#pragma once

#include <string>

#include "core/time/time_zone.h"

namespace wp::app {

inline constexpr const char* kAmsterdamZoneFile = "/usr/share/zoneinfo/Europe/Amsterdam";

struct LocalZone {
  time::TimeZone zone;
  bool from_file = false;  // false: the file could not be read or parsed; the rule is used
};

// Reads the TZif file `zoneinfo_file`; falls back to time::kAmsterdamRule.
LocalZone LoadLocalZone(const std::string& zoneinfo_file = kAmsterdamZoneFile);

}  // namespace wp::app
