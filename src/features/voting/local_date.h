// Dates for people: unix seconds shown in Dutch time (Europe/Amsterdam: CET,
// CEST from the last Sunday of March 01:00 UTC to the last Sunday of October
// 01:00 UTC). Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wp::voting {

// "23 november 2026, 20:00" (nl) or "23 November 2026, 20:00" (en).
std::string FormatLocalDateTime(int64_t unix_seconds, std::string_view locale);

}  // namespace wp::voting
