// Fuzzes the import of eligible addresses for voting codes
// (codes/address_list.h): a CSV file a municipality exports and an official
// uploads.
// Properties: every address is trimmed, non-empty, at most
// kMaxAddressLength bytes and unique by AddressKey; lines increase; an
// address list written back as CSV imports to the same addresses.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/assert.h"
#include "core/strings.h"
#include "features/codes/address_list.h"

namespace codes = wp::codes;

namespace {

void CheckList(const codes::AddressList& list) {
  WP_ASSERT(!list.addresses.empty() && list.addresses.size() == list.address_lines.size(), "one line per address");
  std::set<std::string> keys;
  for (size_t i = 0; i < list.addresses.size(); ++i) {
    const std::string& a = list.addresses[i];
    WP_ASSERT(!a.empty() && wp::Trim(a) == a && a.size() <= codes::kMaxAddressLength, "trimmed, short addresses");
    WP_ASSERT(keys.insert(codes::AddressKey(a)).second, "addresses are unique by AddressKey");
    WP_ASSERT(i == 0 || list.address_lines[i] > list.address_lines[i - 1], "lines increase");
  }
}

// The addresses as a one-column CSV file, every field quoted.
std::string WriteCsv(const codes::AddressList& list) {
  std::string out = "adres\n";
  for (const std::string& a : list.addresses) {
    out += '"';
    for (char c : a) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += "\"\n";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  WP_ASSERT(codes::AddressKey(codes::AddressKey(text)) == codes::AddressKey(text), "AddressKey is idempotent");
  auto list = codes::ParseAddressCsv(text);
  if (!list.has_value()) return 0;
  CheckList(*list);
  auto again = codes::ParseAddressCsv(WriteCsv(*list));
  WP_ASSERT(again.has_value() && again->addresses == list->addresses, "write -> import keeps the addresses");
  return 0;
}
