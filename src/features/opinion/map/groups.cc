#include "features/opinion/map/groups.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/random.h"

namespace wp::opinion {
namespace {

double Dist2(Point a, Point b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

// Index of the nearest centre; the lowest index on a tie.
int Nearest(Point p, const std::vector<Point>& centres) {
  int best = 0;
  for (int c = 1; c < static_cast<int>(centres.size()); ++c) {
    if (Dist2(p, centres[c]) < Dist2(p, centres[best])) best = c;
  }
  return best;
}

double UniformUnit(Random& rng) { return static_cast<double>(rng.Uniform(uint64_t{1} << 53)) * 0x1p-53; }

// k-means++: the first centre uniformly, each next one with probability
// proportional to the squared distance to the nearest centre so far.
// REQUIRES: at least k distinct points.
std::vector<Point> PlusPlusSeeds(const std::vector<Point>& pts, int k, Random& rng) {
  std::vector<Point> centres{pts[rng.Uniform(pts.size())]};
  std::vector<double> d2(pts.size());
  for (size_t i = 0; i < pts.size(); ++i) d2[i] = Dist2(pts[i], centres[0]);
  while (static_cast<int>(centres.size()) < k) {
    double total = std::accumulate(d2.begin(), d2.end(), 0.0);
    double target = UniformUnit(rng) * total, sum = 0;
    size_t pick = pts.size();
    for (size_t i = 0; i < pts.size(); ++i) {
      if (d2[i] <= 0) continue;
      pick = i;  // the last point with weight, should rounding leave target unreached
      sum += d2[i];
      if (sum > target) break;
    }
    centres.push_back(pts[pick]);
    for (size_t i = 0; i < pts.size(); ++i) d2[i] = std::min(d2[i], Dist2(pts[i], centres.back()));
  }
  return centres;
}

struct Clustering {
  std::vector<Point> centre;
  std::vector<int> label;
  double inertia = std::numeric_limits<double>::infinity();
};

// Centres become the means of their members; an empty cluster moves to the
// point farthest from its own centre.
void UpdateCentres(const std::vector<Point>& pts, Clustering& c) {
  std::vector<Point> sum(c.centre.size());
  std::vector<int> count(c.centre.size(), 0);
  for (size_t i = 0; i < pts.size(); ++i) {
    sum[c.label[i]].x += pts[i].x;
    sum[c.label[i]].y += pts[i].y;
    ++count[c.label[i]];
  }
  for (size_t k = 0; k < c.centre.size(); ++k) {
    if (count[k] > 0) {
      c.centre[k] = {sum[k].x / count[k], sum[k].y / count[k]};
      continue;
    }
    size_t far = 0;
    for (size_t i = 1; i < pts.size(); ++i) {
      if (Dist2(pts[i], c.centre[c.label[i]]) > Dist2(pts[far], c.centre[c.label[far]])) far = i;
    }
    c.centre[k] = pts[far];
    c.label[far] = static_cast<int>(k);
  }
}

// Lloyd's iterations from `seeds` until no label changes.
Clustering Lloyd(const std::vector<Point>& pts, std::vector<Point> seeds, int max_iterations) {
  Clustering c;
  c.centre = std::move(seeds);
  c.label.assign(pts.size(), -1);
  for (int it = 0; it < max_iterations; ++it) {
    bool changed = false;
    for (size_t i = 0; i < pts.size(); ++i) {
      int l = Nearest(pts[i], c.centre);
      changed |= l != c.label[i];
      c.label[i] = l;
    }
    if (!changed) break;
    UpdateCentres(pts, c);
  }
  for (size_t i = 0; i < pts.size(); ++i) c.label[i] = Nearest(pts[i], c.centre);
  c.inertia = 0;
  for (size_t i = 0; i < pts.size(); ++i) c.inertia += Dist2(pts[i], c.centre[c.label[i]]);
  return c;
}

Clustering BestOfRestarts(const std::vector<Point>& pts, int k, const GroupSettings& settings, Random& rng) {
  Clustering best;
  for (int r = 0; r < settings.restarts; ++r) {
    Clustering c = Lloyd(pts, PlusPlusSeeds(pts, k, rng), settings.max_iterations);
    if (c.inertia < best.inertia) best = std::move(c);
  }
  return best;
}

int DistinctPoints(std::vector<Point> pts) {
  auto less = [](Point a, Point b) { return a.x != b.x ? a.x < b.x : a.y < b.y; };
  std::sort(pts.begin(), pts.end(), less);
  auto same = [](Point a, Point b) { return a.x == b.x && a.y == b.y; };
  return static_cast<int>(std::unique(pts.begin(), pts.end(), same) - pts.begin());
}

// Silhouette of the clustering on every step-th point.
double SampledSilhouette(const std::vector<Point>& pts, const Clustering& c, int sample) {
  size_t step = (pts.size() + sample - 1) / sample;
  std::vector<Point> points;
  std::vector<int> labels;
  for (size_t i = 0; i < pts.size(); i += step) {
    points.push_back(pts[i]);
    labels.push_back(c.label[i]);
  }
  return MeanSilhouette(points, labels, static_cast<int>(c.centre.size()));
}

// Renumbers the groups by size, largest first, ties by their first member.
void OrderBySize(Clustering& c) {
  const int k = static_cast<int>(c.centre.size());
  std::vector<int> size(k, 0), first(k, std::numeric_limits<int>::max());
  for (size_t i = 0; i < c.label.size(); ++i) {
    ++size[c.label[i]];
    first[c.label[i]] = std::min(first[c.label[i]], static_cast<int>(i));
  }
  std::vector<int> order(k);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b]; });
  std::vector<int> rank(k);
  std::vector<Point> centre(k);
  for (int r = 0; r < k; ++r) {
    rank[order[r]] = r;
    centre[r] = c.centre[order[r]];
  }
  for (int& l : c.label) l = rank[l];
  c.centre = std::move(centre);
}

// The chosen clustering (empty centre list: no groups) and the silhouettes.
Clustering ChooseK(const std::vector<Point>& pts, const GroupSettings& settings, std::vector<double>& silhouette) {
  silhouette.assign(settings.max_k - settings.min_k + 1, std::numeric_limits<double>::quiet_NaN());
  Clustering best;
  int distinct = DistinctPoints(pts);
  if (distinct < 2) return best;
  SeededRandom rng(settings.seed);
  double best_score = -std::numeric_limits<double>::infinity();
  for (int k = settings.min_k; k <= std::min(settings.max_k, distinct); ++k) {
    Clustering c = BestOfRestarts(pts, k, settings, rng);
    double score = SampledSilhouette(pts, c, settings.silhouette_sample);
    silhouette[k - settings.min_k] = score;
    if (score > best_score) {
      best_score = score;
      best = std::move(c);
    }
  }
  if (!best.centre.empty()) OrderBySize(best);
  return best;
}

}  // namespace

Result<void> CheckGroupSettings(const GroupSettings& s) {
  if (s.min_votes < 1) return InvalidInput("min_votes must be at least 1");
  if (s.min_grouped < 0) return InvalidInput("min_grouped must not be negative");
  if (s.min_k < 2) return InvalidInput("min_k must be at least 2");
  if (s.max_k < s.min_k || s.max_k > 26) return InvalidInput("max_k must be between min_k and 26");
  if (s.restarts < 1 || s.max_iterations < 1) return InvalidInput("restarts and max_iterations must be at least 1");
  if (s.silhouette_sample < 2) return InvalidInput("silhouette_sample must be at least 2");
  return Ok();
}

std::vector<int> GroupedParticipants(const VoteMatrix& votes, const GroupSettings& settings) {
  const int threshold = std::min(settings.min_votes, votes.StatementsVoted());
  std::vector<int> in, out;
  for (int p = 0; p < votes.Participants(); ++p) (votes.VotesOf(p) >= threshold ? in : out).push_back(p);
  std::stable_sort(out.begin(), out.end(), [&](int a, int b) { return votes.VotesOf(a) > votes.VotesOf(b); });
  for (size_t i = 0; i < out.size() && static_cast<int>(in.size()) < settings.min_grouped; ++i) in.push_back(out[i]);
  std::sort(in.begin(), in.end());
  return in;
}

Grouping FindGroups(const VoteMatrix& votes, const std::vector<Point>& positions, const GroupSettings& settings) {
  Grouping g;
  g.vote_threshold = std::min(settings.min_votes, votes.StatementsVoted());
  g.grouped = GroupedParticipants(votes, settings);
  std::vector<Point> pts;
  for (int p : g.grouped) pts.push_back(positions[p]);
  Clustering c = ChooseK(pts, settings, g.silhouette);
  g.group.assign(positions.size(), -1);
  g.nearest_group.assign(positions.size(), -1);
  if (c.centre.empty()) return g;
  g.centre = c.centre;
  g.size.assign(c.centre.size(), 0);
  g.chosen_silhouette = g.silhouette[c.centre.size() - settings.min_k];
  for (size_t p = 0; p < positions.size(); ++p) g.nearest_group[p] = Nearest(positions[p], g.centre);
  for (size_t i = 0; i < g.grouped.size(); ++i) {
    g.group[g.grouped[i]] = g.nearest_group[g.grouped[i]] = c.label[i];
    ++g.size[c.label[i]];
  }
  return g;
}

double MeanSilhouette(const std::vector<Point>& points, const std::vector<int>& labels, int k) {
  std::vector<int> count(k, 0);
  for (int l : labels) ++count[l];
  double total = 0;
  std::vector<double> sum(k);
  for (size_t i = 0; i < points.size(); ++i) {
    std::fill(sum.begin(), sum.end(), 0.0);
    for (size_t j = 0; j < points.size(); ++j) {
      if (j != i) sum[labels[j]] += std::sqrt(Dist2(points[i], points[j]));
    }
    const int own = labels[i];
    if (count[own] <= 1) continue;  // alone in its group: 0
    double a = sum[own] / (count[own] - 1), b = std::numeric_limits<double>::infinity();
    for (int c = 0; c < k; ++c) {
      if (c != own && count[c] > 0) b = std::min(b, sum[c] / count[c]);
    }
    if (std::isfinite(b) && std::max(a, b) > 0) total += (b - a) / std::max(a, b);
  }
  return points.empty() ? 0.0 : total / static_cast<double>(points.size());
}

}  // namespace wp::opinion
