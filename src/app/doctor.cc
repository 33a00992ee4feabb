#include "app/doctor.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "app/client_address.h"
#include "features/codes/voting_key.h"

namespace wp::app {

namespace {

namespace fs = std::filesystem;

// The folder of an SQLite database file; empty for PostgreSQL or memory.
fs::path SqliteFolder(const std::string& url) {
  std::string path = url;
  if (path.rfind("postgres", 0) == 0) return {};
  if (path.rfind("sqlite:", 0) == 0) path = path.substr(7);
  if (path.empty() || path == ":memory:") return {};
  return fs::absolute(fs::path(path)).lexically_normal().parent_path();
}

// True when `inner` is `outer` or lies below it.
bool Within(const fs::path& inner, const fs::path& outer) {
  auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

bool Loopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address == "::1" || address == "localhost";
}

// The host of a URL ("https://host:port/path" -> "host").
std::string HostOf(const std::string& url) {
  std::string rest = url.substr(url.find("://") == std::string::npos ? 0 : url.find("://") + 3);
  if (!rest.empty() && rest[0] == '[') return rest.substr(1, rest.find(']') - 1);
  return rest.substr(0, rest.find_first_of(":/"));
}

// metrics_public: /metrics answers only the clients in metrics_addresses,
// compared with the client address after trusted_proxies. A server that
// listens on a loopback address while its site has a public name sits behind
// a reverse proxy on this machine: every request through that proxy comes
// from 127.0.0.1 or ::1. When such an address may read /metrics and is not a
// trusted proxy (whose forwarded client would count instead), every visitor
// can read /metrics.
std::optional<DoctorFinding> MetricsPublic(const Config& config) {
  if (!Loopback(config.listen_address) || Loopback(HostOf(config.base_url))) return std::nullopt;
  const auto trusted = ParseAddressList(config.trusted_proxies);
  std::string exposed;
  for (const auto& a : ParseAddressList(config.metrics_addresses)) {
    if (!Loopback(a) || std::find(trusted.begin(), trusted.end(), a) != trusted.end()) continue;
    exposed += (exposed.empty() ? "" : ", ") + a;
  }
  if (exposed.empty()) return std::nullopt;
  return DoctorFinding{"metrics_public",
                       "The server listens on " + config.listen_address + " behind a reverse proxy on this machine, " +
                           "and metrics_addresses lists " + exposed +
                           ", which is not in trusted_proxies: every visitor's request arrives from the proxy at that "
                           "address, so /metrics (turnout and traffic counts) answers everyone.",
                       "Add " + exposed +
                           " to trusted_proxies (then the forwarded visitor counts, not the proxy), or remove it "
                           "from metrics_addresses and list only your monitoring host."};
}

}  // namespace

std::vector<DoctorFinding> Diagnose(const Config& config) {
  std::vector<DoctorFinding> out;
  const std::string& key = config.voting_key_file;
  if (std::string problem = codes::VotingKeyPermissionProblem(key); !problem.empty()) {
    out.push_back({"voting_key_readable", problem + ". The server refuses to start like this.",
                   "chmod 600 " + key + " (and make it owned by the user the server runs as)."});
  }
  const fs::path db_folder = SqliteFolder(config.database_url);
  const fs::path key_folder = fs::absolute(fs::path(key)).lexically_normal().parent_path();
  if (!db_folder.empty() && Within(key_folder, db_folder)) {
    out.push_back({"voting_key_next_to_database",
                   "The voting key file " + key + " lies in the database's folder " + db_folder.string() +
                       ": one copy of that folder holds both the ballots and the key that links codes to them.",
                   "Move the key to a folder of its own (for example /etc/wijkplatform/voting.key, mode 600), set "
                   "voting_key_file to it, and back it up apart from the database."});
  }
  std::error_code ec;
  int print_files = 0;
  if (fs::is_directory(config.print_dir, ec)) {
    for (auto it = fs::recursive_directory_iterator(config.print_dir, ec); !ec && it != fs::end(it); it.increment(ec)) {
      if (it->is_regular_file(ec)) ++print_files;
    }
  }
  if (print_files > 0) {
    out.push_back({"print_files_left",
                   std::to_string(print_files) + " print file(s) with voting codes and addresses are left in " +
                       config.print_dir + ": whoever reads them can vote with the codes.",
                   "Delete them once the letters are printed: rm -r " + config.print_dir + "/*"});
  }
  if (config.smtp_url.rfind("smtp://", 0) == 0 && !config.smtp_require_tls) {
    out.push_back({"smtp_without_tls",
                   "E-mail goes to " + config.smtp_url + " without required TLS: links in it can be read on the way.",
                   "Use smtps://HOST:465 in smtp_url, or set smtp_require_tls = true."});
  }
  if (auto metrics = MetricsPublic(config)) out.push_back(*metrics);
  if (config.base_url.rfind("https://", 0) != 0 && config.base_url.find("://127.") == std::string::npos &&
      config.base_url.find("://localhost") == std::string::npos) {
    out.push_back({"base_url_not_https",
                   "base_url " + config.base_url +
                       " is not https: voting codes and session cookies travel unencrypted and cookies are not Secure.",
                   "Serve the site over HTTPS (a reverse proxy with a certificate) and set base_url = https://..."});
  }
  return out;
}

}  // namespace wp::app
