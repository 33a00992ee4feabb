#include "testing/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "core/http/form.h"
#include "core/strings.h"

namespace wp::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct HttpClient::Impl {
  asio::io_context ioc;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;

  // Runs one asynchronous operation to completion on this thread.
  template <typename Start>
  beast::error_code Run(Start start) {
    beast::error_code result = asio::error::would_block;
    ioc.restart();
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    ioc.run();
    return result;
  }

  beast::error_code Connect(const std::string& host, uint16_t port, std::chrono::milliseconds timeout) {
    beast::error_code ec;
    auto address = asio::ip::make_address(host == "localhost" ? "127.0.0.1" : host, ec);
    if (ec) return ec;
    stream.emplace(ioc);
    buffer.clear();
    stream->expires_after(timeout);
    return Run([&](auto handler) { stream->async_connect(tcp::endpoint(address, port), handler); });
  }

  void Close() {
    if (!stream) return;
    beast::error_code ec;
    stream->socket().shutdown(tcp::socket::shutdown_both, ec);
    stream->socket().close(ec);
    stream.reset();
  }
};

HttpClient::HttpClient(std::string host, uint16_t port)
    : host_(std::move(host)), port_(port), impl_(std::make_unique<Impl>()) {}

HttpClient::~HttpClient() { Close(); }

void HttpClient::Close() { impl_->Close(); }

HttpResponse HttpClient::Get(std::string_view path, const HeaderList& headers) {
  return Send("GET", path, {}, headers);
}

HttpResponse HttpClient::Head(std::string_view path, const HeaderList& headers) {
  return Send("HEAD", path, {}, headers);
}

HttpResponse HttpClient::Post(std::string_view path, std::string body, std::string_view content_type,
                              const HeaderList& headers) {
  HeaderList all = {{"Content-Type", std::string(content_type)}};
  all.insert(all.end(), headers.begin(), headers.end());
  return Send("POST", path, std::move(body), all);
}

HttpResponse HttpClient::PostForm(std::string_view path,
                                  const std::vector<std::pair<std::string, std::string>>& fields,
                                  const HeaderList& headers) {
  return Post(path, http::EncodeUrlEncoded(fields), "application/x-www-form-urlencoded", headers);
}

HttpResponse HttpClient::PostMultipart(std::string_view path,
                                       const std::vector<std::pair<std::string, std::string>>& fields,
                                       const std::vector<MultipartFile>& files, const HeaderList& headers) {
  const std::string boundary = "wp-test-boundary-5f1c2a9e";
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
  for (const auto& f : files) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field + "\"; filename=\"" +
            f.filename + "\"\r\nContent-Type: " + f.content_type + "\r\n\r\n" + f.data + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return Post(path, std::move(body), "multipart/form-data; boundary=" + boundary, headers);
}

HttpResponse HttpClient::Send(std::string_view method, std::string_view path, std::string body,
                              const HeaderList& headers) {
  bool retry = false;
  HttpResponse response = SendOnce(method, path, body, headers, retry);
  // A kept-alive connection the server had closed in the meantime: once more
  // on a fresh connection.
  if (retry) response = SendOnce(method, path, body, headers, retry);
  return response;
}

HttpResponse HttpClient::SendOnce(std::string_view method, std::string_view path, const std::string& body,
                                  const HeaderList& headers, bool& retry_on_fresh_connection) {
  HttpResponse out;
  bool reused = impl_->stream.has_value();
  retry_on_fresh_connection = false;
  if (!reused) {
    if (beast::error_code ec = impl_->Connect(host_, port_, timeout_)) {
      impl_->Close();
      out.error = "connect: " + ec.message();
      return out;
    }
    ++connections_opened_;
  }

  bhttp::request<bhttp::string_body> req;
  req.method_string(method);
  req.target(path);
  req.version(11);
  req.set(bhttp::field::host, host_ + ":" + std::to_string(port_));
  if (!cookies_.empty()) {
    std::string cookie;
    for (const auto& [name, value] : cookies_) {
      if (!cookie.empty()) cookie += "; ";
      cookie += name + "=" + value;
    }
    req.set(bhttp::field::cookie, cookie);
  }
  for (const auto& [name, value] : headers) req.set(name, value);
  req.body() = body;
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") req.prepare_payload();

  impl_->stream->expires_after(timeout_);
  beast::error_code ec = impl_->Run([&](auto handler) { bhttp::async_write(*impl_->stream, req, handler); });
  if (ec) {
    impl_->Close();
    retry_on_fresh_connection = reused;
    out.error = "write: " + ec.message();
    return out;
  }

  // Interim 1xx responses (100 Continue) are skipped.
  std::optional<bhttp::response_parser<bhttp::string_body>> parser;
  for (;;) {
    parser.emplace();
    parser->body_limit(256 << 20);
    parser->header_limit(1 << 20);
    if (method == "HEAD") parser->skip(true);
    impl_->stream->expires_after(timeout_);
    ec = impl_->Run([&](auto handler) { bhttp::async_read(*impl_->stream, impl_->buffer, *parser, handler); });
    if (ec) {
      bool nothing_read = !parser->got_some();
      impl_->Close();
      retry_on_fresh_connection = reused && nothing_read &&
                                  (ec == bhttp::error::end_of_stream || ec == asio::error::connection_reset ||
                                   ec == asio::error::eof);
      out.error = "read: " + ec.message();
      return out;
    }
    if (parser->get().result_int() >= 200) break;
  }
  auto msg = parser->release();
  out.status = static_cast<int>(msg.result_int());
  for (const auto& field : msg) out.headers.Add(std::string(field.name_string()), std::string(field.value()));
  out.body = std::move(msg.body());
  StoreCookies(out.headers);
  if (!msg.keep_alive()) impl_->Close();
  return out;
}

void HttpClient::StoreCookies(const http::Headers& headers) {
  for (const auto& [name, value] : headers.All()) {
    if (!EqualsIgnoreCase(name, "Set-Cookie")) continue;
    std::vector<std::string_view> parts = Split(value, ';');
    std::string_view pair = Trim(parts[0]);
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    std::string cookie_name(Trim(pair.substr(0, eq)));
    std::string cookie_value(Trim(pair.substr(eq + 1)));
    bool expired = false;
    for (size_t i = 1; i < parts.size(); ++i) {
      std::string attr = ToLower(Trim(parts[i]));
      if (attr.starts_with("max-age=") && std::strtoll(attr.c_str() + 8, nullptr, 10) <= 0) expired = true;
    }
    if (expired) {
      cookies_.erase(cookie_name);
    } else {
      cookies_[cookie_name] = cookie_value;
    }
  }
}

std::optional<std::string> HttpClient::Cookie(std::string_view name) const {
  auto it = cookies_.find(name);
  if (it == cookies_.end()) return std::nullopt;
  return it->second;
}

std::string HttpClient::SendRaw(std::string_view bytes, std::chrono::milliseconds timeout) {
  Impl raw;
  if (raw.Connect(host_ == "localhost" ? "127.0.0.1" : host_, port_, timeout)) return {};
  auto deadline = std::chrono::steady_clock::now() + timeout;
  raw.stream->expires_at(deadline);
  beast::error_code ec =
      raw.Run([&](auto handler) { asio::async_write(*raw.stream, asio::buffer(bytes.data(), bytes.size()), handler); });
  std::string received;
  // Even when the write failed (the server may have closed early), read what
  // the server sent before closing.
  char chunk[8192];
  for (;;) {
    size_t n = 0;
    raw.stream->expires_at(deadline);
    ec = raw.Run([&](auto handler) {
      raw.stream->async_read_some(asio::buffer(chunk), [&n, handler](beast::error_code e, size_t got) mutable {
        n = got;
        handler(e);
      });
    });
    received.append(chunk, n);
    if (ec) break;
  }
  raw.Close();
  return received;
}

}  // namespace wp::testing
