#include "features/voting/tally.h"

#include <map>

#include "features/budgets/counting/equal_shares.h"
#include "features/budgets/counting/greedy.h"

namespace wp::voting {

namespace counting = budgets::counting;

std::vector<std::string> CountArguments(bool equal_shares) {
  if (equal_shares) return {"--rule", "mes-cost", "--completion", "add1u"};
  return {"--rule", "greedy-cost"};
}

counting::PbInstance BuildPabulib(const TallyInput& in) {
  counting::PbInstance pb;
  pb.vote_type = counting::VoteType::kApproval;
  pb.budget_cents = in.rules.budget_cents;
  pb.SetMeta("description", in.edition_title);
  pb.SetMeta("country", "Netherlands");
  pb.SetMeta("unit", "Haarlem");
  pb.SetMeta("instance", in.edition_slug);
  pb.SetMeta("num_projects", std::to_string(in.plans.size()));
  pb.SetMeta("num_votes", std::to_string(in.ballots.size()));
  pb.SetMeta("budget", counting::FormatAmount(in.rules.budget_cents));
  pb.SetMeta("vote_type", "approval");
  pb.SetMeta("rule", in.equal_shares ? "equalshares/add1u" : "greedy");
  if (in.rules.split_budget) pb.SetMeta("max_sum_cost", counting::FormatAmount(in.rules.budget_cents));
  if (!in.rules.split_budget && in.rules.max_plans > 0) pb.SetMeta("max_length", std::to_string(in.rules.max_plans));
  pb.SetMeta("min_length", "1");
  pb.project_columns = {"project_id", "cost", "name"};
  for (const auto& p : in.plans) {
    counting::PbProject proj;
    proj.id = std::to_string(p.plan_id);
    proj.cost_cents = p.cost_cents;
    proj.name = p.title;
    pb.projects.push_back(std::move(proj));
  }
  pb.vote_columns = {"voter_id", "vote"};
  int64_t n = 0;
  for (const auto& ballot : in.ballots) {
    counting::PbVote v;
    v.voter_id = std::to_string(++n);
    for (int64_t id : ballot) v.projects.push_back(std::to_string(id));
    pb.votes.push_back(std::move(v));
  }
  return pb;
}

Result<Tally> CountBallots(const TallyInput& in) {
  Tally out;
  out.pabulib = counting::WritePabulib(BuildPabulib(in));
  WP_ASSIGN_OR_RETURN(counting::PbInstance parsed, counting::ParsePabulib(out.pabulib, "stemmen.pb"));
  WP_ASSIGN_OR_RETURN(counting::Election election, counting::ElectionFromPabulib(parsed));
  counting::GreedyOptions greedy;
  greedy.key = counting::GreedyKey::kVotes;
  greedy.min_votes = std::max<int64_t>(1, election.min_project_score_threshold.value_or(0));
  counting::CountResult result;
  if (in.equal_shares) {
    counting::MesOptions mes;
    mes.utility = counting::MesUtility::kCost;
    mes.completion = counting::MesCompletion::kAddOneU;
    mes.greedy = greedy;
    result = counting::CountEqualShares(election, mes);
  } else {
    result = counting::CountGreedy(election, greedy);
  }
  out.ballots = election.num_ballots;
  out.total_cost_cents = result.total_cost_cents;
  out.leftover_cents = result.leftover_cents;
  out.report_text = counting::RenderText(election, result);
  out.report_json = counting::RenderJson(election, result);
  out.explanation = counting::Explain(election, result);
  std::map<std::string, int> index;
  for (size_t i = 0; i < election.projects.size(); ++i) index[election.projects[i].id] = static_cast<int>(i);
  std::vector<bool> chosen(election.projects.size(), false);
  for (int s : result.selected) {
    chosen[s] = true;
    out.selected.push_back(std::stoll(election.projects[s].id));
  }
  for (const auto& p : in.plans) {
    PlanOutcome o;
    o.plan_id = p.plan_id;
    o.title = p.title;
    o.cost_cents = p.cost_cents;
    auto it = index.find(std::to_string(p.plan_id));
    if (it != index.end()) {
      const auto& proj = election.projects[it->second];
      o.votes = proj.votes;
      o.selected = chosen[it->second];
      o.verdict = std::string(counting::VerdictName(result.verdicts[it->second]));
    }
    o.euros_cents = o.votes * o.cost_cents;
    out.plans.push_back(std::move(o));
  }
  return out;
}

}  // namespace wp::voting
