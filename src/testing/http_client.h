// HttpClient: a small blocking HTTP/1.1 client for tests, on Boost.Beast.
// It keeps one keep-alive connection (reopened when the server closed it)
// and a cookie jar that stores Set-Cookie values and sends them back.
// Not thread-safe: use one client per thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/http/message.h"

namespace wp::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;  // 0: no response; `error` says why
  http::Headers headers;
  std::string body;
  std::string error;

  std::string_view Header(std::string_view name) const { return headers.Get(name); }
};

struct MultipartFile {
  std::string field;
  std::string filename;
  std::string content_type = "application/octet-stream";
  std::string data;
};

class HttpClient {
 public:
  // `host` is an IP address or "localhost".
  HttpClient(std::string host, uint16_t port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse Get(std::string_view path, const HeaderList& headers = {});
  HttpResponse Head(std::string_view path, const HeaderList& headers = {});
  HttpResponse Post(std::string_view path, std::string body, std::string_view content_type,
                    const HeaderList& headers = {});
  // Sends `fields` as application/x-www-form-urlencoded.
  HttpResponse PostForm(std::string_view path, const std::vector<std::pair<std::string, std::string>>& fields,
                        const HeaderList& headers = {});
  // Sends `fields` and `files` as multipart/form-data.
  HttpResponse PostMultipart(std::string_view path, const std::vector<std::pair<std::string, std::string>>& fields,
                             const std::vector<MultipartFile>& files, const HeaderList& headers = {});
  // Any method; `headers` may override Host, Content-Type, Cookie, Connection.
  HttpResponse Send(std::string_view method, std::string_view path, std::string body, const HeaderList& headers);

  // Opens a fresh connection, writes `bytes` as they are and returns whatever
  // came back until the server closed the connection or `timeout` passed.
  std::string SendRaw(std::string_view bytes, std::chrono::milliseconds timeout = std::chrono::seconds(2));

  // Cookie jar.
  std::optional<std::string> Cookie(std::string_view name) const;
  void SetCookie(std::string name, std::string value) { cookies_[std::move(name)] = std::move(value); }
  void ClearCookies() { cookies_.clear(); }

  // Per-operation timeout (connect, write, read). Default 10 s.
  void set_timeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }
  // Connections opened so far (keep-alive reuse shows as 1).
  int connections_opened() const { return connections_opened_; }
  // Closes the kept-alive connection.
  void Close();

 private:
  struct Impl;
  HttpResponse SendOnce(std::string_view method, std::string_view path, const std::string& body,
                        const HeaderList& headers, bool& retry_on_fresh_connection);
  void StoreCookies(const http::Headers& headers);

  std::string host_;
  uint16_t port_;
  std::chrono::milliseconds timeout_{10000};
  std::map<std::string, std::string, std::less<>> cookies_;
  int connections_opened_ = 0;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wp::testing
