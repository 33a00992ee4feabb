#include "features/contracts/official_pages.h"

#include "core/time/format.h"
#include "core/web/components.h"
#include "features/contracts/contract_view.h"

namespace wp::contracts {

using nlohmann::json;

Result<http::Response> OfficialPages::Overdue(web::Context& ctx) {
  if (!IsOfficial(*ctx.user)) return Forbidden("not an official", "contracts.error.not_official");
  WP_ASSIGN_OR_RETURN(auto overdue, commands_.Overdue(*ctx.user));
  json data = {{"breadcrumb", web::Breadcrumb({{ctx.T("contracts.index.title"), kIndexPath},
                                               {ctx.T("contracts.overdue.title"), kOverduePath}})}};
  if (overdue.empty()) {
    data["empty"] = web::EmptyState(ctx.T("contracts.overdue.none"));
  } else {
    std::vector<std::vector<web::Cell>> rows;
    for (const auto& item : overdue) {
      const Commitment& m = item.commitment;
      rows.push_back({{m.text, CommitmentPath(item.contract.id, m.id)},
                      {item.platform.name},
                      {m.party_name},
                      {m.owner_name},
                      {time::FormatPeriodEnd(commands_.zone(), m.due_at, ctx.locale)}});
    }
    data["table"] =
        web::Table(ctx.T("contracts.overdue.caption", {{"count", static_cast<int64_t>(overdue.size())}}),
                   {ctx.T("contracts.field.text"), ctx.T("contracts.field.platform"), ctx.T("contracts.field.party"),
                    ctx.T("contracts.field.owner"), ctx.T("contracts.field.due")},
                   rows);
  }
  WP_ASSIGN_OR_RETURN(auto all, commands_.Contracts(ctx.user, 0));
  std::vector<Contract> drafts;
  for (auto& c : all) {
    if (c.status == ContractStatus::kDraft) drafts.push_back(std::move(c));
  }
  data["drafts"] = ContractsTable(ctx, commands_, drafts, "contracts.overdue.no_drafts");
  return web_.Render(ctx, "contracts/overdue.html", "contracts.overdue.title", data);
}

}  // namespace wp::contracts
