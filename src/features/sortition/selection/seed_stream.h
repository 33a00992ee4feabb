// SeedStream: replayable randomness from a public seed. Byte block j of the
// stream for (seed, label) is SHA-256(seed + "\n" + label + "\n" + j) with j in
// decimal from 0; blocks are concatenated. Random::Uniform reads 8 bytes as a
// little-endian integer and rejection-samples, so anyone with the seed can
// replay every choice. Not thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/random.h"

namespace wp::sortition {

class SeedStream final : public Random {
 public:
  SeedStream(std::string_view seed, std::string_view label);
  void Fill(void* buf, size_t n) override;

 private:
  std::string prefix_;
  std::string block_;  // unread bytes of the current block
  uint64_t counter_ = 0;
};

}  // namespace wp::sortition
