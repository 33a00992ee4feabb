// The list of eligible addresses a municipality provides: a CSV file with one
// required column (header "adres" or "address") and an optional column with
// the CBS buurt code of each address (header "buurtcode", "buurt" or
// "neighbourhood", values like BU03920101), which lets the dashboards show
// turnout per buurt; other columns are ignored and reported. Pure: no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace wp::codes {

inline constexpr size_t kMaxAddresses = 500000;
inline constexpr size_t kMaxAddressLength = 200;

struct DuplicateAddress {
  int line = 0;        // 1-based line of the repeat
  int first_line = 0;  // where it appeared first
};

struct AddressList {
  std::vector<std::string> addresses;        // trimmed, unique, in file order
  std::vector<int> address_lines;            // the line of each address
  std::vector<std::string> buurt_codes;      // the CBS buurt code of each address, "" when not given
  std::vector<std::string> ignored_columns;  // header names of the other columns
  std::vector<int> empty_lines;              // rows without an address
  std::vector<DuplicateAddress> duplicates;  // repeats, left out
};

// What an import of an address list did, kept as its report.
struct ImportSummary {
  int64_t report_id = 0;      // the stored report
  int64_t in_file = 0;        // distinct addresses in the file
  int64_t added = 0;          // new for this edition
  int64_t already_known = 0;  // imported before
  int64_t total = 0;          // addresses of the edition after the import
  std::vector<int> empty_lines;
  std::vector<DuplicateAddress> duplicates;
  std::vector<std::string> ignored_columns;
};

// The key under which two addresses count as the same: lower case, runs of
// spaces as one space, trimmed.
std::string AddressKey(std::string_view address);
// A CBS buurt code: "BU" and 8 digits.
bool IsBuurtCode(std::string_view code);

// Parses the CSV text (UTF-8, optional BOM; separator ',' or ';' as in the
// header line; "..." quoting with "" inside).
// Errors (kInvalidInput, user_message_key in codes.import.*): empty file,
// no address column, invalid UTF-8, unclosed quote, an address longer than
// kMaxAddressLength, more than kMaxAddresses rows, no address at all, a buurt
// code that is not "BU" and 8 digits (codes.import.bad_buurt, with its line).
Result<AddressList> ParseAddressCsv(std::string_view text);

}  // namespace wp::codes
