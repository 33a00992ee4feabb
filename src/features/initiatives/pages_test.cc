// Handler tests of the initiative pages without a server (PageHarness): the
// form, the initiator's page by private link, the desk pages' rights.
#include <gtest/gtest.h>

#include "features/initiatives/desk_pages.h"
#include "features/initiatives/public_pages.h"
#include "features/initiatives/resident_pages.h"
#include "features/initiatives/world_test.h"
#include "testing/page_harness.h"

namespace wp::initiatives {
namespace {

using wp::testing::PageHarness;

class InitiativePagesTest : public ::testing::Test {
 protected:
  void SetUp() override { h_.clock().Set(kMonday); }

  template <typename Pages>
  web::Web::Handler Handler(Pages& pages, Result<http::Response> (Pages::*fn)(web::Context&)) {
    return [&pages, fn](web::Context& ctx) { return (pages.*fn)(ctx); };
  }
  int64_t Count(const std::string& sql) {
    return h_.db().Read([&](db::Connection& c) { return c.QueryOne(sql); })->Int(0);
  }

  PageHarness h_{"initiatives", InitiativesFiles()};
  World world_{h_.db(), h_.clock(), h_.random(), h_.catalog(), {"accounts", "geography", "platforms"}};
  ResidentPages resident_{h_.web(), world_.commands()};
  DeskPages desk_{h_.web(), world_.commands()};
  PublicPages public_{h_.web(), world_.commands()};
};

TEST_F(InitiativePagesTest, TheFormAsksEveryQuestionAndAnEmptySubmitStoresNothing) {
  auto form = h_.Get(Handler(resident_, &ResidentPages::NewForm), "/initiatieven/nieuw");
  ASSERT_EQ(form.status, 200);
  for (const char* part : {"id=\"f-title\"", "id=\"f-what\"", "id=\"f-neighbourhood\"", "id=\"f-when\"",
                           "id=\"f-helpers\"", "name=\"needs\" value=\"advice\"", "id=\"f-email\""}) {
    EXPECT_NE(form.body.find(part), std::string::npos) << part;
  }
  auto empty = h_.Post(Handler(resident_, &ResidentPages::Create), "/initiatieven/nieuw", {{"submit", "ja"}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("f-title-error"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM initiatives"), 0);
}

TEST_F(InitiativePagesTest, ThePrivateLinkOpensTheInitiatorsPage) {
  NewInitiative in;
  in.compass.title = "Bankjes bij de speeltuin";
  in.email = "ouders@example.nl";
  auto created = world_.commands().Create(in, std::nullopt);
  ASSERT_TRUE(created.has_value());
  std::string path = "/initiatieven/volg/" + created->follow_token;
  auto page = h_.Get(Handler(resident_, &ResidentPages::Show), path, {{"token", created->follow_token}});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Bankjes bij de speeltuin"), std::string::npos);
  EXPECT_NE(page.body.find("action=\"" + path + "/concept\""), std::string::npos) << "a draft opens its form";
  auto unknown = h_.Get(Handler(resident_, &ResidentPages::Show), "/initiatieven/volg/x", {{"token", "x"}});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(h_.Get(Handler(public_, &PublicPages::Show), "/initiatieven/1", {{"id", "1"}}).status, 404)
      << "a draft is not public";
}

TEST_F(InitiativePagesTest, TheDeskPagesAreForTheDeskAndDepartments) {
  const web::PageOptions signed_in{.require_login = true};
  auth::User resident = world_.Account("ans@example.nl", "Ans", {});
  auth::User desk = world_.Account("loket@haarlem.nl", "Loket", {{auth::Role::kInitiativeDesk, ""}});
  auth::User permits =
      world_.Account("vergunning@haarlem.nl", "Piet", {{auth::Role::kMunicipalExpert, "afdeling:vergunningen"}});
  h_.SignInAs(resident);
  EXPECT_EQ(h_.Get(Handler(desk_, &DeskPages::List), "/beheer/initiatieven", {}, signed_in).status, 403);
  h_.SignInAs(desk);
  auto list = h_.Get(Handler(desk_, &DeskPages::List), "/beheer/initiatieven", {}, signed_in);
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Alles is op tijd."), std::string::npos);
  h_.SignInAs(permits);
  EXPECT_EQ(h_.Get(Handler(desk_, &DeskPages::List), "/beheer/initiatieven", {}, signed_in).status, 200);
  h_.SignInAs(std::nullopt);
  EXPECT_EQ(h_.Get(Handler(desk_, &DeskPages::List), "/beheer/initiatieven", {}, signed_in).status, 303);
}

}  // namespace
}  // namespace wp::initiatives
