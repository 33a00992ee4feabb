// The area rules of a wijkplatform: what a valid area is, and the overlap rule
// "one platform per wijk" (Haarlem requires it) / "areas of two active
// platforms never overlap". Pure functions over plain values; thread-safe.
// Haarlem's rules quoted below are from "Van wijkraden naar wijkplatforms"
// (haarlem.nl, December 2023).
//
// An area is a set of CBS buurtcodes ("BU03920101"). CheckArea accepts it when:
//  1. it is not empty and every code is a well-formed buurtcode known in the map;
//  2. all its buurten lie in ONE stadsdeel (borough), so that exactly one
//     gebiedsverbinder is responsible for the platform (Haarlem has one
//     contact per stadsdeel); the platform's borough_slug comes from here;
//  3. it covers at least one whole "unit": all buurten of a former wijkraad
//     (a CouncilMapping with buurten: a platform covers at least a former
//     wijkraad's area) or, where no wijkraad existed (Haarlem: "niet overal
//     wijkraden"), all buurten of one wijk.
// Contiguity of the buurten is not checked: geography has no adjacency yet.
//
// CheckOverlap refuses an area when another ACTIVE platform (IsActive in
// platform.h: submitted, in formation, recognised) shares a buurt with it, or,
// under AreaPolicy::one_platform_per_district (default on; Haarlem: "per wijk
// maar 1 wijkplatform"), has a buurt in one of the same wijken. Submitted
// applications count, so the first applicant holds the wijk until the
// municipality refuses it or it is withdrawn; later applicants are told whom
// to join. Ended, withdrawn and refused platforms free their area.
//
// The rules read an AreaMap, a flat view of the geography; build it from a
// geography::Municipality with area_map_from_geography.h (outside the domain
// code, which includes no other feature).
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "features/platforms/platform.h"

namespace wp::platforms {

// What the area rules need to know about the municipality.
struct AreaMap {
  struct Neighbourhood {
    std::string code;           // "BU03920101"
    std::string district_code;  // "WK039201"
    std::string borough_slug;   // "centrum"
  };
  struct Council {
    std::string name;                              // "Rozenprieel"
    std::vector<std::string> neighbourhood_codes;  // empty when not mapped: ignored
  };
  std::vector<Neighbourhood> neighbourhoods;  // any order, codes unique
  std::vector<Council> councils;
};

// True when `code` is "BU" + 8 digits.
bool IsNeighbourhoodCode(std::string_view code);
// The wijkcode of a buurtcode by CBS numbering: "BU03920101" -> "WK039201".
// REQUIRES: IsNeighbourhoodCode(code).
std::string DistrictOfNeighbourhood(std::string_view code);

enum class AreaProblem {
  kEmpty,                 // no buurten chosen
  kMalformedCode,         // a code is not "BU" + 8 digits
  kUnknownNeighbourhood,  // well formed, but not a buurt of this municipality
  kSeveralBoroughs,       // buurten in more than one stadsdeel
  kNoWholeUnit,           // covers neither a former wijkraad's area nor a whole wijk
};
// The i18n key, e.g. "platforms.area.several_boroughs".
std::string_view AreaProblemKey(AreaProblem p);

struct AreaError {
  AreaProblem problem;
  // The codes at fault: the bad codes (kMalformedCode, kUnknownNeighbourhood),
  // or the borough slugs involved, sorted (kSeveralBoroughs); empty otherwise.
  std::vector<std::string> codes;
  bool operator==(const AreaError&) const = default;
};

// What a valid area is made of; all lists sorted.
struct AreaSummary {
  std::string borough_slug;
  std::vector<std::string> district_codes;        // wijken the area touches
  std::vector<std::string> whole_district_codes;  // wijken it covers completely
  std::vector<std::string> whole_council_names;   // former wijkraden it covers completely
};

// Checks `area` against rules 1-3 above. Returns the summary, or the first
// problem found in the order of the AreaProblem enum.
Expected<AreaSummary, AreaError> CheckArea(const std::set<std::string>& area, const AreaMap& map);

struct AreaPolicy {
  // Refuse a second active platform in a wijk even when the buurten differ.
  // Default true (Haarlem: "Er kan per wijk maar 1 wijkplatform zijn").
  bool one_platform_per_district = true;
};

// Another platform as the overlap rule sees it.
struct OtherPlatform {
  PlatformId id = 0;
  std::string name;
  PlatformStatus status = PlatformStatus::kSubmitted;
  std::set<std::string> area;
};

enum class OverlapReason {
  kSharedNeighbourhoods,  // both areas contain the same buurt(en)
  kSameDistrict,          // no shared buurt, but buurten in the same wijk(en)
};
std::string_view OverlapReasonKey(OverlapReason r);  // "platforms.overlap.shared_neighbourhoods", ...

struct OverlapConflict {
  OverlapReason reason;
  PlatformId other_id = 0;
  std::string other_name;
  // Sorted: the shared buurtcodes (kSharedNeighbourhoods) or the shared wijkcodes (kSameDistrict).
  std::vector<std::string> codes;
  bool operator==(const OverlapConflict&) const = default;
};

// Checks the proposed `area` of platform `self` (0 for a new one) against the
// `others`. Entries with id == self and inactive platforms are skipped.
// Returns nothing on success, or one conflict per conflicting platform in the
// order of `others`; a platform sharing buurten is reported as
// kSharedNeighbourhoods only. Malformed codes are compared as plain text.
Expected<void, std::vector<OverlapConflict>> CheckOverlap(PlatformId self, const std::set<std::string>& area,
                                                          std::span<const OtherPlatform> others,
                                                          AreaPolicy policy = {});

}  // namespace wp::platforms
