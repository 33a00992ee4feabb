#include "features/voting/local_date.h"

#include <chrono>
#include <cstdio>

namespace wp::voting {

namespace {

using namespace std::chrono;

int64_t LastSundayUtc(int y, unsigned m) {
  sys_days last = sys_days(year_month_day_last(std::chrono::year(y), month_day_last(std::chrono::month(m))));
  weekday wd(last);
  sys_days sunday = last - days((wd.c_encoding() + 7 - 0) % 7);
  return duration_cast<seconds>(sunday.time_since_epoch()).count() + 3600;  // 01:00 UTC
}

}  // namespace

std::string FormatLocalDateTime(int64_t unix_seconds, std::string_view locale) {
  sys_seconds t{seconds(unix_seconds)};
  const int y = int(year_month_day(floor<days>(t)).year());
  bool summer = unix_seconds >= LastSundayUtc(y, 3) && unix_seconds < LastSundayUtc(y, 10);
  sys_seconds local = t + hours(summer ? 2 : 1);
  sys_days day = floor<days>(local);
  year_month_day ymd(day);
  hh_mm_ss hms(local - day);
  static const char* kNl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
                              "augustus", "september", "oktober", "november", "december"};
  static const char* kEn[] = {"January", "February", "March", "April", "May", "June", "July",
                              "August", "September", "October", "November", "December"};
  const unsigned month_index = static_cast<unsigned>(ymd.month()) - 1;
  const char* month_name = (locale == "en" ? kEn : kNl)[month_index];
  char buf[96];
  std::snprintf(buf, sizeof buf, "%u %s %d, %02d:%02d", unsigned(ymd.day()), month_name, int(ymd.year()),
                int(hms.hours().count()), int(hms.minutes().count()));
  return buf;
}

}  // namespace wp::voting
