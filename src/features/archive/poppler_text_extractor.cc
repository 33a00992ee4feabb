#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>

#include "features/archive/text_extractor.h"

namespace wp::archive {

namespace {

// Poppler writes warnings about odd PDFs to stderr; uploads are untrusted,
// so they are dropped instead of filling the server log.
void Quiet(const std::string&, void*) {}

class PopplerTextExtractor : public TextExtractor {
 public:
  PopplerTextExtractor() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(Quiet, nullptr); });
  }

  Result<std::string> Extract(std::string_view pdf) const override {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    if (!doc) return InvalidInput("poppler cannot open the PDF", "archive.error.unreadable_pdf");
    if (doc->is_locked()) return InvalidInput("the PDF is locked", "archive.error.unreadable_pdf");
    std::string out;
    for (int i = 0; i < doc->pages(); ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) continue;
      poppler::byte_array bytes = page->text().to_utf8();
      if (!out.empty()) out += "\n\n";
      out.append(bytes.begin(), bytes.end());
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<TextExtractor> MakePopplerTextExtractor() { return std::make_unique<PopplerTextExtractor>(); }

}  // namespace wp::archive
