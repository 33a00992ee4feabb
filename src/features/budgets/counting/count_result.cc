#include "features/budgets/counting/count_result.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace wp::budgets::counting {
namespace {

std::string Units(double cents) { return FormatCents(cents); }
std::string Units(int64_t cents) { return FormatAmount(cents); }

std::string ProjectLabel(const Election& e, int p) {
  const Project& pr = e.projects[p];
  std::string s = pr.id;
  if (!pr.name.empty() && pr.name != pr.id) s += " \"" + pr.name + "\"";
  return s;
}

}  // namespace

std::string FormatCents(double cents) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", cents / 100.0);
  return buf;
}

std::string_view VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kFunded: return "funded";
    case Verdict::kDoesNotFit: return "does_not_fit";
    case Verdict::kSupportersOutOfMoney: return "supporters_out_of_money";
    case Verdict::kNoSupport: return "no_support";
    case Verdict::kBelowThreshold: return "below_threshold";
    case Verdict::kCostsMoreThanBudget: return "costs_more_than_budget";
    case Verdict::kNotReached: return "not_reached";
    case Verdict::kNotInOptimum: return "not_in_optimum";
  }
  return "funded";
}

void CountResult::Fund(const Election& election, int project, std::string stage, std::string reason) {
  verdicts.resize(election.projects.size(), Verdict::kNotReached);
  reasons.resize(election.projects.size());
  selected.push_back(project);
  verdicts[project] = Verdict::kFunded;
  reasons[project] = reason;
  steps.push_back(ReportStep{static_cast<int>(selected.size()), project, Verdict::kFunded, std::move(stage),
                             std::move(reason)});
}

void CountResult::Reject(int project, Verdict verdict, std::string reason, int64_t money_left_cents) {
  if (static_cast<size_t>(project) >= verdicts.size()) {
    verdicts.resize(project + 1, Verdict::kNotReached);
    reasons.resize(project + 1);
  }
  if (static_cast<size_t>(project) >= money_left.size()) money_left.resize(project + 1, -1);
  verdicts[project] = verdict;
  reasons[project] = std::move(reason);
  money_left[project] = money_left_cents;
}

void CountResult::Finish(const Election& election) {
  total_cost_cents = election.TotalCost(selected);
  leftover_cents = election.budget_cents - total_cost_cents;
  verdicts.resize(election.projects.size(), Verdict::kNotReached);
  reasons.resize(election.projects.size());
  money_left.resize(election.projects.size(), -1);
  for (size_t p = 0; p < election.projects.size(); ++p) {
    if (verdicts[p] == Verdict::kFunded) continue;
    std::string why = reasons[p].empty() ? "the rule ended before it was considered" : reasons[p];
    steps.push_back(ReportStep{0, static_cast<int>(p), verdicts[p], "", std::move(why), money_left[p]});
  }
}

std::vector<EuroShare> EuroShares(const Election& election) {
  std::vector<EuroShare> out;
  int64_t total = 0;
  for (size_t p = 0; p < election.projects.size(); ++p) {
    const Project& pr = election.projects[p];
    out.push_back(EuroShare{static_cast<int>(p), pr.votes * pr.cost_cents, 0});
    total += pr.votes * pr.cost_cents;
  }
  for (EuroShare& s : out) s.share = total > 0 ? static_cast<double>(s.euros_cents) / static_cast<double>(total) : 0;
  return out;
}

std::string RenderText(const Election& e, const CountResult& r) {
  std::string out;
  out += "Rule: " + r.rule;
  if (!r.completion.empty()) out += ", completion " + r.completion;
  out += ", ties broken by " + r.tie_break + "\n";
  out += "Budget " + Units(e.budget_cents) + ", " + std::to_string(e.num_ballots) + " ballots, " +
         std::to_string(e.projects.size()) + " projects\n";
  for (const std::string& n : r.notes) out += "Note: " + n + "\n";
  out += "\nFunded, in order of selection:\n";
  for (const ReportStep& s : r.steps) {
    if (s.verdict != Verdict::kFunded) continue;
    out += "  " + std::to_string(s.round) + ". " + ProjectLabel(e, s.project) + ", cost " +
           Units(e.projects[s.project].cost_cents) + " [" + s.stage + "] " + s.reason + "\n";
  }
  if (!r.mes_rounds.empty()) {
    out += "\nMethod of Equal Shares rounds (per-voter budget " + Units(r.mes_rounds.front().budget_per_voter_cents) +
           "):\n";
    for (const MesRound& m : r.mes_rounds) {
      char buf[256];
      std::snprintf(buf, sizeof buf, "  round %d: %s, each supporter pays at most %s (%lld supporters, %lld short; "
                    "effective votes %.2f)\n", m.round, ProjectLabel(e, m.project).c_str(),
                    Units(m.rho_cents).c_str(), static_cast<long long>(m.supporters),
                    static_cast<long long>(m.supporters_short), m.effective_votes);
      out += buf;
    }
  }
  out += "\nNot funded:\n";
  for (const ReportStep& s : r.steps) {
    if (s.verdict == Verdict::kFunded) continue;
    out += "  " + ProjectLabel(e, s.project) + ", cost " + Units(e.projects[s.project].cost_cents) + ": " +
           std::string(VerdictName(s.verdict)) + " (" + s.reason + ")\n";
  }
  if (e.IsKnapsack()) {
    out += "\nShare of the euros on all ballots (knapsack ballots):\n";
    for (const EuroShare& s : EuroShares(e)) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.2f%%", 100.0 * s.share);
      out += "  " + ProjectLabel(e, s.project) + ": " + Units(s.euros_cents) + " (" + buf + ")\n";
    }
  }
  out += "\nTotal cost " + Units(r.total_cost_cents) + ", left over " + Units(r.leftover_cents) + "\n";
  return out;
}

std::string RenderJson(const Election& e, const CountResult& r) {
  nlohmann::json j;
  j["rule"] = r.rule;
  j["completion"] = r.completion;
  j["tie_break"] = r.tie_break;
  j["budget"] = Units(e.budget_cents);
  j["ballots"] = e.num_ballots;
  nlohmann::json selected = nlohmann::json::array();
  for (int p : r.selected) selected.push_back(e.projects[p].id);
  j["selected"] = selected;
  j["total_cost"] = Units(r.total_cost_cents);
  j["leftover"] = Units(r.leftover_cents);
  j["notes"] = r.notes;
  j["exact_recounts"] = r.exact_recounts;
  nlohmann::json steps = nlohmann::json::array();
  for (const ReportStep& s : r.steps) {
    steps.push_back({{"round", s.round},
                     {"project", e.projects[s.project].id},
                     {"cost", Units(e.projects[s.project].cost_cents)},
                     {"votes", e.projects[s.project].votes},
                     {"verdict", VerdictName(s.verdict)},
                     {"stage", s.stage},
                     {"reason", s.reason}});
  }
  j["steps"] = steps;
  if (!r.mes_rounds.empty()) {
    nlohmann::json rounds = nlohmann::json::array();
    for (const MesRound& m : r.mes_rounds) {
      nlohmann::json x = {{"round", m.round},
                          {"project", e.projects[m.project].id},
                          {"rho", m.rho_cents / 100.0},
                          {"effective_votes", m.effective_votes},
                          {"supporters", m.supporters},
                          {"supporters_short", m.supporters_short},
                          {"budget_per_voter", m.budget_per_voter_cents / 100.0}};
      if (!m.rho_exact.empty()) x["rho_exact_cents"] = m.rho_exact;
      rounds.push_back(x);
    }
    j["mes_rounds"] = rounds;
  }
  if (e.IsKnapsack()) {
    nlohmann::json shares = nlohmann::json::array();
    for (const EuroShare& s : EuroShares(e)) {
      shares.push_back({{"project", e.projects[s.project].id}, {"euros", Units(s.euros_cents)}, {"share", s.share}});
    }
    j["euro_shares"] = shares;
  }
  return j.dump(2);
}

}  // namespace wp::budgets::counting
