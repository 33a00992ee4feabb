// Fuzzes the reading of a typed voting code (codes/code_format.h), which
// anyone can submit on the voting page.
// Properties: an accepted code is well formed and canonical (normalising it
// again, or its grouped form, or its lower-case form gives it back); its
// check character is CheckCharacter of its payload; every single-character
// substitution and every swap of two adjacent different characters is
// refused, as code_format.h promises.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <optional>
#include <string>
#include <string_view>

#include "core/assert.h"
#include "core/strings.h"
#include "features/codes/code_format.h"

namespace codes = wp::codes;

namespace {

void CheckDetectsTypos(const std::string& code) {
  for (size_t i = 0; i < code.size(); ++i) {
    for (char c : codes::kAlphabet) {
      if (c == code[i]) continue;
      std::string typo = code;
      typo[i] = c;
      WP_ASSERT(!codes::IsWellFormed(typo), "a substitution is detected");
    }
    if (i + 1 < code.size() && code[i] != code[i + 1]) {
      std::string swapped = code;
      std::swap(swapped[i], swapped[i + 1]);
      WP_ASSERT(!codes::IsWellFormed(swapped), "an adjacent swap is detected");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view typed(reinterpret_cast<const char*>(data), size);
  std::optional<std::string> code = codes::NormaliseTyped(typed);
  if (!code) return 0;
  WP_ASSERT(codes::IsWellFormed(*code), "an accepted code is well formed");
  WP_ASSERT(codes::NormaliseTyped(*code) == code, "canonical form is a fixed point");
  WP_ASSERT(codes::NormaliseTyped(codes::FormatGrouped(*code)) == code, "grouped form reads back");
  WP_ASSERT(codes::NormaliseTyped(wp::ToLower(*code)) == code, "lower case reads back");
  std::string_view payload = std::string_view(*code).substr(0, codes::kRandomLength);
  WP_ASSERT(codes::CheckCharacter(payload) == code->back(), "the last character is the check character");
  CheckDetectsTypos(*code);
  return 0;
}
