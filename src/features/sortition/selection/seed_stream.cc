#include "features/sortition/selection/seed_stream.h"

#include <cstring>

#include "core/strings.h"

namespace wp::sortition {

SeedStream::SeedStream(std::string_view seed, std::string_view label)
    : prefix_(std::string(seed) + "\n" + std::string(label) + "\n") {}

void SeedStream::Fill(void* buf, size_t n) {
  auto* out = static_cast<char*>(buf);
  while (n > 0) {
    if (block_.empty()) block_ = *FromHex(Sha256Hex(prefix_ + std::to_string(counter_++)));
    size_t take = n < block_.size() ? n : block_.size();
    std::memcpy(out, block_.data(), take);
    block_.erase(0, take);
    out += take;
    n -= take;
  }
}

}  // namespace wp::sortition
