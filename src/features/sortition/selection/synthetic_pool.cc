#include "features/sortition/selection/synthetic_pool.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "features/sortition/selection/seed_stream.h"

namespace wp::sortition {
namespace {

struct Value {
  const char* name;
  double share;  // of the population
  double bias;   // how much more likely than average such a resident volunteers
};

struct Category {
  const char* name;
  std::vector<Value> values;
};

// Haarlem-like shares; biases as seen in Dutch volunteer pools.
const std::vector<Category>& Categories() {
  static const std::vector<Category> kCategories = {
      {"gender", {{"vrouw", 0.505, 1.1}, {"man", 0.485, 0.9}, {"anders", 0.01, 1.0}}},
      {"age",
       {{"16-24", 0.13, 0.3}, {"25-34", 0.17, 0.6}, {"35-49", 0.24, 0.9}, {"50-64", 0.24, 1.3}, {"65+", 0.22, 1.6}}},
      {"stadsdeel",
       {{"centrum", 0.12, 1.4},
        {"noord", 0.2, 1.0},
        {"oost", 0.16, 0.8},
        {"schalkwijk", 0.2, 0.5},
        {"zuid-west", 0.17, 1.1},
        {"haarlem-zuid", 0.15, 1.5}}},
      {"education", {{"laag", 0.28, 0.35}, {"midden", 0.37, 0.85}, {"hoog", 0.35, 1.8}}},
      {"origin", {{"nederland", 0.72, 1.15}, {"westers", 0.1, 1.0}, {"niet-westers", 0.18, 0.4}}},
      {"household", {{"alleen", 0.38, 0.9}, {"samen", 0.3, 1.2}, {"gezin", 0.27, 0.9}, {"eenouder", 0.05, 0.6}}},
  };
  return kCategories;
}

// Picks a value index with probability proportional to `weight`.
int Pick(SeedStream& rng, const std::vector<double>& weight) {
  double total = 0;
  for (double w : weight) total += w;
  double r = total * static_cast<double>(rng.Uniform(1u << 30)) / static_cast<double>(1u << 30);
  for (size_t v = 0; v < weight.size(); ++v) {
    if (r < weight[v]) return static_cast<int>(v);
    r -= weight[v];
  }
  return static_cast<int>(weight.size()) - 1;
}

// One volunteer's value per category. Correlations as in a city: Schalkwijk
// has more residents of non-Western origin, the young are more often of
// non-Western origin and live alone, and Zuid and Centrum are more educated.
std::vector<int> Volunteer(SeedStream& rng, int n_categories) {
  std::vector<int> value;
  for (int c = 0; c < n_categories; ++c) {
    const Category& category = Categories()[c];
    std::vector<double> weight;
    for (size_t v = 0; v < category.values.size(); ++v) {
      double w = category.values[v].share * category.values[v].bias;
      if (c == 3 && (value[2] == 0 || value[2] == 5) && v == 2) w *= 1.6;
      if (c == 4 && value[2] == 3 && v == 2) w *= 3;
      if (c == 4 && value[1] <= 1 && v == 2) w *= 1.5;
      if (c == 5 && value[1] == 0 && v == 0) w *= 2;
      weight.push_back(w);
    }
    value.push_back(Pick(rng, weight));
  }
  return value;
}

}  // namespace

SyntheticPoolFiles SyntheticCityPoolFiles(const SyntheticPoolSpec& spec) {
  const int n_categories = std::clamp(spec.features, 1, static_cast<int>(Categories().size()));
  SeedStream rng(spec.seed, "synthetic-city-pool");
  SyntheticPoolFiles files;
  files.respondents = "id";
  for (int c = 0; c < n_categories; ++c) files.respondents += std::string(",") + Categories()[c].name;
  files.respondents += "\n";
  for (int i = 0; i < spec.volunteers; ++i) {
    std::vector<int> value = Volunteer(rng, n_categories);
    files.respondents += "v" + std::to_string(i + 1);
    for (int c = 0; c < n_categories; ++c)
      files.respondents += std::string(",") + Categories()[c].values[value[c]].name;
    files.respondents += "\n";
  }
  files.categories = "feature,value,min,max\n";
  const double k = spec.panel_size;
  for (int c = 0; c < n_categories; ++c) {
    for (const Value& v : Categories()[c].values) {
      int lo = std::max(0, static_cast<int>(std::floor(v.share * k * (1 - spec.slack))));
      int hi = std::min(spec.panel_size, static_cast<int>(std::ceil(v.share * k * (1 + spec.slack))));
      if (hi <= lo) hi = std::min(spec.panel_size, lo + 1);
      files.categories +=
          std::string(Categories()[c].name) + "," + v.name + "," + std::to_string(lo) + "," + std::to_string(hi) + "\n";
    }
  }
  return files;
}

SyntheticPoolSpec PoolOfManyShapes(int index, int volunteer_range, const std::string& seed_prefix) {
  SyntheticPoolSpec spec;
  spec.volunteers = 20 + (index * 53) % volunteer_range;
  spec.panel_size = 4 + (index * 13) % std::max(5, spec.volunteers / 5);
  spec.features = 1 + index % 6;
  spec.slack = (index % 4) * 0.08;
  spec.seed = seed_prefix + std::to_string(index);
  return spec;
}

Instance SyntheticCityPool(const SyntheticPoolSpec& spec) {
  SyntheticPoolFiles files = SyntheticCityPoolFiles(spec);
  Instance instance;
  instance.quotas = *ParseCategoriesCsv(files.categories);
  instance.agents = *ParseRespondentsCsv(files.respondents, instance.quotas, {});
  instance.panel_size = spec.panel_size;
  return instance;
}

}  // namespace wp::sortition
