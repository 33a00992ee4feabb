// wp_bench_http_load: a closed-loop HTTP/1.1 load generator for 127.0.0.1.
// N keep-alive connections each send a request, wait for the response and
// send the next, for a fixed duration or request count. Prints requests/s,
// latency percentiles and errors (or JSON with --json). Refuses any host but
// 127.0.0.1/localhost: it is a benchmark tool, not a way to load someone
// else's server.
//
// Login mode: --csrf-page /inloggen fetches that page first on each
// connection, keeps its cookies and fills the form field `_csrf` into the
// body (at "{csrf}", or appended as "&_csrf=..."); --csrf-each does so before
// every timed request (for endpoints that rotate the session);
// --fresh-session also forgets the cookies first, so every timed request
// comes from a new visitor (e.g. many different residents signing in).
// --idle-connections N adds N connections that send nothing (idle browsers,
// slow clients), to see whether they take capacity away.

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <functional>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "load_stats.h"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

using wp::bench::LatencyHistogram;
using wp::bench::ScrapeCsrf;
using wp::bench::UrlEncode;

namespace {

constexpr int kMaxConnections = 1024;
constexpr int kMaxThreads = 16;
constexpr double kMaxDurationSeconds = 600;
constexpr int64_t kMaxRequests = 100'000'000;

struct Options {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  std::string method = "GET";
  std::string path = "/";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  int connections = 16;
  int idle_connections = 0;  // extra connections that only connect and wait
  int threads = 1;
  double duration_seconds = 10;
  int64_t max_requests = 0;  // 0: only the duration bounds the run
  std::string csrf_page;
  bool csrf_each = false;
  bool fresh_session = false;  // forget cookies before each prefetch: every request is a new visitor
  bool json = false;
};

struct Stats {
  LatencyHistogram latency;
  uint64_t ok = 0;          // 2xx and 3xx
  uint64_t bad_status = 0;  // 4xx and 5xx
  uint64_t errors = 0;      // connect, write, read failures
  uint64_t reconnects = 0;
  uint64_t prefetches = 0;
  uint64_t idle_closed = 0;  // idle connections the server closed
  std::map<int, uint64_t> statuses;
};

struct Shared {
  const Options* options;
  tcp::endpoint endpoint;
  Clock::time_point deadline;
  std::atomic<int64_t> issued{0};
  std::atomic<bool> done{false};
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(asio::io_context& ioc, Shared& shared, Stats& stats)
      : shared_(shared), stats_(stats), stream_(ioc), retry_timer_(ioc) {}

  void Start() { Connect(); }

 private:
  const Options& options() const { return *shared_.options; }

  bool Finished() const { return shared_.done || Clock::now() >= shared_.deadline; }

  void Connect() {
    if (Finished()) return;
    beast::error_code ignored;
    stream_.socket().close(ignored);
    buffer_.clear();
    stream_.expires_after(std::chrono::seconds(5));
    stream_.async_connect(shared_.endpoint, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->Fail(/*reconnect_delay=*/true);
      beast::error_code ignore;
      self->stream_.socket().set_option(tcp::no_delay(true), ignore);
      self->need_prefetch_ = true;
      self->Next();
    });
  }

  void Fail(bool reconnect_delay) {
    ++stats_.errors;
    if (Finished()) return;
    ++stats_.reconnects;
    if (!reconnect_delay) return Connect();
    retry_timer_.expires_after(std::chrono::milliseconds(10));
    retry_timer_.async_wait([self = shared_from_this()](beast::error_code) { self->Connect(); });
  }

  void Next() {
    if (Finished()) return;
    if (!options().csrf_page.empty() && need_prefetch_) {
      need_prefetch_ = false;
      return Prefetch();
    }
    if (options().max_requests > 0 && shared_.issued.fetch_add(1) >= options().max_requests) {
      shared_.done = true;
      return;
    }
    SendMain();
  }

  void AddCookies(bhttp::request<bhttp::string_body>& req) const {
    std::string cookie;
    for (const auto& [name, value] : cookies_) {
      if (!cookie.empty()) cookie += "; ";
      cookie += name + "=" + value;
    }
    if (cookie.empty()) return;
    auto existing = req[bhttp::field::cookie];
    req.set(bhttp::field::cookie, existing.empty() ? cookie : std::string(existing) + "; " + cookie);
  }

  void StoreCookies(const bhttp::response<bhttp::string_body>& res) {
    for (const auto& field : res) {
      if (field.name() != bhttp::field::set_cookie) continue;
      std::string_view v = field.value();
      v = v.substr(0, v.find(';'));
      size_t eq = v.find('=');
      if (eq == std::string_view::npos) continue;
      cookies_[std::string(v.substr(0, eq))] = std::string(v.substr(eq + 1));
    }
  }

  void Prefetch() {
    req_ = {};
    req_.method(bhttp::verb::get);
    req_.target(options().csrf_page);
    req_.version(11);
    req_.set(bhttp::field::host, options().host);
    AddCookies(req_);
    Exchange(/*timed=*/false);
  }

  void SendMain() {
    req_ = {};
    req_.method_string(options().method);
    req_.target(options().path);
    req_.version(11);
    req_.set(bhttp::field::host, options().host);
    for (const auto& [name, value] : options().headers) req_.set(name, value);
    AddCookies(req_);
    std::string body = options().body;
    if (!options().csrf_page.empty()) {
      std::string token = UrlEncode(csrf_);
      size_t at = body.find("{csrf}");
      if (at != std::string::npos) {
        body.replace(at, 6, token);
      } else {
        body += (body.empty() ? "_csrf=" : "&_csrf=") + token;
      }
    }
    req_.body() = std::move(body);
    if (!req_.body().empty() || options().method == "POST") req_.prepare_payload();
    Exchange(/*timed=*/true);
  }

  void Exchange(bool timed) {
    started_ = Clock::now();
    stream_.expires_after(std::chrono::seconds(30));
    bhttp::async_write(stream_, req_, [self = shared_from_this(), timed](beast::error_code ec, size_t) {
      if (ec) return self->Fail(/*reconnect_delay=*/false);
      self->parser_.emplace();
      self->parser_->body_limit(64 << 20);
      if (self->options().method == "HEAD" && timed) self->parser_->skip(true);
      bhttp::async_read(self->stream_, self->buffer_, *self->parser_,
                        [self, timed](beast::error_code ec2, size_t) { self->OnResponse(ec2, timed); });
    });
  }

  void OnResponse(beast::error_code ec, bool timed) {
    if (ec) {
      // Deadline reached mid-request: not an error, just not counted.
      if (Finished()) return;
      return Fail(/*reconnect_delay=*/false);
    }
    auto res = parser_->release();
    StoreCookies(res);
    if (timed) {
      int64_t us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_).count();
      int status = static_cast<int>(res.result_int());
      ++stats_.statuses[status];
      if (status < 400) {
        ++stats_.ok;
        stats_.latency.Record(us);
      } else {
        ++stats_.bad_status;
      }
      if (options().csrf_each) need_prefetch_ = true;
      if (options().fresh_session) cookies_.clear();
    } else {
      ++stats_.prefetches;
      csrf_ = ScrapeCsrf(res.body());
      if (csrf_.empty()) ++stats_.errors;
    }
    if (!res.keep_alive()) {
      ++stats_.reconnects;
      return Connect();
    }
    Next();
  }

  Shared& shared_;
  Stats& stats_;
  beast::tcp_stream stream_;
  asio::steady_timer retry_timer_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> req_;
  std::optional<bhttp::response_parser<bhttp::string_body>> parser_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
  bool need_prefetch_ = true;
  Clock::time_point started_;
};

// A client that connects and sends nothing, like an idle browser keeping a
// connection open or a slow client; it reconnects when the server closes it.
class IdleConnection : public std::enable_shared_from_this<IdleConnection> {
 public:
  IdleConnection(asio::io_context& ioc, Shared& shared, Stats& stats)
      : shared_(shared), stats_(stats), socket_(ioc), timer_(ioc) {}

  void Start() {
    if (Clock::now() >= shared_.deadline) return;
    beast::error_code ignored;
    socket_.close(ignored);
    socket_.async_connect(shared_.endpoint, [self = shared_from_this()](beast::error_code ec) {
      if (ec) {
        self->timer_.expires_after(std::chrono::milliseconds(10));
        return self->timer_.async_wait([self](beast::error_code) { self->Start(); });
      }
      self->socket_.async_read_some(asio::buffer(self->byte_), [self](beast::error_code, size_t) {
        ++self->stats_.idle_closed;
        self->Start();
      });
    });
  }

 private:
  Shared& shared_;
  Stats& stats_;
  tcp::socket socket_;
  asio::steady_timer timer_;
  char byte_[1];
};

void Usage() {
  std::fprintf(stderr,
               "usage: wp_bench_http_load --port N [--host 127.0.0.1] [--path /] [--method GET]\n"
               "         [--body STR] [--header 'Name: value']... [--content-type T]\n"
               "         [--connections 16] [--idle-connections 0] [--threads 1] [--duration 10] [--requests N]\n"
               "         [--csrf-page PATH [--csrf-each | --fresh-session]] [--json]\n"
               "Targets 127.0.0.1 only. Limits: %d connections, %d threads, %.0f s, %lld requests.\n",
               kMaxConnections, kMaxThreads, kMaxDurationSeconds, static_cast<long long>(kMaxRequests));
}

std::optional<Options> ParseArgs(int argc, char** argv) {
  Options o;
  bool have_port = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    std::optional<std::string> v;
    if (arg == "--json") {
      o.json = true;
      continue;
    }
    if (arg == "--csrf-each") {
      o.csrf_each = true;
      continue;
    }
    if (arg == "--fresh-session") {
      o.csrf_each = true;
      o.fresh_session = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") return std::nullopt;
    v = value();
    if (!v) {
      std::fprintf(stderr, "missing value for %s\n", arg.c_str());
      return std::nullopt;
    }
    if (arg == "--host") {
      o.host = *v;
    } else if (arg == "--port") {
      long port = std::strtol(v->c_str(), nullptr, 10);
      if (port <= 0 || port > 65535) return std::nullopt;
      o.port = static_cast<uint16_t>(port);
      have_port = true;
    } else if (arg == "--path") {
      o.path = *v;
    } else if (arg == "--method") {
      o.method = *v;
    } else if (arg == "--body") {
      o.body = *v;
    } else if (arg == "--content-type") {
      o.headers.emplace_back("Content-Type", *v);
    } else if (arg == "--header") {
      size_t colon = v->find(':');
      if (colon == std::string::npos) return std::nullopt;
      size_t start = v->find_first_not_of(' ', colon + 1);
      o.headers.emplace_back(v->substr(0, colon), start == std::string::npos ? "" : v->substr(start));
    } else if (arg == "--connections") {
      o.connections = std::atoi(v->c_str());
    } else if (arg == "--idle-connections") {
      o.idle_connections = std::atoi(v->c_str());
    } else if (arg == "--threads") {
      o.threads = std::atoi(v->c_str());
    } else if (arg == "--duration") {
      o.duration_seconds = std::atof(v->c_str());
    } else if (arg == "--requests") {
      o.max_requests = std::atoll(v->c_str());
    } else if (arg == "--csrf-page") {
      o.csrf_page = *v;
    } else {
      std::fprintf(stderr, "unknown option %s\n", arg.c_str());
      return std::nullopt;
    }
  }
  if (!have_port) return std::nullopt;
  if (o.host == "localhost") o.host = "127.0.0.1";
  if (o.host != "127.0.0.1") {
    std::fprintf(stderr, "refusing host '%s': this tool only targets 127.0.0.1\n", o.host.c_str());
    std::exit(2);
  }
  if (o.connections < 1 || o.connections > kMaxConnections || o.idle_connections < 0 ||
      o.idle_connections > kMaxConnections || o.threads < 1 || o.threads > kMaxThreads ||
      !(o.duration_seconds > 0) || o.duration_seconds > kMaxDurationSeconds || o.max_requests < 0 ||
      o.max_requests > kMaxRequests || o.path.empty() || o.path.front() != '/') {
    std::fprintf(stderr, "option out of range\n");
    return std::nullopt;
  }
  o.threads = std::min(o.threads, o.connections);
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<Options> options = ParseArgs(argc, argv);
  if (!options) {
    Usage();
    return 2;
  }
  Shared shared;
  shared.options = &*options;
  shared.endpoint = tcp::endpoint(asio::ip::make_address_v4("127.0.0.1"), options->port);

  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<Stats> stats(static_cast<size_t>(options->threads));
  for (int t = 0; t < options->threads; ++t) contexts.push_back(std::make_unique<asio::io_context>());

  auto start = Clock::now();
  auto active_start =
      start + std::chrono::milliseconds(options->idle_connections > 0 ? 300 : 0);
  shared.deadline = active_start + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(options->duration_seconds));
  std::vector<std::thread> threads;
  for (int t = 0; t < options->threads; ++t) {
    asio::io_context& ioc = *contexts[static_cast<size_t>(t)];
    // Idle connections go first and get a head start, so they are already
    // holding whatever they hold (e.g. a thread per connection) when the
    // measured load begins.
    for (int c = t; c < options->idle_connections; c += options->threads) {
      std::make_shared<IdleConnection>(ioc, shared, stats[static_cast<size_t>(t)])->Start();
    }
    for (int c = t; c < options->connections; c += options->threads) {
      auto connection = std::make_shared<Connection>(ioc, shared, stats[static_cast<size_t>(t)]);
      if (options->idle_connections == 0) {
        connection->Start();
        continue;
      }
      auto delay = std::make_shared<asio::steady_timer>(ioc, active_start);
      delay->async_wait([connection, delay](beast::error_code) { connection->Start(); });
    }
    threads.emplace_back([&ioc, &shared] {
      // Every 5 ms: past the deadline, stop at once (in-flight requests are
      // not counted); after the last request of a --requests run, let the
      // in-flight ones finish and the io_context run out of work.
      asio::steady_timer poll(ioc);
      std::function<void()> arm = [&] {
        poll.expires_after(std::chrono::milliseconds(5));
        poll.async_wait([&](beast::error_code) {
          if (Clock::now() >= shared.deadline) return ioc.stop();
          if (!shared.done) arm();
        });
      };
      arm();
      ioc.run();
    });
  }
  for (auto& t : threads) t.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - active_start).count();

  Stats total;
  for (const Stats& s : stats) {
    total.latency.Merge(s.latency);
    total.ok += s.ok;
    total.bad_status += s.bad_status;
    total.errors += s.errors;
    total.reconnects += s.reconnects;
    total.prefetches += s.prefetches;
    total.idle_closed += s.idle_closed;
    for (const auto& [status, n] : s.statuses) total.statuses[status] += n;
  }
  double rps = static_cast<double>(total.ok) / elapsed;
  auto ms = [](int64_t us) { return static_cast<double>(us) / 1000.0; };

  if (options->json) {
    nlohmann::ordered_json j;
    j["method"] = options->method;
    j["path"] = options->path;
    j["connections"] = options->connections;
    j["threads"] = options->threads;
    j["duration_s"] = elapsed;
    j["requests_ok"] = total.ok;
    j["requests_per_s"] = rps;
    j["latency_ms"] = {{"p50", ms(total.latency.Percentile(0.50))},
                       {"p90", ms(total.latency.Percentile(0.90))},
                       {"p99", ms(total.latency.Percentile(0.99))},
                       {"max", ms(total.latency.max())}};
    j["bad_status"] = total.bad_status;
    j["errors"] = total.errors;
    j["reconnects"] = total.reconnects;
    j["prefetches"] = total.prefetches;
    j["idle_connections"] = options->idle_connections;
    j["idle_closed_by_server"] = total.idle_closed;
    nlohmann::ordered_json st = nlohmann::ordered_json::object();
    for (const auto& [status, n] : total.statuses) st[std::to_string(status)] = n;
    j["statuses"] = st;
    std::printf("%s\n", j.dump().c_str());
  } else {
    std::printf("%s %s  connections=%d idle=%d threads=%d  %.1fs\n", options->method.c_str(),
                options->path.c_str(), options->connections, options->idle_connections, options->threads, elapsed);
    std::printf("requests: %llu ok, %llu 4xx/5xx, %llu errors, %llu reconnects, %llu csrf prefetches\n",
                static_cast<unsigned long long>(total.ok), static_cast<unsigned long long>(total.bad_status),
                static_cast<unsigned long long>(total.errors), static_cast<unsigned long long>(total.reconnects),
                static_cast<unsigned long long>(total.prefetches));
    std::printf("requests/s: %.0f\n", rps);
    std::printf("latency ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f\n", ms(total.latency.Percentile(0.50)),
                ms(total.latency.Percentile(0.90)), ms(total.latency.Percentile(0.99)), ms(total.latency.max()));
    for (const auto& [status, n] : total.statuses) {
      std::printf("  status %d: %llu\n", status, static_cast<unsigned long long>(n));
    }
  }
  return total.ok > 0 ? 0 : 1;
}
