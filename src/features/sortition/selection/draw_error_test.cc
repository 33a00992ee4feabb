#include "features/sortition/selection/draw_error.h"

#include <gtest/gtest.h>

#include "core/i18n/catalog.h"
#include "core/i18n/plain_language.h"
#include "features/sortition/draw_story.h"
#include "features/sortition/selection/draw.h"
#include "wp_sortition_files.h"

namespace wp::sortition {
namespace {

class DrawErrorTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(catalog_.AddFiles(SortitionFiles()).has_value()); }
  // The field error in `locale`, as a page shows it.
  std::string Say(const std::string& locale, const FieldError& e) {
    EXPECT_TRUE(catalog_.Has(locale, e.message_key)) << locale << " " << e.message_key;
    Error error;
    error.fields.push_back(e);
    return TellDrawError(
        error, [&](std::string_view key, const i18n::Args& args) { return catalog_.Format(locale, key, args); })[0];
  }
  i18n::Catalog catalog_;
};

TEST_F(DrawErrorTest, EveryKindHasPlainDutchAndEnglish) {
  for (DrawErrorKind kind : AllDrawErrorKinds()) {
    for (int n : {1, 3}) {
      DrawProblem p{kind, "leeftijd=16-24", n + 4, n, n, 5, 4, n == 3};
      FieldError e = ToFieldError(p);
      std::string nl = Say("nl", e);
      std::string en = Say("en", e);
      EXPECT_FALSE(nl.empty());
      EXPECT_NE(nl, en);
      for (const auto& f : i18n::CheckPlainDutch(nl)) ADD_FAILURE() << nl << ": " << f.detail;
      for (const auto& f : i18n::CheckPlainEnglish(en)) ADD_FAILURE() << en << ": " << f.detail;
      EXPECT_FALSE(DescribeInEnglish(p).empty());
    }
  }
}

TEST_F(DrawErrorTest, InfeasibleQuotaSaysWhichAndByHowMuch) {
  Instance inst;
  inst.quotas = *ParseCategoriesCsv("feature,value,min,max\ngender,female,10,12\ngender,male,0,20\n");
  std::string pool = "id,gender\n";
  for (int i = 0; i < 27; ++i) pool += "p" + std::to_string(i) + "," + (i < 7 ? "female" : "male") + "\n";
  inst.agents = *ParseRespondentsCsv(pool, inst.quotas, {});
  inst.panel_size = 20;
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  DrawOptions options;
  options.seed = "1";
  auto draw = DrawPanel(inst, options, Solvers{*lp, *mip});
  ASSERT_FALSE(draw.has_value());
  const Error& e = draw.error();
  EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
  ASSERT_EQ(e.fields.size(), 1u);
  EXPECT_EQ(e.fields[0].field, "gender=female");
  EXPECT_EQ(e.fields[0].message_key, "sortition.error.feature_short");
  EXPECT_EQ(Say("nl", e.fields[0]),
            "Bij gender=female moeten minstens 10 mensen in de groep. Maar 7 mensen hebben dit kenmerk. Er zijn 3 "
            "mensen te weinig.");
  EXPECT_EQ(e.detail,
            "the quotas cannot be met: gender=female needs at least 10 but only 7 volunteers have it (short by 3)");
  options.seed = "";
  auto no_seed = DrawPanel(inst, options, Solvers{*lp, *mip});
  ASSERT_FALSE(no_seed.has_value());
  ASSERT_EQ(no_seed.error().fields.size(), 1u);
  EXPECT_EQ(no_seed.error().fields[0].message_key, "sortition.error.no_seed");
}

TEST_F(DrawErrorTest, JointConflictListsTheSmallestChange) {
  // Each category alone can be met, together not: one woman and two young
  // people on a panel of 2, but the only woman is old.
  Instance inst;
  inst.quotas = *ParseCategoriesCsv("feature,value,min,max\ng,f,1,1\ng,m,1,1\na,young,2,2\na,old,0,0\n");
  inst.agents = *ParseRespondentsCsv("id,g,a\np1,f,old\np2,m,young\np3,m,young\n", inst.quotas, {});
  inst.panel_size = 2;
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  DrawOptions options;
  options.seed = "1";
  auto draw = DrawPanel(inst, options, Solvers{*lp, *mip});
  ASSERT_FALSE(draw.has_value());
  const Error& e = draw.error();
  ASSERT_GE(e.fields.size(), 2u);
  EXPECT_EQ(e.fields[0].message_key, "sortition.error.quotas_conflict");
  for (size_t i = 1; i < e.fields.size(); ++i) {
    EXPECT_TRUE(e.fields[i].message_key == "sortition.error.lower_minimum" ||
                e.fields[i].message_key == "sortition.error.raise_maximum")
        << e.fields[i].message_key;
    EXPECT_NE(Say("nl", e.fields[i]).find(e.fields[i].field), std::string::npos);
  }
  EXPECT_EQ(e.detail.rfind("no panel meets all quotas together; the smallest change", 0), 0u) << e.detail;
}

}  // namespace
}  // namespace wp::sortition
