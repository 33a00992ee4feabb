#include "app/features.h"

#include <iostream>

#include "features/accounts/feature.h"
#include "features/geography/feature.h"
#include "features/site/feature.h"

namespace wp::app {

Result<void> RegisterFeatures(web::FeatureRegistry& registry, const web::FeatureDeps& deps, const Config& config,
                              FeatureHandles& handles) {
  site::RegisterSite(registry, deps);

  handles.geography = &geography::RegisterGeography(registry, deps);

  accounts::AccountsOptions accounts_options;
  accounts_options.settings.base_url = config.base_url;
  accounts_options.settings.site_name = config.site_name + " " + config.municipality_name;
  accounts_options.password_cost.mem_limit_bytes = static_cast<size_t>(config.password_memory_kib) * 1024;
  accounts_options.password_cost.ops_limit = static_cast<uint64_t>(config.password_ops);
  geography::GeographyService* geo = handles.geography;
  accounts_options.scope_options = [geo] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& b : geo->current()->boroughs) out.emplace_back(b.slug, b.name);
    return out;
  };
  handles.accounts = &accounts::RegisterAccounts(registry, deps, accounts_options);
  return Ok();
}

Result<void> AfterMigrations(FeatureHandles& handles, const Config& config, bool quiet) {
  WP_ASSIGN_OR_RETURN(bool loaded, handles.geography->LoadFromDatabase());
  if (!loaded && !config.geo_dir.empty()) {
    auto summary = handles.geography->ImportFolder(config.geo_dir, config.geo_prefix, false);
    if (!summary.has_value()) {
      return InvalidInput("loading the geography from " + config.geo_dir + " failed: " + summary.error().detail);
    }
    if (!quiet) {
      std::cerr << "wijkplatform: imported " << summary->municipality_name << ": " << summary->boroughs
                << " stadsdelen, " << summary->districts << " wijken, " << summary->neighbourhoods << " buurten\n";
    }
  }
  return Ok();
}

Result<void> LoadDemo(FeatureHandles&, const Clock&) {
  // Demo content arrives with the features that have content (platforms,
  // budgets); the foundation has none of its own yet.
  return Ok();
}

}  // namespace wp::app
