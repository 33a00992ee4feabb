#include "core/http/server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <limits>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>

#include "core/http/form.h"
#include "core/random.h"
#include "core/strings.h"

namespace wp::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

// RFC 9110 IMF-fixdate, cached per thread and second.
const std::string& HttpDate() {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t cached_second = -1;
  thread_local std::string cached;
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                  kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    cached = buf;
    cached_second = now;
  }
  return cached;
}

// Frees a string's memory (clear() and assigning an empty string keep it).
void Release(std::string& s) { std::string().swap(s); }

bool IsSafeHeaderText(std::string_view s) {
  for (char c : s) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

// Fills path and query from the request target. Returns false when the
// target is not origin-form or absolute-form, or the path does not decode to
// UTF-8 without NUL and "." / ".." segments.
bool SplitTarget(std::string_view target, Request& request) {
  if (target.starts_with("http://") || target.starts_with("https://")) {
    size_t authority = target.find("//") + 2;
    size_t slash = target.find_first_of("/?", authority);
    target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
    if (target.front() == '?') return false;
  }
  if (target.empty() || target.front() != '/') return false;
  size_t q = target.find('?');
  std::string_view raw_path = target.substr(0, q);
  if (q != std::string_view::npos) request.query = std::string(target.substr(q + 1));
  size_t hash = request.query.find('#');
  if (hash != std::string::npos) request.query.resize(hash);
  auto path = PercentDecode(raw_path, /*plus_is_space=*/false);
  if (!path.has_value() || !IsValidUtf8(*path) || path->find('\0') != std::string::npos) return false;
  for (std::string_view seg : Split(*path, '/')) {
    if (seg == "." || seg == "..") return false;
  }
  request.path = std::move(path).value();
  return true;
}

// Request ids must be unique, not secret: a per-thread generator seeded from
// the OS source once avoids a getrandom() call per request.
std::string NewRequestId(Random& seed_source) {
  thread_local std::optional<std::mt19937_64> engine;
  if (!engine) {
    uint64_t seed = 0;
    seed_source.Fill(&seed, sizeof seed);
    engine.emplace(seed);
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>((*engine)()));
  return buf;
}

std::string_view ReasonPhrase(int status) {
  std::string_view reason = bhttp::obsolete_reason(bhttp::int_to_status(static_cast<unsigned>(status)));
  if (reason.empty() || reason.front() == '<') return "Unknown";
  return reason;
}

}  // namespace

namespace {

// The peer as people write it: an IPv4 client of a dual-stack (IPv6) socket
// is "192.0.2.1", not "::ffff:192.0.2.1", so rate limits, connection caps,
// trusted proxies and allow-lists all compare one form.
std::string PeerAddress(const asio::ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) {
    return asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6()).to_string();
  }
  return a.to_string();
}

}  // namespace

namespace internal {

class Session;

// The server's state, shared by its sessions.
struct ServerCore {
  ServerCore(ServerOptions o, Handler h) : options(std::move(o)), handler(std::move(h)) {}

  ServerOptions options;
  Handler handler;
  SecureRandom random;
  std::atomic<bool> stopping{false};

  // Declared before io_context: sessions destroyed with the io_context's
  // pending handlers unregister themselves here.
  mutable std::mutex mu;
  std::condition_variable cv;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  // Admitted connections, in total and per peer address (the caps).
  size_t admitted = 0;
  std::unordered_map<std::string, size_t> per_client;
  // Bytes held by all connections' buffers, requests and responses.
  std::atomic<int64_t> buffered{0};
  bool running = false;
  bool stopped = false;

  std::mutex stop_mu;  // serialises Stop() callers
  asio::io_context ioc;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  // The acceptor and its retry timer run on one strand, so Stop() can close
  // them while an accept completes on another thread.
  asio::strand<asio::io_context::executor_type> accept_strand{ioc.get_executor()};
  tcp::acceptor acceptor{accept_strand};
  asio::steady_timer accept_retry{accept_strand};
  bool listening = false;
  uint16_t bound_port = 0;
  std::vector<std::thread> threads;

  void DoAccept();
  // Registers a new connection; false when it is over a cap (then it is
  // registered but not admitted, and only answered 503).
  bool Admit(Session* s, const std::weak_ptr<Session>& weak, const std::string& peer) {
    std::lock_guard lock(mu);
    sessions.emplace(s, weak);
    const bool unlimited = std::find(options.unlimited_clients.begin(), options.unlimited_clients.end(), peer) !=
                           options.unlimited_clients.end();
    size_t& from_peer = per_client[peer];
    bool over =
        (options.max_connections > 0 && admitted >= options.max_connections) ||
        (!unlimited && options.max_connections_per_client > 0 && from_peer >= options.max_connections_per_client);
    if (over) {
      if (from_peer == 0) per_client.erase(peer);
      return false;
    }
    ++admitted;
    ++from_peer;
    return true;
  }
  void Unregister(Session* s, const std::string& peer, bool was_admitted) {
    std::lock_guard lock(mu);
    sessions.erase(s);
    if (was_admitted) {
      --admitted;
      auto it = per_client.find(peer);
      if (it != per_client.end() && --it->second == 0) per_client.erase(it);
    }
    cv.notify_all();
  }
};

}  // namespace internal

struct Server::Impl : internal::ServerCore {
  using ServerCore::ServerCore;
};

namespace internal {

// One connection: wait for a request, read it, call the handler, write the
// response, repeat. All its work runs on its strand; the handler is called on
// whichever pool thread runs the strand at that moment.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(ServerCore& server, tcp::socket socket, std::string remote_addr)
      : server_(server),
        socket_(std::move(socket)),
        timer_(socket_.get_executor()),
        remote_addr_(std::move(remote_addr)) {
    beast::error_code ec;
    socket_.set_option(tcp::no_delay(true), ec);
    socket_.non_blocking(true, ec);  // WaitForRequest reads what is ready without blocking
  }
  ~Session() {
    server_.buffered -= accounted_;
    server_.Unregister(this, remote_addr_, admitted_);
  }

  const std::string& remote_addr() const { return remote_addr_; }

  // `admitted`: within the connection caps; otherwise the connection is only
  // answered 503 and closed.
  void Start(bool admitted) {
    admitted_ = admitted;
    asio::dispatch(socket_.get_executor(), [self = shared_from_this()] {
      self->SetDeadline(std::min(self->options().read_timeout, self->options().keep_alive_timeout));
      self->OnTimer();
      if (!self->admitted_) return self->RespondError(503);
      self->WaitForRequest();
    });
  }

  // From Stop(): close now if idle, otherwise after the current response.
  void RequestShutdown() {
    asio::dispatch(socket_.get_executor(), [self = shared_from_this()] {
      self->closing_ = true;
      if (self->state_ == State::kIdle) self->Close();
    });
  }

  void ForceClose() {
    asio::dispatch(socket_.get_executor(), [self = shared_from_this()] { self->Close(); });
  }

 private:
  enum class State { kIdle, kReading, kHandling, kWriting, kClosed };

  const ServerOptions& options() const { return server_.options; }

  void WaitForRequest() {
    if (closing_ || server_.stopping) return Close();
    if (buffer_.size() > 0) return ReadHeader();  // pipelined bytes already here
    state_ = State::kIdle;
    // Idle: hold no memory for the next request (the last one may have been
    // a large upload) until bytes arrive.
    buffer_ = beast::flat_buffer();
    request_ = Request{};
    Release(request_.body);  // assigning an empty string keeps the old capacity
    Account();
    if (!first_request_) SetDeadline(options().keep_alive_timeout);
    socket_.async_wait(tcp::socket::wait_read, [self = shared_from_this()](beast::error_code ec) {
      if (ec || self->closing_) return self->Close();
      beast::error_code read_ec;
      size_t n = self->socket_.read_some(self->buffer_.prepare(4096), read_ec);
      self->buffer_.commit(n);
      if (read_ec == asio::error::would_block || read_ec == asio::error::try_again) return self->WaitForRequest();
      if (read_ec || n == 0) return self->Close();
      self->ReadHeader();
    });
  }

  // Brings the server's count of buffered bytes up to date.
  void Account() {
    // Strings count only memory beyond their inline (small-string) storage.
    auto heap = [](const std::string& text) {
      return text.capacity() > std::string().capacity() ? text.capacity() : size_t{0};
    };
    int64_t now = static_cast<int64_t>(buffer_.capacity() + heap(request_.body) + heap(response_.body) + heap(head_));
    server_.buffered += now - accounted_;
    accounted_ = now;
  }

  void ReadHeader() {
    state_ = State::kReading;
    started_ = std::chrono::steady_clock::now();
    request_ = Request{};
    request_.remote_addr = remote_addr_;
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(std::min<size_t>(options().max_header_bytes, UINT32_MAX)));
    // The limit for this request is known once its head is: until then the
    // parser takes any declared length (OnHeader checks it before reading).
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    SetDeadline(options().read_timeout);
    bhttp::async_read_header(socket_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    const auto& header = parser_->get();
    // Only the one transfer coding we read: anything else ("gzip, chunked",
    // "identity", "chunked, chunked") is a smuggling shape.
    if (header.count(bhttp::field::transfer_encoding) > 0 &&
        (header.count(bhttp::field::transfer_encoding) != 1 ||
         !EqualsIgnoreCase(Trim(header[bhttp::field::transfer_encoding]), "chunked"))) {
      return RespondError(400);
    }
    FillRequestHead();
    for (const auto& field : header) {
      request_.headers.Add(std::string(field.name_string()), std::string(field.value()));
    }
    const size_t limit = options().body_limit ? options().body_limit(request_) : options().max_body_bytes;
    if (auto length = parser_->content_length(); length && *length > limit) return RespondError(413);
    parser_->body_limit(limit);
    if (parser_->is_done()) return Dispatch();
    if (EqualsIgnoreCase(header[bhttp::field::expect], "100-continue")) {
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      asio::async_write(socket_, asio::buffer(kContinue), [self = shared_from_this()](beast::error_code ec2, size_t) {
        if (ec2) return self->Close();
        self->ReadBody();
      });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    bhttp::async_read(socket_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return self->OnReadError(ec);
      self->Dispatch();
    });
  }

  void OnReadError(beast::error_code ec) {
    if (ec == bhttp::error::header_limit) return RespondError(431);
    if (ec == bhttp::error::body_limit) return RespondError(413);
    // A timeout (the deadline timer closed the socket), a reset or a client
    // that hung up mid-request: nothing to answer.
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec == asio::error::eof ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
        ec == asio::error::bad_descriptor) {
      return Close();
    }
    RespondError(400);
  }

  // Copies what the parser knows into request_, for on_complete.
  void FillRequestHead() {
    if (!parser_ || !parser_->is_header_done()) return;
    const auto& msg = parser_->get();
    request_.method = ParseMethod(msg.method_string());
    request_.target = std::string(msg.target());
    SplitTarget(request_.target, request_);
  }

  void RespondError(int status) {
    FillRequestHead();
    request_.request_id = NewRequestId(server_.random);
    closing_ = true;
    linger_ = true;
    std::string_view reason = ReasonPhrase(status);
    Response response = Response::Text(std::string(reason) + "\n", status);
    // These replies bypass the application, which adds the full set of
    // security headers to its own responses.
    response.headers.Set("X-Content-Type-Options", "nosniff");
    response.headers.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    Write(std::move(response), /*head_only=*/false);
  }

  void Dispatch() {
    state_ = State::kHandling;
    bhttp::request<bhttp::string_body> msg = parser_->release();
    parser_.reset();
    request_.method = ParseMethod(msg.method_string());
    request_.target = std::string(msg.target());
    // RFC 9112 section 3.2: an HTTP/1.1 request without Host is answered 400.
    if (!SplitTarget(request_.target, request_) || (msg.version() >= 11 && msg.count(bhttp::field::host) != 1)) {
      return RespondError(400);
    }
    request_.headers = Headers();
    for (const auto& field : msg) {
      request_.headers.Add(std::string(field.name_string()), std::string(field.value()));
    }
    request_.body = std::move(msg.body());
    Account();
    request_.request_id = NewRequestId(server_.random);
    request_.keep_alive = msg.keep_alive();
    http10_keep_alive_ = msg.version() == 10 && msg.keep_alive();
    if (!msg.keep_alive()) closing_ = true;

    Response response;
    try {
      response = server_.handler(request_);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "wp::http: handler threw for request %s: %s\n", request_.request_id.c_str(), e.what());
      response = Response::Text("Internal Server Error\n", 500);
    } catch (...) {
      std::fprintf(stderr, "wp::http: handler threw for request %s\n", request_.request_id.c_str());
      response = Response::Text("Internal Server Error\n", 500);
    }
    if (EqualsIgnoreCase(response.headers.Get("Connection"), "close") || server_.stopping) closing_ = true;
    Write(std::move(response), request_.method == Method::kHead);
  }

  void Write(Response response, bool head_only) {
    state_ = State::kWriting;
    response_ = std::move(response);
    if (response_.status < 200 || response_.status > 999) response_.status = 500;
    const bool no_body = response_.status == 204 || response_.status == 304;

    head_.clear();
    head_.append("HTTP/1.1 ").append(std::to_string(response_.status)).append(" ");
    head_.append(ReasonPhrase(response_.status)).append("\r\n");
    for (const auto& [name, value] : response_.headers.All()) {
      if (EqualsIgnoreCase(name, "Content-Length") || EqualsIgnoreCase(name, "Connection") ||
          EqualsIgnoreCase(name, "Date") || EqualsIgnoreCase(name, "Transfer-Encoding") ||
          EqualsIgnoreCase(name, "X-Request-Id")) {
        continue;
      }
      // A value with CR/LF would split the response: drop the header.
      if (name.empty() || !IsSafeHeaderText(name) || !IsSafeHeaderText(value)) continue;
      head_.append(name).append(": ").append(value).append("\r\n");
    }
    head_.append("Date: ").append(HttpDate()).append("\r\n");
    head_.append("X-Request-Id: ").append(request_.request_id).append("\r\n");
    if (!no_body) head_.append("Content-Length: ").append(std::to_string(response_.body.size())).append("\r\n");
    if (closing_) {
      head_.append("Connection: close\r\n");
    } else if (http10_keep_alive_) {
      head_.append("Connection: keep-alive\r\n");
    }
    head_.append("\r\n");
    response_.headers.Set("X-Request-Id", request_.request_id);
    if (head_only || no_body) response_.body.clear();

    Account();
    SetDeadline(options().write_timeout);
    std::array<asio::const_buffer, 2> buffers{asio::buffer(head_), asio::buffer(response_.body)};
    // Most responses fit in the socket's send buffer: write them now, which
    // saves a trip through the scheduler (and often a thread hand-off).
    beast::error_code ec;
    socket_.non_blocking(true, ec);
    size_t total = head_.size() + response_.body.size();
    size_t written = ec ? 0 : socket_.write_some(buffers, ec);
    if (!ec && written == total) return OnWritten(ec);
    if (ec && ec != asio::error::would_block && ec != asio::error::try_again) return OnWritten(ec);
    auto rest = beast::buffers_suffix<std::array<asio::const_buffer, 2>>(buffers);
    rest.consume(written);
    asio::async_write(socket_, rest,
                      [self = shared_from_this()](beast::error_code ec2, size_t) { self->OnWritten(ec2); });
  }

  void OnWritten(beast::error_code ec) {
    if (server_.options.on_complete) {
      auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_);
      try {
        server_.options.on_complete(request_, response_, elapsed);
      } catch (...) {
        std::fprintf(stderr, "wp::http: on_complete threw\n");
      }
    }
    response_ = Response{};
    Release(response_.body);
    Release(head_);
    Account();
    if (ec) return Close();
    if (closing_) return linger_ || buffer_.size() > 0 ? LingeringClose() : Close();
    first_request_ = false;
    WaitForRequest();
  }

  // After an error reply the client may still be sending (a large body):
  // closing with unread data would reset the connection and could destroy
  // the reply in flight, so read and discard a bounded amount first.
  void LingeringClose() {
    state_ = State::kClosed;
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    buffer_.consume(buffer_.size());
    SetDeadline(std::min<std::chrono::milliseconds>(options().read_timeout, std::chrono::seconds(2)));
    DiscardSome();
  }

  void DiscardSome() {
    socket_.async_read_some(asio::buffer(discard_), [self = shared_from_this()](beast::error_code ec, size_t n) {
      self->discarded_ += n;
      constexpr size_t kMaxDiscardBytes = 4 << 20;
      if (ec || self->discarded_ > kMaxDiscardBytes) return self->Close();
      self->DiscardSome();
    });
  }

  void Close() {
    state_ = State::kClosed;
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
    timer_.cancel();
  }

  // Timeouts: one timer per connection watches `deadline_`. Moving the
  // deadline later costs nothing (the timer re-arms when it fires); only an
  // earlier deadline re-arms it at once. Cheaper than a timer per operation.
  void SetDeadline(std::chrono::milliseconds timeout) {
    deadline_ = std::chrono::steady_clock::now() + timeout;
    if (deadline_ < timer_.expiry()) timer_.expires_at(deadline_);  // the pending wait ends; OnTimer re-arms
  }

  void OnTimer() {
    if (state_ == State::kClosed && !socket_.is_open()) return;
    if (state_ != State::kHandling && std::chrono::steady_clock::now() >= deadline_) {
      // Too slow: closing the socket ends the pending read or write.
      return Close();
    }
    timer_.expires_at(deadline_);
    timer_.async_wait([self = shared_from_this()](beast::error_code) { self->OnTimer(); });
  }

  ServerCore& server_;
  tcp::socket socket_;
  asio::steady_timer timer_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string remote_addr_;
  bool admitted_ = false;
  int64_t accounted_ = 0;  // bytes counted in server_.buffered
  State state_ = State::kIdle;
  bool first_request_ = true;
  bool closing_ = false;
  bool linger_ = false;
  bool http10_keep_alive_ = false;
  std::chrono::steady_clock::time_point started_;
  Request request_;
  Response response_;
  std::string head_;
  std::array<char, 16 * 1024> discard_;
  size_t discarded_ = 0;
};

void ServerCore::DoAccept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (!acceptor.is_open() || stopping) return;
    if (ec) {
      // Out of file descriptors and the like: back off instead of spinning.
      accept_retry.expires_after(std::chrono::milliseconds(50));
      accept_retry.async_wait([this](beast::error_code) {
        if (!stopping) DoAccept();
      });
      return;
    }
    beast::error_code peer_ec;
    tcp::endpoint peer = socket.remote_endpoint(peer_ec);
    std::string remote_addr = peer_ec ? std::string() : PeerAddress(peer.address());
    auto session = std::make_shared<Session>(*this, std::move(socket), remote_addr);
    session->Start(Admit(session.get(), session, remote_addr));
    DoAccept();
  });
}

}  // namespace internal

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() { Stop(); }

Result<void> Server::Listen() {
  Impl& s = *impl_;
  if (s.listening) return Ok();
  beast::error_code ec;
  asio::ip::address address = asio::ip::make_address(s.options.address, ec);
  if (ec) return Unavailable("invalid listen address '" + s.options.address + "'");
  tcp::endpoint endpoint(address, s.options.port);
  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    beast::error_code ignored;
    s.acceptor.close(ignored);
    return Unavailable("cannot listen on " + s.options.address + ":" + std::to_string(s.options.port) + ": " +
                       ec.message());
  }
  s.bound_port = s.acceptor.local_endpoint(ec).port();
  s.listening = true;
  return Ok();
}

uint16_t Server::port() const { return impl_->bound_port; }

size_t Server::ConnectionCount() const {
  std::lock_guard lock(impl_->mu);
  return impl_->sessions.size();
}

size_t Server::BufferedBytes() const { return static_cast<size_t>(std::max<int64_t>(impl_->buffered.load(), 0)); }

void Server::Start() {
  Impl& s = *impl_;
  {
    std::lock_guard lock(s.mu);
    if (s.running || s.stopped) return;
  }
  if (auto listened = Listen(); !listened.has_value()) {
    std::fprintf(stderr, "wp::http: %s\n", listened.error().detail.c_str());
    return;
  }
  {
    std::lock_guard lock(s.mu);
    s.running = true;
  }
  s.work.emplace(s.ioc.get_executor());
  s.DoAccept();
  int n = s.options.threads > 0 ? s.options.threads : static_cast<int>(std::thread::hardware_concurrency());
  n = std::max(n, 1);
  for (int i = 0; i < n; ++i) {
    s.threads.emplace_back([&s] { s.ioc.run(); });
  }
}

void Server::Run() {
  Start();
  Impl& s = *impl_;
  std::unique_lock lock(s.mu);
  s.cv.wait(lock, [&] { return !s.running; });
}

void Server::Stop() {
  Impl& s = *impl_;
  std::lock_guard stop_lock(s.stop_mu);
  {
    std::lock_guard lock(s.mu);
    if (!s.running) {
      s.stopped = true;
      return;
    }
  }
  s.stopping = true;
  asio::post(s.accept_strand, [&s] {
    beast::error_code ec;
    s.acceptor.close(ec);
    s.accept_retry.cancel();
  });

  auto ask_all = [&s](bool force) {
    std::vector<std::shared_ptr<internal::Session>> live;
    {
      std::lock_guard lock(s.mu);
      for (auto& [ptr, weak] : s.sessions) {
        if (auto session = weak.lock()) live.push_back(std::move(session));
      }
    }
    for (auto& session : live) force ? session->ForceClose() : session->RequestShutdown();
  };
  ask_all(/*force=*/false);
  {
    std::unique_lock lock(s.mu);
    s.cv.wait_for(lock, s.options.shutdown_grace, [&s] { return s.sessions.empty(); });
  }
  ask_all(/*force=*/true);
  {
    // Closing is quick unless a handler is still running; then wait for it.
    std::unique_lock lock(s.mu);
    s.cv.wait_for(lock, std::chrono::seconds(1), [&s] { return s.sessions.empty(); });
  }
  s.work.reset();
  s.ioc.stop();
  for (auto& t : s.threads) t.join();
  s.threads.clear();
  {
    std::lock_guard lock(s.mu);
    s.running = false;
    s.stopped = true;
  }
  s.cv.notify_all();
}

}  // namespace wp::http
