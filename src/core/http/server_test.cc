#include "core/http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <mutex>
#include <set>
#include <thread>

#include "core/http/form.h"
#include "testing/http_client.h"

namespace wp::http {
namespace {

using namespace std::chrono_literals;
using testing::HttpClient;

// A server on 127.0.0.1, port 0, with short limits and timeouts.
class ServerTest : public ::testing::Test {
 protected:
  void StartServer(ServerOptions options = {}) {
    options.address = listen_address_;
    options.port = 0;
    if (options.threads == 0) options.threads = 4;
    options.on_complete = [this](const Request& req, const Response& res, std::chrono::microseconds) {
      std::lock_guard lock(mu_);
      completed_.emplace_back(req.request_id, res.status);
    };
    router_.Get("/", [](Request&) { return Response::Text("hello"); });
    router_.Get("/echo/{word}", [](Request& r) { return Response::Text(std::string(r.Param("word"))); });
    router_.Post("/echo", [](Request& r) { return Response::Text(r.body); });
    router_.Get("/info", [](Request& r) { return Response::Text(r.remote_addr + " " + r.request_id + " " + r.query); });
    router_.Get("/throw", [](Request&) -> Response { throw std::runtime_error("boom"); });
    router_.Get("/slow", [this](Request&) {
      slow_entered_ = true;
      std::this_thread::sleep_for(400ms);
      return Response::Text("slow done");
    });
    router_.Post("/form", [](Request& r) {
      auto form = ParseForm(r);
      if (!form.has_value()) return Response::Text(form.error().detail, 400);
      std::string out = form->Get("name") + "|" + form->Get("_csrf");
      if (const UploadedFile* f = form->File("photo")) out += "|" + f->filename + ":" + f->content_type + ":" + f->data;
      return Response::Text(out);
    });
    router_.Get("/cookie/set", [](Request&) {
      Response r = Response::Text("set");
      r.headers.Add("Set-Cookie", SetCookieValue("wp_session", "s3ss10n", {}));
      r.headers.Add("Set-Cookie", SetCookieValue("lang", "en", {}));
      return r;
    });
    router_.Get("/cookie/clear", [](Request&) {
      Response r = Response::Text("cleared");
      r.headers.Add("Set-Cookie", SetCookieValue("wp_session", "", {.max_age_seconds = 0}));
      return r;
    });
    router_.Get("/cookie/show", [](Request& r) {
      return Response::Text(r.Cookie("wp_session").value_or("-") + "," + r.Cookie("lang").value_or("-"));
    });
    router_.Get("/bad-header", [](Request&) {
      Response r = Response::Text("x");
      r.headers.Set("X-Evil", "a\r\nSet-Cookie: stolen=1");
      return r;
    });
    server_ = std::make_unique<Server>(std::move(options), [this](Request& r) {
      ++handled_;
      return router_.Handle(r);
    });
    auto listened = server_->Listen();
    ASSERT_TRUE(listened.has_value()) << listened.error().detail;
    server_->Start();
  }

  void TearDown() override {
    if (server_) server_->Stop();
  }

  HttpClient Client() { return HttpClient("127.0.0.1", server_->port()); }
  std::string Raw(std::string_view bytes, std::chrono::milliseconds timeout = 3s) {
    return Client().SendRaw(bytes, timeout);
  }

  // Waits up to two seconds for `pred`.
  template <typename Pred>
  bool Eventually(Pred pred) {
    for (int i = 0; i < 200; ++i) {
      if (pred()) return true;
      std::this_thread::sleep_for(10ms);
    }
    return pred();
  }

  std::string listen_address_ = "127.0.0.1";
  Router router_;
  std::unique_ptr<Server> server_;
  std::atomic<int> handled_{0};
  std::atomic<bool> slow_entered_{false};
  std::mutex mu_;
  std::vector<std::pair<std::string, int>> completed_;
};

TEST_F(ServerTest, ServesGetWithStandardHeaders) {
  StartServer();
  HttpClient client = Client();
  testing::HttpResponse r = client.Get("/info?code=1");
  ASSERT_EQ(r.status, 200) << r.error;
  std::string request_id(r.Header("X-Request-Id"));
  EXPECT_EQ(request_id.size(), 16u);
  EXPECT_EQ(r.body, "127.0.0.1 " + request_id + " code=1");
  EXPECT_EQ(r.Header("Content-Length"), std::to_string(r.body.size()));
  EXPECT_TRUE(r.Header("Date").ends_with(" GMT"));
  EXPECT_NE(client.Get("/info").Header("X-Request-Id"), request_id);
  ASSERT_TRUE(Eventually([&] {
    std::lock_guard lock(mu_);
    return completed_.size() == 2;
  }));
  std::lock_guard lock(mu_);
  EXPECT_EQ(completed_[0], std::make_pair(request_id, 200));
}

// An IPv4 client of a dual-stack socket is known by its IPv4 address, the
// form trusted proxies, connection caps and /metrics allow-lists are written in.
TEST_F(ServerTest, AnIpv4ClientOfAnIpv6SocketHasItsIpv4Address) {
  {
    Server probe(ServerOptions{.address = "::", .port = 0}, [](Request&) { return Response::Text(""); });
    if (!probe.Listen().has_value()) GTEST_SKIP() << "no IPv6 on this machine";
  }
  listen_address_ = "::";
  StartServer();
  testing::HttpResponse r = Client().Get("/info");
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body.substr(0, r.body.find(' ')), "127.0.0.1");
}

TEST_F(ServerTest, DecodesPathAndRejectsDotSegments) {
  StartServer();
  HttpClient client = Client();
  EXPECT_EQ(client.Get("/echo/Oude%20Stad").body, "Oude Stad");
  EXPECT_EQ(client.Get("/echo/%2e%2e").status, 400);
  EXPECT_EQ(client.Get("/echo/%zz").status, 400);
  EXPECT_EQ(client.Get("/echo/%ff").status, 400);
}

TEST_F(ServerTest, KeepAliveReusesOneConnection) {
  StartServer();
  HttpClient client = Client();
  for (int i = 0; i < 5; ++i) {
    testing::HttpResponse r = client.Get("/echo/" + std::to_string(i));
    ASSERT_EQ(r.status, 200) << r.error;
    EXPECT_EQ(r.body, std::to_string(i));
  }
  EXPECT_EQ(client.connections_opened(), 1);
  EXPECT_EQ(client.Post("/echo", "posted", "text/plain").body, "posted");
  EXPECT_EQ(client.connections_opened(), 1);
  EXPECT_EQ(server_->ConnectionCount(), 1u);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  StartServer();
  std::string out =
      Raw("GET /echo/one HTTP/1.1\r\nHost: x\r\n\r\n"
          "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\ntwo"
          "GET /echo/three HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  size_t one = out.find("\r\n\r\none");
  size_t two = out.find("\r\n\r\ntwo");
  size_t three = out.find("\r\n\r\nthree");
  ASSERT_NE(one, std::string::npos) << out;
  ASSERT_NE(two, std::string::npos) << out;
  ASSERT_NE(three, std::string::npos) << out;
  EXPECT_LT(one, two);
  EXPECT_LT(two, three);
  EXPECT_NE(out.find("Connection: close"), std::string::npos);
}

TEST_F(ServerTest, ClientConnectionCloseClosesConnection) {
  StartServer();
  HttpClient client = Client();
  testing::HttpResponse r = client.Get("/", {{"Connection", "close"}});
  EXPECT_EQ(r.Header("Connection"), "close");
  client.Get("/");
  EXPECT_EQ(client.connections_opened(), 2);
}

TEST_F(ServerTest, Http10WithoutKeepAliveCloses) {
  StartServer();
  std::string out = Raw("GET / HTTP/1.0\r\n\r\n");
  EXPECT_TRUE(out.starts_with("HTTP/1.1 200 OK\r\n")) << out;
  EXPECT_TRUE(out.ends_with("\r\n\r\nhello"));
}

TEST_F(ServerTest, OversizedBodyIs413WithoutCallingHandler) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  StartServer(options);
  // Declared too large: answered after the headers, the body is never read.
  std::string out = Raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\nabc");
  EXPECT_TRUE(out.starts_with("HTTP/1.1 413 ")) << out;
  EXPECT_NE(out.find("Connection: close"), std::string::npos);
  // Sent in full: the reply still arrives (lingering close, no reset).
  HttpClient client = Client();
  testing::HttpResponse r = client.Post("/echo", std::string(64 * 1024, 'x'), "text/plain");
  EXPECT_EQ(r.status, 413) << r.error;
  // Chunked: the limit applies while reading.
  std::string chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) chunked += "200\r\n" + std::string(512, 'y') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_TRUE(Raw(chunked).starts_with("HTTP/1.1 413 "));
  EXPECT_EQ(handled_, 0);
  // Within the limit it works.
  EXPECT_EQ(Client().Post("/echo", std::string(1024, 'z'), "text/plain").status, 200);
}

TEST_F(ServerTest, DefaultBodyLimitIs64KiB) {
  StartServer();
  HttpClient client = Client();
  EXPECT_EQ(client.Post("/echo", std::string(64 * 1024, 'a'), "text/plain").status, 200);
  EXPECT_EQ(Client().Post("/echo", std::string(64 * 1024 + 1, 'a'), "text/plain").status, 413);
}

TEST_F(ServerTest, BodyLimitIsChosenPerRequestFromItsHead) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  // Larger bodies only on /echo and only with the right cookie (as the app
  // does for upload routes after sign-in).
  options.body_limit = [](const Request& head) -> size_t {
    bool upload = head.method == Method::kPost && head.path == "/echo" && head.Cookie("pass") == "yes";
    return upload ? 256 * 1024 : 1024;
  };
  StartServer(options);
  const std::string big(100 * 1024, 'b');
  EXPECT_EQ(Client().Post("/echo", big, "text/plain").status, 413);
  EXPECT_EQ(Client().Post("/echo", big, "text/plain", {{"Cookie", "pass=no"}}).status, 413);
  testing::HttpResponse r = Client().Post("/echo", big, "text/plain", {{"Cookie", "pass=yes"}});
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body.size(), big.size());
  // Chunked bodies get the same limit while they are read.
  std::string chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) chunked += "200\r\n" + std::string(512, 'y') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_TRUE(Raw(chunked).starts_with("HTTP/1.1 413 "));
  std::string allowed = chunked;
  allowed.insert(allowed.find("\r\n\r\n"), "\r\nCookie: pass=yes");
  EXPECT_TRUE(Raw(allowed).starts_with("HTTP/1.1 200 "));
  EXPECT_EQ(handled_, 2);
}

TEST_F(ServerTest, TransferEncodingOtherThanChunkedIs400) {
  StartServer();
  const std::vector<std::string> bad = {
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n",
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n0\r\n\r\n",
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n",
  };
  for (const auto& request : bad) {
    SCOPED_TRACE(request);
    EXPECT_TRUE(Raw(request).starts_with("HTTP/1.1 400 "));
  }
  EXPECT_EQ(handled_, 0);
  std::string out = Raw("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
  EXPECT_TRUE(out.starts_with("HTTP/1.1 200 ")) << out;
  EXPECT_TRUE(out.ends_with("abc"));
}

TEST_F(ServerTest, ConnectionsPerClientAreCapped) {
  ServerOptions options;
  options.max_connections_per_client = 2;
  StartServer(options);
  HttpClient a = Client();
  HttpClient b = Client();
  ASSERT_EQ(a.Get("/").status, 200);
  ASSERT_EQ(b.Get("/").status, 200);  // both stay open (keep-alive)
  HttpClient c = Client();
  testing::HttpResponse refused = c.Get("/");
  EXPECT_EQ(refused.status, 503) << refused.error;
  EXPECT_EQ(refused.Header("Connection"), "close");
  EXPECT_EQ(handled_, 2);
  a.Close();
  ASSERT_TRUE(Eventually([&] { return server_->ConnectionCount() == 1; }));
  EXPECT_EQ(c.Get("/").status, 200);
  EXPECT_EQ(b.Get("/").status, 200);
}

TEST_F(ServerTest, UnlimitedClientsAreCappedOnlyInTotal) {
  ServerOptions options;
  options.max_connections_per_client = 1;
  options.max_connections = 2;
  options.unlimited_clients = {"127.0.0.1"};  // a trusted proxy
  StartServer(options);
  HttpClient a = Client();
  HttpClient b = Client();
  ASSERT_EQ(a.Get("/").status, 200);
  ASSERT_EQ(b.Get("/").status, 200);
  HttpClient c = Client();
  EXPECT_EQ(c.Get("/").status, 503);
  b.Close();
  ASSERT_TRUE(Eventually([&] { return server_->ConnectionCount() == 1; }));
  EXPECT_EQ(c.Get("/").status, 200);
}

TEST_F(ServerTest, IdleKeepAliveConnectionHoldsNoBuffers) {
  ServerOptions options;
  options.max_body_bytes = 4 * 1024 * 1024;
  StartServer(options);
  HttpClient client = Client();
  testing::HttpResponse r = client.Post("/echo", std::string(2 * 1024 * 1024, 'u'), "text/plain");
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(server_->ConnectionCount(), 1u);  // kept alive, idle
  EXPECT_TRUE(Eventually([&] { return server_->BufferedBytes() == 0; })) << server_->BufferedBytes();
  EXPECT_EQ(client.Get("/echo/again").body, "again");
  EXPECT_EQ(client.connections_opened(), 1);
  EXPECT_TRUE(Eventually([&] { return server_->BufferedBytes() == 0; })) << server_->BufferedBytes();
}

TEST_F(ServerTest, OversizedHeadersAre431) {
  ServerOptions options;
  options.max_header_bytes = 2048;
  StartServer(options);
  std::string out = Raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4096, 'a') + "\r\n\r\n");
  EXPECT_TRUE(out.starts_with("HTTP/1.1 431 ")) << out.substr(0, 100);
  EXPECT_EQ(handled_, 0);
}

TEST_F(ServerTest, MalformedRequestsAre400) {
  StartServer();
  const std::vector<std::string> bad = {
      "HELLO\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
      "GET noslash HTTP/1.1\r\nHost: x\r\n\r\n",
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "GET / HTTP/1.1\r\n\r\n",                        // no Host
      "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",  // two Hosts
      // Request smuggling shapes.
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n",
  };
  for (const auto& request : bad) {
    SCOPED_TRACE(request);
    EXPECT_TRUE(Raw(request).starts_with("HTTP/1.1 400 "));
  }
  EXPECT_EQ(handled_, 0);
}

TEST_F(ServerTest, SlowClientIsDisconnected) {
  ServerOptions options;
  options.read_timeout = 300ms;
  StartServer(options);
  auto start = std::chrono::steady_clock::now();
  std::string out = Raw("GET / HTTP/1.1\r\nHost: x\r\n", 5s);  // never finishes its headers
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(out, "");
  EXPECT_GE(elapsed, 250ms);
  EXPECT_LT(elapsed, 3s);
  EXPECT_EQ(handled_, 0);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  ServerOptions options;
  options.keep_alive_timeout = 200ms;
  StartServer(options);
  HttpClient client = Client();
  ASSERT_EQ(client.Get("/").status, 200);
  EXPECT_TRUE(Eventually([&] { return server_->ConnectionCount() == 0; }));
  // The client notices and reconnects transparently.
  EXPECT_EQ(client.Get("/").status, 200);
  EXPECT_EQ(client.connections_opened(), 2);
}

TEST_F(ServerTest, HeadUsesGetRouteWithoutBody) {
  StartServer();
  std::string out = Raw("HEAD /echo/abcdef HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(out.starts_with("HTTP/1.1 200 OK\r\n")) << out;
  EXPECT_NE(out.find("Content-Length: 6\r\n"), std::string::npos);
  EXPECT_TRUE(out.ends_with("\r\n\r\n")) << out;
  HttpClient client = Client();
  testing::HttpResponse r = client.Head("/echo/abc");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(client.Get("/echo/abc").body, "abc");  // connection still in sync
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  StartServer();
  testing::HttpResponse r = Client().Send("DELETE", "/echo", "", {});
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("Allow"), "POST");
  EXPECT_EQ(Client().Get("/nope").status, 404);
}

TEST_F(ServerTest, HandlerExceptionIs500) {
  StartServer();
  HttpClient client = Client();
  EXPECT_EQ(client.Get("/throw").status, 500);
  EXPECT_EQ(client.Get("/").status, 200);
}

TEST_F(ServerTest, HeaderValuesWithNewlinesAreDropped) {
  StartServer();
  testing::HttpResponse r = Client().Get("/bad-header");
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(r.headers.Has("X-Evil"));
  EXPECT_FALSE(r.headers.Has("Set-Cookie"));
}

TEST_F(ServerTest, ExpectContinueIsAnswered) {
  StartServer();
  HttpClient client = Client();
  testing::HttpResponse r = client.Post("/echo", "body after continue", "text/plain", {{"Expect", "100-continue"}});
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body, "body after continue");
}

TEST_F(ServerTest, ClientSendsFormsAndMultipart) {
  StartServer();
  HttpClient client = Client();
  testing::HttpResponse r = client.PostForm("/form", {{"name", "Oude Stad & Zuid"}, {"_csrf", "a+b/c="}});
  EXPECT_EQ(r.body, "Oude Stad & Zuid|a+b/c=");
  r = client.PostMultipart("/form", {{"name", "Lamp"}},
                           {{.field = "photo", .filename = "lamp.jpg", .content_type = "image/jpeg", .data = "JPEG"}});
  EXPECT_EQ(r.body, "Lamp||lamp.jpg:image/jpeg:JPEG");
  r = client.Post("/form", "name=%zz", "application/x-www-form-urlencoded");
  EXPECT_EQ(r.status, 400);
}

TEST_F(ServerTest, ClientKeepsCookies) {
  StartServer();
  HttpClient client = Client();
  EXPECT_EQ(client.Get("/cookie/show").body, "-,-");
  client.Get("/cookie/set");
  EXPECT_EQ(client.Cookie("wp_session"), "s3ss10n");
  EXPECT_EQ(client.Get("/cookie/show").body, "s3ss10n,en");
  client.Get("/cookie/clear");
  EXPECT_EQ(client.Cookie("wp_session"), std::nullopt);
  EXPECT_EQ(client.Get("/cookie/show").body, "-,en");
}

TEST_F(ServerTest, RejectionsReachOnComplete) {
  ServerOptions options;
  options.max_body_bytes = 10;
  StartServer(options);
  std::string out = Raw("POST /echo?secret=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n");
  EXPECT_NE(out.find("X-Content-Type-Options: nosniff"), std::string::npos);
  ASSERT_TRUE(Eventually([&] {
    std::lock_guard lock(mu_);
    return completed_.size() == 1;
  }));
  std::lock_guard lock(mu_);
  EXPECT_EQ(completed_[0].second, 413);
  EXPECT_EQ(completed_[0].first.size(), 16u);
}

TEST_F(ServerTest, ConcurrentRequests) {
  StartServer();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  std::mutex ids_mu;
  std::set<std::string> ids;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      HttpClient client = Client();
      for (int i = 0; i < 25; ++i) {
        std::string word = std::to_string(t) + "x" + std::to_string(i);
        testing::HttpResponse r = client.Get("/echo/" + word);
        if (r.status == 200 && r.body == word) ++ok;
        std::lock_guard lock(ids_mu);
        ids.insert(std::string(r.Header("X-Request-Id")));
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 200);
  EXPECT_EQ(ids.size(), 200u);
}

TEST_F(ServerTest, BlockingHandlerDoesNotStallOtherConnections) {
  StartServer();
  auto slow = std::async(std::launch::async, [&] { return Client().Get("/slow").status; });
  ASSERT_TRUE(Eventually([&] { return slow_entered_.load(); }));
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Client().Get("/").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 300ms);
  EXPECT_EQ(slow.get(), 200);
}

TEST_F(ServerTest, StopFinishesInFlightRequestAndClosesIdleOnes) {
  ServerOptions options;
  options.shutdown_grace = 5s;
  StartServer(options);
  HttpClient idle = Client();
  ASSERT_EQ(idle.Get("/").status, 200);  // stays open, idle
  auto slow = std::async(std::launch::async, [&] {
    HttpClient client = Client();
    return client.Get("/slow");
  });
  ASSERT_TRUE(Eventually([&] { return slow_entered_.load(); }));
  auto start = std::chrono::steady_clock::now();
  server_->Stop();
  auto stop_took = std::chrono::steady_clock::now() - start;
  testing::HttpResponse r = slow.get();
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body, "slow done");
  EXPECT_EQ(r.Header("Connection"), "close");
  EXPECT_LT(stop_took, 3s);
  EXPECT_EQ(server_->ConnectionCount(), 0u);
  // No longer accepting.
  HttpClient late = Client();
  late.set_timeout(1s);
  EXPECT_EQ(late.Get("/").status, 0);
  server_->Stop();  // idempotent
}

TEST_F(ServerTest, StopGivesUpOnSlowClientsAfterGrace) {
  ServerOptions options;
  options.shutdown_grace = 200ms;
  options.read_timeout = 10s;
  StartServer(options);
  auto raw = std::async(std::launch::async, [&] { return Raw("GET / HTTP/1.1\r\n", 5s); });
  ASSERT_TRUE(Eventually([&] { return server_->ConnectionCount() == 1; }));
  std::this_thread::sleep_for(50ms);  // let the first bytes arrive
  auto start = std::chrono::steady_clock::now();
  server_->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_EQ(raw.get(), "");
}

TEST(ServerListenTest, TakenPortIsUnavailable) {
  ServerOptions options;
  options.port = 0;
  Server first(options, [](Request&) { return Response::Text("x"); });
  ASSERT_TRUE(first.Listen().has_value());
  options.port = first.port();
  Server second(options, [](Request&) { return Response::Text("x"); });
  auto r = second.Listen();
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  options.address = "not-an-address";
  Server third(options, [](Request&) { return Response::Text("x"); });
  EXPECT_FALSE(third.Listen().has_value());
}

TEST(ServerRunTest, RunReturnsAfterStopFromAnotherThread) {
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  Server server(options, [](Request&) { return Response::Text("x"); });
  ASSERT_TRUE(server.Listen().has_value());
  std::thread runner([&] { server.Run(); });
  HttpClient client("127.0.0.1", server.port());
  EXPECT_EQ(client.Get("/").status, 200);
  server.Stop();
  runner.join();
}

}  // namespace
}  // namespace wp::http
