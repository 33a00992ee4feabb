// Form bodies and query strings: application/x-www-form-urlencoded and
// multipart/form-data. Parsing fails with kInvalidInput on malformed input,
// invalid UTF-8 in text fields, or limits exceeded; it never throws.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/message.h"
#include "core/result.h"

namespace wp::http {

struct UploadedFile {
  std::string field;         // form field name
  std::string filename;      // as sent by the browser (untrusted)
  std::string content_type;  // as sent by the browser (untrusted)
  std::string data;
};

class FormData {
 public:
  // First value of a field, or empty string.
  std::string Get(std::string_view name) const;
  std::optional<std::string> Find(std::string_view name) const;
  // All values of a repeated field (checkboxes, multi-selects), in order.
  std::vector<std::string> GetAll(std::string_view name) const;
  bool Has(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& Fields() const { return fields_; }
  const std::vector<UploadedFile>& Files() const { return files_; }
  const UploadedFile* File(std::string_view field) const;

  void AddField(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
  void AddFile(UploadedFile f) { files_.push_back(std::move(f)); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
  std::vector<UploadedFile> files_;
};

struct FormLimits {
  size_t max_fields = 1000;
  size_t max_field_bytes = 1 << 20;  // 1 MiB per text field
  size_t max_files = 20;
  size_t max_file_bytes = 10 << 20;  // 10 MiB per uploaded file (multipart)
};

// Percent-decodes (with '+' as space when `plus_is_space`). Error
// (kInvalidInput) on a '%' not followed by two hex digits. The result may be
// any bytes: callers check UTF-8 where they need text.
Result<std::string> PercentDecode(std::string_view s, bool plus_is_space);
// Percent-encodes everything except unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string PercentEncode(std::string_view s);
// Encodes fields as an application/x-www-form-urlencoded body ("a=1&b=x+y").
std::string EncodeUrlEncoded(const std::vector<std::pair<std::string, std::string>>& fields);

// Splits a header value such as `multipart/form-data; boundary="x"` into the
// lowercased media type and its parameters (names lowercased, quotes removed).
struct HeaderValueParams {
  std::string value;
  std::vector<std::pair<std::string, std::string>> params;
  std::optional<std::string> Param(std::string_view name) const;
};
HeaderValueParams ParseHeaderValueParams(std::string_view header_value);

// Parses "a=1&b=x+y" (a body or a query string). Error (kInvalidInput) on bad
// percent escapes, invalid UTF-8 in names or values, or limits exceeded.
Result<FormData> ParseUrlEncoded(std::string_view body, const FormLimits& limits = {});
// Parses a multipart/form-data body (RFC 7578). `content_type` is the full
// header value including the boundary parameter. Parts with a filename become
// files (an empty file input, filename="" with no data, is skipped); other
// parts are text fields and must be UTF-8. Error (kInvalidInput) on a missing
// or bad boundary, malformed parts, or limits exceeded.
Result<FormData> ParseMultipart(std::string_view body, std::string_view content_type, const FormLimits& limits = {});
// Chooses the parser from the request's Content-Type; GET/HEAD parse the
// query. Error (kInvalidInput) also for an unsupported Content-Type.
Result<FormData> ParseForm(const Request& request, const FormLimits& limits = {});

}  // namespace wp::http
