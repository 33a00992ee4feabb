// Uploaded documents (attachments of advice, archive documents, forum
// papers): PDF only, recognised by their content, never by name or the
// browser's Content-Type, with a size limit; and the HTTP answer that serves
// one with the right headers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/message.h"

namespace wp::files {

inline constexpr size_t kDefaultMaxDocumentBytes = 10 * 1024 * 1024;

enum class DocumentProblem { kEmpty, kNotPdf, kTooLarge };

// Why `data` cannot be kept as a PDF document, or nullopt when it can: it
// starts with "%PDF-1." or "%PDF-2." and has an "%%EOF" marker in its last
// kilobyte (a truncated upload has none).
std::optional<DocumentProblem> CheckPdf(std::string_view data, size_t max_bytes = kDefaultMaxDocumentBytes);
// The message key of a problem ("files.error.not_pdf", ...), in core's catalogs.
std::string_view DocumentProblemKey(DocumentProblem problem);

struct DocumentServing {
  std::string file_name;    // shown to the person saving it (CleanDocumentName applied)
  std::string sha256;       // the content's hash: a strong ETag
  bool is_public = false;   // public: cacheable by proxies; otherwise private to the browser
};

// 200 with the PDF, `Content-Type: application/pdf`, `Content-Disposition:
// attachment` with the cleaned name (browsers then never render it in the
// site's origin), `X-Content-Type-Options: nosniff`, a sandboxing CSP, an ETag
// and caching fitting `is_public`. `if_none_match` equal to the ETag gives 304.
http::Response ServeDocument(std::string bytes, const DocumentServing& how, std::string_view if_none_match = {});

}  // namespace wp::files
