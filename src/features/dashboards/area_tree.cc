#include "features/dashboards/area_tree.h"

#include <algorithm>
#include <cstddef>

namespace wp::dashboards {

namespace {

size_t Width(const AreaCounts& node) {
  size_t w = node.values.size();
  for (const auto& child : node.children) w = std::max(w, Width(child));
  return w;
}

// Fills `out` for `node` and below; returns the node's summed counts.
std::vector<int64_t> Visit(const AreaCounts& node, size_t width, bool stock, std::map<std::string, BandedRow>& out) {
  std::vector<int64_t> sum(width, 0);
  if (node.children.empty()) {
    std::copy(node.values.begin(), node.values.end(), sum.begin());
  }
  for (const auto& child : node.children) {
    std::vector<int64_t> v = Visit(child, width, stock, out);
    for (size_t c = 0; c < width; ++c) sum[c] += v[c];
  }
  BandedRow row;
  int64_t total = 0;
  for (int64_t v : sum) {
    row.values.push_back(Coarsen(v));
    total += v;
  }
  row.total = Coarsen(stock ? (sum.empty() ? 0 : sum.back()) : total);
  out[node.key] = std::move(row);
  return sum;
}

}  // namespace

std::map<std::string, BandedRow> CoarsenTree(const AreaCounts& root, bool stock) {
  std::map<std::string, BandedRow> out;
  Visit(root, Width(root), stock, out);
  return out;
}

}  // namespace wp::dashboards
