#include "features/codes/feature.h"

#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "features/budgets/edition_directory.h"
#include "features/codes/pages.h"
#include "features/codes/print_file.h"
#include "wp_codes_files.h"

namespace wp::codes {

CodeBook& RegisterCodes(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                        budgets::EditionDirectory& editions, const CodesOptions& options) {
  registry.AddFiles("codes", CodesFiles());
  registry.AddMigrations(db::MigrationsFromFiles("codes", CodesFiles()));
  std::string key = options.voting_key;
  if (key.empty()) {
    auto loaded = LoadOrCreateVotingKey(options.voting_key_file, deps.random);
    // A start-up error: the server cannot check codes without its key.
    if (!loaded.has_value()) throw std::runtime_error("voting_key_file: " + loaded.error().detail);
    key = *loaded;
  }
  auto& book = registry.Keep(std::make_unique<CodeBook>(key));
  auto& commands = registry.Keep(std::make_unique<CodeCommands>(deps.db, deps.clock, deps.random, book, editions,
                                                                 deps.web.catalog(), deps.zone, deps.jobs, options));
  registry.AddStat(
      {"wp_voting_codes_total", "Voting codes issued (all editions, revoked included)", [](db::Connection& c) {
         auto r = c.QueryOne("SELECT COUNT(*) FROM codes_codes");
         return r.has_value() ? r->Int(0) : 0;
       }});
  const web::Web& web = deps.web;
  registry.AddRoutes(
      [&web, &commands, &zone = deps.zone](http::Router& router) { AddCodeRoutes(router, web, commands, zone); });
  registry.AddDemo("codes", [&commands](const web::DemoSeed&) { return LoadCodesDemo(commands, std::cerr); });
  return book;
}

Result<void> LoadCodesDemo(CodeCommands& commands, std::ostream& out) {
  auto edition = commands.FindEdition(kDemoEditionSlug);
  if (!edition.has_value()) return edition.error().code == ErrorCode::kNotFound ? Ok() : Result<void>(edition.error());
  WP_ASSIGN_OR_RETURN(CodesStatus status, commands.Status(*edition));
  if (status.addresses > 0 || status.erased_at || !status.runs.empty()) return Ok();
  auth::User system{0, "", "demo", "nl", {{auth::Role::kAdministrator, ""}}};
  WP_ASSIGN_OR_RETURN(
      [[maybe_unused]] ImportSummary imported,
      commands.ImportAddresses(system, *edition,
                               "adres\n\"Demostraat 1, Haarlem (demo)\"\n\"Demostraat 2, Haarlem (demo)\"\n"
                               "\"Demostraat 3, Haarlem (demo)\"\n"));
  WP_ASSIGN_OR_RETURN(RunInfo run, commands.GenerateNow(system, *edition, false, nullptr));
  if (run.files.empty()) return Internal("the demo run wrote no print file");
  WP_ASSIGN_OR_RETURN(std::string path, commands.PrintFilePath(*edition, run.files.front()));
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  out << "wijkplatform: demo voting codes for " << edition->title << " (also in " << path << "):\n";
  while (std::getline(in, line)) {
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
    WP_ASSIGN_OR_RETURN(std::string path, commands.PrintFilePath(e, file));
    std::ifstream in(path, std::ios::binary);
    if (!in) return Internal("cannot read the print file " + path);
    std::stringstream text;
    text << in.rdbuf();
    for (auto& c : CodesInPrintFile(text.str())) codes.push_back(std::move(c));
  }
  if (codes.size() != addresses.size()) {
    return Internal("expected " + std::to_string(addresses.size()) + " codes, the print files hold " +
                    std::to_string(codes.size()));
  }
  return codes;
}

}  // namespace wp::codes
