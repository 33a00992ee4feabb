#include "app/client_address.h"

#include <algorithm>

#include "core/strings.h"

namespace wp::app {

namespace {

bool IsTrusted(std::string_view address, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

bool LooksLikeAddress(std::string_view a) {
  if (a.empty() || a.size() > 45) return false;
  for (char c : a) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> ParseAddressList(std::string_view text) {
  std::vector<std::string> out;
  for (auto part : Split(text, ',')) {
    std::string_view a = Trim(part);
    if (!a.empty()) out.emplace_back(a);
  }
  return out;
}

std::string ClientAddress(std::string_view peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies) {
  std::string client(peer);
  if (!IsTrusted(peer, trusted_proxies) || forwarded_for.empty()) return client;
  std::vector<std::string> hops = ParseAddressList(forwarded_for);
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (!LooksLikeAddress(*it)) break;
    client = *it;
    if (!IsTrusted(*it, trusted_proxies)) break;
  }
  return client;
}

}  // namespace wp::app
