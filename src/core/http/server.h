// Server: an HTTP/1.1 server on Boost.Beast/Asio with keep-alive, limits,
// timeouts and graceful shutdown. It calls one Handler per request on a pool
// of threads (the io_context runs on `threads` threads; a handler that blocks
// holds up only its own connection); the handler must be thread-safe.
// Requests on one connection are handled one at a time, in order, so
// pipelined requests are answered in order. The server adds Date,
// Content-Length, X-Request-Id and, when closing, Connection: close; it
// answers 400 (malformed, or a Transfer-Encoding other than exactly
// "chunked"), 413 (body too large), 431 (headers too large) and 503 (too many
// connections, in total or from one client address) itself without calling
// the handler, and closes connections whose request does not arrive within
// read_timeout. An idle keep-alive connection holds no read buffer.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/http/message.h"
#include "core/http/router.h"
#include "core/result.h"

namespace wp::http {

struct ServerOptions {
  std::string address = "127.0.0.1";    // listen address
  uint16_t port = 8080;                 // 0 picks a free port (tests)
  int threads = 0;                      // worker threads; 0 = hardware concurrency
  size_t max_header_bytes = 16 * 1024;  // larger request line + headers -> 431
  // Larger body -> 413 (never read into memory). The default for every
  // request; body_limit may raise it for some (uploads).
  size_t max_body_bytes = 64 * 1024;
  // Called once a request's head has arrived (method, target, path, query,
  // headers and remote_addr are filled, the body is not): the body limit for
  // this request. Unset: max_body_bytes for all. Must be thread-safe.
  std::function<size_t(const Request& head)> body_limit;
  // Open connections: at most max_connections in total and at most
  // max_connections_per_client from one peer address (0 = no limit), except
  // from the addresses in unlimited_clients (trusted reverse proxies, which
  // carry many clients). A connection over a cap is answered 503 and closed.
  size_t max_connections = 1024;
  size_t max_connections_per_client = 32;
  std::vector<std::string> unlimited_clients;
  // Timeouts are milliseconds so tests can use short ones; assigning
  // std::chrono::seconds works as before.
  std::chrono::milliseconds read_timeout{15000};        // whole request must arrive within this, else close
  std::chrono::milliseconds keep_alive_timeout{30000};  // idle keep-alive connection is closed after this
  std::chrono::milliseconds write_timeout{30000};       // the response must be taken within this, else close
  std::chrono::milliseconds shutdown_grace{20000};      // in-flight requests get this long on Stop()
  // Called once per finished request (access log, metrics), after the response
  // was written; also for the server's own 400/413/431 replies (then the
  // request holds what was parsed). For HEAD the response body is empty.
  // Must be thread-safe.
  std::function<void(const Request&, const Response&, std::chrono::microseconds)> on_complete;
};

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Error (kUnavailable) when the address is taken or invalid.
  Result<void> Listen();
  // The bound port (after Listen).
  uint16_t port() const;
  // Serves until Stop(); blocks the calling thread. Calls Listen() first if
  // needed and returns at once if that fails.
  void Run();
  // Starts serving on background threads and returns. Calls Listen() first if
  // needed (and does nothing if that fails). A server is started once.
  void Start();
  // Graceful shutdown: stop accepting, let in-flight requests finish (up to
  // shutdown_grace; their responses carry Connection: close), close idle
  // connections, then return. Connections still open after the grace period
  // are closed; a handler still running then is waited for. Safe from any
  // thread and from a signal-watching thread, and idempotent.
  // REQUIRES: not called from inside a handler.
  void Stop();
  // Number of open connections (for metrics and tests). Thread-safe.
  size_t ConnectionCount() const;
  // Bytes the connections hold in read buffers, requests and responses
  // (for metrics and tests; idle keep-alive connections hold none). Thread-safe.
  size_t BufferedBytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wp::http
