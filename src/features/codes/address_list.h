// The list of eligible addresses a municipality provides: a CSV file with one
// required column (header "adres" or "address"); other columns are ignored
// and reported. Pure: no I/O.
#pragma once

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
  std::vector<std::string> ignored_columns;  // header names of the other columns
  std::vector<int> empty_lines;              // rows without an address
  std::vector<DuplicateAddress> duplicates;  // repeats, left out
};

// The key under which two addresses count as the same: lower case, runs of
// spaces as one space, trimmed.
std::string AddressKey(std::string_view address);

// Parses the CSV text (UTF-8, optional BOM; separator ',' or ';' as in the
// header line; "..." quoting with "" inside).
// Errors (kInvalidInput, user_message_key in codes.import.*): empty file,
// no address column, invalid UTF-8, unclosed quote, an address longer than
// kMaxAddressLength, more than kMaxAddresses rows, no address at all.
Result<AddressList> ParseAddressCsv(std::string_view text);

}  // namespace wp::codes
