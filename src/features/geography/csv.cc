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

namespace {

// The records of a CSV text (RFC 4180 quoting, `sep` between fields), each
// with the line it starts on; blank lines are skipped.
class RecordReader {
 public:
  RecordReader(const SourceFile& file, char sep) : file_(file), sep_(sep) {}

  Result<void> Read(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (!record_open_) {
        record_open_ = true;
        record_line_ = line_;
      }
      if (in_quotes_) {
        if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
          field_.push_back('"');
          ++i;
        } else if (c == '"') {
          in_quotes_ = false;
          after_quote_ = true;
        } else {
          if (c == '\n') ++line_;
          field_.push_back(c);
        }
        continue;
      }
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
      WP_TRY_VOID(Unquoted(c));
    }
    if (in_quotes_) return CsvError(file_, record_line_, "quoted field is not closed");
    if (record_open_) EndRecord();
    return Ok();
  }

  std::vector<std::vector<std::string>> records;
  std::vector<int> record_lines;

 private:
  Result<void> Unquoted(char c) {
    if (c == '"') {
      if (after_quote_ || !Trim(field_).empty()) return CsvError(file_, line_, "stray quote inside a field");
      field_.clear();
      in_quotes_ = true;
    } else if (c == sep_) {
      EndField();
    } else if (c == '\n') {
      EndRecord();
      ++line_;
    } else {
      if (after_quote_ && c != ' ' && c != '\t') return CsvError(file_, line_, "text after a closing quote");
      if (!after_quote_) field_.push_back(c);
    }
    return Ok();
  }
  void EndField() {
    fields_.push_back(std::move(field_));
    field_.clear();
    after_quote_ = false;
  }
  void EndRecord() {
    EndField();
    bool blank = fields_.size() == 1 && Trim(fields_[0]).empty();
    if (!blank) {
      records.push_back(std::move(fields_));
      record_lines.push_back(record_line_);
    }
    fields_.clear();
    record_open_ = false;
  }

  const SourceFile& file_;
  const char sep_;
  std::vector<std::string> fields_;
  std::string field_;
  bool in_quotes_ = false, after_quote_ = false, record_open_ = false;
  int line_ = 1, record_line_ = 1;
};

}  // namespace

Result<CsvTable> ParseCsv(const SourceFile& file) {
  std::string_view s = file.contents;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  int text_line = 1;
  for (std::string_view l : Split(s, '\n')) {
    if (!IsValidUtf8(l)) return CsvError(file, text_line, "text is not valid UTF-8");
    ++text_line;
  }
  std::string_view first_line = s.substr(0, s.find('\n'));
  char sep =
      first_line.find(';') != std::string_view::npos && first_line.find(',') == std::string_view::npos ? ';' : ',';
  RecordReader reader(file, sep);
  WP_TRY_VOID(reader.Read(s));
  auto& records = reader.records;
  const auto& record_lines = reader.record_lines;
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
