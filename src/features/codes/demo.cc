#include "features/codes/demo.h"

#include <sstream>

#include "features/codes/print_file.h"

namespace wp::codes {

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
  WP_ASSIGN_OR_RETURN(RunInfo run, commands.GenerateNow(system, *edition, false, nullptr));
  if (run.files.empty()) return Internal("the demo run wrote no print file");
  WP_ASSIGN_OR_RETURN(std::string path, commands.PrintFilePath(*edition, run.files.front()));
  WP_ASSIGN_OR_RETURN(std::string text, commands.ReadPrintFile(system, *edition, run.files.front()));
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

Result<std::vector<std::string>> IssueCodes(CodeCommands& commands, const auth::User& manager,
                                            const budgets::Edition& e, const std::vector<std::string>& addresses) {
  std::string csv = "adres\n";
  for (const auto& a : addresses) csv += CsvField(a) + "\n";
  WP_ASSIGN_OR_RETURN([[maybe_unused]] ImportSummary imported, commands.ImportAddresses(manager, e, csv));
  WP_ASSIGN_OR_RETURN(RunInfo run, commands.GenerateNow(manager, e, false, nullptr));
  std::vector<std::string> codes;
  for (const auto& file : run.files) {
    WP_ASSIGN_OR_RETURN(std::string text, commands.ReadPrintFile(manager, e, file));
    for (auto& c : CodesInPrintFile(text)) codes.push_back(std::move(c));
  }
  if (codes.size() != addresses.size()) {
    return Internal("expected " + std::to_string(addresses.size()) + " codes, the print files hold " +
                    std::to_string(codes.size()));
  }
  return codes;
}

}  // namespace wp::codes
