// The archive's domain: kinds and states by name, the upload form's checks,
// the withdrawal reason, and the words taken from a search box.
#include "features/archive/document.h"

#include <gtest/gtest.h>

namespace wp::archive {
namespace {

TEST(ArchiveDocumentTest, KindsAndStatesRoundTripByName) {
  for (Kind k : kAllKinds) EXPECT_EQ(ParseKind(KindName(k)), k);
  EXPECT_EQ(KindName(Kind::kMinutes), "notulen");
  EXPECT_EQ(KindName(Kind::kAnnualReport), "jaarverslag");
  EXPECT_FALSE(ParseKind("minutes").has_value());
  EXPECT_EQ(ParseStatus(StatusName(Status::kWithdrawn)), Status::kWithdrawn);
  EXPECT_EQ(ParseEntryKind(EntryKindName(EntryKind::kWithdrawn)), EntryKind::kWithdrawn);
}

struct FormCase {
  const char* what;
  DocumentForm form;
  std::vector<std::pair<std::string, std::string>> errors;  // field, key
};

TEST(ArchiveDocumentTest, CheckDocumentFormTable) {
  const std::string long_title(kMaxTitle + 1, 'a');
  const std::vector<FormCase> cases = {
      {"fine", {" Notulen ", "notulen", "2026-11-20", "  kort "}, {}},
      {"today is fine", {"Notulen", "overig", "2026-11-23", ""}, {}},
      {"no title", {"  ", "notulen", "2026-11-20", ""}, {{"title", kMissingTitle}}},
      {"title too long", {long_title, "notulen", "2026-11-20", ""}, {{"title", kTooLong}}},
      {"unknown kind", {"Notulen", "minutes", "2026-11-20", ""}, {{"kind", kBadKind}}},
      {"no date", {"Notulen", "verslag", "", ""}, {{"date", kBadDate}}},
      {"31 November", {"Notulen", "verslag", "2026-11-31", ""}, {{"date", kBadDate}}},
      {"29 February of a common year", {"Notulen", "verslag", "2025-02-29", ""}, {{"date", kBadDate}}},
      {"29 February of a leap year", {"Notulen", "verslag", "2024-02-29", ""}, {}},
      {"tomorrow", {"Notulen", "verslag", "2026-11-24", ""}, {{"date", kFutureDate}}},
      {"description too long",
       {"Notulen", "verslag", "2026-11-20", std::string(kMaxDescription + 1, 'x')},
       {{"description", kTooLong}}},
  };
  for (const auto& c : cases) {
    CheckedDocument checked = CheckDocumentForm(c.form, "2026-11-23");
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& e : checked.errors) got.emplace_back(e.field, e.message_key);
    EXPECT_EQ(got, c.errors) << c.what;
  }
  CheckedDocument fine = CheckDocumentForm(cases[0].form, "2026-11-23");
  EXPECT_EQ(fine.document.title, "Notulen");
  EXPECT_EQ(fine.document.description, "kort");
  EXPECT_EQ(fine.document.kind, Kind::kMinutes);
}

TEST(ArchiveDocumentTest, AWithdrawalNeedsAShortEnoughReason) {
  EXPECT_EQ(CheckWithdrawReason("   ").size(), 1u);
  EXPECT_EQ(CheckWithdrawReason(std::string(kMaxReason + 1, 'x')).at(0).message_key, kTooLong);
  EXPECT_TRUE(CheckWithdrawReason("Verkeerde versie").empty());
}

TEST(ArchiveDocumentTest, SearchTermsAreLowerCaseWordsWithoutOperators) {
  EXPECT_EQ(SearchTerms("Speeltuin  BOMEN"), (std::vector<std::string>{"speeltuin", "bomen"}));
  EXPECT_EQ(SearchTerms("\"bomen\" OR * -laan: (x)'"),
            (std::vector<std::string>{"bomen", "or", "laan", "x"}));
  EXPECT_EQ(SearchTerms("Italiëlaan"), (std::vector<std::string>{"italiëlaan"}));
  EXPECT_TRUE(SearchTerms(" -*() ").empty());
  EXPECT_EQ(SearchTerms("a b c d e f g h i j").size(), 8u);
  EXPECT_EQ(SearchTerms(std::string(100, 'z')).at(0).size(), 40u);
}

}  // namespace
}  // namespace wp::archive
