#include "features/contracts/contract_view.h"

#include "core/strings.h"
#include "core/time/format.h"
#include "features/contracts/progress_chart.h"

namespace wp::contracts {

using nlohmann::json;

std::string ContractPath(int64_t id) { return "/wijkcontract/" + std::to_string(id); }
std::string CommitmentPath(int64_t contract_id, int64_t id) {
  return ContractPath(contract_id) + "/afspraak/" + std::to_string(id);
}
std::string NewContractPath(const platforms::Platform& p) { return "/wijkplatform/" + p.slug + "/wijkcontract/nieuw"; }
std::string EvidencePath(int64_t id) { return "/wijkcontract/bewijs/" + std::to_string(id); }

bool UserCan(const web::Context& ctx, Action action, const platforms::Platform& p) {
  return ctx.user && Can(*ctx.user, action, platforms::PlatformScope(p.id), p.borough_slug);
}

json Paragraphs(const std::string& text) {
  json out = json::array();
  std::string current;
  for (auto line : Split(text, '\n')) {
    std::string_view t = Trim(line);
    if (t.empty()) {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += current.empty() ? std::string(t) : " " + std::string(t);
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

json ContractBadge(const web::Context& ctx, const Contract& c) {
  web::Tone tone = c.status == ContractStatus::kDraft ? web::Tone::kInfo : web::Tone::kSuccess;
  return web::StatusBadge(ctx.T("contracts.status." + std::string(ContractStatusName(c.status))), tone);
}

json ProgressBadge(const web::Context& ctx, const Commitment& m, int64_t now) {
  Progress p = ProgressOf(m, now);
  web::Tone tone = p == Progress::kDone      ? web::Tone::kSuccess
                   : p == Progress::kOverdue ? web::Tone::kDanger
                   : p == Progress::kDropped ? web::Tone::kNeutral
                                             : web::Tone::kInfo;
  std::string label = p == Progress::kOverdue
                          ? ctx.T("contracts.progress.overdue")
                          : ctx.T("contracts.commitment_status." + std::string(CommitmentStatusName(m.status)));
  return web::StatusBadge(label, tone);
}

namespace {

std::string Approved(const web::Context& ctx, const ContractCommands& commands, const std::optional<Approval>& a) {
  if (!a) return ctx.T("contracts.contract.not_approved");
  return ctx.T("contracts.contract.approved_on", {{"date", time::FormatDate(commands.zone(), a->at, ctx.locale)}});
}

std::string Party(const web::Context& ctx, PartyKind kind, const std::string& name) {
  return name + " (" + ctx.T("contracts.party." + std::string(PartyKindName(kind))) + ")";
}

}  // namespace

json ContractFacts(const web::Context& ctx, const ContractCommands& commands, const ContractView& v) {
  const Contract& c = v.contract;
  std::vector<web::SummaryRow> rows = {
      {ctx.T("contracts.field.platform"), v.platform.name, "/wijkplatform/" + v.platform.slug},
      {ctx.T("contracts.field.year"), std::to_string(c.year), ""},
      {ctx.T("contracts.field.contact"), c.municipal_contact_name + " (" + c.municipal_contact_email + ")", ""},
      {ctx.T("contracts.contract.platform_approval"), Approved(ctx, commands, c.platform_approval), ""},
      {ctx.T("contracts.contract.municipality_approval"), Approved(ctx, commands, c.municipality_approval), ""},
  };
  if (c.signed_at) {
    rows.push_back(
        {ctx.T("contracts.contract.signed_on"), time::FormatDate(commands.zone(), *c.signed_at, ctx.locale), ""});
  }
  if (c.previous_id) {
    rows.push_back({ctx.T("contracts.contract.previous"), ctx.T("contracts.contract.previous_link"),
                    ContractPath(*c.previous_id) + "/terugblik"});
  }
  return web::SummaryList(rows);
}

json ThemesJson(const web::Context& ctx, const ContractCommands& commands, const ContractView& v) {
  int64_t now = commands.Now();
  json out = json::array();
  for (const auto& t : v.themes) {
    std::vector<std::vector<web::Cell>> rows;
    for (const auto& m : v.commitments) {
      if (m.theme_id != t.id) continue;
      rows.push_back({{m.text, CommitmentPath(v.contract.id, m.id)},
                      {Party(ctx, m.party, m.party_name)},
                      {m.owner_name},
                      {time::FormatPeriodEnd(commands.zone(), m.due_at, ctx.locale)},
                      {ProgressBadge(ctx, m, now)["label"].get<std::string>()}});
    }
    json theme = {{"name", t.name}};
    if (rows.empty()) {
      theme["empty"] = web::EmptyState(ctx.T("contracts.theme.no_commitments"));
    } else {
      theme["table"] =
          web::Table(ctx.T("contracts.theme.caption", {{"theme", t.name}}),
                     {ctx.T("contracts.field.text"), ctx.T("contracts.field.party"), ctx.T("contracts.field.owner"),
                      ctx.T("contracts.field.due"), ctx.T("contracts.list.status")},
                     rows);
    }
    out.push_back(std::move(theme));
  }
  return out;
}

namespace {

std::vector<ChartPart> Parts(const web::Context& ctx, const ThemeProgress& p) {
  return {{ctx.T("contracts.progress.done"), p.done, "#2b7a3d"},
          {ctx.T("contracts.progress.on_track"), p.on_track, "#1f5f8b"},
          {ctx.T("contracts.progress.overdue"), p.overdue, "#b3261e"},
          {ctx.T("contracts.progress.dropped"), p.dropped, "#6b6b6b"}};
}

}  // namespace

json ProgressCharts(const web::Context& ctx, const ContractView& v, int64_t now) {
  auto counts = CountProgress(v.themes, v.commitments, now);
  json out = json::array();
  for (size_t i = 0; i < counts.size(); ++i) {
    const ThemeProgress& p = counts[i];
    ThemeChart chart{"theme-" + std::to_string(v.themes[i].id),
                     ctx.T("contracts.progress.chart_title", {{"theme", v.themes[i].name},
                                                              {"total", int64_t{p.total()}},
                                                              {"done", int64_t{p.done}},
                                                              {"overdue", int64_t{p.overdue}}}),
                     Parts(ctx, p)};
    out.push_back({{"name", v.themes[i].name}, {"svg_html", ThemeChartSvg(chart)}});
  }
  return out;
}

json ProgressTable(const web::Context& ctx, const ContractView& v, int64_t now) {
  auto counts = CountProgress(v.themes, v.commitments, now);
  std::vector<std::vector<web::Cell>> rows;
  for (size_t i = 0; i < counts.size(); ++i) {
    const ThemeProgress& p = counts[i];
    rows.push_back({{v.themes[i].name},
                    {std::to_string(p.done), "", true},
                    {std::to_string(p.on_track), "", true},
                    {std::to_string(p.overdue), "", true},
                    {std::to_string(p.dropped), "", true},
                    {std::to_string(p.total()), "", true}});
  }
  return web::Table(
      ctx.T("contracts.progress.caption"),
      {ctx.T("contracts.theme.name"), ctx.T("contracts.progress.done"), ctx.T("contracts.progress.on_track"),
       ctx.T("contracts.progress.overdue"), ctx.T("contracts.progress.dropped"), ctx.T("contracts.progress.total")},
      rows);
}

json SignedVersionJson(const web::Context& ctx, const Contract& c) {
  json out = json::array();
  if (c.signed_version.empty()) return out;
  json frozen = json::parse(c.signed_version, nullptr, false);
  if (frozen.is_discarded() || !frozen.contains("themes")) return out;
  for (const auto& t : frozen["themes"]) {
    json list = json::array();
    for (const auto& m : t["commitments"]) {
      auto kind = ParsePartyKind(m.value("party", "")).value_or(PartyKind::kDepartment);
      auto last_day = time::ParseDateInput(m.value("due", ""));
      list.push_back({{"text", m.value("text", "")},
                      {"party", Party(ctx, kind, m.value("party_name", ""))},
                      {"owner", m.value("owner", "")},
                      {"due", last_day ? time::FormatDate(*last_day, ctx.locale) : ""}});
    }
    out.push_back({{"name", t.value("name", "")}, {"commitments", list}});
  }
  return out;
}

json AmendmentsTable(const web::Context& ctx, const ContractCommands& commands, const std::vector<Amendment>& list) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& a : list) {
    rows.push_back({{time::FormatDate(commands.zone(), a.at, ctx.locale)},
                    {a.actor_name},
                    {a.before.empty() ? ctx.T("contracts.amendment.new") : a.before},
                    {a.after},
                    {a.reason}});
  }
  return web::Table(
      ctx.T("contracts.amendment.caption"),
      {ctx.T("contracts.history.when"), ctx.T("contracts.history.who"), ctx.T("contracts.amendment.before"),
       ctx.T("contracts.amendment.after"), ctx.T("contracts.field.reason")},
      rows);
}

json HistoryTable(const web::Context& ctx, const ContractCommands& commands, const std::vector<HistoryEntry>& history) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& h : history) {
    rows.push_back({{time::FormatDateTime(commands.zone(), h.at, ctx.locale)},
                    {h.actor_name},
                    {ctx.T("contracts.event." + h.event)},
                    {h.note}});
  }
  return web::Table(ctx.T("contracts.history.caption"),
                    {ctx.T("contracts.history.when"), ctx.T("contracts.history.who"), ctx.T("contracts.history.event"),
                     ctx.T("contracts.history.note")},
                    rows);
}

json ContractsTable(const web::Context& ctx, const ContractCommands& commands, const std::vector<Contract>& list,
                    const std::string& empty_key) {
  if (list.empty()) return {{"empty", web::EmptyState(ctx.T(empty_key))}};
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& c : list) {
    rows.push_back({{c.title, ContractPath(c.id)},
                    {commands.PlatformName(c.platform_id)},
                    {std::to_string(c.year)},
                    {ContractBadge(ctx, c)["label"].get<std::string>()}});
  }
  return {{"table", web::Table(ctx.T("contracts.index.caption"),
                               {ctx.T("contracts.field.title"), ctx.T("contracts.field.platform"),
                                ctx.T("contracts.field.year"), ctx.T("contracts.list.status")},
                               rows)}};
}

}  // namespace wp::contracts
