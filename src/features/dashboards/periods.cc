#include "features/dashboards/periods.h"

namespace wp::dashboards {

std::vector<int64_t> QuarterBounds(const time::TimeZone& zone, int year) {
  std::vector<int64_t> out;
  for (int q = 0; q < 4; ++q) out.push_back(zone.StartOfDay({year, 1 + 3 * q, 1}));
  out.push_back(zone.StartOfDay({year + 1, 1, 1}));
  return out;
}

int EndedQuarters(const time::TimeZone& zone, int year, int64_t now) {
  std::vector<int64_t> b = QuarterBounds(zone, year);
  int ended = 0;
  for (int q = 1; q <= 4; ++q) {
    if (b[q] <= now) ended = q;
  }
  return ended;
}

int DefaultYear(const time::TimeZone& zone, int64_t now) {
  int year = zone.ToLocal(now).year;
  return EndedQuarters(zone, year, now) > 0 ? year : year - 1;
}

}  // namespace wp::dashboards
