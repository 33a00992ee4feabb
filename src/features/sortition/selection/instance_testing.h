// For the sortition tests only: an Instance from categories and respondents
// CSV text, failing the test (not aborting) on a parse error.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "features/sortition/selection/instance.h"

namespace wp::sortition {

inline Instance MakeInstance(const std::string& categories, const std::string& respondents, int k,
                             const std::vector<std::string>& address = {}) {
  Instance inst;
  auto quotas = ParseCategoriesCsv(categories);
  EXPECT_TRUE(quotas.has_value()) << quotas.error().detail;
  if (quotas.has_value()) inst.quotas = *quotas;
  auto agents = ParseRespondentsCsv(respondents, inst.quotas, address);
  EXPECT_TRUE(agents.has_value()) << agents.error().detail;
  if (agents.has_value()) inst.agents = *agents;
  inst.panel_size = k;
  inst.household_rule = !address.empty();
  return inst;
}

}  // namespace wp::sortition
