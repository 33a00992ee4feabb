// TextExtractor: the words of a PDF document, for full-text search. The
// archive depends on this small interface; PopplerTextExtractor reads the
// PDF with poppler-cpp. Thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace wp::archive {

class TextExtractor {
 public:
  virtual ~TextExtractor() = default;
  // The text of every page, pages separated by a blank line (UTF-8). A PDF
  // without text (a scan) gives "". Errors: kInvalidInput when the bytes
  // are not a PDF poppler can open (damaged, or locked with a password).
  virtual Result<std::string> Extract(std::string_view pdf) const = 0;
};

// The extractor built on poppler-cpp (Debian libpoppler-cpp-dev).
std::unique_ptr<TextExtractor> MakePopplerTextExtractor();

}  // namespace wp::archive
