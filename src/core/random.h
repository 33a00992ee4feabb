// Random: the source of randomness, always injected. SecureRandom draws from
// the operating system's CSPRNG (libsodium); SeededRandom is deterministic
// for tests and replayable draws. Thread-safety: SecureRandom is thread-safe,
// SeededRandom is not.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace wp {

class Random {
 public:
  virtual ~Random() = default;
  virtual void Fill(void* buf, size_t n) = 0;
  // Uniform in [0, bound), bound > 0, without modulo bias.
  uint64_t Uniform(uint64_t bound);
  // n random bytes as lowercase hex / URL-safe base64 without padding.
  std::string Hex(size_t n_bytes);
  std::string Token(size_t n_bytes);
};

class SecureRandom final : public Random {
 public:
  SecureRandom();
  void Fill(void* buf, size_t n) override;
};

class SeededRandom final : public Random {
 public:
  explicit SeededRandom(uint64_t seed) : engine_(seed) {}
  void Fill(void* buf, size_t n) override;

 private:
  std::mt19937_64 engine_;
};

}  // namespace wp
