#include "features/voting/outcome.h"

#include <gtest/gtest.h>

namespace wp::voting {
namespace {

TEST(OutcomeTest, RoundTripsThroughItsStoredForm) {
  Outcome o;
  o.selected = {7, 3};
  o.total_cost_cents = 9000'00;
  o.leftover_cents = 1000'00;
  o.plans = {{3, "Bankjes", "Groen", "Drie bankjes.", 4000'00, 2, true, 8000'00, "funded"},
             {7, "Bloemen \"en\" bomen", "Groen", "", 5000'00, 3, true, 15000'00, "funded"},
             {9, "Boom", "Groen", "Een boom.", 6000'00, 1, false, 6000'00, "does_not_fit"}};
  auto back = ParseOutcomeJson(OutcomeJson(o));
  ASSERT_TRUE(back.has_value()) << back.error().detail;
  EXPECT_EQ(back->selected, o.selected);
  EXPECT_EQ(back->total_cost_cents, o.total_cost_cents);
  EXPECT_EQ(back->leftover_cents, o.leftover_cents);
  ASSERT_EQ(back->plans.size(), 3u);
  EXPECT_EQ(back->plans[1].title, "Bloemen \"en\" bomen");
  EXPECT_EQ(back->plans[2].verdict, "does_not_fit");
  EXPECT_FALSE(back->plans[2].selected);
  EXPECT_EQ(back->plans[0].euros_cents, 8000'00);
}

TEST(OutcomeTest, AnythingElseIsAnInternalError) {
  for (const char* bad : {"", "[]", "{\"selected\": [1]}", "{\"selected\": \"x\", \"plans\": []}"}) {
    auto r = ParseOutcomeJson(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  }
}

}  // namespace
}  // namespace wp::voting
