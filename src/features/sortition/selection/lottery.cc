#include "features/sortition/selection/lottery.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "features/sortition/selection/seed_stream.h"

namespace wp::sortition {
namespace {

// Local-search passes after largest remainders; each pass makes the one swap
// that lowers the largest deviation most.
constexpr int kMaxSwaps = 500;

double MaxAbs(const std::vector<double>& v) {
  double worst = 0;
  for (double x : v) worst = std::max(worst, std::abs(x));
  return worst;
}

}  // namespace

int Lottery::PanelOfTicket(int ticket) const {
  int upto = 0;
  for (size_t p = 0; p < ticket_count.size(); ++p) {
    upto += ticket_count[p];
    if (ticket <= upto) return static_cast<int>(p);
  }
  return static_cast<int>(ticket_count.size()) - 1;
}

Lottery RoundToLottery(const Distribution& d, const TypeModel& types, int tickets) {
  const int n_panels = static_cast<int>(d.panels.size());
  const int n_types = static_cast<int>(types.types.size());
  const double m = tickets;
  std::vector<int> count(n_panels);
  std::vector<double> residual(n_panels);
  int assigned = 0;
  for (int p = 0; p < n_panels; ++p) {
    double want = m * d.weights[p];
    count[p] = static_cast<int>(std::floor(want + 1e-9));
    residual[p] = std::max(0.0, want - count[p]);
    assigned += count[p];
  }
  // Deviation per type in tickets: sum_p (count_p - m x_p) * c_{P,t} / n_t.
  auto column = [&](int p) {
    std::vector<double> a(n_types, 0.0);
    for (int t = 0; t < n_types; ++t) {
      a[t] = d.panels[p][t] / static_cast<double>(types.types[t].members.size());
    }
    return a;
  };
  std::vector<double> deviation(n_types, 0.0);
  for (int p = 0; p < n_panels; ++p) {
    std::vector<double> a = column(p);
    for (int t = 0; t < n_types; ++t) deviation[t] -= residual[p] * a[t];
  }
  // Largest remainders get the tickets left over...
  std::vector<int> order(n_panels);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return residual[a] > residual[b]; });
  std::vector<bool> up(n_panels, false);
  for (int j = 0; j < tickets - assigned && j < n_panels; ++j) {
    up[order[j]] = true;
    std::vector<double> a = column(order[j]);
    for (int t = 0; t < n_types; ++t) deviation[t] += a[t];
  }
  // ...then swap a rounded-up panel for a rounded-down one while that lowers
  // the largest change of anyone's chance (deterministic: first best swap).
  std::vector<std::vector<double>> columns(n_panels);
  for (int p = 0; p < n_panels; ++p) columns[p] = column(p);
  for (int pass = 0; pass < kMaxSwaps; ++pass) {
    const double current = MaxAbs(deviation);
    double best = current - 1e-12;
    int best_up = -1, best_down = -1;
    for (int u = 0; u < n_panels; ++u) {
      if (!up[u]) continue;
      for (int l = 0; l < n_panels; ++l) {
        if (up[l] || residual[l] <= 1e-9) continue;
        double worst = 0;
        for (int t = 0; t < n_types && worst < best; ++t) {
          worst = std::max(worst, std::abs(deviation[t] - columns[u][t] + columns[l][t]));
        }
        if (worst < best) {
          best = worst;
          best_up = u;
          best_down = l;
        }
      }
    }
    if (best_up < 0) break;
    up[best_up] = false;
    up[best_down] = true;
    for (int t = 0; t < n_types; ++t) deviation[t] += columns[best_down][t] - columns[best_up][t];
  }
  Lottery lottery;
  lottery.tickets = tickets;
  std::vector<double> weights;
  for (int p = 0; p < n_panels; ++p) {
    const int c = count[p] + (up[p] ? 1 : 0);
    if (c == 0) continue;
    lottery.panels.push_back(d.panels[p]);
    lottery.ticket_count.push_back(c);
    weights.push_back(c / m);
  }
  lottery.type_probability = TypeProbabilities(types, lottery.panels, weights);
  for (int t = 0; t < n_types; ++t) {
    lottery.max_deviation =
        std::max(lottery.max_deviation, std::abs(lottery.type_probability[t] - d.type_probability[t]));
  }
  return lottery;
}

DrawnPanel DrawFromLottery(const Lottery& lottery, const TypeModel& types, std::string_view seed) {
  DrawnPanel out;
  SeedStream ticket_stream(seed, "ticket");
  out.ticket = 1 + static_cast<int>(ticket_stream.Uniform(static_cast<uint64_t>(lottery.tickets)));
  out.lottery_panel = lottery.PanelOfTicket(out.ticket);
  const Composition& panel = lottery.panels[out.lottery_panel];
  SeedStream member_stream(seed, "members");
  for (size_t t = 0; t < panel.size(); ++t) {
    if (panel[t] == 0) continue;
    std::vector<int> members = types.types[t].members;
    for (int j = 0; j < panel[t]; ++j) {
      uint64_t pick = j + member_stream.Uniform(members.size() - j);
      std::swap(members[j], members[pick]);
      out.members.push_back(members[j]);
    }
  }
  std::sort(out.members.begin(), out.members.end());
  return out;
}

}  // namespace wp::sortition
