// A recorded download of a print file (issue #11 item 3): who, which file,
// when. Kept in codes_downloads and shown to the edition's managers.
#pragma once

#include <cstdint>
#include <string>

namespace wp::codes {

struct DownloadRecord {
  std::string file_name;
  std::string user_name;  // display name and e-mail address at the time
  int64_t at = 0;
};

}  // namespace wp::codes
