// Fuzzes the application/x-www-form-urlencoded parser (core/http/form.h),
// which reads every POST body and query string a browser or bot sends.
// Properties: parsed names and values are UTF-8; encoding the parsed fields
// and parsing again gives the same fields; PercentEncode output decodes to
// the bytes it encoded.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/assert.h"
#include "core/http/form.h"
#include "core/strings.h"

namespace http = wp::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool plus_is_space : {false, true}) {
    auto decoded = http::PercentDecode(text, plus_is_space);
    if (!decoded.has_value()) continue;
    auto again = http::PercentDecode(http::PercentEncode(*decoded), plus_is_space);
    WP_ASSERT(again.has_value() && *again == *decoded, "PercentEncode -> PercentDecode is the identity");
  }
  auto form = http::ParseUrlEncoded(text, http::FormLimits{.max_fields = 64, .max_field_bytes = 4096});
  if (!form.has_value()) return 0;
  for (const auto& [name, value] : form->Fields()) {
    WP_ASSERT(wp::IsValidUtf8(name) && wp::IsValidUtf8(value), "parsed fields are UTF-8");
  }
  auto reparsed = http::ParseUrlEncoded(http::EncodeUrlEncoded(form->Fields()));
  WP_ASSERT(reparsed.has_value(), "an encoded form parses");
  // Fields with an empty name and value ("=") are kept; EncodeUrlEncoded
  // writes them as "=", which parses back to the same field.
  WP_ASSERT(reparsed->Fields() == form->Fields(), "encode -> parse gives the same fields");
  return 0;
}
