// Tests of the second draw's rule: targets for the whole forum minus what
// the members hold give the quotas of the extra seats; every way the targets
// cannot be met is named with its amount (table-driven).
#include "features/forums/second_draw.h"

#include <gtest/gtest.h>

namespace wp::forums {
namespace {

// The forum: 4 seats, gender 2/2, role 1..3 each.
sortition::Quotas ForumQuotas() {
  return *sortition::ParseCategoriesCsv(
      "feature,value,min,max\ngeslacht,man,2,2\ngeslacht,vrouw,2,2\nrol,doener,1,3\nrol,denker,1,3\n");
}

Features F(const char* gender, const char* role) { return {{"geslacht", gender}, {"rol", role}}; }

// Members: three doers and one thinker.
std::vector<Features> Members() {
  return {F("man", "doener"), F("man", "doener"), F("vrouw", "doener"), F("vrouw", "denker")};
}

// Left: thinkers and one doer.
std::vector<Features> Pool() {
  return {F("man", "denker"), F("vrouw", "denker"), F("man", "denker"), F("vrouw", "doener")};
}

TEST(PlanSecondDraw, TargetsMinusHeldGiveTheQuotasOfTheExtraSeats) {
  // Doers and thinkers 3/3 in the forum of 6 after the draw.
  auto plan = PlanSecondDraw(ForumQuotas(), "feature,value,min,max\nrol,doener,3,3\nrol,denker,3,3\n", Members(),
                             Pool(), 2);
  ASSERT_TRUE(plan.has_value()) << plan.error().detail;
  struct Want {
    const char* feature;
    int target_min, target_max, held, need_min, need_max, available;
  };
  const std::vector<Want> want = {
      // Gender was left out: its minimum stays, the maximum grows by the 2 extra seats.
      {"geslacht=man", 2, 4, 2, 0, 2, 2},
      {"geslacht=vrouw", 2, 4, 2, 0, 2, 2},
      {"rol=doener", 3, 3, 3, 0, 0, 1},
      {"rol=denker", 3, 3, 1, 2, 2, 3},
  };
  ASSERT_EQ(plan->rows.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const auto& r = plan->rows[i];
    const auto& w = want[i];
    EXPECT_EQ(r.feature, w.feature);
    EXPECT_EQ(r.target_min, w.target_min) << w.feature;
    EXPECT_EQ(r.target_max, w.target_max) << w.feature;
    EXPECT_EQ(r.held, w.held) << w.feature;
    EXPECT_EQ(r.need_min, w.need_min) << w.feature;
    EXPECT_EQ(r.need_max, w.need_max) << w.feature;
    EXPECT_EQ(r.available, w.available) << w.feature;
    EXPECT_EQ(plan->remaining.features[i].min, w.need_min) << w.feature;
    EXPECT_EQ(plan->remaining.features[i].max, w.need_max) << w.feature;
    EXPECT_EQ(plan->targets.features[i].min, w.target_min) << w.feature;
    EXPECT_EQ(plan->targets.features[i].max, w.target_max) << w.feature;
  }
}

struct BadCase {
  const char* name;
  const char* targets;
  int extra;
  const char* field;
  const char* key;
  std::vector<std::pair<std::string, int64_t>> args;  // numbers the message names
};

TEST(PlanSecondDraw, BadInputNamesTheQuotaAndByHowMuch) {
  const std::vector<BadCase> cases = {
      {"no extra seat", "feature,value,min,max\nrol,doener,3,3\nrol,denker,1,3\n", 0, "extra",
       "forums.error.extra_seats", {}},
      {"more seats than people left", "feature,value,min,max\nrol,doener,1,5\nrol,denker,1,5\n", 5, "extra",
       "forums.error.extra_too_many", {{"extra", 5}, {"left", 4}}},
      {"not a categories file", "feature,value,min,max\nrol,doener,3\n", 2, "targets", "forums.error.targets_parse",
       {}},
      {"no target", "feature,value,min,max\n", 2, "targets", "forums.error.targets_empty", {}},
      {"a category the forum does not have", "feature,value,min,max\nbuurt,noord,1,2\n", 2, "targets",
       "forums.error.targets_category", {}},
      {"a value missing", "feature,value,min,max\nrol,doener,3,3\n", 2, "targets", "forums.error.targets_values", {}},
      {"the members hold more doers than the maximum", "feature,value,min,max\nrol,doener,1,2\nrol,denker,4,5\n", 2,
       "targets", "forums.error.target_over", {{"max", 2}, {"held", 3}, {"over", 1}}},
      {"too few thinkers left", "feature,value,min,max\nrol,doener,3,3\nrol,denker,5,5\n", 4, "targets",
       "forums.error.target_short", {{"need", 4}, {"left", 3}, {"short", 1}}},
      {"the minimums need more seats than drawn", "feature,value,min,max\nrol,doener,4,4\nrol,denker,3,3\n", 2,
       "targets", "forums.error.target_category_min", {{"need", 3}, {"extra", 2}, {"over", 1}}},
      {"the maximums leave seats empty", "feature,value,min,max\nrol,doener,3,4\nrol,denker,1,2\n", 3, "targets",
       "forums.error.target_category_room", {{"room", 2}, {"extra", 3}, {"short", 1}}},
  };
  for (const auto& c : cases) {
    auto plan = PlanSecondDraw(ForumQuotas(), c.targets, Members(), Pool(), c.extra);
    ASSERT_FALSE(plan.has_value()) << c.name;
    const auto& fields = plan.error().fields;
    auto it = std::find_if(fields.begin(), fields.end(),
                           [&c](const FieldError& e) { return e.field == c.field && e.message_key == c.key; });
    ASSERT_NE(it, fields.end()) << c.name << ": " << (fields.empty() ? "" : fields.front().message_key);
    for (const auto& [name, value] : c.args) {
      auto arg = std::find_if(it->args.begin(), it->args.end(), [&name](const auto& a) { return a.first == name; });
      ASSERT_NE(arg, it->args.end()) << c.name << " " << name;
      EXPECT_EQ(std::get<int64_t>(arg->second), value) << c.name << " " << name;
    }
  }
}

}  // namespace
}  // namespace wp::forums
