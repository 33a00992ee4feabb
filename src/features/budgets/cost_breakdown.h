// A plan's simple budget breakdown: lines of (what, amount). The plan's cost
// is the total of its lines, in euro cents. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wp::budgets {

struct CostLine {
  std::string label;
  int64_t amount_cents = 0;
};

enum class CostProblem {
  kNoLines,        // at least one line is needed
  kLabelMissing,   // an amount without a description
  kAmountInvalid,  // not an amount in euros (or negative)
  kAmountMissing,  // a description without an amount
  kTotalZero,      // the plan must cost something
  kTooManyLines,   // more than kMaxCostLines
};

inline constexpr int kMaxCostLines = 10;

struct CostProblemAt {
  CostProblem problem;
  int line = 0;  // 1-based line the problem belongs to; 0 for the whole breakdown
};

struct ParsedCosts {
  std::vector<CostLine> lines;
  std::vector<CostProblemAt> problems;  // empty: valid
  int64_t total_cents = 0;
};

// Parses typed lines (label, amount text such as "1.250,50"); both empty =
// an unused line, skipped. Amounts parse as core/money.h ParseMoney.
ParsedCosts ParseCostLines(const std::vector<std::pair<std::string, std::string>>& typed);
// Sum of the amounts.
int64_t TotalCents(const std::vector<CostLine>& lines);
std::string_view CostProblemKey(CostProblem p);

}  // namespace wp::budgets
