#include "features/budgets/counting/explanation.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace wp::budgets::counting {
namespace {

using nlohmann::json;

ExplainedRule RuleFamily(const std::string& rule) {
  if (rule.rfind("greedy", 0) == 0) return ExplainedRule::kMostVotes;
  if (rule.rfind("mes", 0) == 0) return ExplainedRule::kEqualShares;
  return ExplainedRule::kOther;
}

std::string_view RuleName(ExplainedRule r) {
  switch (r) {
    case ExplainedRule::kMostVotes: return "most_votes";
    case ExplainedRule::kEqualShares: return "equal_shares";
    case ExplainedRule::kOther: return "other";
  }
  return "other";
}

std::optional<Verdict> ParseVerdict(std::string_view name) {
  for (Verdict v : {Verdict::kFunded, Verdict::kDoesNotFit, Verdict::kSupportersOutOfMoney, Verdict::kNoSupport,
                    Verdict::kBelowThreshold, Verdict::kCostsMoreThanBudget, Verdict::kNotReached,
                    Verdict::kNotInOptimum}) {
    if (VerdictName(v) == name) return v;
  }
  return std::nullopt;
}

int64_t CeilCents(double cents) { return static_cast<int64_t>(std::ceil(cents - 1e-9)); }

}  // namespace

Explanation Explain(const Election& e, const CountResult& r, int64_t vote_threshold) {
  Explanation x;
  x.rule = RuleFamily(r.rule);
  x.budget_cents = e.budget_cents;
  x.ballots = e.num_ballots;
  x.split_budget = e.IsKnapsack();
  x.vote_threshold = e.min_project_score_threshold.value_or(vote_threshold);
  if (x.rule == ExplainedRule::kEqualShares && e.num_ballots > 0) {
    x.share_per_voter_cents = e.budget_cents / e.num_ballots;
    x.final_share_per_voter_cents = static_cast<int64_t>(std::floor(r.budget_per_voter_cents + 1e-9));
  }
  int64_t left = e.budget_cents;
  for (int p : r.selected) {
    const Project& pr = e.projects[p];
    ChosenPlan c{pr.id, pr.name, pr.cost_cents, pr.votes, left};
    for (const ReportStep& s : r.steps) {
      if (s.project == p && s.verdict == Verdict::kFunded) c.by_completion = s.stage.find("completion") != std::string::npos;
    }
    for (const MesRound& m : r.mes_rounds) {
      if (m.project != p || c.by_completion) continue;
      c.share_cents = CeilCents(m.rho_cents);
      c.voters_short = m.supporters_short;
    }
    left -= pr.cost_cents;
    x.chosen.push_back(std::move(c));
  }
  x.total_cost_cents = r.total_cost_cents;
  x.leftover_cents = r.leftover_cents;
  for (const ReportStep& s : r.steps) {
    if (s.verdict == Verdict::kFunded) continue;
    const Project& pr = e.projects[s.project];
    x.others.push_back(OtherPlan{pr.id, pr.name, pr.cost_cents, pr.votes, s.verdict, s.money_left_cents});
    if (pr.votes > 0 && pr.votes >= x.vote_threshold && pr.cost_cents <= r.leftover_cents) {
      x.leftover_fits_no_plan = false;
    }
  }
  std::stable_sort(x.others.begin(), x.others.end(),
                   [](const OtherPlan& a, const OtherPlan& b) { return a.votes > b.votes; });
  return x;
}

std::string ExplanationToJson(const Explanation& x) {
  json chosen = json::array(), others = json::array();
  for (const ChosenPlan& c : x.chosen) {
    chosen.push_back({{"id", c.id},
                      {"name", c.name},
                      {"cost_cents", c.cost_cents},
                      {"votes", c.votes},
                      {"money_left_before_cents", c.money_left_before_cents},
                      {"by_completion", c.by_completion},
                      {"share_cents", c.share_cents},
                      {"voters_short", c.voters_short}});
  }
  for (const OtherPlan& o : x.others) {
    others.push_back({{"id", o.id},
                      {"name", o.name},
                      {"cost_cents", o.cost_cents},
                      {"votes", o.votes},
                      {"verdict", VerdictName(o.verdict)},
                      {"money_left_cents", o.money_left_cents}});
  }
  json j = {{"rule", RuleName(x.rule)},
            {"budget_cents", x.budget_cents},
            {"ballots", x.ballots},
            {"split_budget", x.split_budget},
            {"share_per_voter_cents", x.share_per_voter_cents},
            {"final_share_per_voter_cents", x.final_share_per_voter_cents},
            {"vote_threshold", x.vote_threshold},
            {"chosen", chosen},
            {"others", others},
            {"total_cost_cents", x.total_cost_cents},
            {"leftover_cents", x.leftover_cents},
            {"leftover_fits_no_plan", x.leftover_fits_no_plan}};
  return j.dump();
}

Result<Explanation> ExplanationFromJson(const std::string& text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return InvalidInput("explanation: not a JSON object");
  try {
    Explanation x;
    const std::string rule = j.at("rule").get<std::string>();
    if (rule == "most_votes") x.rule = ExplainedRule::kMostVotes;
    else if (rule == "equal_shares") x.rule = ExplainedRule::kEqualShares;
    else if (rule == "other") x.rule = ExplainedRule::kOther;
    else return InvalidInput("explanation: unknown rule \"" + rule + "\"");
    x.budget_cents = j.at("budget_cents").get<int64_t>();
    x.ballots = j.at("ballots").get<int64_t>();
    x.split_budget = j.at("split_budget").get<bool>();
    x.share_per_voter_cents = j.at("share_per_voter_cents").get<int64_t>();
    x.final_share_per_voter_cents = j.at("final_share_per_voter_cents").get<int64_t>();
    x.vote_threshold = j.at("vote_threshold").get<int64_t>();
    for (const json& c : j.at("chosen")) {
      x.chosen.push_back(ChosenPlan{c.at("id").get<std::string>(), c.at("name").get<std::string>(),
                                    c.at("cost_cents").get<int64_t>(), c.at("votes").get<int64_t>(),
                                    c.at("money_left_before_cents").get<int64_t>(), c.at("by_completion").get<bool>(),
                                    c.at("share_cents").get<int64_t>(), c.at("voters_short").get<int64_t>()});
    }
    for (const json& o : j.at("others")) {
      auto verdict = ParseVerdict(o.at("verdict").get<std::string>());
      if (!verdict) return InvalidInput("explanation: unknown verdict");
      x.others.push_back(OtherPlan{o.at("id").get<std::string>(), o.at("name").get<std::string>(),
                                   o.at("cost_cents").get<int64_t>(), o.at("votes").get<int64_t>(), *verdict,
                                   o.at("money_left_cents").get<int64_t>()});
    }
    x.total_cost_cents = j.at("total_cost_cents").get<int64_t>();
    x.leftover_cents = j.at("leftover_cents").get<int64_t>();
    x.leftover_fits_no_plan = j.at("leftover_fits_no_plan").get<bool>();
    return x;
  } catch (const json::exception& ex) {
    return InvalidInput(std::string("explanation: ") + ex.what());
  }
}

}  // namespace wp::budgets::counting
