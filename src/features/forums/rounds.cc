#include "features/forums/rounds.h"

#include <algorithm>

#include "core/strings.h"
#include "features/codes/address_list.h"

namespace wp::forums {

OpenSeats OpenSeatQuotas(const sortition::Quotas& quotas, int seats, const std::vector<Features>& members) {
  OpenSeats out;
  out.open = std::max(0, seats - static_cast<int>(members.size()));
  out.quotas = quotas;
  for (auto& f : out.quotas.features) {
    int held = static_cast<int>(std::count_if(members.begin(), members.end(), [&f](const Features& m) {
      auto it = m.find(f.category);
      return it != m.end() && it->second == f.value;
    }));
    f.min = std::max(0, f.min - held);
    f.max = std::max(0, f.max - held);
    f.min_flex = -1;
    f.max_flex = -1;
  }
  return out;
}

std::vector<int> SampleNewAddresses(std::string_view seed, const std::vector<std::string>& addresses,
                                    const std::set<std::string>& invited_before, int count) {
  std::set<std::string> before;
  for (const auto& a : invited_before) before.insert(codes::AddressKey(a));
  std::vector<std::pair<std::string, int>> ranked;
  for (size_t i = 0; i < addresses.size(); ++i) {
    std::string key = codes::AddressKey(addresses[i]);
    if (before.count(key) > 0) continue;
    ranked.emplace_back(Sha256Hex(std::string(seed) + "\n" + key), static_cast<int>(i));
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<int> out;
  for (size_t i = 0; i < ranked.size() && static_cast<int>(i) < count; ++i) out.push_back(ranked[i].second);
  return out;
}

std::optional<std::string> RoundRefusal(bool drawn, int open_seats, bool round_registering) {
  if (!drawn) return "forums.error.not_drawn";
  if (open_seats <= 0) return "forums.error.no_open_seats";
  if (round_registering) return "forums.error.round_open";
  return std::nullopt;
}

std::optional<int64_t> AppealStart(const std::vector<DrawMoment>& draws) {
  std::optional<int64_t> latest;
  for (const auto& d : draws) {
    if (!d.done || !d.finished_at) continue;
    if (!latest || *d.finished_at > *latest) latest = d.finished_at;
  }
  return latest;
}

bool MayErase(int64_t now, std::optional<int64_t> appeal_start, int appeal_days, bool round_waiting) {
  if (!appeal_start || round_waiting) return false;
  return now >= *appeal_start + int64_t{appeal_days} * 86400;
}

bool KeepsNameAndEmail(bool member, int round) { return member || round <= 1; }

}  // namespace wp::forums
