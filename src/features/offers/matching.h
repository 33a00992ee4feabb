// Matching needs and offers: a score for one need and one offer by kind,
// shared themes and skills, and area, and the best offers for a need (or
// needs for an offer). Pure: no clock, no I/O; callers pass only current
// needs and offers (IsCurrent).
//
// The score (0 = no match):
//   kind      the same kind is required; it gives kKindPoints (40)
//   themes    kThemePoints (20) per shared theme, at most kMaxThemePoints (60)
//   area      same wijk 30, same stadsdeel 15, offered city-wide 10, elsewhere 0
// A pair is suggested when it scores at least kSuggestScore (50): the kind
// and something more (a theme, or an area that fits). Ties: the higher
// score, then the newer item (higher id). The tests check each rule and
// that the order is total.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "features/offers/offer.h"

namespace wp::offers {

inline constexpr int kKindPoints = 40;
inline constexpr int kThemePoints = 20;
inline constexpr int kMaxThemePoints = 60;
inline constexpr int kSameDistrictPoints = 30;
inline constexpr int kSameBoroughPoints = 15;
inline constexpr int kCityWidePoints = 10;
inline constexpr int kSuggestScore = 50;

// How the offer's area fits the need's place.
enum class AreaFit { kSameDistrict, kSameBorough, kCityWide, kElsewhere };
std::string_view AreaFitName(AreaFit a);  // "same_district", "same_borough", "city_wide", "elsewhere"

// What matching reads of a need and of an offer.
struct MatchFacts {
  int64_t id = 0;
  Kind kind = Kind::kVolunteers;
  std::vector<std::string> themes;
  std::string district_code;  // a need's wijk; an offer's wijk, empty for the whole city
  std::string borough_slug;
};
MatchFacts FactsOf(const Need& n);
MatchFacts FactsOf(const Offer& o);

struct MatchScore {
  int score = 0;  // 0 when the kinds differ
  AreaFit area = AreaFit::kElsewhere;
  std::vector<std::string> shared_themes;  // in kThemes order
  bool suggested() const { return score >= kSuggestScore; }
};

// The score of `need` with `offer` as described above.
MatchScore Score(const MatchFacts& need, const MatchFacts& offer);

struct Ranked {
  int64_t id = 0;  // the offer's (BestOffers) or the need's (BestNeeds)
  MatchScore match;
};
// The suggested offers for `need`, best first, at most `limit`.
std::vector<Ranked> BestOffers(const MatchFacts& need, const std::vector<MatchFacts>& offers, size_t limit);
// The suggested needs for `offer`, best first, at most `limit`.
std::vector<Ranked> BestNeeds(const MatchFacts& offer, const std::vector<MatchFacts>& needs, size_t limit);

}  // namespace wp::offers
