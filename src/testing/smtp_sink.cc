#include "testing/smtp_sink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace wp::testing {

namespace {

int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

bool CanConnect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

SmtpSink::SmtpSink() {
  maildir_ = dir_.File("maildir");
  port_ = FreePort();
  std::string listen = "127.0.0.1:" + std::to_string(port_);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
            "aiosmtpd.handlers.Mailbox", maildir_.c_str(), static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  for (int i = 0; i < 200; ++i) {
    if (CanConnect(port_)) return;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("SmtpSink: python3 -m aiosmtpd exited (install python3-aiosmtpd: tools/setup.sh)");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("SmtpSink: aiosmtpd did not start listening within 10 s");
}

SmtpSink::~SmtpSink() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

std::string SmtpSink::url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

std::vector<std::string> SmtpSink::WaitForMessagesTo(const std::string& recipient, size_t count,
                                                     std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto found = MessagesTo(recipient);
    if (found.size() >= count || std::chrono::steady_clock::now() >= deadline) return found;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::vector<std::string> SmtpSink::MessagesTo(const std::string& recipient) const {
  std::vector<std::pair<std::filesystem::file_time_type, std::string>> found;
  std::error_code ec;
  for (const char* sub : {"new", "cur"}) {
    std::filesystem::path p = std::filesystem::path(maildir_) / sub;
    if (!std::filesystem::exists(p, ec)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(p, ec)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string msg = ss.str();
      std::string hay = "\n" + msg;
      size_t to = hay.find("\nTo: ");
      if (to == std::string::npos) continue;
      size_t eol = hay.find('\n', to + 1);
      if (hay.substr(to, eol - to).find(recipient) == std::string::npos) continue;
      found.emplace_back(entry.last_write_time(ec), msg);
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

}  // namespace wp::testing
