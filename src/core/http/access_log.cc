#include "core/http/access_log.h"

#include <ctime>
#include <nlohmann/json.hpp>

namespace wp::http {

namespace {

// ISO 8601 UTC with milliseconds.
std::string FormatTime(TimePoint t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  if (ms % 1000 < 0) --seconds;
  int millis = static_cast<int>(((ms % 1000) + 1000) % 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  return buf;
}

// The matched pattern, never the values in the path. A route pattern starts
// with '/' (the dispatcher marks a 405 with a label that does not).
std::string LoggedPath(const Request& request) {
  if (!request.route.empty() && request.route[0] == '/') return request.route;
  size_t second = request.path.find('/', 1);
  if (second == std::string::npos) return request.path;
  return request.path.substr(0, second) + "/{...}";
}

}  // namespace

std::string FormatAccessLogLine(const Request& request, const Response& response,
                                std::chrono::microseconds duration, TimePoint now) {
  nlohmann::ordered_json line;
  line["time"] = FormatTime(now);
  line["request_id"] = request.request_id;
  line["method"] = std::string(MethodName(request.method));
  line["path"] = LoggedPath(request);
  line["status"] = response.status;
  // A private response (Cache-Control: no-store, as the voting flow sends)
  // has no size in the log: its size could tell what a person chose.
  if (response.headers.Get("Cache-Control").find("no-store") == std::string_view::npos) {
    line["bytes"] = response.body.size();
  }
  line["duration_us"] = duration.count();
  line["remote_addr"] = request.remote_addr;
  return line.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

AccessLog::AccessLog(std::ostream& out, const Clock& clock) : out_(&out), clock_(clock) {}

AccessLog::AccessLog(std::FILE* file, const Clock& clock) : file_(file), clock_(clock) {}

void AccessLog::Write(const Request& request, const Response& response, std::chrono::microseconds duration) {
  std::string line = FormatAccessLogLine(request, response, duration, clock_.Now());
  line.push_back('\n');
  std::lock_guard lock(mu_);
  if (out_ != nullptr) {
    out_->write(line.data(), static_cast<std::streamsize>(line.size()));
    out_->flush();
  } else if (file_ != nullptr) {
    std::fwrite(line.data(), 1, line.size(), file_);
    std::fflush(file_);
  }
}

}  // namespace wp::http
