// The check of one free-text form field that many forms share: required or
// not, at most so many characters, no control characters (newlines only in
// multi-line texts). Each feature keeps its own message keys. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace wp {

struct TextRule {
  size_t max_chars = 0;
  bool required = false;
  bool multiline = false;
};

// The i18n keys of the three problems; `too_long` gets the argument {"max"}.
struct TextFieldKeys {
  std::string_view missing;
  std::string_view too_long;
  std::string_view bad_characters;
};

// Appends at most one FieldError for `field` to `errors`: missing when the
// value is empty or only white space and the field is required, else too
// long, else bad characters. An empty optional field is fine.
void CheckTextField(std::vector<FieldError>& errors, const std::string& field, std::string_view value, TextRule rule,
                    const TextFieldKeys& keys);

}  // namespace wp
