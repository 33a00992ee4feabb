#include "features/platforms/area_rules.h"

#include <algorithm>
#include <map>

namespace wp::platforms {
namespace {

std::set<std::string> DistrictsOf(const std::set<std::string>& area) {
  std::set<std::string> out;
  for (const auto& code : area) {
    if (IsNeighbourhoodCode(code)) out.insert(DistrictOfNeighbourhood(code));
  }
  return out;
}

template <typename Set>
std::vector<std::string> Intersection(const Set& a, const Set& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace

bool IsNeighbourhoodCode(std::string_view code) {
  if (code.size() != 10 || code.substr(0, 2) != "BU") return false;
  return std::all_of(code.begin() + 2, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string DistrictOfNeighbourhood(std::string_view code) { return "WK" + std::string(code.substr(2, 6)); }

std::string_view AreaProblemKey(AreaProblem p) {
  switch (p) {
    case AreaProblem::kEmpty:
      return "platforms.area.empty";
    case AreaProblem::kMalformedCode:
      return "platforms.area.malformed_code";
    case AreaProblem::kUnknownNeighbourhood:
      return "platforms.area.unknown_neighbourhood";
    case AreaProblem::kSeveralBoroughs:
      return "platforms.area.several_boroughs";
    case AreaProblem::kNoWholeUnit:
      return "platforms.area.no_whole_unit";
  }
  return "platforms.area.empty";
}

std::string_view OverlapReasonKey(OverlapReason r) {
  switch (r) {
    case OverlapReason::kSharedNeighbourhoods:
      return "platforms.overlap.shared_neighbourhoods";
    case OverlapReason::kSameDistrict:
      return "platforms.overlap.same_district";
  }
  return "platforms.overlap.shared_neighbourhoods";
}

Expected<AreaSummary, AreaError> CheckArea(const std::set<std::string>& area, const AreaMap& map) {
  if (area.empty()) return AreaError{AreaProblem::kEmpty, {}};
  std::vector<std::string> malformed;
  for (const auto& code : area) {
    if (!IsNeighbourhoodCode(code)) malformed.push_back(code);
  }
  if (!malformed.empty()) return AreaError{AreaProblem::kMalformedCode, std::move(malformed)};

  std::map<std::string_view, const AreaMap::Neighbourhood*> by_code;
  for (const auto& n : map.neighbourhoods) by_code.emplace(n.code, &n);
  std::vector<std::string> unknown;
  std::set<std::string> boroughs;
  std::set<std::string> districts;
  for (const auto& code : area) {
    auto it = by_code.find(code);
    if (it == by_code.end()) {
      unknown.push_back(code);
      continue;
    }
    boroughs.insert(it->second->borough_slug);
    districts.insert(it->second->district_code);
  }
  if (!unknown.empty()) return AreaError{AreaProblem::kUnknownNeighbourhood, std::move(unknown)};
  if (boroughs.size() > 1) {
    return AreaError{AreaProblem::kSeveralBoroughs, std::vector<std::string>(boroughs.begin(), boroughs.end())};
  }

  AreaSummary summary;
  summary.borough_slug = *boroughs.begin();
  summary.district_codes.assign(districts.begin(), districts.end());
  for (const auto& district : districts) {
    bool whole = std::all_of(map.neighbourhoods.begin(), map.neighbourhoods.end(),
                             [&](const auto& n) { return n.district_code != district || area.contains(n.code); });
    if (whole) summary.whole_district_codes.push_back(district);
  }
  for (const auto& council : map.councils) {
    if (council.neighbourhood_codes.empty()) continue;
    bool whole = std::all_of(council.neighbourhood_codes.begin(), council.neighbourhood_codes.end(),
                             [&](const std::string& code) { return area.contains(code); });
    if (whole) summary.whole_council_names.push_back(council.name);
  }
  std::sort(summary.whole_council_names.begin(), summary.whole_council_names.end());
  if (summary.whole_district_codes.empty() && summary.whole_council_names.empty()) {
    return AreaError{AreaProblem::kNoWholeUnit, {}};
  }
  return summary;
}

Expected<void, std::vector<OverlapConflict>> CheckOverlap(PlatformId self, const std::set<std::string>& area,
                                                          std::span<const OtherPlatform> others, AreaPolicy policy) {
  std::vector<OverlapConflict> conflicts;
  const std::set<std::string> districts = DistrictsOf(area);
  for (const auto& other : others) {
    if ((self != 0 && other.id == self) || !IsActive(other.status)) continue;
    std::vector<std::string> shared = Intersection(area, other.area);
    if (!shared.empty()) {
      conflicts.push_back({OverlapReason::kSharedNeighbourhoods, other.id, other.name, std::move(shared)});
      continue;
    }
    if (!policy.one_platform_per_district) continue;
    std::vector<std::string> shared_districts = Intersection(districts, DistrictsOf(other.area));
    if (!shared_districts.empty()) {
      conflicts.push_back({OverlapReason::kSameDistrict, other.id, other.name, std::move(shared_districts)});
    }
  }
  if (conflicts.empty()) return {};
  return conflicts;
}

}  // namespace wp::platforms
