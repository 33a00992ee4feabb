#include "load_stats.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace wp::bench {

LatencyHistogram::LatencyHistogram() : counts_(kBuckets, 0) {}

void LatencyHistogram::Record(int64_t us) {
  us = std::max<int64_t>(us, 0);
  ++counts_[Index(us)];
  ++total_;
  max_ = std::max(max_, us);
}

void LatencyHistogram::Merge(const LatencyHistogram& other) {
  for (size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  total_ += other.total_;
  max_ = std::max(max_, other.max_);
}

int64_t LatencyHistogram::Percentile(double q) const {
  if (total_ == 0) return 0;
  uint64_t rank = static_cast<uint64_t>(q * static_cast<double>(total_ - 1)) + 1;
  uint64_t seen = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::min(UpperEdge(i), max_);
  }
  return max_;
}

size_t LatencyHistogram::Index(int64_t us) {
  if (us < 1024) return static_cast<size_t>(us);
  int e = 63 - __builtin_clzll(static_cast<uint64_t>(us)) - 9;  // us >> e is in [512, 1024)
  size_t idx = 1024 + static_cast<size_t>(e - 1) * 512 + static_cast<size_t>((us >> e) - 512);
  return std::min(idx, kBuckets - 1);
}

int64_t LatencyHistogram::UpperEdge(size_t i) {
  if (i < 1024) return static_cast<int64_t>(i);
  size_t e = (i - 1024) / 512 + 1;
  int64_t mantissa = static_cast<int64_t>((i - 1024) % 512 + 512);
  return ((mantissa + 1) << e) - 1;
}

std::string UrlEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// The value attribute of the <input> whose name is "_csrf", or empty.
std::string ScrapeCsrf(const std::string& html) {
  for (std::string_view needle : {"name=\"_csrf\"", "name='_csrf'", "name=_csrf"}) {
    size_t at = html.find(needle);
    if (at == std::string::npos) continue;
    size_t open = html.rfind('<', at);
    size_t close = html.find('>', at);
    if (open == std::string::npos || close == std::string::npos) continue;
    std::string tag = html.substr(open, close - open);
    for (std::string_view attr : {"value=\"", "value='"}) {
      size_t v = tag.find(attr);
      if (v == std::string::npos) continue;
      v += attr.size();
      size_t end = tag.find(attr.back(), v);
      if (end != std::string::npos) return tag.substr(v, end - v);
    }
  }
  return {};
}

bool ParsePositiveInt(const char* s, int& out) {
  try {
    size_t used = 0;
    int v = std::stoi(s, &used);
    if (s[used] != '\0' || v <= 0) return false;
    out = v;
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace wp::bench
