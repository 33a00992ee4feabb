// The print file for the mailing house (CSV, one row per letter) and the
// voting link printed on each letter. Pure: no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wp::codes {

// "<base_url>/wijkbudget/<slug>/stemmen?code=<canonical code>".
std::string VotingUrl(std::string_view base_url, std::string_view edition_slug, std::string_view canonical_code);

// The header line of the print file, with line end.
std::string PrintFileHeader();

// One row: letter number, address, grouped code, voting link; RFC 4180
// quoting where needed, CRLF line end. A formula-like address (starting
// with = + - @) is prefixed with an apostrophe so spreadsheets show it as text.
std::string PrintFileRow(int64_t letter_number, std::string_view address, std::string_view canonical_code,
                         std::string_view voting_url);

// A CSV field, quoted when it contains the separator, a quote or a line end.
std::string CsvField(std::string_view value);

// The codes of a print file (the `code` parameter of each row's voting
// link), in row order; the header and lines without a link are skipped.
std::vector<std::string> CodesInPrintFile(std::string_view text);

}  // namespace wp::codes
