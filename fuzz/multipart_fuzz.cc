// Fuzzes the multipart/form-data parser (core/http/form.h), which reads
// every upload (photos of signals and plans, address lists). The input is
// the Content-Type header value, a newline, then the body.
// Properties: limits hold, text fields are UTF-8, and writing the parsed
// fields and files back as multipart with the same boundary parses to the
// same fields and files.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/assert.h"
#include "core/http/form.h"
#include "core/strings.h"

namespace http = wp::http;

namespace {

// A quoted header parameter value with " and \ escaped.
std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

std::string WriteMultipart(const http::FormData& form, std::string_view boundary) {
  std::string out;
  for (const auto& [name, value] : form.Fields()) {
    out.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=").append(Quoted(name));
    out.append("\r\n\r\n").append(value).append("\r\n");
  }
  for (const http::UploadedFile& f : form.Files()) {
    out.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=").append(Quoted(f.field));
    out.append("; filename=").append(Quoted(f.filename));
    out.append("\r\nContent-Type: ").append(f.content_type).append("\r\n\r\n").append(f.data).append("\r\n");
  }
  return out.append("--").append(boundary).append("--\r\n");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  std::string_view content_type = input.substr(0, newline);
  std::string_view body = input.substr(newline + 1);
  const http::FormLimits limits{.max_fields = 32, .max_field_bytes = 2048, .max_files = 4, .max_file_bytes = 4096};
  http::HeaderValueParams params = http::ParseHeaderValueParams(content_type);
  WP_ASSERT(params.value == wp::ToLower(params.value), "the media type is lowercased");
  auto form = http::ParseMultipart(body, content_type, limits);
  if (!form.has_value()) return 0;
  WP_ASSERT(form->Fields().size() <= limits.max_fields && form->Files().size() <= limits.max_files, "limits");
  for (const auto& [name, value] : form->Fields()) {
    WP_ASSERT(wp::IsValidUtf8(name) && wp::IsValidUtf8(value), "text fields are UTF-8");
    WP_ASSERT(value.size() <= limits.max_field_bytes, "field limit");
  }
  for (const http::UploadedFile& f : form->Files()) WP_ASSERT(f.data.size() <= limits.max_file_bytes, "file limit");
  auto reparsed = http::ParseMultipart(WriteMultipart(*form, *params.Param("boundary")), content_type, limits);
  WP_ASSERT(reparsed.has_value(), "written multipart parses");
  WP_ASSERT(reparsed->Fields() == form->Fields(), "fields survive write -> parse");
  WP_ASSERT(reparsed->Files().size() == form->Files().size(), "files survive write -> parse");
  for (size_t i = 0; i < form->Files().size(); ++i) {
    const http::UploadedFile& a = form->Files()[i];
    const http::UploadedFile& b = reparsed->Files()[i];
    WP_ASSERT(a.field == b.field && a.filename == b.filename && a.content_type == b.content_type && a.data == b.data,
              "file survives write -> parse");
  }
  return 0;
}
