// Unit tests of registering a platform, handlers called directly.
#include "features/platforms/registration_pages.h"

#include "features/platforms/page_world_test.h"

namespace wp::platforms {
namespace {

class RegistrationPagesTest : public PlatformPagesTest {
 protected:
  RegistrationPagesTest() { h_.SignInAs(anna_); }
  Params Form(const std::string& name, const std::string& action = "register") {
    Params f = {{"name", name},
                {"description", "Bewoners die samen werken aan de wijk."},
                {"themes", "Groen"},
                {"contact_email", "platform@example.nl"},
                {"action", action}};
    for (const auto& code : kBoerhaaveArea) f.emplace_back("area", code);
    return f;
  }
  RegistrationPages pages_{h_.web(), commands_};
};

TEST_F(RegistrationPagesTest, TheFormListsTheBuurtenAsCheckboxes) {
  auto page = h_.Get(Handler(pages_, &RegistrationPages::Form), "/wijkplatforms/aanmelden");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "name=\"area\" value=\"BU03921901\"")) << page.body;
  EXPECT_FALSE(Has(page.body, "<script"));
}

TEST_F(RegistrationPagesTest, APreviewShowsTheMapAndRegistersNothing) {
  auto shown = h_.Post(Handler(pages_, &RegistrationPages::Register), "/wijkplatforms/aanmelden",
                       Form("Wijkplatform Boerhaavewijk", "preview"));
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Has(shown.body, "<svg"));
  EXPECT_TRUE(commands_.List()->empty());
}

TEST_F(RegistrationPagesTest, BadFieldsComeBackOnTheFormWith422) {
  auto bad = h_.Post(Handler(pages_, &RegistrationPages::Register), "/wijkplatforms/aanmelden", Form(""));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "href=\"#f-name\"")) << bad.body;
  EXPECT_TRUE(Has(bad.body, "value=\"platform@example.nl\"")) << "what was sent is kept";
  Params no_area = Form("Wijkplatform Boerhaavewijk");
  std::erase_if(no_area, [](const auto& kv) { return kv.first == "area"; });
  auto area = h_.Post(Handler(pages_, &RegistrationPages::Register), "/wijkplatforms/aanmelden", no_area);
  EXPECT_EQ(area.status, 422);
  EXPECT_TRUE(commands_.List()->empty());
}

TEST_F(RegistrationPagesTest, AnOverlappingAreaIsRefusedOnTheFormWith409) {
  ASSERT_EQ(h_.Post(Handler(pages_, &RegistrationPages::Register), "/wijkplatforms/aanmelden",
                    Form("Wijkplatform Boerhaavewijk"))
                .status,
            303);
  h_.SignInAs(AddUser("bert@example.nl", "Bert", {}));
  auto again =
      h_.Post(Handler(pages_, &RegistrationPages::Register), "/wijkplatforms/aanmelden", Form("Tweede platform"));
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(Has(again.body, "Wijkplatform Boerhaavewijk")) << "names the other platform: " << again.body;
  EXPECT_EQ(commands_.List()->size(), 1u);
}

TEST_F(RegistrationPagesTest, RegisteringGoesToTheNewPlatformAndNeedsSignIn) {
  auto done = h_.Post(Handler(pages_, &RegistrationPages::Register), "/wijkplatforms/aanmelden",
                      Form("Wijkplatform Boerhaavewijk"), {}, {.require_login = true});
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.headers.Get("Location"), "/wijkplatform/wijkplatform-boerhaavewijk");
  h_.SignInAs(std::nullopt);
  auto anon =
      h_.Get(Handler(pages_, &RegistrationPages::Form), "/wijkplatforms/aanmelden", {}, {.require_login = true});
  EXPECT_EQ(anon.status, 303);
  EXPECT_TRUE(Has(std::string(anon.headers.Get("Location")), "/inloggen"));
}

}  // namespace
}  // namespace wp::platforms
