// The publishable text report of a draw: inputs and their SHA-256, the seed,
// the drawn ticket, the panel, the quotas met, every volunteer's selection
// probability and how to replay the draw. Pure; plain text for a municipal
// website or council letter.
#pragma once

#include <string>
#include <vector>

#include "features/sortition/selection/draw.h"
#include "features/sortition/selection/instance.h"

namespace wp::sortition {

struct ReportInputs {
  std::string categories_name;
  std::string categories_sha256;
  std::string respondents_name;
  std::string respondents_sha256;
  std::vector<std::string> address_columns;
};

// Text report of a first draw.
std::string DrawReportText(const Instance& instance, const DrawOptions& options, const DrawOutcome& outcome,
                           const ReportInputs& inputs);

// Text report of a replacement draw.
std::string ReplacementReportText(const Instance& instance, const DrawOptions& options,
                                  const ReplacementOutcome& outcome, const std::vector<int>& previous_panel,
                                  const std::vector<int>& dropouts, const ReportInputs& inputs);

// "9.09%" style percentage with two decimals.
std::string Percent(double p);

}  // namespace wp::sortition
