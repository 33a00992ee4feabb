// Helpers of wp_bench_http_load, kept apart so they can be tested: a
// latency histogram, the `_csrf` field scraper and form encoding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wp::bench {

// Log-linear latency histogram in microseconds: exact below 1024 us, then
// 512 sub-buckets per power of two (relative error under 0.2%).
class LatencyHistogram {
 public:
  LatencyHistogram();
  void Record(int64_t us);
  void Merge(const LatencyHistogram& other);
  // The latency at or below which a fraction `q` (0..1) of the samples fall:
  // the upper edge of that sample's bucket, at most max(). 0 when empty.
  int64_t Percentile(double q) const;
  int64_t max() const { return max_; }
  uint64_t total() const { return total_; }

 private:
  static constexpr size_t kBuckets = 1024 + 54 * 512;
  static size_t Index(int64_t us);
  static int64_t UpperEdge(size_t i);
  std::vector<uint64_t> counts_;
  uint64_t total_ = 0;
  int64_t max_ = 0;
};

// Percent-encodes all but unreserved characters (for a form value).
std::string UrlEncode(std::string_view s);

// The value attribute of the <input> named "_csrf" in `html`, or empty.
std::string ScrapeCsrf(const std::string& html);

// A command-line number: true and `out` set when `s` is a whole positive
// number and nothing else.
bool ParsePositiveInt(const char* s, int& out);

}  // namespace wp::bench
