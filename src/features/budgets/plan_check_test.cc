#include "features/budgets/plan_check.h"

#include <gtest/gtest.h>

#include <functional>

#include "features/budgets/upload_check.h"

namespace wp::budgets {
namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, 'p');

Edition TheEdition() {
  Edition e;
  e.area = {"BU03920501", "BU03920502"};
  e.budget_cents = 7'000'000;
  e.themes = {"Elkaar ontmoeten", "Op straat & groen"};
  return e;
}

PlanInput Valid() {
  return {"Moestuin",
          "Samen groente kweken.",
          "Op straat & groen",
          "BU03920501",
          std::nullopt,
          std::nullopt,
          {{"Bakken", "1.250,50"}, {"Zaden", "49,50"}}};
}

TEST(CheckPlanInputTest, AValidPlanIsTrimmedAndCosted) {
  PlanInput in = Valid();
  in.title = "  Moestuin\tbij de flat  ";
  CheckedPlan checked = CheckPlanInput(TheEdition(), in, {kPng}, kMaxPhotoBytes);
  EXPECT_TRUE(checked.errors.empty());
  EXPECT_EQ(checked.content.title, "Moestuin bij de flat") << "one line: it goes into e-mail subjects";
  EXPECT_EQ(checked.content.cost_cents, 130000);
  ASSERT_EQ(checked.content.cost_lines.size(), 2u);
  EXPECT_EQ(checked.content.cost_lines[0].amount_cents, 125050);
}

TEST(CheckPlanInputTest, EachRuleNamesItsField) {
  struct Case {
    const char* name;
    std::function<void(PlanInput&, std::vector<std::string>&)> change;
    FieldError expected;
  } cases[] = {
      {"no title", [](PlanInput& in, auto&) { in.title = " "; }, {"title", "web.required"}},
      {"long title",
       [](PlanInput& in, auto&) { in.title = std::string(kMaxPlanTitle + 1, 'x'); },
       {"title", kPlanTitleLong}},
      {"no description", [](PlanInput& in, auto&) { in.description.clear(); }, {"description", "web.required"}},
      {"long description",
       [](PlanInput& in, auto&) { in.description = std::string(kMaxPlanDescription + 1, 'x'); },
       {"description", kPlanDescriptionLong}},
      {"other theme", [](PlanInput& in, auto&) { in.theme = "Verkeer"; }, {"theme", kPlanTheme}},
      {"buurt outside the area",
       [](PlanInput& in, auto&) { in.neighbourhood_code = "BU03920101"; },
       {"neighbourhood", kPlanNeighbourhood}},
      {"bad amount on line 2",
       [](PlanInput& in, auto&) { in.cost_lines[1].second = "veel"; },
       {"cost_2", "budgets.plan.error.cost_amount"}},
      {"over the budget",
       [](PlanInput& in, auto&) {
         in.cost_lines = {{"Alles", "70.000,01"}};
       },
       {"cost_1", kPlanOverBudget}},
      {"not a photo",
       [](PlanInput&, std::vector<std::string>& photos) { photos = {"GIF89a"}; },
       {"photos", "budgets.photo.error.type"}},
      {"six photos",
       [](PlanInput&, std::vector<std::string>& photos) { photos.assign(6, kPng); },
       {"photos", kPlanPhotoCount}},
  };
  for (const auto& c : cases) {
    PlanInput in = Valid();
    std::vector<std::string> photos;
    c.change(in, photos);
    CheckedPlan checked = CheckPlanInput(TheEdition(), in, photos, kMaxPhotoBytes);
    ASSERT_EQ(checked.errors.size(), 1u) << c.name;
    EXPECT_EQ(checked.errors[0], c.expected) << c.name;
  }
}

TEST(CheckPlanInputTest, APhotoOverTheLimitIsRefused) {
  CheckedPlan checked = CheckPlanInput(TheEdition(), Valid(), {kPng}, kPng.size() - 1);
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_EQ(checked.errors[0], (FieldError{"photos", "budgets.photo.error.too_large"}));
}

}  // namespace
}  // namespace wp::budgets
