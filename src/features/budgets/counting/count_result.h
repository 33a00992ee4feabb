// CountResult: what a counting rule returns. The winners in selection order,
// the money, and a report that explains every decision, renderable as text
// (for people) and as JSON (for the site and for recounts).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "features/budgets/counting/election.h"

namespace wp::budgets::counting {

// How numbers are compared inside MES and Phragmen.
enum class Arithmetic {
  // Doubles, with every decision that lies within a relative 1e-9 of flipping
  // re-decided by an exact rational recount. Exact results, fast. Default.
  kAuto,
  // Exact rationals throughout (slow; used to cross-check kAuto).
  kExact,
  // Plain doubles with no check. Only to show what goes wrong without exact
  // arithmetic (tests, benchmarks); never for real counts.
  kDoubleUnchecked,
};

// Why a project ended where it did. Each value maps to an i18n key later.
enum class Verdict {
  kFunded,
  kDoesNotFit,            // cost exceeded the money left when its turn came
  kSupportersOutOfMoney,  // MES: its supporters together could no longer pay for it
  kNoSupport,             // no ballot names it
  kBelowThreshold,        // fewer votes than the threshold
  kCostsMoreThanBudget,   // cost > whole budget
  kNotReached,            // the rule stopped before its turn (greedy-no-skip, Phragmen)
  kNotInOptimum,          // utilitarian optimum: not part of the best set
};
std::string_view VerdictName(Verdict v);  // "funded", "does_not_fit", ...

// One line of the report: a decision about one project, in order.
struct ReportStep {
  int round = 0;     // 1-based position among funded projects; 0 when not funded
  int project = -1;  // index into Election::projects
  Verdict verdict = Verdict::kFunded;
  std::string stage;   // "mes", "greedy", "completion", ...
  std::string reason;  // plain English, with the numbers that decided it
  // Not funded because it did not fit: the money left when its turn came
  // (-1 when the rule does not know it).
  int64_t money_left_cents = -1;
};

// One round of the Method of Equal Shares (the final run when Add1 was used).
struct MesRound {
  int round = 0;
  int project = -1;
  double rho_cents = 0;        // what each supporter pays (at most); exact below
  std::string rho_exact;       // "p/q" in cents when the exact recount ran, else empty
  double effective_votes = 0;  // cost / rho: equals votes while nobody runs short
  int64_t supporters = 0;
  int64_t supporters_short = 0;  // paid less than rho: everything they had left
  double budget_per_voter_cents = 0;  // endowment of this run
};

struct CountResult {
  std::string rule;         // e.g. "mes-cost", "greedy-cost"
  std::string completion;   // e.g. "add1", "none"; empty for non-MES rules
  std::string tie_break;    // TieBreakName
  std::vector<int> selected;  // indices into Election::projects, selection order
  int64_t total_cost_cents = 0;
  int64_t leftover_cents = 0;
  std::vector<ReportStep> steps;       // funded projects and the others, with reasons
  std::vector<Verdict> verdicts;       // per project index
  std::vector<MesRound> mes_rounds;    // MES only
  std::vector<std::string> notes;      // per-voter budget, Add1 runs, ties, exact recounts
  int64_t exact_recounts = 0;          // float runs redone exactly (kAuto)
  double budget_per_voter_cents = 0;   // MES: endowment of the final run
  std::vector<std::string> reasons;    // per project index: why its verdict (filled by rules)
  std::vector<int64_t> money_left;     // per project index: see ReportStep::money_left_cents

  // Records a funded project (appends to `selected` and `steps`).
  void Fund(const Election& election, int project, std::string stage, std::string reason);
  // Records why `project` is not funded (the last call wins), and for a
  // project that did not fit the money left when its turn came.
  void Reject(int project, Verdict verdict, std::string reason, int64_t money_left_cents = -1);
  // Fills total/leftover and appends a step for every project not funded.
  void Finish(const Election& election);
};

// Knapsack (budget-splitting) ballots: each voter who picks a plan gives it
// its whole cost. euros_cents = votes * cost; share = euros / all euros given.
struct EuroShare {
  int project = -1;
  int64_t euros_cents = 0;
  double share = 0;
};
std::vector<EuroShare> EuroShares(const Election& election);

// A computed amount in cents (a price, a load) as currency units with two
// decimals: 6666.67 -> "66.67". For display only.
std::string FormatCents(double cents);

// Human-readable report (English). Amounts in currency units with 2 decimals.
std::string RenderText(const Election& election, const CountResult& result);
// The same as JSON (an object; see RenderText for the content).
std::string RenderJson(const Election& election, const CountResult& result);

}  // namespace wp::budgets::counting
