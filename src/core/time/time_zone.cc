#include "core/time/time_zone.h"

#include <algorithm>
#include <cctype>

namespace wp::time {

int64_t DaysFromCivil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil.
  int64_t y = year - (month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

LocalDateTime CivilFromUnix(int64_t seconds) {
  int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  int64_t rest = seconds - days * 86400;
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  LocalDateTime t;
  t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = static_cast<int>(yoe + era * 400 + (t.month <= 2 ? 1 : 0));
  t.hour = static_cast<int>(rest / 3600);
  t.minute = static_cast<int>(rest % 3600 / 60);
  t.second = static_cast<int>(rest % 60);
  return t;
}

int64_t UnixFromCivil(const LocalDateTime& t) {
  return DaysFromCivil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

namespace {

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

uint32_t Be32(std::string_view b, size_t at) {
  return (uint32_t(uint8_t(b[at])) << 24) | (uint32_t(uint8_t(b[at + 1])) << 16) | (uint32_t(uint8_t(b[at + 2])) << 8) |
         uint32_t(uint8_t(b[at + 3]));
}

int64_t Be64(std::string_view b, size_t at) {
  return static_cast<int64_t>((uint64_t(Be32(b, at)) << 32) | Be32(b, at + 4));
}

}  // namespace

bool IsValidLocal(const LocalDateTime& t) {
  return t.year >= 1 && t.year <= 9999 && t.month >= 1 && t.month <= 12 && t.day >= 1 &&
         t.day <= DaysInMonth(t.year, t.month) && t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 &&
         t.second >= 0 && t.second < 60;
}

int Weekday(int year, int month, int day) {
  int64_t d = DaysFromCivil(year, month, day);
  return static_cast<int>(((d % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
}

LocalDateTime AddDays(const LocalDateTime& t, int days) {
  return CivilFromUnix((DaysFromCivil(t.year, t.month, t.day) + days) * 86400);
}

TimeZone TimeZone::Utc() { return TimeZone(); }

Result<TimeZone> TimeZone::FromTzif(std::string_view b) {
  auto bad = [](const char* why) { return InvalidInput(std::string("TZif: ") + why); };
  if (b.size() < 44 || b.substr(0, 4) != "TZif") return bad("no TZif header");
  char version = b[4];
  size_t at = 0;
  int time_size = 4;
  // Version 2+ files repeat the data with 64-bit times after the v1 block.
  for (int pass = 0; pass < 2; ++pass) {
    if (b.size() < at + 44 || b.substr(at, 4) != "TZif") return bad("truncated header");
    uint32_t isutcnt = Be32(b, at + 20), isstdcnt = Be32(b, at + 24), leapcnt = Be32(b, at + 28);
    uint32_t timecnt = Be32(b, at + 32), typecnt = Be32(b, at + 36), charcnt = Be32(b, at + 40);
    if (typecnt == 0 || typecnt > 256 || timecnt > 100000 || charcnt > 100000 || leapcnt > 100000) {
      return bad("implausible counts");
    }
    size_t data = at + 44;
    size_t size = size_t(timecnt) * time_size + timecnt + size_t(typecnt) * 6 + charcnt +
                  size_t(leapcnt) * (time_size + 4) + isstdcnt + isutcnt;
    if (b.size() < data + size) return bad("truncated data");
    if (pass == 0 && version >= '2') {
      at = data + size;
      time_size = 8;
      continue;
    }
    TimeZone tz;
    std::vector<int> type_offsets(typecnt);
    size_t types_at = data + size_t(timecnt) * time_size + timecnt;
    for (uint32_t i = 0; i < typecnt; ++i) {
      type_offsets[i] = static_cast<int32_t>(Be32(b, types_at + i * 6));
    }
    for (uint32_t i = 0; i < timecnt; ++i) {
      int64_t t = time_size == 8 ? Be64(b, data + i * 8) : static_cast<int32_t>(Be32(b, data + i * 4));
      uint8_t idx = uint8_t(b[data + size_t(timecnt) * time_size + i]);
      if (idx >= typecnt) return bad("bad type index");
      if (!tz.transitions_.empty() && t <= tz.transitions_.back()) return bad("transitions not ascending");
      tz.transitions_.push_back(t);
      tz.offsets_after_.push_back(type_offsets[idx]);
    }
    tz.initial_offset_ = type_offsets[0];
    if (time_size == 8) {
      size_t footer = data + size;
      if (footer < b.size() && b[footer] == '\n') {
        size_t end = b.find('\n', footer + 1);
        if (end == std::string_view::npos) return bad("unterminated footer");
        std::string_view text = b.substr(footer + 1, end - footer - 1);
        if (!text.empty()) {
          auto rule = ParseRule(text);
          if (rule.has_value()) tz.rule_ = *rule;
        }
      }
    }
    return tz;
  }
  return bad("unreachable");
}

Result<TimeZone::Rule> TimeZone::ParseRule(std::string_view s) {
  size_t i = 0;
  auto bad = [&](const char* why) {
    return InvalidInput(std::string("TZ rule: ") + why + " in '" + std::string(s) + "'");
  };
  auto name = [&]() -> bool {
    if (i < s.size() && s[i] == '<') {
      size_t end = s.find('>', i);
      if (end == std::string_view::npos) return false;
      i = end + 1;
      return true;
    }
    size_t start = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    return i - start >= 3;
  };
  auto number = [&](int& out) -> bool {
    size_t start = i;
    out = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < 3)
      out = out * 10 + (s[i++] - '0');
    return i > start;
  };
  // [+-]hh[:mm[:ss]] in seconds.
  auto time = [&](int& out) -> bool {
    int sign = 1;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
    int h = 0, m = 0, sec = 0;
    if (!number(h)) return false;
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!number(m)) return false;
      if (i < s.size() && s[i] == ':') {
        ++i;
        if (!number(sec)) return false;
      }
    }
    out = sign * (h * 3600 + m * 60 + sec);
    return true;
  };
  auto date = [&](int& month, int& week, int& day, int& at) -> bool {
    if (i >= s.size() || s[i] != 'M') return false;
    ++i;
    if (!number(month) || i >= s.size() || s[i++] != '.' || !number(week) || i >= s.size() || s[i++] != '.' ||
        !number(day)) {
      return false;
    }
    if (month < 1 || month > 12 || week < 1 || week > 5 || day > 6) return false;
    at = 7200;
    if (i < s.size() && s[i] == '/') {
      ++i;
      if (!time(at)) return false;
    }
    return true;
  };
  Rule r;
  if (!name()) return bad("no zone name");
  int std_west = 0;
  if (!time(std_west)) return bad("no offset");
  r.std_offset = -std_west;  // POSIX counts west of Greenwich as positive
  if (i == s.size()) return r;
  if (!name()) return bad("no daylight-saving name");
  r.has_dst = true;
  r.dst_offset = r.std_offset + 3600;
  if (i < s.size() && s[i] != ',') {
    int dst_west = 0;
    if (!time(dst_west)) return bad("bad daylight-saving offset");
    r.dst_offset = -dst_west;
  }
  if (i >= s.size() || s[i++] != ',') return bad("no start date");
  if (!date(r.start_month, r.start_week, r.start_day, r.start_time)) return bad("unsupported start date");
  if (i >= s.size() || s[i++] != ',') return bad("no end date");
  if (!date(r.end_month, r.end_week, r.end_day, r.end_time)) return bad("unsupported end date");
  if (i != s.size()) return bad("trailing text");
  return r;
}

Result<TimeZone> TimeZone::FromPosixRule(std::string_view rule) {
  WP_ASSIGN_OR_RETURN(Rule r, ParseRule(rule));
  TimeZone tz;
  tz.initial_offset_ = r.std_offset;
  tz.rule_ = r;
  return tz;
}

namespace {

// Local (wall-clock) seconds of the Mm.w.d date in `year` at `at` seconds.
int64_t RuleDate(int year, int month, int week, int day, int at) {
  int first = Weekday(year, month, 1);
  int d = 1 + (day - first + 7) % 7 + (week - 1) * 7;
  while (d > DaysInMonth(year, month)) d -= 7;
  return DaysFromCivil(year, month, d) * 86400 + at;
}

}  // namespace

int TimeZone::RuleOffsetAt(const Rule& r, int64_t utc) {
  if (!r.has_dst) return r.std_offset;
  int year = CivilFromUnix(utc + r.std_offset).year;
  // The start is given in standard (winter) time, the end in daylight time.
  int64_t start = RuleDate(year, r.start_month, r.start_week, r.start_day, r.start_time) - r.std_offset;
  int64_t end = RuleDate(year, r.end_month, r.end_week, r.end_day, r.end_time) - r.dst_offset;
  bool dst = start < end ? (utc >= start && utc < end) : !(utc >= end && utc < start);
  return dst ? r.dst_offset : r.std_offset;
}

int TimeZone::OffsetAt(int64_t utc) const {
  if (transitions_.empty() || utc >= transitions_.back()) {
    if (rule_) return RuleOffsetAt(*rule_, utc);
    return transitions_.empty() ? initial_offset_ : offsets_after_.back();
  }
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc);
  if (it == transitions_.begin()) return initial_offset_;
  return offsets_after_[static_cast<size_t>(it - transitions_.begin()) - 1];
}

LocalDateTime TimeZone::ToLocal(int64_t utc) const { return CivilFromUnix(utc + OffsetAt(utc)); }

int64_t TimeZone::ToUtc(const LocalDateTime& local) const {
  int64_t wall = UnixFromCivil(local);
  // Offsets change at most once within a day, so the offsets a day before
  // and a day after are the only candidates.
  int before = OffsetAt(wall - 86400);
  int after = OffsetAt(wall + 86400);
  int64_t a = wall - before, b = wall - after;
  bool a_ok = OffsetAt(a) == before, b_ok = OffsetAt(b) == after;
  if (a_ok && b_ok) return std::min(a, b);
  if (a_ok) return a;
  if (b_ok) return b;
  return a;  // in a gap: read with the offset before the change, i.e. moved forward
}

int64_t TimeZone::StartOfDay(const LocalDateTime& date) const {
  return ToUtc({date.year, date.month, date.day, 0, 0, 0});
}

bool TimeZone::IsStartOfDay(int64_t utc) const { return StartOfDay(ToLocal(utc)) == utc; }

}  // namespace wp::time
