// AreaSignals: what other pages show of the signals of an area, without the
// signals' store: the wijk page (geography's district sections) and a
// platform's page (its area's buurten). Counts and the newest signals on the
// public list (open, or closed less than kPublicAfterClosingSeconds ago), no
// personal data, as values or as a ready HTML section with a link to the
// full list. Thread-safe.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace wp::signals {

class SignalCommands;

// One signal as a line in a section.
struct AreaSignal {
  int64_t id = 0;
  std::string number;    // "M-1042"
  std::string category;  // in the asked language, with its main category
  std::string status;    // StatusName: "reported", "in_progress", ...
  bool open = true;
  int64_t created_at = 0;
};

struct AreaSummary {
  int64_t on_list = 0;                 // signals on the public list of the area
  int64_t open = 0;                    // of which open
  std::vector<AreaSignal> latest;      // newest first, at most the asked number
  std::vector<std::string> districts;  // the wijken (codes) whose full list covers the area
};

class AreaSignals {
 public:
  explicit AreaSignals(SignalCommands& commands) : commands_(commands) {}

  // The public signals of wijk `district_code` ("WK039201").
  Result<AreaSummary> InDistrict(std::string_view district_code, std::string_view locale, int limit) const;
  // The public signals of the buurten `neighbourhoods` (a platform's area).
  Result<AreaSummary> InNeighbourhoods(const std::set<std::string>& neighbourhoods, std::string_view locale,
                                       int limit) const;

  // The section of the wijk page: counts, the newest signals with their
  // status, a link to the wijk's full list and to the report form.
  std::string DistrictSection(std::string_view district_code, std::string_view locale) const;
  // The section of a platform's page, for the buurten of its area, with a
  // link to `trends_href` when not empty (for those who may see the trends).
  std::string AreaSection(const std::set<std::string>& neighbourhoods, std::string_view locale,
                          const std::string& trends_href = "") const;

 private:
  std::string Section(const Result<AreaSummary>& summary, std::string_view locale,
                      const std::string& trends_href) const;

  SignalCommands& commands_;
};

}  // namespace wp::signals
