#include "features/codes/demo.h"

#include <fstream>
#include <sstream>

#include "features/codes/print_file.h"

namespace wp::codes {

namespace {

// The text of a print file the calling process just wrote, read from disk
// (not a download: nothing is recorded). Errors: kNotFound, kUnavailable.
Result<std::string> ReadOwnPrintFile(const CodeCommands& commands, const budgets::Edition& e, const std::string& name) {
  WP_ASSIGN_OR_RETURN(std::string path, commands.PrintFilePath(e, name));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unavailable("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Result<void> LoadCodesDemo(CodeCommands& commands, std::ostream& out) {
  auto edition = commands.FindEdition(kDemoEditionSlug);
  if (!edition.has_value()) return edition.error().code == ErrorCode::kNotFound ? Ok() : Result<void>(edition.error());
  WP_ASSIGN_OR_RETURN(CodesStatus status, commands.Status(*edition));
  if (status.addresses > 0 || status.erased_at || !status.runs.empty()) return Ok();
  const auth::User system{0, "", "demo", "nl", {{auth::Role::kAdministrator, ""}}};
  WP_ASSIGN_OR_RETURN(
      [[maybe_unused]] ImportSummary imported,
      commands.ImportAddresses(system, *edition,
                               "adres\n\"Demostraat 1, Haarlem (demo)\"\n\"Demostraat 2, Haarlem (demo)\"\n"
                               "\"Demostraat 3, Haarlem (demo)\"\n"));
  std::string path, text;
  WP_TRY_VOID(commands.WithPrintFilesKept([&]() -> Result<void> {
    WP_ASSIGN_OR_RETURN(RunInfo run, commands.GenerateNow(system, *edition, false, nullptr));
    if (run.files.empty()) return Internal("the demo run wrote no print file");
    WP_ASSIGN_OR_RETURN(path, commands.PrintFilePath(*edition, run.files.front()));
    WP_ASSIGN_OR_RETURN(text, ReadOwnPrintFile(commands, *edition, run.files.front()));
    return Ok();
  }));
  out << "wijkplatform: demo voting codes for " << edition->title << " (also in " << path << "):\n";
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out << "  " << line << "\n";
  }
  return Ok();
}

Result<void> LoadFourEyesDemo(CodeCommands& commands, const web::DemoSeed& seed) {
  auto edition = commands.FindEdition(kDemoEditionSlug);
  if (!edition.has_value()) return edition.error().code == ErrorCode::kNotFound ? Ok() : Result<void>(edition.error());
  const budgets::Edition& e = *edition;
  WP_ASSIGN_OR_RETURN(CodesStatus status, commands.Status(e));
  if (!status.downloads.empty() || status.runs.empty() || !commands.VotingOpen(e)) return Ok();
  auto demo_user = [&](const std::string& email, const std::string& name,
                       std::vector<auth::RoleGrant> grants) -> Result<auth::User> {
    WP_ASSIGN_OR_RETURN(int64_t id, seed.ensure_user(email, name, grants));
    return auth::User{id, email, name, "nl", std::move(grants)};
  };
  WP_ASSIGN_OR_RETURN(auth::User printer, demo_user("drukwerk@demo.wijkplatform.invalid", "Femke de Boer (demo)",
                                                    {{auth::Role::kPrintOfficer, e.slug}}));
  const RunInfo& first = status.runs.back();
  const std::string file = first.files.empty() ? RunCsvName(first.id) : first.files.front();
  WP_TRY_VOID(commands.RecordDownloadForDemo(printer, e, file, e.dates.voting_open - 2 * 86400));
  WP_ASSIGN_OR_RETURN(auth::User asker,
                      demo_user("gebiedsverbinder@demo.wijkplatform.invalid", "Samira de Vries (demo)",
                                {{auth::Role::kAreaLiaison, e.borough_slug}}));
  WP_ASSIGN_OR_RETURN(auth::User second, demo_user("gebiedsverbinder2@demo.wijkplatform.invalid", "Ruud Visser (demo)",
                                                   {{auth::Role::kAreaLiaison, e.borough_slug}}));
  // Reissues only: an added address would wait for a code and change what
  // tests that issue codes get.
  WP_ASSIGN_OR_RETURN(int64_t rejected, commands.AskReissue(asker, e, 3));
  WP_TRY_VOID(commands.four_eyes().Reject(second, e, rejected));
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t waiting, commands.AskReissue(asker, e, 2));
  return Ok();
}

Result<std::vector<std::string>> IssueCodes(CodeCommands& commands, const auth::User& manager,
                                            const budgets::Edition& e, const std::vector<std::string>& addresses,
                                            const std::vector<std::string>& buurt_codes) {
  if (!Can(&manager, Action::kView, e)) return Forbidden("not a manager of " + e.slug, "web.forbidden");
  // As the command line does (the operator: no second official needed
  // while voting is open).
  const auth::User operator_user{0, "", "command line", "nl", {{auth::Role::kAdministrator, ""}}};
  const bool with_buurt = !buurt_codes.empty();
  std::string csv = with_buurt ? "adres,buurtcode\n" : "adres\n";
  for (size_t i = 0; i < addresses.size(); ++i) {
    csv += CsvField(addresses[i]);
    if (with_buurt) csv += "," + (i < buurt_codes.size() ? buurt_codes[i] : std::string());
    csv += "\n";
  }
  WP_ASSIGN_OR_RETURN([[maybe_unused]] ImportSummary imported, commands.ImportAddresses(operator_user, e, csv));
  std::vector<std::string> codes;
  WP_TRY_VOID(commands.WithPrintFilesKept([&]() -> Result<void> {
    WP_ASSIGN_OR_RETURN(RunInfo run, commands.GenerateNow(operator_user, e, false, nullptr));
    for (const auto& file : run.files) {
      WP_ASSIGN_OR_RETURN(std::string text, ReadOwnPrintFile(commands, e, file));
      for (auto& c : CodesInPrintFile(text)) codes.push_back(std::move(c));
    }
    return Ok();
  }));
  if (codes.size() != addresses.size()) {
    return Internal("expected " + std::to_string(addresses.size()) + " codes, the print files hold " +
                    std::to_string(codes.size()));
  }
  return codes;
}

}  // namespace wp::codes
