// The tables of print files and of their downloads (issue #11 item 3), for
// the managers' codes page and the print officer's page.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/time/time_zone.h"
#include "core/web/web.h"
#include "features/budgets/edition.h"
#include "features/codes/download_record.h"
#include "features/codes/print_folder.h"

namespace wp::codes {

// The print files; each name links to its download when `links` (the print
// officer before voting opens), else it is plain text.
nlohmann::json FilesTable(const web::Context& ctx, const budgets::Edition& e, const std::vector<PrintFile>& files,
                          bool links);

// Who downloaded which file when, newest first; null when there is none.
nlohmann::json DownloadsTable(const web::Context& ctx, const std::vector<DownloadRecord>& downloads,
                              const time::TimeZone& zone);

}  // namespace wp::codes
