// Unit tests of the recognition page, handlers called directly.
#include "features/platforms/recognition_pages.h"

#include "features/platforms/page_world_test.h"

namespace wp::platforms {
namespace {

class RecognitionPagesTest : public PlatformPagesTest {
 protected:
  RecognitionPagesTest() : p_(RegisterBoerhaave()) {
    liaison_ = AddUser("gv@example.nl", "Gea", {{auth::Role::kAreaLiaison, p_.borough_slug}});
  }
  Params Slug() { return {{"slug", p_.slug}}; }
  std::string Path() { return "/wijkplatform/" + p_.slug + "/status"; }
  RecognitionPages pages_{h_.web(), commands_, zone_};
  Platform p_;
  auth::User liaison_;
};

TEST_F(RecognitionPagesTest, TheKernteamSeesTheHistoryAndOthersAreRefused) {
  auto page = h_.Get(Handler(pages_, &RecognitionPages::Status), Path(), Slug());
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "<caption")) << "the history is a table";
  EXPECT_TRUE(Has(page.body, "Anna")) << "who registered it";
  h_.SignInAs(AddUser("bert@example.nl", "Bert", {}));
  EXPECT_EQ(h_.Get(Handler(pages_, &RecognitionPages::Status), Path(), Slug()).status, 403);
  h_.SignInAs(AddUser("gv-noord@example.nl", "Noor", {{auth::Role::kAreaLiaison, "noord-other"}}));
  EXPECT_EQ(h_.Get(Handler(pages_, &RecognitionPages::Status), Path(), Slug()).status, 403);
}

TEST_F(RecognitionPagesTest, TheGebiedsverbinderNeedsAReasonThenChangesTheStatus) {
  h_.SignInAs(liaison_);
  auto page = h_.Get(Handler(pages_, &RecognitionPages::Status), Path(), Slug());
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "value=\"in_formation\"")) << page.body;
  auto no_reason = h_.Post(Handler(pages_, &RecognitionPages::ChangeStatus), Path(),
                           {{"to", "in_formation"}, {"reason", ""}}, Slug());
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Has(no_reason.body, "href=\"#f-reason\"")) << no_reason.body;
  auto no_status = h_.Post(Handler(pages_, &RecognitionPages::ChangeStatus), Path(), {{"reason", "Goed"}}, Slug());
  EXPECT_EQ(no_status.status, 422);
  EXPECT_EQ((*commands_.Find(p_.id))->status, PlatformStatus::kSubmitted);
  auto ok = h_.Post(Handler(pages_, &RecognitionPages::ChangeStatus), Path(),
                    {{"to", "in_formation"}, {"reason", "Een goed plan."}}, Slug());
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.headers.Get("Location"), Path());
  EXPECT_EQ((*commands_.Find(p_.id))->status, PlatformStatus::kInFormation);
  EXPECT_EQ(h_.Post(Handler(pages_, &RecognitionPages::ChangeStatus), Path(),
                    {{"to", "withdrawn"}, {"reason", "Geen tijd"}}, Slug())
                .status,
            403)
      << "only the applicants withdraw";
}

TEST_F(RecognitionPagesTest, TheKernteamMayOnlyWithdraw) {
  EXPECT_EQ(h_.Post(Handler(pages_, &RecognitionPages::ChangeStatus), Path(),
                    {{"to", "in_formation"}, {"reason", "Zelf beslist"}}, Slug())
                .status,
            403);
  EXPECT_EQ(
      h_.Post(Handler(pages_, &RecognitionPages::ChangeStatus), Path(), {{"to", "recognised"}, {"reason", "x"}}, Slug())
          .status,
      409);
  ASSERT_EQ(h_.Post(Handler(pages_, &RecognitionPages::ChangeStatus), Path(), {{"to", "withdrawn"}}, Slug()).status,
            303);
  EXPECT_EQ((*commands_.Find(p_.id))->status, PlatformStatus::kWithdrawn);
}

}  // namespace
}  // namespace wp::platforms
