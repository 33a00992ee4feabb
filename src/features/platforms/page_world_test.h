// The world of the platforms page tests (and of features built on platforms):
// the accounts, geography and platforms tables on a PageHarness's database,
// Haarlem's geography, the real commands, and helpers to add accounts and a
// registered platform. Test-only; one per test (not thread-safe).
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/db/migrations.h"
#include "core/mail/addresses.h"
#include "core/time/time_zone.h"
#include "features/accounts/roles.h"
#include "features/geography/service.h"
#include "features/platforms/commands.h"
#include "features/platforms/directory.h"
#include "features/platforms/invitations.h"
#include "testing/page_harness.h"
#include "testing/temp_dir.h"
#include "wp_accounts_files.h"
#include "wp_geography_files.h"
#include "wp_platforms_files.h"

namespace wp::platforms {

inline const std::vector<std::string> kBoerhaaveArea = {"BU03921901", "BU03921902", "BU03921903",
                                                        "BU03921904", "BU03921905", "BU03921906"};

// Platforms with their kernteam, for the page tests of platforms and of the
// features built on it (events, news), on the harness's database.
class PlatformWorld {
 public:
  explicit PlatformWorld(wp::testing::PageHarness& h) : h_(h) {
    std::vector<db::Migration> migrations = db::MigrationsFromFiles("accounts", AccountsFiles());
    for (auto& m : db::MigrationsFromFiles("geography", GeographyFiles())) migrations.push_back(m);
    for (auto& m : db::MigrationsFromFiles("platforms", PlatformsFiles())) migrations.push_back(m);
    if (!db::ApplyMigrations(h_.db(), migrations).has_value()) throw std::runtime_error("migrations");
    if (!geo_.ImportFolder(wp::testing::GeoDir(), "haarlem", false).has_value()) throw std::runtime_error("geo");
  }

  geography::GeographyService& geo() { return geo_; }
  PlatformCommands& commands() { return commands_; }
  PlatformDirectory& directory() { return directory_; }
  InvitationCommands& invitations() { return invitations_; }

  // A stored account with `grants` (roles given directly, as an
  // administrator would).
  auth::User AddUser(const std::string& email, const std::string& name, std::vector<auth::RoleGrant> grants) {
    auto id = h_.db().Write([&](db::Connection& c) -> Result<int64_t> {
      WP_ASSIGN_OR_RETURN(int64_t id, c.Insert("INSERT INTO users (email, display_name, password_hash, locale, "
                                               "created_at) VALUES (?, ?, 'x', 'nl', 0) RETURNING id",
                                               {email, name}));
      for (const auto& g : grants) {
        WP_TRY_VOID(c.Execute("INSERT INTO user_roles (user_id, role, scope, granted_at) VALUES (?, ?, ?, 0)",
                              {id, std::string(auth::RoleName(g.role)), g.scope}));
      }
      // Tests that are not about verification: the address is verified.
      WP_TRY_VOID(mail::MarkVerified(c, email, 0));
      return id;
    });
    if (!id.has_value()) throw std::runtime_error("AddUser: " + id.error().detail);
    return auth::User{*id, email, name, "nl", std::move(grants)};
  }

  // `u` with the roles stored now (as at a fresh sign-in).
  auth::User Reloaded(const auth::User& u) {
    auto rows = h_.db().Read(
        [&](db::Connection& c) { return c.Query("SELECT role, scope FROM user_roles WHERE user_id = ?", {u.id}); });
    if (!rows.has_value()) throw std::runtime_error("Reloaded: " + rows.error().detail);
    auth::User out = u;
    out.grants.clear();
    for (const auto& r : *rows) out.grants.push_back({*auth::ParseRole(r.Text(0)), r.Text(1)});
    return out;
  }

  // The Boerhaavewijk platform registered by `founder` (status submitted),
  // who becomes its kernteam: `founder` is updated with that role.
  Platform RegisterBoerhaave(auth::User& founder) {
    RegisterInput in{"Wijkplatform Boerhaavewijk",
                     "Bewoners die samen werken aan de wijk.",
                     "platform@example.nl",
                     {"Groen"},
                     {kBoerhaaveArea.begin(), kBoerhaaveArea.end()},
                     std::nullopt};
    auto p = commands_.Register(founder, in);
    if (!p.has_value()) throw std::runtime_error("RegisterBoerhaave: " + p.error().detail);
    founder = Reloaded(founder);
    return *p;
  }

 private:
  wp::testing::PageHarness& h_;
  geography::GeographyService geo_{h_.db(), h_.clock()};
  accounts::Roles roles_;
  PlatformCommands commands_{h_.db(), h_.clock(), h_.random(), geo_, roles_, AreaPolicy{}};
  PlatformDirectory directory_{commands_};
  InvitationCommands invitations_{h_.db(), h_.clock(), h_.random(), h_.catalog(), roles_, InvitationSettings{}};
};

// What every page test uses: handlers of a page class for PageHarness, and
// a search in a page.
class PageTest : public ::testing::Test {
 protected:
  using Params = wp::testing::PageHarness::Params;

  // A handler of `pages` for PageHarness.
  template <typename Pages>
  web::Web::Handler Handler(Pages& pages, Result<http::Response> (Pages::*fn)(web::Context&)) {
    return [&pages, fn](web::Context& ctx) { return (pages.*fn)(ctx); };
  }
  static bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }
};

class PlatformPagesTest : public PageTest {
 protected:
  auth::User AddUser(const std::string& email, const std::string& name, std::vector<auth::RoleGrant> grants) {
    return world_.AddUser(email, name, std::move(grants));
  }
  // Anna registers the Boerhaavewijk platform and is signed in as its kernteam.
  Platform RegisterBoerhaave() {
    Platform p = world_.RegisterBoerhaave(anna_);
    h_.SignInAs(anna_);
    return p;
  }

  wp::testing::PageHarness h_{"platforms", PlatformsFiles()};
  PlatformWorld world_{h_};
  PlatformCommands& commands_ = world_.commands();
  InvitationCommands& invitations_ = world_.invitations();
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  auth::User anna_ = AddUser("anna@example.nl", "Anna", {});
};

}  // namespace wp::platforms
