// Names of the places of editions and plans (stadsdelen, wijken, buurten),
// read from the municipality's geography. For pages and the edition form;
// pure functions of the municipality given.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "features/budgets/edition.h"
#include "features/geography/geography.h"

namespace wp::budgets {

// The municipality as loaded now (shared, read-only; empty before an import).
using MunicipalityFn = std::function<std::shared_ptr<const geography::Municipality>()>;

// The name of buurt `code`, or the code itself when it is not a buurt of `m`.
std::string NeighbourhoodName(const geography::Municipality& m, const std::string& code);
// The stadsdeel of `e` by name, or the municipality's name for an edition of
// the whole municipality.
std::string AreaName(const geography::Municipality& m, const Edition& e);
// The wijken that make up the area of `e`, by name, without repeats.
std::vector<std::string> AreaDistricts(const geography::Municipality& m, const Edition& e);
// The stadsdeel slug of each buurtcode of `m` (what CheckEdition needs).
std::map<std::string, std::string> BoroughOfBuurt(const geography::Municipality& m);

}  // namespace wp::budgets
