#include "core/http/form.h"

#include "core/strings.h"

namespace wp::http {

std::string FormData::Get(std::string_view name) const {
  for (const auto& [k, v] : fields_) {
    if (k == name) return v;
  }
  return {};
}

std::optional<std::string> FormData::Find(std::string_view name) const {
  for (const auto& [k, v] : fields_) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::vector<std::string> FormData::GetAll(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields_) {
    if (k == name) out.push_back(v);
  }
  return out;
}

bool FormData::Has(std::string_view name) const {
  for (const auto& field : fields_) {
    if (field.first == name) return true;
  }
  for (const auto& file : files_) {
    if (file.field == name) return true;
  }
  return false;
}

const UploadedFile* FormData::File(std::string_view field) const {
  for (const auto& f : files_) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

void AppendEncoded(std::string& out, std::string_view s, bool space_as_plus) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c)) {
      out.push_back(ch);
    } else if (c == ' ' && space_as_plus) {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
}

// Boundary characters of RFC 2046 section 5.1.1.
bool IsBoundaryChar(char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

}  // namespace

Result<std::string> PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return InvalidInput("truncated percent escape");
      int hi = HexValue(s[i + 1]);
      int lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return InvalidInput("bad percent escape");
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string PercentEncode(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 3 / 2);
  AppendEncoded(out, s, /*space_as_plus=*/false);
  return out;
}

std::string EncodeUrlEncoded(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out.push_back('&');
    AppendEncoded(out, k, /*space_as_plus=*/true);
    out.push_back('=');
    AppendEncoded(out, v, /*space_as_plus=*/true);
  }
  return out;
}

std::optional<std::string> HeaderValueParams::Param(std::string_view name) const {
  for (const auto& [k, v] : params) {
    if (EqualsIgnoreCase(k, name)) return v;
  }
  return std::nullopt;
}

HeaderValueParams ParseHeaderValueParams(std::string_view header_value) {
  HeaderValueParams out;
  size_t i = header_value.find(';');
  out.value = ToLower(Trim(header_value.substr(0, i)));
  while (i != std::string_view::npos && i < header_value.size()) {
    ++i;  // skip ';'
    while (i < header_value.size() && (header_value[i] == ' ' || header_value[i] == '\t')) ++i;
    size_t eq = header_value.find_first_of("=;", i);
    if (eq == std::string_view::npos || header_value[eq] == ';') {
      // A parameter without a value: skip it.
      i = eq;
      continue;
    }
    std::string name = ToLower(Trim(header_value.substr(i, eq - i)));
    i = eq + 1;
    while (i < header_value.size() && (header_value[i] == ' ' || header_value[i] == '\t')) ++i;
    std::string value;
    if (i < header_value.size() && header_value[i] == '"') {
      ++i;
      while (i < header_value.size() && header_value[i] != '"') {
        if (header_value[i] == '\\' && i + 1 < header_value.size()) ++i;
        value.push_back(header_value[i]);
        ++i;
      }
      if (i < header_value.size()) ++i;  // closing quote
      i = header_value.find(';', i);
    } else {
      size_t end = header_value.find(';', i);
      value = std::string(Trim(header_value.substr(i, end == std::string_view::npos ? end : end - i)));
      i = end;
    }
    out.params.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

Result<FormData> ParseUrlEncoded(std::string_view body, const FormLimits& limits) {
  FormData form;
  size_t count = 0;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view pair = body.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    if (++count > limits.max_fields) return InvalidInput("too many form fields");
    size_t eq = pair.find('=');
    std::string_view raw_value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    if (raw_value.size() > limits.max_field_bytes * 3) return InvalidInput("form field too large");
    WP_ASSIGN_OR_RETURN(std::string name, PercentDecode(pair.substr(0, eq), /*plus_is_space=*/true));
    WP_ASSIGN_OR_RETURN(std::string value, PercentDecode(raw_value, /*plus_is_space=*/true));
    if (value.size() > limits.max_field_bytes || name.size() > limits.max_field_bytes) {
      return InvalidInput("form field too large");
    }
    if (!IsValidUtf8(name) || !IsValidUtf8(value)) return InvalidInput("form field is not valid UTF-8");
    form.AddField(std::move(name), std::move(value));
  }
  return form;
}

namespace {

// The delimiter line of a multipart/form-data body: "--" + boundary.
Result<std::string> MultipartDelimiter(std::string_view content_type) {
  HeaderValueParams ct = ParseHeaderValueParams(content_type);
  if (ct.value != "multipart/form-data") return InvalidInput("not multipart/form-data");
  std::optional<std::string> boundary_param = ct.Param("boundary");
  if (!boundary_param || boundary_param->empty() || boundary_param->size() > 70 || boundary_param->back() == ' ') {
    return InvalidInput("missing or bad multipart boundary");
  }
  for (char c : *boundary_param) {
    if (!IsBoundaryChar(c)) return InvalidInput("bad character in multipart boundary");
  }
  return "--" + *boundary_param;
}

// What a part's headers say: its Content-Disposition (form-data; name=...;
// filename=...) and Content-Type.
struct PartHeaders {
  HeaderValueParams disposition;
  std::string type;
};

Result<PartHeaders> ParsePartHeaders(std::string_view header_block) {
  std::optional<HeaderValueParams> disposition;
  PartHeaders headers;
  for (std::string_view line : Split(header_block, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return InvalidInput("malformed multipart part header");
    std::string_view name = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsIgnoreCase(name, "Content-Disposition")) {
      disposition = ParseHeaderValueParams(value);
    } else if (EqualsIgnoreCase(name, "Content-Type")) {
      headers.type = std::string(value);
    }
  }
  if (!disposition || disposition->value != "form-data") {
    return InvalidInput("multipart part without Content-Disposition: form-data");
  }
  headers.disposition = std::move(*disposition);
  return headers;
}

// Adds one part to `form` as a field or a file, within `limits`; `fields`
// counts the fields so far.
Result<void> AddPart(FormData& form, PartHeaders headers, std::string_view content, const FormLimits& limits,
                     size_t& fields) {
  std::optional<std::string> name = headers.disposition.Param("name");
  if (!name) return InvalidInput("multipart part without a name");
  if (!IsValidUtf8(*name)) return InvalidInput("multipart field name is not valid UTF-8");
  if (std::optional<std::string> filename = headers.disposition.Param("filename")) {
    if (filename->empty() && content.empty()) return Ok();  // an empty file input
    if (form.Files().size() >= limits.max_files) return InvalidInput("too many uploaded files");
    if (content.size() > limits.max_file_bytes) return InvalidInput("uploaded file too large");
    UploadedFile file;
    file.field = std::move(*name);
    file.filename = std::move(*filename);
    file.content_type = headers.type.empty() ? "application/octet-stream" : std::move(headers.type);
    file.data = std::string(content);
    form.AddFile(std::move(file));
    return Ok();
  }
  if (++fields > limits.max_fields) return InvalidInput("too many form fields");
  if (content.size() > limits.max_field_bytes) return InvalidInput("form field too large");
  if (!IsValidUtf8(content)) return InvalidInput("form field is not valid UTF-8");
  form.AddField(std::move(*name), std::string(content));
  return Ok();
}

}  // namespace

Result<FormData> ParseMultipart(std::string_view body, std::string_view content_type, const FormLimits& limits) {
  WP_ASSIGN_OR_RETURN(const std::string delimiter, MultipartDelimiter(content_type));
  const std::string inner_delimiter = "\r\n" + delimiter;

  // The first delimiter opens the body or follows a preamble line.
  size_t pos;
  if (body.substr(0, delimiter.size()) == delimiter) {
    pos = delimiter.size();
  } else {
    size_t found = body.find(inner_delimiter);
    if (found == std::string_view::npos) return InvalidInput("multipart boundary not found");
    pos = found + inner_delimiter.size();
  }

  FormData form;
  size_t fields = 0;
  constexpr size_t kMaxPartHeaderBytes = 8 * 1024;
  for (;;) {
    // After a delimiter: "--" closes the body; otherwise optional whitespace, CRLF.
    if (body.substr(pos, 2) == "--") return form;
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return InvalidInput("malformed multipart delimiter line");
    pos += 2;

    std::string_view header_block;
    size_t content_start;
    if (body.substr(pos, 2) == "\r\n") {
      content_start = pos + 2;  // a part without headers
    } else {
      size_t headers_end = body.find("\r\n\r\n", pos);
      if (headers_end == std::string_view::npos) return InvalidInput("multipart part headers not terminated");
      if (headers_end - pos > kMaxPartHeaderBytes) return InvalidInput("multipart part headers too large");
      header_block = body.substr(pos, headers_end - pos);
      content_start = headers_end + 4;
    }
    size_t content_end = body.find(inner_delimiter, content_start);
    if (content_end == std::string_view::npos) return InvalidInput("multipart body not terminated");
    std::string_view content = body.substr(content_start, content_end - content_start);
    pos = content_end + inner_delimiter.size();

    WP_ASSIGN_OR_RETURN(PartHeaders headers, ParsePartHeaders(header_block));
    WP_TRY_VOID(AddPart(form, std::move(headers), content, limits, fields));
  }
}

Result<FormData> ParseForm(const Request& request, const FormLimits& limits) {
  if (request.method == Method::kGet || request.method == Method::kHead) {
    return ParseUrlEncoded(request.query, limits);
  }
  std::string_view content_type = request.Header("Content-Type");
  HeaderValueParams ct = ParseHeaderValueParams(content_type);
  if (ct.value == "application/x-www-form-urlencoded") return ParseUrlEncoded(request.body, limits);
  if (ct.value == "multipart/form-data") return ParseMultipart(request.body, content_type, limits);
  if (ct.value.empty() && request.body.empty()) return FormData();
  return InvalidInput("unsupported form content type");
}

}  // namespace wp::http
