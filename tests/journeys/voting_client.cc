#include "voting_client.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/db/database.h"
#include "process.h"
#include "testing/http_client.h"

namespace wp::testing {

uint16_t ServerPort(ChildProcess& server) {
  std::string line = server.ReadLine(60000);
  if (line.empty()) return 0;
  return nlohmann::json::parse(line)["port"].get<uint16_t>();
}

std::string InputValue(const std::string& html, const std::string& field) {
  std::smatch m;
  if (!std::regex_search(html, m, std::regex("name=\"" + field + "\"[^>]* value=\"([^\"]*)\""))) return "";
  return m[1];
}

namespace {

std::vector<std::string> CodesInPrintFiles(const std::string& folder) {
  std::vector<std::string> out;
  if (!std::filesystem::exists(folder)) return out;
  for (const auto& f : std::filesystem::recursive_directory_iterator(folder)) {
    if (f.path().extension() != ".csv") continue;
    std::ifstream in(f.path());
    for (std::string line; std::getline(in, line);) {
      size_t at = line.find("?code=");
      if (at == std::string::npos) continue;
      std::string code = line.substr(at + 6);
      while (!code.empty() && (code.back() == '\r' || code.back() == '"')) code.pop_back();
      out.push_back(code);
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> VotingCodes(const std::map<std::string, std::string>& env, int extra) {
  std::map<std::string, std::string> cli_env = env;
  const std::string print_dir = env.at("WP_PRINT_DIR") + "-cli";
  cli_env["WP_PRINT_DIR"] = print_dir;
  std::string addresses = "adres\n";
  for (int i = 1; i <= extra; ++i) addresses += "Teststraat " + std::to_string(i) + ", Haarlem\n";
  auto imported =
      RunProcess({BinaryPath(), "codes", "import", "--edition", kVotingEdition, "--file", "-"}, addresses, cli_env);
  if (imported.exit_code != 0) return {};
  auto generated =
      RunProcess({BinaryPath(), "codes", "generate", "--edition", kVotingEdition, "--no-letters"}, "", cli_env);
  if (generated.exit_code != 0) return {};
  return CodesInPrintFiles(print_dir + "/" + kVotingEdition);
}

bool CastVote(uint16_t port, const std::string& code) {
  HttpClient c("127.0.0.1", port);
  if (c.Get(std::string(kVotingPage) + "?code=" + code).status != 303) return false;
  std::string csrf = InputValue(c.Get(kVotingPage).body, "_csrf");
  auto choose = c.PostForm(kVotingPage, {{"_csrf", csrf}, {"code", code}});
  std::smatch m;
  if (choose.status != 200 || !std::regex_search(choose.body, m, std::regex("name=\"plan-([0-9]+)\""))) {
    return false;
  }
  auto sent = c.PostForm(std::string(kVotingPage) + "/versturen", {{"_csrf", csrf}, {"code", code}, {"plan", m[1]}});
  return sent.status == 303;
}

bool HasVoted(uint16_t port, const std::string& code) {
  HttpClient c("127.0.0.1", port);
  std::string csrf = InputValue(c.Get(kVotingPage).body, "_csrf");
  auto back = c.PostForm(kVotingPage, {{"_csrf", csrf}, {"code", code}});
  return back.status == 200 && back.body.find("U heeft al gestemd") != std::string::npos;
}

namespace {

int64_t CountOne(const std::string& url, const std::string& sql, int params) {
  auto db = db::Open(url);
  if (!db.has_value()) return -1;
  db::Params values(params, db::Text(kVotingEdition));
  auto n = (*db)->Read([&](db::Connection& c) { return c.QueryOne(sql, values); });
  return n.has_value() ? n->Int(0) : -1;
}

}  // namespace

int64_t BallotCount(const std::string& url) {
  return CountOne(url,
                  "SELECT (SELECT COUNT(*) FROM voting_waiting w JOIN budget_editions e ON e.id = w.edition_id "
                  "WHERE e.slug = ?) + (SELECT COUNT(*) FROM voting_ballots b JOIN budget_editions e "
                  "ON e.id = b.edition_id WHERE e.slug = ?)",
                  2);
}

int64_t UsedCodeCount(const std::string& url) {
  return CountOne(url,
                  "SELECT COUNT(*) FROM codes_codes c JOIN budget_editions e ON e.id = c.edition_id "
                  "WHERE e.slug = ? AND c.state = 'used_online'",
                  1);
}

}  // namespace wp::testing
