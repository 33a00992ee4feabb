// Fuzzes the config file reader (app/config.h): key = value lines, then the
// checks the server runs at start. A config file is written by an operator,
// not by the public, but a typo must give a message, never a crash.
// Properties: reading the same text twice gives the same verdict; the
// address lists of a valid config have no empty entries.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/client_address.h"
#include "app/config.h"
#include "core/assert.h"

namespace app = wp::app;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto config = app::BuildConfig({.file_text = text, .file_name = "fuzz.conf"});
  auto again = app::BuildConfig({.file_text = text, .file_name = "fuzz.conf"});
  WP_ASSERT(config.has_value() == again.has_value(), "reading is deterministic");
  if (!config.has_value()) return 0;
  if (!app::ValidateConfig(*config).has_value()) return 0;
  // What the server does next with two of the values.
  for (const std::string& a : app::ParseAddressList(config->trusted_proxies)) WP_ASSERT(!a.empty(), "no empty entry");
  for (const std::string& a : app::ParseAddressList(config->metrics_addresses)) WP_ASSERT(!a.empty(), "no empty entry");
  return 0;
}
