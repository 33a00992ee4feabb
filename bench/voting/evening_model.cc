#include "evening_model.h"

#include <charconv>
#include <random>
#include <sstream>

namespace wp::bench {

double EveningModel::EveningVoters() const { return static_cast<double>(eligible) * turnout * evening_share; }

double EveningModel::AverageRate() const { return EveningVoters() / (evening_hours * 3600.0); }

double EveningModel::PeakRate() const { return AverageRate() * peak_factor; }

std::string EveningModel::Invalid() const {
  if (eligible <= 0) return "the number of eligible voters must be positive";
  if (!(turnout > 0 && turnout <= 1)) return "the turnout must be above 0 and at most 1";
  if (!(evening_share > 0 && evening_share <= 1)) return "the evening share must be above 0 and at most 1";
  if (!(evening_hours > 0 && evening_hours <= 24)) return "the evening must last more than 0 and at most 24 hours";
  if (!(peak_factor >= 1)) return "the peak factor must be at least 1";
  if (peak_factor > evening_hours * 60) return "the peak factor cannot exceed the minutes in the evening";
  return "";
}

std::vector<double> PoissonArrivals(double rate, double seconds, uint64_t seed) {
  std::vector<double> out;
  if (!(rate > 0) || !(seconds > 0)) return out;
  std::mt19937_64 gen(seed);
  std::exponential_distribution<double> gap(rate);
  out.reserve(static_cast<size_t>(rate * seconds * 1.1) + 16);
  for (double t = gap(gen); t < seconds; t += gap(gen)) out.push_back(t);
  return out;
}

std::vector<double> ParseMultiples(const std::string& text) {
  std::vector<double> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    double v = 0;
    auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
    if (ec != std::errc{} || end != item.data() + item.size() || !(v > 0)) return {};
    if (!out.empty() && v <= out.back()) return {};
    out.push_back(v);
  }
  return out;
}

}  // namespace wp::bench
