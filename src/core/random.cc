#include "core/random.h"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

#include "core/strings.h"

namespace wp {

uint64_t Random::Uniform(uint64_t bound) {
  if (bound <= 1) return 0;
  // Rejection sampling: discard values in the incomplete last block.
  uint64_t limit = UINT64_MAX - (UINT64_MAX % bound);
  for (;;) {
    uint64_t x = 0;
    Fill(&x, sizeof x);
    if (x < limit) return x % bound;
  }
}

std::string Random::Hex(size_t n_bytes) {
  std::string b(n_bytes, '\0');
  Fill(b.data(), n_bytes);
  return ToHex(b);
}

std::string Random::Token(size_t n_bytes) {
  std::string b(n_bytes, '\0');
  Fill(b.data(), n_bytes);
  return Base64UrlEncode(b);
}

SecureRandom::SecureRandom() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

void SecureRandom::Fill(void* buf, size_t n) { randombytes_buf(buf, n); }

void SeededRandom::Fill(void* buf, size_t n) {
  auto* p = static_cast<unsigned char*>(buf);
  while (n > 0) {
    uint64_t x = engine_();
    size_t k = n < sizeof x ? n : sizeof x;
    std::memcpy(p, &x, k);
    p += k;
    n -= k;
  }
}

}  // namespace wp
