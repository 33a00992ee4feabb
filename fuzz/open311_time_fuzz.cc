// Fuzzes the W3C-DTF dates Open311 clients send as start_date and end_date
// (signals/open311.h, ParseW3cTime).
// Property: a parsed time, written back with W3cTime in UTC and in
// Amsterdam's zone, parses to the same instant (for years 1..9998, which
// W3cTime writes with four digits).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/assert.h"
#include "core/time/time_zone.h"
#include "features/signals/open311.h"

namespace open311 = wp::signals::open311;
namespace time = wp::time;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<int64_t> t = open311::ParseW3cTime(text);
  if (!t) return 0;
  constexpr int64_t kYear1 = -62135596800;    // 0001-01-01T00:00:00Z
  constexpr int64_t kYear9999 = 253370764800;  // 9999-01-01T00:00:00Z
  if (*t < kYear1 + 86400 || *t >= kYear9999 - 86400) return 0;
  static const time::TimeZone amsterdam = *time::TimeZone::FromPosixRule("CET-1CEST,M3.5.0,M10.5.0/3");
  WP_ASSERT(open311::ParseW3cTime(open311::W3cTime(amsterdam, *t)) == t, "W3cTime -> ParseW3cTime keeps the instant");
  WP_ASSERT(open311::ParseW3cTime(open311::W3cTime(time::TimeZone::Utc(), *t)) == t, "the same in UTC");
  return 0;
}
