#include "features/sortition/selection/instance.h"

#include <gtest/gtest.h>

#include "features/sortition/selection/csv.h"

namespace wp::sortition {
namespace {

TEST(CsvTest, HandlesQuotesCrLfAndBom) {
  auto r = ParseCsv(
      "\xEF\xBB\xBF"
      "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\r\nx,\"multi\nline\",z\n");
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].fields, (std::vector<std::string>{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ((*r)[1].fields[1], "multi\nline");
  EXPECT_EQ((*r)[1].line, 3);
}

TEST(CsvTest, UnclosedQuoteIsAnError) {
  auto r = ParseCsv("a,b\n\"open,c\n");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().detail.find("line 2"), std::string::npos);
}

TEST(CategoriesCsvTest, ParsesFeaturesAndFlex) {
  auto q = ParseCategoriesCsv(
      "feature,value,min,max,min_flex,max_flex\ngender,female,2,3,1,4\ngender,male,2,3,,\n"
      "age,young,0,5,0,5\n");
  ASSERT_TRUE(q.has_value()) << q.error().detail;
  ASSERT_EQ(q->categories.size(), 2u);
  EXPECT_EQ(q->categories[0].features, (std::vector<int>{0, 1}));
  EXPECT_EQ(q->features[0].min_flex, 1);
  EXPECT_EQ(q->features[1].max_flex, -1);
  EXPECT_EQ(q->Find("age", "young"), 2);
}

struct BadCategories {
  const char* text;
  const char* message;
};

TEST(CategoriesCsvTest, RejectsMalformedFiles) {
  const BadCategories cases[] = {
      {"", "empty"},
      {"feature,value,min\n", "no 'max' column"},
      {"feature,value,min,max\ng,f,x,2\n", "line 2: min must be a whole number"},
      {"feature,value,min,max\ng,f,3,2\n", "min 3 above max 2"},
      {"feature,value,min,max\ng,f,1,2\ng,f,1,2\n", "appears twice"},
      {"feature,value,min,max\ng,f,-1,2\n", "whole number >= 0"},
      {"feature,value,min,max,min_flex\ng,f,1,2,2\n", "min_flex above min"},
      {"feature,value,min,max\n", "no quota rows"},
  };
  for (const BadCategories& c : cases) {
    auto q = ParseCategoriesCsv(c.text);
    ASSERT_FALSE(q.has_value()) << c.text;
    EXPECT_NE(q.error().detail.find(c.message), std::string::npos) << q.error().detail;
  }
}

TEST(RespondentsCsvTest, MatchesColumnsAndBuildsHouseholds) {
  auto q = ParseCategoriesCsv("feature,value,min,max\ngender,female,0,2\ngender,male,0,2\n");
  ASSERT_TRUE(q.has_value());
  auto a = ParseRespondentsCsv("id,name,Gender,street,zip\n1,An,female,Kerkstraat 1,2011AB\n2,Bo,Male,,\n", *q,
                               {"street", "zip"});
  ASSERT_TRUE(a.has_value()) << a.error().detail;
  ASSERT_EQ(a->size(), 2u);
  EXPECT_EQ((*a)[1].features[0], 1);  // case-insensitive value match
  EXPECT_FALSE((*a)[0].household.empty());
  EXPECT_TRUE((*a)[1].household.empty());
}

TEST(RespondentsCsvTest, RejectsUnknownValuesAndDuplicates) {
  auto q = ParseCategoriesCsv("feature,value,min,max\ngender,female,0,2\ngender,male,0,2\n");
  ASSERT_TRUE(q.has_value());
  auto unknown = ParseRespondentsCsv("id,gender\n1,other\n", *q, {});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().detail.find("respondent 1 has gender='other'"), std::string::npos);
  EXPECT_NE(unknown.error().detail.find("allowed: female, male"), std::string::npos);
  auto dup = ParseRespondentsCsv("id,gender\n1,male\n1,female\n", *q, {});
  ASSERT_FALSE(dup.has_value());
  EXPECT_NE(dup.error().detail.find("appears twice"), std::string::npos);
  auto missing = ParseRespondentsCsv("id,age\n1,old\n", *q, {});
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().detail.find("no column 'gender'"), std::string::npos);
  auto ragged = ParseRespondentsCsv("id,gender\n1,male,extra\n", *q, {});
  ASSERT_FALSE(ragged.has_value());
  EXPECT_NE(ragged.error().detail.find("line 2"), std::string::npos);
}

TEST(CheckPanelTest, ReportsEveryProblem) {
  Instance inst;
  inst.quotas = *ParseCategoriesCsv("feature,value,min,max\ng,f,1,1\ng,m,1,1\n");
  inst.agents = *ParseRespondentsCsv("id,g,addr\na,f,x\nb,m,x\nc,m,y\n", inst.quotas, {"addr"});
  inst.panel_size = 2;
  inst.household_rule = true;
  EXPECT_TRUE(CheckPanel(inst, {0, 2}).empty());
  std::vector<std::string> p = CheckPanel(inst, {0, 1});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "b shares a household with a");
  p = CheckPanel(inst, {1, 2});
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], "g=f: 0 selected, needs at least 1");
  EXPECT_EQ(p[1], "g=m: 2 selected, allows at most 1");
}

}  // namespace
}  // namespace wp::sortition
