// AccessLog: one JSON line per request (time, request_id, method, path,
// status, bytes, duration_us, remote_addr). Neither the query string nor the
// values in the path are logged, since they may hold secrets (voting codes,
// password-reset, cancel, unsubscribe and follow tokens): "path" is the matched
// route pattern. Thread-safe.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <ostream>
#include <string>

#include "core/clock.h"
#include "core/http/message.h"

namespace wp::http {

// The log line for one request, without the trailing newline, e.g.
// {"time":"2026-01-01T12:00:00.123Z","request_id":"8f..","method":"GET",
//  "path":"/wachtwoord/herstel/{token}","status":200,"bytes":512,
//  "duration_us":830,"remote_addr":"127.0.0.1"}
// "path" is request.route when a route matched; otherwise (404, 405, a request
// the server refused) only the first segment of the path, e.g. "/wp-admin/{...}".
// `bytes` is the response body size, left out for a private response
// (Cache-Control: no-store; the voting flow, issue #11 item 5). Invalid
// UTF-8 in the path is replaced.
std::string FormatAccessLogLine(const Request& request, const Response& response,
                                std::chrono::microseconds duration, TimePoint now);

class AccessLog {
 public:
  // Writes to `out` / `file`, which must outlive the log. Time comes from `clock`.
  AccessLog(std::ostream& out, const Clock& clock);
  AccessLog(std::FILE* file, const Clock& clock);
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Writes one line and flushes. Fits ServerOptions::on_complete.
  void Write(const Request& request, const Response& response, std::chrono::microseconds duration);

 private:
  std::ostream* out_ = nullptr;
  std::FILE* file_ = nullptr;
  const Clock& clock_;
  std::mutex mu_;
};

}  // namespace wp::http
