#include "features/challenges/challenge.h"

#include <gtest/gtest.h>

namespace wp::challenges {
namespace {

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.message_key);
  return out;
}

TEST(ChallengeTest, ChallengeFormChecks) {
  const std::vector<std::string> boroughs = {"centrum", "schalkwijk"};
  ChallengeForm ok{"Het park onderhouden", "Zaanenpark", "schalkwijk", "Buurtgroep", "1", "2.500,50", "Anouk",
                   "anouk@example.nl"};
  CheckedChallenge good = CheckChallengeForm(ok, boroughs);
  EXPECT_TRUE(good.errors.empty());
  EXPECT_EQ(good.challenge.estimate_cents, 250050);
  EXPECT_TRUE(good.challenge.legal_entity);
  ChallengeForm bad{"", " ", "noord", "", "", "veel", "", "geen"};
  EXPECT_EQ(Fields(CheckChallengeForm(bad, boroughs).errors),
            (std::vector<std::string>{"task:challenges.error.missing", "area:challenges.error.missing",
                                      "borough:challenges.error.bad_borough", "group_name:challenges.error.missing",
                                      "estimate:challenges.error.bad_amount", "contact_name:challenges.error.missing",
                                      "contact_email:challenges.error.bad_email"}));
}

TEST(ChallengeTest, BusinessCaseLines) {
  BusinessCaseForm form{"Maaien;4000\n\n  Materiaal ; 1.250,50 \n", "6000", "Weinig vrijwilligers", "Elke week"};
  CheckedBusinessCase got = CheckBusinessCaseForm(form);
  ASSERT_TRUE(got.errors.empty());
  ASSERT_EQ(got.business_case.lines.size(), 2u);
  EXPECT_EQ(got.business_case.lines[1].description, "Materiaal");
  EXPECT_EQ(got.business_case.total_cents(), 525050);
  EXPECT_EQ(got.business_case.current_cost_cents, 600000);

  EXPECT_EQ(Fields(CheckBusinessCaseForm({"Maaien 4000", "6000", "r", "q"}).errors),
            std::vector<std::string>{"lines:challenges.error.bad_lines"})
      << "no semicolon";
  EXPECT_EQ(Fields(CheckBusinessCaseForm({";4000", "6000", "r", "q"}).errors),
            std::vector<std::string>{"lines:challenges.error.bad_lines"})
      << "no description";
  EXPECT_EQ(Fields(CheckBusinessCaseForm({"", "x", "", ""}).errors),
            (std::vector<std::string>{"lines:challenges.error.missing", "current_cost:challenges.error.bad_amount",
                                      "risks:challenges.error.missing", "quality:challenges.error.missing"}));
}

}  // namespace
}  // namespace wp::challenges
