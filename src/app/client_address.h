// ClientAddress: the address of the person behind a request when the server
// sits behind trusted reverse proxies (nginx, HAProxy) that append to
// X-Forwarded-For. Rate limits per address depend on it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wp::app {

// Returns `peer` unless it is one of `trusted_proxies`; then walks
// X-Forwarded-For from the right and returns the first address that is not
// a trusted proxy (the left-most entries can be forged by the client).
// Malformed entries stop the walk at the last trusted hop.
std::string ClientAddress(std::string_view peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

// Parses "a, b ,c" into addresses; empty entries are dropped.
std::vector<std::string> ParseAddressList(std::string_view text);

}  // namespace wp::app
