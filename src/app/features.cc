#include "app/features.h"

#include <cstdlib>
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

Result<void> LoadDemo(FeatureHandles& handles, const Clock&) {
  // Demo accounts (one per role) and a published contact per stadsdeel. All
  // addresses use the reserved .invalid domain, so no real mail can go out.
  const char* env_password = std::getenv("WP_DEMO_PASSWORD");
  std::string password = env_password && *env_password ? env_password : "demo wachtwoord haarlem";
  struct DemoUser {
    const char* email;
    const char* name;
    std::vector<auth::RoleGrant> grants;
  };
  std::vector<DemoUser> users = {
      {"beheerder@demo.wijkplatform.invalid", "Beheerder (demo)", {{auth::Role::kAdministrator, ""}}},
      {"gebiedsverbinder@demo.wijkplatform.invalid", "Samira de Vries (demo)", {{auth::Role::kAreaLiaison, "schalkwijk"}}},
      {"vakspecialist@demo.wijkplatform.invalid", "Joost Bakker (demo)", {{auth::Role::kMunicipalExpert, ""}}},
      {"bewoner@demo.wijkplatform.invalid", "Anouk Jansen (demo)", {}},
  };
  int created = 0;
  for (const auto& u : users) {
    auto existing = handles.accounts->FindUserByEmail(u.email);
    if (!existing.has_value()) return existing.error();
    if (*existing) continue;
    accounts::FormRejected rejected;
    auto id = handles.accounts->CreateUser(u.email, u.name, password, u.grants, &rejected);
    if (!id.has_value()) return id.error();
    ++created;
  }
  auth::User system{0, "", "demo", "nl", {{auth::Role::kAdministrator, ""}}};
  const char* kNames[] = {"Samira de Vries", "Pieter van Dam", "Ingrid Mulder", "Youssef Amrani", "Lotte Visser",
                          "Henk de Boer", "Eva Smit", "Mehmet Kaya"};
  int i = 0;
  for (const auto& b : handles.geography->current()->boroughs) {
    auto contact = handles.geography->Contact(b.slug);
    if (!contact.has_value()) return contact.error();
    if (*contact) continue;
    geography::BoroughContact k;
    k.contact_name = std::string(kNames[i++ % 8]) + " (demo)";
    k.email = "gebiedsverbinder." + b.slug + "@demo.wijkplatform.invalid";
    k.phone = "14 023";
    k.note = "Spreekuur op dinsdag van 10.00 tot 12.00 uur (demo).";
    WP_TRY_VOID(handles.geography->SaveContact(system, b.slug, k));
  }
  if (created > 0) {
    std::cerr << "wijkplatform: demo accounts created (password '" << password << "'):\n";
    for (const auto& u : users) std::cerr << "  " << u.email << "\n";
  }
  return Ok();
}

}  // namespace wp::app
