#include "app/features.h"

#include <cstdlib>
#include <iostream>

#include "app/counted_edition_demo.h"
#include "features/accounts/feature.h"
#include "features/advice/feature.h"
#include "features/archive/feature.h"
#include "features/budgets/feature.h"
#include "features/challenges/feature.h"
#include "features/codes/feature.h"
#include "features/codes/voting_key.h"
#include "features/contracts/feature.h"
#include "features/dashboards/feature.h"
#include "features/events/feature.h"
#include "features/forums/feature.h"
#include "features/geography/feature.h"
#include "features/initiatives/feature.h"
#include "features/livepolls/feature.h"
#include "features/news/feature.h"
#include "features/offers/feature.h"
#include "features/opinion/feature.h"
#include "features/participation/feature.h"
#include "features/platforms/feature.h"
#include "features/promises/feature.h"
#include "features/signals/feature.h"
#include "features/site/feature.h"
#include "features/surveys/feature.h"
#include "features/talks/feature.h"
#include "features/voting/feature.h"

namespace wp::app {

namespace {

// After advice and contracts: promises come from answer points and show the
// contracts' commitments. After promises: a held meeting's agreements
// (rounds of talks) become promises.
void RegisterPromisesAndTalks(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                              platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                              const advice::AdviceCommands& advice, const contracts::ContractCommands& contracts,
                              const advice::AdviceSettings& site, archive::ArchiveIndex& archive_index) {
  promises::PromiseCommands& promise_commands =
      promises::RegisterPromises(registry, deps, directory, roles, &advice, &contracts);
  talks::TalksOptions talks_options;
  talks_options.settings.base_url = site.base_url;
  talks_options.settings.site_name = site.site_name;
  talks::RegisterTalks(registry, deps, directory, roles, promise_commands, talks_options, &archive_index);
  // The collective memory (#14 item 8): each platform's archive with search; council members follow platforms.
  archive::ArchiveOptions archive_options;
  archive_options.settings.base_url = site.base_url;
  archive_options.settings.site_name = site.site_name;
  archive::RegisterArchive(registry, deps, directory, roles, archive_index, archive_options);
}

// The initiative desk, then needs and offers of initiatives with the funds
// directory (#15 items 5 and 6), which build on the initiatives' commands.
void RegisterInitiativesAndOffers(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                                  geography::GeographyService& geography, platforms::PlatformDirectory& directory,
                                  const accounts::Roles& roles, const budgets::EditionDirectory& editions,
                                  const Config& config, const std::string& site_name) {
  const std::string& base_url = config.base_url;
  initiatives::InitiativesOptions initiatives_options;
  initiatives_options.settings.base_url = base_url;
  initiatives_options.settings.site_name = site_name;
  initiatives_options.settings.subsidy_limits = {Money::FromEuros(config.initiative_subsidy_max_euros),
                                                 Money::FromEuros(config.initiative_subsidy_year_euros)};
  initiatives::InitiativeCommands& initiative_commands =
      initiatives::RegisterInitiatives(registry, deps, geography, directory, roles, initiatives_options, &editions);
  offers::OffersOptions offers_options;
  offers_options.settings.base_url = base_url;
  offers_options.settings.site_name = site_name;
  offers::RegisterOffers(registry, deps, geography, initiative_commands, offers_options);
}

// The demo of a counted Wijk aan Zet edition (app/counted_edition_demo.h).
void AddCountedEditionDemo(web::FeatureRegistry& registry, const web::FeatureDeps& deps, codes::CodeBook& code_book,
                           const budgets::BudgetsOptions& budgets_options, const codes::CodesOptions& codes_options) {
  registry.AddDemo("counted edition", [&db = deps.db, &random = deps.random, &catalog = deps.web.catalog(), &code_book,
                                       &zone = deps.zone, budgets_options, codes_options](const web::DemoSeed& seed) {
    return LoadCountedEditionDemo({db, random, catalog, code_book, zone, budgets_options, codes_options, std::cerr},
                                  seed);
  });
}

// Reach, topics, outcomes, the evaluation report and open data (#19): reads
// the published counts of the features registered before it.
void RegisterDashboards(web::FeatureRegistry& registry, const web::FeatureDeps& deps,
                        const geography::GeographyService& geography, const Config& config) {
  dashboards::OpenDataSettings open_data;
  open_data.base_url = config.base_url;
  open_data.publisher_name = config.municipality_name;
  dashboards::RegisterDashboards(registry, deps, geography, open_data);
}

// The accounts' settings from the configuration; scopes are the stadsdelen of `geo`.
accounts::AccountsOptions AccountsOptionsOf(const Config& config, geography::GeographyService* geo) {
  accounts::AccountsOptions accounts_options;
  accounts_options.settings.base_url = config.base_url;
  accounts_options.settings.site_name = config.site_name + " " + config.municipality_name;
  accounts_options.settings.official_idle_seconds = int64_t{config.session_idle_minutes_officials} * 60;
  accounts_options.settings.resident_idle_seconds = int64_t{config.session_idle_minutes_residents} * 60;
  accounts_options.password_cost.mem_limit_bytes = static_cast<size_t>(config.password_memory_kib) * 1024;
  accounts_options.password_cost.ops_limit = static_cast<uint64_t>(config.password_ops);
  accounts_options.scope_options = [geo] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& b : geo->current()->boroughs) out.emplace_back(b.slug, b.name);
    return out;
  };
  return accounts_options;
}

}  // namespace

Result<void> RegisterFeatures(web::FeatureRegistry& registry, const web::FeatureDeps& deps, const Config& config,
                              FeatureHandles& handles) {
  site::RegisterSite(registry, deps);

  handles.geography = &geography::RegisterGeography(registry, deps);

  accounts::Accounts accounts =
      accounts::RegisterAccounts(registry, deps, AccountsOptionsOf(config, handles.geography));
  handles.accounts = &accounts.commands;
  platforms::PlatformDirectory& platform_directory =
      platforms::RegisterPlatforms(registry, deps, *handles.geography, accounts.roles, platforms::PlatformsOptions{});
  events::EventsOptions events_options;
  events_options.settings.base_url = config.base_url;
  events_options.settings.site_name = config.site_name + " " + config.municipality_name;
  events::EventMeetings& event_meetings =
      events::RegisterEvents(registry, deps, platform_directory, *handles.geography, events_options);
  news::NewsOptions news_options;
  news_options.settings.base_url = config.base_url;
  news_options.settings.site_name = events_options.settings.site_name;
  news::RegisterNews(registry, deps, platform_directory, news_options);
  // Live polls at the platforms' meetings (#17 item 2); closed polls as a section on the platform page.
  livepolls::RegisterLivePolls(registry, deps, platform_directory, event_meetings);
  budgets::BudgetsOptions budgets_options;
  budgets_options.upload_dir = config.upload_dir;
  budgets_options.base_url = config.base_url;
  budgets_options.site_name = config.site_name + " " + config.municipality_name;
  budgets_options.edition_cache_ms = config.edition_cache_ms;
  budgets::EditionDirectory& editions = budgets::RegisterBudgets(registry, deps, *handles.geography, budgets_options);
  codes::CodesOptions codes_options;
  codes_options.voting_key_file = config.voting_key_file;
  codes_options.print_dir = config.print_dir;
  codes_options.base_url = config.base_url;
  codes_options.municipality_name = config.municipality_name;
  WP_ASSIGN_OR_RETURN(codes_options.voting_key, codes::LoadOrCreateVotingKey(config.voting_key_file, deps.random));
  codes::CodesFeature codes = codes::RegisterCodes(registry, deps, editions, codes_options);
  // The address list upload of the voting codes (an edition manager, signed in).
  registry.AddUploadRoute({http::Method::kPost, "/beheer/wijkbudget/{slug}/stemcodes/adressen", true});
  handles.codes = &codes.commands;
  codes::CodeBook& code_book = codes.book;
  voting::VotingOptions voting_options;
  voting_options.limits.mix_batch = config.voting_mix_batch;
  voting_options.limits.counted_cache_ms = config.edition_cache_ms;
  voting_options.limits.codes_per_address = config.voting_codes_per_address;
  voting::RegisterVoting(registry, deps, editions, code_book, codes.commands.four_eyes(), voting_options);
  signals::SignalsOptions signals_options;
  signals_options.settings.base_url = config.base_url;
  signals_options.settings.site_name = config.site_name + " " + config.municipality_name;
  signals_options.settings.upload_dir = config.upload_dir;
  signals::RegisterSignals(registry, deps, *handles.geography, platform_directory, accounts.roles, signals_options);
  RegisterInitiativesAndOffers(registry, deps, *handles.geography, platform_directory, accounts.roles, editions, config,
                               signals_options.settings.site_name);
  advice::AdviceOptions advice_options;
  advice_options.settings.base_url = config.base_url;
  advice_options.settings.site_name = config.site_name + " " + config.municipality_name;
  advice_options.settings.reminder_working_days = config.advice_reminder_working_days;
  advice_options.reminders = config.advice_reminders;
  // The archive's search index, fed by advice and talks (public threads and published minutes).
  handles.archive_index = &archive::CreateArchiveIndex(registry, deps);
  advice::AdviceCommands& advice_commands =
      advice::RegisterAdvice(registry, deps, platform_directory, accounts.roles, advice_options, handles.archive_index);
  contracts::ContractsOptions contracts_options;
  contracts_options.settings.base_url = config.base_url;
  contracts_options.settings.site_name = advice_options.settings.site_name;
  contracts::ContractCommands& contract_commands =
      contracts::RegisterContracts(registry, deps, platform_directory, accounts.roles, contracts_options);
  challenges::ChallengesOptions challenges_options;
  challenges_options.settings.base_url = config.base_url;
  challenges_options.settings.site_name = advice_options.settings.site_name;
  challenges_options.settings.municipality = config.municipality_name;
  challenges::RegisterChallenges(registry, deps, *handles.geography, accounts.roles, challenges_options);
  forums::ForumsOptions forums_options;
  forums_options.settings.base_url = config.base_url;
  forums_options.settings.municipality = config.municipality_name;
  forums::RegisterForums(registry, deps, *handles.geography, platform_directory, forums_options);
  surveys::RegisterSurveys(registry, deps);
  RegisterPromisesAndTalks(registry, deps, platform_directory, accounts.roles, advice_commands, contract_commands,
                           advice_options.settings, *handles.archive_index);
  // The participation calendar: projects per wijk, a section on the wijk and platform pages.
  participation::RegisterParticipation(registry, deps, *handles.geography, platform_directory, accounts.roles);
  // Opinion-map conversations per wijk or buurt (#17 item 3).
  opinion::RegisterOpinion(registry, deps, *handles.geography, platform_directory);
  RegisterDashboards(registry, deps, *handles.geography, config);
  // After the budgets, codes and voting demos, whose content it builds on.
  AddCountedEditionDemo(registry, deps, code_book, budgets_options, codes_options);
  return Ok();
}

Result<void> AfterMigrations(FeatureHandles& handles, const Config& config, bool quiet) {
  // The stored geography, or the files of geo_dir imported once into an empty database.
  auto summary = handles.geography->LoadOrImport(config.geo_dir, config.geo_prefix);
  if (!summary.has_value()) {
    return InvalidInput("loading the geography from " + config.geo_dir + " failed: " + summary.error().detail);
  }
  if (handles.archive_index) {
    auto indexed = handles.archive_index->Rebuild();
    if (!indexed.has_value())
      return Error{indexed.error().code, "rebuilding the archive index: " + indexed.error().detail};
  }
  if (*summary && !quiet) {
    std::cerr << "wijkplatform: imported " << (*summary)->municipality_name << ": " << (*summary)->boroughs
              << " stadsdelen, " << (*summary)->districts << " wijken, " << (*summary)->neighbourhoods << " buurten\n";
  }
  return Ok();
}

Result<void> LoadDemo(FeatureHandles& handles, const web::FeatureRegistry& registry, const Clock& clock) {
  // Demo accounts (one per role). All addresses use the reserved .invalid
  // domain, so no real mail can go out.
  const char* env_password = std::getenv("WP_DEMO_PASSWORD");
  std::string password = env_password && *env_password ? env_password : "demo wachtwoord haarlem";
  std::vector<std::string> created;
  auth::User system{0, "", "demo", "nl", {{auth::Role::kAdministrator, ""}}};
  web::DemoSeed seed;
  seed.clock = &clock;
  seed.ensure_user = [&](const std::string& email, const std::string& name,
                         const std::vector<auth::RoleGrant>& grants) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto existing, handles.accounts->FindUserByEmail(email));
    if (!existing) {
      WP_ASSIGN_OR_RETURN(int64_t id, handles.accounts->CreateUser(email, name, password, grants));
      created.push_back(email);
      return id;
    }
    for (const auto& g : grants) {
      bool has = false;
      for (const auto& h : existing->user.grants) has = has || (h.role == g.role && h.scope == g.scope);
      if (!has) {
        WP_ASSIGN_OR_RETURN([[maybe_unused]] bool granted,
                            handles.accounts->GrantRole(system, existing->user.id, g.role, g.scope));
      }
    }
    return existing->user.id;
  };
  struct DemoUser {
    const char* email;
    const char* name;
    std::vector<auth::RoleGrant> grants;
  };
  std::vector<DemoUser> users = {
      {"beheerder@demo.wijkplatform.invalid", "Beheerder (demo)", {{auth::Role::kAdministrator, ""}}},
      {"gebiedsverbinder@demo.wijkplatform.invalid",
       "Samira de Vries (demo)",
       {{auth::Role::kAreaLiaison, "schalkwijk"}}},
      {"vakspecialist@demo.wijkplatform.invalid", "Joost Bakker (demo)", {{auth::Role::kMunicipalExpert, ""}}},
      {"bewoner@demo.wijkplatform.invalid", "Anouk Jansen (demo)", {}},
  };
  for (const auto& u : users) {
    WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t id, seed.ensure_user(u.email, u.name, u.grants));
  }
  // An account that signed up but never confirmed its address: the site
  // sends it nothing but the check link (README, E-mail).
  const std::string unconfirmed = "nieuw@demo.wijkplatform.invalid";
  WP_ASSIGN_OR_RETURN(auto unconfirmed_user, handles.accounts->FindUserByEmail(unconfirmed));
  if (!unconfirmed_user) {
    WP_TRY_VOID(handles.accounts->Register({unconfirmed, "Noor Visser (demo)", password, password, "nl"}));
    created.push_back(unconfirmed);
  }
  // Each feature's own demo content (geography's stadsdeel contacts, platforms, events, news, budgets, ...).
  for (const auto& demo : registry.demos()) {
    auto r = demo.fn(seed);
    if (!r.has_value()) return InvalidInput("demo content of " + demo.name + " failed: " + r.error().detail);
  }
  if (!created.empty()) {
    std::cerr << "wijkplatform: demo accounts created (password '" << password << "'):\n";
    for (const auto& e : created) std::cerr << "  " << e << "\n";
  }
  return Ok();
}

}  // namespace wp::app
