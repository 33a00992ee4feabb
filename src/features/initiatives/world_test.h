// Test support: an InitiativeCommands on a given database with everything it
// needs (Haarlem's geography, the accounts, platforms and mail tables, the
// roles and platform directory), and accounts with roles. For commands and
// handler tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/db/migrations.h"
#include "core/mail/addresses.h"
#include "features/accounts/account_store.h"
#include "features/initiatives/commands.h"
#include "features/platforms/commands.h"
#include "testing/temp_dir.h"
#include "wp_accounts_files.h"
#include "wp_geography_files.h"
#include "wp_initiatives_files.h"
#include "wp_mail_files.h"
#include "wp_platforms_files.h"

namespace wp::initiatives {

// Monday 2 March 2026, 10:00 in Haarlem.
inline constexpr int64_t kMonday = 1772442000;

// Haarlem's geography, imported once per test binary into its own database.
inline geography::GeographyService& Haarlem() {
  static wp::testing::TempDir* dir = new wp::testing::TempDir();
  static std::unique_ptr<db::Database> db = [] {
    auto d = db::Open("sqlite:" + dir->File("geo.db"));
    auto applied = db::ApplyMigrations(**d, db::MigrationsFromFiles("geography", GeographyFiles()));
    if (!applied.has_value()) ADD_FAILURE() << applied.error().detail;
    return std::move(*d);
  }();
  static FakeClock clock;
  static geography::GeographyService* service = [] {
    auto* s = new geography::GeographyService(*db, clock);
    auto imported = s->ImportFolder(wp::testing::GeoDir(), "haarlem", false);
    if (!imported.has_value()) ADD_FAILURE() << imported.error().detail;
    return s;
  }();
  return *service;
}

class World {
 public:
  // Creates the tables of `features` (besides those the database has) and the commands.
  World(db::Database& db, const Clock& clock, Random& random, const i18n::Catalog& catalog,
        const std::vector<std::string>& features, const SubsidyLimits& limits = {})
      : db_(db) {
    std::vector<db::Migration> migrations;
    for (const auto& f : features) {
      auto files = f == "mail"        ? MailFiles()
                   : f == "accounts"  ? AccountsFiles()
                   : f == "geography" ? GeographyFiles()
                   : f == "platforms" ? PlatformsFiles()
                                      : InitiativesFiles();
      for (auto& m : db::MigrationsFromFiles(f, files)) migrations.push_back(m);
    }
    auto applied = db::ApplyMigrations(db, migrations);
    if (!applied.has_value()) ADD_FAILURE() << applied.error().detail;
    platform_commands_ =
        std::make_unique<platforms::PlatformCommands>(db, clock, random, Haarlem(), roles_, platforms::AreaPolicy{});
    directory_ = std::make_unique<platforms::PlatformDirectory>(*platform_commands_);
    InitiativesSettings settings;
    settings.base_url = "https://wijk.example.nl";
    settings.subsidy_limits = limits;
    commands_ = std::make_unique<InitiativeCommands>(db, clock, random, zone_, catalog, Haarlem(), *directory_, roles_,
                                                     settings);
  }

  InitiativeCommands& commands() { return *commands_; }

  // An account with `grants`.
  auth::User Account(const std::string& email, const std::string& name, std::vector<auth::RoleGrant> grants) {
    auto id = db_.Write([&](db::Connection& c) -> Result<int64_t> {
      WP_ASSIGN_OR_RETURN(int64_t id, accounts::AccountStore::InsertUser(c, email, name, "x", "nl", kMonday));
      for (const auto& g : grants) {
        WP_TRY_VOID(accounts::AccountStore::GrantRole(c, id, g.role, g.scope, std::nullopt, kMonday));
      }
      // Tests that are not about verification: the address is verified.
      WP_TRY_VOID(mail::MarkVerified(c, email, kMonday));
      return id;
    });
    EXPECT_TRUE(id.has_value());
    return auth::User{id.value_or(0), email, name, "nl", grants};
  }

 private:
  db::Database& db_;
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  accounts::Roles roles_;
  std::unique_ptr<platforms::PlatformCommands> platform_commands_;
  std::unique_ptr<platforms::PlatformDirectory> directory_;
  std::unique_ptr<InitiativeCommands> commands_;
};

}  // namespace wp::initiatives
