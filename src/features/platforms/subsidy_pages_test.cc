// Unit tests of the subsidy page, handlers called directly.
#include "features/platforms/subsidy_pages.h"

#include "features/platforms/page_world_test.h"

namespace wp::platforms {
namespace {

class SubsidyPagesTest : public PlatformPagesTest {
 protected:
  SubsidyPagesTest() : p_(RegisterBoerhaave()) {
    liaison_ = AddUser("gv@example.nl", "Gea", {{auth::Role::kAreaLiaison, p_.borough_slug}});
    if (!commands_.ChangeStatus(liaison_, p_.id, PlatformStatus::kInFormation, "Goed plan").has_value()) {
      throw std::runtime_error("in formation");
    }
  }
  Params Slug() { return {{"slug", p_.slug}}; }
  std::string Path() { return "/wijkplatform/" + p_.slug + "/subsidie"; }
  Params Step(int64_t id, const std::string& step) {
    return {{"slug", p_.slug}, {"id", std::to_string(id)}, {"step", step}};
  }
  SubsidyPages pages_{h_.web(), commands_};
  Platform p_;
  auth::User liaison_;
};

TEST_F(SubsidyPagesTest, AnEmptyListThenBadLinesAndYearsComeBackOnTheForm) {
  auto page = h_.Get(Handler(pages_, &SubsidyPages::Subsidy), Path(), Slug());
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "name=\"budget\""));
  auto bad_line = h_.Post(Handler(pages_, &SubsidyPages::Apply), Path(),
                          {{"year", "2026"}, {"budget", "Zaalhuur zonder bedrag"}}, Slug());
  EXPECT_EQ(bad_line.status, 422);
  EXPECT_TRUE(Has(bad_line.body, "href=\"#f-budget\"")) << bad_line.body;
  auto bad_year =
      h_.Post(Handler(pages_, &SubsidyPages::Apply), Path(), {{"year", "26"}, {"budget", "Zaalhuur; 450,00"}}, Slug());
  EXPECT_EQ(bad_year.status, 422);
  EXPECT_TRUE(Has(bad_year.body, "href=\"#f-year\"")) << bad_year.body;
  EXPECT_TRUE(Has(bad_year.body, "Zaalhuur; 450,00")) << "what was sent is kept";
  EXPECT_TRUE(commands_.Subsidies(p_.id)->empty());
}

TEST_F(SubsidyPagesTest, TheKernteamAppliesAndTheGebiedsverbinderGrants) {
  auto applied = h_.Post(Handler(pages_, &SubsidyPages::Apply), Path(),
                         {{"year", "2026"}, {"budget", "Zaalhuur; 450,00"}}, Slug());
  ASSERT_EQ(applied.status, 303) << applied.body;
  EXPECT_EQ(applied.headers.Get("Location"), Path());
  auto list = commands_.Subsidies(p_.id);
  ASSERT_EQ(list->size(), 1u);
  int64_t id = (*list)[0].id;
  EXPECT_EQ(h_.Post(Handler(pages_, &SubsidyPages::Step), "/x", {{"amount", "400,00"}}, Step(id, "toekennen")).status,
            403)
      << "the kernteam does not grant its own subsidy";
  h_.SignInAs(liaison_);
  EXPECT_EQ(h_.Post(Handler(pages_, &SubsidyPages::Step), "/x", {{"amount", "400,00"}}, Step(id, "opeten")).status,
            404);
  EXPECT_EQ(
      h_.Post(Handler(pages_, &SubsidyPages::Step), "/x", {{"amount", "400,00"}}, Step(id + 99, "toekennen")).status,
      404);
  EXPECT_EQ(h_.Post(Handler(pages_, &SubsidyPages::Step), "/x", {{"amount", "400,00"}}, Step(id, "toekennen")).status,
            400)
      << "a decision needs a reason";
  EXPECT_EQ((*commands_.Subsidies(p_.id))[0].status, SubsidyStatus::kApplied);
  ASSERT_EQ(h_.Post(Handler(pages_, &SubsidyPages::Step), "/x", {{"amount", "400,00"}, {"reason", "Passend"}},
                    Step(id, "toekennen"))
                .status,
            303);
  EXPECT_EQ((*commands_.Subsidies(p_.id))[0].status, SubsidyStatus::kGranted);
  auto page = h_.Get(Handler(pages_, &SubsidyPages::Subsidy), Path(), Slug());
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "<caption")) << "the budget is a table";
}

TEST_F(SubsidyPagesTest, OthersMayNotSeeOrApply) {
  h_.SignInAs(AddUser("bert@example.nl", "Bert", {}));
  EXPECT_EQ(h_.Get(Handler(pages_, &SubsidyPages::Subsidy), Path(), Slug()).status, 403);
  EXPECT_EQ(
      h_.Post(Handler(pages_, &SubsidyPages::Apply), Path(), {{"year", "2026"}, {"budget", "Zaalhuur; 450,00"}}, Slug())
          .status,
      403);
  EXPECT_TRUE(commands_.Subsidies(p_.id)->empty());
}

}  // namespace
}  // namespace wp::platforms
