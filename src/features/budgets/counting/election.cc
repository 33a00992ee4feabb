#include "features/budgets/counting/election.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace wp::budgets::counting {
namespace {

// Merges identical ballots; keeps the first-seen order of groups.
void AddBallot(Election& e, std::map<std::pair<std::vector<int>, std::vector<int64_t>>, size_t>& index,
               std::vector<int> projects, std::vector<int64_t> points) {
  auto key = std::make_pair(projects, points);
  auto it = index.find(key);
  if (it != index.end()) {
    ++e.groups[it->second].weight;
    return;
  }
  index.emplace(std::move(key), e.groups.size());
  e.groups.push_back(BallotGroup{std::move(projects), std::move(points), 1});
}

void Tally(Election& e) {
  for (Project& p : e.projects) p.votes = p.score = 0;
  for (const BallotGroup& g : e.groups) {
    for (size_t k = 0; k < g.projects.size(); ++k) {
      e.projects[g.projects[k]].votes += g.weight;
      e.projects[g.projects[k]].score += g.weight * g.points[k];
    }
  }
}

}  // namespace

int64_t Election::TotalCost(const std::vector<int>& selected) const {
  int64_t total = 0;
  for (int p : selected) total += projects[p].cost_cents;
  return total;
}

Result<Election> ElectionFromPabulib(const PbInstance& inst) {
  Election e;
  e.budget_cents = inst.budget_cents;
  e.vote_type = inst.vote_type;
  e.num_ballots = static_cast<int64_t>(inst.votes.size());
  std::unordered_map<std::string, int> index_of;
  for (const PbProject& p : inst.projects) {
    index_of[p.id] = static_cast<int>(e.projects.size());
    e.projects.push_back(Project{p.id, p.name, p.cost_cents, 0, 0});
  }
  if (auto v = inst.Meta("max_sum_cost"); v && *v != "None") {
    auto cents = ParseAmount(*v);
    if (!cents) return InvalidInput("max_sum_cost '" + *v + "' is not an amount");
    e.max_sum_cost_cents = *cents;
  }
  if (auto v = inst.Meta("min_project_score_threshold"); v && *v != "None") {
    auto t = ParseAmount(*v);
    if (!t || *t % 100 != 0) return InvalidInput("min_project_score_threshold '" + *v + "' is not an integer");
    e.min_project_score_threshold = *t / 100;
  }
  int64_t ordinal_length = 0;
  if (auto v = inst.Meta("max_length"); v && e.vote_type == VoteType::kOrdinal) {
    auto l = ParseAmount(*v);
    if (l && *l % 100 == 0) ordinal_length = *l / 100;
  }
  int64_t default_score = 0;
  if (auto v = inst.Meta("default_score"); v && e.vote_type == VoteType::kScoring) {
    auto s = ParseAmount(*v);
    if (!s || *s % 100 != 0) return InvalidInput("default_score '" + *v + "' is not an integer");
    default_score = *s / 100;
  }

  std::map<std::pair<std::vector<int>, std::vector<int64_t>>, size_t> groups;
  for (const PbVote& v : inst.votes) {
    std::vector<int> projects;
    std::vector<int64_t> points;
    for (size_t k = 0; k < v.projects.size(); ++k) {
      projects.push_back(index_of.at(v.projects[k]));
      switch (e.vote_type) {
        case VoteType::kApproval:
        case VoteType::kChooseOne: points.push_back(1); break;
        case VoteType::kCumulative:
        case VoteType::kScoring: points.push_back(v.points[k] - default_score); break;
        case VoteType::kOrdinal: {
          int64_t length = ordinal_length > 0 ? ordinal_length : static_cast<int64_t>(v.projects.size());
          points.push_back(std::max<int64_t>(0, length - static_cast<int64_t>(k)));
          break;
        }
      }
    }
    if (e.IsApproval()) std::sort(projects.begin(), projects.end());
    AddBallot(e, groups, std::move(projects), std::move(points));
  }
  Tally(e);
  for (Project& p : e.projects) {
    p.score += default_score * e.num_ballots;
    if (p.score < 0) return InvalidInput("project " + p.id + " has a negative score");
  }
  return e;
}

Election MakeApprovalElection(int64_t budget_cents, const std::vector<std::pair<std::string, int64_t>>& projects,
                              const std::vector<std::vector<int>>& ballots) {
  Election e;
  e.budget_cents = budget_cents;
  e.num_ballots = static_cast<int64_t>(ballots.size());
  for (const auto& [id, cost] : projects) e.projects.push_back(Project{id, id, cost, 0, 0});
  std::map<std::pair<std::vector<int>, std::vector<int64_t>>, size_t> groups;
  for (std::vector<int> b : ballots) {
    std::sort(b.begin(), b.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    std::vector<int64_t> points(b.size(), 1);
    AddBallot(e, groups, std::move(b), std::move(points));
  }
  Tally(e);
  return e;
}

std::vector<std::vector<int>> SupportersByProject(const Election& election) {
  std::vector<std::vector<int>> out(election.projects.size());
  std::vector<size_t> count(election.projects.size(), 0);
  for (const BallotGroup& g : election.groups) {
    for (int p : g.projects) ++count[p];
  }
  for (size_t p = 0; p < out.size(); ++p) out[p].reserve(count[p]);
  for (size_t g = 0; g < election.groups.size(); ++g) {
    for (int p : election.groups[g].projects) out[p].push_back(static_cast<int>(g));
  }
  return out;
}

}  // namespace wp::budgets::counting
