// Unit tests of the officials' edition pages, handlers called directly
// (testing/page_harness.h), no server involved.
#include "features/budgets/admin_edition_pages.h"

#include <gtest/gtest.h>

#include "features/budgets/page_world_test.h"

namespace wp::budgets {
namespace {

using wp::testing::PageHarness;

const web::PageOptions kSignedIn{.require_login = true};

PageHarness::Params EditionForm() {
  return {{"title", "Schalkwijk aan Zet 2027"},
          {"slug", ""},
          {"description", "Bewoners kiezen."},
          {"budget", "70.000"},
          {"themes", "Groen\nOntmoeten"},
          {"borough", "schalkwijk"},
          {"min_age", "16"},
          {"like_threshold", "10"},
          {"ballot_kind", "split_budget"},
          {"counting_rule", "greedy"},
          {"plans_open", "2027-01-04"},
          {"likes_open", "2027-02-01"},
          {"review_open", "2027-03-01"},
          {"voting_open", "2027-04-01"},
          {"voting_close", "2027-04-15"},
          {"published", "1"}};
}

// `form` with `field` set to `value` (added when the form lacks it).
PageHarness::Params With(PageHarness::Params form, const std::string& field, const std::string& value) {
  for (auto& [k, v] : form) {
    if (k == field) {
      v = value;
      return form;
    }
  }
  form.emplace_back(field, value);
  return form;
}

class AdminEditionPagesTest : public PageWorld, public ::testing::Test {
 protected:
  web::Web::Handler H(Result<http::Response> (AdminEditionPages::*fn)(web::Context&)) { return Handler(pages_, fn); }
  http::Response Create(const PageHarness::Params& form) {
    return h_.Post(H(&AdminEditionPages::Create), "/beheer/wijkbudget/nieuw", form, {}, kSignedIn);
  }
  size_t Editions() { return commands_.ListEditions(nullptr).value().size(); }

  AdminEditionPages pages_{deps_};
};

TEST_F(AdminEditionPagesTest, ResidentsMayNotOpenOrUseThem) {
  EXPECT_EQ(h_.Get(H(&AdminEditionPages::Editions), "/beheer/wijkbudget", {}, kSignedIn).status, 303);
  h_.SignInAs(Ann());
  EXPECT_EQ(h_.Get(H(&AdminEditionPages::Editions), "/beheer/wijkbudget", {}, kSignedIn).status, 403);
  EXPECT_EQ(h_.Get(H(&AdminEditionPages::NewForm), "/beheer/wijkbudget/nieuw", {}, kSignedIn).status, 403);
  EXPECT_EQ(Create(EditionForm()).status, 403);
  EXPECT_EQ(Editions(), 0u);
  h_.SignInAs(Expert());
  EXPECT_EQ(h_.Get(H(&AdminEditionPages::NewForm), "/beheer/wijkbudget/nieuw", {}, kSignedIn).status, 403);
  h_.SignInAs(OtherOfficial());
  EXPECT_EQ(Create(EditionForm()).status, 403) << "a gebiedsverbinder of another stadsdeel";
  EXPECT_EQ(Editions(), 0u);
}

TEST_F(AdminEditionPagesTest, TheOverviewIsATableWithLinksPerEdition) {
  h_.SignInAs(Official());
  auto empty = h_.Get(H(&AdminEditionPages::Editions), "/beheer/wijkbudget", {}, kSignedIn);
  EXPECT_EQ(empty.status, 200);
  EXPECT_TRUE(Has(empty, "wp-empty"));
  EXPECT_TRUE(Has(empty, "href=\"/beheer/wijkbudget/nieuw\">Nieuwe ronde maken</a>"));
  CreateEdition();
  auto page = h_.Get(H(&AdminEditionPages::Editions), "/beheer/wijkbudget", {}, kSignedIn);
  EXPECT_TRUE(Has(page, "<caption class=\"utrecht-table__caption\">Rondes</caption>")) << page.body;
  EXPECT_TRUE(Has(page, "href=\"/beheer/wijkbudget/schalkwijk-aan-zet\">Ronde bewerken</a>"));
  EXPECT_TRUE(Has(page, "href=\"/beheer/wijkbudget/schalkwijk-aan-zet/plannen\">Plannen beheren</a>"));
  h_.SignInAs(Expert());
  page = h_.Get(H(&AdminEditionPages::Editions), "/beheer/wijkbudget", {}, kSignedIn);
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(Has(page, "Ronde bewerken")) << "experts review plans, they do not edit editions";
  EXPECT_FALSE(Has(page, "Nieuwe ronde maken"));
}

TEST_F(AdminEditionPagesTest, TheNewFormStartsWithTheOfficialsStadsdeel) {
  h_.SignInAs(Official());
  auto form = h_.Get(H(&AdminEditionPages::NewForm), "/beheer/wijkbudget/nieuw", {}, kSignedIn);
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "<option value=\"schalkwijk\" selected>Schalkwijk</option>")) << form.body;
  EXPECT_TRUE(Has(form, "value=\"WK039206\""));
  EXPECT_TRUE(Has(form, "aria-current=\"page\" href=\"/beheer/wijkbudget/nieuw\">Nieuwe ronde</a>"));
}

TEST_F(AdminEditionPagesTest, FieldsThatDoNotParseAndBrokenRulesAreShownOnTheForm) {
  h_.SignInAs(Official());
  auto unparsed = Create(With(With(EditionForm(), "budget", "veel"), "voting_open", "1 april"));
  EXPECT_EQ(unparsed.status, 422);
  EXPECT_TRUE(Has(unparsed, "href=\"#f-budget\"")) << unparsed.body;
  EXPECT_TRUE(Has(unparsed, "href=\"#f-voting_open\""));
  EXPECT_TRUE(Has(unparsed, "value=\"veel\""));
  auto rules = Create(With(With(EditionForm(), "voting_open", "2027-02-15"), "max_spend", "80.000"));
  EXPECT_EQ(rules.status, 422);
  EXPECT_TRUE(Has(rules, "href=\"#f-plans_open\""));
  EXPECT_TRUE(Has(rules, "href=\"#f-max_spend\""));
  EXPECT_LT(rules.body.find("href=\"#f-max_spend\""), rules.body.find("href=\"#f-plans_open\"")) << "form order";
  auto area = Create(With(EditionForm(), "borough", "atlantis"));
  EXPECT_EQ(area.status, 422);
  EXPECT_TRUE(Has(area, "href=\"#f-area\""));
  EXPECT_EQ(Editions(), 0u);
}

TEST_F(AdminEditionPagesTest, CreatingAndEditingAnEdition) {
  h_.SignInAs(Official());
  auto made = Create(EditionForm());
  ASSERT_EQ(made.status, 303) << made.body;
  EXPECT_EQ(made.headers.Get("Location"), "/wijkbudget/schalkwijk-aan-zet-2027");
  auto again = Create(EditionForm());
  EXPECT_EQ(again.status, 422);
  EXPECT_TRUE(Has(again, "Dit webadres is al in gebruik."));
  PageHarness::Params slug = {{"slug", "schalkwijk-aan-zet-2027"}};
  auto form = h_.Get(H(&AdminEditionPages::EditForm), "/x", slug, kSignedIn);
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "value=\"2027-04-15\"")) << "the last day of voting";
  EXPECT_TRUE(Has(form, "value=\"70000\""));
  auto saved =
      h_.Post(H(&AdminEditionPages::Update), "/x",
              With(With(EditionForm(), "slug", "schalkwijk-aan-zet-2027"), "title", "Nieuwe naam"), slug, kSignedIn);
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(commands_.FindEdition("schalkwijk-aan-zet-2027").value()->title, "Nieuwe naam");
  h_.SignInAs(OtherOfficial());
  EXPECT_EQ(h_.Get(H(&AdminEditionPages::EditForm), "/x", slug, kSignedIn).status, 403);
  EXPECT_EQ(h_.Get(H(&AdminEditionPages::EditForm), "/x", {{"slug", "bestaat-niet"}}, kSignedIn).status, 404);
}

}  // namespace
}  // namespace wp::budgets
