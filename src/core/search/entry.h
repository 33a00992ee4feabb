// search::Entry: one row of the site's full-text index (the archive's search,
// features/archive) as a feature describes something it publishes: an advice
// with its points, an answer with its reasons, the minutes of a meeting.
// Plain value; pure code may build it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wp::search {

struct Entry {
  std::string source;       // who feeds it, e.g. "advice"; with ref_id the key of the entry
  int64_t ref_id = 0;       // the id in the source's own table
  int64_t platform_id = 0;  // the platform whose archive holds it
  std::string kind;         // an archive kind by name: "advies", "antwoord", "notulen", "adviesaanvraag"
  int64_t at = 0;           // when it was published, unix seconds UTC
  std::string title;
  std::string body;  // the text searched besides the title
};

}  // namespace wp::search
