#include "features/budgets/places.h"

#include <algorithm>

namespace wp::budgets {

namespace {

const geography::Neighbourhood* FindBuurt(const geography::Municipality& m, const std::string& code) {
  auto parsed = geography::NeighbourhoodCode::Parse(code);
  return parsed ? geography::FindNeighbourhood(m, *parsed) : nullptr;
}

}  // namespace

std::string NeighbourhoodName(const geography::Municipality& m, const std::string& code) {
  const geography::Neighbourhood* n = FindBuurt(m, code);
  return n ? n->name : code;
}

std::string AreaName(const geography::Municipality& m, const Edition& e) {
  const geography::Borough* b = geography::FindBoroughBySlug(m, e.borough_slug);
  return b ? b->name : m.name;
}

std::vector<std::string> AreaDistricts(const geography::Municipality& m, const Edition& e) {
  std::vector<std::string> names;
  for (const auto& code : e.area) {
    const geography::Neighbourhood* n = FindBuurt(m, code);
    if (!n) continue;
    const geography::District* d = geography::FindDistrict(m, n->district_code);
    std::string name = d ? d->name : n->district_code.str();
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

std::map<std::string, std::string> BoroughOfBuurt(const geography::Municipality& m) {
  std::map<std::string, std::string> out;
  for (const auto& n : m.neighbourhoods) {
    const geography::Borough* b = geography::FindBorough(m, n.borough);
    out[n.code.str()] = b ? b->slug : "";
  }
  return out;
}

}  // namespace wp::budgets
