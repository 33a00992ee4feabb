#include "core/text_field.h"

#include "core/strings.h"

namespace wp {

void CheckTextField(std::vector<FieldError>& errors, const std::string& field, std::string_view value, TextRule rule,
                    const TextFieldKeys& keys) {
  if (Trim(value).empty()) {
    if (rule.required) errors.push_back({field, std::string(keys.missing)});
    return;
  }
  if (CountChars(value) > rule.max_chars) {
    errors.push_back({field, std::string(keys.too_long), {{"max", static_cast<int64_t>(rule.max_chars)}}});
  } else if (HasControlCharacters(value, rule.multiline)) {
    errors.push_back({field, std::string(keys.bad_characters)});
  }
}

}  // namespace wp
