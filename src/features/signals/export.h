// The export of signals for a period (`wijkplatform signals export`): one row
// per signal with what the public may know of it, as CSV or JSON. No personal
// data: no reporter, no e-mail, no handler's name, no internal note; the
// description only when the reporter allowed it. Pure.
#pragma once

#include <string>
#include <vector>

#include "features/signals/signal.h"

namespace wp::signals {

// The columns, in order: number, category, category_name, department, status,
// open, created, updated, closed, deadline, neighbourhood, district, borough,
// street, lat, lon, description, source, platform_id, merged_into,
// forwarded_to. Times in UTC ("2026-03-14T08:30:00Z"); empty when unset.
const std::vector<std::string>& ExportColumns();

// One row per signal in ExportColumns order; `categories` names them.
std::vector<std::vector<std::string>> ExportRows(const std::vector<Signal>& signals,
                                                 const std::vector<Category>& categories);

// RFC 4180 CSV with a header line, CRLF line ends; a field that starts with
// '=', '+', '-' or '@' gets a leading apostrophe so a spreadsheet does not run
// it as a formula.
std::string ExportCsv(const std::vector<std::vector<std::string>>& rows);

// {"from", "to", "count", "signals": [{column: value, ...}]}: numbers and
// booleans as JSON numbers and booleans, empty values as null.
std::string ExportJson(const std::vector<std::vector<std::string>>& rows, int64_t from, int64_t to);

}  // namespace wp::signals
