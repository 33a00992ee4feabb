// SyntheticCityPool: a deterministic volunteer pool skewed the way real ones
// are (older, highly educated, native Dutch volunteers over-represented; the
// young, the less educated and residents with a non-Western migration
// background under-represented), with quotas at the population shares. Used by
// the tests and bench/sortition to reproduce what a city panel asks of the
// engine without real personal data.
#pragma once

#include <string>

#include "features/sortition/selection/instance.h"

namespace wp::sortition {

struct SyntheticPoolSpec {
  int volunteers = 1200;
  int panel_size = 150;
  int features = 5;    // 1..6: gender, age, stadsdeel, education, origin, household situation
  double slack = 0.1;  // quota = population share * k, widened by this fraction (at least 1 seat)
  std::string seed = "city";
};

// The pool and its quotas as CSV text (the files `wijkplatform draw` reads).
struct SyntheticPoolFiles {
  std::string categories;
  std::string respondents;
};

SyntheticPoolFiles SyntheticCityPoolFiles(const SyntheticPoolSpec& spec);

// The `index`-th of a family of pools of many shapes (both ways of LEXIMIN
// compared in the tests and in `wp_bench_sortition shapes`): 20 to
// 19 + volunteer_range volunteers, 1 to 6 features, quota slack 0 to 0.24,
// seed `seed_prefix` + index.
SyntheticPoolSpec PoolOfManyShapes(int index, int volunteer_range, const std::string& seed_prefix);

// The same pool parsed into an Instance.
Instance SyntheticCityPool(const SyntheticPoolSpec& spec);

}  // namespace wp::sortition
