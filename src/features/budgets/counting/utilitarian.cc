#include "features/budgets/counting/utilitarian.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace wp::budgets::counting {
namespace {

// Largest tables the dynamic program may use: cells = items * (capacity + 1)
// bits, plus capacity + 1 values.
constexpr int64_t kMaxDpCells = 200'000'000;
constexpr int64_t kMaxDpCapacity = 5'000'000;
// Search nodes branch and bound may use before the table is tried instead.
constexpr int64_t kQuickSearchNodes = 2'000'000;

using Value = __int128;

struct Item {
  int project;
  int64_t weight;  // cost, in units of the gcd
  Value value;     // votes * cost_cents
  int64_t density;  // value per unit of weight (votes * gcd)
};

std::vector<int> SolveByDp(const std::vector<Item>& items, int64_t capacity) {
  const size_t cols = static_cast<size_t>(capacity) + 1;
  std::vector<Value> best(cols, 0);
  std::vector<std::vector<bool>> take(items.size(), std::vector<bool>(cols, false));
  for (size_t i = 0; i < items.size(); ++i) {
    const int64_t w = items[i].weight;
    for (int64_t c = capacity; c >= w; --c) {
      Value with = best[c - w] + items[i].value;
      if (with > best[c]) {
        best[c] = with;
        take[i][c] = true;
      }
    }
  }
  std::vector<int> chosen;
  int64_t c = capacity;
  for (size_t i = items.size(); i-- > 0;) {
    if (take[i][c]) {
      chosen.push_back(items[i].project);
      c -= items[i].weight;
    }
  }
  return chosen;
}

// Depth-first branch and bound over items sorted by value per unit of cost
// (= votes), bounded by the fractional relaxation, which is exact in integers
// because the density is an integer.
class BranchAndBound {
 public:
  // Gives up (Solve returns nullopt) after `max_nodes` search nodes; 0 = never.
  BranchAndBound(std::vector<Item> items, int64_t capacity, int64_t max_nodes)
      : items_(std::move(items)), capacity_(capacity), max_nodes_(max_nodes) {
    std::stable_sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) { return a.density > b.density; });
    current_.assign(items_.size(), false);
  }
  std::optional<std::vector<int>> Solve() {
    Search(0, capacity_, 0);
    if (gave_up_) return std::nullopt;
    std::vector<int> out;
    for (size_t i = 0; i < items_.size(); ++i) {
      if (best_set_[i]) out.push_back(items_[i].project);
    }
    return out;
  }

 private:
  Value Bound(size_t i, int64_t room, Value value) const {
    for (; i < items_.size(); ++i) {
      if (items_[i].weight <= room) {
        room -= items_[i].weight;
        value += items_[i].value;
      } else {
        return value + static_cast<Value>(room) * items_[i].density;
      }
    }
    return value;
  }
  void Search(size_t i, int64_t room, Value value) {
    if (gave_up_ || (max_nodes_ > 0 && ++nodes_ > max_nodes_)) {
      gave_up_ = true;
      return;
    }
    if (value > best_ || best_set_.empty()) {
      best_ = value;
      best_set_ = current_;
    }
    if (i == items_.size() || Bound(i, room, value) <= best_) return;
    if (items_[i].weight <= room) {
      current_[i] = true;
      Search(i + 1, room - items_[i].weight, value + items_[i].value);
      current_[i] = false;
    }
    Search(i + 1, room, value);
  }

  std::vector<Item> items_;
  int64_t capacity_;
  int64_t max_nodes_;
  int64_t nodes_ = 0;
  bool gave_up_ = false;
  std::vector<bool> current_, best_set_;
  Value best_ = 0;
};

}  // namespace

__int128 CostWelfareCents(const Election& e, const std::vector<int>& selected) {
  Value total = 0;
  for (int p : selected) total += static_cast<Value>(e.projects[p].votes) * e.projects[p].cost_cents;
  return total;
}

CountResult CountUtilitarianOptimum(const Election& e, KnapsackMethod method) {
  CountResult result;
  result.rule = "max-welfare";
  result.tie_break = "unspecified (any optimal set)";
  std::vector<int> free_projects;
  std::vector<Item> items;
  int64_t g = 0;
  for (size_t p = 0; p < e.projects.size(); ++p) {
    const Project& pj = e.projects[p];
    int ip = static_cast<int>(p);
    if (pj.votes == 0) {
      result.Reject(ip, Verdict::kNoSupport, "no ballot names it; adds nothing to the welfare");
    } else if (pj.cost_cents > e.budget_cents) {
      result.Reject(ip, Verdict::kCostsMoreThanBudget, "costs more than the whole budget");
    } else if (pj.cost_cents == 0) {
      free_projects.push_back(ip);
    } else {
      items.push_back(Item{ip, pj.cost_cents, static_cast<Value>(pj.votes) * pj.cost_cents, pj.votes});
      g = std::gcd(g, pj.cost_cents);
    }
  }
  std::vector<int> chosen;
  if (!items.empty()) {
    int64_t capacity = e.budget_cents / g;
    for (Item& it : items) {
      it.weight /= g;
      it.density *= g;
    }
    const bool dp_fits = capacity <= kMaxDpCapacity &&
                         static_cast<__int128>(capacity + 1) * static_cast<__int128>(items.size()) <= kMaxDpCells;
    // Branch and bound is usually instant; when it is not, the table is safer.
    std::optional<std::vector<int>> quick;
    if (method != KnapsackMethod::kDynamicProgramming || !dp_fits) {
      const bool may_fall_back = dp_fits && method == KnapsackMethod::kAuto;
      quick = BranchAndBound(items, capacity, may_fall_back ? kQuickSearchNodes : 0).Solve();
    }
    if (quick) {
      chosen = std::move(*quick);
      result.notes.push_back("solved exactly by branch and bound");
    } else {
      chosen = SolveByDp(items, capacity);
      result.notes.push_back("solved exactly by dynamic programming over the budget in steps of " +
                             FormatAmount(g));
    }
  }
  // Report the optimum in a readable order: most votes first.
  chosen.insert(chosen.end(), free_projects.begin(), free_projects.end());
  std::stable_sort(chosen.begin(), chosen.end(),
                   [&](int a, int b) { return e.projects[a].votes > e.projects[b].votes; });
  for (int p : chosen) {
    result.Fund(e, p, "optimum", "part of the set with the most approved euros (" +
                                     std::to_string(e.projects[p].votes) + " votes)");
  }
  for (size_t p = 0; p < e.projects.size(); ++p) {
    if (std::find(chosen.begin(), chosen.end(), static_cast<int>(p)) != chosen.end()) continue;
    if (e.projects[p].votes > 0 && e.projects[p].cost_cents <= e.budget_cents) {
      result.Reject(static_cast<int>(p), Verdict::kNotInOptimum, "not part of the best set");
    }
  }
  result.Finish(e);
  return result;
}

}  // namespace wp::budgets::counting
