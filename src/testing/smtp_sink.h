// SmtpSink: a real SMTP server for tests (Python's aiosmtpd, Debian package
// python3-aiosmtpd) that stores every message in a Maildir. Each sink is its
// own server on a free port, stopped on destruction, so tests running at the
// same time (e.g. a feature's SQLite and PostgreSQL runs) never see each
// other's mail.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

#include "testing/temp_dir.h"

namespace wp::testing {

class SmtpSink {
 public:
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  // "smtp://127.0.0.1:PORT".
  std::string url() const;
  // Raw messages (headers and body) received so far whose To: header
  // contains `recipient`, oldest first.
  std::vector<std::string> MessagesTo(const std::string& recipient) const;
  // Every message received so far, oldest first.
  std::vector<std::string> AllMessages() const { return MessagesTo(""); }
  // Waits until at least `count` messages to `recipient` (empty: anyone)
  // have arrived or `timeout` has passed, and returns those received. Tests
  // that expect mail use this rather than counting what one delivery call
  // sent: the app's background deliverer may have sent it first.
  std::vector<std::string> WaitForMessagesTo(const std::string& recipient, size_t count,
                                             std::chrono::milliseconds timeout = std::chrono::seconds(20)) const;

 private:
  TempDir dir_;
  std::string maildir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace wp::testing
