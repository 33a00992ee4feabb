// Unit tests of the stadsdeel contact form: the handlers are called directly
// (testing/page_harness.h), no server involved.
#include "features/geography/contact_pages.h"

#include <gtest/gtest.h>

#include "testing/page_harness.h"
#include "wp_geography_files.h"

namespace wp::geography {
namespace {

using wp::testing::PageHarness;

class ContactPagesTest : public ::testing::Test {
 protected:
  ContactPagesTest() : service_(h_.db(), h_.clock()), pages_(h_.web(), service_, service_.commands()) {}
  void SetUp() override {
    ASSERT_TRUE(service_.ImportFolder(wp::testing::GeoDir(), "haarlem", false).has_value());
    h_.SignInAs(liaison_);
  }
  http::Response Form(const std::string& slug) {
    return h_.Get([this](web::Context& ctx) { return pages_.EditForm(ctx); }, "/stadsdeel/" + slug + "/contact",
                  {{"slug", slug}}, kSignedIn);
  }
  http::Response Save(const std::string& slug, PageHarness::Params fields) {
    return h_.Post([this](web::Context& ctx) { return pages_.Save(ctx); }, "/stadsdeel/" + slug + "/contact",
                   std::move(fields), {{"slug", slug}}, kSignedIn);
  }
  static bool Has(const http::Response& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

  static constexpr web::PageOptions kSignedIn{.require_login = true};
  PageHarness h_{"geography", GeographyFiles()};
  GeographyService service_;
  ContactPages pages_;
  auth::User liaison_{2, "gv@haarlem.example", "Gebiedsverbinder", "nl", {{auth::Role::kAreaLiaison, "schalkwijk"}}};
};

TEST_F(ContactPagesTest, WrongFieldsAreShownAgainWithWhatWasTyped) {
  auto r = Save("schalkwijk", {{"contact_name", ""}, {"email", "geen-email"}, {"phone", "bel me"}, {"note", ""}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Has(r, "href=\"#f-contact_name\"")) << r.body;
  EXPECT_TRUE(Has(r, "href=\"#f-email\""));
  EXPECT_TRUE(Has(r, "href=\"#f-phone\""));
  EXPECT_FALSE(Has(r, "href=\"#f-note\""));
  EXPECT_TRUE(Has(r, "Dit is geen geldig e-mailadres"));
  EXPECT_TRUE(Has(r, "value=\"geen-email\""));
  EXPECT_TRUE(Has(r, "value=\"bel me\""));
  EXPECT_LT(r.body.find("href=\"#f-contact_name\""), r.body.find("href=\"#f-phone\"")) << "summary in form order";
  EXPECT_FALSE(service_.commands().Contact("schalkwijk")->has_value());
}

TEST_F(ContactPagesTest, SavingPublishesTheContactAndTheFormShowsItNextTime) {
  auto r = Save("schalkwijk", {{"contact_name", "Fatima El Amrani"},
                               {"email", "f.elamrani@haarlem.example"},
                               {"phone", "+31 23 511 5115"},
                               {"note", "Spreekuur dinsdag"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers.Get("Location"), "/stadsdeel/schalkwijk");
  auto form = Form("schalkwijk");
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "value=\"Fatima El Amrani\"")) << form.body;
  EXPECT_TRUE(Has(form, "Spreekuur dinsdag</textarea>"));
  EXPECT_TRUE(Has(form, "href=\"/stadsdeel/schalkwijk\">Annuleren</a>")) << "cancel goes back";
}

TEST_F(ContactPagesTest, OnlyTheStadsdeelsGebiedsverbinderOrAnAdministratorMayEdit) {
  EXPECT_EQ(Form("noord").status, 403);
  EXPECT_EQ(Save("noord", {{"contact_name", "X"}, {"email", "x@haarlem.example"}}).status, 403);
  EXPECT_FALSE(service_.commands().Contact("noord")->has_value());
  EXPECT_EQ(Form("atlantis").status, 404);
  h_.SignInAs(auth::User{5, "bewoner@example.nl", "Bewoner", "nl", {}});
  EXPECT_EQ(Form("schalkwijk").status, 403);
  h_.SignInAs(auth::User{1, "beheer@haarlem.example", "Beheer", "nl", {{auth::Role::kAdministrator, ""}}});
  EXPECT_EQ(Form("noord").status, 200);
  h_.SignInAs(std::nullopt);
  auto visitor = Form("schalkwijk");
  EXPECT_EQ(visitor.status, 303) << "sign in first";
  EXPECT_EQ(visitor.headers.Get("Location").rfind("/inloggen?next=", 0), 0u);
}

}  // namespace
}  // namespace wp::geography
