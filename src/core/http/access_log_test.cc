#include "core/http/access_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

namespace wp::http {
namespace {

Request SampleRequest() {
  Request r;
  r.method = Method::kPost;
  r.target = "/stem?code=SECRET-VOTING-CODE";
  r.path = "/stem";
  r.query = "code=SECRET-VOTING-CODE";
  r.request_id = "0123456789abcdef";
  r.remote_addr = "127.0.0.1";
  return r;
}

TEST(AccessLogTest, FormatsOneJsonLineWithoutQuery) {
  Response res = Response::Text("hello", 201);
  std::string line = FormatAccessLogLine(SampleRequest(), res, std::chrono::microseconds(830),
                                         TimePoint(std::chrono::milliseconds(1767225600123)));
  EXPECT_EQ(line,
            R"({"time":"2026-01-01T00:00:00.123Z","request_id":"0123456789abcdef","method":"POST","path":"/stem",)"
            R"("status":201,"bytes":5,"duration_us":830,"remote_addr":"127.0.0.1"})");
  EXPECT_EQ(line.find("SECRET"), std::string::npos);
}

// Issue #11 item 5: the size of a voting page could tell what was chosen.
TEST(AccessLogTest, APrivateResponseHasNoSizeInTheLog) {
  Response res = Response::Html("<p>Uw keuze</p>");
  res.headers.Set("Cache-Control", "no-store");
  auto line =
      nlohmann::json::parse(FormatAccessLogLine(SampleRequest(), res, std::chrono::microseconds(1), TimePoint{}));
  EXPECT_FALSE(line.contains("bytes")) << line.dump();
  EXPECT_EQ(line["status"], 200);
}

TEST(AccessLogTest, LogsTheRoutePatternNeverTheTokenInThePath) {
  Request r = SampleRequest();
  r.method = Method::kGet;
  r.target = r.path = "/wachtwoord/herstel/SECRET-RESET-TOKEN";
  r.query.clear();
  r.route = "/wachtwoord/herstel/{token}";
  std::string line = FormatAccessLogLine(r, Response{}, std::chrono::microseconds(1), TimePoint{});
  EXPECT_EQ(nlohmann::json::parse(line)["path"], "/wachtwoord/herstel/{token}");
  EXPECT_EQ(line.find("SECRET"), std::string::npos) << line;
}

TEST(AccessLogTest, UnmatchedPathsKeepOnlyTheirFirstSegment) {
  Request r = SampleRequest();
  r.query.clear();
  for (const char* route : {"", "method_not_allowed"}) {
    r.route = route;
    r.target = r.path = "/afmelden/SECRET-TOKEN/extra";
    std::string line = FormatAccessLogLine(r, Response{}, std::chrono::microseconds(1), TimePoint{});
    EXPECT_EQ(nlohmann::json::parse(line)["path"], "/afmelden/{...}") << route;
    EXPECT_EQ(line.find("SECRET"), std::string::npos) << line;
  }
  r.route.clear();
  r.path = "/robots.txt";
  EXPECT_EQ(
      nlohmann::json::parse(FormatAccessLogLine(r, Response{}, std::chrono::microseconds(1), TimePoint{}))["path"],
      "/robots.txt");
}

TEST(AccessLogTest, InvalidUtf8AndQuotesStayValidJson) {
  Request r = SampleRequest();
  r.path = "/x\"\n\xff";
  std::string line = FormatAccessLogLine(r, Response{}, std::chrono::microseconds(1), TimePoint{});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["status"], 200);
}

TEST(AccessLogTest, WritesWholeLinesFromManyThreads) {
  std::ostringstream out;
  FakeClock clock;
  AccessLog log(out, clock);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) log.Write(SampleRequest(), Response{}, std::chrono::microseconds(i));
    });
  }
  for (auto& t : threads) t.join();
  std::istringstream in(out.str());
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    auto parsed = nlohmann::json::parse(line);
    EXPECT_EQ(parsed["time"], "2026-01-01T00:00:00.000Z");
    ++lines;
  }
  EXPECT_EQ(lines, 200);
}

TEST(AccessLogTest, WritesToFile) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  FakeClock clock;
  AccessLog log(f, clock);
  log.Write(SampleRequest(), Response{}, std::chrono::microseconds(5));
  std::rewind(f);
  char buf[512] = {};
  ASSERT_NE(std::fgets(buf, sizeof buf, f), nullptr);
  EXPECT_NE(std::string(buf).find("\"duration_us\":5"), std::string::npos);
  std::fclose(f);
}

}  // namespace
}  // namespace wp::http
