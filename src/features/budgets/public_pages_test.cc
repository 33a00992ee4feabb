// Unit tests of the public edition pages, handlers called directly
// (testing/page_harness.h), no server involved.
#include "features/budgets/public_pages.h"

#include <gtest/gtest.h>

#include "features/budgets/page_world_test.h"

namespace wp::budgets {
namespace {

class PublicPagesTest : public PageWorld, public ::testing::Test {
 protected:
  web::Web::Handler H(Result<http::Response> (PublicPages::*fn)(web::Context&)) { return Handler(pages_, fn); }
  http::Response EditionPage() {
    return h_.Get(H(&PublicPages::EditionPage), "/wijkbudget/schalkwijk-aan-zet", {{"slug", "schalkwijk-aan-zet"}});
  }

  PublicPages pages_{deps_};
};

TEST_F(PublicPagesTest, TheListShowsPublishedEditionsAsCardsAndDraftsOnlyToTheirOfficials) {
  auto empty = h_.Get(H(&PublicPages::EditionList), "/wijkbudget");
  EXPECT_EQ(empty.status, 200);
  EXPECT_TRUE(Has(empty, "wp-empty")) << empty.body;
  CreateEdition(false);
  EXPECT_FALSE(Has(h_.Get(H(&PublicPages::EditionList), "/wijkbudget"), "Schalkwijk aan Zet"));
  h_.SignInAs(Official());
  auto own = h_.Get(H(&PublicPages::EditionList), "/wijkbudget");
  EXPECT_TRUE(Has(own, "<article class=\"wp-card\">")) << own.body;
  EXPECT_TRUE(Has(own, "href=\"/wijkbudget/schalkwijk-aan-zet\">Schalkwijk aan Zet</a></h2>"));
  EXPECT_TRUE(Has(own, "Schalkwijk · €"));
  EXPECT_TRUE(Has(own, "utrecht-status-badge--warning wp-status\">Nog niet gepubliceerd"));
  EXPECT_TRUE(Has(own, "href=\"/beheer/wijkbudget\">Rondes beheren</a>"));
}

TEST_F(PublicPagesTest, AnEditionShowsItsPhasesFactsAndNextStep) {
  CreateEdition();
  h_.clock().Set(kLikesOpen + 3600);
  auto page = EditionPage();
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Has(page, "Fase: Likes verzamelen"));
  EXPECT_TRUE(Has(page, "class=\"wp-stepper\""));
  EXPECT_TRUE(Has(page, "wp-stepper__step--done")) << "the plan phase is over";
  EXPECT_TRUE(Has(page, "aria-current=\"step\"><span class=\"wp-stepper__number\" aria-hidden=\"true\">2</span>"));
  EXPECT_TRUE(Has(page, "<dt class=\"utrecht-data-list__item-key\">Gebied</dt>"));
  EXPECT_TRUE(Has(page, "Schalkwijk: Europawijk, Meerwijk"));
  EXPECT_TRUE(Has(page, "href=\"/wijkbudget/schalkwijk-aan-zet/plannen\">Bekijk de plannen en geef likes</a>"));
  EXPECT_FALSE(Has(page, "/beheer/wijkbudget/schalkwijk-aan-zet")) << "no staff links for visitors";
  h_.SignInAs(Expert());
  EXPECT_TRUE(Has(EditionPage(), "href=\"/beheer/wijkbudget/schalkwijk-aan-zet/plannen\">Plannen toetsen</a>"));
}

TEST_F(PublicPagesTest, UnknownEditionsAndOthersDraftsAre404) {
  EXPECT_EQ(EditionPage().status, 404);
  CreateEdition(false);
  EXPECT_EQ(EditionPage().status, 404);
  h_.SignInAs(Ann());
  EXPECT_EQ(EditionPage().status, 404);
  h_.SignInAs(OtherOfficial());
  EXPECT_EQ(EditionPage().status, 404) << "a gebiedsverbinder of another stadsdeel";
  h_.SignInAs(Official());
  auto own = EditionPage();
  EXPECT_EQ(own.status, 200);
  EXPECT_TRUE(Has(own, "Deze ronde is nog niet gepubliceerd."));
}

// The breadcrumb of the budgets pages was a numbered list of its own that
// overlapped the page's text; every page now gives the layout its trail.
TEST_F(PublicPagesTest, Issue12_TheBreadcrumbIsTheLayoutsTrail) {
  CreateEdition();
  h_.clock().Set(kPlansOpen);
  auto pages = {EditionPage(), h_.Get(H(&PublicPages::PlanList), "/wijkbudget/schalkwijk-aan-zet/plannen",
                                      {{"slug", "schalkwijk-aan-zet"}})};
  for (const auto& page : pages) {
    ASSERT_EQ(page.status, 200);
    size_t nav = page.body.find("<nav class=\"utrecht-breadcrumb-nav");
    ASSERT_NE(nav, std::string::npos) << page.body;
    EXPECT_EQ(page.body.find("<nav class=\"utrecht-breadcrumb-nav", nav + 1), std::string::npos) << "one trail";
    EXPECT_TRUE(Has(page, "utrecht-breadcrumb-nav wp-breadcrumb"));
    EXPECT_TRUE(Has(page, "utrecht-breadcrumb-nav__list--html-ol"));
    EXPECT_LT(nav, page.body.find("<h1")) << "above the heading, from the layout";
  }
  EXPECT_TRUE(
      Has(EditionPage(), "aria-current=\"page\" href=\"/wijkbudget/schalkwijk-aan-zet\">Schalkwijk aan Zet</a>"));
}

// An edition in its implementation phase linked to its results before they
// were counted: a link to a page that answers 404.
TEST_F(PublicPagesTest, Issue12_ResultsAreLinkedOnlyOnceTheyArePublished) {
  Edition e = CreateEdition();
  h_.clock().Set(kVotingClose + kDay);
  auto before = EditionPage();
  EXPECT_TRUE(Has(before, "Fase: Uitvoering"));
  EXPECT_FALSE(Has(before, "/uitslag")) << before.body;
  ASSERT_TRUE(h_.db().Write([&](db::Connection& c) { return commands_.RecordSelection(c, e.id, {}); }).has_value());
  EXPECT_TRUE(Has(EditionPage(), "href=\"/wijkbudget/schalkwijk-aan-zet/uitslag\">Bekijk de uitslag</a>"));
}

TEST_F(PublicPagesTest, ThePlanListFiltersByThemeAndOffersLikesInTheLikePhase) {
  Edition e = CreateEdition();
  auto list = [&](const std::string& query = "") {
    return h_.Get(H(&PublicPages::PlanList), "/wijkbudget/schalkwijk-aan-zet/plannen" + query,
                  {{"slug", "schalkwijk-aan-zet"}});
  };
  h_.clock().Set(kPlansOpen);
  EXPECT_TRUE(Has(list(), "wp-empty"));
  EXPECT_TRUE(Has(list(), "href=\"/wijkbudget/schalkwijk-aan-zet/plannen/nieuw\">Dien een plan in</a>"));
  int64_t tuin = Submit(Ann(), e, "Moestuin");
  int64_t weg = Submit(Bob(), e, "Weggetrokken");
  ASSERT_TRUE(commands_.WithdrawPlan(Bob(), e, weg).has_value());
  auto page = list();
  EXPECT_TRUE(Has(page, ">Moestuin</a></h2>"));
  EXPECT_TRUE(Has(page, "utrecht-status-badge--active wp-status\">Ingediend"));
  EXPECT_FALSE(Has(page, "Weggetrokken")) << "withdrawn plans are not listed";
  EXPECT_FALSE(Has(list("?thema=Ontmoeten"), "Moestuin"));
  EXPECT_TRUE(Has(list("?thema=Groen"), "Moestuin"));
  EXPECT_FALSE(Has(page, "/like\"")) << "no likes before the like phase";
  h_.clock().Set(kLikesOpen);
  h_.SignInAs(Bob());
  page = list();
  EXPECT_TRUE(Has(page, "action=\"/wijkbudget/schalkwijk-aan-zet/plannen/" + std::to_string(tuin) + "/like\""))
      << page.body;
  EXPECT_TRUE(Has(page, "name=\"next\" value=\"/wijkbudget/schalkwijk-aan-zet/plannen\""));
  EXPECT_TRUE(Has(page, ">Geef Moestuin een like</button>"));
  ASSERT_TRUE(commands_.Like(Bob(), e, tuin).has_value());
  EXPECT_TRUE(Has(list(), ">Like intrekken voor Moestuin</button>"));
  EXPECT_TRUE(Has(list(), "1 van 2 likes"));
}

}  // namespace
}  // namespace wp::budgets
