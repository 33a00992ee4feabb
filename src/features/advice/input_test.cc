#include "features/advice/input.h"

#include <gtest/gtest.h>

#include "features/advice/advice.h"

namespace wp::advice {
namespace {

class InputTest : public ::testing::Test {
 protected:
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  const int64_t now_ = 1795455000;  // Monday 23 November 2026, 18:30 in Haarlem
};

TEST_F(InputTest, ARoundNeedsAQuestionAndAClosingDateNotInThePast) {
  struct Row {
    const char* what;
    RoundForm form;
    std::vector<std::string> errors;  // "field:key"
  };
  const Row kTable[] = {
      {"fine", {"Wat vindt u?", "2026-12-14"}, {}},
      {"today is fine", {"Wat vindt u?", "2026-11-23"}, {}},
      {"yesterday", {"Wat vindt u?", "2026-11-22"}, {"closes:advice.error.past_closing"}},
      {"no date", {"Wat vindt u?", ""}, {"closes:advice.error.bad_date"}},
      {"not a date", {"Wat vindt u?", "2026-02-30"}, {"closes:advice.error.bad_date"}},
      {"no question", {"  ", "2026-12-14"}, {"question:advice.error.missing_question"}},
      {"too long", {std::string(kMaxQuestionBytes + 1, 'x'), "2026-12-14"}, {"question:advice.error.too_long"}},
  };
  for (const auto& row : kTable) {
    CheckedRound got = CheckRoundForm(row.form, zone_, now_);
    std::vector<std::string> errors;
    for (const auto& e : got.errors) errors.push_back(e.field + ":" + e.message_key);
    EXPECT_EQ(errors, row.errors) << row.what;
  }
  CheckedRound ok = CheckRoundForm({"  Wat vindt u?  ", "2026-12-14"}, zone_, now_);
  EXPECT_EQ(ok.round.question, "Wat vindt u?");
  EXPECT_EQ(ok.round.closes_at, 1797289200) << "the midnight after 14 December, in Haarlem";
  EXPECT_TRUE(IsRoundOpen(ok.round, 1797289199));
  EXPECT_FALSE(IsRoundOpen(ok.round, 1797289200));
}

TEST_F(InputTest, AReactionIsTextOfLimitedLength) {
  EXPECT_TRUE(CheckReaction("Meer bankjes graag.").empty());
  ASSERT_EQ(CheckReaction(" \n ").size(), 1u);
  EXPECT_EQ(CheckReaction(" \n ")[0].message_key, kMissingReaction);
  ASSERT_EQ(CheckReaction(std::string(kMaxReactionBytes + 1, 'x')).size(), 1u);
  EXPECT_EQ(CheckReaction(std::string(kMaxReactionBytes + 1, 'x'))[0].message_key, kTooLong);
  EXPECT_EQ(CheckReaction("\xff\xfe").size(), 1u) << "not UTF-8";
}

TEST_F(InputTest, AnAttachmentKeepsAShortPdfNameWithoutFolders) {
  struct Row {
    std::string uploaded, expected;
  };
  const Row kTable[] = {
      {"plan.pdf", "plan.pdf"},
      {"Plan.PDF", "Plan.pdf"},
      {"C:\\Users\\x\\Kaart wijk.pdf", "Kaart wijk.pdf"},
      {"../../etc/passwd", "passwd.pdf"},
      {"a\"b\r\n.pdf", "ab.pdf"},
      {"", "bijlage.pdf"},
      {".pdf", "bijlage.pdf"},
      {"\xff.pdf", "bijlage.pdf"},
      {std::string(200, 'a') + ".pdf", std::string(kMaxAttachmentNameBytes - 4, 'a') + ".pdf"},
  };
  for (const auto& row : kTable) EXPECT_EQ(AttachmentName(row.uploaded), row.expected) << row.uploaded;
  // A cut never leaves half a character: 'é' is two bytes.
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "\xc3\xa9";
  std::string cut = AttachmentName(long_name);
  EXPECT_LE(cut.size(), kMaxAttachmentNameBytes);
  EXPECT_EQ(cut.size(), 116u + 4u);
}

TEST_F(InputTest, SizesAreWholeKilobytesRoundedUp) {
  EXPECT_EQ(SizeInKilobytes(1), 1);
  EXPECT_EQ(SizeInKilobytes(1024), 1);
  EXPECT_EQ(SizeInKilobytes(1025), 2);
  EXPECT_EQ(SizeInKilobytes(10 * 1024 * 1024), 10240);
}

}  // namespace
}  // namespace wp::advice
