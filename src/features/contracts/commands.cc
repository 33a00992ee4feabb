#include "features/contracts/commands.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/mail/outbox.h"
#include "core/strings.h"
#include "core/time/format.h"

namespace wp::contracts {

namespace {

Error ContractNotFound() { return NotFound("contract", "contracts.contract.not_found"); }
Error FlowError(FlowProblem p) { return Conflict("contract change not allowed", std::string(FlowProblemKey(p))); }

// The frozen text of a signed contract: every theme with its commitments.
std::string SignedVersion(const ContractView& v, const time::TimeZone& zone) {
  nlohmann::json themes = nlohmann::json::array();
  for (const auto& t : v.themes) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& m : v.commitments) {
      if (m.theme_id != t.id) continue;
      list.push_back({{"text", m.text},
                      {"party", std::string(PartyKindName(m.party))},
                      {"party_name", m.party_name},
                      {"owner", m.owner_name},
                      {"due", time::LastDayInputValue(zone, m.due_at)}});
    }
    themes.push_back({{"name", t.name}, {"commitments", list}});
  }
  return nlohmann::json{{"title", v.contract.title}, {"year", v.contract.year}, {"themes", themes}}.dump();
}

}  // namespace

ContractCommands::ContractCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
                                   const platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                                   const time::TimeZone& zone, ContractSettings settings)
    : db_(db),
      clock_(clock),
      catalog_(catalog),
      directory_(directory),
      roles_(roles),
      zone_(zone),
      settings_(std::move(settings)) {}

std::string ContractCommands::PlatformName(int64_t platform_id) const {
  auto p = directory_.FindById(platform_id);
  return p.has_value() && *p ? (*p)->name : "";
}

bool ContractCommands::MayRead(const std::optional<auth::User>& user, const Contract& c,
                               const platforms::Platform& p) const {
  if (c.status != ContractStatus::kDraft) return true;
  return user && Can(*user, Action::kDraft, platforms::PlatformScope(p.id), p.borough_slug);
}

Result<void> ContractCommands::Mail(db::Connection& c, const std::string& to, const std::string& locale,
                                    const std::string& subject_key, const std::string& body_key,
                                    const i18n::Args& args) {
  mail::OutgoingMail m;
  m.to = to;
  m.subject = settings_.site_name + ": " + catalog_.Format(locale, subject_key, args);
  m.body_text = catalog_.Format(locale, body_key, args) + "\n";
  WP_TRY_VOID(mail::Enqueue(c, m, clock_.NowUnixSeconds()));
  return Ok();
}

Result<void> ContractCommands::MailSide(db::Connection& c, const ContractView& v, Side side,
                                        const std::string& subject_key, const std::string& body_key,
                                        const i18n::Args& args) {
  if (side == Side::kMunicipality) {
    return Mail(c, v.contract.municipal_contact_email, "nl", subject_key, body_key, args);
  }
  WP_ASSIGN_OR_RETURN(auto kernteam,
                      roles_.Holders(c, auth::Role::kKernteamMember, platforms::PlatformScope(v.platform.id)));
  std::set<std::string> sent;
  for (const auto& person : kernteam) {
    if (!sent.insert(ToLower(person.email)).second) continue;
    WP_TRY_VOID(Mail(c, person.email, person.locale, subject_key, body_key, args));
  }
  if (IsPlausibleEmail(v.platform.contact_email) && sent.insert(ToLower(v.platform.contact_email)).second) {
    WP_TRY_VOID(Mail(c, v.platform.contact_email, "nl", subject_key, body_key, args));
  }
  return Ok();
}

Result<void> ContractCommands::MailBoth(db::Connection& c, const ContractView& v, const std::string& subject_key,
                                        const std::string& body_key, const i18n::Args& args) {
  WP_TRY_VOID(MailSide(c, v, Side::kPlatform, subject_key, body_key, args));
  return MailSide(c, v, Side::kMunicipality, subject_key, body_key, args);
}

Result<ContractView> ContractCommands::LoadForChange(db::Connection& c, const auth::User& user, int64_t contract_id,
                                                     Action action) const {
  WP_ASSIGN_OR_RETURN(auto found, ContractStore::FindContract(c, contract_id));
  if (!found) return ContractNotFound();
  ContractView v;
  v.contract = std::move(*found);
  WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(v.contract.platform_id));
  if (!platform) return ContractNotFound();
  v.platform = std::move(*platform);
  if (!Can(user, action, platforms::PlatformScope(v.platform.id), v.platform.borough_slug)) {
    if (!MayRead(user, v.contract, v.platform)) return ContractNotFound();
    return Forbidden("not a side of this contract", "contracts.error.forbidden");
  }
  WP_ASSIGN_OR_RETURN(v.themes, ContractStore::Themes(c, contract_id));
  WP_ASSIGN_OR_RETURN(v.commitments, ContractStore::Commitments(c, contract_id));
  return v;
}

Result<int64_t> ContractCommands::CreateContract(const auth::User& user, const platforms::Platform& p,
                                                 const ContractForm& form) {
  if (!Can(user, Action::kDraft, platforms::PlatformScope(p.id), p.borough_slug)) {
    return Forbidden("not a side of this platform's contract", "contracts.error.forbidden");
  }
  CheckedContract checked = CheckContractForm(form);
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
  Contract k = std::move(checked.contract);
  k.platform_id = p.id;
  k.status = ContractStatus::kDraft;
  k.created_by = user.id;
  k.created_at = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(int64_t id, ContractStore::InsertContract(c, k));
    WP_TRY_VOID(ContractStore::AppendHistory(c, id, {k.created_at, user.id, "", "created", ""}));
    return id;
  });
}

Result<void> ContractCommands::ClearApprovals(db::Connection& c, Contract& k) {
  if (!k.platform_approval && !k.municipality_approval) return Ok();
  k.platform_approval.reset();
  k.municipality_approval.reset();
  return ContractStore::SaveContractState(c, k);
}

Result<int64_t> ContractCommands::AddTheme(const auth::User& user, int64_t contract_id, const std::string& name) {
  std::vector<FieldError> errors;
  std::string checked = CheckText(name, "name", kMissingTheme, kMaxTitleBytes, errors);
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(ContractView v, LoadForChange(c, user, contract_id, Action::kDraft));
    if (v.contract.status != ContractStatus::kDraft) return FlowError(FlowProblem::kNotDraft);
    if (!errors.empty()) return FormInvalid(std::move(errors));
    WP_TRY_VOID(ClearApprovals(c, v.contract));
    int position = v.themes.empty() ? 1 : v.themes.back().position + 1;
    WP_ASSIGN_OR_RETURN(int64_t id, ContractStore::InsertTheme(c, {0, contract_id, position, checked}));
    WP_TRY_VOID(ContractStore::AppendHistory(c, contract_id, {Now(), user.id, "", "theme_added", checked}));
    return id;
  });
}

Result<int64_t> ContractCommands::AddCommitment(const auth::User& user, int64_t contract_id, const CommitmentForm& form,
                                                const std::string& reason) {
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(ContractView v, LoadForChange(c, user, contract_id, Action::kDraft));
    bool amendment = v.contract.status == ContractStatus::kSigned;
    if (v.contract.status == ContractStatus::kReviewed) return FlowError(FlowProblem::kNotDraft);
    CheckedCommitment checked = CheckCommitmentForm(form, v.contract.year, zone_);
    bool own_theme = false;
    for (const auto& t : v.themes) own_theme = own_theme || t.id == checked.commitment.theme_id;
    if (!own_theme && checked.commitment.theme_id != 0) checked.errors.push_back({"theme_id", kMissingTheme});
    std::string why(Trim(reason));
    if (amendment) CheckText(why, "reason", kMissingReason, kMaxTextBytes, checked.errors);
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    Commitment m = std::move(checked.commitment);
    m.contract_id = contract_id;
    m.status = CommitmentStatus::kAgreed;
    m.added_by_amendment = amendment;
    WP_ASSIGN_OR_RETURN(int64_t id, ContractStore::InsertCommitment(c, m));
    int64_t now = Now();
    if (!amendment) {
      WP_TRY_VOID(ClearApprovals(c, v.contract));
      WP_TRY_VOID(ContractStore::AppendHistory(c, contract_id, {now, user.id, "", "commitment_added", m.text}));
      return id;
    }
    WP_TRY_VOID(ContractStore::InsertAmendment(c, {0, contract_id, id, "", m.text, why, user.id, "", now}));
    WP_TRY_VOID(ContractStore::AppendHistory(c, contract_id, {now, user.id, "", "amended", why}));
    WP_TRY_VOID(MailBoth(c, v, "contracts.mail.amended_subject", "contracts.mail.amended_body",
                         {{"title", v.contract.title}, {"reason", why}, {"url", ContractUrl(contract_id)}}));
    return id;
  });
}

Result<void> ContractCommands::Sign(db::Connection& c, const auth::User& user, ContractView& v, int64_t now) {
  v.contract.status = ContractStatus::kSigned;
  v.contract.signed_at = now;
  v.contract.signed_version = SignedVersion(v, zone_);
  WP_TRY_VOID(ContractStore::SaveContractState(c, v.contract));
  WP_TRY_VOID(ContractStore::AppendHistory(c, v.contract.id, {now, user.id, "", "signed", ""}));
  return MailBoth(c, v, "contracts.mail.signed_subject", "contracts.mail.signed_body",
                  {{"title", v.contract.title}, {"url", ContractUrl(v.contract.id)}});
}

Result<bool> ContractCommands::Approve(const auth::User& user, int64_t contract_id) {
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(ContractView v, LoadForChange(c, user, contract_id, Action::kApprove));
    std::string scope = platforms::PlatformScope(v.platform.id);
    // One who speaks for both sides (an administrator in a kernteam) approves the side still open.
    bool platform = IsSide(user, Side::kPlatform, scope, v.platform.borough_slug);
    bool municipality = IsSide(user, Side::kMunicipality, scope, v.platform.borough_slug);
    Side side = platform && !(municipality && v.contract.platform_approval) ? Side::kPlatform : Side::kMunicipality;
    if (auto problem = CheckApproval(v.contract, side, user.id, v.commitments.size())) return FlowError(*problem);
    int64_t now = Now();
    (side == Side::kPlatform ? v.contract.platform_approval : v.contract.municipality_approval) =
        Approval{user.id, now};
    WP_TRY_VOID(ContractStore::SaveContractState(c, v.contract));
    WP_TRY_VOID(ContractStore::AppendHistory(c, contract_id,
                                             {now, user.id, "", "approved_" + std::string(SideName(side)), ""}));
    if (BothApproved(v.contract)) {
      WP_TRY_VOID(Sign(c, user, v, now));
      return true;
    }
    Side other = side == Side::kPlatform ? Side::kMunicipality : Side::kPlatform;
    WP_TRY_VOID(MailSide(c, v, other, "contracts.mail.approved_subject", "contracts.mail.approved_body",
                         {{"title", v.contract.title}, {"url", ContractUrl(contract_id)}}));
    return false;
  });
}

}  // namespace wp::contracts
