// RFC 4180 CSV tables for the geography importers: header-driven column
// lookup, and errors that name the file and line. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace wp::geography {

// One input file: its name (used in error messages only) and its contents.
struct SourceFile {
  std::string name;
  std::string contents;
};

// A parsed CSV table. Header names are normalised: trimmed and lowercased.
struct CsvTable {
  std::vector<std::string> header;
  struct Row {
    int line = 0;                     // 1-based line where the record starts
    std::vector<std::string> fields;  // as many as the header
  };
  std::vector<Row> rows;
};

// Parses CSV text: RFC 4180 (quoted fields, "" escapes, newlines inside
// quotes), LF or CRLF line ends, an optional UTF-8 byte order mark, blank
// lines skipped. The separator is ";" when the header line has ";" but no
// ",", else ",". Returns kInvalidInput "<name>:<line>: <reason>" for invalid
// UTF-8, an unterminated quote, text after a closing quote, a stray quote, a
// duplicate or empty header name, or a record whose field count differs from
// the header's.
Result<CsvTable> ParseCsv(const SourceFile& file);

// kInvalidInput with detail "<file>:<line>: <reason>".
Error CsvError(const SourceFile& file, int line, const std::string& reason);

// Finds a table's columns by (lowercase) name. A name also matches the same
// name with a year suffix: "population" finds "population_2024".
class CsvColumns {
 public:
  CsvColumns(const SourceFile& file, const CsvTable& table) : file_(file), table_(table) {}
  // The column's index; nullopt when absent; kInvalidInput when several
  // year-suffixed columns match and none matches exactly.
  Result<std::optional<size_t>> Find(std::string_view name) const;
  // Like Find, but kInvalidInput "<file>:1: missing required column" when absent.
  Result<size_t> Require(std::string_view name) const;

 private:
  const SourceFile& file_;
  const CsvTable& table_;
};

// The trimmed text of `row` in column `col`; "" when the column is absent.
std::string_view CsvCell(const CsvTable::Row& row, std::optional<size_t> col);

}  // namespace wp::geography
