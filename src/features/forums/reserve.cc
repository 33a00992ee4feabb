#include "features/forums/reserve.h"

#include <algorithm>
#include <map>
#include <optional>

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

namespace {

// The joint search: how many of each kind of person (the same value in every
// category) to take, kind by kind, within every maximum, until the open
// seats are filled with every minimum met.
class Completion {
 public:
  Completion(const sortition::Quotas& quotas, const std::vector<Features>& panel, const std::vector<Features>& pool)
      : n_features_(quotas.features.size()), low_(n_features_), high_(n_features_), count_(n_features_, 0) {
    auto feature_list = [&quotas](const Features& person) {
      std::vector<int> out;
      for (size_t f = 0; f < quotas.features.size(); ++f) {
        auto it = person.find(quotas.features[f].category);
        if (it != person.end() && it->second == quotas.features[f].value) out.push_back(static_cast<int>(f));
      }
      return out;
    };
    for (size_t f = 0; f < n_features_; ++f) {
      low_[f] = quotas.features[f].min;
      high_[f] = quotas.features[f].max;
    }
    for (const auto& m : panel) {
      for (int f : feature_list(m)) {
        --low_[static_cast<size_t>(f)];
        --high_[static_cast<size_t>(f)];
      }
    }
    std::map<std::vector<int>, int> kinds;
    for (const auto& p : pool) ++kinds[feature_list(p)];
    for (auto& [features, n] : kinds) kinds_.push_back({features, n});
    // suffix_[k][f]: people with feature f among kinds k and later.
    suffix_.assign(kinds_.size() + 1, std::vector<int>(n_features_, 0));
    for (size_t k = kinds_.size(); k-- > 0;) {
      suffix_[k] = suffix_[k + 1];
      for (int f : kinds_[k].features) suffix_[k][static_cast<size_t>(f)] += kinds_[k].available;
    }
  }

  // nullopt when the search grew too large.
  std::optional<bool> Exists(int open) {
    for (size_t f = 0; f < n_features_; ++f) {
      if (high_[f] < 0) return false;
    }
    bool found = Search(0, open);
    if (steps_ > kMaxSteps) return std::nullopt;
    return found;
  }

 private:
  static constexpr int kMaxSteps = 200000;
  struct Kind {
    std::vector<int> features;
    int available = 0;
  };

  bool Search(size_t k, int open) {
    if (++steps_ > kMaxSteps) return false;
    for (size_t f = 0; f < n_features_; ++f) {
      if (count_[f] + std::min(open, suffix_[k][f]) < low_[f]) return false;
    }
    if (open == 0) return true;  // every minimum is met (checked above)
    if (k == kinds_.size()) return false;
    const Kind& kind = kinds_[k];
    int most = std::min(kind.available, open);
    for (int f : kind.features) most = std::min(most, high_[static_cast<size_t>(f)] - count_[static_cast<size_t>(f)]);
    for (int take = most; take >= 0; --take) {
      for (int f : kind.features) count_[static_cast<size_t>(f)] += take;
      bool found = Search(k + 1, open - take);
      for (int f : kind.features) count_[static_cast<size_t>(f)] -= take;
      if (found) return true;
    }
    return false;
  }

  size_t n_features_;
  std::vector<int> low_, high_, count_;
  std::vector<Kind> kinds_;
  std::vector<std::vector<int>> suffix_;
  int steps_ = 0;
};

}  // namespace

bool CompletionExists(const sortition::Quotas& quotas, int seats, const std::vector<Features>& panel,
                      const std::vector<Features>& pool) {
  int open = seats - static_cast<int>(panel.size());
  if (open < 0) return false;
  if (!QuotasReachable(quotas, seats, panel)) return false;
  if (open > static_cast<int>(pool.size())) return false;
  std::optional<bool> found = Completion(quotas, panel, pool).Exists(open);
  return found.value_or(true);  // too large to search: the per-category answer (true here)
}

std::optional<size_t> FirstFittingReserve(const sortition::Quotas& quotas, int seats,
                                          const std::vector<Features>& panel, const std::vector<Reserve>& reserves) {
  std::vector<Features> with = panel;
  with.emplace_back();
  std::vector<Features> rest;
  for (size_t i = 0; i < reserves.size(); ++i) {
    with.back() = reserves[i].features;
    if (!QuotasReachable(quotas, seats, with)) continue;
    rest.clear();
    for (size_t j = 0; j < reserves.size(); ++j) {
      if (j != i) rest.push_back(reserves[j].features);
    }
    if (CompletionExists(quotas, seats, with, rest)) return i;
  }
  return std::nullopt;
}

std::vector<ReserveShortfall> ReserveShortfalls(const sortition::Quotas& quotas, int seats,
                                                const std::vector<Features>& panel,
                                                const std::vector<Reserve>& reserves) {
  auto count = [](const sortition::Feature& f, auto begin, auto end, auto get) {
    return static_cast<int>(std::count_if(begin, end, [&](const auto& x) {
      const Features& m = get(x);
      auto it = m.find(f.category);
      return it != m.end() && it->second == f.value;
    }));
  };
  auto self = [](const Features& m) -> const Features& { return m; };
  auto of_reserve = [](const Reserve& r) -> const Features& { return r.features; };
  int open = std::max(0, seats - static_cast<int>(panel.size()));
  std::vector<ReserveShortfall> out;
  for (const auto& category : quotas.categories) {
    int room = 0;
    for (int fi : category.features) {
      const auto& f = quotas.features[static_cast<size_t>(fi)];
      int held = count(f, panel.begin(), panel.end(), self);
      int in_reserve = count(f, reserves.begin(), reserves.end(), of_reserve);
      if (held + in_reserve < f.min) out.push_back({f.Name(), f.min, held + in_reserve});
      room += std::max(0, std::min(f.max - held, in_reserve));
    }
    if (room < open) out.push_back({category.name, open, room});
  }
  return out;
}

}  // namespace wp::forums
