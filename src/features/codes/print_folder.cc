#include "features/codes/print_folder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "core/time/format.h"
#include "features/codes/print_file.h"

namespace wp::codes {

namespace fs = std::filesystem;

namespace {

// Creates (or empties) `path` readable and writable by its owner only
// (0600), before anything is written into it (issue #11 item 3): the file
// never exists with wider permissions, whatever the umask.
Result<void> CreateOwnerOnly(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return Unavailable("cannot create " + path);
  const bool ok = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  if (!ok) return Unavailable("cannot restrict " + path);
  return Ok();
}

}  // namespace

LetterFacts FactsFor(const CodesOptions& options, const budgets::Edition& e, const time::TimeZone& zone) {
  return LetterFacts{options.municipality_name,
                     e.title,
                     e.slug,
                     options.base_url,
                     time::FormatPeriodEnd(zone, e.dates.voting_close, "nl"),
                     e.min_age};
}

PrintFolder::PrintFolder(const std::string& print_dir, std::string_view edition_slug)
    : path_(print_dir + "/" + std::string(edition_slug)) {}

Result<void> PrintFolder::Create() const {
  std::error_code ec;
  fs::create_directories(path_, ec);
  if (ec) return Unavailable("cannot create " + path_ + ": " + ec.message());
  // Only the server's user may enter the folder.
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) return Unavailable("cannot restrict " + path_ + ": " + ec.message());
  return Ok();
}

std::vector<PrintFile> PrintFolder::List() const {
  std::vector<PrintFile> files;
  std::error_code ec;
  if (!fs::is_directory(path_, ec)) return files;
  for (const auto& entry : fs::directory_iterator(path_, ec)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file(ec) || !IsPrintFileName(name)) continue;
    files.push_back({name, static_cast<int64_t>(entry.file_size(ec))});
  }
  std::sort(files.begin(), files.end(), [](const PrintFile& a, const PrintFile& b) { return a.name < b.name; });
  return files;
}

Result<std::string> PrintFolder::PathOf(std::string_view name) const {
  if (!IsPrintFileName(name)) return NotFound("no such file", "codes.files.not_found");
  std::string path = path_ + "/" + std::string(name);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return NotFound("no such file", "codes.files.not_found");
  return path;
}

Result<std::string> PrintFolder::Read(std::string_view name) const {
  WP_ASSIGN_OR_RETURN(std::string path, PathOf(name));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unavailable("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int64_t PrintFolder::RemoveAll() const {
  int64_t n = 0;
  for (const auto& f : List()) {
    std::error_code ec;
    if (fs::remove(path_ + "/" + f.name, ec)) ++n;
  }
  return n;
}

void PrintFolder::RemoveRun(int64_t run_id) const {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path_, ec)) {
    if (IsFileOfGenerationRun(entry.path().filename().string(), run_id)) fs::remove(entry.path(), ec);
  }
}

RunFiles::RunFiles(const PrintFolder& folder, LetterFacts facts, const i18n::Catalog& catalog)
    : folder_(folder.path()), facts_(std::move(facts)), catalog_(catalog) {}

RunFiles::~RunFiles() { Abandon(); }

Result<void> RunFiles::OpenCsv(const std::string& name) {
  csv_name_ = name;
  WP_TRY_VOID(CreateOwnerOnly(Path(name) + ".part"));
  csv_.open(Path(name) + ".part", std::ios::binary | std::ios::trunc);
  if (!csv_) return Unavailable("cannot write " + Path(name));
  csv_ << PrintFileHeader();
  return Ok();
}

Result<void> RunFiles::Add(int64_t letter_number, const std::string& address, const std::string& code,
                           const std::string& pdf_name) {
  std::string url = VotingUrl(facts_.base_url, facts_.edition_slug, code);
  csv_ << PrintFileRow(letter_number, address, code, url);
  if (pdf_name.empty()) return Ok();
  if (!pdf_ || pdf_name_ != pdf_name) {
    WP_TRY_VOID(ClosePdf());
    WP_TRY_VOID(CreateOwnerOnly(Path(pdf_name) + ".part"));
    WP_ASSIGN_OR_RETURN(pdf_, LetterPdf::Create(Path(pdf_name) + ".part", catalog_, "nl"));
    pdf_name_ = pdf_name;
  }
  return pdf_->Add(LetterContent{facts_.municipality, facts_.edition_title, address, code, url, facts_.closes_text,
                                 letter_number, facts_.min_age});
}

Result<std::vector<std::string>> RunFiles::Finish() {
  WP_TRY_VOID(ClosePdf());
  csv_.close();
  if (!csv_) return Unavailable("writing " + Path(csv_name_) + " failed");
  std::error_code ec;
  fs::rename(Path(csv_name_) + ".part", Path(csv_name_), ec);
  if (ec) return Unavailable("cannot rename " + Path(csv_name_) + ": " + ec.message());
  done_.insert(done_.begin(), csv_name_);
  csv_name_.clear();
  return done_;
}

void RunFiles::Abandon() {
  std::error_code ec;
  pdf_.reset();
  if (!pdf_name_.empty()) fs::remove(Path(pdf_name_) + ".part", ec);
  if (csv_.is_open()) csv_.close();
  if (!csv_name_.empty()) fs::remove(Path(csv_name_) + ".part", ec);
}

Result<void> RunFiles::ClosePdf() {
  if (!pdf_) return Ok();
  WP_TRY_VOID(pdf_->Finish());
  pdf_.reset();
  std::error_code ec;
  fs::rename(Path(pdf_name_) + ".part", Path(pdf_name_), ec);
  if (ec) return Unavailable("cannot rename " + Path(pdf_name_) + ": " + ec.message());
  done_.push_back(pdf_name_);
  pdf_name_.clear();
  return Ok();
}

}  // namespace wp::codes
