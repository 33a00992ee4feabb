#include "features/opinion/map/statement_stats.h"

#include <algorithm>
#include <cmath>

namespace wp::opinion {
namespace {

double Share(int n, int seen) { return (n + 1.0) / (seen + 2.0); }

void Count(VoteCounts& c, int vote) {
  if (vote == kAgree) ++c.agree;
  if (vote == kDisagree) ++c.disagree;
  if (vote == kPass) ++c.pass;
}

// counts[statement][group], from grouped participants only; overall from all.
std::vector<StatementStats> Tally(const VoteMatrix& votes, const Grouping& groups) {
  std::vector<StatementStats> stats(votes.statements.size());
  for (StatementStats& s : stats) s.group.resize(groups.k());
  for (int p = 0; p < votes.Participants(); ++p) {
    const int g = groups.group.empty() ? -1 : groups.group[p];
    for (int64_t e = votes.row_start[p]; e < votes.row_start[p + 1]; ++e) {
      StatementStats& s = stats[votes.column[e]];
      Count(s.overall, votes.value[e]);
      if (g >= 0) Count(s.group[g].counts, votes.value[e]);
    }
  }
  return stats;
}

Leaning Lean(int n, int seen, int rest_n, int rest_seen) {
  Leaning l;
  l.p = Share(n, seen);
  l.test = OneProportionZ(n, seen);
  l.ratio = l.p / Share(rest_n, rest_seen);
  l.rest_test = TwoProportionZ(n, seen, rest_n, rest_seen);
  return l;
}

void Derive(StatementStats& s) {
  VoteCounts all;
  for (const GroupStatement& g : s.group) {
    all.agree += g.counts.agree;
    all.disagree += g.counts.disagree;
    all.pass += g.counts.pass;
  }
  s.consensus_agree = s.group.empty() ? 0 : 1;
  s.consensus_disagree = s.group.empty() ? 0 : 1;
  for (GroupStatement& g : s.group) {
    const int rest_seen = all.seen() - g.counts.seen();
    g.agree = Lean(g.counts.agree, g.counts.seen(), all.agree - g.counts.agree, rest_seen);
    g.disagree = Lean(g.counts.disagree, g.counts.seen(), all.disagree - g.counts.disagree, rest_seen);
    s.consensus_agree *= g.agree.p;
    s.consensus_disagree *= g.disagree.p;
  }
  s.overall_agree = {Share(s.overall.agree, s.overall.seen()), OneProportionZ(s.overall.agree, s.overall.seen())};
  s.overall_disagree = {Share(s.overall.disagree, s.overall.seen()),
                        OneProportionZ(s.overall.disagree, s.overall.seen())};
}

double Metric(const Leaning& l) { return l.ratio * l.rest_test * l.p * l.test; }

void SortAndCut(std::vector<RankedStatement>& list, int max) {
  std::stable_sort(list.begin(), list.end(),
                   [](const RankedStatement& a, const RankedStatement& b) { return a.metric > b.metric; });
  if (static_cast<int>(list.size()) > max) list.resize(max);
}

std::vector<RankedStatement> Representative(const std::vector<StatementStats>& stats, int g,
                                            const StatementSettings& settings) {
  std::vector<RankedStatement> list;
  for (size_t j = 0; j < stats.size(); ++j) {
    const GroupStatement& gs = stats[j].group[g];
    bool agree = gs.agree.test > settings.z && gs.agree.rest_test > settings.z;
    bool disagree = gs.disagree.test > settings.z && gs.disagree.rest_test > settings.z;
    if (agree && (!disagree || Metric(gs.agree) >= Metric(gs.disagree))) {
      list.push_back({static_cast<int>(j), Direction::kAgree, Metric(gs.agree)});
    } else if (disagree) {
      list.push_back({static_cast<int>(j), Direction::kDisagree, Metric(gs.disagree)});
    }
  }
  SortAndCut(list, settings.max_representative);
  return list;
}

// Consensus in one direction: a majority in every group, significant overall.
std::vector<RankedStatement> Consensus(const std::vector<StatementStats>& stats, Direction d,
                                       const StatementSettings& settings) {
  std::vector<RankedStatement> list;
  for (size_t j = 0; j < stats.size(); ++j) {
    const StatementStats& s = stats[j];
    if (s.group.empty()) continue;
    bool all = true;
    for (const GroupStatement& g : s.group) all &= (d == Direction::kAgree ? g.agree.p : g.disagree.p) > 0.5;
    const Leaning& overall = d == Direction::kAgree ? s.overall_agree : s.overall_disagree;
    if (!all || overall.test <= settings.z) continue;
    list.push_back({static_cast<int>(j), d, d == Direction::kAgree ? s.consensus_agree : s.consensus_disagree});
  }
  SortAndCut(list, settings.max_consensus);
  return list;
}

}  // namespace

const char* DirectionName(Direction d) { return d == Direction::kAgree ? "agree" : "disagree"; }

double OneProportionZ(int successes, int trials) {
  return 2.0 * std::sqrt(trials + 1.0) * ((successes + 1.0) / (trials + 1.0) - 0.5);
}

double TwoProportionZ(int successes1, int trials1, int successes2, int trials2) {
  double s1 = successes1 + 1.0, s2 = successes2 + 1.0, n1 = trials1 + 1.0, n2 = trials2 + 1.0;
  double pooled = (s1 + s2) / (n1 + n2);
  if (pooled >= 1.0) return 0;
  return (s1 / n1 - s2 / n2) / std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

MapStatements ComputeStatementStats(const VoteMatrix& votes, const Grouping& groups,
                                    const StatementSettings& settings) {
  MapStatements out;
  out.statement = Tally(votes, groups);
  for (StatementStats& s : out.statement) Derive(s);
  for (int g = 0; g < groups.k(); ++g) out.representative.push_back(Representative(out.statement, g, settings));
  out.consensus = Consensus(out.statement, Direction::kAgree, settings);
  for (const RankedStatement& r : Consensus(out.statement, Direction::kDisagree, settings)) out.consensus.push_back(r);
  return out;
}

}  // namespace wp::opinion
