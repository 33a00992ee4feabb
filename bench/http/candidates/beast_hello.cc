// "Hello, World!" on wp::http::Server (Boost.Beast), for the HTTP layer
// comparison in docs/decisions/0001-http-layer.md. Listens on 127.0.0.1,
// prints the port, serves until SIGINT/SIGTERM.
//   wp_bench_http_beast_hello [--port N] [--threads N]
// GET/POST /login imitate a login form with a session cookie and a `_csrf`
// field, to check wp_bench_http_load --csrf-page against something known.

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/http/form.h"
#include "core/http/router.h"
#include "core/http/server.h"
#include "core/random.h"

int main(int argc, char** argv) {
  wp::http::ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--port") == 0) options.port = static_cast<uint16_t>(std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--threads") == 0) options.threads = std::atoi(argv[i + 1]);
  }
  // Signals are taken by sigwait below, not by whichever thread they hit.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  wp::http::Router router;
  router.Get("/", [](wp::http::Request&) { return wp::http::Response::Text("Hello, World!"); });
  wp::SecureRandom random;
  router.Get("/login", [&random](wp::http::Request&) {
    std::string sid = random.Hex(16);
    wp::http::Response r = wp::http::Response::Html(
        "<form method=post action=/login><input type=\"hidden\" name=\"_csrf\" value=\"tok-" + sid +
        "\"><input name=user></form>");
    r.headers.Add("Set-Cookie", wp::http::SetCookieValue("sid", sid, {}));
    return r;
  });
  router.Post("/login", [](wp::http::Request& req) {
    auto form = wp::http::ParseForm(req);
    std::optional<std::string> sid = req.Cookie("sid");
    if (!form.has_value() || !sid || form->Get("_csrf") != "tok-" + *sid) {
      return wp::http::Response::Text("forbidden", 403);
    }
    return wp::http::Response::Redirect("/");
  });
  wp::http::Server server(options, [&router](wp::http::Request& r) { return router.Handle(r); });
  if (auto listened = server.Listen(); !listened.has_value()) {
    std::fprintf(stderr, "%s\n", listened.error().detail.c_str());
    return 1;
  }
  server.Start();
  std::printf("listening on 127.0.0.1:%u\n", server.port());
  std::fflush(stdout);
  int sig = 0;
  sigwait(&signals, &sig);
  server.Stop();
  return 0;
}
