#include "features/voting/count_story.h"

namespace wp::voting {
namespace {

using budgets::counting::ChosenPlan;
using budgets::counting::ExplainedRule;
using budgets::counting::Explanation;
using budgets::counting::OtherPlan;
using budgets::counting::Verdict;

std::string PlanName(const std::string& name, const std::string& id) { return name.empty() ? id : name; }

std::string TellChosen(const Explanation& x, const ChosenPlan& c, const Translate& t) {
  const i18n::Args args = {{"plan", PlanName(c.name, c.id)},
                           {"cost", Money{c.cost_cents}},
                           {"votes", c.votes},
                           {"left", Money{c.money_left_before_cents}},
                           {"share", Money{c.share_cents}},
                           {"short", c.voters_short}};
  if (c.cost_cents == 0) return t("voting.story.chosen.free", args);
  if (c.by_completion) return t("voting.story.chosen.completion", args);
  switch (x.rule) {
    case ExplainedRule::kMostVotes: return t("voting.story.chosen.most_votes", args);
    case ExplainedRule::kEqualShares: {
      if (c.share_cents < 0) return t("voting.story.chosen.other", args);
      std::string s = t("voting.story.chosen.equal_shares", args);
      if (c.voters_short > 0) s += " " + t("voting.story.chosen.voters_short", args);
      return s;
    }
    case ExplainedRule::kOther: break;
  }
  return t("voting.story.chosen.other", args);
}

std::string TellOther(const Explanation& x, const OtherPlan& o, const Translate& t) {
  const i18n::Args args = {{"plan", PlanName(o.name, o.id)},
                           {"cost", Money{o.cost_cents}},
                           {"votes", o.votes},
                           {"left", Money{o.money_left_cents}},
                           {"threshold", x.vote_threshold}};
  switch (o.verdict) {
    case Verdict::kDoesNotFit:
      return t(o.money_left_cents >= 0 ? "voting.story.other.does_not_fit_left" : "voting.story.other.does_not_fit",
               args);
    case Verdict::kSupportersOutOfMoney: return t("voting.story.other.supporters_out_of_money", args);
    case Verdict::kNoSupport: return t("voting.story.other.no_support", args);
    case Verdict::kBelowThreshold: return t("voting.story.other.below_threshold", args);
    case Verdict::kCostsMoreThanBudget: return t("voting.story.other.costs_more_than_budget", args);
    case Verdict::kNotReached: return t("voting.story.other.not_reached", args);
    case Verdict::kNotInOptimum: return t("voting.story.other.not_in_optimum", args);
    case Verdict::kFunded: break;
  }
  return t("voting.story.other.not_reached", args);
}

}  // namespace

CountStory TellCount(const Explanation& x, const Translate& t) {
  CountStory story;
  const i18n::Args args = {{"budget", Money{x.budget_cents}},
                           {"ballots", x.ballots},
                           {"share", Money{x.share_per_voter_cents}},
                           {"final_share", Money{x.final_share_per_voter_cents}},
                           {"leftover", Money{x.leftover_cents}}};
  switch (x.rule) {
    case ExplainedRule::kMostVotes:
      story.intro.push_back(t("voting.story.intro.most_votes", args));
      break;
    case ExplainedRule::kEqualShares:
      story.intro.push_back(t("voting.story.intro.equal_shares", args));
      story.intro.push_back(t("voting.story.intro.equal_shares_order", args));
      if (x.final_share_per_voter_cents > x.share_per_voter_cents) {
        story.intro.push_back(t("voting.story.intro.equal_shares_raised", args));
      }
      break;
    case ExplainedRule::kOther:
      story.intro.push_back(t("voting.story.intro.other", args));
      break;
  }
  if (x.split_budget) story.intro.push_back(t("voting.story.intro.split_budget", args));
  for (const ChosenPlan& c : x.chosen) story.chosen.push_back(TellChosen(x, c, t));
  for (const OtherPlan& o : x.others) story.others.push_back(TellOther(x, o, t));
  if (x.leftover_cents == 0) story.leftover = t("voting.story.leftover.none", args);
  else if (x.leftover_fits_no_plan) story.leftover = t("voting.story.leftover.too_little", args);
  else story.leftover = t("voting.story.leftover.rule_stopped", args);
  return story;
}

}  // namespace wp::voting
