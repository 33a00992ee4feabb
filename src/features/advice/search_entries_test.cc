// Which advice reaches the archive's search: a table over the states of a
// request and an advice, with and without confidentiality.
#include "features/advice/search_entries.h"

#include <gtest/gtest.h>

namespace wp::advice {
namespace {

AdviceRequest Request(RequestStatus status, bool confidential) {
  AdviceRequest r;
  r.id = 7;
  r.subject = "Groen op het plein";
  r.questions = "Waar moeten de bomen staan?";
  r.status = status;
  r.confidential = confidential;
  r.platform_ids = {3, 5};
  r.created_at = 1000;
  return r;
}

TEST(RequestEntriesTest, OnlyPublishedPublicRequestsInEveryPlatformAsked) {
  struct Case {
    RequestStatus status;
    bool confidential;
    size_t entries;
  };
  const Case cases[] = {
      {RequestStatus::kDraft, false, 0},
      {RequestStatus::kOpen, false, 2},
      {RequestStatus::kAdviceSubmitted, false, 2},
      {RequestStatus::kAnswered, false, 2},
      {RequestStatus::kClosed, false, 2},
      {RequestStatus::kWithdrawn, false, 0},
      {RequestStatus::kOpen, true, 0},
      {RequestStatus::kAnswered, true, 0},
  };
  for (const auto& c : cases) {
    auto entries = RequestEntries(Request(c.status, c.confidential));
    ASSERT_EQ(entries.size(), c.entries) << RequestStatusName(c.status) << " confidential=" << c.confidential;
    for (size_t i = 0; i < entries.size(); ++i) {
      EXPECT_EQ(entries[i].source, kRequestSource);
      EXPECT_EQ(entries[i].ref_id, 7);
      EXPECT_EQ(entries[i].kind, "adviesaanvraag");
      EXPECT_EQ(entries[i].title, "Groen op het plein");
      EXPECT_EQ(entries[i].body, "Waar moeten de bomen staan?");
    }
    if (entries.size() == 2) {
      EXPECT_EQ(entries[0].platform_id, 3);
      EXPECT_EQ(entries[1].platform_id, 5);
    }
  }
}

Advice AnAdvice(AdviceStatus status, bool confidential) {
  Advice a;
  a.id = 9;
  a.platform_id = 3;
  a.title = "Advies over het plein";
  a.addressee = "Wethouder Groen";
  a.points = {{1, "Plant linden.", Verdict::kAdopted, "Linden passen bij de straat."},
              {2, "Houd de markt.", Verdict::kNotOurs, "De markt is van de provincie."}};
  a.status = status;
  a.confidential = confidential;
  a.created_at = 1000;
  if (status != AdviceStatus::kDraft) a.submitted_at = 2000;
  if (status == AdviceStatus::kAnswered) a.answered_at = 3000;
  return a;
}

TEST(AdviceEntriesTest, SubmittedAdviceAndGivenAnswerUnlessConfidential) {
  struct Case {
    AdviceStatus status;
    bool confidential;
    size_t advice, answer;
  };
  const Case cases[] = {
      {AdviceStatus::kDraft, false, 0, 0},    {AdviceStatus::kSubmitted, false, 1, 0},
      {AdviceStatus::kAnswered, false, 1, 1}, {AdviceStatus::kDraft, true, 0, 0},
      {AdviceStatus::kSubmitted, true, 0, 0}, {AdviceStatus::kAnswered, true, 0, 0},
  };
  for (const auto& c : cases) {
    Advice a = AnAdvice(c.status, c.confidential);
    EXPECT_EQ(AdviceEntries(a).size(), c.advice) << AdviceStatusName(c.status) << " " << c.confidential;
    EXPECT_EQ(AnswerEntries(a).size(), c.answer) << AdviceStatusName(c.status) << " " << c.confidential;
  }
}

TEST(AdviceEntriesTest, EntriesCarryThePointsAndTheReasons) {
  Advice a = AnAdvice(AdviceStatus::kAnswered, false);
  auto advice = AdviceEntries(a);
  ASSERT_EQ(advice.size(), 1u);
  EXPECT_EQ(advice[0].source, kAdviceSource);
  EXPECT_EQ(advice[0].kind, "advies");
  EXPECT_EQ(advice[0].at, 2000);
  EXPECT_EQ(advice[0].body, "Wethouder Groen\n1. Plant linden.\n2. Houd de markt.");
  auto answer = AnswerEntries(a);
  ASSERT_EQ(answer.size(), 1u);
  EXPECT_EQ(answer[0].source, kAnswerSource);
  EXPECT_EQ(answer[0].kind, "antwoord");
  EXPECT_EQ(answer[0].at, 3000);
  EXPECT_EQ(answer[0].platform_id, 3);
  EXPECT_EQ(answer[0].body,
            "1. Plant linden.\nLinden passen bij de straat.\n2. Houd de markt.\nDe markt is van de provincie.");
}

}  // namespace
}  // namespace wp::advice
