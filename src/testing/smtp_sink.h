// SmtpSink: a real SMTP server for tests (Python's aiosmtpd, Debian package
// python3-aiosmtpd) that stores every message in a Maildir. Each sink is its
// own server on a free port, stopped on destruction, so tests running at the
// same time (e.g. a feature's SQLite and PostgreSQL runs) never see each
// other's mail.
#pragma once

#include <string>
#include <sys/types.h>
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

 private:
  TempDir dir_;
  std::string maildir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace wp::testing
