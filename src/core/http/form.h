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
};

// Percent-decodes (with '+' as space when `plus_is_space`). Error on bad escapes.
Result<std::string> PercentDecode(std::string_view s, bool plus_is_space);
std::string PercentEncode(std::string_view s);

Result<FormData> ParseUrlEncoded(std::string_view body, const FormLimits& limits = {});
// `content_type` is the full header value including the boundary parameter.
Result<FormData> ParseMultipart(std::string_view body, std::string_view content_type, const FormLimits& limits = {});
// Chooses the parser from the request's Content-Type; GET/HEAD parse the query.
Result<FormData> ParseForm(const Request& request, const FormLimits& limits = {});

}  // namespace wp::http
