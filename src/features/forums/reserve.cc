#include "features/forums/reserve.h"

#include <algorithm>

#include "core/strings.h"

namespace wp::forums {

std::vector<std::string> ReserveOrder(std::string_view seed, const std::vector<std::string>& public_ids) {
  std::vector<std::pair<std::string, std::string>> ranked;
  ranked.reserve(public_ids.size());
  for (const auto& id : public_ids) ranked.emplace_back(Sha256Hex(std::string(seed) + "\n" + id), id);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  out.reserve(ranked.size());
  for (auto& r : ranked) out.push_back(std::move(r.second));
  return out;
}

bool QuotasReachable(const sortition::Quotas& quotas, int seats, const std::vector<Features>& panel) {
  int open = seats - static_cast<int>(panel.size());
  if (open < 0) return false;
  for (const auto& category : quotas.categories) {
    int missing = 0;
    for (int fi : category.features) {
      const auto& f = quotas.features[static_cast<size_t>(fi)];
      int have = static_cast<int>(std::count_if(panel.begin(), panel.end(), [&f](const Features& m) {
        auto it = m.find(f.category);
        return it != m.end() && it->second == f.value;
      }));
      if (have > f.max) return false;
      missing += std::max(0, f.min - have);
    }
    if (missing > open) return false;
  }
  return true;
}

std::optional<size_t> FirstFittingReserve(const sortition::Quotas& quotas, int seats,
                                          const std::vector<Features>& panel, const std::vector<Reserve>& reserves) {
  std::vector<Features> with = panel;
  with.emplace_back();
  for (size_t i = 0; i < reserves.size(); ++i) {
    with.back() = reserves[i].features;
    if (QuotasReachable(quotas, seats, with)) return i;
  }
  return std::nullopt;
}

}  // namespace wp::forums
