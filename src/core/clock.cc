#include "core/clock.h"

#include <cstdio>

#include "core/time/time_zone.h"

namespace wp {

std::string FormatIsoUtc(int64_t unix_seconds) {
  time::LocalDateTime t = time::CivilFromUnix(unix_seconds);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute, t.second);
  return buf;
}

}  // namespace wp
