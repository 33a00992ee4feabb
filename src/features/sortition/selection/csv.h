// ParseCsv: RFC 4180 comma-separated values (quoted fields, "" escapes,
// CRLF or LF, optional UTF-8 byte order mark), as exported by spreadsheets
// and the Sortition Foundation's selection tool.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace wp::sortition {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts, for error messages
  std::vector<std::string> fields;
};

// Returns the records in order, skipping lines that are completely empty.
// Fails with kInvalidInput on an unterminated quoted field or invalid UTF-8.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text);

}  // namespace wp::sortition
