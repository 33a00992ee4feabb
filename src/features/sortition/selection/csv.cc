#include "features/sortition/selection/csv.h"

#include "core/strings.h"

namespace wp::sortition {

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!IsValidUtf8(text)) return InvalidInput("the file is not valid UTF-8 text");
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  bool in_quotes = false;
  bool field_started = false;  // the record has at least one character or separator
  int line = 1;
  record.line = 1;
  auto end_record = [&]() {
    if (field_started || !field.empty()) {
      record.fields.push_back(field);
      records.push_back(std::move(record));
    }
    record = CsvRecord{};
    field.clear();
    field_started = false;
  };
  int quote_line = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_quotes = true;
        quote_line = line;
        field_started = true;
        break;
      case ',':
        record.fields.push_back(field);
        field.clear();
        field_started = true;
        break;
      case '\r':
        break;
      case '\n':
        end_record();
        ++line;
        record.line = line;
        break;
      default:
        if (!field_started && field.empty()) record.line = line;
        field += c;
        field_started = true;
    }
  }
  if (in_quotes) return InvalidInput("line " + std::to_string(quote_line) + ": a quoted field is not closed");
  end_record();
  return records;
}

}  // namespace wp::sortition
