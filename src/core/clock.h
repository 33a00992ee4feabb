// Clock: the source of "now", always injected so tests can control time.
// Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace wp {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
  int64_t NowUnixSeconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(Now().time_since_epoch()).count();
  }
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to. For tests, and for demo content
// played through the real commands at moments in the past.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t unix_seconds = 1767225600)  // 2026-01-01T00:00:00Z
      : seconds_(unix_seconds) {}
  TimePoint Now() const override { return TimePoint(std::chrono::seconds(seconds_.load())); }
  void Advance(std::chrono::seconds s) { seconds_ += s.count(); }
  void Set(int64_t unix_seconds) { seconds_ = unix_seconds; }

 private:
  std::atomic<int64_t> seconds_;
};

// ISO 8601 / RFC 3339 in UTC, e.g. "2026-01-01T12:00:00Z", for machines
// (feeds, logs). Times for people: core/time/format.h.
std::string FormatIsoUtc(int64_t unix_seconds);

}  // namespace wp
