// The role interface other features use (roles.h), on a real SQLite database.
#include "features/accounts/roles.h"

#include <gtest/gtest.h>

#include "core/db/migrations.h"
#include "features/accounts/account_store.h"
#include "testing/temp_dir.h"
#include "wp_accounts_files.h"
#include "wp_mail_files.h"

namespace wp::accounts {
namespace {

using auth::Role;

class RolesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::move(*db::Open("sqlite:" + dir_.File("r.db")));
    // Accounts' migrations use the outbox's tables (verified addresses).
    auto migrations = db::MigrationsFromFiles("mail", MailFiles());
    for (auto& m : db::MigrationsFromFiles("accounts", AccountsFiles())) migrations.push_back(m);
    ASSERT_TRUE(db::ApplyMigrations(*db_, migrations).has_value());
    ans_ = AddUser("ans@example.nl", "Ans", "nl");
    bob_ = AddUser("bob@example.nl", "Bob", "en");
  }
  int64_t AddUser(const std::string& email, const std::string& name, const std::string& locale) {
    return *db_->Write([&](db::Connection& c) { return AccountStore::InsertUser(c, email, name, "x", locale, 1); });
  }
  template <typename F>
  auto Run(F f) {
    return db_->Write([&](db::Connection& c) { return f(c); });
  }
  wp::testing::TempDir dir_;
  std::unique_ptr<db::Database> db_;
  Roles roles_;
  int64_t ans_ = 0, bob_ = 0;
};

TEST_F(RolesTest, FindsActiveAccountsByEmailInAnyCase) {
  auto found = Run([&](db::Connection& c) { return roles_.FindByEmail(c, "  ANS@example.nl "); });
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ(**found, (Person{ans_, "ans@example.nl", "Ans", "nl"}));
  EXPECT_FALSE(Run([&](db::Connection& c) { return roles_.FindByEmail(c, "niemand@example.nl"); })->has_value());
  ASSERT_TRUE(Run([&](db::Connection& c) {
                return c.Execute("UPDATE users SET disabled_at = 5 WHERE id = ?", {db::Int(bob_)});
              }).has_value());
  EXPECT_FALSE(Run([&](db::Connection& c) { return roles_.FindByEmail(c, "bob@example.nl"); })->has_value())
      << "a disabled account is not found";
}

TEST_F(RolesTest, PeopleLeavesUnknownIdsOut) {
  auto people = Run([&](db::Connection& c) { return roles_.People(c, {bob_, 999, ans_}); });
  ASSERT_TRUE(people.has_value());
  ASSERT_EQ(people->size(), 2u);
  EXPECT_EQ(people->at(bob_).display_name, "Bob");
  EXPECT_EQ(people->at(bob_).locale, "en");
  EXPECT_TRUE(Run([&](db::Connection& c) { return roles_.People(c, {}); })->empty());
}

TEST_F(RolesTest, GrantAndRevokeAScopedRoleOnceAndListItsHolders) {
  EXPECT_TRUE(*Run([&](db::Connection& c) { return roles_.Grant(c, bob_, Role::kKernteamMember, "7", ans_, 10); }));
  EXPECT_FALSE(*Run([&](db::Connection& c) { return roles_.Grant(c, bob_, Role::kKernteamMember, "7", ans_, 11); }))
      << "granting twice changes nothing";
  EXPECT_TRUE(*Run([&](db::Connection& c) { return roles_.Grant(c, ans_, Role::kKernteamMember, "7", ans_, 12); }));
  EXPECT_TRUE(*Run([&](db::Connection& c) { return roles_.Grant(c, ans_, Role::kKernteamMember, "8", ans_, 12); }));
  auto holders = Run([&](db::Connection& c) { return roles_.Holders(c, Role::kKernteamMember, "7"); });
  ASSERT_TRUE(holders.has_value());
  ASSERT_EQ(holders->size(), 2u);
  EXPECT_EQ(holders->at(0).display_name, "Ans");
  EXPECT_EQ(holders->at(1).display_name, "Bob");
  EXPECT_TRUE(*Run([&](db::Connection& c) { return roles_.Revoke(c, bob_, Role::kKernteamMember, "7", ans_, 13); }));
  EXPECT_FALSE(*Run([&](db::Connection& c) { return roles_.Revoke(c, bob_, Role::kKernteamMember, "7", ans_, 14); }));
  EXPECT_EQ(Run([&](db::Connection& c) { return roles_.Holders(c, Role::kKernteamMember, "7"); })->size(), 1u);
  auto audit = Run([&](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM role_audit"); });
  EXPECT_EQ(audit->Int(0), 4) << "every change is in the audit trail";
}

TEST_F(RolesTest, OtherFeaturesCannotGiveSiteWideRoles) {
  for (Role r : {Role::kAdministrator, Role::kAreaLiaison, Role::kMunicipalExpert}) {
    auto granted = Run([&](db::Connection& c) { return roles_.Grant(c, bob_, r, "", ans_, 10); });
    ASSERT_FALSE(granted.has_value());
    EXPECT_EQ(granted.error().code, ErrorCode::kForbidden);
    EXPECT_FALSE(Run([&](db::Connection& c) { return roles_.Revoke(c, bob_, r, "", ans_, 10); }).has_value());
  }
  auto grants = Run([&](db::Connection& c) { return AccountStore::Grants(c, bob_); });
  EXPECT_TRUE(grants->empty());
}

}  // namespace
}  // namespace wp::accounts
