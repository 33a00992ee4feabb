// `wijkplatform doctor`: the risks to the secret ballot and to residents'
// data that the configuration and the files on disk show (issue #11 item 6),
// each with the fix. Reads files only; opens no database.
#pragma once

#include <string>
#include <vector>

#include "app/config.h"

namespace wp::app {

struct DoctorFinding {
  std::string id;    // stable name, e.g. "voting_key_readable"
  std::string risk;  // what is wrong, one sentence
  std::string fix;   // what to do, one sentence
};

// Every risk it can see, in a fixed order: voting_key_readable,
// voting_key_next_to_database, print_files_left, smtp_without_tls,
// metrics_public, base_url_not_https.
std::vector<DoctorFinding> Diagnose(const Config& config);

}  // namespace wp::app
