// "Hello, World!" on cpp-httplib (Debian libcpp-httplib-dev), for the HTTP
// layer comparison in docs/decisions/0001-http-layer.md. Listens on
// 127.0.0.1, prints the port, serves until SIGINT/SIGTERM.
//   wp_bench_http_httplib_hello [--port N] [--threads N] [--keep-alive-max N] [--tcp-nodelay 1]
// cpp-httplib's defaults are 8 threads (one per connection), 5 requests per
// keep-alive connection and Nagle's algorithm on; the flags change them.

#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

int main(int argc, char** argv) {
  int port = 0;
  int threads = 0;
  int keep_alive_max = 0;
  bool tcp_nodelay = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--port") == 0) port = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--threads") == 0) threads = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--keep-alive-max") == 0) keep_alive_max = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--tcp-nodelay") == 0) tcp_nodelay = std::atoi(argv[i + 1]) != 0;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  httplib::Server server;
  if (threads > 0) {
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  }
  if (keep_alive_max > 0) server.set_keep_alive_max_count(static_cast<size_t>(keep_alive_max));
  server.set_tcp_nodelay(tcp_nodelay);
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("Hello, World!", "text/plain; charset=utf-8");
  });
  int bound = port > 0 ? (server.bind_to_port("127.0.0.1", port) ? port : -1) : server.bind_to_any_port("127.0.0.1");
  if (bound <= 0) {
    std::fprintf(stderr, "cannot bind\n");
    return 1;
  }
  std::printf("listening on 127.0.0.1:%d\n", bound);
  std::fflush(stdout);
  std::thread serving([&server] { server.listen_after_bind(); });
  int sig = 0;
  sigwait(&signals, &sig);
  server.stop();
  serving.join();
  return 0;
}
