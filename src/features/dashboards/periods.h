// The periods the dashboards count in: calendar quarters in Dutch time, and
// which of them have ended. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "core/time/time_zone.h"

namespace wp::dashboards {

// The five instants that bound the quarters of `year` in `zone` (local
// midnight of 1 January, 1 April, 1 July, 1 October and 1 January after).
std::vector<int64_t> QuarterBounds(const time::TimeZone& zone, int year);

// How many quarters of `year` have ended at `now` (0 to 4).
int EndedQuarters(const time::TimeZone& zone, int year, int64_t now);

// The year a dashboard opens on at `now`: this year once its first quarter
// has ended, else last year.
int DefaultYear(const time::TimeZone& zone, int64_t now);

}  // namespace wp::dashboards
