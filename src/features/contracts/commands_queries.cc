// ContractCommands: what the pages read.
#include "features/contracts/commands.h"

namespace wp::contracts {

namespace {

Error ContractNotFound() { return NotFound("contract", "contracts.contract.not_found"); }
Error CommitmentNotFound() { return NotFound("commitment", "contracts.commitment.not_found"); }

}  // namespace

template <typename T>
Result<std::vector<T>> ContractCommands::Named(db::Connection& c, std::vector<T> list) const {
  std::vector<int64_t> ids;
  for (const auto& x : list) ids.push_back(x.actor_id);
  WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
  for (auto& x : list) {
    auto it = people.find(x.actor_id);
    if (it != people.end()) x.actor_name = it->second.display_name;
  }
  return list;
}

Result<ContractView> ContractCommands::ContractOf(const std::optional<auth::User>& user, int64_t contract_id) const {
  WP_ASSIGN_OR_RETURN(auto found,
                      db_.Read([&](db::Connection& c) { return ContractStore::FindContract(c, contract_id); }));
  if (!found) return ContractNotFound();
  ContractView v;
  v.contract = std::move(*found);
  WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(v.contract.platform_id));
  if (!platform || !MayRead(user, v.contract, *platform)) return ContractNotFound();
  v.platform = std::move(*platform);
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(v.themes, ContractStore::Themes(c, contract_id));
    WP_ASSIGN_OR_RETURN(v.commitments, ContractStore::Commitments(c, contract_id));
    WP_ASSIGN_OR_RETURN(auto amendments, ContractStore::Amendments(c, contract_id));
    WP_ASSIGN_OR_RETURN(v.amendments, Named(c, std::move(amendments)));
    WP_ASSIGN_OR_RETURN(auto history, ContractStore::History(c, contract_id));
    WP_ASSIGN_OR_RETURN(v.history, Named(c, std::move(history)));
    return Ok();
  }));
  return v;
}

Result<CommitmentView> ContractCommands::CommitmentOf(const std::optional<auth::User>& user,
                                                      int64_t commitment_id) const {
  WP_ASSIGN_OR_RETURN(auto found,
                      db_.Read([&](db::Connection& c) { return ContractStore::FindCommitment(c, commitment_id); }));
  if (!found) return CommitmentNotFound();
  auto contract = ContractOf(user, found->contract_id);
  if (!contract.has_value()) return CommitmentNotFound();
  CommitmentView v;
  v.contract = std::move(contract->contract);
  v.platform = std::move(contract->platform);
  v.commitment = std::move(*found);
  for (const auto& t : contract->themes) {
    if (t.id == v.commitment.theme_id) v.theme = t;
  }
  for (auto& a : contract->amendments) {
    if (a.commitment_id == commitment_id) v.amendments.push_back(std::move(a));
  }
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto updates, ContractStore::Updates(c, commitment_id));
    WP_ASSIGN_OR_RETURN(v.updates, Named(c, std::move(updates)));
    return Ok();
  }));
  return v;
}

Result<std::vector<Contract>> ContractCommands::Contracts(const std::optional<auth::User>& user,
                                                          int64_t platform_id) const {
  WP_ASSIGN_OR_RETURN(auto all, db_.Read([&](db::Connection& c) { return ContractStore::Contracts(c, platform_id); }));
  std::vector<Contract> out;
  for (auto& k : all) {
    if (k.status == ContractStatus::kDraft) {
      WP_ASSIGN_OR_RETURN(auto p, directory_.FindById(k.platform_id));
      if (!p || !MayRead(user, k, *p)) continue;
    }
    out.push_back(std::move(k));
  }
  return out;
}

Result<ContractStore::StoredEvidence> ContractCommands::EvidenceOf(const std::optional<auth::User>& user,
                                                                   int64_t evidence_id) const {
  WP_ASSIGN_OR_RETURN(auto found,
                      db_.Read([&](db::Connection& c) { return ContractStore::FindEvidence(c, evidence_id); }));
  if (!found || !ContractOf(user, found->contract_id).has_value()) {
    return NotFound("evidence", "contracts.evidence.not_found");
  }
  return std::move(*found);
}

Result<std::vector<OverdueItem>> ContractCommands::Overdue(const auth::User& user) const {
  int64_t now = Now();
  WP_ASSIGN_OR_RETURN(auto due,
                      db_.Read([&](db::Connection& c) { return ContractStore::OpenDueBefore(c, now, 1000); }));
  std::vector<OverdueItem> out;
  for (auto& m : due) {
    WP_ASSIGN_OR_RETURN(auto contract,
                        db_.Read([&](db::Connection& c) { return ContractStore::FindContract(c, m.contract_id); }));
    if (!contract) continue;
    WP_ASSIGN_OR_RETURN(auto p, directory_.FindById(contract->platform_id));
    if (!p || !Can(user, Action::kSeeOverdue, platforms::PlatformScope(p->id), p->borough_slug)) continue;
    out.push_back({std::move(m), std::move(*contract), std::move(*p)});
  }
  return out;
}

Result<std::vector<Commitment>> ContractCommands::MunicipalCommitments(int64_t platform_id) const {
  return db_.Read([&](db::Connection& c) -> Result<std::vector<Commitment>> {
    WP_ASSIGN_OR_RETURN(auto contracts, ContractStore::Contracts(c, platform_id));
    std::vector<Commitment> out;
    for (const auto& k : contracts) {
      if (k.status == ContractStatus::kDraft) continue;
      WP_ASSIGN_OR_RETURN(auto list, ContractStore::Commitments(c, k.id));
      for (auto& m : list) {
        if (m.party == PartyKind::kDepartment) out.push_back(std::move(m));
      }
    }
    return out;
  });
}

}  // namespace wp::contracts
