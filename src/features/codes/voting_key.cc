#include "features/codes/voting_key.h"

#include <sys/stat.h>

#include "core/auth/key_file.h"
#include "core/strings.h"

namespace wp::codes {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string VotingKeyPermissionProblem(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) == 0) return "";
  return "the voting key file " + path + " may be read or written by other users (mode " +
         std::to_string((st.st_mode >> 6) & 7) + std::to_string((st.st_mode >> 3) & 7) +
         std::to_string(st.st_mode & 7) + "); run: chmod 600 " + path;
}

Result<std::string> LoadOrCreateVotingKey(const std::string& path, Random& random) {
  // Refused with the voting key's own message (wijkplatform doctor shows it too).
  if (std::string problem = VotingKeyPermissionProblem(path); !problem.empty()) return InvalidInput(problem);
  WP_ASSIGN_OR_RETURN(const std::string hex, auth::LoadOrCreateKeyFile(path, random));
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(HexValue(hex[i]) * 16 + HexValue(hex[i + 1])));
  }
  return bytes;
}

}  // namespace wp::codes
