// The print folder of an edition (<print_dir>/<edition-slug>/): the only
// place where codes exist in clear text, as the print file for the mailing
// house (CSV) and the letters (PDF). RunFiles writes the files of one run;
// PrintFolder lists, finds and removes them. Used by one thread at a time.
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/budgets/edition.h"
#include "features/codes/code_book.h"
#include "features/codes/letters.h"

namespace wp::codes {

// Letters per PDF file: a mailing house handles files of this size well.
inline constexpr int64_t kLettersPerPdf = 5000;

struct PrintFile {
  std::string name;
  int64_t bytes = 0;
};

// What every letter of an edition shows besides its code and address.
struct LetterFacts {
  std::string municipality, edition_title, edition_slug, base_url;
  std::string closes_text;  // the last day of voting, in Dutch
  int min_age = 16;
};
LetterFacts FactsFor(const CodesOptions& options, const budgets::Edition& e, const time::TimeZone& zone);

class PrintFolder {
 public:
  PrintFolder(const std::string& print_dir, std::string_view edition_slug);
  const std::string& path() const { return path_; }
  // Creates the folder (and its parents). Errors: kUnavailable.
  Result<void> Create() const;
  // The print files in the folder, by name; half-written files are left out.
  std::vector<PrintFile> List() const;
  // The path of print file `name`. Errors: kNotFound (codes.files.not_found)
  // for a name the app does not write or a file that is not there.
  Result<std::string> PathOf(std::string_view name) const;
  // Reads print file `name`. Errors: as PathOf; kUnavailable when unreadable.
  Result<std::string> Read(std::string_view name) const;
  // Removes every print file; returns how many.
  int64_t RemoveAll() const;
  // Removes what generation run `run_id` wrote, complete or half-written.
  void RemoveRun(int64_t run_id) const;

 private:
  std::string path_;
};

// The files of one run, written next to their final names as "<name>.part"
// and renamed when complete, so a download never sees half a file. Each file
// is created owner-only (0600) before anything is written into it, in a
// folder only the owner may enter (0700, PrintFolder::Create). The
// destructor removes what was not finished.
class RunFiles {
 public:
  RunFiles(const PrintFolder& folder, LetterFacts facts, const i18n::Catalog& catalog);
  ~RunFiles();
  RunFiles(const RunFiles&) = delete;
  RunFiles& operator=(const RunFiles&) = delete;

  // Starts the print file `name` with its header. Errors: kUnavailable.
  Result<void> OpenCsv(const std::string& name);
  // Adds a letter's row to the print file and, when `pdf_name` is not empty,
  // the letter itself to that PDF (a new PDF is opened when the name changes).
  Result<void> Add(int64_t letter_number, const std::string& address, const std::string& code,
                   const std::string& pdf_name);
  // Closes and renames everything; returns the file names (the print file first).
  Result<std::vector<std::string>> Finish();
  // Removes the half-written files.
  void Abandon();

 private:
  std::string Path(const std::string& name) const { return folder_ + "/" + name; }
  Result<void> ClosePdf();

  std::string folder_;
  LetterFacts facts_;
  const i18n::Catalog& catalog_;
  std::ofstream csv_;
  std::string csv_name_;
  std::unique_ptr<LetterPdf> pdf_;
  std::string pdf_name_;
  std::vector<std::string> done_;
};

}  // namespace wp::codes
