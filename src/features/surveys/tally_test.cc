// Results of a closed survey: counts per kind, and attacks across numbers
// that each look harmless: a mean, a mean rank, the size of a conditional
// question's group, open answers of a small group.
#include "features/surveys/tally.h"

#include <gtest/gtest.h>

namespace wp::surveys {
namespace {

Question Q(int64_t id, QuestionKind kind, std::vector<std::string> options = {"A", "B", "C"}) {
  Question q;
  q.id = id;
  q.kind = kind;
  q.text = "V";
  q.options = std::move(options);
  q.max_choices = 3;
  q.scale_points = 5;
  return q;
}

std::vector<Answers> Repeat(std::vector<Answers> out, const Answers& a, int times) {
  for (int i = 0; i < times; ++i) out.push_back(a);
  return out;
}

TEST(Tally, SingleChoiceWithNoAnswerCell) {
  Questionnaire qn{{Q(1, QuestionKind::kSingle)}};
  std::vector<Answers> rs = Repeat({}, {{1, {{0}}}}, 25);
  rs = Repeat(rs, {{1, {{1}}}}, 12);
  rs = Repeat(rs, {{1, {{2}}}}, 3);
  rs = Repeat(rs, {}, 11);
  SurveyResults r = Tally(qn, rs);
  EXPECT_EQ(r.responses.total, 51);
  const Table& t = r.questions[0].main;
  ASSERT_EQ(t.cells.size(), 4u);
  EXPECT_EQ(t.cells[0].count, 25);
  EXPECT_TRUE(t.cells[0].shown);
  EXPECT_FALSE(t.cells[2].shown);  // 3
  EXPECT_FALSE(t.cells[3].shown);  // 11, hidden with the 3 (the smallest shown cell)
  EXPECT_TRUE(t.cells[1].shown);
}

TEST(Tally, FewerThanTenResponsesShowNothing) {
  Questionnaire qn{{Q(1, QuestionKind::kSingle)}};
  SurveyResults r = Tally(qn, Repeat({}, {{1, {{0}}}}, 9));
  EXPECT_FALSE(r.responses.total_shown);
  EXPECT_FALSE(r.questions[0].main.total_shown);
  EXPECT_FALSE(r.questions[0].main.cells[0].shown);
}

TEST(Tally, MeanHiddenWhenItWouldRevealHiddenCells) {
  // Scale 1..5: 4 people chose 1 and 8 chose 2 (hidden); mean * n minus the shown
  // cells would give 1*a + 2*b with a + b = 12: both cells. So no mean.
  Questionnaire qn{{Q(1, QuestionKind::kScale)}};
  std::vector<Answers> rs = Repeat({}, {{1, {{}, 1}}}, 4);
  rs = Repeat(rs, {{1, {{}, 2}}}, 8);
  rs = Repeat(rs, {{1, {{}, 4}}}, 20);
  rs = Repeat(rs, {{1, {{}, 5}}}, 30);
  SurveyResults hidden = Tally(qn, rs);
  EXPECT_TRUE(hidden.questions[0].main.AnyHidden());
  EXPECT_FALSE(hidden.questions[0].mean.has_value());

  std::vector<Answers> big = Repeat({}, {{1, {{}, 1}}}, 10);
  for (int v = 2; v <= 5; ++v) big = Repeat(big, {{1, {{}, v}}}, 10);
  SurveyResults shown = Tally(qn, big);
  ASSERT_TRUE(shown.questions[0].mean.has_value());
  EXPECT_DOUBLE_EQ(*shown.questions[0].mean, 3.0);
}

TEST(Tally, MeanRankOfTwoOptionsWouldRevealFirstPlaces) {
  Questionnaire qn{{Q(1, QuestionKind::kRanking, {"A", "B"})}};
  std::vector<Answers> rs = Repeat({}, {{1, {{0, 1}}}}, 30);
  rs = Repeat(rs, {{1, {{1, 0}}}}, 4);
  SurveyResults r = Tally(qn, rs);
  EXPECT_TRUE(r.questions[0].main.AnyHidden());
  EXPECT_TRUE(r.questions[0].mean_ranks.empty());

  rs = Repeat(rs, {{1, {{1, 0}}}}, 10);
  SurveyResults enough = Tally(qn, rs);
  ASSERT_EQ(enough.questions[0].mean_ranks.size(), 2u);
  EXPECT_NEAR(enough.questions[0].mean_ranks[0], (30 * 1 + 14 * 2) / 44.0, 1e-9);
}

TEST(Tally, ConditionalQuestionHiddenWhenItsGroupIsHidden) {
  // A: 30 "A", 12 "B" (hidden with the 4 "C"), follow-up only after "B", required.
  // Showing the follow-up's total (12) would reveal B and then C = 46 - 30 - 12.
  Question a = Q(1, QuestionKind::kSingle);
  Question b = Q(2, QuestionKind::kSingle, {"Ja", "Nee"});
  b.condition = Condition{1, 1};
  b.required = true;
  Questionnaire qn{{a, b}};
  std::vector<Answers> rs = Repeat({}, {{1, {{0}}}}, 30);
  rs = Repeat(rs, {{1, {{1}}}, {2, {{0}}}}, 12);
  rs = Repeat(rs, {{1, {{2}}}}, 4);
  SurveyResults r = Tally(qn, rs);
  ASSERT_FALSE(r.questions[0].main.cells[1].shown);
  EXPECT_FALSE(r.questions[1].main.total_shown);
  for (const auto& c : r.questions[1].main.cells) EXPECT_FALSE(c.shown);

  // With enough people in every group the follow-up is shown.
  rs = Repeat(rs, {{1, {{2}}}}, 10);
  SurveyResults ok = Tally(qn, rs);
  EXPECT_TRUE(ok.questions[1].main.total_shown);
  EXPECT_EQ(ok.questions[1].main.total, 12);
}

TEST(Tally, MultipleChoicePerOptionAndOpenTexts) {
  Question m = Q(1, QuestionKind::kMultiple);
  Question o = Q(2, QuestionKind::kOpen);
  o.max_length = 100;
  Questionnaire qn{{m, o}};
  std::vector<Answers> rs = Repeat({}, {{1, {{0, 1}}}, {2, {{}, 0, "x"}}}, 20);
  rs = Repeat(rs, {{1, {{0}}}}, 15);
  rs = Repeat(rs, {{1, {{0, 2}}}}, 3);
  SurveyResults r = Tally(qn, rs);
  const auto& per = r.questions[0].per_option;
  ASSERT_EQ(per.size(), 3u);
  EXPECT_EQ(per[0].cells[0].count, 38);
  EXPECT_TRUE(per[0].cells[0].shown);       // 38 chose A, 0 did not: a 0 names no one
  EXPECT_TRUE(per[1].cells[0].shown);       // 20 of 38
  EXPECT_FALSE(per[2].cells[0].shown);      // 3
  EXPECT_TRUE(r.questions[1].texts_shown);  // 20 answered
  std::vector<Answers> few = Repeat({}, {{2, {{}, 0, "x"}}}, 5);
  few = Repeat(few, {}, 20);
  EXPECT_FALSE(Tally(qn, few).questions[1].texts_shown);
}

}  // namespace
}  // namespace wp::surveys
