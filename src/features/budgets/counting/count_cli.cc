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

// What the command line asks for; `exit_code` is set when it already
// decided the outcome (--help: 0, a usage error: 2).
struct CountArgs {
  std::string file, rule, completion = "none", tie_break = "cost-votes-id";
  bool json = false, no_skip = false, exact = false;
  int64_t min_votes = 1;
  std::optional<int> exit_code;
};

CountArgs ParseArgs(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CountArgs c;
  auto stop = [&c](int code) {
    c.exit_code = code;
    return c;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      out << kUsage;
      return stop(0);
    } else if (a == "--json") {
      c.json = true;
    } else if (a == "--no-skip") {
      c.no_skip = true;
    } else if (a == "--exact") {
      c.exact = true;
    } else if (a == "--rule" || a == "--completion" || a == "--tie-break" || a == "--min-votes") {
      if (i + 1 >= args.size()) return stop(Usage(err, a + " needs a value"));
      const std::string& v = args[++i];
      if (a == "--rule")
        c.rule = v;
      else if (a == "--completion")
        c.completion = v;
      else if (a == "--tie-break")
        c.tie_break = v;
      else {
        auto n = ParseCount(v);
        if (!n) return stop(Usage(err, "--min-votes needs a whole number >= 0, got '" + v + "'"));
        c.min_votes = *n;
      }
    } else if (!a.empty() && a[0] == '-') {
      return stop(Usage(err, "unknown option '" + a + "'"));
    } else if (c.file.empty()) {
      c.file = a;
    } else {
      return stop(Usage(err, "more than one file given ('" + c.file + "', '" + a + "')"));
    }
  }
  if (c.file.empty()) return stop(Usage(err, "no .pb file given"));
  if (c.rule.empty()) return stop(Usage(err, "no --rule given"));
  if (c.rule == "greedy") c.rule = "greedy-cost";
  return c;
}

bool IsMes(const std::string& rule) { return rule == "mes-cost" || rule == "mes-card"; }
bool IsGreedy(const std::string& rule) {
  return rule == "greedy-cost" || rule == "greedy-card" || rule == "greedy-points";
}

// Counts `e` by the rule, completion and tie-break already checked.
CountResult Count(const Election& e, const CountArgs& a, MesCompletion completion, TieBreak tie_break) {
  const Arithmetic arithmetic = a.exact ? Arithmetic::kExact : Arithmetic::kAuto;
  GreedyOptions greedy;
  greedy.tie_break = tie_break;
  greedy.min_votes = std::max(a.min_votes, e.min_project_score_threshold.value_or(0));
  greedy.skip = !a.no_skip;
  if (IsGreedy(a.rule)) {
    greedy.key = a.rule == "greedy-cost"   ? GreedyKey::kVotes
                 : a.rule == "greedy-card" ? GreedyKey::kVotesPerCost
                                           : GreedyKey::kScore;
    return CountGreedy(e, greedy);
  }
  if (IsMes(a.rule)) {
    MesOptions mes;
    mes.utility = a.rule == "mes-cost" ? MesUtility::kCost : MesUtility::kCardinality;
    mes.completion = completion;
    mes.tie_break = tie_break;
    mes.greedy = greedy;
    mes.arithmetic = arithmetic;
    return CountEqualShares(e, mes);
  }
  if (a.rule == "phragmen") return CountPhragmen(e, PhragmenOptions{tie_break, a.min_votes, arithmetic});
  return CountUtilitarianOptimum(e);
}

}  // namespace

int RunCountCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CountArgs a = ParseArgs(args, out, err);
  if (a.exit_code) return *a.exit_code;
  if (!IsMes(a.rule) && !IsGreedy(a.rule) && a.rule != "phragmen" && a.rule != "max-welfare") {
    return Usage(err, "unknown rule '" + a.rule + "'");
  }
  auto completion = ParseMesCompletion(a.completion);
  if (!completion) return Usage(err, "unknown completion '" + a.completion + "'");
  if (!IsMes(a.rule) && *completion != MesCompletion::kNone) {
    return Usage(err, "--completion applies only to mes-cost and mes-card");
  }
  auto tie_break = ParseTieBreak(a.tie_break);
  if (!tie_break) return Usage(err, "unknown tie-break '" + a.tie_break + "'");

  auto instance = ReadPabulibFile(a.file);
  if (!instance) {
    err << "count: " << instance.error().detail << "\n";
    return 1;
  }
  auto election = ElectionFromPabulib(*instance);
  if (!election) {
    err << "count: " << a.file << ": " << election.error().detail << "\n";
    return 1;
  }
  const Election& e = *election;
  if (a.rule != "greedy-points" && !e.IsApproval()) {
    err << "count: " << a.file << ": rule " << a.rule << " needs approval ballots, but the file has "
        << VoteTypeName(e.vote_type) << " ballots (use greedy-points)\n";
    return 1;
  }
  CountResult result = Count(e, a, *completion, *tie_break);
  out << (a.json ? RenderJson(e, result) + "\n" : RenderText(e, result));
  return 0;
}

}  // namespace wp::budgets::counting
