// Fuzzes the Pabulib reader (budgets/counting/pabulib.h): a .pb file comes
// from anyone who downloads one and recounts it, or uploads one to
// `wijkplatform count`.
// Property: what parses writes back to text that parses to the same
// instance (pabulib.h promises parse -> write -> parse is the identity), and
// amounts survive FormatAmount -> ParseAmount.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/assert.h"
#include "features/budgets/counting/pabulib.h"

namespace counting = wp::budgets::counting;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto amount = counting::ParseAmount(text)) {
    WP_ASSERT(*amount >= 0, "ParseAmount returns no negative amount");
    WP_ASSERT(counting::ParseAmount(counting::FormatAmount(*amount)) == *amount, "amount round trip");
  }
  auto first = counting::ParsePabulib(text, "fuzz.pb");
  if (!first.has_value()) return 0;
  const std::string written = counting::WritePabulib(*first);
  auto second = counting::ParsePabulib(written, "written.pb");
  WP_ASSERT(second.has_value(), "WritePabulib output parses");
  WP_ASSERT(*second == *first, "parse -> write -> parse is the identity");
  WP_ASSERT(counting::WritePabulib(*second) == written, "writing is deterministic");
  return 0;
}
