#include "features/contracts/contract_store.h"

namespace wp::contracts {

namespace {

constexpr const char* kContractColumns =
    "id, platform_id, year, title, municipal_contact_name, municipal_contact_email, status, platform_approved_by, "
    "platform_approved_at, municipality_approved_by, municipality_approved_at, signed_at, signed_version, review, "
    "previous_id, created_by, created_at";

std::optional<Approval> ApprovalFrom(const db::Row& r, int by, int at) {
  if (r.IsNull(by)) return std::nullopt;
  return Approval{r.Int(by), r.Int(at)};
}

Contract ContractFromRow(const db::Row& r) {
  Contract k;
  k.id = r.Int(0);
  k.platform_id = r.Int(1);
  k.year = static_cast<int>(r.Int(2));
  k.title = r.Text(3);
  k.municipal_contact_name = r.Text(4);
  k.municipal_contact_email = r.Text(5);
  k.status = ParseContractStatus(r.Text(6)).value_or(ContractStatus::kDraft);
  k.platform_approval = ApprovalFrom(r, 7, 8);
  k.municipality_approval = ApprovalFrom(r, 9, 10);
  k.signed_at = r.OptInt(11);
  k.signed_version = r.Text(12);
  k.review = r.Text(13);
  k.previous_id = r.OptInt(14);
  k.created_by = r.Int(15);
  k.created_at = r.Int(16);
  return k;
}

Result<std::vector<Contract>> ContractsWhere(db::Connection& c, const std::string& where, const db::Params& params) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kContractColumns + " FROM contracts" + where +
                                             " ORDER BY year DESC, id DESC",
                                         params));
  std::vector<Contract> out;
  for (const auto& row : rows) out.push_back(ContractFromRow(row));
  return out;
}

constexpr const char* kCommitmentColumns =
    "m.id, m.contract_id, m.theme_id, m.text, m.party, m.party_name, m.owner_name, m.owner_email, m.due_at, m.status, "
    "m.reminded_due_at, m.added_by_amendment";

Commitment CommitmentFromRow(const db::Row& r) {
  Commitment m;
  m.id = r.Int(0);
  m.contract_id = r.Int(1);
  m.theme_id = r.Int(2);
  m.text = r.Text(3);
  m.party = ParsePartyKind(r.Text(4)).value_or(PartyKind::kDepartment);
  m.party_name = r.Text(5);
  m.owner_name = r.Text(6);
  m.owner_email = r.Text(7);
  m.due_at = r.Int(8);
  m.status = ParseCommitmentStatus(r.Text(9)).value_or(CommitmentStatus::kAgreed);
  m.reminded_due_at = r.OptInt(10);
  m.added_by_amendment = r.Int(11) != 0;
  return m;
}

Result<std::vector<Commitment>> CommitmentsWhere(db::Connection& c, const std::string& sql, const db::Params& params) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT ") + kCommitmentColumns + sql, params));
  std::vector<Commitment> out;
  for (const auto& row : rows) out.push_back(CommitmentFromRow(row));
  return out;
}

db::Value OptApprovalBy(const std::optional<Approval>& a) { return a ? db::Value(a->user_id) : db::Null(); }
db::Value OptApprovalAt(const std::optional<Approval>& a) { return a ? db::Value(a->at) : db::Null(); }

}  // namespace

Result<int64_t> ContractStore::InsertContract(db::Connection& c, const Contract& k) {
  WP_ASSIGN_OR_RETURN(auto taken, FindByYear(c, k.platform_id, k.year));
  if (taken) return Conflict("contract for that year exists", "contracts.error.year_taken");
  return c.Insert(
      "INSERT INTO contracts (platform_id, year, title, municipal_contact_name, municipal_contact_email, status, "
      "signed_version, review, previous_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {k.platform_id, db::Int(k.year), k.title, k.municipal_contact_name, k.municipal_contact_email,
       std::string(ContractStatusName(k.status)), k.signed_version, k.review, db::OptInt(k.previous_id), k.created_by,
       k.created_at});
}

Result<void> ContractStore::SaveContractState(db::Connection& c, const Contract& k) {
  WP_ASSIGN_OR_RETURN(
      int64_t n,
      c.Execute("UPDATE contracts SET status = ?, platform_approved_by = ?, platform_approved_at = ?, "
                "municipality_approved_by = ?, municipality_approved_at = ?, signed_at = ?, signed_version = ?, "
                "review = ? WHERE id = ?",
                {std::string(ContractStatusName(k.status)), OptApprovalBy(k.platform_approval),
                 OptApprovalAt(k.platform_approval), OptApprovalBy(k.municipality_approval),
                 OptApprovalAt(k.municipality_approval), db::OptInt(k.signed_at), k.signed_version, k.review, k.id}));
  if (n != 1) return NotFound("contract " + std::to_string(k.id), "contracts.contract.not_found");
  return Ok();
}

Result<std::optional<Contract>> ContractStore::FindContract(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto list, ContractsWhere(c, " WHERE id = ?", {id}));
  if (list.empty()) return std::optional<Contract>();
  return std::optional<Contract>(std::move(list[0]));
}

Result<std::optional<Contract>> ContractStore::FindByYear(db::Connection& c, int64_t platform_id, int year) {
  WP_ASSIGN_OR_RETURN(auto list,
                      ContractsWhere(c, " WHERE platform_id = ? AND year = ?", {platform_id, db::Int(year)}));
  if (list.empty()) return std::optional<Contract>();
  return std::optional<Contract>(std::move(list[0]));
}

Result<std::vector<Contract>> ContractStore::Contracts(db::Connection& c, int64_t platform_id) {
  if (platform_id > 0) return ContractsWhere(c, " WHERE platform_id = ?", {platform_id});
  return ContractsWhere(c, "", {});
}

Result<int64_t> ContractStore::InsertTheme(db::Connection& c, const Theme& t) {
  return c.Insert("INSERT INTO contract_themes (contract_id, position, name) VALUES (?, ?, ?) RETURNING id",
                  {t.contract_id, db::Int(t.position), t.name});
}

Result<std::vector<Theme>> ContractStore::Themes(db::Connection& c, int64_t contract_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, contract_id, position, name FROM contract_themes "
                                         "WHERE contract_id = ? ORDER BY position, id",
                                         {contract_id}));
  std::vector<Theme> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), r.Text(3)});
  return out;
}

Result<int64_t> ContractStore::InsertCommitment(db::Connection& c, const Commitment& m) {
  return c.Insert(
      "INSERT INTO contract_commitments (contract_id, theme_id, text, party, party_name, owner_name, owner_email, "
      "due_at, status, reminded_due_at, added_by_amendment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.contract_id, m.theme_id, m.text, std::string(PartyKindName(m.party)), m.party_name, m.owner_name,
       m.owner_email, m.due_at, std::string(CommitmentStatusName(m.status)), db::OptInt(m.reminded_due_at),
       db::Int(m.added_by_amendment ? 1 : 0)});
}

Result<void> ContractStore::SaveCommitment(db::Connection& c, const Commitment& m) {
  WP_ASSIGN_OR_RETURN(
      int64_t n,
      c.Execute("UPDATE contract_commitments SET theme_id = ?, text = ?, party = ?, party_name = ?, "
                "owner_name = ?, owner_email = ?, due_at = ?, status = ?, reminded_due_at = ? "
                "WHERE id = ?",
                {m.theme_id, m.text, std::string(PartyKindName(m.party)), m.party_name, m.owner_name, m.owner_email,
                 m.due_at, std::string(CommitmentStatusName(m.status)), db::OptInt(m.reminded_due_at), m.id}));
  if (n != 1) return NotFound("commitment " + std::to_string(m.id), "contracts.commitment.not_found");
  return Ok();
}

Result<std::optional<Commitment>> ContractStore::FindCommitment(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto list, CommitmentsWhere(c, " FROM contract_commitments m WHERE m.id = ?", {id}));
  if (list.empty()) return std::optional<Commitment>();
  return std::optional<Commitment>(std::move(list[0]));
}

Result<std::vector<Commitment>> ContractStore::Commitments(db::Connection& c, int64_t contract_id) {
  return CommitmentsWhere(c,
                          " FROM contract_commitments m JOIN contract_themes t ON t.id = m.theme_id "
                          "WHERE m.contract_id = ? ORDER BY t.position, t.id, m.due_at, m.id",
                          {contract_id});
}

Result<std::vector<Commitment>> ContractStore::OpenDueBefore(db::Connection& c, int64_t before, int limit) {
  return CommitmentsWhere(c,
                          " FROM contract_commitments m JOIN contracts k ON k.id = m.contract_id "
                          "WHERE k.status = 'signed' AND m.status IN ('agreed', 'in_progress') AND m.due_at < ? "
                          "ORDER BY m.due_at, m.id LIMIT ?",
                          {before, db::Int(limit)});
}

Result<int64_t> ContractStore::InsertUpdate(db::Connection& c, const Update& u) {
  return c.Insert(
      "INSERT INTO contract_updates (commitment_id, from_status, to_status, text, actor_id, at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {u.commitment_id, u.from_status, u.to_status, u.text, u.actor_id, u.at});
}

Result<void> ContractStore::InsertEvidence(db::Connection& c, const Evidence& e, const std::string& data, int64_t now) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO contract_evidence (update_id, kind, file_name, content_type, bytes, data, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {e.update_id, std::string(EvidenceKindName(e.kind)), e.file_name, e.content_type,
                 static_cast<int64_t>(data.size()), db::Blob{data}, now}));
  return Ok();
}

Result<std::optional<ContractStore::StoredEvidence>> ContractStore::FindEvidence(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT e.id, e.update_id, e.kind, e.file_name, e.content_type, "
                                                "e.bytes, e.data, m.contract_id FROM contract_evidence e "
                                                "JOIN contract_updates u ON u.id = e.update_id "
                                                "JOIN contract_commitments m ON m.id = u.commitment_id WHERE e.id = ?",
                                                {id}));
  if (!row) return std::optional<StoredEvidence>();
  StoredEvidence out;
  out.evidence = {row->Int(0),  row->Int(1),  ParseEvidenceKind(row->Text(2)).value_or(EvidenceKind::kDocument),
                  row->Text(3), row->Text(4), row->Int(5)};
  out.data = row->Bytes(6);
  out.contract_id = row->Int(7);
  return std::optional<StoredEvidence>(std::move(out));
}

Result<std::vector<Update>> ContractStore::Updates(db::Connection& c, int64_t commitment_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, commitment_id, from_status, to_status, text, actor_id, at "
                                         "FROM contract_updates WHERE commitment_id = ? ORDER BY at, id",
                                         {commitment_id}));
  std::vector<Update> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5), "", r.Int(6), {}});
  }
  WP_ASSIGN_OR_RETURN(auto files, c.Query("SELECT e.id, e.update_id, e.kind, e.file_name, e.content_type, e.bytes "
                                          "FROM contract_evidence e JOIN contract_updates u ON u.id = e.update_id "
                                          "WHERE u.commitment_id = ? ORDER BY e.id",
                                          {commitment_id}));
  for (const auto& f : files) {
    for (auto& u : out) {
      if (u.id != f.Int(1)) continue;
      u.evidence.push_back({f.Int(0), f.Int(1), ParseEvidenceKind(f.Text(2)).value_or(EvidenceKind::kDocument),
                            f.Text(3), f.Text(4), f.Int(5)});
    }
  }
  return out;
}

Result<void> ContractStore::InsertAmendment(db::Connection& c, const Amendment& a) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO contract_amendments (contract_id, commitment_id, before_text, after_text, reason, "
                "actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {a.contract_id, db::OptInt(a.commitment_id), a.before, a.after, a.reason, a.actor_id, a.at}));
  return Ok();
}

Result<std::vector<Amendment>> ContractStore::Amendments(db::Connection& c, int64_t contract_id) {
  WP_ASSIGN_OR_RETURN(auto rows,
                      c.Query("SELECT id, contract_id, commitment_id, before_text, after_text, reason, actor_id, at "
                              "FROM contract_amendments WHERE contract_id = ? ORDER BY at, id",
                              {contract_id}));
  std::vector<Amendment> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6), "", r.Int(7)});
  }
  return out;
}

Result<void> ContractStore::AppendHistory(db::Connection& c, int64_t contract_id, const HistoryEntry& e) {
  WP_TRY_VOID(c.Execute("INSERT INTO contract_history (contract_id, at, actor_id, event, note) VALUES (?, ?, ?, ?, ?)",
                        {contract_id, e.at, e.actor_id, e.event, e.note}));
  return Ok();
}

Result<std::vector<HistoryEntry>> ContractStore::History(db::Connection& c, int64_t contract_id) {
  WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT at, actor_id, event, note FROM contract_history "
                                         "WHERE contract_id = ? ORDER BY at, id",
                                         {contract_id}));
  std::vector<HistoryEntry> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), "", r.Text(2), r.Text(3)});
  return out;
}

Result<int64_t> ContractStore::CountSigned(db::Connection& c) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT COUNT(*) FROM contracts WHERE status <> 'draft'"));
  return row.Int(0);
}

}  // namespace wp::contracts
