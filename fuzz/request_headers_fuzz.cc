// Fuzzes what the server reads from request headers and the target before
// any handler runs: cookies (Request::Cookie), query parameters
// (Request::QueryParam) and the client address behind trusted proxies
// (app/client_address.h, X-Forwarded-For). The input is three lines: the
// Cookie header, the query string, the X-Forwarded-For header.
// Properties: a cookie value holds no ';'; QueryParam agrees with
// ParseUrlEncoded on the first value of every field; the client address is
// the peer or one of the forwarded hops, and the peer when it is not trusted.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/client_address.h"
#include "core/assert.h"
#include "core/http/form.h"
#include "core/http/message.h"
#include "core/strings.h"

namespace http = wp::http;

namespace {

// The next line of `input` (without '\n'); `input` moves past it.
std::string_view TakeLine(std::string_view& input) {
  size_t end = input.find('\n');
  std::string_view line = input.substr(0, end);
  input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
  return line;
}

void CheckCookies(const http::Request& request, std::string_view header) {
  for (std::string_view pair : wp::Split(header, ';')) {
    std::string_view name = wp::Trim(pair.substr(0, pair.find('=')));
    std::optional<std::string> value = request.Cookie(name);
    if (value) WP_ASSERT(value->find(';') == std::string::npos, "a cookie value holds no ';'");
  }
}

void CheckQuery(const http::Request& request) {
  auto form = http::ParseUrlEncoded(request.query);
  if (!form.has_value()) return;
  for (const auto& [name, value] : form->Fields()) {
    WP_ASSERT(request.QueryParam(name) == form->Find(name), "QueryParam agrees with ParseUrlEncoded");
  }
}

void CheckClientAddress(std::string_view forwarded_for) {
  const std::vector<std::string> trusted = {"10.0.0.1", "10.0.0.2", "::1"};
  std::vector<std::string> hops = wp::app::ParseAddressList(forwarded_for);
  for (const std::string& hop : hops) WP_ASSERT(!hop.empty() && wp::Trim(hop) == hop, "hops are trimmed");
  std::string client = wp::app::ClientAddress("10.0.0.1", forwarded_for, trusted);
  WP_ASSERT(client == "10.0.0.1" || std::find(hops.begin(), hops.end(), client) != hops.end(),
            "the client is the peer or a forwarded hop");
  WP_ASSERT(wp::app::ClientAddress("192.0.2.7", forwarded_for, trusted) == "192.0.2.7",
            "an untrusted peer is the client");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view cookie = TakeLine(input);
  std::string_view query = TakeLine(input);
  std::string_view forwarded_for = TakeLine(input);
  http::Request request;
  request.headers.Add("Cookie", std::string(cookie));
  request.query = std::string(query);
  CheckCookies(request, cookie);
  CheckQuery(request);
  CheckClientAddress(forwarded_for);
  return 0;
}
