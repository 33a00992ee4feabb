#include "features/advice/advice.h"

#include <gtest/gtest.h>

namespace wp::advice {
namespace {

class RequestFormTest : public ::testing::Test {
 protected:
  static RequestForm Good() {
    RequestForm f;
    f.subject = "Herinrichting Floris van Adrichemlaan";
    f.questions = "Wat vindt u van de plannen?\n\nWaar moet extra groen komen?";
    f.level = "advise";
    f.deadline = "2027-01-15";
    f.contact_name = "Samira de Vries";
    f.contact_email = "samira@haarlem.example";
    f.platform_ids = {3};
    return f;
  }
  CheckedRequest Check(const RequestForm& f) { return CheckRequestForm(f, zone_, days_, kNow); }
  static constexpr int64_t kNow = 1795455000;  // Monday 23 November 2026 18:30 local
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  time::WorkingDays days_;
};

TEST_F(RequestFormTest, AGoodFormGivesADraftRequest) {
  CheckedRequest c = Check(Good());
  ASSERT_TRUE(c.errors.empty());
  EXPECT_EQ(c.request.subject, "Herinrichting Floris van Adrichemlaan");
  EXPECT_EQ(c.request.level, ParticipationLevel::kAdvise);
  EXPECT_EQ(c.request.status, RequestStatus::kDraft);
  // 15 January 2027 up to and including: ends at 16 January 00:00 local (CET).
  EXPECT_EQ(c.request.deadline_at, 1799103600 + 11 * 86400);
  EXPECT_EQ(c.request.platform_ids, std::vector<int64_t>{3});
}

TEST_F(RequestFormTest, APlatformTickedTwiceIsAskedOnce) {
  RequestForm f = Good();
  f.platform_ids = {7, 3, 7, 3};
  CheckedRequest c = Check(f);
  ASSERT_TRUE(c.errors.empty());
  EXPECT_EQ(c.request.platform_ids, (std::vector<int64_t>{3, 7}));
}

TEST_F(RequestFormTest, AnEmptyDeadlineTakesSixWeeks) {
  RequestForm f = Good();
  f.deadline = " ";
  EXPECT_EQ(Check(f).request.deadline_at, 1799103600);
}

TEST_F(RequestFormTest, BadFieldsAreNamed) {
  struct Case {
    const char* what;
    void (*change)(RequestForm&);
    const char* field;
    const char* key;
  };
  const Case kCases[] = {
      {"no subject", [](RequestForm& f) { f.subject = "  "; }, "subject", kMissingSubject},
      {"long subject", [](RequestForm& f) { f.subject = std::string(201, 'a'); }, "subject", kTooLong},
      {"no questions", [](RequestForm& f) { f.questions = ""; }, "questions", kMissingQuestions},
      {"bad level", [](RequestForm& f) { f.level = "shout"; }, "level", kBadLevel},
      {"bad date", [](RequestForm& f) { f.deadline = "2027-02-30"; }, "deadline", kBadDate},
      {"past date", [](RequestForm& f) { f.deadline = "2026-11-22"; }, "deadline", kPastDeadline},
      {"no contact", [](RequestForm& f) { f.contact_name = ""; }, "contact_name", kMissingContact},
      {"bad e-mail", [](RequestForm& f) { f.contact_email = "samira at haarlem"; }, "contact_email", kBadEmail},
      {"secret without reason", [](RequestForm& f) { f.confidential = true; }, "confidential_reason", kMissingReason},
      {"no platform", [](RequestForm& f) { f.platform_ids.clear(); }, "platforms", kNoPlatform},
  };
  for (const auto& c : kCases) {
    RequestForm f = Good();
    c.change(f);
    auto checked = Check(f);
    ASSERT_EQ(checked.errors.size(), 1u) << c.what;
    EXPECT_EQ(checked.errors[0].field, c.field) << c.what;
    EXPECT_EQ(checked.errors[0].message_key, c.key) << c.what;
  }
}

TEST_F(RequestFormTest, TodayIsStillAllowedAndAReasonIsKeptOnlyWhenConfidential) {
  RequestForm f = Good();
  f.deadline = "2026-11-23";
  EXPECT_TRUE(Check(f).errors.empty()) << "the deadline runs to the end of today";
  f.confidential_reason = "Grondaankoop";
  EXPECT_EQ(Check(f).request.confidential_reason, "");
  f.confidential = true;
  EXPECT_EQ(Check(f).request.confidential_reason, "Grondaankoop");
}

TEST(SplitPointsTest, ParagraphsBecomeNumberedPoints) {
  auto points =
      SplitPoints("1. Meer bomen\r\nlangs de laan.\r\n\r\n\r\n2) Een zebrapad bij de school\n\n  \n Minder parkeren ");
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[0].number, 1);
  EXPECT_EQ(points[0].text, "Meer bomen\nlangs de laan.");
  EXPECT_EQ(points[1].text, "Een zebrapad bij de school");
  EXPECT_EQ(points[2].number, 3);
  EXPECT_EQ(points[2].text, "Minder parkeren");
  EXPECT_TRUE(SplitPoints(" \n\n ").empty());
  EXPECT_EQ(SplitPoints("2026 wordt beter")[0].text, "2026 wordt beter") << "only a number with . or ) is dropped";
}

TEST(AdviceFormTest, ChecksTitlePointsAddresseeAndCounts) {
  AdviceForm good{"Advies over de laan", "Meer bomen\n\nEen zebrapad", "", "Twee avonden in het buurthuis", "2", "85"};
  auto ok = CheckAdviceForm(good, false);
  ASSERT_TRUE(ok.errors.empty());
  EXPECT_EQ(ok.advice.points.size(), 2u);
  EXPECT_EQ(ok.advice.meetings_held, 2);
  EXPECT_EQ(ok.advice.people_reached, 85);
  EXPECT_EQ(ok.advice.status, AdviceStatus::kDraft);

  auto unsolicited = CheckAdviceForm(good, true);
  ASSERT_EQ(unsolicited.errors.size(), 1u);
  EXPECT_EQ(unsolicited.errors[0].field, "addressee");
  good.addressee = "Wethouder Verkeer";
  EXPECT_EQ(CheckAdviceForm(good, true).advice.addressee, "Wethouder Verkeer");

  AdviceForm bad{"", "\n\n", "", "", "twee", "-1"};
  auto checked = CheckAdviceForm(bad, false);
  std::vector<std::string> fields;
  for (const auto& e : checked.errors) fields.push_back(e.field + ":" + e.message_key);
  EXPECT_EQ(fields, (std::vector<std::string>{"title:advice.error.missing_title", "points:advice.error.no_points",
                                              "meetings_held:advice.error.bad_count",
                                              "people_reached:advice.error.bad_count"}));
  std::string many;
  for (size_t i = 0; i <= kMaxPoints; ++i) many += "punt\n\n";
  EXPECT_EQ(CheckAdviceForm({"t", many, "", "", "", ""}, false).errors[0].message_key, kTooManyPoints);
}

TEST(AnswerTest, EveryPointNeedsAVerdictAndAReason) {
  std::vector<AdvicePoint> out;
  auto errors = CheckAnswer({{"adopted", "Doen we"}, {"maybe", ""}}, 3, &out);
  std::vector<std::string> fields;
  for (const auto& e : errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"verdict_2", "reason_2", "verdict_3", "reason_3"}));
  EXPECT_TRUE(out.empty()) << "nothing parsed while there are errors";
  ASSERT_TRUE(CheckAnswer({{"adopted", "Doen we"}, {"not_ours", " Provincie "}}, 2, &out).empty());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].verdict, Verdict::kNotOurs);
  EXPECT_EQ(out[1].reason, "Provincie");
  EXPECT_EQ(out[1].number, 2);
}

}  // namespace
}  // namespace wp::advice
