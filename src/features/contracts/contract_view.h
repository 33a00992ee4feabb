// The data of contracts and commitments as the contract views show them,
// shared by the public, the two sides' and the officials' pages: paths,
// status badges, facts, the commitments per theme, the progress charts and
// table, amendments and history. Texts in the request's language. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/components.h"
#include "core/web/web.h"
#include "features/contracts/commands.h"

namespace wp::contracts {

inline constexpr const char* kIndexPath = "/wijkcontracten";
inline constexpr const char* kOverduePath = "/beheer/wijkcontracten";
std::string ContractPath(int64_t id);                         // "/wijkcontract/{id}"
std::string CommitmentPath(int64_t contract_id, int64_t id);  // "/wijkcontract/{id}/afspraak/{cid}"
std::string NewContractPath(const platforms::Platform& p);    // "/wijkplatform/{slug}/wijkcontract/nieuw"
std::string EvidencePath(int64_t id);                         // "/wijkcontract/bewijs/{id}"

// True when the signed-in user may do `action` on the contracts of `p`.
bool UserCan(const web::Context& ctx, Action action, const platforms::Platform& p);

nlohmann::json ContractBadge(const web::Context& ctx, const Contract& c);
nlohmann::json ProgressBadge(const web::Context& ctx, const Commitment& m, int64_t now);

// Platform, year, status, approvals, signing date, the municipality's contact.
nlohmann::json ContractFacts(const web::Context& ctx, const ContractCommands& commands, const ContractView& v);
// [{name, table | empty}] one per theme: its commitments (text linked, party, owner, due, progress).
nlohmann::json ThemesJson(const web::Context& ctx, const ContractCommands& commands, const ContractView& v);
// [{name, svg_html}] one chart per theme, and the table of the same numbers.
nlohmann::json ProgressCharts(const web::Context& ctx, const ContractView& v, int64_t now);
nlohmann::json ProgressTable(const web::Context& ctx, const ContractView& v, int64_t now);
// The frozen signed version as [{name, commitments: [{text, party, owner, due}]}].
nlohmann::json SignedVersionJson(const web::Context& ctx, const Contract& c);
nlohmann::json AmendmentsTable(const web::Context& ctx, const ContractCommands& commands,
                               const std::vector<Amendment>& list);
nlohmann::json HistoryTable(const web::Context& ctx, const ContractCommands& commands,
                            const std::vector<HistoryEntry>& history);
// Contracts as a table (title linked, platform, year, status), or EmptyState(`empty_key`).
nlohmann::json ContractsTable(const web::Context& ctx, const ContractCommands& commands,
                              const std::vector<Contract>& list, const std::string& empty_key);
// The paragraphs of a text (blank lines between them).
nlohmann::json Paragraphs(const std::string& text);

}  // namespace wp::contracts
