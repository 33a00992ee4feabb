#include "features/contracts/contract.h"

#include <gtest/gtest.h>

#include "core/time/format.h"

namespace wp::contracts {
namespace {

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.message_key);
  return out;
}

TEST(ContractTest, NamesRoundTrip) {
  for (auto s : {ContractStatus::kDraft, ContractStatus::kSigned, ContractStatus::kReviewed}) {
    EXPECT_EQ(ParseContractStatus(ContractStatusName(s)), s);
  }
  for (auto k : kAllPartyKinds) EXPECT_EQ(ParsePartyKind(PartyKindName(k)), k);
  for (auto s : kAllCommitmentStatuses) EXPECT_EQ(ParseCommitmentStatus(CommitmentStatusName(s)), s);
  EXPECT_FALSE(ParsePartyKind("alderman"));
  EXPECT_FALSE(ParseCommitmentStatus(""));
}

TEST(ContractTest, ContractFormChecks) {
  struct Row {
    ContractForm form;
    std::vector<std::string> errors;
  };
  const Row kTable[] = {
      {{"2027", "Wijkcontract Boerhaavewijk 2027", "Samira", "gv@haarlem.nl"}, {}},
      {{" 2027 ", "  Titel  ", "Samira", " gv@haarlem.nl "}, {}},
      {{"", "", "", ""},
       {"year:contracts.error.bad_year", "title:contracts.error.missing_title",
        "contact_name:contracts.error.missing_contact", "contact_email:contracts.error.bad_email"}},
      {{"2019", "T", "S", "gv@haarlem.nl"}, {"year:contracts.error.bad_year"}},
      {{"2101", "T", "S", "gv@haarlem.nl"}, {"year:contracts.error.bad_year"}},
      {{"twee", "T", "S", "geen-adres"}, {"year:contracts.error.bad_year", "contact_email:contracts.error.bad_email"}},
      {{"2027", std::string(201, 'x'), "S", "gv@haarlem.nl"}, {"title:contracts.error.too_long"}},
  };
  for (const auto& row : kTable) {
    CheckedContract got = CheckContractForm(row.form);
    EXPECT_EQ(Fields(got.errors), row.errors) << row.form.title;
    if (row.errors.empty()) {
      EXPECT_EQ(got.contract.year, 2027);
      EXPECT_EQ(got.contract.municipal_contact_email, "gv@haarlem.nl");
      EXPECT_NE(got.contract.title.front(), ' ') << "trimmed";
    }
  }
}

TEST(ContractTest, CommitmentFormChecks) {
  time::TimeZone zone = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  CommitmentForm ok{"4",    "Elke maand een schouw", "department", "Openbare Ruimte",
                    "Kees", "kees@haarlem.nl",       "2027-06-30"};
  CheckedCommitment good = CheckCommitmentForm(ok, 2027, zone);
  ASSERT_TRUE(good.errors.empty()) << good.errors.front().message_key;
  EXPECT_EQ(good.commitment.theme_id, 4);
  EXPECT_EQ(good.commitment.party, PartyKind::kDepartment);
  EXPECT_EQ(time::LastDayInputValue(zone, good.commitment.due_at), "2027-06-30");
  EXPECT_EQ(time::DateInputValue(zone, good.commitment.due_at), "2027-07-01") << "exclusive end of the day";

  struct Row {
    const char* why;
    CommitmentForm form;
    std::vector<std::string> errors;
  };
  const Row kTable[] = {
      {"next year is allowed", {"4", "T", "partner", "Elan", "O", "o@elan.nl", "2028-12-31"}, {}},
      {"before the year",
       {"4", "T", "platform", "WP", "O", "o@wp.nl", "2026-12-31"},
       {"due:contracts.error.outside_year"}},
      {"two years on",
       {"4", "T", "platform", "WP", "O", "o@wp.nl", "2029-01-01"},
       {"due:contracts.error.outside_year"}},
      {"not a date", {"4", "T", "platform", "WP", "O", "o@wp.nl", "2027-02-30"}, {"due:contracts.error.bad_date"}},
      {"everything missing",
       {"", "", "", "", "", "", ""},
       {"theme_id:contracts.error.missing_theme", "text:contracts.error.missing_text",
        "party:contracts.error.bad_party", "party_name:contracts.error.missing_party",
        "owner_name:contracts.error.missing_owner", "owner_email:contracts.error.bad_email",
        "due:contracts.error.bad_date"}},
      {"unknown party", {"4", "T", "alderman", "W", "O", "o@wp.nl", "2027-01-01"}, {"party:contracts.error.bad_party"}},
  };
  for (const auto& row : kTable) {
    EXPECT_EQ(Fields(CheckCommitmentForm(row.form, 2027, zone).errors), row.errors) << row.why;
  }
}

TEST(ContractTest, DocumentsArePdfsWithCleanNames) {
  EXPECT_EQ(CheckDocument("%PDF-1.7\n..."), std::nullopt);
  EXPECT_EQ(CheckDocument("GIF89a"), kNotPdf);
  EXPECT_EQ(CheckDocument(""), kNotPdf);
  EXPECT_EQ(CheckDocument("%PDF-" + std::string(kMaxDocumentBytes, 'x')), kDocumentTooLarge);
  const std::pair<const char*, const char*> kNames[] = {
      {"verslag.pdf", "verslag.pdf"},
      {"../../etc/Bon levering.PDF", "Bon_levering.pdf"},
      {"C:\\Users\\x\\foto's.pdf", "foto_s.pdf"},
      {"\"quoted\".pdf", "quoted_.pdf"},
      {"", "document.pdf"},
      {"...", "document.pdf"},
  };
  for (const auto& [in, want] : kNames) EXPECT_EQ(CleanDocumentName(in), want) << in;
}

}  // namespace
}  // namespace wp::contracts
