// Unit tests of the administrators' user pages, handlers called directly.
#include "features/accounts/admin_pages.h"

#include <gtest/gtest.h>

#include "testing/page_harness.h"
#include "wp_accounts_files.h"

namespace wp::accounts {
namespace {

using wp::testing::PageHarness;

class AdminPagesTest : public ::testing::Test {
 protected:
  AdminPagesTest()
      : commands_(h_.db(), h_.clock(), h_.random(), hasher_, h_.catalog(), AccountSettings{}),
        pages_(h_.web(), commands_, [] {
          return std::vector<std::pair<std::string, std::string>>{{"noord", "Noord"}};
        }) {
    admin_id_ = *commands_.CreateUser("beheer@example.nl", "Beheer", "zomer in de Haarlemmerhout",
                                      {{auth::Role::kAdministrator, ""}});
    user_id_ = *commands_.CreateUser("gea@example.nl", "Gea", "zomer in de Haarlemmerhout", {});
    h_.SignInAs(auth::User{admin_id_, "beheer@example.nl", "Beheer", "nl", {{auth::Role::kAdministrator, ""}}});
  }
  web::Web::Handler Handler(Result<http::Response> (AdminUserPages::*fn)(web::Context&)) {
    return [this, fn](web::Context& ctx) { return (pages_.*fn)(ctx); };
  }
  std::string Id(int64_t id) { return std::to_string(id); }

  PageHarness h_{"accounts", AccountsFiles()};
  auth::PasswordHasher hasher_{auth::PasswordCost::MinimumForTest()};
  AccountCommands commands_;
  AdminUserPages pages_;
  int64_t admin_id_ = 0, user_id_ = 0;
};

TEST_F(AdminPagesTest, AUserPageHasABreadcrumbAndBadIdsAre404) {
  auto page = h_.Get(Handler(&AdminUserPages::User), "/beheer/gebruikers/" + Id(user_id_), {{"id", Id(user_id_)}});
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("aria-current=\"page\" href=\"/beheer/gebruikers/" + Id(user_id_) + "\">Gea</a>"),
            std::string::npos)
      << page.body;
  EXPECT_NE(page.body.find("<option value=\"noord\">Noord</option>"), std::string::npos);
  EXPECT_EQ(h_.Get(Handler(&AdminUserPages::User), "/beheer/gebruikers/9999", {{"id", "9999"}}).status, 404);
  EXPECT_EQ(h_.Get(Handler(&AdminUserPages::User), "/beheer/gebruikers/x", {{"id", "x"}}).status, 404);
}

TEST_F(AdminPagesTest, GrantingShowsRefusalsOnTheFormAndChangesNothing) {
  auto bad = h_.Post(Handler(&AdminUserPages::GrantRole), "/x", {{"role", "koning"}}, {{"id", Id(user_id_)}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("href=\"#f-role\""), std::string::npos) << bad.body;
  auto long_scope = h_.Post(Handler(&AdminUserPages::GrantRole), "/x",
                            {{"role", "gebiedsverbinder"}, {"scope", std::string(101, 'a')}}, {{"id", Id(user_id_)}});
  EXPECT_EQ(long_scope.status, 422);
  EXPECT_NE(long_scope.body.find("href=\"#f-scope\""), std::string::npos);
  auto stored = commands_.FindUser(user_id_);
  ASSERT_TRUE(stored.has_value() && *stored);
  EXPECT_TRUE((*stored)->user.grants.empty());

  auto ok = h_.Post(Handler(&AdminUserPages::GrantRole), "/x", {{"role", "gebiedsverbinder"}, {"scope", "noord"}},
                    {{"id", Id(user_id_)}});
  EXPECT_EQ(ok.status, 303);
  stored = commands_.FindUser(user_id_);
  ASSERT_EQ((*stored)->user.grants.size(), 1u);
}

TEST_F(AdminPagesTest, AnAdministratorCannotRevokeTheirOwnAdministratorRole) {
  auto r = h_.Post(Handler(&AdminUserPages::RevokeRole), "/x", {{"role", "administrator"}}, {{"id", Id(admin_id_)}});
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("href=\"#f-role\""), std::string::npos) << r.body;
}

}  // namespace
}  // namespace wp::accounts
