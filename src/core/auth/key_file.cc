#include "core/auth/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/strings.h"

namespace wp::auth {

namespace {

Result<void> CreateKeyFile(const std::string& path, Random& random) {
  std::error_code ec;
  std::filesystem::path p(path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
  std::string hex = random.Hex(32) + "\n";
  std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + random.Hex(4);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return Unavailable("cannot create the key file " + path + ": " + std::strerror(errno));
  ssize_t written = ::write(fd, hex.data(), hex.size());
  bool ok = written == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
  ::close(fd);
  int linked = ok ? ::link(tmp.c_str(), path.c_str()) : -1;
  int link_errno = errno;
  ::unlink(tmp.c_str());
  if (!ok) return Unavailable("cannot write the key file " + path);
  if (linked != 0 && link_errno != EEXIST) {
    return Unavailable("cannot create the key file " + path + ": " + std::strerror(link_errno));
  }
  return Ok();
}

}  // namespace

Result<std::string> LoadOrCreateKeyFile(const std::string& path, Random& random) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) WP_TRY_VOID(CreateKeyFile(path, random));
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Unavailable("cannot read the key file " + path);
  if ((st.st_mode & 077) != 0) {
    return InvalidInput("the key file " + path + " may be read by others: chmod 600 " + path);
  }
  std::ifstream in(path);
  if (!in) return Unavailable("cannot read the key file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string content = ss.str();
  std::string_view text = Trim(content);
  bool hex = text.size() == 64;
  for (char c : text) hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
  if (!hex) return InvalidInput("the key file " + path + " must hold 64 hex characters");
  return std::string(text);
}

}  // namespace wp::auth
