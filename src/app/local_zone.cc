#include "app/local_zone.h"

#include <fstream>
#include <sstream>

namespace wp::app {

LocalZone LoadLocalZone(const std::string& zoneinfo_file) {
  std::ifstream in(zoneinfo_file, std::ios::binary);
  if (in) {
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto zone = time::TimeZone::FromTzif(bytes.str());
    if (zone.has_value()) return {std::move(*zone), true};
  }
  return {*time::TimeZone::FromPosixRule(time::kAmsterdamRule), false};
}

}  // namespace wp::app
