// Table tests of the pure live-poll rules: join codes, the presenter's flow,
// the answer rules and the tallies.
#include "features/livepolls/poll.h"

#include <gtest/gtest.h>

#include <set>

namespace wp::livepolls {
namespace {

TEST(JoinCode, NewCodesUseTheAlphabetAndDiffer) {
  SeededRandom random(7);
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string code = NewJoinCode(random);
    ASSERT_EQ(code.size(), kJoinCodeLength);
    for (char c : code) EXPECT_NE(kJoinAlphabet.find(c), std::string_view::npos) << code;
    EXPECT_EQ(NormaliseJoinCode(code), code);
    seen.insert(code);
  }
  EXPECT_GT(seen.size(), 195u);
}

TEST(JoinCode, TypedFormsAreNormalisedAndLookAlikesRefused) {
  EXPECT_EQ(NormaliseJoinCode("qr7 k4m"), "QR7K4M");
  EXPECT_EQ(NormaliseJoinCode(" QR7-K4M "), "QR7K4M");
  for (const char* bad : {"", "QR7K4", "QR7K4MA", "QR0K4M", "QRIK4M", "QR7K4!", "ÄR7K4M"}) {
    EXPECT_FALSE(NormaliseJoinCode(bad).has_value()) << bad;
  }
}

TEST(Flow, ThePresenterStepsThroughTheQuestions) {
  PollState s;
  EXPECT_EQ(Apply(s, PollAction::kStart, 0).problem, "livepolls.flow.no_questions");
  EXPECT_EQ(Apply(s, PollAction::kNext, 2).problem, "livepolls.flow.not_allowed");
  auto started = Apply(s, PollAction::kStart, 2);
  ASSERT_TRUE(started.next);
  EXPECT_EQ(started.next->status, PollStatus::kRunning);
  EXPECT_EQ(started.next->active, 0);
  auto shown = Apply(*started.next, PollAction::kShowResults, 2);
  ASSERT_TRUE(shown.next);
  EXPECT_TRUE(shown.next->show_results);
  auto next = Apply(*shown.next, PollAction::kNext, 2);
  ASSERT_TRUE(next.next);
  EXPECT_EQ(next.next->active, 1);
  EXPECT_FALSE(next.next->show_results) << "a new question starts hidden";
  EXPECT_EQ(Apply(*next.next, PollAction::kNext, 2).problem, "livepolls.flow.last_question");
  EXPECT_EQ(Apply(*next.next, PollAction::kStart, 2).problem, "livepolls.flow.not_allowed");
  auto closed = Apply(*next.next, PollAction::kClose, 2);
  ASSERT_TRUE(closed.next);
  EXPECT_EQ(closed.next->status, PollStatus::kClosed);
  EXPECT_EQ(closed.next->active, -1);
  for (auto a : {PollAction::kStart, PollAction::kNext, PollAction::kShowResults, PollAction::kClose}) {
    EXPECT_FALSE(Apply(*closed.next, a, 2).next) << "closed is final";
  }
  EXPECT_TRUE(CanEditQuestions(PollStatus::kDraft));
  EXPECT_FALSE(CanEditQuestions(PollStatus::kRunning));
}

TEST(Names, RoundTrip) {
  for (auto k : {QuestionKind::kSingle, QuestionKind::kMultiple, QuestionKind::kScale, QuestionKind::kOpen}) {
    EXPECT_EQ(ParseKind(KindName(k)), k);
  }
  for (auto s : {PollStatus::kDraft, PollStatus::kRunning, PollStatus::kClosed}) EXPECT_EQ(ParseStatus(StatusName(s)), s);
  EXPECT_EQ(ParseAction("close"), PollAction::kClose);
  EXPECT_FALSE(ParseAction("delete"));
}

Question Choice(QuestionKind kind) {
  Question q;
  q.id = 3;
  q.poll_id = 1;
  q.position = 0;
  q.kind = kind;
  q.text = "Wat vindt u belangrijk?";
  q.options = {"Groen", "Veilig", "Schoon"};
  return q;
}

TEST(Questions, TheFormIsChecked) {
  Question q = Choice(QuestionKind::kSingle);
  EXPECT_TRUE(CheckQuestion(q, 0).empty());
  q.options = {"Groen"};
  ASSERT_EQ(CheckQuestion(q, 0).size(), 1u);
  EXPECT_EQ(CheckQuestion(q, 0)[0].key, kTooFewOptions);
  Question open = Choice(QuestionKind::kOpen);
  open.options.clear();
  EXPECT_TRUE(CheckQuestion(open, 0).empty());
  EXPECT_EQ(CheckQuestion(open, kMaxQuestions)[0].key, kTooManyQuestions);
  open.text = " ";
  EXPECT_EQ(CheckQuestion(open, 0)[0].key, kMissing);
  Question scale = Choice(QuestionKind::kScale);
  scale.scale_max = 11;
  EXPECT_EQ(CheckQuestion(scale, 0)[0].key, kBadScale);
  EXPECT_EQ(OptionLines(" Groen \n\n Veilig\r\n"), (std::vector<std::string>{"Groen", "Veilig"}));
  EXPECT_EQ(CheckPollForm("", "x").size(), 1u);
  // A meeting is named, or an activity of the platform is chosen.
  EXPECT_EQ(CheckPollForm("Groen", "").size(), 1u);
  EXPECT_TRUE(CheckPollForm("Groen", "", true).empty());
  EXPECT_TRUE(CheckPollForm("Groen", "Buurtavond").empty());
}

TEST(Answers, OnlyTheActiveQuestionOfARunningPollIsOpen) {
  Poll p;
  p.id = 1;
  Question q = Choice(QuestionKind::kSingle);
  EXPECT_EQ(QuestionOpenProblem(p, q), kPollNotRunning);
  p.status = PollStatus::kRunning;
  p.active = 0;
  EXPECT_EQ(QuestionOpenProblem(p, q), "");
  p.active = 1;
  EXPECT_EQ(QuestionOpenProblem(p, q), kQuestionClosed);
  p.status = PollStatus::kClosed;
  EXPECT_EQ(QuestionOpenProblem(p, q), kPollNotRunning);
}

TEST(Answers, ValuesAreCheckedPerKind) {
  struct Case {
    QuestionKind kind;
    std::vector<std::string> values;
    std::string value, problem;
  } cases[] = {
      {QuestionKind::kSingle, {"1"}, "1", ""},
      {QuestionKind::kSingle, {}, "", kNoChoice},
      {QuestionKind::kSingle, {"0", "2"}, "", kBadChoice},
      {QuestionKind::kSingle, {"3"}, "", kBadChoice},
      {QuestionKind::kSingle, {"-1"}, "", kBadChoice},
      {QuestionKind::kMultiple, {"2", "0", "2"}, "0,2", ""},
      {QuestionKind::kMultiple, {"x"}, "", kBadChoice},
      {QuestionKind::kScale, {"5"}, "5", ""},
      {QuestionKind::kScale, {"0"}, "", kBadChoice},
      {QuestionKind::kScale, {"6"}, "", kBadChoice},
      {QuestionKind::kOpen, {"  Meer bomen  "}, "Meer bomen", ""},
      {QuestionKind::kOpen, {"   "}, "", kEmptyText},
      {QuestionKind::kOpen, {std::string(81, 'a')}, "", kTextTooLong},
  };
  for (const auto& c : cases) {
    auto r = CheckAnswer(Choice(c.kind), c.values);
    EXPECT_EQ(r.value, c.value) << KindName(c.kind);
    EXPECT_EQ(r.problem, c.problem) << KindName(c.kind);
  }
}

TEST(Answers, TalliesCountEachChoice) {
  EXPECT_EQ(Tally(Choice(QuestionKind::kMultiple), {"0,2", "2", "1", "9", "x"}), (std::vector<int64_t>{1, 1, 2}));
  Question scale = Choice(QuestionKind::kScale);
  scale.scale_max = 3;
  EXPECT_EQ(Tally(scale, {"1", "3", "3"}), (std::vector<int64_t>{1, 0, 2}));
  EXPECT_TRUE(Tally(Choice(QuestionKind::kOpen), {"a"}).empty());
}

}  // namespace
}  // namespace wp::livepolls
