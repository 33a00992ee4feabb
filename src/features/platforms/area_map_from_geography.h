// Builds the AreaMap of area_rules.h from the geography feature's main header.
// Glue for the store/commands layer (and tests), not domain code: the domain
// files of this feature include no other feature (tools/check_layering.sh).
#pragma once

#include <string>

#include "features/geography/geography.h"
#include "features/platforms/area_rules.h"

namespace wp::platforms {

// Every buurt with its wijk and the slug of its stadsdeel (empty when the
// borough name is unknown), and every former wijkraad with its mapped buurten.
inline AreaMap AreaMapFromGeography(const geography::Municipality& m) {
  AreaMap map;
  map.neighbourhoods.reserve(m.neighbourhoods.size());
  for (const auto& n : m.neighbourhoods) {
    const geography::Borough* borough = geography::FindBorough(m, n.borough);
    map.neighbourhoods.push_back({n.code.str(), n.district_code.str(), borough ? borough->slug : std::string()});
  }
  for (const auto& c : m.council_mappings) {
    AreaMap::Council council{c.council_name, {}};
    for (const auto& code : c.neighbourhoods) council.neighbourhood_codes.push_back(code.str());
    map.councils.push_back(std::move(council));
  }
  return map;
}

}  // namespace wp::platforms
