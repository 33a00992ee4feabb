#include "features/budgets/counting/tie_break.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace wp::budgets::counting {
namespace {

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A canonical array index in JavaScript: "0" or digits without a leading zero,
// below 2^32 - 1.
bool IsJsArrayIndex(std::string_view s) {
  if (!IsDigits(s) || (s.size() > 1 && s[0] == '0') || s.size() > 10) return false;
  return std::stoull(std::string(s)) < 4294967295ULL;
}

}  // namespace

std::string_view TieBreakName(TieBreak t) {
  switch (t) {
    case TieBreak::kCostVotesId: return "cost-votes-id";
    case TieBreak::kIdString: return "id";
    case TieBreak::kJsKeyOrder: return "js-key-order";
  }
  return "cost-votes-id";
}

std::optional<TieBreak> ParseTieBreak(std::string_view name) {
  for (TieBreak t : {TieBreak::kCostVotesId, TieBreak::kIdString, TieBreak::kJsKeyOrder}) {
    if (name == TieBreakName(t)) return t;
  }
  return std::nullopt;
}

int CompareIdsNaturally(std::string_view a, std::string_view b) {
  if (IsDigits(a) && IsDigits(b)) {
    auto strip = [](std::string_view s) {
      size_t i = 0;
      while (i + 1 < s.size() && s[i] == '0') ++i;
      return s.substr(i);
    };
    a = strip(a);
    b = strip(b);
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  }
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::vector<int> TieBreakRanks(const Election& election, TieBreak t) {
  const auto& ps = election.projects;
  std::vector<int> order(ps.size());
  std::iota(order.begin(), order.end(), 0);
  auto by = [&](auto less) { std::stable_sort(order.begin(), order.end(), less); };
  switch (t) {
    case TieBreak::kCostVotesId:
      by([&](int a, int b) {
        if (ps[a].cost_cents != ps[b].cost_cents) return ps[a].cost_cents < ps[b].cost_cents;
        if (ps[a].votes != ps[b].votes) return ps[a].votes > ps[b].votes;
        return CompareIdsNaturally(ps[a].id, ps[b].id) < 0;
      });
      break;
    case TieBreak::kIdString:
      by([&](int a, int b) { return ps[a].id < ps[b].id; });
      break;
    case TieBreak::kJsKeyOrder:
      by([&](int a, int b) {
        bool ia = IsJsArrayIndex(ps[a].id), ib = IsJsArrayIndex(ps[b].id);
        if (ia != ib) return ia;
        if (ia) return CompareIdsNaturally(ps[a].id, ps[b].id) < 0;
        return false;  // stable: file order
      });
      break;
  }
  std::vector<int> rank(ps.size());
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int>(i);
  return rank;
}

}  // namespace wp::budgets::counting
