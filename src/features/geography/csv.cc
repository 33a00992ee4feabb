#include "features/geography/csv.h"

#include <algorithm>
#include <set>

#include "core/strings.h"

namespace wp::geography {
namespace {

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

Error CsvError(const SourceFile& file, int line, const std::string& reason) {
  return InvalidInput(file.name + ":" + std::to_string(line) + ": " + reason);
}

Result<std::optional<size_t>> CsvColumns::Find(std::string_view name) const {
  std::optional<size_t> exact, suffixed;
  int suffixed_count = 0;
  for (size_t i = 0; i < table_.header.size(); ++i) {
    std::string_view h = table_.header[i];
    if (h == name) {
      exact = i;
    } else if (h.size() == name.size() + 5 && h.substr(0, name.size()) == name && h[name.size()] == '_' &&
               std::all_of(h.begin() + static_cast<std::ptrdiff_t>(name.size()) + 1, h.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      suffixed = i;
      ++suffixed_count;
    }
  }
  if (exact) return exact;
  if (suffixed_count > 1) return CsvError(file_, 1, "more than one column for " + Quoted(name));
  return suffixed;
}

Result<size_t> CsvColumns::Require(std::string_view name) const {
  WP_ASSIGN_OR_RETURN(std::optional<size_t> col, Find(name));
  if (!col) return CsvError(file_, 1, "missing required column " + Quoted(name));
  return *col;
}

std::string_view CsvCell(const CsvTable::Row& row, std::optional<size_t> col) {
  return col ? Trim(row.fields[*col]) : std::string_view();
}

Result<CsvTable> ParseCsv(const SourceFile& file) {
  std::string_view s = file.contents;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  {
    int line = 1;
    for (std::string_view l : Split(s, '\n')) {
      if (!IsValidUtf8(l)) return CsvError(file, line, "text is not valid UTF-8");
      ++line;
    }
  }
  std::string_view first_line = s.substr(0, s.find('\n'));
  char sep =
      first_line.find(';') != std::string_view::npos && first_line.find(',') == std::string_view::npos ? ';' : ',';
  std::vector<std::vector<std::string>> records;
  std::vector<int> record_lines;
  std::vector<std::string> fields;
  std::string field;
  bool in_quotes = false, after_quote = false, record_open = false;
  int line = 1, record_line = 1;
  auto end_field = [&] {
    fields.push_back(std::move(field));
    field.clear();
    after_quote = false;
  };
  auto end_record = [&] {
    end_field();
    bool blank = fields.size() == 1 && Trim(fields[0]).empty();
    if (!blank) {
      records.push_back(std::move(fields));
      record_lines.push_back(record_line);
    }
    fields.clear();
    record_open = false;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!record_open) {
      record_open = true;
      record_line = line;
    }
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
    } else if (c == '"') {
      if (after_quote || !Trim(field).empty()) return CsvError(file, line, "stray quote inside a field");
      field.clear();
      in_quotes = true;
    } else if (c == sep) {
      end_field();
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      end_record();
      ++line;
    } else {
      if (after_quote && c != ' ' && c != '\t') return CsvError(file, line, "text after a closing quote");
      if (!after_quote) field.push_back(c);
    }
  }
  if (in_quotes) return CsvError(file, record_line, "quoted field is not closed");
  if (record_open) end_record();
  if (records.empty()) return CsvError(file, 1, "empty file, expected a header line");

  CsvTable table;
  std::set<std::string> names;
  for (const std::string& h : records[0]) {
    std::string name = ToLower(Trim(h));
    if (name.empty()) return CsvError(file, record_lines[0], "empty column name in header");
    if (!names.insert(name).second) return CsvError(file, record_lines[0], "duplicate column " + Quoted(name));
    table.header.push_back(std::move(name));
  }
  for (size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != table.header.size()) {
      return CsvError(
          file, record_lines[r],
          "expected " + std::to_string(table.header.size()) + " fields, found " + std::to_string(records[r].size()));
    }
    table.rows.push_back(CsvTable::Row{record_lines[r], std::move(records[r])});
  }
  return table;
}

}  // namespace wp::geography
