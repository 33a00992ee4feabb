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

// The names of the files a run writes in the edition's print folder: a
// generation run "stemcodes-<run>.csv" and "stemcodes-<run>-brieven-NNN.pdf"
// (part 1, 2, ... of kLettersPerPdf letters each), a reissue
// "herdruk-<run>.csv" and "herdruk-<run>.pdf".
std::string RunCsvName(int64_t run_id);
std::string RunPdfName(int64_t run_id, int64_t part);
std::string ReissueCsvName(int64_t run_id);
std::string ReissuePdfName(int64_t run_id);
// True for a file generation run `run_id` writes, complete or half-written.
bool IsFileOfGenerationRun(std::string_view name, int64_t run_id);
// True for a name the app writes: 1 to 76 lower-case letters, digits and
// dashes, then .csv or .pdf. Anything else (paths, dots, hidden files) is
// refused, so a download can never leave the print folder.
bool IsPrintFileName(std::string_view name);

// The codes of a print file (the `code` parameter of each row's voting
// link), in row order; the header and lines without a link are skipped.
std::vector<std::string> CodesInPrintFile(std::string_view text);

}  // namespace wp::codes
