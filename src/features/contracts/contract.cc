#include "features/contracts/contract.h"

#include "core/strings.h"
#include "core/time/format.h"

namespace wp::contracts {

std::string_view SideName(Side s) { return s == Side::kPlatform ? "platform" : "municipality"; }

std::string_view ContractStatusName(ContractStatus s) {
  switch (s) {
    case ContractStatus::kDraft:
      return "draft";
    case ContractStatus::kSigned:
      return "signed";
    case ContractStatus::kReviewed:
      return "reviewed";
  }
  return "draft";
}

std::optional<ContractStatus> ParseContractStatus(std::string_view name) {
  for (auto s : {ContractStatus::kDraft, ContractStatus::kSigned, ContractStatus::kReviewed}) {
    if (ContractStatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view PartyKindName(PartyKind k) {
  switch (k) {
    case PartyKind::kDepartment:
      return "department";
    case PartyKind::kPlatform:
      return "platform";
    case PartyKind::kPartner:
      return "partner";
  }
  return "department";
}

std::optional<PartyKind> ParsePartyKind(std::string_view name) {
  for (auto k : kAllPartyKinds) {
    if (PartyKindName(k) == name) return k;
  }
  return std::nullopt;
}

std::string_view CommitmentStatusName(CommitmentStatus s) {
  switch (s) {
    case CommitmentStatus::kAgreed:
      return "agreed";
    case CommitmentStatus::kInProgress:
      return "in_progress";
    case CommitmentStatus::kDone:
      return "done";
    case CommitmentStatus::kDropped:
      return "dropped";
  }
  return "agreed";
}

std::optional<CommitmentStatus> ParseCommitmentStatus(std::string_view name) {
  for (auto s : kAllCommitmentStatuses) {
    if (CommitmentStatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view EvidenceKindName(EvidenceKind k) { return k == EvidenceKind::kPhoto ? "photo" : "document"; }

std::optional<EvidenceKind> ParseEvidenceKind(std::string_view name) {
  if (name == "photo") return EvidenceKind::kPhoto;
  if (name == "document") return EvidenceKind::kDocument;
  return std::nullopt;
}

std::optional<std::string> CheckDocument(std::string_view data) {
  if (data.size() > kMaxDocumentBytes) return std::string(kDocumentTooLarge);
  if (!LooksLikePdf(data)) return std::string(kNotPdf);
  return std::nullopt;
}

std::string CheckText(std::string_view value, const char* field, const char* missing_key, size_t max,
                      std::vector<FieldError>& errors) {
  std::string_view t = Trim(value);
  if (t.empty()) {
    errors.push_back({field, missing_key});
  } else if (t.size() > max || !IsValidUtf8(t)) {
    errors.push_back({field, kTooLong, {{"max", static_cast<int64_t>(max)}}});
  }
  return std::string(t);
}

CheckedContract CheckContractForm(const ContractForm& form) {
  CheckedContract out;
  auto year = ParseId(Trim(form.year));
  if (!year || *year < kMinYear || *year > kMaxYear) {
    out.errors.push_back({"year", kBadYear, {{"min", std::to_string(kMinYear)}, {"max", std::to_string(kMaxYear)}}});
  } else {
    out.contract.year = static_cast<int>(*year);
  }
  out.contract.title = CheckText(form.title, "title", kMissingTitle, kMaxTitleBytes, out.errors);
  out.contract.municipal_contact_name =
      CheckText(form.contact_name, "contact_name", kMissingContact, kMaxTitleBytes, out.errors);
  std::string email(Trim(form.contact_email));
  if (!IsPlausibleEmail(email)) out.errors.push_back({"contact_email", kBadEmail});
  out.contract.municipal_contact_email = email;
  return out;
}

CheckedCommitment CheckCommitmentForm(const CommitmentForm& form, int year, const time::TimeZone& zone) {
  CheckedCommitment out;
  Commitment& c = out.commitment;
  auto theme = ParseId(Trim(form.theme_id));
  if (!theme) {
    out.errors.push_back({"theme_id", kMissingTheme});
  } else {
    c.theme_id = *theme;
  }
  c.text = CheckText(form.text, "text", kMissingText, kMaxTextBytes, out.errors);
  auto party = ParsePartyKind(Trim(form.party));
  if (!party) {
    out.errors.push_back({"party", kBadParty});
  } else {
    c.party = *party;
  }
  c.party_name = CheckText(form.party_name, "party_name", kMissingParty, kMaxTitleBytes, out.errors);
  c.owner_name = CheckText(form.owner_name, "owner_name", kMissingOwner, kMaxTitleBytes, out.errors);
  c.owner_email = std::string(Trim(form.owner_email));
  if (!IsPlausibleEmail(c.owner_email)) out.errors.push_back({"owner_email", kBadEmail});
  auto due = time::ParseDateInput(form.due);
  if (!due) {
    out.errors.push_back({"due", kBadDate});
  } else if (due->year < year || due->year > year + 1) {
    // A commitment of a year's contract is due in that year or, for longer
    // work, the next.
    out.errors.push_back({"due", kOutsideYear, {{"year", std::to_string(year)}, {"next", std::to_string(year + 1)}}});
  } else {
    c.due_at = time::EndOfDay(zone, *due);
  }
  return out;
}

}  // namespace wp::contracts
