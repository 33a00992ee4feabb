// ContractCommands: the use cases of neighbourhood contracts: the kernteam
// and the gebiedsverbinder draft a contract together (themes, commitments),
// each side approves, the contract is signed and frozen once both have;
// afterwards progress updates with evidence, amendments with a reason, the
// reminders before due dates, the overdue list, and the year review that
// starts next year's contract. Each change runs in one transaction with its
// history line and the e-mails it causes (outbox). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/accounts/roles.h"
#include "features/contracts/contract.h"
#include "features/contracts/contract_flow.h"
#include "features/contracts/contract_store.h"
#include "features/contracts/permissions.h"
#include "features/platforms/directory.h"

namespace wp::contracts {

struct ContractSettings {
  std::string base_url = "http://127.0.0.1:8080";  // absolute links in e-mails
  std::string site_name = "Wijkplatform Haarlem";  // e-mail subjects
  int reminder_days = kReminderDays;               // days before a due date the owner is reminded
};

// A contract with everything its pages show.
struct ContractView {
  Contract contract;
  platforms::Platform platform;
  std::vector<Theme> themes;
  std::vector<Commitment> commitments;
  std::vector<Amendment> amendments;  // with actor names
  std::vector<HistoryEntry> history;  // with actor names
};

struct CommitmentView {
  Contract contract;
  platforms::Platform platform;
  Theme theme;
  Commitment commitment;
  std::vector<Update> updates;        // with actor names
  std::vector<Amendment> amendments;  // of this commitment, with actor names
};

// An overdue commitment with its contract and platform (the officials' list).
struct OverdueItem {
  Commitment commitment;
  Contract contract;
  platforms::Platform platform;
};

// A progress update as sent: the status, the text, and optionally a photo
// and a document (the uploaded bytes; empty when none).
struct ReportForm {
  std::string status, text;
  std::string photo;
  std::string document, document_name;
};

// The amendment form of a signed commitment as typed.
struct AmendForm {
  std::string text, owner_name, owner_email, due, reason;
};

class ContractCommands {
 public:
  ContractCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
                   const platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                   const time::TimeZone& zone, ContractSettings settings);

  const time::TimeZone& zone() const { return zone_; }
  const platforms::PlatformDirectory& directory() const { return directory_; }
  int64_t Now() const { return clock_.NowUnixSeconds(); }

  // Creates a draft contract of platform `p`. Errors: kForbidden
  // (contracts.error.forbidden) when `user` is neither side; kInvalidInput
  // with the fields to correct (CheckContractForm); kConflict
  // (contracts.error.year_taken) when `p` has a contract for that year.
  Result<int64_t> CreateContract(const auth::User& user, const platforms::Platform& p, const ContractForm& form);
  // Adds a theme to a draft (both approvals are cleared). Errors: kNotFound,
  // kForbidden, kConflict (contracts.flow.not_draft), kInvalidInput ("name").
  Result<int64_t> AddTheme(const auth::User& user, int64_t contract_id, const std::string& name);
  // Adds a commitment. To a draft: the approvals are cleared. To a signed
  // contract: an amendment, `reason` required (field "reason"). Errors:
  // kNotFound, kForbidden, kConflict (contracts.flow.not_draft for a reviewed
  // one), kInvalidInput with the fields to correct (CheckCommitmentForm;
  // "theme_id" contracts.error.missing_theme for a theme of another contract).
  Result<int64_t> AddCommitment(const auth::User& user, int64_t contract_id, const CommitmentForm& form,
                                const std::string& reason);
  // Approves a draft for `user`'s side; once both sides have, the contract
  // is signed: frozen (signed_version) and public. The other side (both, on
  // signing) gets an e-mail. Returns true when this approval signed it.
  // Errors: kNotFound, kForbidden, kConflict (contracts.flow.*).
  Result<bool> Approve(const auth::User& user, int64_t contract_id);
  // A progress update on a commitment of a signed contract: a new status
  // (or the same, for news), a text, and as evidence a photo (re-encoded
  // without metadata, core/image/photo.h) and a PDF document. Errors:
  // kNotFound, kForbidden, kConflict (contracts.flow.*), kInvalidInput
  // ("status", "text"; "photo" web.photo.*; "document" CheckDocument's keys).
  Result<void> Report(const auth::User& user, int64_t commitment_id, const ReportForm& form);
  // Changes a commitment of a signed contract (text, owner, due date) with a
  // reason; both sides get an e-mail. Errors: kNotFound, kForbidden,
  // kConflict, kInvalidInput (the fields; "reason"; "text"
  // contracts.error.nothing_changed when nothing differs).
  Result<void> Amend(const auth::User& user, int64_t commitment_id, const AmendForm& form);
  // Writes the year review of a signed contract: signed -> reviewed; both
  // sides get an e-mail. Errors: kNotFound, kForbidden, kConflict,
  // kInvalidInput ("review").
  Result<void> WriteReview(const auth::User& user, int64_t contract_id, const std::string& review);
  // Starts next year's draft from a reviewed contract: the same themes and
  // the unfinished commitments, due on the same day a year later. Errors:
  // kNotFound, kForbidden, kConflict (contracts.flow.not_reviewed,
  // contracts.error.year_taken).
  Result<int64_t> StartNextYear(const auth::User& user, int64_t contract_id);
  // Mails the owner of every commitment due within reminder_days days that
  // has no reminder for its due date yet; returns how many were sent.
  Result<int> SendReminders(int max = 200);

  // Whether `user` (nullopt: a visitor) may read `c`: signed and reviewed
  // contracts are public, a draft is for the two sides.
  bool MayRead(const std::optional<auth::User>& user, const Contract& c, const platforms::Platform& p) const;
  // The contract with its themes, commitments, amendments and history.
  // Errors: kNotFound (contracts.contract.not_found), also when `user` may not read it.
  Result<ContractView> ContractOf(const std::optional<auth::User>& user, int64_t contract_id) const;
  // One commitment with its updates. Errors as ContractOf.
  Result<CommitmentView> CommitmentOf(const std::optional<auth::User>& user, int64_t commitment_id) const;
  // Contracts `user` may read, newest year first; `platform_id` > 0: of that platform only.
  Result<std::vector<Contract>> Contracts(const std::optional<auth::User>& user, int64_t platform_id) const;
  // A file of a progress update, with its bytes. Errors: kNotFound
  // (contracts.evidence.not_found), also when `user` may not read the contract.
  Result<ContractStore::StoredEvidence> EvidenceOf(const std::optional<auth::User>& user, int64_t evidence_id) const;
  // Overdue commitments of signed contracts `user` sees as the municipality, earliest due first.
  Result<std::vector<OverdueItem>> Overdue(const auth::User& user) const;
  // The municipality's commitments (party: a department) in signed contracts
  // of platform `platform_id` (0: every platform): the seam for a promises
  // log, which does not exist yet.
  Result<std::vector<Commitment>> MunicipalCommitments(int64_t platform_id) const;

  std::string PlatformName(int64_t platform_id) const;
  std::string ContractUrl(int64_t id) const { return settings_.base_url + "/wijkcontract/" + std::to_string(id); }

 private:
  // Loads a contract and its platform for a change by `user` that needs
  // `action`. Errors: kNotFound (also when `user` may not read it), kForbidden.
  Result<ContractView> LoadForChange(db::Connection& c, const auth::User& user, int64_t contract_id,
                                     Action action) const;
  Result<void> ClearApprovals(db::Connection& c, Contract& k);
  Result<void> Sign(db::Connection& c, const auth::User& user, ContractView& v, int64_t now);
  Result<void> Mail(db::Connection& c, const std::string& to, const std::string& locale, const std::string& subject_key,
                    const std::string& body_key, const i18n::Args& args);
  // Mails `side` of the contract: the kernteam and the platform's address,
  // or the municipality's contact person.
  Result<void> MailSide(db::Connection& c, const ContractView& v, Side side, const std::string& subject_key,
                        const std::string& body_key, const i18n::Args& args);
  Result<void> MailBoth(db::Connection& c, const ContractView& v, const std::string& subject_key,
                        const std::string& body_key, const i18n::Args& args);
  Result<bool> Remind(int64_t commitment_id);
  template <typename T>
  Result<std::vector<T>> Named(db::Connection& c, std::vector<T> list) const;

  db::Database& db_;
  const Clock& clock_;
  const i18n::Catalog& catalog_;
  const platforms::PlatformDirectory& directory_;
  const accounts::Roles& roles_;
  const time::TimeZone& zone_;
  ContractSettings settings_;
};

}  // namespace wp::contracts
