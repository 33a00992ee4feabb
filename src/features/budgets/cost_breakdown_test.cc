#include "features/budgets/cost_breakdown.h"

#include <gtest/gtest.h>

#include "features/budgets/upload_check.h"

namespace wp::budgets {
namespace {

TEST(CostBreakdownTest, TotalsInCentsAndSkipsEmptyLines) {
  auto p = ParseCostLines({{"Bankjes", "1.250,50"}, {"", ""}, {"Planten", "300"}, {"Koffie", "0,25"}});
  EXPECT_TRUE(p.problems.empty());
  ASSERT_EQ(p.lines.size(), 3u);
  EXPECT_EQ(p.lines[0].amount_cents, 125050);
  EXPECT_EQ(p.total_cents, 125050 + 30000 + 25);
  EXPECT_EQ(TotalCents(p.lines), p.total_cents);
}

TEST(CostBreakdownTest, Problems) {
  struct Case {
    std::vector<std::pair<std::string, std::string>> typed;
    CostProblem problem;
    int line;
  } cases[] = {
      {{}, CostProblem::kNoLines, 1},
      {{{"", ""}}, CostProblem::kNoLines, 1},
      {{{"", "100"}}, CostProblem::kLabelMissing, 1},
      {{{"Bank", "veel"}}, CostProblem::kAmountInvalid, 1},
      {{{"Bank", "-5"}}, CostProblem::kAmountInvalid, 1},
      {{{"Bank", "12,3456"}}, CostProblem::kAmountInvalid, 1},
      {{{"Bank", "10"}, {"Tafel", ""}}, CostProblem::kAmountMissing, 2},
      {{{"Bank", "0"}}, CostProblem::kTotalZero, 0},
  };
  for (const auto& c : cases) {
    auto p = ParseCostLines(c.typed);
    ASSERT_EQ(p.problems.size(), 1u) << CostProblemKey(c.problem);
    EXPECT_EQ(p.problems[0].problem, c.problem) << CostProblemKey(c.problem);
    EXPECT_EQ(p.problems[0].line, c.line) << CostProblemKey(c.problem);
  }
}

TEST(CostBreakdownTest, AtMostTenLines) {
  std::vector<std::pair<std::string, std::string>> typed;
  for (int i = 0; i < kMaxCostLines + 1; ++i) typed.push_back({"post", "1"});
  auto p = ParseCostLines(typed);
  ASSERT_FALSE(p.problems.empty());
  EXPECT_EQ(p.problems[0].problem, CostProblem::kTooManyLines);
}

TEST(UploadCheckTest, RecognisesByMagicBytesOnly) {
  std::string jpeg("\xFF\xD8\xFF\xE0rest", 8);
  std::string png("\x89PNG\r\n\x1A\nrest", 12);
  std::string webp("RIFF\x10\x00\x00\x00WEBPVP8 ", 16);
  EXPECT_EQ(DetectImageType(jpeg), ImageType::kJpeg);
  EXPECT_EQ(DetectImageType(png), ImageType::kPng);
  EXPECT_EQ(DetectImageType(webp), ImageType::kWebp);
  EXPECT_FALSE(DetectImageType("GIF89a......"));
  EXPECT_FALSE(DetectImageType("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"));
  EXPECT_FALSE(DetectImageType(std::string("RIFF\x10\x00\x00\x00WAVE", 12)));
  EXPECT_FALSE(DetectImageType("\xFF\xD8"));
  EXPECT_FALSE(DetectImageType(""));
}

TEST(UploadCheckTest, SizeAndEmptiness) {
  std::string png("\x89PNG\r\n\x1A\n", 8);
  EXPECT_EQ(CheckPhoto(""), UploadProblem::kEmpty);
  EXPECT_FALSE(CheckPhoto(png).has_value());
  EXPECT_FALSE(CheckPhoto(png + std::string(92, 'x'), 100).has_value());
  EXPECT_EQ(CheckPhoto(png + std::string(93, 'x'), 100), UploadProblem::kTooLarge);
  EXPECT_EQ(CheckPhoto("plain text"), UploadProblem::kNotAnImage);
  for (auto t : {ImageType::kJpeg, ImageType::kPng, ImageType::kWebp}) {
    EXPECT_EQ(ImageTypeFromExtension(ImageExtension(t)), t);
    EXPECT_TRUE(ImageContentType(t).starts_with("image/"));
  }
  EXPECT_FALSE(ImageTypeFromExtension("svg"));
}

}  // namespace
}  // namespace wp::budgets
