#include "core/files/documents.h"

#include "core/strings.h"

namespace wp::files {

std::optional<DocumentProblem> CheckPdf(std::string_view data, size_t max_bytes) {
  if (data.empty()) return DocumentProblem::kEmpty;
  if (data.size() > max_bytes) return DocumentProblem::kTooLarge;
  if (!(data.starts_with("%PDF-1.") || data.starts_with("%PDF-2."))) return DocumentProblem::kNotPdf;
  std::string_view tail = data.size() > 1024 ? data.substr(data.size() - 1024) : data;
  if (tail.find("%%EOF") == std::string_view::npos) return DocumentProblem::kNotPdf;
  return std::nullopt;
}

std::string_view DocumentProblemKey(DocumentProblem problem) {
  switch (problem) {
    case DocumentProblem::kEmpty:
      return "files.error.empty";
    case DocumentProblem::kNotPdf:
      return "files.error.not_pdf";
    case DocumentProblem::kTooLarge:
      return "files.error.too_large";
  }
  return "files.error.not_pdf";
}

http::Response ServeDocument(std::string bytes, const DocumentServing& how, std::string_view if_none_match) {
  http::Response r;
  std::string etag = "\"" + how.sha256 + "\"";
  r.headers.Set("ETag", etag);
  r.headers.Set("Cache-Control", how.is_public ? "public, max-age=86400" : "private, max-age=3600");
  r.headers.Set("X-Content-Type-Options", "nosniff");
  if (!how.sha256.empty() && if_none_match == etag) {
    r.status = 304;
    return r;
  }
  r.headers.Set("Content-Type", "application/pdf");
  r.headers.Set("Content-Disposition", "attachment; filename=\"" + CleanDocumentName(how.file_name) + "\"");
  r.headers.Set("Content-Security-Policy", "sandbox; default-src 'none'");
  r.body = std::move(bytes);
  return r;
}

}  // namespace wp::files
