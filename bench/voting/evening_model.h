// The voting evening of a whole city, as bench/voting/evening_bench.cc
// replays it: how many voters arrive in the busiest minute, and arrival
// times drawn as a Poisson process (independent voters, exponential gaps).
// Pure: no server, no clock.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wp::bench {

struct EveningModel {
  int64_t eligible = 140'000;  // residents with a voting code (Haarlem, 16+)
  double turnout = 1.0;        // share of them that vote online (1.0: every one, the worst case)
  double evening_share = 0.6;  // share of those votes cast in the evening window
  double evening_hours = 3.0;  // length of that window
  double peak_factor = 5.0;    // the busiest minute against the evening's average minute

  // Voters in the evening window.
  double EveningVoters() const;
  // The evening's average arrival rate, voters per second.
  double AverageRate() const;
  // The busiest minute's arrival rate, voters per second: the "expected peak".
  double PeakRate() const;
  // An error message when a field is out of range, else empty.
  std::string Invalid() const;
};

// Arrival times in seconds from 0 (sorted, all < `seconds`) of a Poisson
// process with `rate` arrivals per second; the same seed gives the same times.
std::vector<double> PoissonArrivals(double rate, double seconds, uint64_t seed);

// "1,2,5,10" -> {1, 2, 5, 10}; empty on anything but positive numbers in
// increasing order.
std::vector<double> ParseMultiples(const std::string& text);

}  // namespace wp::bench
