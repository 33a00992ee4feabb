#include "features/budgets/counting/count_cli.h"

#include <charconv>
#include <optional>

#include "features/budgets/counting/equal_shares.h"
#include "features/budgets/counting/greedy.h"
#include "features/budgets/counting/pabulib.h"
#include "features/budgets/counting/phragmen.h"
#include "features/budgets/counting/utilitarian.h"

namespace wp::budgets::counting {
namespace {

constexpr const char* kUsage = R"(usage: wijkplatform count FILE.pb --rule RULE [options]

Counts a participatory budget vote stored in the Pabulib format and explains
which plans win and why.

Rules (--rule):
  greedy-cost    most approvals first, skip plans that no longer fit (alias: greedy)
  greedy-card    most approvals per euro first, skip plans that no longer fit
  greedy-points  most points first (cumulative, scoring and ordinal ballots)
  mes-cost       Method of Equal Shares, cost utilities (equalshares.net)
  mes-card       Method of Equal Shares, cardinality utilities
  phragmen       sequential Phragmen (stops at the first plan that does not fit)
  max-welfare    utilitarian optimum: most approved euros within the budget

Completions for mes-* (--completion, default none):
  none                      plain MES
  add1                      pabutools Add1: start at budget/ballots, +1 per voter
                            until the outcome is exhaustive
  add1-integral             Pabulib/equalshares.net Add1: start at the whole
                            units of budget/ballots, +1 while it still fits
  add1-integral-exhaustive  add1-integral, stopping at the first exhaustive outcome
  greedy                    MES, then greedy with the money left
  add1-greedy               add1, then greedy
  add1u                     add1-integral-exhaustive, then greedy (equalshares.net default)

Options:
  --tie-break T   cost-votes-id (default: cheaper, then more votes, then lower id),
                  id (pabutools: id as text), js-key-order
  --min-votes N   plans need at least N votes (points) to be funded (default 1;
                  0 funds unsupported plans when money is left, as pabutools does;
                  a min_project_score_threshold in the file raises it)
  --no-skip       greedy rules stop at the first plan that does not fit
  --exact         exact fractions throughout (slower; the default is already exact
                  in outcome: doubles with an exact recount of close calls)
  --json          print the report as JSON
  --help          show this text
)";

std::optional<int64_t> ParseCount(const std::string& s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

int Usage(std::ostream& err, const std::string& problem) {
  err << "count: " << problem << "\n(run 'wijkplatform count --help' for usage)\n";
  return 2;
}

}  // namespace

int RunCountCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string file, rule, completion = "none", tie_break = "cost-votes-id";
  bool json = false, no_skip = false, exact = false;
  int64_t min_votes = 1;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (a == "--help" || a == "-h") {
      out << kUsage;
      return 0;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--no-skip") {
      no_skip = true;
    } else if (a == "--exact") {
      exact = true;
    } else if (a == "--rule" || a == "--completion" || a == "--tie-break" || a == "--min-votes") {
      auto v = value();
      if (!v) return Usage(err, a + " needs a value");
      if (a == "--rule") rule = *v;
      else if (a == "--completion") completion = *v;
      else if (a == "--tie-break") tie_break = *v;
      else {
        auto n = ParseCount(*v);
        if (!n) return Usage(err, "--min-votes needs a whole number >= 0, got '" + *v + "'");
        min_votes = *n;
      }
    } else if (!a.empty() && a[0] == '-') {
      return Usage(err, "unknown option '" + a + "'");
    } else if (file.empty()) {
      file = a;
    } else {
      return Usage(err, "more than one file given ('" + file + "', '" + a + "')");
    }
  }
  if (file.empty()) return Usage(err, "no .pb file given");
  if (rule.empty()) return Usage(err, "no --rule given");
  if (rule == "greedy") rule = "greedy-cost";
  const bool is_mes = rule == "mes-cost" || rule == "mes-card";
  const bool is_greedy = rule == "greedy-cost" || rule == "greedy-card" || rule == "greedy-points";
  if (!is_mes && !is_greedy && rule != "phragmen" && rule != "max-welfare") {
    return Usage(err, "unknown rule '" + rule + "'");
  }
  auto parsed_completion = ParseMesCompletion(completion);
  if (!parsed_completion) return Usage(err, "unknown completion '" + completion + "'");
  if (!is_mes && *parsed_completion != MesCompletion::kNone) {
    return Usage(err, "--completion applies only to mes-cost and mes-card");
  }
  auto parsed_tie = ParseTieBreak(tie_break);
  if (!parsed_tie) return Usage(err, "unknown tie-break '" + tie_break + "'");

  auto instance = ReadPabulibFile(file);
  if (!instance) {
    err << "count: " << instance.error().detail << "\n";
    return 1;
  }
  auto election = ElectionFromPabulib(*instance);
  if (!election) {
    err << "count: " << file << ": " << election.error().detail << "\n";
    return 1;
  }
  const Election& e = *election;
  if (rule != "greedy-points" && !e.IsApproval()) {
    err << "count: " << file << ": rule " << rule << " needs approval ballots, but the file has "
        << VoteTypeName(e.vote_type) << " ballots (use greedy-points)\n";
    return 1;
  }
  const Arithmetic arithmetic = exact ? Arithmetic::kExact : Arithmetic::kAuto;
  GreedyOptions greedy;
  greedy.tie_break = *parsed_tie;
  greedy.min_votes = std::max(min_votes, e.min_project_score_threshold.value_or(0));
  greedy.skip = !no_skip;

  CountResult result;
  if (is_greedy) {
    greedy.key = rule == "greedy-cost" ? GreedyKey::kVotes
                 : rule == "greedy-card" ? GreedyKey::kVotesPerCost
                                         : GreedyKey::kScore;
    result = CountGreedy(e, greedy);
  } else if (is_mes) {
    MesOptions mes;
    mes.utility = rule == "mes-cost" ? MesUtility::kCost : MesUtility::kCardinality;
    mes.completion = *parsed_completion;
    mes.tie_break = *parsed_tie;
    mes.greedy = greedy;
    mes.arithmetic = arithmetic;
    result = CountEqualShares(e, mes);
  } else if (rule == "phragmen") {
    result = CountPhragmen(e, PhragmenOptions{*parsed_tie, min_votes, arithmetic});
  } else {
    result = CountUtilitarianOptimum(e);
  }
  out << (json ? RenderJson(e, result) + "\n" : RenderText(e, result));
  return 0;
}

}  // namespace wp::budgets::counting
