#include "features/offers/matching.h"

#include <algorithm>
#include <functional>

namespace wp::offers {

namespace {

std::vector<Ranked> Best(const std::vector<MatchFacts>& others, size_t limit,
                         const std::function<MatchScore(const MatchFacts&)>& score) {
  std::vector<Ranked> out;
  for (const auto& o : others) {
    MatchScore s = score(o);
    if (s.suggested()) out.push_back({o.id, std::move(s)});
  }
  std::sort(out.begin(), out.end(), [](const Ranked& a, const Ranked& b) {
    if (a.match.score != b.match.score) return a.match.score > b.match.score;
    return a.id > b.id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace

std::string_view AreaFitName(AreaFit a) {
  switch (a) {
    case AreaFit::kSameDistrict:
      return "same_district";
    case AreaFit::kSameBorough:
      return "same_borough";
    case AreaFit::kCityWide:
      return "city_wide";
    case AreaFit::kElsewhere:
      return "elsewhere";
  }
  return "elsewhere";
}

MatchFacts FactsOf(const Need& n) {
  return {n.id, n.what.kind, n.what.themes, n.district_code, n.borough_slug};
}

MatchFacts FactsOf(const Offer& o) {
  return {o.id, o.what.kind, o.what.themes, o.what.district_code, o.borough_slug};
}

MatchScore Score(const MatchFacts& need, const MatchFacts& offer) {
  MatchScore s;
  if (need.kind != offer.kind) return s;
  for (const char* t : kThemes) {
    bool in_need = std::find(need.themes.begin(), need.themes.end(), t) != need.themes.end();
    bool in_offer = std::find(offer.themes.begin(), offer.themes.end(), t) != offer.themes.end();
    if (in_need && in_offer) s.shared_themes.emplace_back(t);
  }
  if (offer.district_code.empty()) {
    s.area = AreaFit::kCityWide;
  } else if (!need.district_code.empty() && need.district_code == offer.district_code) {
    s.area = AreaFit::kSameDistrict;
  } else if (!need.borough_slug.empty() && need.borough_slug == offer.borough_slug) {
    s.area = AreaFit::kSameBorough;
  }
  int area_points = s.area == AreaFit::kSameDistrict  ? kSameDistrictPoints
                    : s.area == AreaFit::kSameBorough ? kSameBoroughPoints
                    : s.area == AreaFit::kCityWide    ? kCityWidePoints
                                                      : 0;
  int theme_points = std::min(kMaxThemePoints, kThemePoints * static_cast<int>(s.shared_themes.size()));
  s.score = kKindPoints + theme_points + area_points;
  return s;
}

std::vector<Ranked> BestOffers(const MatchFacts& need, const std::vector<MatchFacts>& offers, size_t limit) {
  return Best(offers, limit, [&](const MatchFacts& o) { return Score(need, o); });
}

std::vector<Ranked> BestNeeds(const MatchFacts& offer, const std::vector<MatchFacts>& needs, size_t limit) {
  return Best(needs, limit, [&](const MatchFacts& n) { return Score(n, offer); });
}

}  // namespace wp::offers
