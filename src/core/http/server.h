// Server: an HTTP/1.1 server on Boost.Beast/Asio with keep-alive, limits,
// timeouts and graceful shutdown. It calls one Handler per request on a pool
// of threads; the handler must be thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/http/message.h"
#include "core/http/router.h"
#include "core/result.h"

namespace wp::http {

struct ServerOptions {
  std::string address = "127.0.0.1";  // listen address
  uint16_t port = 8080;               // 0 picks a free port (tests)
  int threads = 0;                    // worker threads; 0 = hardware concurrency
  size_t max_header_bytes = 16 * 1024;            // larger header -> 431
  size_t max_body_bytes = 10 * 1024 * 1024;       // larger body -> 413
  std::chrono::seconds read_timeout{15};          // whole request must arrive within this
  std::chrono::seconds keep_alive_timeout{30};    // idle keep-alive connection is closed after this
  std::chrono::seconds shutdown_grace{20};        // in-flight requests get this long on Stop()
  // Called once per finished request (access log, metrics). Must be thread-safe.
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
  // Serves until Stop(); blocks the calling thread.
  void Run();
  // Starts serving on background threads and returns.
  void Start();
  // Graceful shutdown: stop accepting, let in-flight requests finish (up to
  // shutdown_grace), close idle connections, then return. Safe from any thread
  // and from a signal-watching thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wp::http
