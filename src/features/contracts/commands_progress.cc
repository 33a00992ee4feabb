// ContractCommands after signing: progress updates, amendments, the year
// review, next year's contract and the reminders.
#include "core/image/photo.h"
#include "core/mail/outbox.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "features/contracts/commands.h"

namespace wp::contracts {

namespace {

Error CommitmentNotFound() { return NotFound("commitment", "contracts.commitment.not_found"); }
Error FlowError(FlowProblem p) { return Conflict("contract change not allowed", std::string(FlowProblemKey(p))); }

// The same day one year later, at the end of that day (29 February becomes 28 February).
int64_t AYearLater(const time::TimeZone& zone, int64_t due_at) {
  time::LocalDateTime last = zone.ToLocal(due_at - 1);
  time::LocalDateTime next{last.year + 1, last.month, last.day};
  if (!time::IsValidLocal(next)) next.day = 28;
  return time::EndOfDay(zone, next);
}

// A commitment as an amendment records it: text, owner, last day.
std::string Describe(const Commitment& m, const time::TimeZone& zone) {
  return m.text + "\n" + m.owner_name + " <" + m.owner_email + ">\n" + time::LastDayInputValue(zone, m.due_at);
}

}  // namespace

Result<void> ContractCommands::Report(const auth::User& user, int64_t commitment_id, const ReportForm& form) {
  std::vector<FieldError> errors;
  auto to = ParseCommitmentStatus(Trim(form.status));
  if (!to) errors.push_back({"status", kBadStatus});
  std::string checked = CheckText(form.text, "text", kMissingText, kMaxTextBytes, errors);
  std::optional<image::Photo> photo;
  if (!form.photo.empty()) {
    auto encoded = image::ReencodePhoto(form.photo);
    if (encoded.has_value()) {
      photo = std::move(*encoded);
    } else {
      errors.push_back({"photo", std::string(image::PhotoProblemKey(encoded.error()))});
    }
  }
  if (!form.document.empty()) {
    if (auto problem = CheckDocument(form.document)) errors.push_back({"document", *problem});
  }
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto found, ContractStore::FindCommitment(c, commitment_id));
    if (!found) return CommitmentNotFound();
    WP_ASSIGN_OR_RETURN(ContractView v, LoadForChange(c, user, found->contract_id, Action::kReport));
    if (v.contract.status != ContractStatus::kSigned) return FlowError(FlowProblem::kNotSigned);
    if (!errors.empty()) return FormInvalid(std::move(errors));
    Commitment m = std::move(*found);
    if (*to != m.status) {
      if (auto problem = CheckCommitmentTransition(m.status, *to)) return FlowError(*problem);
    }
    int64_t now = Now();
    WP_ASSIGN_OR_RETURN(int64_t update_id, ContractStore::InsertUpdate(c, {0,
                                                                           m.id,
                                                                           std::string(CommitmentStatusName(m.status)),
                                                                           std::string(CommitmentStatusName(*to)),
                                                                           checked,
                                                                           user.id,
                                                                           "",
                                                                           now,
                                                                           {}}));
    if (photo) {
      Evidence e{0, update_id, EvidenceKind::kPhoto, "foto.jpg", "image/jpeg", 0};
      WP_TRY_VOID(ContractStore::InsertEvidence(c, e, photo->jpeg, now));
    }
    if (!form.document.empty()) {
      Evidence e{0, update_id, EvidenceKind::kDocument, CleanDocumentName(form.document_name), "application/pdf", 0};
      WP_TRY_VOID(ContractStore::InsertEvidence(c, e, form.document, now));
    }
    m.status = *to;
    return ContractStore::SaveCommitment(c, m);
  });
}

Result<void> ContractCommands::Amend(const auth::User& user, int64_t commitment_id, const AmendForm& form) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto found, ContractStore::FindCommitment(c, commitment_id));
    if (!found) return CommitmentNotFound();
    WP_ASSIGN_OR_RETURN(ContractView v, LoadForChange(c, user, found->contract_id, Action::kAmend));
    if (v.contract.status != ContractStatus::kSigned) return FlowError(FlowProblem::kNotSigned);
    CommitmentForm typed{std::to_string(found->theme_id),
                         form.text,
                         std::string(PartyKindName(found->party)),
                         found->party_name,
                         form.owner_name,
                         form.owner_email,
                         form.due};
    CheckedCommitment checked = CheckCommitmentForm(typed, v.contract.year, zone_);
    std::string why = CheckText(form.reason, "reason", kMissingReason, kMaxTextBytes, checked.errors);
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    Commitment m = *found;
    m.text = checked.commitment.text;
    m.owner_name = checked.commitment.owner_name;
    m.owner_email = checked.commitment.owner_email;
    m.due_at = checked.commitment.due_at;
    std::string before = Describe(*found, zone_), after = Describe(m, zone_);
    if (before == after) return FormInvalid({{"text", kNothingChanged}});
    int64_t now = Now();
    WP_TRY_VOID(ContractStore::SaveCommitment(c, m));
    WP_TRY_VOID(ContractStore::InsertAmendment(c, {0, v.contract.id, m.id, before, after, why, user.id, "", now}));
    WP_TRY_VOID(ContractStore::AppendHistory(c, v.contract.id, {now, user.id, "", "amended", why}));
    return MailBoth(c, v, "contracts.mail.amended_subject", "contracts.mail.amended_body",
                    {{"title", v.contract.title}, {"reason", why}, {"url", ContractUrl(v.contract.id)}});
  });
}

Result<void> ContractCommands::WriteReview(const auth::User& user, int64_t contract_id, const std::string& review) {
  std::vector<FieldError> errors;
  std::string checked = CheckText(review, "review", kMissingText, kMaxTextBytes, errors);
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(ContractView v, LoadForChange(c, user, contract_id, Action::kAmend));
    if (v.contract.status != ContractStatus::kSigned) return FlowError(FlowProblem::kNotSigned);
    if (!errors.empty()) return FormInvalid(std::move(errors));
    v.contract.status = ContractStatus::kReviewed;
    v.contract.review = checked;
    WP_TRY_VOID(ContractStore::SaveContractState(c, v.contract));
    WP_TRY_VOID(ContractStore::AppendHistory(c, contract_id, {Now(), user.id, "", "reviewed", ""}));
    return MailBoth(c, v, "contracts.mail.reviewed_subject", "contracts.mail.reviewed_body",
                    {{"title", v.contract.title}, {"url", ContractUrl(contract_id) + "/terugblik"}});
  });
}

Result<int64_t> ContractCommands::StartNextYear(const auth::User& user, int64_t contract_id) {
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(ContractView v, LoadForChange(c, user, contract_id, Action::kAmend));
    if (v.contract.status != ContractStatus::kReviewed) return FlowError(FlowProblem::kNotReviewed);
    int64_t now = Now();
    Contract next = v.contract;
    next.year = v.contract.year + 1;
    next.title = catalog_.Format("nl", "contracts.next.title",
                                 {{"platform", v.platform.name}, {"year", std::to_string(next.year)}});
    next.status = ContractStatus::kDraft;
    next.platform_approval.reset();
    next.municipality_approval.reset();
    next.signed_at.reset();
    next.signed_version.clear();
    next.review.clear();
    next.previous_id = v.contract.id;
    next.created_by = user.id;
    next.created_at = now;
    WP_ASSIGN_OR_RETURN(int64_t id, ContractStore::InsertContract(c, next));
    std::vector<Commitment> carried = Unfinished(v.commitments);
    for (const auto& t : v.themes) {
      WP_ASSIGN_OR_RETURN(int64_t theme_id, ContractStore::InsertTheme(c, {0, id, t.position, t.name}));
      for (Commitment m : carried) {
        if (m.theme_id != t.id) continue;
        m.contract_id = id;
        m.theme_id = theme_id;
        m.status = CommitmentStatus::kAgreed;
        m.reminded_due_at.reset();
        m.added_by_amendment = false;
        if (zone_.ToLocal(m.due_at - 1).year < next.year) m.due_at = AYearLater(zone_, m.due_at);
        if (auto inserted = ContractStore::InsertCommitment(c, m); !inserted.has_value()) return inserted.error();
      }
    }
    WP_TRY_VOID(ContractStore::AppendHistory(c, id, {now, user.id, "", "created_from", std::to_string(contract_id)}));
    return id;
  });
}

Result<bool> ContractCommands::Remind(int64_t commitment_id) {
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto found, ContractStore::FindCommitment(c, commitment_id));
    if (!found) return false;
    Commitment m = std::move(*found);
    int64_t now = Now();
    if (!ReminderDue(m, now, settings_.reminder_days)) return false;  // another process was first
    WP_ASSIGN_OR_RETURN(auto contract, ContractStore::FindContract(c, m.contract_id));
    if (!contract || contract->status != ContractStatus::kSigned) return false;
    m.reminded_due_at = m.due_at;
    WP_TRY_VOID(ContractStore::SaveCommitment(c, m));
    WP_TRY_VOID(Mail(c, m.owner_email, "nl", "contracts.mail.reminder_subject", "contracts.mail.reminder_body",
                     {{"text", m.text},
                      {"title", contract->title},
                      {"due", time::FormatPeriodEnd(zone_, m.due_at, "nl")},
                      {"url", ContractUrl(contract->id) + "/afspraak/" + std::to_string(m.id)}}));
    return true;
  });
}

Result<int> ContractCommands::SendReminders(int max) {
  int64_t horizon = Now() + static_cast<int64_t>(settings_.reminder_days) * 86400;
  WP_ASSIGN_OR_RETURN(auto due,
                      db_.Read([&](db::Connection& c) { return ContractStore::OpenDueBefore(c, horizon + 1, max); }));
  int sent = 0;
  for (const auto& m : due) {
    if (!ReminderDue(m, Now(), settings_.reminder_days)) continue;
    WP_ASSIGN_OR_RETURN(bool reminded, Remind(m.id));
    if (reminded) ++sent;
  }
  return sent;
}

}  // namespace wp::contracts
