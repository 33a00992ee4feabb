#include "features/codes/voting_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

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
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    std::filesystem::path p(path);
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
    // Written under a temporary name and linked into place, so a concurrent
    // reader never sees a half-written key and two creators cannot both win.
    std::string hex = random.Hex(32) + "\n";
    std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + random.Hex(4);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return Unavailable("cannot create the voting key file " + path + ": " + std::strerror(errno));
    ssize_t written = ::write(fd, hex.data(), hex.size());
    bool ok = written == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
    ::close(fd);
    int linked = ok ? ::link(tmp.c_str(), path.c_str()) : -1;
    int link_errno = errno;
    ::unlink(tmp.c_str());
    if (!ok) return Unavailable("cannot write the voting key file " + path);
    if (linked != 0 && link_errno != EEXIST) {
      return Unavailable("cannot create the voting key file " + path + ": " + std::strerror(link_errno));
    }
  }
  if (std::string problem = VotingKeyPermissionProblem(path); !problem.empty()) return InvalidInput(problem);
  std::ifstream in(path);
  if (!in) return Unavailable("cannot read the voting key file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string content = ss.str();
  std::string_view text = Trim(content);
  if (text.size() != 64) return InvalidInput("the voting key file " + path + " must hold 64 hex characters");
  std::string bytes;
  for (size_t i = 0; i < text.size(); i += 2) {
    int hi = HexValue(text[i]), lo = HexValue(text[i + 1]);
    if (hi < 0 || lo < 0) return InvalidInput("the voting key file " + path + " must hold 64 hex characters");
    bytes.push_back(static_cast<char>(hi * 16 + lo));
  }
  return bytes;
}

}  // namespace wp::codes
