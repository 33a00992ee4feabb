#include "features/budgets/counting/equal_shares.h"

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace wp::budgets::counting {
namespace {

using Rational = boost::multiprecision::cpp_rational;

// Relative distance below which a double comparison is not trusted.
constexpr double kTolerance = 1e-9;

double ToDouble(double x) { return x; }
double ToDouble(const Rational& x) { return x.convert_to<double>(); }
std::string ExactText(double) { return ""; }
std::string ExactText(const Rational& x) { return x.str(); }

// The per-voter budget of one run: num/den cents.
struct Endowment {
  int64_t num = 0;
  int64_t den = 1;
  double Cents() const { return static_cast<double>(num) / static_cast<double>(den); }
};

// What does not change between runs (Add1 reruns MES many times).
struct Prepared {
  const Election& e;
  MesUtility utility;
  std::vector<std::vector<int>> supporters;  // group indices per project
  std::vector<int64_t> weight;               // ballots per group
  std::vector<int> rank;                     // tie-breaking order
  std::vector<int> candidates;               // supported projects with cost > 0
  std::vector<int> free_projects;            // supported projects with cost 0, by rank
};

struct RunOutput {
  bool ambiguous = false;  // a double decision was too close to call
  std::vector<int> selected;
  std::vector<MesRound> rounds;
  std::vector<std::pair<int, int>> dropped;  // (project, round in which its supporters ran short)
  std::vector<std::string> tie_notes;
};

// A price per unit of utility. In double runs, `den` > 0 marks a price known
// exactly as num/den (nobody short: rho = cost/votes), so that the frequent
// exact ties between such prices are decided exactly without a recount.
template <typename Num>
struct Price {
  Num value{};
  int64_t num = 0;
  int64_t den = 0;
};

template <typename Num>
class MesRun {
 public:
  static constexpr bool kExact = std::is_same_v<Num, Rational>;

  MesRun(const Prepared& pr, bool check) : pr_(pr), check_(check) {}

  RunOutput Run(Endowment endowment) {
    RunOutput out;
    b_.assign(pr_.weight.size(), Num(endowment.num) / Num(endowment.den));
    out.selected = pr_.free_projects;
    cands_.clear();
    for (int p : pr_.candidates) cands_.push_back(Cand{p, NoOneShortPrice(p), Num(0)});
    SortCandidates();
    int round = 0;
    while (!cands_.empty()) {
      ++round;
      size_t best = 0;
      Scan scan = FindBest(round, out, best);
      if (scan == Scan::kAmbiguous || (scan == Scan::kFound && !BreakTies(round, out, best))) {
        out.ambiguous = true;
        return out;
      }
      if (scan == Scan::kNone) break;
      Pay(cands_[best].p, cands_[best].rho, endowment, out);
      gone_[best] = 1;
      RemoveGone();
    }
    return out;
  }

 private:
  struct Cand {
    int p;
    Price<Num> price;  // last computed: a lower bound of the current price
    Num rho{};
  };
  enum class Scan { kFound, kNone, kAmbiguous };

  void SortCandidates() {
    std::sort(cands_.begin(), cands_.end(), [this](const Cand& a, const Cand& b) {
      if (a.price.value != b.price.value) return a.price.value < b.price.value;
      return pr_.rank[a.p] < pr_.rank[b.p];
    });
  }

  // One round's scan down the list (sorted by a lower bound of each price):
  // drops the projects whose supporters have too little money left, prices
  // the others until nobody further down can win, and sets `best`.
  Scan FindBest(int round, RunOutput& out, size_t& best) {
    gone_.assign(cands_.size(), 0);
    evaluated_.clear();
    bool found = false;
    for (size_t i = 0; i < cands_.size(); ++i) {
      Cand& c = cands_[i];
      // Prices only rise, so nobody further down the list can beat (or, in
      // doubles, come close to) the best price found.
      if (found && c.price.value > cands_[best].price.value * (kExact ? 1 : 1 + kTolerance)) break;
      const Num cost(pr_.e.projects[c.p].cost_cents);
      const Num money = Gather(c.p);
      if (!kExact && check_ && IsClose(money, cost)) return Scan::kAmbiguous;
      if (money < cost) {
        gone_[i] = 1;
        out.dropped.emplace_back(c.p, round);
        continue;
      }
      c.price = CurrentPrice(c.p, cost, c.rho);
      evaluated_.push_back(i);
      if (!found || Less(c.price, cands_[best].price)) best = i;
      found = true;
    }
    return found ? Scan::kFound : Scan::kNone;
  }

  // Equal prices go to the project first in the tie-break order (noted in
  // the output). False when, in doubles, two prices are too close to call.
  bool BreakTies(int round, RunOutput& out, size_t& best) {
    std::vector<int> tied{cands_[best].p};
    for (size_t i : evaluated_) {
      if (i == best) continue;
      int order = Compare(cands_[i].price, cands_[best].price);
      if (order == 0) tied.push_back(cands_[i].p);
      if (order == kTooClose && check_) return false;
    }
    if (tied.size() == 1) return true;
    const Election& e = pr_.e;
    int winner =
        *std::min_element(tied.begin(), tied.end(), [this](int a, int b) { return pr_.rank[a] < pr_.rank[b]; });
    std::string note = "round " + std::to_string(round) + ": equal price for";
    for (int p : tied) note += " " + e.projects[p].id;
    out.tie_notes.push_back(note + "; " + e.projects[winner].id + " wins the tie-break");
    for (size_t i : evaluated_) {
      if (cands_[i].p == winner) best = i;
    }
    return true;
  }

  // Supporters of `won` pay `rho` each, or everything they have left.
  void Pay(int won, const Num& rho, const Endowment& endowment, RunOutput& out) {
    int64_t short_count = 0;
    for (int g : pr_.supporters[won]) {
      if (b_[g] <= rho) {
        if (b_[g] < rho) short_count += pr_.weight[g];
        b_[g] = 0;
      } else {
        b_[g] -= rho;
      }
    }
    const Project& pw = pr_.e.projects[won];
    double rho_cents = ToDouble(rho);
    out.rounds.push_back(MesRound{static_cast<int>(out.rounds.size()) + 1, won, rho_cents, ExactText(rho),
                                  static_cast<double>(pw.cost_cents) / rho_cents, pw.votes, short_count,
                                  endowment.Cents()});
    out.selected.push_back(won);
  }

  void RemoveGone() {
    size_t kept = 0;
    for (size_t i = 0; i < cands_.size(); ++i) {
      if (gone_[i]) continue;
      if (kept != i) cands_[kept] = std::move(cands_[i]);  // no self-move: it would empty a rational
      ++kept;
    }
    cands_.resize(kept);
    SortCandidates();
  }

  static constexpr int kTooClose = 2;

  // Relative distance below kTolerance: a double comparison is not trusted.
  static bool IsClose(const Num& a, const Num& b) {
    if constexpr (kExact) {
      return false;
    } else {
      return std::abs(a - b) <= kTolerance * std::max(std::abs(a), std::abs(b));
    }
  }

  // -1, 0, 1 for a <, ==, > b; kTooClose when doubles cannot tell.
  int Compare(const Price<Num>& a, const Price<Num>& b) const {
    if constexpr (!kExact) {
      if (a.den > 0 && b.den > 0) {
        __int128 l = static_cast<__int128>(a.num) * b.den, r = static_cast<__int128>(b.num) * a.den;
        return l < r ? -1 : (l > r ? 1 : 0);
      }
      if (check_ && IsClose(a.value, b.value)) return kTooClose;
    }
    return a.value < b.value ? -1 : (a.value > b.value ? 1 : 0);
  }
  bool Less(const Price<Num>& a, const Price<Num>& b) const {
    int c = Compare(a, b);
    return c == -1 || (c == kTooClose && a.value < b.value);
  }

  // Price per unit of utility for rho: rho/cost (cost utilities) or rho.
  Price<Num> MakePrice(int p, const Num& rho, bool exact_no_one_short) const {
    const Project& pj = pr_.e.projects[p];
    const bool cost_utility = pr_.utility == MesUtility::kCost;
    Price<Num> price;
    price.value = cost_utility ? rho / Num(pj.cost_cents) : rho;
    if (!kExact && check_ && exact_no_one_short) {
      price.num = cost_utility ? 1 : pj.cost_cents;
      price.den = pj.votes;
    }
    return price;
  }

  Price<Num> NoOneShortPrice(int p) const {
    const Project& pj = pr_.e.projects[p];
    return MakePrice(p, Num(pj.cost_cents) / Num(pj.votes), true);
  }

  // Copies the budgets of p's supporters into scratch_ (with their weights
  // and the smallest budget in min_budget_) and returns their total money.
  Num Gather(int p) {
    scratch_.clear();
    Num money = 0;
    for (int g : pr_.supporters[p]) {
      scratch_.emplace_back(b_[g], pr_.weight[g]);
      money += b_[g] * Num(pr_.weight[g]);
    }
    min_budget_ = scratch_.front().first;
    for (const auto& [budget, weight] : scratch_) min_budget_ = std::min(min_budget_, budget);
    return money;
  }

  // Sets `rho` to the smallest payment cap with sum over supporters of
  // min(b, rho) * weight = cost, and returns its price. Fixed-point
  // iteration from below: rho_0 = cost/votes; the supporters holding less
  // than rho_k pay all they have and the others split the rest, giving
  // rho_(k+1) >= rho_k; it stops when nobody new is short. Each step is one
  // pass; rarely more than a few are needed, and a sort takes over after 8.
  // REQUIRES: Gather(p) was called and the supporters hold at least `cost`.
  Price<Num> CurrentPrice(int p, const Num& cost, Num& rho) {
    const int64_t votes = pr_.e.projects[p].votes;
    rho = cost / Num(votes);
    if (min_budget_ >= rho) {
      // In doubles, the claim "nobody is short" must hold with a margin to be exact.
      return MakePrice(p, rho, kExact || min_budget_ > rho * (1 + kTolerance));
    }
    for (int step = 0; step < 8; ++step) {
      Num paid = 0;
      int64_t short_weight = 0;
      for (const auto& [budget, weight] : scratch_) {
        if (budget < rho) {
          paid += budget * Num(weight);
          short_weight += weight;
        }
      }
      if (short_weight == votes) return MakePrice(p, rho, false);  // only via double rounding at money == cost
      Num next = (cost - paid) / Num(votes - short_weight);
      if (!(next > rho)) return MakePrice(p, rho, false);
      rho = next;
    }
    std::sort(scratch_.begin(), scratch_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    Num paid = 0;
    int64_t k = votes;
    rho = scratch_.back().first;  // reached only through double rounding when money == cost
    for (const auto& [budget, weight] : scratch_) {
      Num r = (cost - paid) / Num(k);
      if (r <= budget) {
        rho = r;
        break;
      }
      paid += budget * Num(weight);
      k -= weight;
    }
    return MakePrice(p, rho, false);
  }

  const Prepared& pr_;
  bool check_;
  std::vector<Num> b_;                            // budget left per voter of each group
  std::vector<Cand> cands_;                       // projects still in the race
  std::vector<char> gone_;                        // per candidate: out after this round
  std::vector<size_t> evaluated_;                 // candidates priced this round
  std::vector<std::pair<Num, int64_t>> scratch_;  // (budget, weight) of the supporters being priced
  Num min_budget_{};
};

// Runs MES once with the requested arithmetic.
RunOutput RunOnce(const Prepared& pr, Endowment endowment, Arithmetic arithmetic, int64_t& exact_recounts) {
  switch (arithmetic) {
    case Arithmetic::kExact:
      return MesRun<Rational>(pr, false).Run(endowment);
    case Arithmetic::kDoubleUnchecked:
      return MesRun<double>(pr, false).Run(endowment);
    case Arithmetic::kAuto:
      break;
  }
  RunOutput out = MesRun<double>(pr, true).Run(endowment);
  if (!out.ambiguous) return out;
  ++exact_recounts;
  return MesRun<Rational>(pr, false).Run(endowment);
}

// No unselected project from `among` fits in the money left.
bool IsExhaustive(const Election& e, const std::vector<int>& selected, const std::vector<int>& among) {
  std::vector<bool> in(e.projects.size(), false);
  for (int p : selected) in[p] = true;
  int64_t left = e.budget_cents - e.TotalCost(selected);
  for (int p : among) {
    if (!in[p] && e.projects[p].cost_cents <= left) return false;
  }
  return true;
}

}  // namespace

std::string_view MesCompletionName(MesCompletion c) {
  switch (c) {
    case MesCompletion::kNone:
      return "none";
    case MesCompletion::kAddOne:
      return "add1";
    case MesCompletion::kAddOneIntegral:
      return "add1-integral";
    case MesCompletion::kAddOneIntegralExhaustive:
      return "add1-integral-exhaustive";
    case MesCompletion::kGreedy:
      return "greedy";
    case MesCompletion::kAddOneGreedy:
      return "add1-greedy";
    case MesCompletion::kAddOneU:
      return "add1u";
  }
  return "none";
}

std::optional<MesCompletion> ParseMesCompletion(std::string_view name) {
  for (MesCompletion c : {MesCompletion::kNone, MesCompletion::kAddOne, MesCompletion::kAddOneIntegral,
                          MesCompletion::kAddOneIntegralExhaustive, MesCompletion::kGreedy,
                          MesCompletion::kAddOneGreedy, MesCompletion::kAddOneU}) {
    if (name == MesCompletionName(c)) return c;
  }
  return std::nullopt;
}

namespace {

// The final run of a count and how its per-voter budget was reached.
struct Completed {
  RunOutput out;
  Endowment endowment;
  std::string note;  // Add1: how the budget per voter was raised
};

// The run that counts under Add1 as in pabutools: start at exactly B/n and
// add one currency unit per voter until the outcome is exhaustive, keeping
// the previous outcome when the next goes over the budget.
Completed CompleteAddOne(const Prepared& pr, const MesOptions& o, int64_t& exact_recounts) {
  const Election& e = pr.e;
  const int64_t n = std::max<int64_t>(e.num_ballots, 1);
  const int64_t unit = 100;  // Add1 raises each voter's budget by one currency unit
  Endowment endowment{e.budget_cents, n};
  RunOutput out;
  int64_t runs = 0;
  std::string add1_note;
  Endowment start = endowment;
  RunOutput previous;
  Endowment previous_endowment;
  bool has_previous = false;
  for (;;) {
    out = RunOnce(pr, endowment, o.arithmetic, exact_recounts);
    ++runs;
    if (e.TotalCost(out.selected) > e.budget_cents && has_previous) {
      out = std::move(previous);
      endowment = previous_endowment;
      add1_note = "stopped because the next outcome went over the budget";
      break;
    }
    if (IsExhaustive(e, out.selected, pr.candidates)) {
      add1_note = "stopped at the first exhaustive outcome";
      break;
    }
    previous = out;
    previous_endowment = endowment;
    has_previous = true;
    endowment.num += unit * n;
  }
  add1_note = "Add1 (pabutools): per-voter budget raised from " + FormatCents(start.Cents()) + " to " +
              FormatCents(endowment.Cents()) + " in " + std::to_string(runs) + " runs; " + add1_note;
  return {std::move(out), endowment, std::move(add1_note)};
}

// Add1 as Pabulib and equalshares.net define it: start at a whole number of
// currency units per voter and raise by one unit while the outcome stays
// within the budget (and, for the exhaustive variants, is not yet exhaustive).
Completed CompleteAddOneIntegral(const Prepared& pr, const MesOptions& o, int64_t& exact_recounts) {
  const Election& e = pr.e;
  const int64_t n = std::max<int64_t>(e.num_ballots, 1);
  const int64_t unit = 100;
  std::vector<int> all(e.projects.size());
  std::iota(all.begin(), all.end(), 0);
  auto all_candidates_in = [&](const std::vector<int>& selected) {
    return selected.size() == pr.candidates.size() + pr.free_projects.size();
  };
  Endowment endowment;
  RunOutput out;
  int64_t runs = 0;
  std::string add1_note;
  bool stop_when_exhaustive = o.completion != MesCompletion::kAddOneIntegral;
  endowment = Endowment{e.budget_cents / (n * unit) * unit, 1};
  Endowment start = endowment;
  out = RunOnce(pr, endowment, o.arithmetic, exact_recounts);
  runs = 1;
  for (;;) {
    if (stop_when_exhaustive && IsExhaustive(e, out.selected, all)) {
      add1_note = "stopped at the first exhaustive outcome";
      break;
    }
    if (all_candidates_in(out.selected)) {
      add1_note = "stopped because every supported project is funded";
      break;
    }
    Endowment next{endowment.num + unit, 1};
    RunOutput next_out = RunOnce(pr, next, o.arithmetic, exact_recounts);
    ++runs;
    if (e.TotalCost(next_out.selected) > e.budget_cents) {
      add1_note = "stopped because one more unit per voter would go over the budget";
      break;
    }
    endowment = next;
    out = std::move(next_out);
  }
  add1_note = "Add1 (Pabulib/equalshares.net, integral start): per-voter budget raised from " +
              FormatCents(start.Cents()) + " to " + FormatCents(endowment.Cents()) + " in " + std::to_string(runs) +
              " runs; " + add1_note;
  return {std::move(out), endowment, std::move(add1_note)};
}

Prepared Prepare(const Election& e, const MesOptions& o) {
  Prepared pr{e, o.utility, SupportersByProject(e), {}, TieBreakRanks(e, o.tie_break), {}, {}};
  for (const BallotGroup& g : e.groups) pr.weight.push_back(g.weight);
  for (size_t p = 0; p < e.projects.size(); ++p) {
    if (e.projects[p].votes == 0) continue;
    (e.projects[p].cost_cents == 0 ? pr.free_projects : pr.candidates).push_back(static_cast<int>(p));
  }
  std::sort(pr.free_projects.begin(), pr.free_projects.end(), [&](int a, int b) { return pr.rank[a] < pr.rank[b]; });
  return pr;
}

// The notes, the funded projects with their shares and the rejected ones.
void Record(const Prepared& pr, Completed done, CountResult& result) {
  const Election& e = pr.e;
  const int64_t n = std::max<int64_t>(e.num_ballots, 1);
  const std::string add1_note = std::move(done.note);
  const Endowment endowment = done.endowment;
  RunOutput& out = done.out;
  result.notes.push_back(
      "each of the " + std::to_string(e.num_ballots) + " ballots (blank ones included) starts with " +
      FormatCents(static_cast<double>(e.budget_cents) / static_cast<double>(n)) + " = budget / ballots");
  if (!add1_note.empty()) result.notes.push_back(add1_note);
  result.budget_per_voter_cents = endowment.Cents();
  for (std::string& t : out.tie_notes) result.notes.push_back(std::move(t));
  if (result.exact_recounts > 0) {
    result.notes.push_back(std::to_string(result.exact_recounts) +
                           " run(s) recounted with exact fractions because a decision was too close for doubles");
  }

  for (int p : pr.free_projects) result.Fund(e, p, "mes", "costs nothing and has support");
  size_t r = 0;
  for (int p : out.selected) {
    if (e.projects[p].cost_cents == 0) continue;
    const MesRound& m = out.rounds[r++];
    std::string why =
        "each of its " + std::to_string(m.supporters) + " supporters pays at most " + FormatCents(m.rho_cents);
    if (m.supporters_short > 0) why += " (" + std::to_string(m.supporters_short) + " pay all they have left)";
    result.Fund(e, p, "mes", why);
  }
  result.mes_rounds = std::move(out.rounds);
  for (size_t p = 0; p < e.projects.size(); ++p) {
    if (e.projects[p].votes == 0) result.Reject(static_cast<int>(p), Verdict::kNoSupport, "no ballot names it");
  }
  for (const auto& [p, round] : out.dropped) {
    result.Reject(p, Verdict::kSupportersOutOfMoney,
                  "in round " + std::to_string(round) + " its supporters had less money left than its cost");
  }
}

}  // namespace

CountResult CountEqualShares(const Election& e, const MesOptions& o) {
  const Prepared pr = Prepare(e, o);
  CountResult result;
  result.rule = o.utility == MesUtility::kCost ? "mes-cost" : "mes-card";
  result.completion = std::string(MesCompletionName(o.completion));
  result.tie_break = std::string(TieBreakName(o.tie_break));
  Completed done;
  switch (o.completion) {
    case MesCompletion::kNone:
    case MesCompletion::kGreedy: {
      const Endowment endowment{e.budget_cents, std::max<int64_t>(e.num_ballots, 1)};
      done = {RunOnce(pr, endowment, o.arithmetic, result.exact_recounts), endowment, ""};
      break;
    }
    case MesCompletion::kAddOne:
    case MesCompletion::kAddOneGreedy:
      done = CompleteAddOne(pr, o, result.exact_recounts);
      break;
    case MesCompletion::kAddOneIntegral:
    case MesCompletion::kAddOneIntegralExhaustive:
    case MesCompletion::kAddOneU:
      done = CompleteAddOneIntegral(pr, o, result.exact_recounts);
      break;
  }
  Record(pr, std::move(done), result);

  if (o.completion == MesCompletion::kGreedy || o.completion == MesCompletion::kAddOneGreedy ||
      o.completion == MesCompletion::kAddOneU) {
    GreedyOptions g = o.greedy;
    g.key = o.utility == MesUtility::kCost ? GreedyKey::kVotes : GreedyKey::kVotesPerCost;
    CompleteGreedily(e, g, "greedy completion", result);
  }
  result.Finish(e);
  return result;
}

}  // namespace wp::budgets::counting
