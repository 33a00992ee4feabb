#include "app/client_address.h"

#include <gtest/gtest.h>

namespace wp::app {
namespace {

TEST(ClientAddressTest, Table) {
  std::vector<std::string> trusted = {"127.0.0.1", "10.0.0.2"};
  struct Case { const char* peer; const char* xff; const char* want; } cases[] = {
      {"203.0.113.5", "", "203.0.113.5"},
      {"203.0.113.5", "1.2.3.4", "203.0.113.5"},            // untrusted peer: header ignored
      {"127.0.0.1", "", "127.0.0.1"},
      {"127.0.0.1", "198.51.100.7", "198.51.100.7"},
      {"127.0.0.1", "6.6.6.6, 198.51.100.7", "198.51.100.7"},  // client-forged left part ignored
      {"127.0.0.1", "198.51.100.7, 10.0.0.2", "198.51.100.7"},  // two trusted hops
      {"127.0.0.1", "garbage<script>", "127.0.0.1"},
      {"127.0.0.1", "2001:db8::1", "2001:db8::1"},
  };
  for (const auto& c : cases) EXPECT_EQ(ClientAddress(c.peer, c.xff, trusted), c.want) << c.peer << " / " << c.xff;
  EXPECT_EQ(ParseAddressList(" a, ,b "), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace wp::app
